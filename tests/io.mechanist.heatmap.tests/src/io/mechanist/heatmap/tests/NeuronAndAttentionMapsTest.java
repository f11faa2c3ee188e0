package io.mechanist.heatmap.tests;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

import io.mechanist.heatmap.AttentionMaps;
import io.mechanist.heatmap.HeatmapData;
import io.mechanist.heatmap.NeuronFilter;
import io.mechanist.heatmap.NeuronPositionMaps;
import io.mechanist.heatmap.TokenText;
import io.mechanist.heatmap.ValueKind;
import io.mechanist.heatmap.ValueRange;

class NeuronAndAttentionMapsTest {

    private static final List<String> TOKENS = List.of("A", " b", " c");
    /** [pos=3, width=4]; max |a| per neuron: n0 = 1, n1 = 9, n2 = 0.5, n3 = 4. */
    private static final float[] ACTS = {
            1, -2, 0.5f, 4,
            0, 9, 0.25f, -1,
            -1, 3, 0, 0 };

    @Test
    void neuronMapIsTheTransposeInIndexOrder() {
        HeatmapData map = NeuronPositionMaps.neurons(ACTS, 4, TOKENS, "blocks.1.mlp_out", NeuronFilter.all());
        assertEquals(4, map.rows());
        assertEquals(3, map.columns());
        for (int n = 0; n < 4; n++) {
            for (int pos = 0; pos < 3; pos++) {
                assertEquals(ACTS[pos * 4 + n], map.value(n, pos));
            }
        }
        assertEquals(List.of("0", "1", "2", "3"), map.rowLabels());
        assertEquals(ValueKind.SIGNED, map.kind());
    }

    @Test
    void neuronsSortByMaxAbsoluteActivationAndFilter() {
        assertArrayEquals(new float[] { 1, 9, 0.5f, 4 }, NeuronPositionMaps.maxAbsPerNeuron(ACTS, 3, 4));
        HeatmapData sorted = NeuronPositionMaps.neurons(ACTS, 4, TOKENS, "s",
                new NeuronFilter(NeuronFilter.Order.MAX_ABS_DESCENDING, 0, 0));
        assertEquals(List.of("1", "3", "0", "2"), sorted.rowLabels());
        assertEquals(9f, sorted.value(0, 1));
        assertEquals(3, sorted.rowId(1));

        HeatmapData threshold = NeuronPositionMaps.neurons(ACTS, 4, TOKENS, "s",
                new NeuronFilter(NeuronFilter.Order.INDEX, 1, 0));
        assertEquals(List.of("0", "1", "3"), threshold.rowLabels(), "|a| >= 1 keeps n0 (exactly 1), n1, n3");

        HeatmapData top2 = NeuronPositionMaps.neurons(ACTS, 4, TOKENS, "s",
                new NeuronFilter(NeuronFilter.Order.INDEX, 0, 2));
        assertEquals(List.of("1", "3"), top2.rowLabels());
        assertEquals(-1f, top2.value(1, 1));

        IllegalArgumentException none = assertThrows(IllegalArgumentException.class,
                () -> NeuronPositionMaps.neurons(ACTS, 4, TOKENS, "s", new NeuronFilter(NeuronFilter.Order.INDEX, 10, 0)));
        assertTrue(none.getMessage().contains("largest is 9.0"), none.getMessage());
        assertThrows(IllegalArgumentException.class, () -> new NeuronFilter(NeuronFilter.Order.INDEX, -1, 0));
        assertThrows(IllegalArgumentException.class, () -> NeuronPositionMaps.neurons(new float[11], 4, TOKENS, "s",
                NeuronFilter.all()));
    }

    @Test
    void attentionPatternPicksTheHead() {
        int heads = 2;
        float[] pattern = new float[heads * 3 * 3];
        for (int h = 0; h < heads; h++) {
            for (int q = 0; q < 3; q++) {
                for (int k = 0; k <= q; k++) {
                    pattern[(h * 3 + q) * 3 + k] = (h + 1) * 0.1f + q * 0.01f + k * 0.001f;
                }
            }
        }
        HeatmapData map = AttentionMaps.pattern(pattern, heads, TOKENS, 4, 1);
        assertEquals(0.2f + 0.02f + 0.001f, map.value(2, 1), 1e-7);
        assertEquals(0f, map.value(0, 2), "causal mask");
        assertEquals(new ValueRange(0, 1), map.displayRange());
        assertEquals("query", map.rowAxis());
        assertEquals("key", map.columnAxis());
        assertTrue(map.rowsAreTokens());
        String cell = TokenText.describeCell(map, 2, 1);
        assertEquals("key ' b' (position 1)\nquery ' c' (position 2)\nblocks.4.attn_pattern, head 1\nvalue 0.221 probability",
                cell);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> AttentionMaps.pattern(pattern, heads, TOKENS, 4, 2));
        assertTrue(e.getMessage().contains("2 heads"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> AttentionMaps.pattern(new float[17], heads, TOKENS, 4, 0));
    }

    @Test
    void cellDescriptionsNameTokenRowAndValue() {
        HeatmapData map = NeuronPositionMaps.neurons(ACTS, 4, List.of("A", " b\n", " c"), "blocks.1.mlp_out",
                NeuronFilter.all());
        assertEquals("token ' b\\n' (position 1)\nneuron 3\nblocks.1.mlp_out\nvalue -1 activation",
                TokenText.describeCell(map, 3, 1));
        assertEquals("\u00B7b\u21B5", TokenText.label(" b\n"));
    }
}
