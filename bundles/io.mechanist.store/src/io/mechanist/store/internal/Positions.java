package io.mechanist.store.internal;

import java.util.Arrays;

import io.mechanist.model.PositionKind;
import io.mechanist.model.PositionSelection;

/** Resolves a {@link PositionSelection} against a prompt's token count. */
public final class Positions {

    private Positions() {
    }

    /**
     * The captured positions of a prompt of {@code tokenCount} tokens, ascending and distinct. ALL: every position;
     * LAST: the last; RANGE: {@code [start, end)} with negative bounds counted from the end, clipped to the prompt;
     * LIST: the listed positions (negative from the end) that exist in the prompt.
     */
    public static int[] resolve(PositionSelection selection, int tokenCount) {
        PositionKind kind = selection == null ? PositionKind.ALL : selection.getKind();
        return switch (kind) {
            case ALL -> range(0, tokenCount);
            case LAST -> tokenCount == 0 ? new int[0] : new int[] {tokenCount - 1};
            case RANGE -> {
                int from = clip(absolute(selection.getStart(), tokenCount), tokenCount);
                int to = clip(absolute(selection.getEnd(), tokenCount), tokenCount);
                yield range(from, Math.max(from, to));
            }
            case LIST -> selection.getPositions().stream().mapToInt(p -> absolute(p, tokenCount))
                    .filter(p -> p >= 0 && p < tokenCount).sorted().distinct().toArray();
        };
    }

    /** {@code position} if non-negative, else counted from the end ({@code -1} = last). */
    public static int absolute(int position, int tokenCount) {
        return position < 0 ? tokenCount + position : position;
    }

    private static int clip(int position, int tokenCount) {
        return Math.max(0, Math.min(tokenCount, position));
    }

    private static int[] range(int from, int to) {
        int[] positions = new int[to - from];
        Arrays.setAll(positions, i -> from + i);
        return positions;
    }
}
