package io.mechanist.djl.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.FloatBuffer;
import java.util.Random;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.GradientCollector;
import io.mechanist.djl.DjlEngines;
import io.mechanist.djl.OpenBlas;
import io.mechanist.djl.WeightMatmul;

/**
 * The forward's weight product on OpenBLAS against plain double-precision Java, and libtorch's (the fallback)
 * against the same reference, on small real matrices: dense and transposed weights, bias, leading batch shapes,
 * strided inputs, blocks with row strides, and a product large enough to be split over threads.
 */
class WeightMatmulTest {

    private static NDManager manager;

    @BeforeAll
    static void start() {
        manager = DjlEngines.withBundleLoader(() -> DjlEngines.engine().newBaseManager());
    }

    @AfterAll
    static void stop() {
        manager.close();
    }

    @Test
    void openBlasLoadsFromTheEmbeddedJarOnLinuxX86() {
        assumeTrue(System.getProperty("os.name").toLowerCase().startsWith("linux")
                && System.getProperty("os.arch").equals("amd64"), "natives are shipped for linux-x86_64 only");
        assertTrue(OpenBlas.available(), OpenBlas.describe());
        assertTrue(OpenBlas.describe().startsWith("OpenBLAS 0.3"), OpenBlas.describe());
    }

    @Test
    void denseWeightWithBiasMatchesDoublePrecisionOnBothPaths() {
        int batch = 2, rows = 3, in = 37, out = 53;
        float[] x = random(batch * rows * in, 1);
        float[] w = random(out * in, 2);
        float[] b = random(out, 3);
        double[][] expected = reference(x, batch * rows, in, w, out, false, b);
        try (NDManager scope = manager.newSubManager()) {
            NDArray xa = scope.create(x, new Shape(batch, rows, in));
            NDArray wa = scope.create(w, new Shape(out, in));
            NDArray ba = scope.create(b, new Shape(out));
            long[] before = WeightMatmul.productCounts();
            NDArray fast = WeightMatmul.linear(xa, wa, ba);
            assertRan(before, true);
            assertEquals(new Shape(batch, rows, out), fast.getShape());
            assertClose(expected, fast.toFloatArray());
            // x keeps its shape, and the next weight multiplying it (k after q, up after gate) runs there too
            assertEquals(new Shape(batch, rows, in), xa.getShape());
            before = WeightMatmul.productCounts();
            assertClose(expected, WeightMatmul.linear(xa, wa, ba).toFloatArray());
            assertRan(before, true);
            NDArray fallback = WeightMatmul.libtorch(xa, wa, ba);
            assertClose(expected, fallback.toFloatArray());
            assertClose(new double[][] {toDouble(fallback.toFloatArray()), expected[1]}, fast.toFloatArray());
        }
    }

    @Test
    void transposedViewOfAStoredInOutMatrixIsMultipliedAsStored() {
        int rows = 11, in = 29, out = 70;
        float[] x = random(rows * in, 4);
        float[] stored = random(in * out, 5); // GPT-2's Conv1D layout [in, out]
        double[][] expected = reference(x, rows, in, stored, out, true, null);
        try (NDManager scope = manager.newSubManager()) {
            NDArray xa = scope.create(x, new Shape(rows, in));
            NDArray weight = scope.create(stored, new Shape(in, out)).transpose();
            long[] before = WeightMatmul.productCounts();
            NDArray fast = WeightMatmul.linear(xa, weight, null);
            assertRan(before, true);
            assertClose(expected, fast.toFloatArray());
            assertClose(expected, WeightMatmul.libtorch(xa, weight, null).toFloatArray());
        }
    }

    @Test
    void stridedInputGoesToLibtorchWithTheSameNumbers() {
        int rows = 6, in = 13, out = 9;
        float[] stored = random(in * rows, 6); // x^T stored, so x is a strided view
        float[] x = new float[rows * in];
        for (int r = 0; r < rows; r++) {
            for (int c = 0; c < in; c++) {
                x[r * in + c] = stored[c * rows + r];
            }
        }
        float[] w = random(out * in, 7);
        double[][] expected = reference(x, rows, in, w, out, false, null);
        try (NDManager scope = manager.newSubManager()) {
            NDArray xa = scope.create(stored, new Shape(in, rows)).transpose();
            long[] before = WeightMatmul.productCounts();
            NDArray result = WeightMatmul.linear(xa, scope.create(w, new Shape(out, in)), null);
            assertRan(before, false);
            assertClose(expected, result.toFloatArray());
        }
    }

