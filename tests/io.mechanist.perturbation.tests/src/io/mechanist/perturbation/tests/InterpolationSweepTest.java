package io.mechanist.perturbation.tests;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.eclipse.core.runtime.NullProgressMonitor;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.mechanist.capture.CaptureJob;
import io.mechanist.capture.Capturer;
import io.mechanist.core.analysis.AnalysisException;
import io.mechanist.core.analysis.AnalysisOutput;
import io.mechanist.core.analysis.AnalysisRegistry;
import io.mechanist.core.analysis.AnalysisRequest;
import io.mechanist.demo.EmbeddedDemo;
import io.mechanist.perturbation.InterpolationAnalysis;
import io.mechanist.runtime.HookedTransformer;
import io.mechanist.runtime.RunRequest;
import io.mechanist.runtime.weights.EditedCheckpoint;
import io.mechanist.runtime.weights.TensorSelection;
import io.mechanist.runtime.weights.WeightEdit;
import io.mechanist.runtime.weights.WeightPlan;
import io.mechanist.steering.AbPrompt;
import io.mechanist.steering.AnswerTokens;
import io.mechanist.steering.SteeringSweep;
import io.mechanist.store.ActivationStore;
import io.mechanist.store.AnalysisRunner;
import io.mechanist.store.StoredResults;

/**
 * The interpolation sweep between the demo model and a planted other checkpoint: the demo model with its final layer
 * norm's weight and bias negated. Interpolating only those two tensors gives a final layer norm of
 * {@code (1 - 2t)} times the demo's, so (GPT-2 has no output bias) every logit is {@code (1 - 2t)} times the demo's:
 * the behaviour holds for t &lt; 0.5, is reversed for t &gt; 0.5, and the half-effect point between swept t of 0.45
 * and 0.55 is exactly 0.475.
 */
class InterpolationSweepTest {

    private static final int PROMPTS = 40;
    private static final int BATCH = 16;

    @TempDir
    static Path dir;
    static ActivationStore store;
    static Path model;
    static Path negated;

    @BeforeAll
    static void plantTheOtherCheckpoint() throws Exception {
        model = EmbeddedDemo.modelFolder();
        negated = EditedCheckpoint.write(model,
                WeightPlan.of(new WeightEdit.Scale(TensorSelection.matching("ln_f"), -1)), dir.resolve("negated"));
        List<String> lines = Files.readAllLines(EmbeddedDemo.dataset(EmbeddedDemo.TEST_SET));
        Path dataset = Files.write(dir.resolve("held-out.jsonl"), lines.subList(0, PROMPTS));
        Capturer.capture(CaptureJob.builder(dir.resolve("store"), model, dataset).sites("blocks.0.resid_post")
                .captureId("held-out").build(), new NullProgressMonitor());
        store = ActivationStore.open(dir.resolve("store"));
    }

    private static String run(String... parameters) throws Exception {
        Map<String, String> p = new HashMap<>();
        p.put("batchSize", Integer.toString(BATCH));
        for (int i = 0; i < parameters.length; i += 2) {
            p.put(parameters[i], parameters[i + 1]);
        }
        return new AnalysisRunner(store, AnalysisRegistry.fromPlatform()).run(new AnalysisRequest(
                InterpolationAnalysis.ID, p, Map.of("heldOut", "held-out")), new NullProgressMonitor());
    }

    @Test
    void tZeroAndOneAreTheTwoModelsExactly() throws Exception {
        String id = run("other", negated.toString(), "ts", "0,1", "bootstrap", "100");
        float[] logitDiff = store.readResultArray(id, "logitDiff");
        assertEquals(2 * PROMPTS, logitDiff.length);
        assertArrayEquals(plainLogitDiff(model), Arrays.copyOfRange(logitDiff, 0, PROMPTS), "t = 0 is the model");
        assertArrayEquals(plainLogitDiff(negated), Arrays.copyOfRange(logitDiff, PROMPTS, 2 * PROMPTS),
                "t = 1 is the other checkpoint");
    }

