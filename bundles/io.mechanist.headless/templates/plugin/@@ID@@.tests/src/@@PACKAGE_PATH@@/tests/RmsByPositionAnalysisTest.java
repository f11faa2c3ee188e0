package @@PACKAGE@@.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.eclipse.core.runtime.NullProgressMonitor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.mechanist.core.activations.PromptInfo;
import io.mechanist.core.analysis.AnalysisOutput;
import io.mechanist.core.analysis.AnalysisRegistry;
import io.mechanist.core.analysis.AnalysisRequest;
import io.mechanist.core.analysis.StoredResult;
import io.mechanist.model.MechanistFactory;
import io.mechanist.model.ModelRef;
import io.mechanist.store.ActivationStore;
import io.mechanist.store.AnalysisRunner;
import io.mechanist.store.CaptureSpec;
import io.mechanist.store.CaptureWriter;
import io.mechanist.store.StoredResults;
import @@PACKAGE@@.RmsByPositionAnalysis;

/**
 * Runs the analysis the way Mechanist does (declared in plugin.xml, found in the extension registry, run by the
 * store's AnalysisRunner) on a tiny store written here, and compares its table with a direct computation.
 */
class RmsByPositionAnalysisTest {

    private static final String SITE = "blocks.0.resid_post";
    private static final int WIDTH = 4;
    private static final int[] TOKENS = {3, 5, 4};

    @TempDir
    Path folder;

    /** The activation the tiny store holds at (prompt, position, dimension). */
    private static float value(int prompt, int position, int j) {
        return (float) Math.sin(1.3 * prompt + 0.7 * position + 0.31 * j) * (1 + position);
    }

    @Test
    void meanRmsByPositionMatchesADirectComputation() throws Exception {
        String resultId;
        try (ActivationStore store = tinyStore()) {
            resultId = new AnalysisRunner(store, AnalysisRegistry.fromPlatform()).run(
                    new AnalysisRequest(RmsByPositionAnalysis.ID, Map.of("site", SITE), Map.of("activations", "c")),
                    new NullProgressMonitor());
        }
        try (ActivationStore store = ActivationStore.openReadOnly(folder)) {
            StoredResult result = new StoredResults(store).result(resultId);
            AnalysisOutput.Table table = result.table("rmsByPosition");
            double[] meanRms = table.column("meanRms").numbers();
            double[] prompts = table.column("prompts").numbers();
            assertEquals(5, meanRms.length, "positions up to the longest prompt");
            for (int position = 0; position < meanRms.length; position++) {
                double sum = 0;
                int n = 0;
                for (int p = 0; p < TOKENS.length; p++) {
                    if (position < TOKENS[p]) {
                        double squares = 0;
                        for (int j = 0; j < WIDTH; j++) {
                            squares += (double) value(p, position, j) * value(p, position, j);
                        }
                        sum += Math.sqrt(squares / WIDTH);
                        n++;
                    }
                }
                assertEquals(n, prompts[position], 0.0, "prompts at position " + position);
                assertEquals(sum / n, meanRms[position], 1e-9, "mean RMS at position " + position);
            }
            assertTrue(meanRms[4] > meanRms[0], "later positions were made larger");
        }
    }

    /** A store with one model, one dataset of three prompts and one capture "c" of {@link #SITE}. */
    private ActivationStore tinyStore() throws Exception {
        ActivationStore store = ActivationStore.create(folder, "tiny store");
        store.update(s -> {
            ModelRef model = MechanistFactory.eINSTANCE.createModelRef();
            model.setId("tiny");
            model.setName("Tiny model");
            model.setNumLayers(1);
            model.setDModel(WIDTH);
            s.getModels().add(model);
        });
        List<PromptInfo> prompts = new ArrayList<>();
        for (int p = 0; p < TOKENS.length; p++) {
            int[] ids = new int[TOKENS[p]];
            List<String> tokens = new ArrayList<>();
            for (int t = 0; t < ids.length; t++) {
                ids[t] = 10 + t;
                tokens.add(" t" + t);
            }
            prompts.add(new PromptInfo(p, "prompt " + p, ids, tokens, Map.of(), null, null));
        }
        store.addDataset("d", "Tiny dataset", prompts);
        try (CaptureWriter writer = store.beginCapture(CaptureSpec.of("tiny", "d").id("c").site(SITE, WIDTH))) {
            for (int p = 0; p < TOKENS.length; p++) {
                int[] positions = writer.positions(p);
                float[] rows = new float[positions.length * WIDTH];
                for (int r = 0; r < positions.length; r++) {
                    for (int j = 0; j < WIDTH; j++) {
                        rows[r * WIDTH + j] = value(p, positions[r], j);
                    }
                }
                writer.writePrompt(p, Map.of(SITE, rows));
            }
            writer.complete();
        }
        return store;
    }
}
