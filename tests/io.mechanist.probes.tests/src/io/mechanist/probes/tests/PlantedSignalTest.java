package io.mechanist.probes.tests;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

import io.mechanist.probes.InMemoryProbeData;
import io.mechanist.probes.IntervalMethod;
import io.mechanist.probes.ProbeAnalysis;
import io.mechanist.probes.ProbeCell;
import io.mechanist.probes.ProbeConfig;
import io.mechanist.probes.ProbeMethod;
import io.mechanist.probes.ProbeResults;

/** A direction planted at known (layer, position) cells is found there and nowhere else. */
class PlantedSignalTest {

    private static final double[][] PLANTED = {
        {0, 0, 0, 0},
        {0, 0, 2.0, 0},
        {0, 0, 2.0, 2.0},
    };

    @Test
    void highAccuracyWherePlantedChanceElsewhereControlAtChance() {
        InMemoryProbeData data = Synthetic.data(240, 40, 4, PLANTED, 2024);
        ProbeResults results = ProbeAnalysis.run(data, ProbeConfig.defaults().withThreads(2));
        for (ProbeMethod method : ProbeMethod.values()) {
            for (int l = 0; l < PLANTED.length; l++) {
                for (int k = 0; k < PLANTED[0].length; k++) {
                    ProbeCell c = results.cell(method, l, k);
                    String where = method.id() + " L" + l + " pos " + k + ": " + c;
                    assertEquals(240, c.n());
                    assertTrue(c.interval().contains(c.accuracy()), where);
                    if (PLANTED[l][k] > 0) {
                        assertTrue(c.accuracy() > 0.9, where);
                        assertTrue(c.selectivity() > 0.3, where);
                        assertTrue(c.interval().low() > c.chance(), where);
                    } else {
                        // chance: the 95% interval must reach the 50% line (allowing for one unlucky cell margin)
                        assertTrue(c.accuracy() < 0.62 && c.interval().low() < 0.55, where);
                    }
                    assertTrue(Math.abs(c.controlAccuracy() - 0.5) < 0.12, "control " + where);
                    assertTrue(c.chance() >= 0.5 && c.chance() < 0.6, where);
                    assertEquals(0, c.degenerateFolds(), where);
                }
            }
        }
        ProbeCell best = results.best(ProbeMethod.LOGISTIC);
        assertTrue(PLANTED[best.layer()][best.position()] > 0, "best cell " + best);
    }

    @Test
    void resultsDoNotDependOnThreadCount() {
        InMemoryProbeData data = Synthetic.data(120, 30, 3, PLANTED, 7);
        ProbeConfig config = ProbeConfig.defaults().withInterval(IntervalMethod.BOOTSTRAP_GROUPS, 300);
        ProbeResults one = ProbeAnalysis.run(data, config.withThreads(1));
        ProbeResults three = ProbeAnalysis.run(data, config.withThreads(3));
        for (ProbeMethod method : ProbeMethod.values()) {
            assertEquals(one.cells(method), three.cells(method));
            for (int l = 0; l < PLANTED.length; l++) {
                for (int k = 0; k < PLANTED[0].length; k++) {
                    assertArrayEquals(one.direction(method, l, k).weights(), three.direction(method, l, k).weights());
                    assertEquals(one.direction(method, l, k).bias(), three.direction(method, l, k).bias());
                }
            }
        }
    }

    @Test
    void missingPositionsReduceNAndAreNeverTested() {
        InMemoryProbeData data = Synthetic.data(200, 20, 2, new double[][] {{2.0, 2.0}}, 17);
        for (int p = 0; p < 200; p += 3) {
            data.setPresent(p, 1, false);
        }
        ProbeResults results = ProbeAnalysis.run(data, ProbeConfig.defaults());
        assertEquals(200, results.cell(ProbeMethod.LOGISTIC, 0, 0).n());
        ProbeCell shorter = results.cell(ProbeMethod.MASS_MEAN, 0, 1);
        assertEquals(133, shorter.n());
        assertTrue(shorter.accuracy() > 0.85, shorter.toString());
        assertTrue(results.toCsvLines().get(0).startsWith("method,layer,position"));
        assertEquals(1 + 2 * 2, results.toCsvLines().size());
    }
}
