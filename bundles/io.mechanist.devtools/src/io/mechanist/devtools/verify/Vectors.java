package io.mechanist.devtools.verify;

import java.util.Random;

/** Small double-precision vector helpers for the verification (no library, so nothing hides the arithmetic). */
final class Vectors {

    private Vectors() {
    }

    /** Mean of the rows whose flag equals {@code which}. */
    static double[] mean(double[][] rows, boolean[] flags, boolean which) {
        double[] sum = new double[rows[0].length];
        int n = 0;
        for (int i = 0; i < rows.length; i++) {
            if (flags[i] == which) {
                for (int d = 0; d < sum.length; d++) {
                    sum[d] += rows[i][d];
                }
                n++;
            }
        }
        if (n == 0) {
            throw new IllegalArgumentException("no examples with label " + which);
        }
        return scale(sum, 1.0 / n);
    }

    static double[] add(double[] a, double[] b) {
        double[] out = new double[a.length];
        for (int i = 0; i < a.length; i++) {
            out[i] = a[i] + b[i];
        }
        return out;
    }

    static double[] subtract(double[] a, double[] b) {
        double[] out = new double[a.length];
        for (int i = 0; i < a.length; i++) {
            out[i] = a[i] - b[i];
        }
        return out;
    }

    static double[] scale(double[] a, double s) {
        double[] out = new double[a.length];
        for (int i = 0; i < a.length; i++) {
            out[i] = a[i] * s;
        }
        return out;
    }

    static double dot(double[] a, double[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            s += a[i] * b[i];
        }
        return s;
    }

    static double norm(double[] a) {
        return Math.sqrt(dot(a, a));
    }

    /** A Gaussian random direction scaled to {@code length}. */
    static double[] randomOfNorm(int dim, double length, Random random) {
        double[] v = new double[dim];
        for (int i = 0; i < dim; i++) {
            v[i] = random.nextGaussian();
        }
        return scale(v, length / norm(v));
    }

    /** Softmax probability of {@code index} in {@code logits}. */
    static double softmaxAt(double[] logits, int index) {
        double max = Double.NEGATIVE_INFINITY;
        for (double l : logits) {
            max = Math.max(max, l);
        }
        double sum = 0;
        for (double l : logits) {
            sum += Math.exp(l - max);
        }
        return Math.exp(logits[index] - max) / sum;
    }

    /** The 95% Wilson score interval of a proportion, as {low, high}. */
    static double[] wilson95(int successes, int n) {
        double z = 1.959963984540054;
        double p = successes / (double) n;
        double denominator = 1 + z * z / n;
        double centre = (p + z * z / (2.0 * n)) / denominator;
        double half = z * Math.sqrt(p * (1 - p) / n + z * z / (4.0 * n * n)) / denominator;
        return new double[] {centre - half, centre + half};
    }
}
