package io.mechanist.perturbation.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.eclipse.core.runtime.NullProgressMonitor;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.mechanist.capture.CaptureJob;
import io.mechanist.capture.Capturer;
import io.mechanist.core.activations.ActivationSet;
import io.mechanist.core.activations.FloatMatrix;
import io.mechanist.core.analysis.AnalysisException;
import io.mechanist.core.analysis.AnalysisOutput;
import io.mechanist.core.analysis.AnalysisRegistry;
import io.mechanist.core.analysis.AnalysisRequest;
import io.mechanist.core.tensor.DType;
import io.mechanist.core.tensor.SafetensorsFile;
import io.mechanist.core.tensor.SafetensorsWriter;
import io.mechanist.demo.EmbeddedDemo;
import io.mechanist.perturbation.ModelDiffAnalysis;
import io.mechanist.runtime.weights.EditedCheckpoint;
import io.mechanist.runtime.weights.WeightPlan;
import io.mechanist.store.ActivationStore;
import io.mechanist.store.AnalysisRunner;
import io.mechanist.store.StoredResults;

/**
 * Model diffing on a planted change: the demo model against a copy whose block-3 MLP output bias is shifted by a known
 * vector u. Blocks 0-2 must not differ at all; block 3's residual differs by exactly u at every token, so the first
 * difference direction is u's and explains all of it; sizes and cosines match a plain recomputation.
 */
class ModelDiffTest {

    private static final int PROMPTS = 24;
    private static final String BIAS = "transformer.h.3.mlp.c_proj.bias";

    @TempDir
    static Path dir;
    static ActivationStore store;
    static float[] shift;

    @BeforeAll
    static void captureBothModels() throws Exception {
        Path base = EmbeddedDemo.modelFolder();
        Path other = EditedCheckpoint.write(base, WeightPlan.NONE, dir.resolve("copy"));
        Path weights = other.resolve("model.safetensors");
        SafetensorsWriter writer = new SafetensorsWriter();
        try (SafetensorsFile file = SafetensorsFile.open(weights)) {
            for (String name : file.tensorNames()) {
                float[] values = file.readFloats(name);
                if (name.equals(BIAS)) {
                    shift = new float[values.length];
                    for (int i = 0; i < values.length; i++) {
                        shift[i] = (float) Math.sin(i + 1.0);
                        values[i] += shift[i];
                    }
                }
                writer.add(name, DType.F32, file.info(name).shape(), values);
            }
        }
        writer.write(weights);
        List<String> lines = Files.readAllLines(EmbeddedDemo.dataset(EmbeddedDemo.TEST_SET));
        Path dataset = Files.write(dir.resolve("prompts.jsonl"), lines.subList(0, PROMPTS));
        for (var model : Map.of("base", base, "other", other).entrySet()) {
            Capturer.capture(CaptureJob.builder(dir.resolve("store"), model.getValue(), dataset)
                    .sites("blocks.*.resid_post").captureId(model.getKey()).build(), new NullProgressMonitor());
        }
        Path fewer = Files.write(dir.resolve("fewer.jsonl"), lines.subList(0, PROMPTS - 1));
        Capturer.capture(CaptureJob.builder(dir.resolve("store"), base, fewer).sites("blocks.0.resid_post")
                .captureId("fewer").build(), new NullProgressMonitor());
        store = ActivationStore.open(dir.resolve("store"));
    }

    @Test
    void findsThePlantedShiftWhereItIsAndNowhereElse() throws Exception {
        String id = new AnalysisRunner(store, AnalysisRegistry.fromPlatform()).run(new AnalysisRequest(ModelDiffAnalysis.ID,
                Map.of(), Map.of("base", "base", "other", "other")), new NullProgressMonitor());
        AnalysisOutput.Table sites = new StoredResults(store).result(id).table("sites");
        List<String> names = List.of(sites.column("site").texts());
        assertEquals(List.of("blocks.0.resid_post", "blocks.1.resid_post", "blocks.2.resid_post", "blocks.3.resid_post"),
                names);
        double[] relative = sites.column("relativeDifference").numbers();
        double[] cosine = sites.column("meanCosine").numbers();
        for (int l = 0; l < 3; l++) {
            assertEquals(0, relative[l], 0, "block " + l + " is before the change");
            assertEquals(1, cosine[l], 1e-12, "block " + l);
        }
        double[] expected = plainDifference("blocks.3.resid_post");
        assertEquals(expected[0], relative[3], 1e-9 * expected[0], "relative difference at block 3");
        assertEquals(expected[1], cosine[3], 1e-9, "mean cosine at block 3");
        assertTrue(relative[3] > 0.01, "the shift is visible: " + relative[3]);
        assertEquals(1, sites.column("pc1Share").numbers()[3], 1e-4, "a constant shift is one direction");

        float[] directions = store.readResultArray(id, "directions");
        int width = shift.length;
        double dot = 0;
        double norm = 0;
        for (int i = 0; i < width; i++) {
            dot += directions[3 * width + i] * shift[i];
            norm += (double) shift[i] * shift[i];
        }
        assertEquals(1, Math.abs(dot) / Math.sqrt(norm), 1e-4, "the first direction is the planted shift's");
        assertTrue(Float.isNaN(directions[0]), "no direction where the models do not differ");
    }

    @Test
    void capturesOfDifferentPromptsAreRefused() throws Exception {
        try (ActivationSet base = store.openCapture("base")) {
            AnalysisException e = assertThrows(AnalysisException.class, () -> new AnalysisRunner(store,
                    AnalysisRegistry.fromPlatform()).run(new AnalysisRequest(ModelDiffAnalysis.ID, Map.of(),
                            Map.of("base", "base", "other", "fewer")), new NullProgressMonitor()));
            assertTrue(e.getMessage().contains("same prompts"), e.getMessage());
            assertEquals(PROMPTS, base.promptCount());
        }
    }

    /** sum |b - a| / sum |a| and the mean over prompts of each prompt's mean cosine, in plain double arithmetic. */
    private static double[] plainDifference(String site) throws Exception {
        double normA = 0;
        double normDiff = 0;
        double cosines = 0;
        try (ActivationSet a = store.openCapture("base"); ActivationSet b = store.openCapture("other")) {
            for (int p = 0; p < a.promptCount(); p++) {
                FloatMatrix x = a.prompt(site, p);
                FloatMatrix y = b.prompt(site, p);
                double promptCosine = 0;
                for (int t = 0; t < x.rows(); t++) {
                    double xx = 0;
                    double yy = 0;
                    double xy = 0;
                    double dd = 0;
                    for (int i = 0; i < x.cols(); i++) {
                        xx += (double) x.get(t, i) * x.get(t, i);
                        yy += (double) y.get(t, i) * y.get(t, i);
                        xy += (double) x.get(t, i) * y.get(t, i);
                        dd += ((double) y.get(t, i) - x.get(t, i)) * ((double) y.get(t, i) - x.get(t, i));
                    }
                    normA += Math.sqrt(xx);
                    normDiff += Math.sqrt(dd);
                    promptCosine += xy / Math.sqrt(xx * yy);
                }
                cosines += promptCosine / x.rows();
            }
            return new double[] {normDiff / normA, cosines / a.promptCount()};
        }
    }
}
