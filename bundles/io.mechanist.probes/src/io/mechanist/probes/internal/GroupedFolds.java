package io.mechanist.probes.internal;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.SplittableRandom;

import io.mechanist.probes.ProbeInputException;

/**
 * Grouped, class-balanced k-fold assignment: every group goes to exactly one fold, so no group is ever on both
 * sides of a train/test split. Groups are shuffled with the seed, taken largest first, and each is put into the
 * fold where it adds least to the sum of squared per-class counts (which spreads both classes evenly).
 */
public final class GroupedFolds {

    private GroupedFolds() {
    }

    /** The fold of every prompt, in {@code [0, k)}. */
    public static int[] assign(Labels labels, int k, long seed) {
        int n = labels.promptCount();
        int groups = labels.groupCount();
        if (n < k) {
            throw new ProbeInputException(k + "-fold cross-validation needs at least " + k + " prompts, got " + n);
        }
        if (groups < k) {
            throw new ProbeInputException(k + "-fold cross-validation needs at least " + k
                    + " prompt groups (a group is never split across folds), got " + groups + " groups in " + n
                    + " prompts");
        }
        int[][] perClass = new int[groups][2];
        for (int p = 0; p < n; p++) {
            perClass[labels.groupOf()[p]][labels.classOf()[p]]++;
        }
        List<Integer> order = new ArrayList<>(groups);
        for (int g = 0; g < groups; g++) {
            order.add(g);
        }
        SplittableRandom random = new SplittableRandom(seed);
        for (int i = groups - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            Integer t = order.get(i);
            order.set(i, order.get(j));
            order.set(j, t);
        }
        order.sort(Comparator.comparingInt((Integer g) -> perClass[g][0] + perClass[g][1]).reversed());
        int[][] foldCounts = new int[k][2];
        int[] foldOfGroup = new int[groups];
        for (int g : order) {
            int best = -1;
            long bestCost = Long.MAX_VALUE;
            int bestSize = Integer.MAX_VALUE;
            for (int f = 0; f < k; f++) {
                long cost = 0;
                for (int c = 0; c < 2; c++) {
                    cost += (long) perClass[g][c] * (2L * foldCounts[f][c] + perClass[g][c]);
                }
                int size = foldCounts[f][0] + foldCounts[f][1];
                if (cost < bestCost || (cost == bestCost && size < bestSize)) {
                    best = f;
                    bestCost = cost;
                    bestSize = size;
                }
            }
            foldOfGroup[g] = best;
            foldCounts[best][0] += perClass[g][0];
            foldCounts[best][1] += perClass[g][1];
        }
        int[] foldOf = new int[n];
        for (int p = 0; p < n; p++) {
            foldOf[p] = foldOfGroup[labels.groupOf()[p]];
        }
        return foldOf;
    }

    /**
     * Control-task labels (Hewitt &amp; Liang): the classes permuted among the prompts of each fold, so every fold
     * keeps exactly the real labels' class counts (training and test sets as balanced as for the real task) while
     * the control label carries no information about the activations.
     *
     * @param permutation which of several independent permutations (0, 1, ...)
     */
    public static int[] permutedWithinFolds(int[] classOf, int[] foldOf, long seed, int permutation) {
        int n = classOf.length;
        int[] permuted = classOf.clone();
        SplittableRandom random = new SplittableRandom((seed ^ 0x5DEECE66DL) + 0x9E3779B97F4A7C15L * permutation);
        int folds = 0;
        for (int f : foldOf) {
            folds = Math.max(folds, f + 1);
        }
        int[] members = new int[n];
        for (int fold = 0; fold < folds; fold++) {
            int count = 0;
            for (int p = 0; p < n; p++) {
                if (foldOf[p] == fold) {
                    members[count++] = p;
                }
            }
            for (int i = count - 1; i > 0; i--) {
                int j = random.nextInt(i + 1);
                int t = permuted[members[i]];
                permuted[members[i]] = permuted[members[j]];
                permuted[members[j]] = t;
            }
        }
        return permuted;
    }
}
