package io.mechanist.perturbation.tests;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
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
import io.mechanist.core.analysis.AnalysisException;
import io.mechanist.core.analysis.AnalysisRegistry;
import io.mechanist.core.analysis.AnalysisRequest;
import io.mechanist.demo.EmbeddedDemo;
import io.mechanist.model.AnalysisResult;
import io.mechanist.model.ResultTable;
import io.mechanist.perturbation.PerturbationAnalysis;
import io.mechanist.runtime.HookedTransformer;
import io.mechanist.runtime.RunRequest;
import io.mechanist.steering.AbPrompt;
import io.mechanist.steering.AnswerTokens;
import io.mechanist.steering.SteeringSweep;
import io.mechanist.store.ActivationStore;
import io.mechanist.store.AnalysisRunner;

/**
 * The noise sweep on the embedded demo model through the extension point: scale 0 is the unperturbed model exactly,
 * seeds reproduce, and noise of the weights' own size destroys the behaviour the demo model was trained for.
 */
class NoiseSweepTest {

    private static final int PROMPTS = 48;

    @TempDir
    static Path dir;
    static ActivationStore store;
    static Path model;

    @BeforeAll
    static void captureSomeDemoPrompts() throws Exception {
        model = EmbeddedDemo.modelFolder();
        List<String> lines = Files.readAllLines(EmbeddedDemo.dataset(EmbeddedDemo.TEST_SET));
        Path dataset = Files.write(dir.resolve("held-out.jsonl"), lines.subList(0, PROMPTS));
        Capturer.capture(CaptureJob.builder(dir.resolve("store"), model, dataset).sites("blocks.0.resid_post")
                .captureId("held-out").build(), new NullProgressMonitor());
        store = ActivationStore.open(dir.resolve("store"));
    }

    private static String run(String... parameters) throws Exception {
        Map<String, String> p = new java.util.HashMap<>();
        for (int i = 0; i < parameters.length; i += 2) {
            p.put(parameters[i], parameters[i + 1]);
        }
        return new AnalysisRunner(store, AnalysisRegistry.fromPlatform()).run(new AnalysisRequest(PerturbationAnalysis.ID,
                p, Map.of("heldOut", "held-out")), new NullProgressMonitor());
    }

    @Test
    void scaleZeroIsTheUnperturbedModelAndLargeNoiseDestroysTheBehaviour() throws Exception {
        String id = run("scales", "0,0.5,2", "seeds", "2", "bootstrap", "300");
        float[] logitDiff = store.readResultArray(id, "logitDiff");
        assertEquals(3 * 2 * PROMPTS, logitDiff.length);

        // scale 0 equals a plain forward of the unedited checkpoint, for both seeds
        List<AbPrompt> prompts;
        float[] plain;
        try (HookedTransformer demo = HookedTransformer.load(model)) {
            prompts = heldOut(demo);
            AnswerTokens answers = AnswerTokens.of(demo.tokenizer(), " A", " B");
            plain = SteeringSweep.metrics(demo.run(RunRequest.builder(prompts.stream().map(AbPrompt::tokens).toList())
                    .build()), prompts, answers)[2];
        }
        for (int k = 0; k < 2; k++) {
            float[] seedRow = java.util.Arrays.copyOfRange(logitDiff, k * PROMPTS, (k + 1) * PROMPTS);
            assertArrayEquals(plain, seedRow, 1e-4f, "scale 0, seed " + k);
        }

        double[] accuracy = column(id, "accuracy");
        double[] low = column(id, "accuracyLow");
        double[] high = column(id, "accuracyHigh");
        System.out.printf("demo accuracy by noise scale 0 / 0.5 / 2 x RMS: %.3f [%.3f, %.3f], %.3f [%.3f, %.3f], %.3f [%.3f, %.3f]%n",
                accuracy[0], low[0], high[0], accuracy[1], low[1], high[1], accuracy[2], low[2], high[2]);
        assertTrue(accuracy[0] > 0.9, "the demo model answers its held-out prompts: " + accuracy[0]);
        assertTrue(accuracy[2] < 0.75, "noise twice the weights' RMS leaves little of the behaviour: " + accuracy[2]);
        double[] half = column(id, "halfEffect", "scale");
        assertTrue(half[0] > 0 && half[0] <= 2, "the behaviour halves within the swept scales: " + half[0]);

        String again = run("scales", "0,0.5,2", "seeds", "2", "bootstrap", "300");
        assertArrayEquals(logitDiff, store.readResultArray(again, "logitDiff"), "the same seeds reproduce");
    }

    @Test
    void badParametersAreRefusedWithTheReason() {
        AnalysisException descending = assertThrows(AnalysisException.class, () -> run("scales", "0.5,0.1"));
        assertTrue(descending.getMessage().contains("ascending"), descending.getMessage());
        AnalysisException tensors = assertThrows(AnalysisException.class, () -> run("tensors", "layers:x"));
        assertTrue(tensors.getMessage().contains("layers:x"), tensors.getMessage());
    }

    private static List<AbPrompt> heldOut(HookedTransformer demo) throws Exception {
        try (var capture = store.openCapture("held-out")) {
            return capture.prompts().stream().filter(p -> p.pairId() == null).map(p -> {
                long[] ids = new long[p.tokenIds().length];
                for (int t = 0; t < ids.length; t++) {
                    ids[t] = p.tokenIds()[t];
                }
                return new AbPrompt(ids, "A".equals(p.label("answer")));
            }).toList();
        }
    }

    private static double[] column(String resultId, String column) {
        return column(resultId, "summary", column);
    }

    private static double[] column(String resultId, String table, String column) {
        return store.read(s -> {
            AnalysisResult result = s.getResults().stream().filter(r -> r.getId().equals(resultId)).findFirst().orElseThrow();
            ResultTable t = result.getTables().stream().filter(x -> x.getName().equals(table)).findFirst().orElseThrow();
            return t.getColumns().stream().filter(c -> c.getName().equals(column)).findFirst().orElseThrow()
                    .getNumbers().stream().mapToDouble(Double::doubleValue).toArray();
        });
    }
}
