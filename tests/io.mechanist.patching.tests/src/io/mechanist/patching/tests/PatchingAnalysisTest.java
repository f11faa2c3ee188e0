package io.mechanist.patching.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.eclipse.core.runtime.NullProgressMonitor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.mechanist.core.activations.PromptInfo;
import io.mechanist.core.analysis.AnalysisException;
import io.mechanist.core.analysis.AnalysisOutput;
import io.mechanist.core.analysis.AnalysisRegistry;
import io.mechanist.core.analysis.AnalysisRequest;
import io.mechanist.patching.StoredPatching;
import io.mechanist.patching.analysis.PatchingAnalysis;
import io.mechanist.runtime.reference.ArchitectureFamily;
import io.mechanist.store.ActivationStore;
import io.mechanist.store.AnalysisRunner;
import io.mechanist.store.StoredResults;

/** The patching analysis through the extension point and the store's analysis runner. */
class PatchingAnalysisTest {

    @TempDir
    Path dir;

    @Test
    void storesCellsWithIntervalsPairsAndPerPairArrays() throws Exception {
        Path checkpoint = PatchingFixtures.checkpoint(dir, ArchitectureFamily.GPT2);
        AnalysisRegistry registry = PatchingFixtures.registry();
        assertEquals("Patching", registry.get(PatchingAnalysis.ID).category());
        try (ActivationStore store = PatchingFixtures.store(dir.resolve("store"), checkpoint,
                PatchingFixtures.prompts())) {
            String id = new AnalysisRunner(store, registry).run(new AnalysisRequest(PatchingAnalysis.ID,
                    Map.of("tokenA", "A", "tokenB", "B", "resamples", "200", "batchSize", "5"),
                    Map.of("pairs", PatchingFixtures.CAPTURE)), new NullProgressMonitor());
            StoredResults results = new StoredResults(store);
            AnalysisOutput.Table cells = results.result(id).table("cells");
            // 2 methods x 2 directions x (3 position grids x 2 layers x 7 columns + 1 head grid x 2 layers x 4 heads)
            int layers = 2;
            int heads = 4;
            assertEquals(2 * 2 * (3 * layers * 7 + layers * heads), cells.rowCount());
            double[] value = cells.column("value").numbers();
            double[] low = cells.column("ciLow").numbers();
            double[] high = cells.column("ciHigh").numbers();
            String[] grid = cells.column("grid").texts();
            String[] position = cells.column("position").texts();
            double[] layer = cells.column("layer").numbers();
            String[] token = cells.column("token").texts();
            for (int r = 0; r < value.length; r++) {
                assertTrue(low[r] <= value[r] + 1e-9 && value[r] <= high[r] + 1e-9, "cell " + r);
                if (grid[r].equals("denoising/resid_pre") && layer[r] == 0 && position[r].equals("-1")) {
                    // both methods: the same token in every pair, nothing to patch
                    assertEquals(0, value[r], 1e-5, "the last token is the same in every pair");
                    assertEquals("so", token[r]);
                }
            }
            assertEquals(6, results.result(id).table("pairs").rowCount());
            float[] perPair = store.readResultArray(id, "perPair");
            assertEquals(16 * layers * 7 * 6, perPair.length);
            StoredPatching read = StoredPatching.read(results, id);
            assertEquals(16, read.grids().size());
            // pair p3: "a cat was very happy . so" vs "a dog ...": 7 tokens, the subject at -6
            assertEquals("-6 cat/dog", read.differences().get(3));
            StoredPatching.Grid first = read.grids().get(0);
            assertEquals("activation patching: denoising/resid_pre", first.title());
            assertEquals(List.of("L0", "L1"), List.of(first.rowLabels()));
            assertEquals("-1", first.columnLabels()[6]);
            float[] lastToken = read.pairValues(first, 0, 6);
            assertEquals(6, lastToken.length);
            for (float v : lastToken) {
                assertEquals(0, v, 1e-4, "every pair: the same last token");
            }
            assertTrue(first.describe(0, 6).startsWith("L0 position -1 'so': 0.000 ["), first.describe(0, 6));
            assertEquals(1 + 2 * 7, first.csv().split("\n").length);
            assertEquals("L1 head 3", read.grids().get(3).describe(1, 3).substring(0, 9));
            AnalysisOutput.Table agreement = results.result(id).table("agreement");
            assertEquals(8, agreement.rowCount());
            for (double r : agreement.column("correlation").numbers()) {
                assertTrue(r >= -1 && r <= 1, "correlation " + r);
            }
        }
    }

    @Test
    void badPairsAreRefusedNamingThePair() throws Exception {
        Path checkpoint = PatchingFixtures.checkpoint(dir, ArchitectureFamily.GPT2);
        List<PromptInfo> prompts = new ArrayList<>(PatchingFixtures.prompts());
        prompts.add(PatchingFixtures.prompt(prompts.size(), "the cat is big . so", "A", "odd"));
        prompts.add(PatchingFixtures.prompt(prompts.size(), "the big dog is big . so", "B", "odd"));
        try (ActivationStore store = PatchingFixtures.store(dir.resolve("bad"), checkpoint, prompts)) {
            AnalysisException error = assertThrows(AnalysisException.class, () -> new AnalysisRunner(store,
                    PatchingFixtures.registry()).run(new AnalysisRequest(PatchingAnalysis.ID,
                            Map.of("tokenA", "A", "tokenB", "B"), Map.of("pairs", PatchingFixtures.CAPTURE)),
                    new NullProgressMonitor()));
            assertTrue(error.getMessage().contains("pair 'odd'") && error.getMessage().contains("same length"),
                    error.getMessage());
        }
    }
}
