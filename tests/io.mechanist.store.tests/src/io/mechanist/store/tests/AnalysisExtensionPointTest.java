package io.mechanist.store.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import org.eclipse.core.runtime.NullProgressMonitor;
import org.eclipse.core.runtime.OperationCanceledException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.mechanist.core.activations.ActivationSet;
import io.mechanist.core.activations.FloatMatrix;
import io.mechanist.core.analysis.AnalysisDescriptor;
import io.mechanist.core.analysis.AnalysisRegistry;
import io.mechanist.core.analysis.AnalysisRequest;
import io.mechanist.core.analysis.InputSpec;
import io.mechanist.core.analysis.OutputSpec;
import io.mechanist.core.analysis.ParameterSpec;
import io.mechanist.model.AnalysisResult;
import io.mechanist.model.ResultColumn;
import io.mechanist.store.ActivationStore;
import io.mechanist.store.AnalysisRunner;
import io.mechanist.store.CaptureWriter;
import io.mechanist.testing.TestRegistries;

/** The extension point with real contributions: the example plugin and this bundle's stub analyses. */
class AnalysisExtensionPointTest {

    private static final String EXAMPLE = "io.mechanist.examples.tokenstats.norms";
    private static final List<String> SITES = List.of("blocks.0.resid_post", "blocks.1.resid_post");
    private static final int WIDTH = 8;
    private static final int PROMPTS = 14;

    @TempDir
    Path folder;
    private AnalysisRegistry registry;

    @BeforeEach
    void setUp() throws IOException {
        registry = TestRegistries.analyses("bundles/io.mechanist.core", "bundles/io.mechanist.examples.tokenstats",
                "tests/io.mechanist.store.tests");
    }

    @Test
    void contributionsAreListedWithTheirDeclarations() {
        List<String> ids = registry.analyses().stream().map(AnalysisDescriptor::id).toList();
        assertTrue(ids.contains(EXAMPLE), "example plugin listed: " + ids);
        assertTrue(ids.contains("io.mechanist.store.tests.rowSum"), ids.toString());
        assertFalse(ids.contains("io.mechanist.store.tests.noClass"), "an analysis without class is left out");
        assertTrue(registry.problems().stream().anyMatch(p -> p.contains("io.mechanist.store.tests") && p.contains("class")),
                registry.problems().toString());

        AnalysisDescriptor example = registry.get(EXAMPLE);
        assertEquals("io.mechanist.examples.tokenstats", example.contributor());
        assertEquals("Statistics", example.category());
        assertEquals(InputSpec.Kind.CAPTURE, example.input("activations").kind());
        assertEquals(ParameterSpec.Type.HOOK_SITE, example.parameter("site").type());
        assertEquals("4096", example.parameter("maxPositions").defaultValue());
        assertEquals(OutputSpec.Kind.ARRAY, example.output("norms").kind());
        assertTrue(example.description().contains("L2 norm"));

        AnalysisDescriptor stub = registry.get("io.mechanist.store.tests.rowSum");
        assertFalse(stub.input("direction").required());
        assertEquals(List.of("io.mechanist.store.tests.sumsView"),
                registry.viewsFor(stub.id()).stream().map(v -> v.viewId()).toList());
        assertThrows(IllegalArgumentException.class, () -> registry.get("no.such.analysis"));
    }

    @Test
    void examplePluginRunsHeadlessAndItsResultMatchesAnIndependentComputation() throws Exception {
        String resultId;
        try (ActivationStore store = storeWithCapture()) {
            AnalysisRunner runner = new AnalysisRunner(store, registry);
            resultId = runner.run(new AnalysisRequest(EXAMPLE, Map.of("site", SITES.get(1)), Map.of("activations", "c")),
                    new NullProgressMonitor());
        }
        try (ActivationStore store = ActivationStore.openReadOnly(folder)) {
            AnalysisResult result = store.read(s -> s.getResults().get(0));
            assertEquals(resultId, result.getId());
            assertEquals(EXAMPLE, result.getAnalysisId());
            assertEquals("c", result.getInputCaptures().get(0).getId());
            assertEquals(SITES.get(1), result.getParameters().get("site"));
            assertEquals("4096", result.getParameters().get("maxPositions"));

            int positions = 9; // longest prompt of the fixture
            double[][] norms = new double[PROMPTS][positions];
            for (int p = 0; p < PROMPTS; p++) {
                java.util.Arrays.fill(norms[p], Double.NaN);
                for (int pos = 0; pos < StoreFixtures.tokenCount(p); pos++) {
                    double sum = 0;
                    for (int j = 0; j < WIDTH; j++) {
                        double v = StoreFixtures.value(1, p, pos, j);
                        sum += v * v;
                    }
                    norms[p][pos] = Math.sqrt(sum);
                }
            }
            List<ResultColumn> columns = result.getTables().get(0).getColumns();
            assertEquals("normByPosition", result.getTables().get(0).getName());
            ResultColumn mean = columns.stream().filter(c -> c.getName().equals("mean")).findFirst().orElseThrow();
            ResultColumn count = columns.stream().filter(c -> c.getName().equals("prompts")).findFirst().orElseThrow();
            for (int pos = 0; pos < positions; pos++) {
                double sum = 0;
                int n = 0;
                for (int p = 0; p < PROMPTS; p++) {
                    if (!Double.isNaN(norms[p][pos])) {
                        sum += norms[p][pos];
                        n++;
                    }
                }
                assertEquals(n, count.getNumbers().get(pos), 0.0);
                assertEquals(sum / n, mean.getNumbers().get(pos), 1e-9 * (1 + sum / n), "position " + pos);
            }
            float[] array = store.readResultArray(resultId, "norms");
            assertEquals(List.of("prompt", "position"), result.getArrays().get(0).getAxes());
            assertEquals(List.of(PROMPTS, positions), result.getArrays().get(0).getShape());
            for (int p = 0; p < PROMPTS; p++) {
                for (int pos = 0; pos < positions; pos++) {
                    float actual = array[p * positions + pos];
                    if (Double.isNaN(norms[p][pos])) {
                        assertTrue(Float.isNaN(actual), "no token at prompt " + p + " position " + pos);
                    } else {
                        assertEquals((float) norms[p][pos], actual, 1e-5f * (float) (1 + norms[p][pos]));
                    }
                }
            }
        }
    }

