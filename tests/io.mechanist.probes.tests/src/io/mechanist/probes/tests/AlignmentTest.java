package io.mechanist.probes.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

import io.mechanist.probes.AlignedProbeData;
import io.mechanist.probes.AnchorLocator;
import io.mechanist.probes.PositionAlignment;
import io.mechanist.probes.SpanLocator;
import io.mechanist.probes.chart.AccuracyChart;

class AlignmentTest {

    private static final List<List<String>> TOKENS = List.of(
            List.of("Q", ":", "a", "b", "\u0120Answer", ":", "\u0120A"),
            List.of("Q", ":", "c", "Answer", ":", "\u0120B"),
            List.of("Q", ":", "d", "e", "f", "g", "h", " Answer", ":", "\u0120A"));
    private static final TokenActivations SOURCE = new TokenActivations(TOKENS, new String[] {"A", "B", "A"}, 2);

    private static float[] read(AlignedProbeData data, int layer, int position) {
        float[] m = new float[data.promptCount() * data.dModel()];
        data.readMatrix(layer, position, m);
        return m;
    }

    @Test
    void fromStartCountsTokensAndMarksShortPrompts() {
        AlignedProbeData data = AlignedProbeData.align(SOURCE, PositionAlignment.fromStart(8));
        assertEquals(8, data.positionCount());
        assertEquals("Q", data.positionToken(0));
        assertEquals(AlignedProbeData.MIXED, data.positionToken(2));
        assertTrue(data.hasPosition(0, 6));
        assertFalse(data.hasPosition(1, 6));
        float[] m = read(data, 1, 6);
        assertEquals(6, m[2], 0); // prompt 0 read token 6
        assertEquals(0, m[4 + 3], 0); // prompt 1 has no token 6: zero row
        assertEquals(1, m[1], 0); // layer passed through
    }

    @Test
    void anchorOffsetsLineUpTheAnswerMarker() {
        AlignedProbeData data = AlignedProbeData.align(SOURCE, PositionAlignment.relativeToAnchor("Answer", 3, 2));
        assertEquals(6, data.positionCount());
        assertEquals("-3", data.positionLabel(0));
        assertEquals("0", data.positionLabel(3));
        assertEquals("+2", data.positionLabel(5));
        assertEquals(AlignedProbeData.MIXED, data.positionToken(3)); // "ĠAnswer", "Answer", " Answer" differ
        assertEquals(":", data.positionToken(4));
        float[] m = read(data, 0, 3);
        assertEquals(4, m[2], 0);
        assertEquals(3, m[4 + 2], 0);
        assertEquals(7, m[8 + 2], 0);
        // prompt 1's anchor is token 3: offset -3 is token 0, present; offset -3 of prompt 0 is token 1
        assertEquals(1, read(data, 0, 0)[2], 0);
        assertTrue(data.hasPosition(1, 0));
        assertEquals("\u0120B", data.tokenText(1, 5));
        AlignedProbeData last = AlignedProbeData.align(SOURCE, new PositionAlignment.RelativeToAnchor(
                AnchorLocator.token(":", AnchorLocator.Occurrence.LAST), "last ':'", 1, 1));
        assertEquals("\u0120A", last.tokenText(0, 2)); // the token after the last ':' is the answer
        assertEquals(":", last.positionToken(1));
        // The answer marker is the last occurrence by default (the first ':' follows the question's 'Q').
        AlignedProbeData byDefault = AlignedProbeData.align(SOURCE, PositionAlignment.relativeToAnchor(":", 1, 1));
        assertEquals("\u0120A", byDefault.tokenText(0, 2));
        assertEquals("\u0120B", byDefault.tokenText(1, 2));
    }

    /**
     * A token position maps to the aligned index whose token range holds it, for each kind of alignment (the
     * inverse the views use to put a token picked in one prompt on the probes' axis).
     */
    @Test
    void alignedIndexOfATokenIsTheAlignedPositionThatCoversIt() {
        List<PositionAlignment> alignments = List.of(PositionAlignment.fromStart(8),
                PositionAlignment.relativeToAnchor("Answer", 3, 2), PositionAlignment.relativeToAnchor(":", 4, 1),
                PositionAlignment.spanFraction(SpanLocator.between(
                        AnchorLocator.token(":", AnchorLocator.Occurrence.FIRST),
                        AnchorLocator.token("Answer", AnchorLocator.Occurrence.FIRST)), "question", 2));
        for (PositionAlignment alignment : alignments) {
            AlignedProbeData data = AlignedProbeData.align(SOURCE, alignment);
            for (int p = 0; p < TOKENS.size(); p++) {
                for (int t = 0; t < TOKENS.get(p).size(); t++) {
                    int expected = -1;
                    for (int k = 0; k < data.positionCount(); k++) {
                        int[] range = data.tokenRange(p, k);
                        if (range != null && range[0] <= t && t < range[1]) {
                            expected = k;
                        }
                    }
                    assertEquals(expected, alignment.alignedIndex(p, TOKENS.get(p), t),
                            alignment + ", prompt " + p + ", token " + t);
                }
            }
        }
        assertEquals(3, PositionAlignment.relativeToAnchor("Answer", 3, 2).alignedIndex(1, TOKENS.get(1), 3),
                "the anchor itself is offset 0");
        assertEquals(-1, PositionAlignment.fromStart(8).alignedIndex(0, TOKENS.get(0), 7), "past the prompt");
    }

    @Test
    void axisLabelsShowTheSharedTokenElseTheOffset() {
        AlignedProbeData data = AlignedProbeData.align(SOURCE, PositionAlignment.relativeToAnchor("Answer", 3, 2));
        assertEquals("0", AccuracyChart.axisLabel(data.positionLabel(3), data.positionToken(3)), "tokens differ");
        assertEquals(":", AccuracyChart.axisLabel(data.positionLabel(4), data.positionToken(4)));
        assertEquals(" A", AccuracyChart.axisLabel("+1", "\u0120A"));
    }

    @Test
    void spanFractionsAverageTheTokensOfEachBin() {
        SpanLocator reasoning = SpanLocator.between(AnchorLocator.token(":", AnchorLocator.Occurrence.FIRST),
                AnchorLocator.token("Answer", AnchorLocator.Occurrence.FIRST));
        AlignedProbeData data = AlignedProbeData.align(SOURCE, PositionAlignment.spanFraction(reasoning,
                "reasoning", 2));
        assertEquals("0-50%", data.positionLabel(0));
        assertEquals("50-100%", data.positionLabel(1));
        // prompt 2's span is tokens 2..6 (5 tokens): bins [2,4) and [4,7)
        assertEquals(2.5f, read(data, 0, 0)[8 + 2], 1e-6);
        assertEquals(5f, read(data, 0, 1)[8 + 2], 1e-6);
        // prompt 1's span is one token: the first bin is empty, the second holds it
        assertFalse(data.hasPosition(1, 0));
        assertEquals(2f, read(data, 0, 1)[4 + 2], 1e-6);
        assertNull(data.tokenText(1, 0));
        assertEquals("de", data.tokenText(2, 0));
        assertEquals(AlignedProbeData.MIXED, data.positionToken(1));
    }
}
