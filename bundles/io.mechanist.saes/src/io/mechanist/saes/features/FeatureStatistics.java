package io.mechanist.saes.features;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import io.mechanist.saes.CaptureRows;
import io.mechanist.saes.SparseAutoencoder;

/**
 * Per feature of an SAE on a set of captured rows: density, largest and mean non-zero activation, a histogram of
 * its non-zero activations and its top-activating rows (prompt, position, value), largest first.
 *
 * @param rows rows encoded
 * @param fires per feature, rows where it is non-zero
 * @param maxActivation per feature, its largest activation (0 if it never fires)
 * @param sumActivation per feature, the sum of its activations
 * @param histogram per feature, counts of non-zero activations in {@code bins} equal bins over (0, max]
 * @param top per feature, up to {@code topN} examples, largest first
 */
public record FeatureStatistics(int rows, long[] fires, float[] maxActivation, double[] sumActivation,
        int[][] histogram, List<List<Example>> top) {

    /** One top-activating token. */
    public record Example(int prompt, int position, float value) {
    }

    public int features() {
        return fires.length;
    }

    public double density(int feature) {
        return rows == 0 ? 0 : (double) fires[feature] / rows;
    }

    /** Mean over the rows where the feature fires (0 if it never does). */
    public double meanNonZero(int feature) {
        return fires[feature] == 0 ? 0 : sumActivation[feature] / fires[feature];
    }

    /** Encodes every row and collects the statistics. */
    public static FeatureStatistics collect(SparseAutoencoder sae, CaptureRows rows, int topN, int bins) {
        int dSae = sae.dSae();
        int dIn = sae.dIn();
        int n = rows.rows();
        float[] features = new float[dSae];
        long[] fires = new long[dSae];
        float[] max = new float[dSae];
        double[] sum = new double[dSae];
        float[][] topValues = new float[dSae][topN];
        int[][] topRows = new int[dSae][topN];
        int[] topCount = new int[dSae];
        for (int r = 0; r < n; r++) {
            sae.encode(rows.values(), r * dIn, features);
            for (int j = 0; j < dSae; j++) {
                float v = features[j];
                if (v == 0) {
                    continue;
                }
                fires[j]++;
                sum[j] += v;
                max[j] = Math.max(max[j], v);
                insert(topValues[j], topRows[j], topCount, j, v, r, topN);
            }
        }
        int[][] histogram = new int[dSae][bins];
        // a second pass bins each feature over (0, its max]
        for (int r = 0; r < n; r++) {
            sae.encode(rows.values(), r * dIn, features);
            for (int j = 0; j < dSae; j++) {
                float v = features[j];
                if (v != 0 && max[j] > 0) {
                    int bin = (int) Math.min(bins - 1, Math.floor(v / max[j] * bins));
                    histogram[j][Math.max(bin, 0)]++;
                }
            }
        }
        List<List<Example>> top = new ArrayList<>();
        for (int j = 0; j < dSae; j++) {
            List<Example> examples = new ArrayList<>();
            for (int t = 0; t < topCount[j]; t++) {
                int r = topRows[j][t];
                examples.add(new Example(rows.prompt()[r], rows.position()[r], topValues[j][t]));
            }
            top.add(List.copyOf(examples));
        }
        return new FeatureStatistics(n, fires, max, sum, histogram, List.copyOf(top));
    }

    /** Keeps the topN largest values sorted descending (ties: the earlier row first). */
    private static void insert(float[] values, int[] rowsOf, int[] counts, int feature, float v, int row, int topN) {
        int count = counts[feature];
        if (count == topN && !(v > values[topN - 1])) {
            return;
        }
        int at = count < topN ? count++ : topN - 1;
        while (at > 0 && v > values[at - 1]) {
            values[at] = values[at - 1];
            rowsOf[at] = rowsOf[at - 1];
            at--;
        }
        values[at] = v;
        rowsOf[at] = row;
        counts[feature] = count;
    }

    /** The bin edges' upper ends of feature {@code feature}'s histogram. */
    public double[] binUpperEdges(int feature) {
        int bins = histogram[feature].length;
        double[] edges = new double[bins];
        for (int b = 0; b < bins; b++) {
            edges[b] = maxActivation[feature] * (b + 1) / bins;
        }
        return edges;
    }

    @Override
    public String toString() {
        return "FeatureStatistics[rows=" + rows + ", features=" + fires.length + ", dead="
                + Arrays.stream(fires).filter(f -> f == 0).count() + "]";
    }
}