    @Test
    void stubAnalysisWritesTablesAndVectorsAndReadsABoundVector() throws Exception {
        try (ActivationStore store = storeWithCapture()) {
            AnalysisRunner runner = new AnalysisRunner(store, registry);
            String first = runner.run(new AnalysisRequest("io.mechanist.store.tests.rowSum",
                    Map.of("site", SITES.get(0), "scale", "2"), Map.of("activations", "c")), null);
            String vectorId = store.read(s -> s.getResults().get(0).getProducedVectors().get(0).getId());
            float[] direction = store.readVector(vectorId).values();
            try (ActivationSet set = store.openCapture("c")) {
                FloatMatrix last = set.column(SITES.get(0), -1);
                double expected = 0;
                for (int r = 0; r < PROMPTS; r++) {
                    expected += last.get(r, 3);
                }
                assertEquals(expected / PROMPTS, direction[3], 1e-5);
                double sum0 = 0;
                for (float v : set.prompt(SITES.get(0), 0).data()) {
                    sum0 += v;
                }
                double stored = store.read(s -> s.getResults().get(0).getTables().get(0).getColumns().get(1).getNumbers().get(0));
                assertEquals(2 * sum0, stored, 1e-9);
            }
            // second run with the vector bound as input
            String second = runner.run(new AnalysisRequest("io.mechanist.store.tests.rowSum", Map.of("site", SITES.get(0)),
                    Map.of("activations", "c", "direction", vectorId)), null);
            String secondVector = store.read(s -> s.getResults().get(1).getProducedVectors().get(0).getId());
            assertEquals(2 * direction[3], store.readVector(secondVector).values()[3], 1e-5);
            assertEquals(first, store.read(s -> s.getVectors().get(0).getSourceResult().getId()));
            assertEquals(vectorId, store.read(s -> s.getResults().get(1).getInputVectors().get(0).getId()));
            assertTrue(second.startsWith("result-"));
        }
    }

    @Test
    void badRequestsAreRefusedWithClearMessages() throws Exception {
        try (ActivationStore store = storeWithCapture()) {
            AnalysisRunner runner = new AnalysisRunner(store, registry);
            IllegalArgumentException noSite = assertThrows(IllegalArgumentException.class, () -> runner.run(
                    new AnalysisRequest(EXAMPLE, Map.of(), Map.of("activations", "c")), null));
            assertTrue(noSite.getMessage().contains("site"), noSite.getMessage());
            IllegalArgumentException badSite = assertThrows(IllegalArgumentException.class, () -> runner.run(
                    new AnalysisRequest(EXAMPLE, Map.of("site", "blocks.x.resid"), Map.of("activations", "c")), null));
            assertTrue(badSite.getMessage().contains("blocks.x.resid"), badSite.getMessage());
            IllegalArgumentException noInput = assertThrows(IllegalArgumentException.class, () -> runner.run(
                    new AnalysisRequest(EXAMPLE, Map.of("site", SITES.get(0)), Map.of()), null));
            assertTrue(noInput.getMessage().contains("activations"), noInput.getMessage());
            IllegalStateException undeclared = assertThrows(IllegalStateException.class, () -> runner.run(
                    new AnalysisRequest("io.mechanist.store.tests.undeclared", Map.of(), Map.of()), null));
            assertTrue(undeclared.getMessage().contains("surprise"), undeclared.getMessage());
            assertTrue(store.<Boolean>read(s -> s.getResults().isEmpty()), "failed runs write nothing");
        }
    }

    @Test
    void cancellationThroughTheMonitorStopsTheRunAndWritesNothing() throws Exception {
        try (ActivationStore store = storeWithCapture()) {
            AnalysisRunner runner = new AnalysisRunner(store, registry);
            CountDownLatch working = new CountDownLatch(1);
            NullProgressMonitor monitor = new NullProgressMonitor() {
                @Override
                public boolean isCanceled() {
                    working.countDown(); // the endless analysis polls for cancellation as it works
                    return super.isCanceled();
                }
            };
            CompletableFuture<String> run = CompletableFuture.supplyAsync(() -> {
                try {
                    return runner.run(new AnalysisRequest("io.mechanist.store.tests.endless", Map.of(), Map.of()), monitor);
                } catch (RuntimeException e) {
                    throw e;
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            });
            assertTrue(working.await(60, TimeUnit.SECONDS), "the analysis started working");
            assertFalse(run.isDone(), "the endless analysis runs until cancelled");
            monitor.setCanceled(true);
            ExecutionException failure = assertThrows(ExecutionException.class, () -> run.get(10, TimeUnit.SECONDS));
            assertInstanceOf(OperationCanceledException.class, failure.getCause());
            assertTrue(store.<Boolean>read(s -> s.getResults().isEmpty()));
        }
    }

    private ActivationStore storeWithCapture() throws IOException {
        ActivationStore store = StoreFixtures.newStore(folder, PROMPTS);
        try (CaptureWriter writer = store.beginCapture(StoreFixtures.spec("c", SITES, WIDTH))) {
            StoreFixtures.writePrompts(writer, SITES, WIDTH, 0, PROMPTS);
            writer.complete();
        }
        return store;
    }
}
