package io.mechanist.probes.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.SplittableRandom;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import io.mechanist.probes.internal.GramKernel;

/**
 * The chunked float Gram kernel against a plain double-precision {@code X X^T}, for sizes around its chunk (16)
 * and block (8) boundaries: every lower-triangle entry within 1e-6 of {@code sqrt(G_ii G_kk)}, upper part zero.
 */
class GramKernelTest {

    @ParameterizedTest(name = "n={0} d={1}")
    @CsvSource({"1, 1", "3, 7", "5, 8", "17, 15", "16, 16", "33, 17", "40, 23", "64, 40", "101, 333"})
    void lowerTriangleMatchesDoubleReference(int n, int d) {
        SplittableRandom random = new SplittableRandom(31L * n + d);
        float[][] columns = new float[d][n + 3]; // longer than n, as the solver's reused buffers are
        for (float[] column : columns) {
            for (int i = 0; i < column.length; i++) {
                column[i] = (float) (random.nextGaussian() + 0.5);
            }
        }
        double[] gram = new double[n * n];
        java.util.Arrays.fill(gram, 7); // stale contents must be overwritten
        new GramKernel(n + 3).lowerGram(columns, n, d, gram);
        for (int i = 0; i < n; i++) {
            for (int k = 0; k < n; k++) {
                double expected = 0;
                for (int j = 0; j < d && k <= i; j++) {
                    expected += (double) columns[j][i] * columns[j][k];
                }
                double scale = k <= i ? Math.sqrt(squares(columns, i, d) * squares(columns, k, d)) : 1;
                assertEquals(expected, gram[i * n + k], 1e-6 * scale, "entry (" + i + ", " + k + ")");
            }
        }
    }

    private static double squares(float[][] columns, int row, int d) {
        double s = 0;
        for (int j = 0; j < d; j++) {
            s += (double) columns[j][row] * columns[j][row];
        }
        return s;
    }
}
