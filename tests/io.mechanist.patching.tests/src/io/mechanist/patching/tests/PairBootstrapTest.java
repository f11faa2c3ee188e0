package io.mechanist.patching.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;

import org.junit.jupiter.api.Test;

import io.mechanist.patching.PairBootstrap;

/** The cell summary and its interval: a ratio of means, and a bootstrap over pairs that covers in simulation. */
class PairBootstrapTest {

    @Test
    void cellIsTheRatioOfMeansOverThePairsInIt() {
        double[] clean = {3, 5, 1, 7};
        double[] corrupted = {1, 1, 0, 2};
        double[] patched = {2, Double.NaN, 1, 2};
        PairBootstrap.Cell cell = PairBootstrap.cell(patched, clean, corrupted, 0, 1);
        // pairs 0, 2, 3: (1 + 1 + 0) / (2 + 1 + 5)
        assertEquals(2.0 / 8.0, cell.value(), 1e-12);
        assertEquals(3, cell.n());
        assertTrue(Double.isNaN(cell.low()));
        assertEquals(0.5, PairBootstrap.perPair(2, 3, 1), 1e-12);
    }

    @Test
    void patchingWithTheOtherRunsOwnValuesGivesOneAndNothingGivesZero() {
        double[] clean = {3, 5, 1, 7};
        double[] corrupted = {1, 1, 0, 2};
        assertEquals(1, PairBootstrap.cell(clean, clean, corrupted, 100, 1).value(), 0);
        PairBootstrap.Cell nothing = PairBootstrap.cell(corrupted, clean, corrupted, 100, 1);
        assertEquals(0, nothing.value(), 0);
        assertEquals(0, nothing.low(), 0);
        assertEquals(0, nothing.high(), 0);
    }

    /**
     * Pairs whose clean-corrupted gap varies (1..5 logits) and whose patched effect is a noisy 40% of it: the
     * 95% interval covers the true ratio 0.4 in about 95% of 400 simulated datasets of 30 pairs.
     */
    @Test
    void intervalCoversTheTrueRatioInSimulation() {
        Random random = new Random(20261205);
        int simulations = 400;
        int pairs = 30;
        int covered = 0;
        for (int s = 0; s < simulations; s++) {
            double[] clean = new double[pairs];
            double[] corrupted = new double[pairs];
            double[] patched = new double[pairs];
            for (int i = 0; i < pairs; i++) {
                corrupted[i] = random.nextGaussian();
                double gap = 1 + 4 * random.nextDouble();
                clean[i] = corrupted[i] + gap;
                patched[i] = corrupted[i] + 0.4 * gap + 0.8 * random.nextGaussian();
            }
            PairBootstrap.Cell cell = PairBootstrap.cell(patched, clean, corrupted, 400, s);
            if (cell.low() <= 0.4 && 0.4 <= cell.high()) {
                covered++;
            }
        }
        double coverage = covered / (double) simulations;
        System.out.printf("bootstrap-over-pairs coverage: %.3f (%d simulations of %d pairs)%n", coverage, simulations,
                pairs);
        assertTrue(coverage >= 0.91 && coverage <= 0.985, "coverage " + coverage);
    }
}
