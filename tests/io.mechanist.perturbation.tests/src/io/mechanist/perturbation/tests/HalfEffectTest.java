package io.mechanist.perturbation.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

import io.mechanist.perturbation.HalfEffect;

/** Planted accuracy curves: the half-effect scale is found where it must be, or said to be beyond or undefined. */
class HalfEffectTest {

    private static final double[] SCALES = {0, 0.1, 0.2, 0.4, 0.8};

    @Test
    void findsThePlantedDropBetweenTheSweptScales() {
        // accuracy 1.0, 0.95, 0.85, 0.65, 0.5: half of the 0.5 effect is accuracy 0.75, reached halfway 0.2 -> 0.4
        double[][][] correct = curve(200, 4, 1.0, 0.95, 0.85, 0.65, 0.5);
        HalfEffect half = HalfEffect.of(SCALES, correct, 3, 500);
        assertEquals(0.5, half.baselineEffect(), 1e-12);
        assertEquals(0.3, half.scale(), 1e-9);
        assertTrue(half.interval().low() <= 0.3 && half.interval().high() >= 0.3, half.interval().toString());
        assertTrue(half.interval().low() > 0.2 && half.interval().high() < 0.4, "narrow with 800 answers per scale: "
                + half.interval());
    }

    @Test
    void aBehaviourThatSurvivesIsBeyondTheSweptScalesAndNoBehaviourHasNoHalfPoint() {
        HalfEffect robust = HalfEffect.of(SCALES, curve(100, 3, 1.0, 1.0, 0.95, 0.9, 0.9), 1, 200);
        assertEquals(Double.POSITIVE_INFINITY, robust.scale());
        HalfEffect none = HalfEffect.of(SCALES, curve(100, 3, 0.52, 0.5, 0.5, 0.5, 0.5), 1, 200);
        assertTrue(Double.isNaN(none.scale()), "an accuracy of 0.52 is no behaviour to lose");
    }

    /** {@code correct[scale][seed][prompt]} whose share of ones is exactly the given accuracy at each scale. */
    private static double[][][] curve(int prompts, int seeds, double... accuracy) {
        double[][][] out = new double[accuracy.length][seeds][prompts];
        for (int s = 0; s < accuracy.length; s++) {
            for (int k = 0; k < seeds; k++) {
                int ones = (int) Math.round(accuracy[s] * prompts);
                for (int p = 0; p < prompts; p++) {
                    // spread the errors so that no prompt is always wrong and seeds differ
                    out[s][k][(p * 7 + k * 13) % prompts] = p < ones ? 1 : 0;
                }
            }
        }
        return out;
    }
}