    @Test
    void productsThatRecordGradientsStayOnLibtorchAndKeepTheGraph() {
        int rows = 4, in = 5, out = 3;
        float[] w = random(out * in, 8);
        try (NDManager scope = manager.newSubManager(); GradientCollector collector = scope.getEngine()
                .newGradientCollector()) {
            // as the runtime takes a gradient at a site: activations plus a zero probe that requires the gradient
            NDArray probe = scope.zeros(new Shape(rows, in));
            probe.setRequiresGradient(true);
            NDArray xa = scope.create(random(rows * in, 9), new Shape(rows, in)).add(probe);
            long[] before = WeightMatmul.productCounts();
            NDArray y = WeightMatmul.linear(xa, scope.create(w, new Shape(out, in)), null);
            assertRan(before, false);
            collector.backward(y.sum());
            // d(sum(x W^T))/dx[r, c] = sum over outputs of W[o, c]
            float[] gradient = probe.getGradient().toFloatArray();
            for (int r = 0; r < rows; r++) {
                for (int c = 0; c < in; c++) {
                    double columnSum = 0;
                    for (int o = 0; o < out; o++) {
                        columnSum += w[o * in + c];
                    }
                    assertEquals(columnSum, gradient[r * in + c], 1e-5);
                }
            }
        }
    }

    @Test
    void sgemmBlocksWithRowStridesAndOffsets() {
        assumeTrue(OpenBlas.available(), OpenBlas.describe());
        // c's columns 3..3+n of a wider matrix, from a's rows with stride 10 and b stored [n, k] with stride 8
        int m = 5, n = 4, k = 7, lda = 10, ldb = 8, ldc = 12;
        float[] a = random(m * lda, 10);
        float[] b = random(n * ldb, 11);
        FloatBuffer c = direct(new float[m * ldc]);
        OpenBlas.sgemm(m, n, k, direct(a), lda, direct(b), ldb, true, c.position(3).slice(), ldc);
        for (int i = 0; i < m; i++) {
            for (int j = 0; j < ldc; j++) {
                double expected = 0;
                if (j >= 3 && j < 3 + n) {
                    for (int p = 0; p < k; p++) {
                        expected += (double) a[i * lda + p] * b[(j - 3) * ldb + p];
                    }
                }
                assertEquals(expected, c.get(i * ldc + j), 1e-5 * (1 + Math.abs(expected)), "c[" + i + "," + j + "]");
            }
        }
    }

    @Test
    void aProductSplitOverThreadsMatchesDoublePrecision() {
        assumeTrue(OpenBlas.available(), OpenBlas.describe());
        // 96 x 200 x 300 = 5.8M multiply-adds: split by columns when there are several threads; 200 is not a
        // multiple of the 64-column blocks, so the last block is narrower.
        int m = 96, n = 200, k = 300;
        float[] a = random(m * k, 12);
        float[] b = random(k * n, 13);
        FloatBuffer c = direct(new float[m * n]);
        OpenBlas.sgemm(m, n, k, direct(a), direct(b), false, c);
        double[][] expected = reference(a, m, k, b, n, true, null);
        float[] actual = new float[m * n];
        c.get(0, actual);
        assertClose(expected, actual);
    }

    @Test
    void aSingleRowMatchesDoublePrecisionInBothLayoutsSplitOrNot() {
        assumeTrue(OpenBlas.available(), OpenBlas.describe());
        // one row (a decoding step) takes sgemv; 1500 x 800 weights are split over threads, 70 x 30 are not; 1500
        // is not a multiple of the 64-column blocks
        for (int[] size : new int[][] {{1500, 800}, {70, 30}}) {
            int n = size[0], k = size[1];
            float[] a = random(k, 14);
            for (boolean stored : new boolean[] {true, false}) { // b as [n, k] (transposed) or [k, n]
                float[] b = random(n * k, 15);
                FloatBuffer c = direct(new float[n]);
                OpenBlas.sgemm(1, n, k, direct(a), direct(b), stored, c);
                double[][] expected = reference(a, 1, k, b, n, !stored, null);
                float[] actual = new float[n];
                c.get(0, actual);
                assertClose(expected, actual);
            }
        }
    }

