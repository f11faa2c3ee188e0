package io.mechanist.perturbation.tests;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

import org.eclipse.core.runtime.NullProgressMonitor;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.mechanist.capture.CaptureJob;
import io.mechanist.capture.Capturer;
import io.mechanist.core.activations.ActivationSet;
import io.mechanist.core.analysis.AnalysisException;
import io.mechanist.core.analysis.AnalysisOutput;
import io.mechanist.core.analysis.AnalysisRegistry;
import io.mechanist.core.analysis.AnalysisRequest;
import io.mechanist.demo.EmbeddedDemo;
import io.mechanist.perturbation.ProbeTransferAnalysis;
import io.mechanist.probes.InMemoryProbeData;
import io.mechanist.probes.PositionAlignment;
import io.mechanist.probes.ProbeAnalysis;
import io.mechanist.probes.ProbeCell;
import io.mechanist.probes.ProbeConfig;
import io.mechanist.probes.ProbeMethod;
import io.mechanist.probes.ProbeProgress;
import io.mechanist.probes.ProbeResults;
import io.mechanist.probes.capture.CaptureProbes;
import io.mechanist.store.ActivationStore;
import io.mechanist.store.AnalysisRunner;
import io.mechanist.store.StoredResults;

/**
 * Probe transfer: on two captures of the same model (identical activations) the transfer accuracy and its interval
 * are the probe analysis's own, cell for cell; on a planted model whose representation is rotated, probes trained on
 * the first read the second far worse than either model's own probes read it.
 */
class ProbeTransferTest {

    private static final int PROMPTS = 120;

    @TempDir
    static Path dir;
    static ActivationStore store;

    @BeforeAll
    static void captureTheDemoModelTwice() throws Exception {
        Path model = EmbeddedDemo.modelFolder();
        List<String> lines = Files.readAllLines(EmbeddedDemo.dataset(EmbeddedDemo.TEST_SET));
        Path dataset = Files.write(dir.resolve("prompts.jsonl"), lines.subList(0, PROMPTS));
        for (String id : new String[] {"first", "again"}) {
            Capturer.capture(CaptureJob.builder(dir.resolve("store"), model, dataset).sites("blocks.*.resid_post")
                    .captureId(id).build(), new NullProgressMonitor());
        }
        Path fewer = Files.write(dir.resolve("fewer.jsonl"), lines.subList(0, PROMPTS - 1));
        Capturer.capture(CaptureJob.builder(dir.resolve("store"), model, fewer).sites("blocks.*.resid_post")
                .captureId("fewer").build(), new NullProgressMonitor());
        store = ActivationStore.open(dir.resolve("store"));
    }

    private static Map<String, String> parameters() {
        Map<String, String> p = new HashMap<>();
        p.put("label", "answer");
        p.put("alignment", "anchor");
        p.put("anchor", ":");
        p.put("before", "2");
        p.put("after", "0");
        return p;
    }

    @Test
    void onIdenticalCapturesTransferIsTheProbeAccuracy() throws Exception {
        String id = new AnalysisRunner(store, AnalysisRegistry.fromPlatform()).run(new AnalysisRequest(
                ProbeTransferAnalysis.ID, parameters(), Map.of("base", "first", "other", "again")),
                new NullProgressMonitor());
        AnalysisOutput.Table cells = new StoredResults(store).result(id).table("cells");
        // 2 methods x 4 layers x 3 positions
        assertEquals(24, cells.rowCount());
        for (String[] pair : new String[][] {{"accuracy", "transferAccuracy"}, {"accuracyLow", "transferLow"},
                {"accuracyHigh", "transferHigh"}, {"accuracy", "otherAccuracy"}}) {
            assertArrayEquals(cells.column(pair[0]).numbers(), cells.column(pair[1]).numbers(), 0, pair[1]);
        }
        // the original accuracy is the probe analysis's (same folds, seed and interval method)
        ProbeResults probes;
        try (ActivationSet first = store.openCapture("first")) {
            probes = CaptureProbes.run(first, "resid_post", "answer",
                    PositionAlignment.fromParameters(parameters()), ProbeConfig.defaults(), ProbeProgress.NONE);
        }
        String[] layers = cells.column("layer").texts();
        String[] positions = cells.column("position").texts();
        String[] methods = cells.column("method").texts();
        double[] accuracy = cells.column("accuracy").numbers();
        double[] low = cells.column("accuracyLow").numbers();
        for (int r = 0; r < cells.rowCount(); r++) {
            ProbeCell cell = find(probes, methods[r], layers[r], positions[r]);
            assertEquals(cell.accuracy(), accuracy[r], 0, layers[r] + " " + positions[r] + " " + methods[r]);
            assertEquals(cell.interval().low(), low[r], 0, layers[r] + " " + positions[r] + " " + methods[r]);
        }
        double best = java.util.Arrays.stream(accuracy).max().orElseThrow();
        assertTrue(best > 0.9, "the demo model's answer is readable at the marker: " + best);
    }

