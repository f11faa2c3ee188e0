package io.mechanist.djl.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.util.Random;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import io.mechanist.djl.AttentionMatmul;
import io.mechanist.djl.AttentionMatmul.Heads;
import io.mechanist.djl.DjlEngines;
import io.mechanist.djl.OpenBlas;

/**
 * Attention's two products on OpenBLAS against plain double-precision Java: heads read in place from the rows of a
 * fused [batch, pos, (q + k + v) heads * headDim] projection, grouped-query heads sharing key/value heads, the mixed
 * values written in [batch, pos, head * headDim] order, and batches large enough to be spread over threads.
 */
class AttentionMatmulTest {

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
    void fusedProjectionIsReadInPlace() {
        check(2, 5, 3, 3, 8, 0.35f, 1);
    }

    @Test
    void groupedQueryHeadsReadTheirSharedKeyValueHead() {
        check(3, 7, 6, 2, 4, 0.5f, 2);
    }

    @Test
    void batchesLargeEnoughToBeSpreadOverThreadsGiveTheSameNumbers() {
        check(4, 128, 4, 4, 32, 0.125f, 3);
    }

    @Test
    void unusableArraysAreRefused() {
        assumeTrue(OpenBlas.available(), OpenBlas.describe());
        try (NDManager scope = manager.newSubManager()) {
            NDArray dense = scope.randomNormal(new Shape(2, 3, 4));
            assertTrue(AttentionMatmul.usable(dense));
            assertFalse(AttentionMatmul.usable(dense.transpose(1, 0, 2)), "a strided view");
            assertFalse(AttentionMatmul.usable(dense.toType(ai.djl.ndarray.types.DataType.FLOAT64, false)));
            NDArray probs = scope.randomNormal(new Shape(2, 2, 3, 3));
            Heads wrongLength = new Heads(dense, 0, 4, 4, 1);
            assertThrows(IllegalArgumentException.class, () -> AttentionMatmul.mix(probs, wrongLength, 2, 2));
            Heads outside = new Heads(dense, 2, 4, 3, 2);
            assertThrows(IllegalArgumentException.class, () -> AttentionMatmul.scores(outside, outside, 2, 2, 1f),
                    "heads reaching past the storage");
        }
    }

    /** Random fused q/k/v rows, scores and mix against double precision. */
    private static void check(int batch, int length, int heads, int kvHeads, int headDim, float alpha, long seed) {
        assumeTrue(OpenBlas.available(), OpenBlas.describe());
        int width = (heads + 2 * kvHeads) * headDim;
        float[] rows = random(batch * length * width, seed);
        int group = heads / kvHeads;
        double[] expectedScores = new double[batch * heads * length * length];
        double[] scoreMagnitude = new double[expectedScores.length];
        for (int b = 0; b < batch; b++) {
            for (int h = 0; h < heads; h++) {
                for (int q = 0; q < length; q++) {
                    for (int k = 0; k < length; k++) {
                        double sum = 0;
                        double abs = 0;
                        for (int d = 0; d < headDim; d++) {
                            double term = (double) rows[(b * length + q) * width + h * headDim + d]
                                    * rows[(b * length + k) * width + (heads + h / group) * headDim + d];
                            sum += term;
                            abs += Math.abs(term);
                        }
                        int i = ((b * heads + h) * length + q) * length + k;
                        expectedScores[i] = alpha * sum;
                        scoreMagnitude[i] = alpha * abs;
                    }
                }
            }
        }
        float[] probs = random(batch * heads * length * length, seed + 100);
        double[] expectedMix = new double[batch * length * heads * headDim];
        double[] mixMagnitude = new double[expectedMix.length];
        for (int b = 0; b < batch; b++) {
            for (int h = 0; h < heads; h++) {
                for (int q = 0; q < length; q++) {
                    for (int d = 0; d < headDim; d++) {
                        double sum = 0;
                        double abs = 0;
                        for (int k = 0; k < length; k++) {
                            double term = (double) probs[((b * heads + h) * length + q) * length + k]
                                    * rows[(b * length + k) * width + (heads + kvHeads + h / group) * headDim + d];
                            sum += term;
                            abs += Math.abs(term);
                        }
                        int i = ((b * length + q) * heads + h) * headDim + d;
                        expectedMix[i] = sum;
                        mixMagnitude[i] = abs;
                    }
                }
            }
        }
        try (NDManager scope = manager.newSubManager()) {
            NDArray fused = scope.create(rows, new Shape(batch, length, width));
            assertTrue(AttentionMatmul.usable(fused));
            Heads query = new Heads(fused, 0, width, length, heads);
            Heads key = new Heads(fused, (long) heads * headDim, width, length, kvHeads);
            Heads value = new Heads(fused, (long) (heads + kvHeads) * headDim, width, length, kvHeads);
            NDArray scores = AttentionMatmul.scores(query, key, batch, headDim, alpha);
            assertEquals(new Shape(batch, heads, length, length), scores.getShape());
            assertClose(expectedScores, scoreMagnitude, scores.toFloatArray());
            NDArray mixed = AttentionMatmul.mix(scope.create(probs, new Shape(batch, heads, length, length)), value,
                    batch, headDim);
            assertEquals(new Shape(batch, length, heads * headDim), mixed.getShape());
            assertClose(expectedMix, mixMagnitude, mixed.toFloatArray());
        }
    }

    private static void assertClose(double[] expected, double[] magnitude, float[] actual) {
        assertEquals(expected.length, actual.length);
        for (int i = 0; i < actual.length; i++) {
            assertEquals(expected[i], actual[i], 1e-6 * (1 + magnitude[i]), "element " + i);
        }
    }

    private static float[] random(int count, long seed) {
        Random random = new Random(seed);
        float[] v = new float[count];
        for (int i = 0; i < count; i++) {
            v[i] = (float) random.nextGaussian();
        }
        return v;
    }
}
