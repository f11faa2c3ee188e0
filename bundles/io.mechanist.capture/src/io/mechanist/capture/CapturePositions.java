package io.mechanist.capture;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import io.mechanist.store.CaptureSpec;

/**
 * Which token positions of each prompt a capture keeps (positions count from the prompt's first token, 0;
 * negative values count from its end, -1 = last token). The meaning is that of the store's position selection
 * (docs/store-format.md): {@code ALL}, {@code LAST}, {@code RANGE [start, end)} clipped to the prompt, or a
 * {@code LIST} of positions, of which each prompt keeps those it has.
 */
public record CapturePositions(Kind kind, int start, int end, int[] list) {

    /** The kinds of selection. */
    public enum Kind { ALL, LAST, RANGE, LIST }

    public CapturePositions {
        list = list == null ? new int[0] : list.clone();
        if (kind == Kind.LIST && list.length == 0) {
            throw new IllegalArgumentException("a position list needs at least one position");
        }
    }

    public static CapturePositions all() {
        return new CapturePositions(Kind.ALL, 0, 0, null);
    }

    public static CapturePositions last() {
        return new CapturePositions(Kind.LAST, 0, 0, null);
    }

    /** Positions {@code start <= p < end}; negative bounds count from the end. */
    public static CapturePositions range(int start, int end) {
        return new CapturePositions(Kind.RANGE, start, end, null);
    }

    public static CapturePositions of(int... positions) {
        return new CapturePositions(Kind.LIST, 0, 0, positions);
    }

    /**
     * Parses {@code all}, {@code last}, a range {@code START:END} (end exclusive, either side may be negative or
     * empty: {@code :-1}, {@code 4:}) or a comma-separated list {@code 0,3,-1}.
     *
     * @throws IllegalArgumentException saying which forms are accepted
     */
    public static CapturePositions parse(String text) {
        String t = text.strip();
        try {
            if (t.equalsIgnoreCase("all")) {
                return all();
            }
            if (t.equalsIgnoreCase("last")) {
                return last();
            }
            int colon = t.indexOf(':');
            if (colon >= 0) {
                String from = t.substring(0, colon).strip();
                String to = t.substring(colon + 1).strip();
                return range(from.isEmpty() ? 0 : Integer.parseInt(from),
                        to.isEmpty() ? Integer.MAX_VALUE : Integer.parseInt(to));
            }
            List<Integer> values = new ArrayList<>();
            for (String part : t.split(",")) {
                if (!part.isBlank()) {
                    values.add(Integer.parseInt(part.strip()));
                }
            }
            return of(values.stream().mapToInt(Integer::intValue).toArray());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("positions '" + text + "' are not one of: all, last, START:END"
                    + " (end exclusive, negative = from the end), or a list like 0,3,-1", e);
        }
    }

    @Override
    public int[] list() {
        return list.clone();
    }

    /** Applies this selection to a capture spec. */
    public CaptureSpec applyTo(CaptureSpec spec) {
        return switch (kind) {
            case ALL -> spec.allPositions();
            case LAST -> spec.lastPosition();
            case RANGE -> spec.positionRange(start, end);
            case LIST -> spec.positions(list);
        };
    }

    @Override
    public String toString() {
        return switch (kind) {
            case ALL -> "all";
            case LAST -> "last";
            case RANGE -> start + ":" + (end == Integer.MAX_VALUE ? "" : end);
            case LIST -> String.join(",", Arrays.stream(list).mapToObj(Integer::toString).toList());
        };
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof CapturePositions p && p.kind == kind && p.start == start && p.end == end
                && Arrays.equals(p.list, list);
    }

    @Override
    public int hashCode() {
        return kind.hashCode() * 31 + Arrays.hashCode(list) + 7 * start + end;
    }
}
