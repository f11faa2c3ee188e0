package io.mechanist.steering.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Random;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import io.mechanist.probes.Interval;
import io.mechanist.steering.CausalVerdict;
import io.mechanist.steering.RandomNull;
import io.mechanist.steering.SweepConfig;
import io.mechanist.steering.SweepResult;

/**
 * The causal verdict's intervals cover when prompts come in groups. Seeded simulation: G groups of 10 prompts, each
 * prompt's change of P(matching answer) is {@code 0.1 + group effect + prompt noise} with standard deviation 0.1 and
 * intra-group correlation 0.2 (every prompt starts at P = 0.5, so the answer flips exactly when its change is
 * positive: the true net flip rate is Phi(1) = 0.841). The verdict's intervals, given the groups, cover the true
 * mean P change and flip rate 95 +- 2.5% of the time; the t interval over prompts (groups ignored) covers the P
 * change only about 75% of the time.
 */
class CausalVerdictCoverageTest {

    private static final int REPEATS = 2000;
    private static final int GROUP_SIZE = 10;
    private static final double MEAN_SHIFT = 0.1;
    private static final double SD = 0.1;
    private static final double INTRA_GROUP_CORRELATION = 0.2;
    /** P(shift > 0) for a normal shift of mean 0.1 and sd 0.1: Phi(1). */
    private static final double TRUE_FLIP_RATE = 0.8413447460685429;

    @ParameterizedTest(name = "{0} groups of 10 prompts")
    @CsvSource({"25", "50"})
    void groupedIntervalsCoverAndIntervalsOverPromptsDoNot(int groups) {
        int n = groups * GROUP_SIZE;
        int[] promptGroup = new int[n];
        for (int p = 0; p < n; p++) {
            promptGroup[p] = p / GROUP_SIZE;
        }
        Random random = new Random(17 + groups);
        int groupedShift = 0;
        int groupedFlip = 0;
        int promptsShift = 0;
        int promptsFlip = 0;
        for (int r = 0; r < REPEATS; r++) {
            SweepResult result = sweep(random, groups);
            RandomNull randomNull = new RandomNull(20, 1, 1, new double[1][20], new double[1][20], 0);
            CausalVerdict.Verdict grouped = CausalVerdict.evaluate(result, promptGroup, randomNull,
                    CausalVerdict.Settings.defaults()).get(0);
            CausalVerdict.Verdict overPrompts = CausalVerdict.evaluate(result, null, randomNull,
                    CausalVerdict.Settings.defaults()).get(0);
            groupedShift += covers(grouped.shiftInterval(), MEAN_SHIFT);
            groupedFlip += covers(grouped.flipInterval(), TRUE_FLIP_RATE);
            promptsShift += covers(overPrompts.shiftInterval(), MEAN_SHIFT);
            promptsFlip += covers(overPrompts.flipInterval(), TRUE_FLIP_RATE);
            if (r == 0) {
                assertEquals("cluster-robust t over " + groups + " prompt groups", grouped.interval());
                assertEquals("t over prompts", overPrompts.interval());
                assertTrue(grouped.reason().contains(grouped.interval()), grouped.reason());
            }
        }
        double[] coverage = {(double) groupedShift / REPEATS, (double) groupedFlip / REPEATS,
            (double) promptsShift / REPEATS, (double) promptsFlip / REPEATS};
        System.out.printf("%d groups of %d: coverage grouped P change %.3f, flips %.3f; over prompts P change %.3f,"
                + " flips %.3f%n", groups, GROUP_SIZE, coverage[0], coverage[1], coverage[2], coverage[3]);
        assertEquals(0.95, coverage[0], 0.025, "grouped interval of the P change");
        assertEquals(0.95, coverage[1], 0.025, "grouped interval of the net flip rate");
        assertTrue(coverage[2] < 0.85, "the t interval over prompts under-covers the P change: " + coverage[2]);
        assertTrue(coverage[3] < 0.90, "the t interval over prompts under-covers the flip rate: " + coverage[3]);
    }

    /** One layer, multipliers 0 and 1, no control: every prompt unsteered at logit 0, steered to P = 0.5 + shift. */
    private static SweepResult sweep(Random random, int groups) {
        int n = groups * GROUP_SIZE;
        SweepConfig config = SweepConfig.of(List.of(0), 0, 1).withControl(false);
        float[] baseline = new float[n];
        float[] logitDiff = new float[2 * n];
        double groupSd = SD * Math.sqrt(INTRA_GROUP_CORRELATION);
        double promptSd = SD * Math.sqrt(1 - INTRA_GROUP_CORRELATION);
        for (int g = 0; g < groups; g++) {
            double groupEffect = groupSd * random.nextGaussian();
            for (int i = 0; i < GROUP_SIZE; i++) {
                int p = g * GROUP_SIZE + i;
                // beyond 3.9 sd: clipping moves the mean by under 1e-5
                double shift = Math.max(-0.49, Math.min(0.49, MEAN_SHIFT + groupEffect + promptSd * random.nextGaussian()));
                logitDiff[n + p] = (float) Math.log((0.5 + shift) / (0.5 - shift));
            }
        }
        float[] probability = new float[logitDiff.length];
        for (int i = 0; i < logitDiff.length; i++) {
            probability[i] = (float) (1 / (1 + Math.exp(-logitDiff[i])));
        }
        return new SweepResult(config, n, new double[] {10}, new double[][] {{1}}, probability, probability.clone(),
                logitDiff, baseline);
    }

    private static int covers(Interval interval, double truth) {
        return interval.low() <= truth && truth <= interval.high() ? 1 : 0;
    }
}
