package io.mechanist.probes.internal;

import java.util.Arrays;

/**
 * The two matrix-vector products of the solver, written as unit-stride axpy loops that the JIT vectorises.
 *
 * <p>Matrices are arrays of rows or columns ({@code float[][]}), one Java array per row/column: C2's
 * auto-vectoriser handles a loop over several distinct arrays, but not one that reads the same array at several
 * offsets (it then falls back to scalar code, about 5x slower here).
 */
final class FloatKernels {

    private FloatKernels() {
    }

    /**
     * {@code out[i] += sum_j a[i, j] w[j]} for a matrix given as {@code columns[j][0..n)}; when
     * {@code lowerTrapezoidal}, column j is zero above row j and those rows are skipped.
     */
    static void gemvColumns(float[][] columns, int n, int d, float[] w, float[] out, boolean lowerTrapezoidal) {
        int j = 0;
        for (; j + 3 < d; j += 4) { // four columns per sweep: a quarter of the loads and stores of out
            float w0 = w[j];
            float w1 = w[j + 1];
            float w2 = w[j + 2];
            float w3 = w[j + 3];
            float[] c0 = columns[j];
            float[] c1 = columns[j + 1];
            float[] c2 = columns[j + 2];
            float[] c3 = columns[j + 3];
            // trapezoidal: the skipped rows are zero in all four columns (the stored zeros above the diagonal of
            // columns j+1..j+3 are multiplied in)
            for (int i = lowerTrapezoidal ? j : 0; i < n; i++) {
                out[i] += w0 * c0[i] + w1 * c1[i] + w2 * c2[i] + w3 * c3[i];
            }
        }
        for (; j < d; j++) {
            float wj = w[j];
            float[] c = columns[j];
            for (int i = lowerTrapezoidal ? j : 0; i < n; i++) {
                out[i] += wj * c[i];
            }
        }
    }

    /**
     * {@code out[j] = sum_i r[i] x[i, j]} for a matrix given as {@code rows[i][0..d)}; when
     * {@code lowerTrapezoidal}, row i is zero right of column i and those columns are skipped.
     */
    static void gemvTransposedRows(float[][] rows, int n, int d, double[] r, float[] out, boolean lowerTrapezoidal) {
        Arrays.fill(out, 0, d, 0f);
        int i = 0;
        for (; i + 3 < n; i += 4) { // four rows per sweep
            float r0 = (float) r[i];
            float r1 = (float) r[i + 1];
            float r2 = (float) r[i + 2];
            float r3 = (float) r[i + 3];
            float[] x0 = rows[i];
            float[] x1 = rows[i + 1];
            float[] x2 = rows[i + 2];
            float[] x3 = rows[i + 3];
            int end = lowerTrapezoidal ? Math.min(d, i + 4) : d; // stored zeros right of each row's diagonal
            for (int j = 0; j < end; j++) {
                out[j] += r0 * x0[j] + r1 * x1[j] + r2 * x2[j] + r3 * x3[j];
            }
        }
        for (; i < n; i++) {
            float ri = (float) r[i];
            float[] x = rows[i];
            int end = lowerTrapezoidal ? Math.min(d, i + 1) : d;
            for (int j = 0; j < end; j++) {
                out[j] += ri * x[j];
            }
        }
    }

    /**
     * Dot product of a float row with double weights, accumulated in double. Eight independent partial sums: a
     * double reduction is not vectorised, and one or two accumulators would wait on the add latency.
     */
    static double dot(float[] x, int offset, double[] w) {
        double s0 = 0;
        double s1 = 0;
        double s2 = 0;
        double s3 = 0;
        double s4 = 0;
        double s5 = 0;
        double s6 = 0;
        double s7 = 0;
        int d = w.length;
        int j = 0;
        for (; j + 7 < d; j += 8) {
            int o = offset + j;
            s0 += x[o] * w[j];
            s1 += x[o + 1] * w[j + 1];
            s2 += x[o + 2] * w[j + 2];
            s3 += x[o + 3] * w[j + 3];
            s4 += x[o + 4] * w[j + 4];
            s5 += x[o + 5] * w[j + 5];
            s6 += x[o + 6] * w[j + 6];
            s7 += x[o + 7] * w[j + 7];
        }
        for (; j < d; j++) {
            s0 += x[offset + j] * w[j];
        }
        return ((s0 + s1) + (s2 + s3)) + ((s4 + s5) + (s6 + s7));
    }

    /** Dot product of the first {@code length} entries of two double vectors, with eight partial sums. */
    static double dot(double[] a, double[] b, int length) {
        double s0 = 0;
        double s1 = 0;
        double s2 = 0;
        double s3 = 0;
        double s4 = 0;
        double s5 = 0;
        double s6 = 0;
        double s7 = 0;
        int j = 0;
        for (; j + 7 < length; j += 8) {
            s0 += a[j] * b[j];
            s1 += a[j + 1] * b[j + 1];
            s2 += a[j + 2] * b[j + 2];
            s3 += a[j + 3] * b[j + 3];
            s4 += a[j + 4] * b[j + 4];
            s5 += a[j + 5] * b[j + 5];
            s6 += a[j + 6] * b[j + 6];
            s7 += a[j + 7] * b[j + 7];
        }
        for (; j < length; j++) {
            s0 += a[j] * b[j];
        }
        return ((s0 + s1) + (s2 + s3)) + ((s4 + s5) + (s6 + s7));
    }
}
