package io.mechanist.demo.task;

import io.mechanist.core.datasets.DatasetRecord;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

/**
 * Generates the demo task's prompts from a seed. The unordered number pairs (the groups) are shuffled and dealt into
 * three disjoint sets: training groups (the model is trained on every prompt of these; the probe train split is
 * drawn from them), test groups (the held-out test split) and contrast groups (the contrast-pair set used to build
 * steering vectors). No group is shared between the sets, so test and contrast prompts are about number pairs the
 * model never saw together. Neighbouring numbers (n, n+1) are always training groups: nothing else tells the model
 * their order, so held-out pairs differ by at least 2. The same seed gives the same prompts, splits and order.
 */
public final class DemoDatasetGenerator {

    /** Groups dealt to the test set. */
    public static final int TEST_GROUPS = 60;
    /** Groups dealt to the contrast-pair set. */
    public static final int CONTRAST_GROUPS = 60;

    private final long seed;
    private final List<int[]> trainGroups = new ArrayList<>();
    private final List<int[]> testGroups = new ArrayList<>();
    private final List<int[]> contrastGroups = new ArrayList<>();

    public DemoDatasetGenerator(long seed) {
        this.seed = seed;
        List<int[]> groups = new ArrayList<>();
        for (int a = 0; a < DemoVocabulary.NUMBER_COUNT; a++) {
            for (int b = a + 2; b < DemoVocabulary.NUMBER_COUNT; b++) {
                groups.add(new int[] {a, b});
            }
        }
        Collections.shuffle(groups, new Random(seed));
        testGroups.addAll(groups.subList(0, TEST_GROUPS));
        contrastGroups.addAll(groups.subList(TEST_GROUPS, TEST_GROUPS + CONTRAST_GROUPS));
        // Neighbours (n, n+1) are always trained on: only they pin down the order of the number line.
        for (int a = 0; a + 1 < DemoVocabulary.NUMBER_COUNT; a++) {
            trainGroups.add(new int[] {a, a + 1});
        }
        trainGroups.addAll(groups.subList(TEST_GROUPS + CONTRAST_GROUPS, groups.size()));
    }

    public long seed() {
        return seed;
    }

    /** Every prompt of the training groups (16 per group), in a fixed order: what the model is trained on. */
    public List<ComparisonPrompt> trainingCorpus() {
        return variantsOf(trainGroups);
    }

    /** A balanced sample (half answer A, half B) of {@code size} prompts from the training groups. */
    public List<DatasetRecord> trainSplit(int size) {
        return toRecords(trainPrompts(size), "train");
    }

    /** The prompts of {@link #trainSplit(int)}, in the same order. */
    public List<ComparisonPrompt> trainPrompts(int size) {
        return balancedSample(variantsOf(trainGroups), size, 1);
    }

    /** A balanced sample of {@code size} prompts from the held-out test groups. */
    public List<DatasetRecord> testSplit(int size) {
        return toRecords(testPrompts(size), "test");
    }

    /** The prompts of {@link #testSplit(int)}, in the same order. */
    public List<ComparisonPrompt> testPrompts(int size) {
        return balancedSample(variantsOf(testGroups), size, 2);
    }

    /**
     * {@code pairCount} contrast pairs from the contrast groups: each pair is one question asked twice with the
     * options swapped, so the two prompts share numbers, question and reasoning trace and differ only in which
     * letter shows the winner. The answer-A prompt comes first in each pair.
     */
    public List<DatasetRecord> contrastPairs(int pairCount) {
        List<ComparisonPrompt> aFirst = new ArrayList<>();
        for (ComparisonPrompt p : variantsOf(contrastGroups)) {
            if (p.answer().equals("A")) {
                aFirst.add(p);
            }
        }
        if (pairCount > aFirst.size()) {
            throw new IllegalArgumentException("at most " + aFirst.size() + " contrast pairs, asked " + pairCount);
        }
        Collections.shuffle(aFirst, new Random(seed * 31 + 3));
        List<DatasetRecord> records = new ArrayList<>();
        for (int i = 0; i < pairCount; i++) {
            ComparisonPrompt a = aFirst.get(i);
            String pair = String.format("pair-%04d", i);
            records.add(a.toRecord(pair + "-a", pair));
            records.add(a.withOptionsSwapped().toRecord(pair + "-b", pair));
        }
        return records;
    }

    /** The 16 prompts about one number pair: both orders x both questions x both option orders x both templates. */
    static List<ComparisonPrompt> variants(int a, int b) {
        List<ComparisonPrompt> out = new ArrayList<>();
        for (boolean aMentionedFirst : new boolean[] {true, false}) {
            for (boolean asksLarger : new boolean[] {true, false}) {
                for (boolean optionAHoldsFirst : new boolean[] {true, false}) {
                    for (boolean longTemplate : new boolean[] {false, true}) {
                        out.add(new ComparisonPrompt(aMentionedFirst ? a : b, aMentionedFirst ? b : a, asksLarger,
                                optionAHoldsFirst, longTemplate));
                    }
                }
            }
        }
        return out;
    }

    private static List<ComparisonPrompt> variantsOf(List<int[]> groups) {
        List<ComparisonPrompt> out = new ArrayList<>();
        for (int[] g : groups) {
            out.addAll(variants(g[0], g[1]));
        }
        return out;
    }

    private List<ComparisonPrompt> balancedSample(List<ComparisonPrompt> pool, int size, int stream) {
        if (size % 2 != 0) {
            throw new IllegalArgumentException("a balanced split needs an even size, got " + size);
        }
        List<ComparisonPrompt> shuffled = new ArrayList<>(pool);
        Random random = new Random(seed * 31 + stream);
        Collections.shuffle(shuffled, random);
        List<ComparisonPrompt> a = new ArrayList<>();
        List<ComparisonPrompt> b = new ArrayList<>();
        for (ComparisonPrompt p : shuffled) {
            List<ComparisonPrompt> side = p.answer().equals("A") ? a : b;
            if (side.size() < size / 2) {
                side.add(p);
            }
        }
        if (a.size() < size / 2 || b.size() < size / 2) {
            throw new IllegalArgumentException("only " + pool.size() + " prompts available, asked " + size);
        }
        List<ComparisonPrompt> sample = new ArrayList<>(a);
        sample.addAll(b);
        Collections.shuffle(sample, random);
        return sample;
    }

    private static List<DatasetRecord> toRecords(List<ComparisonPrompt> prompts, String prefix) {
        List<DatasetRecord> records = new ArrayList<>();
        for (int i = 0; i < prompts.size(); i++) {
            records.add(prompts.get(i).toRecord(String.format("%s-%04d", prefix, i), null));
        }
        return records;
    }
}
