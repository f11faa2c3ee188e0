package io.mechanist.ui.steering.tests;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.mechanist.core.hooks.HookPoint;
import io.mechanist.core.hooks.HookSite;
import io.mechanist.demo.EmbeddedDemo;
import io.mechanist.runtime.HookedTransformer;
import io.mechanist.runtime.RunRequest;
import io.mechanist.runtime.SiteActivations;
import io.mechanist.runtime.generate.GenerationSettings;
import io.mechanist.runtime.intervention.AddVector;
import io.mechanist.runtime.intervention.InterventionPlan;
import io.mechanist.runtime.intervention.Positions;
import io.mechanist.steering.SteeringVector;
import io.mechanist.steering.SteeringVectors;
import io.mechanist.ui.steering.internal.InteractiveSteering;
import io.mechanist.ui.steering.internal.PromptReadout;

/**
 * The interactive panel's computations without its widgets, on the embedded demo model: the read-out's scale is the
 * sweep's (multiplier x the prompt's mean residual norm, first token left out), recomputed here from the captured
 * residual in plain double arithmetic; the sampling fields and the context limit.
 */
class InteractiveSteeringTest {

    private static final String PROMPT = "Q : 0 vs 26 . which is larger ? A = 26 B = 0 . think : 0 < 26 . "
            + "larger is 26 . so :";
    private static final HookSite SITE = HookSite.of(HookPoint.RESID_POST, 2);
    private static HookedTransformer model;
    private static SteeringVector vector;

    @BeforeAll
    static void load() throws Exception {
        model = HookedTransformer.load(EmbeddedDemo.modelFolder());
        vector = SteeringVectors.random(SITE.id(), model.spec().dModel(), 3.0, 11);
    }

    @AfterAll
    static void close() throws Exception {
        model.close();
    }

    @Test
    void theReadoutSteersByTheMultiplierTimesTheMeanResidualNormWithoutTheFirstToken() {
        double multiplier = 1.5;
        PromptReadout r = InteractiveSteering.readout(model, PROMPT, " A", " B", vector, SITE, multiplier);

        long[] tokens = model.tokenizer().encode(PROMPT);
        SiteActivations resid = model.run(RunRequest.builder(List.of(tokens)).capture(SITE).build()).capture(SITE, 0);
        double sum = 0;
        for (int i = 1; i < resid.positions().length; i++) {
            double squares = 0;
            for (float x : resid.row(i)) {
                squares += (double) x * x;
            }
            sum += Math.sqrt(squares);
        }
        double meanNorm = sum / (resid.positions().length - 1);
        double vectorNorm = 0;
        for (float v : vector.values()) {
            vectorNorm += (double) v * v;
        }
        double coefficient = multiplier * meanNorm / Math.sqrt(vectorNorm);
        assertEquals(meanNorm, r.residNorm(), 1e-9 * meanNorm);
        assertEquals(coefficient, r.coefficient(), 1e-9 * coefficient);

        long a = model.tokenizer().encode(" A")[0];
        long b = model.tokenizer().encode(" B")[0];
        float[] plain = model.run(RunRequest.builder(List.of(tokens)).build()).lastLogits(0);
        float[] steered = model.run(RunRequest.builder(List.of(tokens)).plan(InterventionPlan.of("test",
                new AddVector(SITE, Positions.all(), vector.values(), coefficient))).build()).lastLogits(0);
        assertEquals((double) plain[(int) a] - plain[(int) b], r.unsteered(), 1e-6);
        assertEquals((double) steered[(int) a] - steered[(int) b], r.steered(), 1e-6);
        assertTrue(Math.abs(r.steered() - r.unsteered()) > 1e-3, "the vector moves the answer: " + r);
        assertTrue(InteractiveSteering.readoutText(" A", " B", r).startsWith("logit diff A \u2212 B: steered "));
    }

    @Test
    void generationAtMultiplierZeroIsTheUnsteeredGeneration() {
        InteractiveSteering.Generated g = InteractiveSteering.generate(model, PROMPT, GenerationSettings.greedy(4),
                vector, SITE, 0, null, () -> false);
        assertEquals(0, g.coefficient());
        assertArrayEquals(g.pair().unsteered().generatedTokens(), g.pair().steered().generatedTokens());
        assertFalse(g.cancelled());
        assertEquals("; coefficient 0.000 (norm " + String.format(java.util.Locale.ROOT, "%.3g", g.residNorm())
                + ")", g.summary());
    }

    @Test
    void samplingFieldsAndTheContextLimit() {
        GenerationSettings greedy = InteractiveSteering.settings(12, " 0 ", "0.9", 3);
        assertEquals(0, greedy.temperature());
        assertEquals(12, greedy.maxNewTokens());
        assertEquals("Both sides: seed " + greedy.seed() + ", greedy, up to 12 tokens",
                InteractiveSteering.describe(greedy));
        GenerationSettings sampling = InteractiveSteering.settings(5, "0.7", "0.9", 3);
        assertEquals("Both sides: seed 3, temperature 0.7, top-p 0.9, up to 5 tokens",
                InteractiveSteering.describe(sampling));
        assertThrows(IllegalArgumentException.class, () -> InteractiveSteering.settings(5, "warm", "0.9", 3));

        int positions = model.spec().maxPositions();
        assertSame(greedy, InteractiveSteering.fitContext(model, positions - 12, greedy));
        assertEquals(2, InteractiveSteering.fitContext(model, positions - 2, greedy).maxNewTokens());
        IllegalArgumentException full = assertThrows(IllegalArgumentException.class,
                () -> InteractiveSteering.fitContext(model, positions, greedy));
        assertTrue(full.getMessage().contains("only " + positions + " positions"), full.getMessage());
    }
}
