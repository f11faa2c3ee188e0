package io.mechanist.probes.internal;

import java.util.Arrays;

/** The two matrix-vector products of the solver, written as unit-stride axpy loops that the JIT vectorises. */
final class FloatKernels {

    private FloatKernels() {
    }

    /**
     * {@code out[i] += sum_j a[i, j] w[j]} for a column-major matrix {@code [d, n]} (one column per feature); when
     * {@code lowerTrapezoidal}, column j is zero above row j and those rows are skipped.
     */
    static void gemvColumnMajor(float[] columnMajor, int n, int d, float[] w, float[] out, boolean lowerTrapezoidal) {
        int j = 0;
        for (; j + 3 < d; j += 4) { // four columns per sweep: a quarter of the loads and stores of out
            float w0 = w[j];
            float w1 = w[j + 1];
            float w2 = w[j + 2];
            float w3 = w[j + 3];
            int b0 = j * n;
            int b1 = b0 + n;
            int b2 = b1 + n;
            int b3 = b2 + n;
            for (int i = lowerTrapezoidal ? j : 0; i < n; i++) {
                out[i] += w0 * columnMajor[b0 + i] + w1 * columnMajor[b1 + i] + w2 * columnMajor[b2 + i]
                        + w3 * columnMajor[b3 + i];
            }
        }
        for (; j < d; j++) {
            float wj = w[j];
            int base = j * n;
            for (int i = lowerTrapezoidal ? j : 0; i < n; i++) {
                out[i] += wj * columnMajor[base + i];
            }
        }
    }

    /**
     * {@code out[j] = sum_i r[i] x[i, j]} for a row-major {@code [n, d]} matrix; when {@code lowerTrapezoidal}, row i
     * is zero right of column i and those columns are skipped.
     */
    static void gemvTransposedRowMajor(float[] rowMajor, int n, int d, double[] r, float[] out,
            boolean lowerTrapezoidal) {
        Arrays.fill(out, 0, d, 0f);
        int i = 0;
        for (; i + 3 < n; i += 4) { // four rows per sweep
            float r0 = (float) r[i];
            float r1 = (float) r[i + 1];
            float r2 = (float) r[i + 2];
            float r3 = (float) r[i + 3];
            int b0 = i * d;
            int b1 = b0 + d;
            int b2 = b1 + d;
            int b3 = b2 + d;
            int end = lowerTrapezoidal ? Math.min(d, i + 4) : d;
            for (int j = 0; j < end; j++) {
                out[j] += r0 * rowMajor[b0 + j] + r1 * rowMajor[b1 + j] + r2 * rowMajor[b2 + j]
                        + r3 * rowMajor[b3 + j];
            }
        }
        for (; i < n; i++) {
            float ri = (float) r[i];
            int base = i * d;
            int end = lowerTrapezoidal ? Math.min(d, i + 1) : d;
            for (int j = 0; j < end; j++) {
                out[j] += ri * rowMajor[base + j];
            }
        }
    }

    /** Dot product of a float row with double weights, accumulated in double. */
    static double dot(float[] x, int offset, double[] w) {
        double s0 = 0;
        double s1 = 0;
        int d = w.length;
        int j = 0;
        for (; j + 1 < d; j += 2) {
            s0 += x[offset + j] * w[j];
            s1 += x[offset + j + 1] * w[j + 1];
        }
        if (j < d) {
            s0 += x[offset + j] * w[j];
        }
        return s0 + s1;
    }
}
