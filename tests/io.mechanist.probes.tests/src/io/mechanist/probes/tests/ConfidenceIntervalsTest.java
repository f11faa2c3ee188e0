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
import io.mechanist.probes.IntervalMethod;
import io.mechanist.probes.ProbeConfig;

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

    /**
     * Coverage of the default interval by simulation, as in a probe run: n prompts, independent or in groups of 10
     * whose accuracy varies (beta-binomial, intra-group correlation 0.2). 2000 experiments per setting must cover the
     * true accuracy 95% +- 2% of the time (Wilson over prompts covers about 75% in the grouped settings).
     */
    @ParameterizedTest(name = "n={0} accuracy={1} group size {2} correlation {3}")
    @CsvSource({"250, 0.73, 1, 0", "500, 0.73, 1, 0", "250, 0.86, 1, 0", "500, 0.86, 1, 0",
        "250, 0.73, 10, 0.2", "500, 0.73, 10, 0.2", "250, 0.86, 10, 0.2", "500, 0.86, 10, 0.2"})
    void defaultIntervalCoversWithAndWithoutGroups(int n, double accuracy, int groupSize, double correlation) {
        IntervalMethod method = ProbeConfig.defaults().interval();
        SplittableRandom random = new SplittableRandom(20261205L + 31L * n + groupSize + (long) (1000 * accuracy));
        int experiments = 2000;
        int covered = 0;
        int coveredByWilson = 0;
        boolean[] correct = new boolean[n];
        int[] groupOf = new int[n];
        for (int p = 0; p < n; p++) {
            groupOf[p] = p / groupSize;
        }
        // Beta(a, b) group accuracies with mean `accuracy` and 1 / (a + b + 1) = correlation
        double concentration = correlation > 0 ? 1 / correlation - 1 : Double.POSITIVE_INFINITY;
        for (int e = 0; e < experiments; e++) {
            int right = 0;
            for (int g = 0; g < n / groupSize; g++) {
                double p = Double.isInfinite(concentration) ? accuracy
                        : beta(random, accuracy * concentration, (1 - accuracy) * concentration);
                for (int i = 0; i < groupSize; i++) {
                    correct[g * groupSize + i] = random.nextDouble() < p;
                    right += correct[g * groupSize + i] ? 1 : 0;
                }
            }
            covered += ConfidenceIntervals.of(method, correct, groupOf, 2000, e).contains(accuracy) ? 1 : 0;
            coveredByWilson += ConfidenceIntervals.wilson(right, n).contains(accuracy) ? 1 : 0;
        }
        double coverage = (double) covered / experiments;
        assertEquals(0.95, coverage, 0.02, method.id() + " coverage (Wilson over prompts: "
                + (double) coveredByWilson / experiments + ")");
        if (groupSize > 1) {
            assertTrue(coveredByWilson < 0.85 * experiments, "the simulation's groups are correlated enough to matter");
        }
    }

    @Test
    void groupWilsonIsWilsonForGroupsOfOneAndWiderForAgreeingGroups() {
        int[] ones = new int[100];
        int[] single = new int[100];
        java.util.Arrays.fill(single, 1);
        for (int i = 0; i < 86; i++) {
            ones[i] = 1;
        }
        assertEquals(ConfidenceIntervals.wilson(86, 100), ConfidenceIntervals.groupWilson(ones, single));
        // 10 groups of 10, each all right or all wrong: the effective n is 10
        int[] successes = {10, 10, 10, 0, 10, 10, 10, 0, 10, 10};
        int[] counts = new int[10];
        java.util.Arrays.fill(counts, 10);
        Interval grouped = ConfidenceIntervals.groupWilson(successes, counts);
        assertTrue(grouped.width() > 2.5 * ConfidenceIntervals.wilson(80, 100).width(), grouped.toString());
        assertTrue(grouped.contains(0.8));
    }

    @Test
    void studentQuantileMatchesTables() {
        // 0.975 quantiles from statistical tables (scipy.stats.t.ppf)
        assertEquals(12.7062, ConfidenceIntervals.studentT975(1), 1e-4);
        assertEquals(4.3027, ConfidenceIntervals.studentT975(2), 1e-4);
        assertEquals(3.1824, ConfidenceIntervals.studentT975(3), 1e-4);
        assertEquals(2.5706, ConfidenceIntervals.studentT975(5), 1e-3);
        assertEquals(2.2622, ConfidenceIntervals.studentT975(9), 1e-4);
        assertEquals(2.0639, ConfidenceIntervals.studentT975(24), 1e-4);
        assertEquals(2.0096, ConfidenceIntervals.studentT975(49), 1e-4);
    }

    @Test
    void studentUpperTailMatchesScipy() {
        // scipy.stats.t.sf
        assertEquals(0.01087020558419872, ConfidenceIntervals.studentTUpperTail(2.5, 19), 1e-9);
        assertEquals(0.8183912661754386, ConfidenceIntervals.studentTUpperTail(-1.0, 5), 1e-9);
        assertEquals(0.014004228005073076, ConfidenceIntervals.studentTUpperTail(4.0, 3), 1e-9);
        assertEquals(0.5, ConfidenceIntervals.studentTUpperTail(0, 7), 1e-12);
    }

    @Test
    void meanIntervalIsTheTIntervalForGroupsOfOne() {
        double[] values = {0.1, 0.4, -0.2, 0.7, 0.3, 0.0, 0.5, 0.2};
        int[] groups = {0, 1, 2, 3, 4, 5, 6, 7};
        // mean 0.25, sample sd 0.2878492, t(7) 2.364624: half-width 0.2406479 (scipy.stats)
        Interval i = ConfidenceIntervals.meanInterval(values, groups);
        assertEquals(0.25 - 0.2406479, i.low(), 1e-4);
        assertEquals(0.25 + 0.2406479, i.high(), 1e-4);
    }

    /** Beta(a, b) as X / (X + Y) of two gamma variates. */
    private static double beta(SplittableRandom random, double a, double b) {
        double x = gamma(random, a);
        return x / (x + gamma(random, b));
    }

    /** Marsaglia-Tsang gamma variate of shape k (scale 1); shapes below 1 by the U^(1/k) boost. */
    private static double gamma(SplittableRandom random, double k) {
        if (k < 1) {
            return gamma(random, k + 1) * Math.pow(random.nextDouble(), 1 / k);
        }
        double d = k - 1.0 / 3;
        double c = 1 / Math.sqrt(9 * d);
        while (true) {
            double z = normal(random);
            double v = 1 + c * z;
            if (v <= 0) {
                continue;
            }
            v = v * v * v;
            double u = random.nextDouble();
            if (Math.log(u) < 0.5 * z * z + d - d * v + d * Math.log(v)) {
                return d * v;
            }
        }
    }

    private static double normal(SplittableRandom random) {
        double u = 1 - random.nextDouble();
        return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * random.nextDouble());
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
