package io.mechanist.probes.internal;

/**
 * Per-feature standardisation fitted on training rows only: {@code x' = (x - mean) / sd} (population sd, as
 * scikit-learn's StandardScaler). Constant features get scale 0, so they contribute nothing.
 */
final class Standardizer {

    final double[] mean;
    final double[] invScale;

    Standardizer(int d) {
        mean = new double[d];
        invScale = new double[d];
    }

    /** Fits on rows {@code rows[0..count)} of the row-major {@code [n, d]} matrix {@code x}. */
    void fit(float[] x, int d, int[] rows, int count) {
        java.util.Arrays.fill(mean, 0);
        double[] squares = invScale; // reused as the accumulator of squared deviations
        java.util.Arrays.fill(squares, 0);
        for (int r = 0; r < count; r++) {
            int base = rows[r] * d;
            for (int j = 0; j < d; j++) {
                mean[j] += x[base + j];
            }
        }
        for (int j = 0; j < d; j++) {
            mean[j] /= count;
        }
        for (int r = 0; r < count; r++) {
            int base = rows[r] * d;
            for (int j = 0; j < d; j++) {
                double dev = x[base + j] - mean[j];
                squares[j] += dev * dev;
            }
        }
        for (int j = 0; j < d; j++) {
            double sd = Math.sqrt(squares[j] / count);
            invScale[j] = sd > 1e-12 * Math.max(1, Math.abs(mean[j])) ? 1 / sd : 0;
        }
    }

    /**
     * Writes the standardised training rows both as rows {@code rows[r][0..d)} and as columns
     * {@code columns[j][0..count)} (the two layouts let both products of the solver run as vectorisable loops).
     */
    void transform(float[] x, int d, int[] rowIndices, int count, float[][] rows, float[][] columns) {
        for (int r = 0; r < count; r++) {
            int base = rowIndices[r] * d;
            float[] out = rows[r];
            for (int j = 0; j < d; j++) {
                out[j] = (float) ((x[base + j] - mean[j]) * invScale[j]);
            }
        }
        // transpose in tiles of 16 rows so each column array is written in short contiguous runs
        for (int r0 = 0; r0 < count; r0 += 16) {
            int r1 = Math.min(count, r0 + 16);
            for (int j = 0; j < d; j++) {
                float[] column = columns[j];
                for (int r = r0; r < r1; r++) {
                    column[r] = rows[r][j];
                }
            }
        }
    }

    /** Maps standardised weights {@code w} (bias {@code b}) to original-space weights; returns the new bias. */
    double toOriginal(double[] w, double b, double[] originalWeights) {
        double bias = b;
        for (int j = 0; j < w.length; j++) {
            originalWeights[j] = w[j] * invScale[j];
            bias -= originalWeights[j] * mean[j];
        }
        return bias;
    }
}