    @Test
    void aSingleRowWithRowStridesAndOffsets() {
        assumeTrue(OpenBlas.available(), OpenBlas.describe());
        // c's columns 3..3+n of a wider row, b with a row stride larger than its rows, in both layouts
        int n = 5, k = 7, ldc = 12;
        float[] a = random(k, 16);
        for (boolean transposed : new boolean[] {true, false}) {
            int ldb = transposed ? k + 3 : n + 4;
            float[] b = random((transposed ? n : k) * ldb, 17);
            FloatBuffer c = direct(new float[ldc]);
            OpenBlas.sgemm(1, n, k, direct(a), k, direct(b), ldb, transposed, c.position(3).slice(), ldc);
            for (int j = 0; j < ldc; j++) {
                double expected = 0;
                if (j >= 3 && j < 3 + n) {
                    for (int p = 0; p < k; p++) {
                        expected += (double) a[p] * (transposed ? b[(j - 3) * ldb + p] : b[p * ldb + j - 3]);
                    }
                }
                assertEquals(expected, c.get(j), 1e-5 * (1 + Math.abs(expected)), transposed + " c[" + j + "]");
            }
        }
    }

    @Test
    void turnedOffOrMissingItSaysWhy() {
        assertFalse(OpenBlas.describe().isBlank());
        assertTrue(OpenBlas.threads() >= 1);
    }

    private static void assertRan(long[] before, boolean onOpenBlas) {
        long[] after = WeightMatmul.productCounts();
        boolean expectOpenBlas = onOpenBlas && OpenBlas.available();
        assertEquals(expectOpenBlas ? 1 : 0, after[0] - before[0], "products on OpenBLAS");
        assertEquals(expectOpenBlas ? 0 : 1, after[1] - before[1], "products on libtorch");
    }

    /**
     * x [rows, in] times w [out, in] (or stored [in, out]) plus b, in double precision: {values, bounds}, where a
     * bound is the sum of the terms' magnitudes, which scales float32's rounding error of that element.
     */
    private static double[][] reference(float[] x, int rows, int in, float[] w, int out, boolean storedInOut,
            float[] b) {
        double[] y = new double[rows * out];
        double[] magnitude = new double[rows * out];
        for (int r = 0; r < rows; r++) {
            for (int o = 0; o < out; o++) {
                double sum = b == null ? 0 : b[o];
                double abs = Math.abs(sum);
                for (int i = 0; i < in; i++) {
                    double term = (double) x[r * in + i] * (storedInOut ? w[i * out + o] : w[o * in + i]);
                    sum += term;
                    abs += Math.abs(term);
                }
                y[r * out + o] = sum;
                magnitude[r * out + o] = abs;
            }
        }
        return new double[][] {y, magnitude};
    }

    /** Within a few float32 roundings of each term's size: far below any wrong index or missing term. */
    private static void assertClose(double[][] expected, float[] actual) {
        assertEquals(expected[0].length, actual.length);
        for (int i = 0; i < actual.length; i++) {
            assertEquals(expected[0][i], actual[i], 1e-6 * (1 + expected[1][i]), "element " + i);
        }
    }

    private static double[] toDouble(float[] values) {
        double[] out = new double[values.length];
        for (int i = 0; i < values.length; i++) {
            out[i] = values[i];
        }
        return out;
    }

    private static float[] random(int count, long seed) {
        Random random = new Random(seed);
        float[] v = new float[count];
        for (int i = 0; i < count; i++) {
            v[i] = (float) random.nextGaussian();
        }
        return v;
    }

    private static FloatBuffer direct(float[] values) {
        FloatBuffer buffer = ByteBuffer.allocateDirect(values.length * Float.BYTES).order(ByteOrder.nativeOrder())
                .asFloatBuffer();
        buffer.put(values).flip();
        return buffer;
    }
}
