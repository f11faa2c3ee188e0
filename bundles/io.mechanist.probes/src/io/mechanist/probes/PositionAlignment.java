package io.mechanist.probes;

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

    static PositionAlignment spanFraction(SpanLocator span, String description, int bins) {
        return new SpanFraction(span, description, bins);
    }
}
