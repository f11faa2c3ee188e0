package io.mechanist.store.tests;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Map;

import org.eclipse.core.runtime.NullProgressMonitor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.mechanist.core.analysis.AnalysisOutput;
import io.mechanist.core.analysis.AnalysisRegistry;
import io.mechanist.core.analysis.AnalysisRequest;
import io.mechanist.core.analysis.StoredResult;
import io.mechanist.store.ActivationStore;
import io.mechanist.store.AnalysisRunner;
import io.mechanist.store.CaptureWriter;
import io.mechanist.store.StoredResults;
import io.mechanist.testing.TestRegistries;

/**
 * Reading stored results back as plain data ({@link StoredResults}): the example plug-in's table and array and the
 * stub analysis's produced vector, against numbers computed here from the fixture's values.
 */
class StoredResultsTest {

    private static final String EXAMPLE = "io.mechanist.examples.tokenstats.norms";
    private static final List<String> SITES = List.of("blocks.0.resid_post", "blocks.1.resid_post");
    private static final int WIDTH = 8;
    private static final int PROMPTS = 14;

    @TempDir
    Path folder;

    @Test
    void tablesArraysParametersAndProvenanceReadBackAsWritten() throws Exception {
        AnalysisRegistry registry = TestRegistries.analyses("bundles/io.mechanist.core",
                "bundles/io.mechanist.examples.tokenstats", "tests/io.mechanist.store.tests");
        String normsId;
        String sumsId;
        try (ActivationStore store = StoreFixtures.newStore(folder, PROMPTS)) {
            try (CaptureWriter writer = store.beginCapture(StoreFixtures.spec("c", SITES, WIDTH))) {
                StoreFixtures.writePrompts(writer, SITES, WIDTH, 0, PROMPTS);
                writer.complete();
            }
            AnalysisRunner runner = new AnalysisRunner(store, registry);
            normsId = runner.run(new AnalysisRequest(EXAMPLE, Map.of("site", SITES.get(1)), Map.of("activations", "c")),
                    new NullProgressMonitor());
            sumsId = runner.run(new AnalysisRequest("io.mechanist.store.tests.rowSum",
                    Map.of("site", SITES.get(0), "scale", "2"), Map.of("activations", "c")), new NullProgressMonitor());
        }
        try (ActivationStore store = ActivationStore.openReadOnly(folder)) {
            StoredResults reader = new StoredResults(store);
            assertEquals(List.of(normsId, sumsId), reader.resultIds());

            StoredResult norms = reader.result(normsId);
            assertEquals(EXAMPLE, norms.analysisId());
            assertEquals(SITES.get(1), norms.parameters().get("site"));
            assertEquals(List.of("c"), norms.inputCaptures());
            assertTrue(norms.createdAt() != null);
            int positions = 9; // longest prompt of the fixture
            StoredResult.ArrayInfo info = norms.array("norms");
            assertEquals(List.of("prompt", "position"), info.axes());
            assertArrayEquals(new int[] {PROMPTS, positions}, info.shape());
            AnalysisOutput.ArrayData array = reader.array(normsId, "norms");
            AnalysisOutput.Table byPosition = norms.table("normByPosition");
            double[] mean = byPosition.column("mean").numbers();
            for (int pos = 0; pos < positions; pos++) {
                double sum = 0;
                int n = 0;
                for (int p = 0; p < PROMPTS; p++) {
                    if (pos >= StoreFixtures.tokenCount(p)) {
                        assertTrue(Float.isNaN(array.values()[p * positions + pos]));
                        continue;
                    }
                    double squares = 0;
                    for (int j = 0; j < WIDTH; j++) {
                        double v = StoreFixtures.value(1, p, pos, j);
                        squares += v * v;
                    }
                    assertEquals(Math.sqrt(squares), array.values()[p * positions + pos], 1e-5 * (1 + squares));
                    sum += Math.sqrt(squares);
                    n++;
                }
                assertEquals(sum / n, mean[pos], 1e-6 * (1 + sum / n), "position " + pos);
            }

            StoredResult sums = reader.result(sumsId);
            double[] stored = sums.table("sums").column("sum").numbers();
            for (int p = 0; p < PROMPTS; p++) {
                double sum = 0;
                for (int pos = 0; pos < StoreFixtures.tokenCount(p); pos++) {
                    for (int j = 0; j < WIDTH; j++) {
                        sum += StoreFixtures.value(0, p, pos, j);
                    }
                }
                assertEquals(2 * sum, stored[p], 1e-4 * (1 + Math.abs(sum)), "prompt " + p);
            }
            assertEquals(1, sums.producedVectors().size());
            assertTrue(sums.arrays().isEmpty());

            IllegalArgumentException missing = assertThrows(IllegalArgumentException.class,
                    () -> reader.result("no-such-result"));
            assertTrue(missing.getMessage().contains("no-such-result"), missing.getMessage());
            IllegalArgumentException noArray = assertThrows(IllegalArgumentException.class,
                    () -> reader.array(normsId, "nothing"));
            assertTrue(noArray.getMessage().contains("'nothing'"), noArray.getMessage());
        }
    }

    @Test
    void aDamagedArrayFileIsRefusedNamingTheFile() throws Exception {
        AnalysisRegistry registry = TestRegistries.analyses("bundles/io.mechanist.core",
                "bundles/io.mechanist.examples.tokenstats");
        String id;
        try (ActivationStore store = StoreFixtures.newStore(folder, PROMPTS)) {
            try (CaptureWriter writer = store.beginCapture(StoreFixtures.spec("c", SITES, WIDTH))) {
                StoreFixtures.writePrompts(writer, SITES, WIDTH, 0, PROMPTS);
                writer.complete();
            }
            id = new AnalysisRunner(store, registry).run(new AnalysisRequest(EXAMPLE, Map.of("site", SITES.get(0)),
                    Map.of("activations", "c")), new NullProgressMonitor());
        }
        String file;
        try (ActivationStore store = ActivationStore.openReadOnly(folder)) {
            file = store.read(s -> s.getResults().get(0).getArraysFile());
        }
        Files.write(folder.resolve(file), new byte[] {1}, StandardOpenOption.APPEND);
        try (ActivationStore store = ActivationStore.openReadOnly(folder)) {
            IOException damaged = assertThrows(IOException.class, () -> new StoredResults(store).array(id, "norms"));
            assertTrue(damaged.getMessage().contains(Path.of(file).getFileName().toString()), damaged.getMessage());
        }
    }
}
