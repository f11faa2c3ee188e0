package io.mechanist.heatmap.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;

import io.mechanist.heatmap.HeatmapData;
import io.mechanist.heatmap.LayerPositionMaps;
import io.mechanist.heatmap.ValueKind;
import io.mechanist.heatmap.ValueRange;

class LayerPositionMapsTest {

    private static final int LAYERS = 5;
    private static final int POSITIONS = 7;
    private static final int D_MODEL = 33;
    private static final List<String> TOKENS = List.of("<bos>", "The", " cat", " sat", " on", " the", " mat");
    private static final List<String> LAYER_LABELS = List.of("0", "1", "2", "3", "4");

    private final float[][] residual = randomResidual(42);
    private final float[] direction = randomVector(7);

    @Test
    void normMatchesAHandComputation() {
        HeatmapData map = LayerPositionMaps.residualNorm(residual, D_MODEL, TOKENS, LAYER_LABELS,
                "blocks.*.resid_post");
        assertEquals(LAYERS, map.rows());
        assertEquals(POSITIONS, map.columns());
        assertEquals(ValueKind.MAGNITUDE, map.kind());
        for (int layer = 0; layer < LAYERS; layer++) {
            for (int pos = 0; pos < POSITIONS; pos++) {
                double sum = 0;
                for (int i = 0; i < D_MODEL; i++) {
                    sum += Math.pow(element(layer, pos, i), 2);
                }
                assertEquals(Math.sqrt(sum), map.value(layer, pos), 1e-6 * Math.sqrt(sum), layer + "," + pos);
            }
        }
        assertEquals(" cat", map.columnLabels().get(2));
    }

    @Test
    void projectionAndCosineMatchAHandComputation() {
        HeatmapData projection = LayerPositionMaps.projection(residual, D_MODEL, TOKENS, LAYER_LABELS, "site",
                direction, "v");
        HeatmapData cosine = LayerPositionMaps.cosine(residual, D_MODEL, TOKENS, LAYER_LABELS, "site", direction,
                "v");
        double vv = 0;
        for (float f : direction) {
            vv += (double) f * f;
        }
        for (int layer = 0; layer < LAYERS; layer++) {
            for (int pos = 0; pos < POSITIONS; pos++) {
                double xv = 0;
                double xx = 0;
                for (int i = 0; i < D_MODEL; i++) {
                    xv += element(layer, pos, i) * direction[i];
                    xx += element(layer, pos, i) * element(layer, pos, i);
                }
                assertEquals(xv / Math.sqrt(vv), projection.value(layer, pos), 1e-5);
                assertEquals(xv / Math.sqrt(vv * xx), cosine.value(layer, pos), 1e-6);
            }
        }
        assertEquals(ValueKind.SIGNED, projection.kind());
        assertEquals(new ValueRange(-1, 1), cosine.displayRange());
        double extent = projection.maxAbsValue();
        assertEquals(new ValueRange(-extent, extent), projection.displayRange(), "signed ranges are symmetric");
    }

    @Test
    void projectionDoesNotDependOnTheDirectionsLength() {
        float[] longer = direction.clone();
        for (int i = 0; i < longer.length; i++) {
            longer[i] *= 8;
        }
        HeatmapData a = LayerPositionMaps.projection(residual, D_MODEL, TOKENS, LAYER_LABELS, "s", direction, "v");
        HeatmapData b = LayerPositionMaps.projection(residual, D_MODEL, TOKENS, LAYER_LABELS, "s", longer, "8v");
        assertEquals(a.value(3, 4), b.value(3, 4), 1e-5);
    }

    @Test
    void cosineOfAZeroResidualIsUndefined() {
        float[][] withZero = residual.clone();
        withZero[1] = residual[1].clone();
        java.util.Arrays.fill(withZero[1], 2 * D_MODEL, 3 * D_MODEL, 0f);
        HeatmapData cosine = LayerPositionMaps.cosine(withZero, D_MODEL, TOKENS, LAYER_LABELS, "s", direction, "v");
        assertTrue(Float.isNaN(cosine.value(1, 2)));
        assertTrue(Float.isFinite(cosine.value(1, 3)));
    }

    @Test
    void badShapesAreRefusedWithAClearMessage() {
        float[][] shortLayer = residual.clone();
        shortLayer[2] = new float[5];
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> LayerPositionMaps.residualNorm(shortLayer, D_MODEL, TOKENS, LAYER_LABELS, "s"));
        assertTrue(e.getMessage().contains("Layer 2") && e.getMessage().contains("d_model=33"), e.getMessage());
        IllegalArgumentException zero = assertThrows(IllegalArgumentException.class,
                () -> LayerPositionMaps.projection(residual, D_MODEL, TOKENS, LAYER_LABELS, "s", new float[D_MODEL],
                        "empty"));
        assertTrue(zero.getMessage().contains("'empty'"), zero.getMessage());
        assertThrows(IllegalArgumentException.class,
                () -> LayerPositionMaps.cosine(residual, D_MODEL, TOKENS, LAYER_LABELS, "s", new float[3], "short"));
    }

    private double element(int layer, int pos, int i) {
        return residual[layer][pos * D_MODEL + i];
    }

    private static float[][] randomResidual(long seed) {
        Random random = new Random(seed);
        float[][] r = new float[LAYERS][POSITIONS * D_MODEL];
        for (float[] layer : r) {
            for (int i = 0; i < layer.length; i++) {
                layer[i] = (float) (random.nextGaussian() * 3);
            }
        }
        return r;
    }

    private static float[] randomVector(long seed) {
        Random random = new Random(seed);
        float[] v = new float[D_MODEL];
        for (int i = 0; i < D_MODEL; i++) {
            v[i] = (float) random.nextGaussian();
        }
        return v;
    }
}
