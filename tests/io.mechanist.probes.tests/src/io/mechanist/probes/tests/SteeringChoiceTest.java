package io.mechanist.probes.tests;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.mechanist.probes.InMemoryProbeData;
import io.mechanist.probes.ProbeAnalysis;
import io.mechanist.probes.ProbeCell;
import io.mechanist.probes.ProbeConfig;
import io.mechanist.probes.ProbeMethod;
import io.mechanist.probes.ProbeResults;
import io.mechanist.probes.SteeringChoice;

/**
 * The probe a causal test steers along, as the probe view picks it: planted signals make the right layer obvious
 * (strong at layer 2, weak at layer 1, none at layer 0, all at position 2), so each rule of the choice is seen to
 * act on its own.
 */
class SteeringChoiceTest {

    private static final double[][] PLANTED = {
        {0, 0, 0, 0},
        {0, 0, 1.0, 0},
        {0, 0, 3.0, 0},
    };
    private static final ProbeMethod M = ProbeMethod.LOGISTIC;
    private static ProbeResults results;

    @BeforeAll
    static void probes() {
        InMemoryProbeData data = Synthetic.data(240, 16, 4, PLANTED, 7);
        results = ProbeAnalysis.run(data, ProbeConfig.defaults().withThreads(2).withControlTask(false));
    }

    @Test
    void withNothingMarkedTheMethodsBestCell() {
        ProbeCell best = results.best(M);
        assertEquals(2, best.layer());
        assertEquals(2, best.position());
        for (int marked : new int[] {-1, results.positionCount(), 99}) {
            SteeringChoice choice = SteeringChoice.choose(results, M, marked, new int[] {0});
            assertEquals(best.layer(), choice.layer(), "marked " + marked);
            assertEquals(best.position(), choice.position(), "marked " + marked);
            assertArrayEquals(results.direction(M, 2, 2).weights(), choice.direction().weights());
        }
    }

    @Test
    void atAMarkedPositionTheMostAccurateShownLayer() {
        // all layers shown (none selected): the strong layer
        assertEquals(2, SteeringChoice.choose(results, M, 2, new int[0]).layer());
        // the strong layer hidden: the weak one beats the empty one
        double weak = results.cell(M, 1, 2).accuracy();
        double empty = results.cell(M, 0, 2).accuracy();
        assertTrue(weak > empty, weak + " vs " + empty);
        SteeringChoice hidden = SteeringChoice.choose(results, M, 2, new int[] {0, 1});
        assertEquals(1, hidden.layer());
        assertEquals(2, hidden.position());
        assertArrayEquals(results.direction(M, 1, 2).weights(), hidden.direction().weights());
        // one layer shown: that layer, whatever the others do
        assertEquals(0, SteeringChoice.choose(results, M, 2, new int[] {0}).layer());
        assertEquals(3, SteeringChoice.choose(results, M, 3, new int[] {0}).position());
    }

    @Test
    void withoutDirectionsTheReasonIsGiven() {
        ProbeResults noDirections = ProbeAnalysis.run(Synthetic.data(120, 8, 4, PLANTED, 8),
                ProbeConfig.defaults().withThreads(2).withControlTask(false).withFitDirections(false));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> SteeringChoice.choose(noDirections, M, 2, new int[] {2}));
        assertTrue(e.getMessage().startsWith("The logistic probe at " + noDirections.layerName(2) + " position "
                + noDirections.positionLabel(2) + " has no direction"), e.getMessage());
    }
}
