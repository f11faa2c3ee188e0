package io.mechanist.ui.probes.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.EnumSet;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.mechanist.probes.AnchorLocator;
import io.mechanist.probes.IntervalMethod;
import io.mechanist.probes.PositionAlignment;
import io.mechanist.probes.ProbeConfig;
import io.mechanist.probes.ProbeMethod;
import io.mechanist.ui.probes.ProbeRunParameters;

/** The probe analysis's parameters for a run of "Run probes...": the analysis reads back the same run. */
class ProbeRunParametersTest {

    private static final ProbeConfig CONFIG = ProbeConfig.defaults().withFolds(4).withThreads(2).withL2(0.05)
            .withMethods(EnumSet.of(ProbeMethod.MASS_MEAN)).withInterval(IntervalMethod.BOOTSTRAP_PROMPTS, 500).withSeed(7)
            .withControlPermutations(3).withFoldRepeats(2);
    private static final List<String> TOKENS = List.of("Q", ":", " 3", " vs", " 7", " so", ":", " A");

    @Test
    void everyAlignmentReadsBackAsTheSameAlignment() {
        for (PositionAlignment alignment : List.of(PositionAlignment.fromStart(12),
                PositionAlignment.relativeToAnchor(":", 4, 1), PositionAlignment.span(null, ":", 3),
                PositionAlignment.span("vs", null, 2), PositionAlignment.span("Q", ":", 5))) {
            Map<String, String> p = ProbeRunParameters.of("resid_post", "answer", alignment, CONFIG, "\\sA", "\\sB",
                    "A");
            PositionAlignment back = PositionAlignment.fromParameters(p);
            assertEquals(alignment.getClass(), back.getClass(), p.toString());
            for (int position = 0; position < TOKENS.size(); position++) {
                assertEquals(alignment.alignedIndex(0, TOKENS, position), back.alignedIndex(0, TOKENS, position),
                        alignment + " at " + position + " from " + p);
            }
        }
    }

    @Test
    void theConfigurationIsWrittenAsTheAnalysisParameters() {
        Map<String, String> p = ProbeRunParameters.of("attn_out", "truth", PositionAlignment.fromStart(5), CONFIG,
                "\\sYes", "\\sNo", "true");
        assertEquals("attn_out", p.get("point"));
        assertEquals("truth", p.get("label"));
        assertEquals("mass-mean", p.get("methods"));
        assertEquals("4", p.get("folds"));
        assertEquals("0.05", p.get("l2"));
        assertEquals(IntervalMethod.BOOTSTRAP_PROMPTS.id(), p.get("interval"));
        assertEquals("500", p.get("resamples"));
        assertEquals("7", p.get("seed"));
        assertEquals("3", p.get("controlPermutations"));
        assertEquals("2", p.get("foldRepeats"));
        assertEquals("\\sYes", p.get("tokenA"));
        assertEquals("true", p.get("answerA"));
    }

    @Test
    void whatTheAnalysisCannotExpressIsRefused() {
        PositionAlignment first = PositionAlignment.relativeToAnchor(":", AnchorLocator.Occurrence.FIRST, 2, 0);
        assertThrows(IllegalArgumentException.class, () -> ProbeRunParameters.of("resid_post", "answer", first,
                CONFIG, "\\sA", "\\sB", "A"));
        assertThrows(IllegalArgumentException.class, () -> ProbeRunParameters.of("resid_post", "answer",
                PositionAlignment.fromStart(3), CONFIG.withControlTask(false), "\\sA", "\\sB", "A"));
    }
}
