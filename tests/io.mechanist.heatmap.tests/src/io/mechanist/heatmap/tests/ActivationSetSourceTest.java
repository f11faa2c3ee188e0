package io.mechanist.heatmap.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.mechanist.core.activations.ActivationSet;
import io.mechanist.core.activations.FloatMatrix;
import io.mechanist.core.activations.PromptInfo;
import io.mechanist.core.activations.StoredVectorData;
import io.mechanist.core.hooks.HookPoint;
import io.mechanist.heatmap.ActivationSetSource;
import io.mechanist.heatmap.HeatmapData;
import io.mechanist.heatmap.HeatmapRequest;
import io.mechanist.heatmap.HeatmapRequests;

/** The store adapter, over a capture held in arrays: one prompt of 3 tokens, 2 layers, 2 heads, d_model 4. */
class ActivationSetSourceTest {

    private static final int P = 3;
    private static final int D = 4;
    private static final int H = 2;

    /** A capture in memory with the store's row layout: [pos, d_model] and [query, head, key]. */
    record ArrayCapture(int[] captured, int storedKeys) implements ActivationSet {

        ArrayCapture(int[] captured) {
            this(captured, P);
        }

        @Override
        public String id() {
            return "capture-1";
        }

        @Override
        public int promptCount() {
            return 1;
        }

        @Override
        public List<String> siteIds() {
            return List.of("blocks.0.resid_post", "blocks.1.resid_post", "blocks.1.attn_pattern");
        }

        @Override
        public int[] rowShape(String siteId) {
            return siteId.endsWith("attn_pattern") ? new int[] { H, storedKeys } : new int[] { D };
        }

        @Override
        public int rowWidth(String siteId) {
            return siteId.endsWith("attn_pattern") ? H * storedKeys : D;
        }

        @Override
        public List<PromptInfo> prompts() {
            return List.of(new PromptInfo(0, "a b c", new int[] { 1, 2, 3 }, List.of("a", " b", " c"), Map.of(),
                    "group-0", null));
        }

        @Override
        public int tokenCount(int prompt) {
            return P;
        }

        @Override
        public int[] positions(int prompt) {
            return captured;
        }

        @Override
        public boolean hasPosition(int prompt, int position) {
            return position < captured.length;
        }

        @Override
        public void readRow(String siteId, int prompt, int position, float[] target, int offset) {
            float[] all = prompt(siteId, prompt).data();
            int w = rowWidth(siteId);
            System.arraycopy(all, position * w, target, offset, w);
        }

        @Override
        public FloatMatrix prompt(String siteId, int prompt) {
            int w = rowWidth(siteId);
            float[] data = new float[P * w];
            int layer = siteId.startsWith("blocks.1") ? 1 : 0;
            for (int i = 0; i < data.length; i++) {
                data[i] = 100 * layer + i; // row q of a pattern: head-major [head, key]
            }
            return new FloatMatrix(P, w, data);
        }

        @Override
        public FloatMatrix promptRange(String siteId, int prompt, int fromPosition, int toPosition) {
            throw new UnsupportedOperationException();
        }

        @Override
        public List<FloatMatrix> promptLayers(HookPoint point, int fromLayer, int toLayer, int prompt) {
            throw new UnsupportedOperationException();
        }

        @Override
        public FloatMatrix column(String siteId, int[] prompts, int[] positions) {
            throw new UnsupportedOperationException();
        }

        @Override
        public FloatMatrix column(String siteId, int position) {
            throw new UnsupportedOperationException();
        }

        @Override
        public void close() {
        }
    }

    @Test
    void readsResidualsAndReordersAttentionPatterns() throws Exception {
        StoredVectorData v = new StoredVectorData("v1", "unit x", "blocks.1.resid_post", "probe",
                new float[] { 1, 0, 0, 0 }, Map.of());
        ActivationSetSource source = new ActivationSetSource(new ArrayCapture(new int[] { 0, 1, 2 }), 0, List.of(v));
        assertEquals(2, source.layerCount());
        assertEquals(H, source.headCount());
        assertEquals(List.of("a", " b", " c"), source.tokens());
        HeatmapData projection = HeatmapRequests.build(source,
                new HeatmapRequest.LayerByPosition(HookPoint.RESID_POST, HeatmapRequest.Measure.PROJECTION, "unit x"),
                () -> false);
        assertEquals(100 + 2 * D, projection.value(1, 2), 1e-5, "x[layer 1, pos 2, 0]");
        HeatmapData pattern = HeatmapRequests.build(source, new HeatmapRequest.AttentionPattern(1, 1), () -> false);
        // stored row q = [head 0 keys..., head 1 keys...]; head 1, query 2, key 0 is element 2 * (H * P) + 1 * P + 0
        assertEquals(100 + 2 * H * P + P, pattern.value(2, 0));
    }

    @Test
    void patternsPaddedToALongerPromptKeepOnlyThisPromptsKeys() throws Exception {
        // The store pads pattern rows to the capture's longest prompt (here 5 keys for a 3-token prompt).
        int stored = 5;
        ActivationSetSource source = new ActivationSetSource(new ArrayCapture(new int[] { 0, 1, 2 }, stored), 0,
                List.of());
        HeatmapData pattern = HeatmapRequests.build(source, new HeatmapRequest.AttentionPattern(1, 1), () -> false);
        assertEquals(P, pattern.rows());
        assertEquals(P, pattern.columns());
        assertEquals(100 + 2 * H * stored + stored, pattern.value(2, 0), "head 1, query 2, key 0");
        assertEquals(100 + 2 * H * stored + stored + 2, pattern.value(2, 2), "head 1, query 2, key 2");
    }

    @Test
    void refusesCapturesOfSomePositionsOnly() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new ActivationSetSource(new ArrayCapture(new int[] { 2 }), 0, List.of()));
        assertTrue(e.getMessage().contains("1 of the 3 positions"), e.getMessage());
    }
}
