package io.mechanist.heatmap.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.CancellationException;

import org.junit.jupiter.api.Test;

import io.mechanist.core.hooks.HookPoint;
import io.mechanist.core.hooks.HookSite;
import io.mechanist.heatmap.ActivationSource;
import io.mechanist.heatmap.HeatmapData;
import io.mechanist.heatmap.HeatmapRequest;
import io.mechanist.heatmap.HeatmapRequests;
import io.mechanist.heatmap.NeuronFilter;

/** Builds heatmaps through the source seam and checks cells against the arrays the source holds. */
class HeatmapRequestsTest {

    private static final int LAYERS = 3;
    private static final int HEADS = 2;
    private static final int D = 6;
    private static final List<String> TOKENS = List.of("x", " y", " z", "!");

    /** An activation source over arrays in memory. */
    record ArraySource(Map<HookSite, ActivationSource.Slice> slices, List<Direction> directions)
            implements ActivationSource {
        @Override
        public String description() {
            return "arrays";
        }

        @Override
        public List<String> tokens() {
            return TOKENS;
        }

        @Override
        public int layerCount() {
            return LAYERS;
        }

        @Override
        public int headCount() {
            return HEADS;
        }

        @Override
        public Set<HookSite> capturedSites() {
            return slices.keySet();
        }

        @Override
        public Slice activations(HookSite site) {
            Slice s = slices.get(site);
            if (s == null) {
                throw new IllegalArgumentException("not captured: " + site.id());
            }
            return s;
        }
    }

    private final ArraySource source = build();

    private static ArraySource build() {
        Random random = new Random(3);
        Map<HookSite, ActivationSource.Slice> slices = new HashMap<>();
        int p = TOKENS.size();
        for (int layer = 0; layer < LAYERS; layer++) {
            float[] resid = new float[p * D];
            for (int i = 0; i < resid.length; i++) {
                resid[i] = (float) random.nextGaussian();
            }
            slices.put(HookSite.of(HookPoint.RESID_POST, layer), new ActivationSource.Slice(resid, new int[] { p, D }));
            float[] pattern = new float[HEADS * p * p];
            for (int i = 0; i < pattern.length; i++) {
                pattern[i] = random.nextFloat();
            }
            slices.put(HookSite.of(HookPoint.ATTN_PATTERN, layer),
                    new ActivationSource.Slice(pattern, new int[] { HEADS, p, p }));
        }
        float[] v = { 1, 0, 0, 0, 0, 0 };
        return new ArraySource(slices, List.of(new ActivationSource.Direction("first axis", v)));
    }

    private float stored(HookPoint point, int layer, int index) {
        return source.slices().get(HookSite.of(point, layer)).values()[index];
    }

    @Test
    void layerByPositionReadsEveryLayer() throws Exception {
        HeatmapData projection = HeatmapRequests.build(source, new HeatmapRequest.LayerByPosition(HookPoint.RESID_POST,
                HeatmapRequest.Measure.PROJECTION, "first axis"), () -> false);
        assertEquals(LAYERS, projection.rows());
        for (int layer = 0; layer < LAYERS; layer++) {
            for (int pos = 0; pos < TOKENS.size(); pos++) {
                assertEquals(stored(HookPoint.RESID_POST, layer, pos * D), projection.value(layer, pos), 1e-6);
            }
        }
        HeatmapData norm = HeatmapRequests.build(source,
                new HeatmapRequest.LayerByPosition(HookPoint.RESID_POST, HeatmapRequest.Measure.NORM, null), () -> false);
        double sum = 0;
        for (int i = 0; i < D; i++) {
            sum += Math.pow(stored(HookPoint.RESID_POST, 2, 3 * D + i), 2);
        }
        assertEquals(Math.sqrt(sum), norm.value(2, 3), 1e-5);
    }

    @Test
    void neuronAndAttentionMapsHoldTheStoredValues() throws Exception {
        HeatmapData neurons = HeatmapRequests.build(source, new HeatmapRequest.NeuronByPosition(
                HookSite.of(HookPoint.RESID_POST, 1), NeuronFilter.all()), () -> false);
        assertEquals(stored(HookPoint.RESID_POST, 1, 2 * D + 4), neurons.value(4, 2));
        HeatmapData attention = HeatmapRequests.build(source, new HeatmapRequest.AttentionPattern(2, 1), () -> false);
        int p = TOKENS.size();
        assertEquals(stored(HookPoint.ATTN_PATTERN, 2, (1 * p + 3) * p + 0), attention.value(3, 0));
    }

    @Test
    void missingCapturesAndDirectionsAreNamed() {
        IllegalArgumentException site = assertThrows(IllegalArgumentException.class, () -> HeatmapRequests.build(source,
                new HeatmapRequest.LayerByPosition(HookPoint.MLP_OUT, HeatmapRequest.Measure.NORM, null), () -> false));
        assertTrue(site.getMessage().contains("blocks.0.mlp_out"), site.getMessage());
        IllegalArgumentException direction = assertThrows(IllegalArgumentException.class,
                () -> HeatmapRequests.build(source, new HeatmapRequest.LayerByPosition(HookPoint.RESID_POST,
                        HeatmapRequest.Measure.COSINE, "honesty"), () -> false));
        assertTrue(direction.getMessage().contains("'honesty'") && direction.getMessage().contains("first axis"),
                direction.getMessage());
        assertThrows(CancellationException.class, () -> HeatmapRequests.build(source,
                new HeatmapRequest.LayerByPosition(HookPoint.RESID_POST, HeatmapRequest.Measure.NORM, null), () -> true));
        assertThrows(IllegalArgumentException.class,
                () -> new HeatmapRequest.LayerByPosition(HookPoint.ATTN_PATTERN, HeatmapRequest.Measure.NORM, null));
    }
}
