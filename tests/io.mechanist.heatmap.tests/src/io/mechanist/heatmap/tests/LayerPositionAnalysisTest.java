package io.mechanist.heatmap.tests;

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

import io.mechanist.core.analysis.AnalysisDescriptor;
import io.mechanist.core.analysis.AnalysisException;
import io.mechanist.core.analysis.AnalysisRegistry;
import io.mechanist.core.analysis.AnalysisRequest;
import io.mechanist.heatmap.HeatmapData;
import io.mechanist.heatmap.ValueKind;
import io.mechanist.heatmap.analysis.LayerPositionAnalysis;
import io.mechanist.heatmap.analysis.LayerPositionResults;
import io.mechanist.model.AnalysisResult;
import io.mechanist.model.Store;
import io.mechanist.store.ActivationStore;
import io.mechanist.store.AnalysisRunner;
import io.mechanist.testing.TinyStore;

/**
 * The layer x position analysis registered on the real extension point, run through the store's AnalysisRunner on a
 * capture of the tiny reference model; stored values are checked against plain double sums over the stored rows.
 */
class LayerPositionAnalysisTest {

    private static final int PROMPT = 1;

    @TempDir
    static Path dir;
    static TinyStore tiny;

    @BeforeAll
    static void createStore() throws Exception {
        tiny = TinyStore.create(dir);
    }

    @Test
    void isContributedOnTheExtensionPoint() {
        AnalysisDescriptor descriptor = AnalysisRegistry.fromPlatform().get(LayerPositionAnalysis.ID);
        assertEquals("Residual stream by layer and position", descriptor.name());
        assertEquals("resid_post", descriptor.parameter("point").defaultValue());
        assertEquals("norm", descriptor.parameter("measure").defaultValue());
        assertTrue(!descriptor.input(LayerPositionAnalysis.VECTOR_INPUT).required(), "the vector is optional");
    }

    @Test
    void normOfEveryLayerAndPositionIsStoredWithItsTokens() throws Exception {
        try (ActivationStore store = ActivationStore.open(tiny.folder)) {
            String id = run(store, Map.of("prompt", Integer.toString(PROMPT)), Map.of());
            int positions = tiny.tokens.get(PROMPT).size();
            assertEquals(List.of("layer", "position"),
                    store.read(s -> List.copyOf(result(s, id).getArrays().get(0).getAxes())));
            assertEquals(List.of(tiny.layers, positions),
                    store.read(s -> List.copyOf(result(s, id).getArrays().get(0).getShape())));
            float[] values = store.readResultArray(id, LayerPositionAnalysis.VALUES_OUTPUT);
            for (int layer = 0; layer < tiny.layers; layer++) {
                for (int pos = 0; pos < positions; pos++) {
                    double sum = 0;
                    for (int j = 0; j < tiny.dModel; j++) {
                        double v = tiny.resid(PROMPT, layer, pos, j);
                        sum += v * v;
                    }
                    double expected = Math.sqrt(sum);
                    assertEquals(expected, values[layer * positions + pos], 1e-5 * expected,
                            "norm at layer " + layer + ", position " + pos);
                }
            }
            HeatmapData data = heatmap(store, id);
            assertEquals(tiny.tokens.get(PROMPT), data.columnLabels());
            assertEquals(ValueKind.MAGNITUDE, data.kind());
            assertEquals("L2 norm", data.units());
            assertEquals(values[(tiny.layers - 1) * positions + 3], data.value(tiny.layers - 1, 3));
        }
    }

