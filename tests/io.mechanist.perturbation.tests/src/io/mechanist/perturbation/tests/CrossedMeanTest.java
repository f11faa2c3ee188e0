package io.mechanist.perturbation.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

import io.mechanist.perturbation.CrossedMean;

/**
 * The seeds x prompts interval covers by simulation of a crossed design (a random effect per prompt, one per seed,
 * and noise), where treating the K x P values as independent does not.
 */
class CrossedMeanTest {

    @Test
    void coversTheTrueMeanWhenSeedsAndPromptsAreBothRandom() {
        SplittableRandom random = new SplittableRandom(20261205L);
        int repeats = 2000;
        int seeds = 5;
        int prompts = 100;
        double mu = 0.7;
        int crossedCovered = 0;
        int naiveCovered = 0;
        for (int r = 0; r < repeats; r++) {
            double[] promptEffect = new double[prompts];
            double[] seedEffect = new double[seeds];
            for (int p = 0; p < prompts; p++) {
                promptEffect[p] = 0.3 * random.nextGaussian();
            }
            for (int k = 0; k < seeds; k++) {
                seedEffect[k] = 0.2 * random.nextGaussian();
            }
            double[][] y = new double[seeds][prompts];
            double sum = 0;
            double squares = 0;
            for (int k = 0; k < seeds; k++) {
                for (int p = 0; p < prompts; p++) {
                    y[k][p] = mu + promptEffect[p] + seedEffect[k] + 0.5 * random.nextGaussian();
                    sum += y[k][p];
                    squares += y[k][p] * y[k][p];
                }
            }
            CrossedMean crossed = CrossedMean.of(y);
            if (crossed.interval().contains(mu)) {
                crossedCovered++;
            }
            int n = seeds * prompts;
            double mean = sum / n;
            double se = Math.sqrt((squares / n - mean * mean) / (n - 1));
            if (Math.abs(mean - mu) <= 1.96 * se) {
                naiveCovered++;
            }
        }
        double crossed = crossedCovered / (double) repeats;
        double naive = naiveCovered / (double) repeats;
        System.out.printf("crossed design coverage: seeds x prompts interval %.3f, naive over all values %.3f%n", crossed, naive);
        assertTrue(crossed >= 0.93 && crossed <= 0.99, "crossed interval coverage " + crossed);
        assertTrue(naive < 0.85, "the naive interval should under-cover here, got " + naive);
    }

    @Test
    void meanIsThePlainMeanAndOneSeedIsAnIntervalOverPrompts() {
        double[][] y = {{1, 2, 3, 4}, {3, 4, 5, 6}};
        CrossedMean m = CrossedMean.of(y);
        assertEquals(3.5, m.mean(), 1e-12);
        CrossedMean single = CrossedMean.of(new double[][] {{1, 2, 3, 4}});
        assertEquals(3, single.degreesOfFreedom(), 1e-9, "one seed: P - 1 degrees of freedom");
        // t(3) 0.975 = 3.1824; the standard error of 1..4 is sqrt(1.6667/4)
        assertEquals(2.5 + 3.182446305284263 * Math.sqrt(5.0 / 3 / 4), single.interval().high(), 1e-9);
    }
}
