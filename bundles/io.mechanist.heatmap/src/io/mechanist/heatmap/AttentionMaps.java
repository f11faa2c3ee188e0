package io.mechanist.heatmap;

import java.util.List;

/**
 * Attention pattern heatmaps: for one layer and head, row = query position, column = key position, value = the
 * softmax probability with which the query attends to the key.
 * <p>
 * Input shape: {@code pattern} is row-major {@code [head, query, key]} (one prompt of the
 * {@code [batch, head, query, key]} tensor at {@code blocks.L.attn_pattern}), with {@code query = key = pos}.
 */
public final class AttentionMaps {

    private AttentionMaps() {
    }

    /** The {@code [query, key]} pattern of {@code head}; a {@link ValueKind#MAGNITUDE} map with fixed range [0, 1]. */
    public static HeatmapData pattern(float[] pattern, int heads, List<String> tokens, int layer, int head) {
        int positions = tokens.size();
        long perHead = (long) positions * positions;
        if (heads <= 0 || pattern.length != heads * perHead) {
            throw new IllegalArgumentException("Expected an attention pattern of shape [head=" + heads + ", query="
                    + positions + ", key=" + positions + "] = " + heads * perHead + " values, got " + pattern.length);
        }
        if (head < 0 || head >= heads) {
            throw new IllegalArgumentException("Head " + head + " does not exist; layer " + layer + " has " + heads
                    + " heads (0.." + (heads - 1) + ")");
        }
        float[] out = new float[(int) perHead];
        System.arraycopy(pattern, (int) (head * perHead), out, 0, out.length);
        int[] queries = new int[positions];
        for (int q = 0; q < positions; q++) {
            queries[q] = q;
        }
        return HeatmapData.builder("Attention pattern, layer " + layer + " head " + head, out)
                .subject("blocks." + layer + ".attn_pattern, head " + head).rows("query", tokens).rowIds(queries).rowsAreTokens(true)
                .columns("key", tokens).kind(ValueKind.MAGNITUDE).units("probability").range(new ValueRange(0, 1))
                .build();
    }
}