    @Test
    void projectionAndCosineOntoAStoredVector() throws Exception {
        float[] direction = new float[tiny.dModel];
        double directionNorm = 0;
        for (int j = 0; j < direction.length; j++) {
            direction[j] = (j % 3) - 1f; // the stored vector of TinyStore
            directionNorm += direction[j] * direction[j];
        }
        directionNorm = Math.sqrt(directionNorm);
        try (ActivationStore store = ActivationStore.open(tiny.folder)) {
            String vectorId = store.read(s -> s.getVectors().get(0).getId());
            String projection = run(store, Map.of("prompt", "0", "measure", "projection"),
                    Map.of(LayerPositionAnalysis.VECTOR_INPUT, vectorId));
            String cosine = run(store, Map.of("prompt", "0", "measure", "cosine"),
                    Map.of(LayerPositionAnalysis.VECTOR_INPUT, vectorId));
            float[] projected = store.readResultArray(projection, LayerPositionAnalysis.VALUES_OUTPUT);
            float[] cosines = store.readResultArray(cosine, LayerPositionAnalysis.VALUES_OUTPUT);
            int positions = tiny.tokens.get(0).size();
            for (int layer = 0; layer < tiny.layers; layer++) {
                for (int pos = 0; pos < positions; pos++) {
                    double dot = 0;
                    double xx = 0;
                    for (int j = 0; j < tiny.dModel; j++) {
                        double x = tiny.resid(0, layer, pos, j);
                        dot += x * direction[j];
                        xx += x * x;
                    }
                    String cell = "layer " + layer + ", position " + pos;
                    assertEquals(dot / directionNorm, projected[layer * positions + pos],
                            1e-5 * Math.sqrt(xx), "projection at " + cell);
                    assertEquals(dot / (directionNorm * Math.sqrt(xx)), cosines[layer * positions + pos], 1e-5,
                            "cosine at " + cell);
                }
            }
            HeatmapData cosineMap = heatmap(store, cosine);
            assertEquals(ValueKind.SIGNED, cosineMap.kind());
            assertEquals(-1, cosineMap.displayRange().min());
            assertEquals(1, cosineMap.displayRange().max());
            assertEquals(ValueKind.SIGNED, heatmap(store, projection).kind());
        }
    }

    @Test
    void refusesProjectionWithoutAVectorAndUnknownPointsOrPrompts() throws Exception {
        try (ActivationStore store = ActivationStore.open(tiny.folder)) {
            AnalysisException noVector = assertThrows(AnalysisException.class,
                    () -> run(store, Map.of("measure", "projection"), Map.of()));
            assertTrue(noVector.getMessage().contains("vector"), noVector.getMessage());
            AnalysisException notCaptured = assertThrows(AnalysisException.class,
                    () -> run(store, Map.of("point", "mlp_out"), Map.of()));
            assertTrue(notCaptured.getMessage().contains("mlp_out"), notCaptured.getMessage());
            AnalysisException noPrompt = assertThrows(AnalysisException.class,
                    () -> run(store, Map.of("prompt", "9"), Map.of()));
            assertTrue(noPrompt.getMessage().contains("prompt"), noPrompt.getMessage());
            AnalysisException badMeasure = assertThrows(AnalysisException.class,
                    () -> run(store, Map.of("measure", "mean"), Map.of()));
            assertTrue(badMeasure.getMessage().contains("norm, projection, cosine"), badMeasure.getMessage());
        }
    }

    private static String run(ActivationStore store, Map<String, String> parameters, Map<String, String> vectors)
            throws Exception {
        Map<String, String> inputs = new HashMap<>(vectors);
        inputs.put(LayerPositionAnalysis.CAPTURE_INPUT, TinyStore.CAPTURE);
        return new AnalysisRunner(store, AnalysisRegistry.fromPlatform())
                .run(new AnalysisRequest(LayerPositionAnalysis.ID, parameters, inputs), new NullProgressMonitor());
    }

    private static AnalysisResult result(Store s, String id) {
        return s.getResults().stream().filter(r -> r.getId().equals(id)).findFirst().orElseThrow();
    }

    private static HeatmapData heatmap(ActivationStore store, String id) throws Exception {
        float[] values = store.readResultArray(id, LayerPositionAnalysis.VALUES_OUTPUT);
        return store.read(s -> {
            AnalysisResult r = result(s, id);
            Map<String, String> parameters = new HashMap<>(r.getParameters().map());
            parameters.putAll(r.getProvenance().getParameters().map());
            int[] shape = r.getArrays().get(0).getShape().stream().mapToInt(Integer::intValue).toArray();
            List<String> tokens = List.copyOf(r.getTables().get(0).getColumns().get(1).getTexts());
            return LayerPositionResults.heatmap(values, shape, tokens, parameters, "");
        });
    }
}
