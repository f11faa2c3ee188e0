package io.mechanist.steering.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.eclipse.core.runtime.NullProgressMonitor;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.mechanist.core.analysis.AnalysisException;
import io.mechanist.core.analysis.AnalysisRegistry;
import io.mechanist.core.analysis.AnalysisRequest;
import io.mechanist.model.AnalysisResult;
import io.mechanist.model.ResultTable;
import io.mechanist.steering.SteeringVectors;
import io.mechanist.steering.analysis.SweepAnalysis;
import io.mechanist.store.ActivationStore;
import io.mechanist.store.AnalysisRunner;

/** The sweep analysis through the extension point and the store's analysis runner. */
class SweepAnalysisTest {

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

    private Map<String, String> parameters(String... more) {
        Map<String, String> p = new HashMap<>(Map.of("model", checkpoint.toString(), "multipliers", "-1,0,1",
                "batchSize", "4"));
        for (int i = 0; i < more.length; i += 2) {
            p.put(more[i], more[i + 1]);
        }
        return p;
    }

    @Test
    void contrastSweepWritesTablesAndArrays() throws Exception {
        assertEquals("Steering", registry.get(SweepAnalysis.ID).category());
        String resultId = new AnalysisRunner(store, registry).run(new AnalysisRequest(SweepAnalysis.ID, parameters(),
                Map.of("heldOut", SteeringFixtures.CAPTURE, "contrast", SteeringFixtures.CAPTURE)), new NullProgressMonitor());
        int rows = store.read(s -> {
            AnalysisResult result = s.getResults().stream().filter(r -> r.getId().equals(resultId)).findFirst().orElseThrow();
            ResultTable summary = result.getTables().stream().filter(t -> t.getName().equals("summary")).findFirst()
                    .orElseThrow();
            assertEquals(List.of(2, 2, 3, 8), result.getArrays().stream().filter(a -> a.getName().equals("logitDiff"))
                    .findFirst().orElseThrow().getShape());
            assertEquals("mean-difference", result.getProvenance().getParameters().get("vectorMethod"));
            return summary.getColumns().get(0).getTexts().size();
        });
        assertEquals(2 * 2 * 3, rows, "steering and control x 2 layers x 3 multipliers");
        float[] logitDiff = store.readResultArray(resultId, "logitDiff");
        float[] baseline = store.readResultArray(resultId, "baselineLogitDiff");
        assertEquals(96, logitDiff.length);
        for (int p = 0; p < 8; p++) {
            // multiplier 0 is the unsteered run
            assertEquals(baseline[p], logitDiff[(0 * 3 + 1) * 8 + p], 0f);
        }
        assertEquals(2 * 32, store.readResultArray(resultId, "vectors").length);
    }

    @Test
    void probeDirectionCausalTest() throws Exception {
        float[] direction = SteeringVectors.random("blocks.1.resid_post", 32, 1, 5).values();
        String vectorId = store.saveVector("probe", "blocks.1.resid_post", "probe-logistic", direction,
                Map.of("positiveLabel", "A"), null);
        String resultId = new AnalysisRunner(store, registry).run(new AnalysisRequest(SweepAnalysis.ID,
                parameters("target", "probe", "layers", "vector", "multipliers", "-0.5,0,0.5,1"),
                Map.of("heldOut", SteeringFixtures.CAPTURE, "vector", vectorId)), new NullProgressMonitor());
        List<String> verdicts = store.read(s -> s.getResults().stream().filter(r -> r.getId().equals(resultId))
                .findFirst().orElseThrow().getTables().stream().filter(t -> t.getName().equals("causal")).findFirst()
                .orElseThrow().getColumns().stream().filter(c -> c.getName().equals("movesAsPredicted")).findFirst()
                .orElseThrow().getTexts().stream().toList());
        assertEquals(2, verdicts.size(), "steering and control at the probe's layer");
        float[] vectors = store.readResultArray(resultId, "vectors");
        assertEquals(32, vectors.length, "one layer: the probe's own");
        for (int j = 0; j < 32; j++) {
            assertEquals(direction[j], vectors[j], 0f);
        }
    }

    @Test
    void fixedTargetMakesEveryPromptMatchTheSameAnswer() throws Exception {
        String labelled = new AnalysisRunner(store, registry).run(new AnalysisRequest(SweepAnalysis.ID,
                parameters("layers", "0", "control", "false"), Map.of("heldOut", SteeringFixtures.CAPTURE, "contrast",
                        SteeringFixtures.CAPTURE)), new NullProgressMonitor());
        String fixed = new AnalysisRunner(store, registry).run(new AnalysisRequest(SweepAnalysis.ID,
                parameters("layers", "0", "control", "false", "target", "fixed:A"), Map.of("heldOut",
                        SteeringFixtures.CAPTURE, "contrast", SteeringFixtures.CAPTURE)), new NullProgressMonitor());
        float[] byLabel = store.readResultArray(labelled, "baselineLogitDiff");
        float[] towardsA = store.readResultArray(fixed, "baselineLogitDiff");
        // held-out prompts alternate answer A, B: the B prompts' logit difference flips sign
        for (int p = 0; p < 8; p++) {
            assertEquals(p % 2 == 0 ? byLabel[p] : -byLabel[p], towardsA[p], 1e-6f, "prompt " + p);
        }
    }

    @Test
    void clearErrors() {
        AnalysisRunner runner = new AnalysisRunner(store, registry);
        var neither = assertThrows(AnalysisException.class, () -> runner.run(new AnalysisRequest(SweepAnalysis.ID,
                parameters(), Map.of("heldOut", SteeringFixtures.CAPTURE)), new NullProgressMonitor()));
        assertTrue(neither.getMessage().contains("exactly one"), neither.getMessage());
        var layer = assertThrows(AnalysisException.class, () -> runner.run(new AnalysisRequest(SweepAnalysis.ID,
                parameters("layers", "0,7"), Map.of("heldOut", SteeringFixtures.CAPTURE, "contrast",
                        SteeringFixtures.CAPTURE)), new NullProgressMonitor()));
        assertTrue(layer.getMessage().contains("layer 7 is out of range"), layer.getMessage());
        var label = assertThrows(AnalysisException.class, () -> runner.run(new AnalysisRequest(SweepAnalysis.ID,
                parameters("label", "verdict"), Map.of("heldOut", SteeringFixtures.CAPTURE, "contrast",
                        SteeringFixtures.CAPTURE)), new NullProgressMonitor()));
        assertTrue(label.getMessage().contains("has no label 'verdict'"), label.getMessage());
        var pairs = assertThrows(AnalysisException.class, () -> runner.run(new AnalysisRequest(SweepAnalysis.ID,
                parameters("pairLabel", "nothing"), Map.of("heldOut", SteeringFixtures.CAPTURE, "contrast",
                        SteeringFixtures.CAPTURE)), new NullProgressMonitor()));
        assertTrue(pairs.getMessage().contains("has no label 'nothing'"), pairs.getMessage());
    }
}
