package io.mechanist.probes.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import io.mechanist.probes.ConfidenceIntervals;
import io.mechanist.probes.Interval;

class ConfidenceIntervalsTest {

    /** Coverage by simulation: 2000 Bernoulli experiments per setting must cover the true p 95% +- 2% of the time. */
    @ParameterizedTest(name = "n={0} p={1}")
    @CsvSource({"250, 0.73", "500, 0.86", "100, 0.5", "60, 0.8"})
    void wilsonCoverageIsNominal(int n, double p) {
        SplittableRandom random = new SplittableRandom(20240607L + n);
        int experiments = 2000;
        int covered = 0;
        for (int e = 0; e < experiments; e++) {
            int successes = 0;
            for (int i = 0; i < n; i++) {
                successes += random.nextDouble() < p ? 1 : 0;
            }
            covered += ConfidenceIntervals.wilson(successes, n).contains(p) ? 1 : 0;
        }
        double coverage = (double) covered / experiments;
        assertEquals(0.95, coverage, 0.02, "Wilson coverage at n=" + n + " p=" + p);
    }

    @Test
    void promptBootstrapCoverageIsNearNominal() {
        SplittableRandom random = new SplittableRandom(99);
        int experiments = 400;
        int covered = 0;
        double p = 0.75;
        for (int e = 0; e < experiments; e++) {
            boolean[] outcomes = new boolean[300];
            for (int i = 0; i < outcomes.length; i++) {
                outcomes[i] = random.nextDouble() < p;
            }
            covered += ConfidenceIntervals.bootstrapPrompts(outcomes, 1000, e).contains(p) ? 1 : 0;
        }
        double coverage = (double) covered / experiments;
        // 400 experiments: binomial sd of the estimate is about 1.1 points
        assertEquals(0.95, coverage, 0.035, "prompt bootstrap coverage");
    }

    @Test
    void wilsonKnownValues() {
        // 86 of 100: bounds computed independently with the textbook formula in Python
        Interval i = ConfidenceIntervals.wilson(86, 100);
        assertEquals(0.778628, i.low(), 1e-6);
        assertEquals(0.914737, i.high(), 1e-6);
        Interval all = ConfidenceIntervals.wilson(20, 20);
        assertEquals(1.0, all.high(), 1e-12);
        assertTrue(all.low() > 0.8 && all.low() < 0.85);
        assertTrue(Double.isNaN(ConfidenceIntervals.wilson(0, 0).low()));
    }

    @Test
    void moreObservationsGiveNarrowerIntervals() {
        assertTrue(ConfidenceIntervals.wilson(365, 500).width() < ConfidenceIntervals.wilson(183, 250).width());
    }

    @Test
    void badCountsAreRejected() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> ConfidenceIntervals.wilson(5, 4));
        assertTrue(e.getMessage().contains("5 of 4"), e.getMessage());
    }

    @Test
    void groupBootstrapIsWiderForCorrelatedGroups() {
        // 40 groups of 10 prompts, each group all right or all wrong: the effective n is 40, not 400
        int[] successes = new int[40];
        int[] counts = new int[40];
        boolean[] prompts = new boolean[400];
        for (int g = 0; g < 40; g++) {
            boolean right = g % 4 != 0;
            successes[g] = right ? 10 : 0;
            counts[g] = 10;
            for (int i = 0; i < 10; i++) {
                prompts[g * 10 + i] = right;
            }
        }
        Interval grouped = ConfidenceIntervals.bootstrap(successes, counts, 2000, 1);
        Interval flat = ConfidenceIntervals.bootstrapPrompts(prompts, 2000, 1);
        assertTrue(grouped.width() > 2 * flat.width(), grouped + " vs " + flat);
        assertTrue(grouped.contains(0.75) && flat.contains(0.75));
    }
}
