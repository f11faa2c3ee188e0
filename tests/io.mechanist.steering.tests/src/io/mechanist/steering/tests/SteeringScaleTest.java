package io.mechanist.steering.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

import io.mechanist.core.hooks.HookPoint;
import io.mechanist.core.hooks.HookSite;
import io.mechanist.runtime.SiteActivations;
import io.mechanist.steering.SteeringScale;

/** The relative steering strength that the sweep, the null, generation and the interactive read-out share. */
class SteeringScaleTest {

    private static final HookSite SITE = HookSite.of(HookPoint.RESID_POST, 1);

    @Test
    void meanNormLeavesOutEachPromptsFirstTokenButCountsAOneTokenPrompt() {
        SteeringScale.MeanNorm norm = new SteeringScale.MeanNorm();
        // prompt 0: positions 0..2 with norms 100 (first token, left out), 5 and 13
        norm.add(new SiteActivations(SITE, 0, new int[] {0, 1, 2}, new long[] {3, 2},
                new float[] {60, 80, 3, 4, 5, 12}));
        // prompt 1: a single token of norm 10, the only row it has
        norm.add(new SiteActivations(SITE, 1, new int[] {0}, new long[] {1, 2}, new float[] {6, 8}));
        // prompt 2: a slice of positions 4..5 (no first token in it): norms 1 and 2
        norm.add(new SiteActivations(SITE, 2, new int[] {4, 5}, new long[] {2, 2}, new float[] {0, 1, 2, 0}));
        assertEquals((5 + 13 + 10 + 1 + 2) / 5.0, norm.mean(), 1e-12);
    }

    @Test
    void coefficientAddsAVectorOfMultiplierTimesTheMeanNorm() {
        double vectorNorm = 4;
        double coefficient = SteeringScale.coefficient(0.5, 30, vectorNorm);
        assertEquals(0.5 * 30, coefficient * vectorNorm, 1e-12, "added norm = multiplier x mean norm");
        assertTrue(Double.isNaN(new SteeringScale.MeanNorm().mean()), "no rows: no mean");
    }
}
