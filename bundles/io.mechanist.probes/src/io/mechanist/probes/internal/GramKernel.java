package io.mechanist.probes.internal;

import java.util.Arrays;

/**
 * Lower triangle of the Gram matrix {@code X X^T} of rows given as columns ({@code columns[j][0..n)}, one array
 * per feature): the kernel that dominates the logistic fits of cells with fewer rows than features.
 *
 * <p>Features are taken in chunks of {@value #CHUNK}. For each row i, a chunk's products with rows {@code k <= i}
 * are summed in float in a row-long scratch array, eight features per unit-stride sweep over k (one distinct array
 * per feature, which C2 vectorises), and the chunk sums are then accumulated in double. The chunk's columns
 * ({@code CHUNK * n * 4} bytes) stay in the L1 cache while every row sweeps over them; larger chunks fall out of it
 * and run several times slower.
 */
public final class GramKernel {

    static final int CHUNK = 16;
    private static final int BLOCK = 8;

    private final float[] partial;

    /** Scratch for matrices of up to {@code maxRows} rows. */
    public GramKernel(int maxRows) {
        partial = new float[maxRows];
    }

    /** Fills the lower triangle of row-major {@code gram [n, n]} (the upper part is left at 0). */
    public void lowerGram(float[][] columns, int n, int d, double[] gram) {
        Arrays.fill(gram, 0, n * n, 0);
        float[] p = partial;
        for (int j0 = 0; j0 < d; j0 += CHUNK) {
            int chunkEnd = Math.min(d, j0 + CHUNK);
            for (int i = 0; i < n; i++) {
                int end = i + 1;
                Arrays.fill(p, 0, end, 0f);
                int j = j0;
                for (; j + BLOCK <= chunkEnd; j += BLOCK) {
                    float[] x0 = columns[j];
                    float[] x1 = columns[j + 1];
                    float[] x2 = columns[j + 2];
                    float[] x3 = columns[j + 3];
                    float[] x4 = columns[j + 4];
                    float[] x5 = columns[j + 5];
                    float[] x6 = columns[j + 6];
                    float[] x7 = columns[j + 7];
                    float a0 = x0[i], a1 = x1[i], a2 = x2[i], a3 = x3[i];
                    float a4 = x4[i], a5 = x5[i], a6 = x6[i], a7 = x7[i];
                    for (int k = 0; k < end; k++) {
                        p[k] += a0 * x0[k] + a1 * x1[k] + a2 * x2[k] + a3 * x3[k] + a4 * x4[k] + a5 * x5[k]
                                + a6 * x6[k] + a7 * x7[k];
                    }
                }
                for (; j < chunkEnd; j++) {
                    float[] x = columns[j];
                    float a = x[i];
                    for (int k = 0; k < end; k++) {
                        p[k] += a * x[k];
                    }
                }
                int base = i * n;
                for (int k = 0; k < end; k++) {
                    gram[base + k] += p[k];
                }
            }
        }
    }
}
