package io.mechanist.steering.tests;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.eclipse.core.runtime.NullProgressMonitor;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.mechanist.core.analysis.AnalysisRegistry;
import io.mechanist.core.analysis.AnalysisRequest;
import io.mechanist.core.hooks.HookPoint;
import io.mechanist.steering.SteeringVector;
import io.mechanist.steering.SteeringVectors;
import io.mechanist.steering.SweepResult;
import io.mechanist.steering.analysis.StoredSweeps;
import io.mechanist.steering.analysis.SweepAnalysis;
import io.mechanist.store.ActivationStore;
import io.mechanist.store.AnalysisRunner;

/** A sweep run into a store by the analysis runner and read back equals the sweep the analysis computed. */
class StoredSweepsTest {

    @TempDir
    static Path dir;
    static Path checkpoint;
    static ActivationStore store;
    static AnalysisRegistry registry;

    @BeforeAll
    static void setUp() throws Exception {
        checkpoint = SteeringFixtures.checkpoint(dir);
        store = SteeringFixtures.store(dir.resolve("store"), checkpoint);
        registry = SteeringFixtures.registry();
    }

    private static SweepAnalysis run(Map<String, String> more, Map<String, String> inputs) throws Exception {
        Map<String, String> p = new HashMap<>(Map.of("model", checkpoint.toString(), "batchSize", "4"));
        p.putAll(more);
        SweepAnalysis analysis = new SweepAnalysis();
        new AnalysisRunner(store, registry).run(registry.get(SweepAnalysis.ID), analysis,
                new AnalysisRequest(SweepAnalysis.ID, p, inputs), new NullProgressMonitor());
        return analysis;
    }

    private static String lastResultId() {
        return store.read(s -> s.getResults().get(s.getResults().size() - 1).getId());
    }

    @Test
    void contrastSweepRoundTrips() throws Exception {
        SweepAnalysis analysis = run(Map.of("multipliers", "-1,-0.25,0,0.5,1", "controlSeed", "77",
                "steerPositions", "last"), Map.of("heldOut", SteeringFixtures.CAPTURE, "contrast", SteeringFixtures.CAPTURE));
        StoredSweeps.Loaded loaded = StoredSweeps.read(store, lastResultId());
        assertRoundTrip(analysis.lastResult(), loaded);
        // the causal verdict is re-judged from the stored random null (kept as float32) to the same conclusions
        assertEquals(analysis.lastCausal().size(), loaded.causal().size());
        for (int i = 0; i < loaded.causal().size(); i++) {
            var computed = analysis.lastCausal().get(i);
            var reread = loaded.causal().get(i);
            assertEquals(computed.yes(), reread.yes(), reread.reason());
            assertEquals(computed.meanShiftP(), reread.meanShiftP(), 1e-6);
            assertEquals(computed.netFlipRate(), reread.netFlipRate(), 1e-12);
            assertEquals(computed.nullMean(), reread.nullMean(), 1e-6);
            assertEquals(computed.holmP(), reread.holmP(), 1e-3 * Math.max(computed.holmP(), 1e-6));
            // the prompt groups are stored with the verdict, so its intervals are re-judged the same way
            assertEquals(computed.interval(), reread.interval());
            assertEquals(computed.shiftInterval().low(), reread.shiftInterval().low(), 1e-6);
            assertEquals(computed.flipInterval().high(), reread.flipInterval().high(), 1e-12);
        }
    }

    @Test
    void probeVectorSweepWithoutControlRoundTrips() throws Exception {
        float[] direction = SteeringVectors.random("blocks.1.resid_post", 32, 1, 9).values();
        String vectorId = store.saveVector("probe", "blocks.1.resid_post", "probe-logistic", direction,
                Map.of("positiveLabel", "B"), null);
        SweepAnalysis analysis = run(Map.of("target", "probe", "layers", "vector", "multipliers", "-0.5,0,0.5",
                "control", "false", "point", "resid_mid"), Map.of("heldOut", SteeringFixtures.CAPTURE, "vector", vectorId));
        StoredSweeps.Loaded loaded = StoredSweeps.read(store, lastResultId());
        assertRoundTrip(analysis.lastResult(), loaded);
        assertEquals(1, loaded.result().kinds());
        assertArrayEquals(direction, loaded.vectors().get(1).values());
        assertEquals("probe", loaded.parameters().get("target"));
        assertEquals(HookPoint.RESID_MID, loaded.result().config().point());
        assertEquals("blocks.1.resid_mid", loaded.vectors().get(1).siteId());
    }

