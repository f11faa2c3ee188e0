package io.mechanist.runtime.intervention;

import java.util.Arrays;

/**
 * Which token positions of a prompt a capture or an intervention touches. Positions count from the prompt's first
 * token (0), whatever padding a batch adds; negative indices count from the prompt's end (-1 is its last token).
 * {@link #all()} also covers every token produced during generation.
 */
public record Positions(boolean everyPosition, int[] indices) {

    public Positions {
        indices = indices == null ? new int[0] : indices.clone();
        if (!everyPosition && indices.length == 0) {
            throw new IllegalArgumentException("Positions need at least one index (or use Positions.all())");
        }
    }

    public static Positions all() {
        return new Positions(true, null);
    }

    public static Positions of(int... indices) {
        return new Positions(false, indices);
    }

    /** The last token of the prompt. */
    public static Positions last() {
        return of(-1);
    }

    @Override
    public int[] indices() {
        return indices.clone();
    }

    /**
     * The prompt-relative positions selected inside a window of a run, ascending and without duplicates.
     *
     * @param promptLength tokens in the prompt (negative indices are resolved against it)
     * @param windowStart first position covered by the current forward pass
     * @param windowLength number of positions covered by the current forward pass
     * @throws IllegalArgumentException when a negative index reaches before the prompt's start
     */
    public int[] resolve(int promptLength, int windowStart, int windowLength) {
        int windowEnd = windowStart + windowLength;
        if (everyPosition) {
            int[] out = new int[windowLength];
            for (int i = 0; i < windowLength; i++) {
                out[i] = windowStart + i;
            }
            return out;
        }
        return Arrays.stream(indices).map(i -> absolute(i, promptLength))
                .filter(p -> p >= windowStart && p < windowEnd).sorted().distinct().toArray();
    }

    /** A prompt-relative index resolved to a position (negative ones counted from the end). */
    public static int absolute(int index, int promptLength) {
        int p = index < 0 ? promptLength + index : index;
        if (p < 0) {
            throw new IllegalArgumentException("position " + index + " reaches before the start of a prompt of "
                    + promptLength + " tokens");
        }
        return p;
    }

    @Override
    public String toString() {
        return everyPosition ? "all" : Arrays.toString(indices);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Positions p && p.everyPosition == everyPosition && Arrays.equals(p.indices, indices);
    }

    @Override
    public int hashCode() {
        return Boolean.hashCode(everyPosition) * 31 + Arrays.hashCode(indices);
    }
}
