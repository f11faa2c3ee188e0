package io.mechanist.probes.internal;

import java.util.Arrays;

/**
 * Lower triangle of the Gram matrix {@code X X^T} of rows given column-major ({@code [d, n]}, one column per
 * feature): the kernel that dominates the logistic fits of cells with fewer rows than features.
 *
 * <p>Features are taken in blocks of {@value #BLOCK}; within a block, four rows {@code i..i+3} are swept together
 * over the rows {@code k <= i+3}, so each load of a column element feeds four rows' products (a 4 x 8 register
 * tile; the loops over {@code k} are unit-stride and vectorised by the JIT). Each block's products are summed in
 * float and the block sums accumulated in double, in the same order as a row-by-row sweep, so the result does not
 * depend on the tiling.
 */
public final class GramKernel {

    static final int BLOCK = 8;
    private static final int TILE = 4;

    private final float[][] partial;

    /** Scratch for matrices of up to {@code maxRows} rows. */
    public GramKernel(int maxRows) {
        partial = new float[TILE][maxRows];
    }

    /** Fills the lower triangle of row-major {@code gram [n, n]} (the upper part is left at 0). */
    public void lowerGram(float[] columns, int n, int d, double[] gram) {
        Arrays.fill(gram, 0, n * n, 0);
        float[] p0 = partial[0];
        float[] p1 = partial[1];
        float[] p2 = partial[2];
        float[] p3 = partial[3];
        int j = 0;
        for (; j + BLOCK <= d; j += BLOCK) {
            int c0 = j * n;
            int c1 = c0 + n;
            int c2 = c1 + n;
            int c3 = c2 + n;
            int c4 = c3 + n;
            int c5 = c4 + n;
            int c6 = c5 + n;
            int c7 = c6 + n;
            int i = 0;
            for (; i + TILE <= n; i += TILE) {
                float a0 = columns[c0 + i], a1 = columns[c1 + i], a2 = columns[c2 + i], a3 = columns[c3 + i];
                float a4 = columns[c4 + i], a5 = columns[c5 + i], a6 = columns[c6 + i], a7 = columns[c7 + i];
                float b0 = columns[c0 + i + 1], b1 = columns[c1 + i + 1], b2 = columns[c2 + i + 1];
                float b3 = columns[c3 + i + 1], b4 = columns[c4 + i + 1], b5 = columns[c5 + i + 1];
                float b6 = columns[c6 + i + 1], b7 = columns[c7 + i + 1];
                float e0 = columns[c0 + i + 2], e1 = columns[c1 + i + 2], e2 = columns[c2 + i + 2];
                float e3 = columns[c3 + i + 2], e4 = columns[c4 + i + 2], e5 = columns[c5 + i + 2];
                float e6 = columns[c6 + i + 2], e7 = columns[c7 + i + 2];
                float f0 = columns[c0 + i + 3], f1 = columns[c1 + i + 3], f2 = columns[c2 + i + 3];
                float f3 = columns[c3 + i + 3], f4 = columns[c4 + i + 3], f5 = columns[c5 + i + 3];
                float f6 = columns[c6 + i + 3], f7 = columns[c7 + i + 3];
                int end = i + TILE;
                for (int k = 0; k < end; k++) {
                    float x0 = columns[c0 + k], x1 = columns[c1 + k], x2 = columns[c2 + k], x3 = columns[c3 + k];
                    float x4 = columns[c4 + k], x5 = columns[c5 + k], x6 = columns[c6 + k], x7 = columns[c7 + k];
                    p0[k] = a0 * x0 + a1 * x1 + a2 * x2 + a3 * x3 + a4 * x4 + a5 * x5 + a6 * x6 + a7 * x7;
                    p1[k] = b0 * x0 + b1 * x1 + b2 * x2 + b3 * x3 + b4 * x4 + b5 * x5 + b6 * x6 + b7 * x7;
                    p2[k] = e0 * x0 + e1 * x1 + e2 * x2 + e3 * x3 + e4 * x4 + e5 * x5 + e6 * x6 + e7 * x7;
                    p3[k] = f0 * x0 + f1 * x1 + f2 * x2 + f3 * x3 + f4 * x4 + f5 * x5 + f6 * x6 + f7 * x7;
                }
                accumulate(gram, i * n, p0, i + 1);
                accumulate(gram, (i + 1) * n, p1, i + 2);
                accumulate(gram, (i + 2) * n, p2, i + 3);
                accumulate(gram, (i + 3) * n, p3, i + 4);
            }
            for (; i < n; i++) { // the last rows of a count not divisible by the tile
                float a0 = columns[c0 + i], a1 = columns[c1 + i], a2 = columns[c2 + i], a3 = columns[c3 + i];
                float a4 = columns[c4 + i], a5 = columns[c5 + i], a6 = columns[c6 + i], a7 = columns[c7 + i];
                for (int k = 0; k <= i; k++) {
                    p0[k] = a0 * columns[c0 + k] + a1 * columns[c1 + k] + a2 * columns[c2 + k]
                            + a3 * columns[c3 + k] + a4 * columns[c4 + k] + a5 * columns[c5 + k]
                            + a6 * columns[c6 + k] + a7 * columns[c7 + k];
                }
                accumulate(gram, i * n, p0, i + 1);
            }
        }
        for (; j < d; j++) {
            int c = j * n;
            for (int i = 0; i < n; i++) {
                float a = columns[c + i];
                int base = i * n;
                for (int k = 0; k <= i; k++) {
                    gram[base + k] += a * columns[c + k];
                }
            }
        }
    }

    private static void accumulate(double[] gram, int base, float[] blockSums, int count) {
        for (int k = 0; k < count; k++) {
            gram[base + k] += blockSums[k];
        }
    }
}
