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
     * Writes the standardised training rows both row-major {@code [count, d]} and column-major {@code [d, count]}
     * (the two layouts let both products of the solver run as vectorisable loops).
     */
    void transform(float[] x, int d, int[] rows, int count, float[] rowMajor, float[] columnMajor) {
        for (int r = 0; r < count; r++) {
            int base = rows[r] * d;
            int out = r * d;
            for (int j = 0; j < d; j++) {
                rowMajor[out + j] = (float) ((x[base + j] - mean[j]) * invScale[j]);
            }
        }
        for (int r = 0; r < count; r++) {
            int out = r * d;
            for (int j = 0; j < d; j++) {
                columnMajor[j * count + r] = rowMajor[out + j];
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
