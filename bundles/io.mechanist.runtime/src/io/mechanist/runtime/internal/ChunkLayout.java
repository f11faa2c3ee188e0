package io.mechanist.runtime.internal;

import java.util.List;

import io.mechanist.runtime.Padding;

/**
 * Where each prompt's tokens sit in the [batch, chunk] slots of one forward pass. A prompt occupies
 * {@code count[b]} consecutive slots from {@code firstSlot[b]}, holding its positions {@code start[b]...};
 * other slots are padding. Position ids and masks are derived from prompt positions, so padding on either side
 * leaves every prompt's numbers unchanged.
 */
public final class ChunkLayout {
    private final int batch;
    private final int length;
    private final int[] promptLength;
    private final int[] start;
    private final int[] count;
    private final int[] firstSlot;

    private ChunkLayout(int[] promptLength, int[] start, int[] count, int[] firstSlot, int length) {
        this.batch = promptLength.length;
        this.length = length;
        this.promptLength = promptLength;
        this.start = start;
        this.count = count;
        this.firstSlot = firstSlot;
    }

    /** The first pass over whole prompts, padded to the longest. */
    public static ChunkLayout prompts(List<long[]> prompts, Padding padding) {
        int batch = prompts.size();
        int longest = prompts.stream().mapToInt(p -> p.length).max().orElseThrow();
        int[] lengths = new int[batch];
        int[] first = new int[batch];
        for (int b = 0; b < batch; b++) {
            lengths[b] = prompts.get(b).length;
            first[b] = padding == Padding.LEFT ? longest - lengths[b] : 0;
        }
        return new ChunkLayout(lengths, new int[batch], lengths.clone(), first, longest);
    }

    /**
     * Whole sequences whose first {@code promptLength[b]} tokens are the prompt (the rest generated); negative
     * intervention positions stay relative to the prompt.
     */
    public static ChunkLayout sequences(List<long[]> sequences, int[] promptLength) {
        ChunkLayout plain = prompts(sequences, Padding.RIGHT);
        return new ChunkLayout(promptLength.clone(), plain.start, plain.count, plain.firstSlot, plain.length);
    }

    /** One new token per prompt at position {@code positions[b]} (a generation step with a KV cache). */
    public static ChunkLayout step(int[] promptLength, int[] positions) {
        int batch = positions.length;
        int[] ones = new int[batch];
        java.util.Arrays.fill(ones, 1);
        return new ChunkLayout(promptLength.clone(), positions.clone(), ones, new int[batch], 1);
    }

    public int batch() {
        return batch;
    }

    public int length() {
        return length;
    }

    public int promptLength(int b) {
        return promptLength[b];
    }

    /** Prompt position held by the first valid slot of row b. */
    public int start(int b) {
        return start[b];
    }

    public int count(int b) {
        return count[b];
    }

    public int firstSlot(int b) {
        return firstSlot[b];
    }

    /** The slot of prompt position {@code position} in row b. */
    public int slotOf(int b, int position) {
        return firstSlot[b] + position - start[b];
    }

    /** Position id per slot; padding slots get -1. */
    public int[][] slotPositions() {
        int[][] out = new int[batch][length];
        for (int b = 0; b < batch; b++) {
            java.util.Arrays.fill(out[b], -1);
            for (int i = 0; i < count[b]; i++) {
                out[b][firstSlot[b] + i] = start[b] + i;
            }
        }
        return out;
    }

    /** Position ids for rotary/learned embeddings (padding slots get 0, whose result is never used). */
    public int[][] positionIds() {
        int[][] ids = slotPositions();
        for (int[] row : ids) {
            for (int i = 0; i < row.length; i++) {
                row[i] = Math.max(row[i], 0);
            }
        }
        return ids;
    }

    /** Token ids laid out in slots; padding slots get token 0. */
    public long[] slotTokens(List<long[]> tokensPerRow) {
        long[] ids = new long[batch * length];
        for (int b = 0; b < batch; b++) {
            long[] row = tokensPerRow.get(b);
            System.arraycopy(row, 0, ids, b * length + firstSlot[b], count[b]);
        }
        return ids;
    }

    /** The slot of the last valid token of row b. */
    public int lastSlot(int b) {
        return firstSlot[b] + count[b] - 1;
    }
}
