package io.mechanist.store;

/**
 * One prompt's rows of one captured site, as {@link CaptureWriter#writePromptRows} and {@link ShardBuilder#addRows}
 * take them: {@code [positions, rowWidth]} values, row-major, either float32 or, for a capture stored as F16,
 * float16 bit patterns already narrowed (round to nearest even, as {@link io.mechanist.core.tensor.HalfFloats}),
 * which the shard then holds unchanged.
 */
public sealed interface PromptRows {

    /** Number of values. */
    int length();

    /** The same rows as {@link Floats}, site by site, in the map's order (null stays null, for the caller's check). */
    static java.util.Map<String, PromptRows> floats(java.util.Map<String, float[]> rowsBySite) {
        java.util.Map<String, PromptRows> rows = new java.util.LinkedHashMap<>();
        rowsBySite.forEach((site, values) -> rows.put(site, values == null ? null : new Floats(values)));
        return rows;
    }

    /** Float32 values; narrowed by the shard when the capture is F16. */
    record Floats(float[] values) implements PromptRows {
        @Override
        public int length() {
            return values.length;
        }
    }

    /** Float16 bit patterns, for F16 captures only. */
    record Halves(short[] bits) implements PromptRows {
        @Override
        public int length() {
            return bits.length;
        }
    }
}
