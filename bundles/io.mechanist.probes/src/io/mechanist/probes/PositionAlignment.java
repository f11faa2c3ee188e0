package io.mechanist.probes;

import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * How token positions of prompts of different lengths are put on one axis.
 *
 * <ul>
 * <li>{@link FromStart}: aligned position k is token k of every prompt that has k+1 tokens.</li>
 * <li>{@link RelativeToAnchor}: offsets {@code -before .. +after} around an anchor token (offset 0 is the anchor,
 * negative offsets precede it).</li>
 * <li>{@link SpanFraction}: a span (for example the reasoning trace) cut into {@code bins} equal fractions; the
 * activation of a bin is the mean over its tokens; a bin with no token (span shorter than the bin count) is
 * missing for that prompt.</li>
 * </ul>
 */
public sealed interface PositionAlignment {

    record FromStart(int positions) implements PositionAlignment {
        public FromStart {
            if (positions < 1) {
                throw new ProbeInputException("from-start alignment needs at least 1 position, got " + positions);
            }
        }
    }

    record RelativeToAnchor(AnchorLocator anchor, String anchorDescription, int before, int after)
            implements PositionAlignment {
        public RelativeToAnchor {
            if (anchor == null || before < 0 || after < 0) {
                throw new ProbeInputException("anchor alignment needs an anchor and non-negative offsets, got before="
                        + before + " after=" + after);
            }
        }
    }

    record SpanFraction(SpanLocator span, String spanDescription, int bins) implements PositionAlignment {
        public SpanFraction {
            if (span == null || bins < 1) {
                throw new ProbeInputException("span alignment needs a span and at least 1 bin, got " + bins);
            }
        }
    }

    /**
     * The aligned index that token {@code position} of one prompt falls on, by the rules {@link AlignedProbeData}
     * aligns with: for example the offset from the anchor, shifted by {@code before}. -1 when the token lies outside
     * the aligned positions, or the prompt has no anchor or span.
     *
     * @param prompt the prompt's index (for anchors given per prompt)
     * @param tokens the prompt's tokens
     */
    default int alignedIndex(int prompt, List<String> tokens, int position) {
        if (position < 0 || position >= tokens.size()) {
            return -1;
        }
        return switch (this) {
            case FromStart s -> position < s.positions() ? position : -1;
            case RelativeToAnchor a -> {
                int anchor = a.anchor().locate(prompt, tokens);
                int k = position - anchor + a.before();
                yield anchor >= 0 && k >= 0 && k <= a.before() + a.after() ? k : -1;
            }
            case SpanFraction f -> {
                int[] span = f.span().locate(prompt, tokens);
                int found = -1;
                if (span != null) {
                    int length = span[1] - span[0];
                    for (int b = 0; b < f.bins() && found < 0; b++) {
                        int start = span[0] + (int) ((long) b * length / f.bins());
                        int end = span[0] + (int) ((long) (b + 1) * length / f.bins());
                        found = position >= start && position < end ? b : -1;
                    }
                }
                yield found;
            }
        };
    }

    /**
     * The alignment of the probe analysis's resolved parameters ({@code alignment}: start | anchor | span, with
     * {@code positions}; {@code anchor}, {@code before}, {@code after}; or {@code spanAfter}, {@code anchor},
     * {@code bins}), as a run is given them and a stored result keeps them.
     *
     * @throws ProbeInputException for an unknown alignment kind or a count that is not an integer
     */
    static PositionAlignment fromParameters(Map<String, String> p) {
        String kind = p.getOrDefault("alignment", "").toLowerCase(Locale.ROOT);
        return switch (kind) {
            case "start" -> fromStart(integer(p, "positions"));
            case "anchor" -> relativeToAnchor(p.get("anchor"), integer(p, "before"), integer(p, "after"));
            case "span" -> {
                String spanAfter = p.get("spanAfter");
                String anchor = p.get("anchor");
                AnchorLocator after = spanAfter != null ? AnchorLocator.token(spanAfter, AnchorLocator.Occurrence.FIRST)
                        : null;
                yield span(spanAfter, anchor, integer(p, "bins"));
            }
            default -> throw new ProbeInputException("alignment '" + kind + "' is not one of start, anchor, span");
        };
    }

    private static int integer(Map<String, String> p, String name) {
        try {
            return Integer.parseInt(p.getOrDefault(name, "").strip());
        } catch (NumberFormatException e) {
            throw new ProbeInputException("alignment parameter '" + name + "' is not an integer: " + p.get(name));
        }
    }

    static PositionAlignment fromStart(int positions) {
        return new FromStart(positions);
    }

    /** Offsets {@code -before..+after} around the anchor token whose text is {@code anchorText} (first match). */
    /**
     * Positions relative to the LAST token whose text is {@code anchorText}: an answer marker is where the answer
     * follows, and earlier occurrences of the same text (a ':' inside the question, say) are not it.
     */
    static PositionAlignment relativeToAnchor(String anchorText, int before, int after) {
        return relativeToAnchor(anchorText, AnchorLocator.Occurrence.LAST, before, after);
    }

    static PositionAlignment relativeToAnchor(String anchorText, AnchorLocator.Occurrence occurrence, int before,
            int after) {
        return new RelativeToAnchor(AnchorLocator.token(anchorText, occurrence),
                (occurrence == AnchorLocator.Occurrence.LAST ? "last '" : "first '") + anchorText + "'", before, after);
    }

    /**
     * Fractions of the span strictly after the first {@code afterText} token (null: the prompt start) and strictly
     * before the last {@code endText} token (null: the prompt end). The end is the LAST occurrence, as in anchor
     * mode: an answer marker that also appears earlier in the prompt (for example "Q :") still ends the span at the
     * answer.
     */
    public static PositionAlignment span(String afterText, String endText, int bins) {
        AnchorLocator after = afterText != null ? AnchorLocator.token(afterText, AnchorLocator.Occurrence.FIRST) : null;
        AnchorLocator end = endText != null ? AnchorLocator.token(endText, AnchorLocator.Occurrence.LAST) : null;
        return spanFraction(SpanLocator.between(after, end), "after first '" + (afterText != null ? afterText
                : "start") + "' before last '" + (endText != null ? endText : "end") + "'", bins);
    }

    static PositionAlignment spanFraction(SpanLocator span, String description, int bins) {
        return new SpanFraction(span, description, bins);
    }
}
