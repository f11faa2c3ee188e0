package io.mechanist.probes.internal;

import java.util.Arrays;

/**
 * Difference-of-means ("mass-mean") probe in the original activation space: direction
 * {@code theta = mean(positive rows) - mean(negative rows)}, score {@code theta . x}, and the threshold on the
 * score that classifies the training rows best (ties broken towards the midpoint of the two projected class
 * means).
 */
final class MassMeanTrainer {

    private final int d;
    private final double[] positiveSum;
    private final double[] negativeSum;
    private final double[] scores;
    private final Integer[] order;

    MassMeanTrainer(int d, int maxRows) {
        this.d = d;
        positiveSum = new double[d];
        negativeSum = new double[d];
        scores = new double[maxRows];
        order = new Integer[maxRows];
    }

    /**
     * Fits on rows {@code rows[0..count)} of the row-major {@code [n, d]} matrix {@code x} with classes
     * {@code cls[row]} in {0, 1}; writes theta to {@code weightsOut} and returns the bias ({@code -threshold}).
     * Both classes must be present.
     */
    double fit(float[] x, int[] rows, int count, int[] cls, double[] weightsOut) {
        Arrays.fill(positiveSum, 0);
        Arrays.fill(negativeSum, 0);
        int positives = 0;
        for (int r = 0; r < count; r++) {
            int row = rows[r];
            double[] sum = cls[row] == 1 ? positiveSum : negativeSum;
            positives += cls[row];
            int base = row * d;
            for (int j = 0; j < d; j++) {
                sum[j] += x[base + j];
            }
        }
        int negatives = count - positives;
        for (int j = 0; j < d; j++) {
            weightsOut[j] = positiveSum[j] / positives - negativeSum[j] / negatives;
        }
        double projectedPositive = 0;
        double projectedNegative = 0;
        for (int j = 0; j < d; j++) {
            projectedPositive += weightsOut[j] * positiveSum[j] / positives;
            projectedNegative += weightsOut[j] * negativeSum[j] / negatives;
        }
        double midpoint = 0.5 * (projectedPositive + projectedNegative);
        for (int r = 0; r < count; r++) {
            scores[r] = FloatKernels.dot(x, rows[r] * d, weightsOut);
            order[r] = r;
        }
        Arrays.sort(order, 0, count, (a, b) -> Double.compare(scores[a], scores[b]));
        // threshold t predicts positive when score > t; start below every score (all predicted positive)
        int correct = positives;
        int bestCorrect = correct;
        double bestThreshold = scores[order[0]] - 1;
        double bestDistance = Math.abs(bestThreshold - midpoint);
        for (int k = 0; k < count; k++) {
            int row = rows[order[k]];
            correct += cls[row] == 1 ? -1 : 1; // this row moves to "negative"
            boolean lastOfTies = k == count - 1 || scores[order[k + 1]] > scores[order[k]];
            if (!lastOfTies) {
                continue;
            }
            double threshold = k == count - 1 ? scores[order[k]] + 1
                    : 0.5 * (scores[order[k]] + scores[order[k + 1]]);
            double distance = Math.abs(threshold - midpoint);
            if (correct > bestCorrect || (correct == bestCorrect && distance < bestDistance)) {
                bestCorrect = correct;
                bestThreshold = threshold;
                bestDistance = distance;
            }
        }
        return -bestThreshold;
    }
}