    @Test
    void withoutAModelParameterTheSweepSteersTheModelTheHeldOutCaptureRecords() throws Exception {
        Map<String, String> inputs = Map.of("heldOut", SteeringFixtures.CAPTURE, "contrast", SteeringFixtures.CAPTURE);
        Map<String, String> settings = Map.of("multipliers", "-1,0,1", "control", "false", "layers", "1");
        SweepResult named = run(settings, inputs).lastResult();
        Map<String, String> p = new HashMap<>(settings);
        p.put("batchSize", "4");
        SweepAnalysis recorded = new SweepAnalysis();
        new AnalysisRunner(store, registry).run(registry.get(SweepAnalysis.ID), recorded,
                new AnalysisRequest(SweepAnalysis.ID, p, inputs), new NullProgressMonitor());
        assertArrayEquals(named.logitDiff(), recorded.lastResult().logitDiff());
        assertArrayEquals(named.probability(), recorded.lastResult().probability());
    }

    private static void assertRoundTrip(SweepResult expected, StoredSweeps.Loaded loaded) {
        SweepResult actual = loaded.result();
        assertEquals(expected.config().point(), actual.config().point());
        assertEquals(expected.config().layers(), actual.config().layers());
        assertArrayEquals(expected.config().multipliers(), actual.config().multipliers());
        assertEquals(expected.config().steerPositions(), actual.config().steerPositions());
        assertEquals(expected.config().control(), actual.config().control());
        assertEquals(expected.config().controlSeed(), actual.config().controlSeed());
        assertEquals(expected.config().batchSize(), actual.config().batchSize());
        assertEquals(expected.promptCount(), actual.promptCount());
        assertArrayEquals(expected.meanResidNorm(), actual.meanResidNorm());
        for (int k = 0; k < expected.kinds(); k++) {
            assertArrayEquals(expected.vectorNorm()[k], actual.vectorNorm()[k], "vector norms of kind " + k);
        }
        assertArrayEquals(expected.probability(), actual.probability());
        assertArrayEquals(expected.probabilityFull(), actual.probabilityFull());
        assertArrayEquals(expected.logitDiff(), actual.logitDiff());
        assertArrayEquals(expected.baselineLogitDiff(), actual.baselineLogitDiff());
        assertEquals(expected.rows(), actual.rows());
        assertEquals(expected.toCsv(), actual.toCsv());
        assertEquals(expected.config().layers(), List.copyOf(loaded.vectors().keySet()));
        for (int layer : expected.config().layers()) {
            SteeringVector v = loaded.vectors().get(layer);
            assertEquals(expected.config().point(), v.site().point());
            assertEquals(layer, v.site().layer());
        }
    }

    @Test
    void refusesOtherResultsNamingThem() throws Exception {
        var missing = assertThrows(IOException.class, () -> StoredSweeps.read(store, "result-none"));
        assertTrue(missing.getMessage().contains("has no analysis result 'result-none'"), missing.getMessage());
        String other = store.commit(s -> {
            var r = io.mechanist.model.MechanistFactory.eINSTANCE.createAnalysisResult();
            r.setId("result-other");
            r.setAnalysisId("io.mechanist.probes.accuracy");
            s.getResults().add(r);
            return r.getId();
        });
        var wrong = assertThrows(IOException.class, () -> StoredSweeps.read(store, other));
        assertTrue(wrong.getMessage().contains("is a result of io.mechanist.probes.accuracy"), wrong.getMessage());
    }
}