    @Test
    void findsTheDropWhereThePlantedModelReversesTheBehaviour() throws Exception {
        double[] ts = {0, 0.25, 0.45, 0.55, 0.75, 1};
        String id = run("other", negated.toString(), "ts", "0,0.25,0.45,0.55,0.75,1", "tensors", "regex:ln_f",
                "bootstrap", "300");
        float[] logitDiff = store.readResultArray(id, "logitDiff");
        float[] base = plainLogitDiff(model);
        int wrongAtZero = 0;
        for (int p = 0; p < PROMPTS; p++) {
            assertTrue(base[p] != 0, "prompt " + p + " has a logit difference");
            wrongAtZero += base[p] < 0 ? 1 : 0;
        }
        // every logit difference is (1 - 2t) times the unedited one (float weights: relative 1e-4)
        for (int s = 0; s < ts.length; s++) {
            for (int p = 0; p < PROMPTS; p++) {
                double expected = (1 - 2 * ts[s]) * base[p];
                assertEquals(expected, logitDiff[s * PROMPTS + p], 1e-4 * Math.max(1, Math.abs(expected)),
                        "t " + ts[s] + ", prompt " + p);
            }
        }
        AnalysisOutput.Table summary = new StoredResults(store).result(id).table("summary");
        assertArrayEquals(ts, summary.column("t").numbers(), 0);
        double[] accuracy = summary.column("accuracy").numbers();
        double before = 1 - wrongAtZero / (double) PROMPTS;
        assertEquals(before, accuracy[2], 1e-12, "t = 0.45 keeps every answer");
        assertEquals(1 - before, accuracy[3], 1e-12, "t = 0.55 reverses every answer");
        assertTrue(before > 0.9, "the demo model answers its held-out prompts: " + before);
        // the interval over prompts of accuracy at t = 0 is the t interval of a 0/1 mean
        double sd = Math.sqrt(before * (1 - before) * PROMPTS / (PROMPTS - 1.0));
        assertEquals(before - 2.0226909 * sd / Math.sqrt(PROMPTS), summary.column("accuracyLow").numbers()[0], 1e-6);

        AnalysisOutput.Table half = new StoredResults(store).result(id).table("halfEffect");
        assertEquals(0.475, half.column("t").numbers()[0], 1e-12, "half of the effect is lost a quarter of the way"
                + " from 0.45 to 0.55");
        assertTrue(half.column("low").numbers()[0] >= 0.45 && half.column("high").numbers()[0] <= 0.55,
                "every bootstrap replicate crosses between 0.45 and 0.55");
    }

    @Test
    void badParametersAreRefusedWithTheReason() {
        AnalysisException missing = assertThrows(AnalysisException.class, () -> run("ts", "0,1"));
        assertTrue(missing.getMessage().contains("other"), missing.getMessage());
        AnalysisException descending = assertThrows(AnalysisException.class,
                () -> run("other", negated.toString(), "ts", "1,0"));
        assertTrue(descending.getMessage().contains("ascending"), descending.getMessage());
        AnalysisException absent = assertThrows(AnalysisException.class,
                () -> run("other", dir.resolve("nowhere").toString()));
        assertTrue(absent.getMessage().contains("nowhere"), absent.getMessage());
    }

    /** Logit difference (matching answer minus the other) of a plain forward of a checkpoint. */
    private static float[] plainLogitDiff(Path checkpoint) throws Exception {
        try (HookedTransformer demo = HookedTransformer.load(checkpoint)) {
            List<AbPrompt> prompts = heldOut();
            AnswerTokens answers = AnswerTokens.of(demo.tokenizer(), " A", " B");
            return SteeringSweep.metrics(demo.run(RunRequest.builder(prompts.stream().map(AbPrompt::tokens).toList())
                    .batchSize(BATCH).build()), prompts, answers)[2];
        }
    }

    private static List<AbPrompt> heldOut() throws Exception {
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
}