    @Test
    void aRotatedRepresentationDefeatsTransferButNotItsOwnProbes() {
        int n = 240;
        int d = 6;
        String[] ids = new String[n];
        String[] labels = new String[n];
        float[] base = new float[n * d];
        float[] rotated = new float[n * d];
        SplittableRandom random = new SplittableRandom(7);
        for (int p = 0; p < n; p++) {
            ids[p] = "p" + p;
            boolean positive = p % 2 == 0;
            labels[p] = positive ? "yes" : "no";
            for (int j = 0; j < d; j++) {
                base[p * d + j] = (float) (nextGaussian(random) + (j == 0 ? (positive ? 2.5 : -2.5) : 0));
            }
            // the planted model writes the same information a quarter turn away: (x0, x1) -> (-x1, x0)
            System.arraycopy(base, p * d, rotated, p * d, d);
            rotated[p * d] = -base[p * d + 1];
            rotated[p * d + 1] = base[p * d];
        }
        InMemoryProbeData a = new InMemoryProbeData(1, 1, d, ids, labels, null);
        a.setMatrix(0, 0, base);
        InMemoryProbeData b = new InMemoryProbeData(1, 1, d, ids, labels, null);
        b.setMatrix(0, 0, rotated);
        ProbeConfig config = ProbeConfig.defaults().withControlTask(false).withFoldRepeats(1);
        for (ProbeMethod method : ProbeMethod.values()) {
            ProbeCell original = ProbeAnalysis.run(a, config).cell(method, 0, 0);
            ProbeCell own = ProbeAnalysis.run(b, config).cell(method, 0, 0);
            ProbeCell transfer = ProbeAnalysis.runTransfer(a, b, config, ProbeProgress.NONE).cell(method, 0, 0);
            System.out.printf("rotated representation, %s probes: own %.3f / %.3f, transfer %.3f %s%n", method,
                    original.accuracy(), own.accuracy(), transfer.accuracy(), transfer.interval());
            assertTrue(original.accuracy() > 0.95 && own.accuracy() > 0.95, method + ": both models hold the label: "
                    + original.accuracy() + ", " + own.accuracy());
            // what is left comes from the probes' small weights on the base model's noise coordinate, where the
            // rotated model now writes the label
            assertTrue(transfer.accuracy() < 0.7 && transfer.interval().high() < original.interval().low()
                    && transfer.interval().high() < own.interval().low(),
                    method + ": the transferred probe loses the label: " + transfer.accuracy() + " " + transfer.interval());
            assertEquals(n, transfer.n());
        }
    }

    @Test
    void capturesOfDifferentPromptsAreRefused() {
        AnalysisException e = assertThrows(AnalysisException.class, () -> new AnalysisRunner(store,
                AnalysisRegistry.fromPlatform()).run(new AnalysisRequest(ProbeTransferAnalysis.ID, parameters(),
                        Map.of("base", "first", "other", "fewer")), new NullProgressMonitor()));
        assertTrue(e.getMessage().contains("same prompts"), e.getMessage());
    }

    private static ProbeCell find(ProbeResults probes, String method, String layer, String position) {
        for (int l = 0; l < probes.layerCount(); l++) {
            for (int k = 0; k < probes.positionCount(); k++) {
                if (probes.layerName(l).equals(layer) && probes.positionLabel(k).equals(position)) {
                    return probes.cell(ProbeMethod.fromId(method), l, k);
                }
            }
        }
        throw new AssertionError("no cell " + layer + " " + position);
    }

    private static double nextGaussian(SplittableRandom random) {
        return Math.sqrt(-2 * Math.log(1 - random.nextDouble())) * Math.cos(2 * Math.PI * random.nextDouble());
    }
}
