package io.mechanist.steering.tests;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.mechanist.core.activations.ActivationSet;
import io.mechanist.core.activations.PromptInfo;
import io.mechanist.runtime.HookedTransformer;
import io.mechanist.runtime.RunRequest;
import io.mechanist.runtime.RunResult;
import io.mechanist.steering.AbPrompt;
import io.mechanist.steering.AnswerTokens;
import io.mechanist.steering.ProbeCausalSweep;
import io.mechanist.steering.ProbeCausalTest;
import io.mechanist.steering.SteeringSweep;
import io.mechanist.steering.SweepConfig;
import io.mechanist.steering.SweepResult;
import io.mechanist.store.ActivationStore;

/** The causal test of a probe from a stored capture: its prompts, its model, the positive label's answer as target. */
class ProbeCausalSweepTest {
    private static final String SITE = "blocks.1.resid_post";
    private static final double[] MULTIPLIERS = { -1, -0.5, 0, 0.5, 1 };

    @TempDir
    static Path dir;
    static Path checkpoint;
    static ActivationStore store;
    static float[] direction;

    @BeforeAll
    static void setUp() throws Exception {
        checkpoint = SteeringFixtures.checkpoint(dir);
        store = SteeringFixtures.store(dir.resolve("store"), checkpoint);
        direction = differenceOfMeans();
    }

    /** mean(answer A) - mean(answer B) over the unpaired prompts' last positions: a mass-mean probe for A. */
    private static float[] differenceOfMeans() throws IOException {
        try (ActivationSet capture = store.openCapture(SteeringFixtures.CAPTURE)) {
            int width = capture.rowWidth(SITE);
            double[] sum = new double[width];
            float[] row = new float[width];
            int a = 0;
            int b = 0;
            for (PromptInfo p : capture.prompts()) {
                if (p.pairId() != null) {
                    continue;
                }
                capture.readRow(SITE, p.index(), p.tokenCount() - 1, row, 0);
                boolean isA = p.label("answer").equals("A");
                a += isA ? 1 : 0;
                b += isA ? 0 : 1;
                for (int j = 0; j < width; j++) {
                    sum[j] += isA ? row[j] : -row[j];
                }
            }
            float[] out = new float[width];
            for (int j = 0; j < width; j++) {
                out[j] = (float) (sum[j] / 4);
            }
            assertEquals(4, a);
            assertEquals(4, b);
            return out;
        }
    }

    private static ProbeCausalSweep.Request request(String positive, String negative, String site) {
        return new ProbeCausalSweep.Request(SteeringFixtures.CAPTURE, "answer", positive, negative, site, "mass-mean",
                direction, MULTIPLIERS);
    }

    @Test
    void sweepsTheProbesLayerOnTheUnpairedPromptsWithTheRecordedModel() throws Exception {
        ProbeCausalSweep.Outcome outcome = ProbeCausalSweep.run(store, request("A", "B", SITE), null, null);
        SweepResult r = outcome.result();
        assertEquals(checkpoint.toAbsolutePath().normalize(), outcome.modelFolder().toAbsolutePath().normalize());
        assertEquals(List.of(1), r.config().layers());
        assertTrue(r.config().control());
        assertEquals(8, r.promptCount(), "the 8 prompts outside contrast pairs");
        assertEquals(r.vectorNorm()[0][0], r.vectorNorm()[1][0], 1e-4 * r.vectorNorm()[0][0], "control of equal norm");
        assertEquals("probe-mass-mean", outcome.vector().method());
        assertArrayEquals(direction, outcome.vector().values());

        // independently: the same sweep through SteeringSweep, every prompt targeting " A"
        List<long[]> tokens = unpairedTokens();
        try (HookedTransformer model = HookedTransformer.load(checkpoint)) {
            AnswerTokens answers = AnswerTokens.of(model.tokenizer(), " A", " B");
            SweepResult expected = SteeringSweep.run(model, tokens.stream().map(t -> new AbPrompt(t, true)).toList(),
                    answers, layer -> outcome.vector(), new SweepConfig(r.config().point(), List.of(1), MULTIPLIERS,
                            r.config().steerPositions(), true, 1234, 16), null, null);
            assertArrayEquals(expected.logitDiff(), r.logitDiff());
            assertArrayEquals(expected.probability(), r.probability());
            // the unsteered logit difference is logit(" A") - logit(" B") at the last prompt position
            RunResult plain = model.run(RunRequest.builder(tokens).build());
            for (int p = 0; p < tokens.size(); p++) {
                float[] logits = plain.lastLogits().get(p);
                assertEquals(logits[(int) answers.idA()] - logits[(int) answers.idB()], r.baselineLogitDiff()[p], 1e-4);
            }
        }
        assertEquals(ProbeCausalTest.evaluate(r), outcome.verdicts());
        assertEquals("steering", outcome.probe().vector());
        assertEquals("control", outcome.control().vector());
    }

    @Test
    void theTargetIsThePositiveLabelsAnswer() throws Exception {
        SweepResult towardsA = ProbeCausalSweep.run(store, request("A", "B", SITE), null, null).result();
        SweepResult towardsB = ProbeCausalSweep.run(store, request("B", "A", SITE), null, null).result();
        for (int i = 0; i < towardsA.logitDiff().length; i++) {
            assertEquals(-towardsA.logitDiff()[i], towardsB.logitDiff()[i], 1e-5, "cell " + i);
        }
    }

    @Test
    void clearErrors() throws Exception {
        var multiToken = assertThrows(IllegalArgumentException.class,
                () -> ProbeCausalSweep.run(store, request("cat dog", "B", SITE), null, null));
        assertTrue(multiToken.getMessage().contains("exactly one token"), multiToken.getMessage());
        var global = assertThrows(IllegalArgumentException.class,
                () -> ProbeCausalSweep.run(store, request("A", "B", "embed"), null, null));
        assertTrue(global.getMessage().contains("not a per-layer"), global.getMessage());
        var missing = assertThrows(IOException.class, () -> ProbeCausalSweep.run(store,
                new ProbeCausalSweep.Request("nope", "answer", "A", "B", SITE, "logistic", direction, null), null, null));
        assertTrue(missing.getMessage().contains("has no capture 'nope'"), missing.getMessage());
        var same = assertThrows(IllegalArgumentException.class, () -> request("A", "A", SITE));
        assertTrue(same.getMessage().contains("both 'A'"), same.getMessage());

        ActivationStore noFolder = SteeringFixtures.store(dir.resolve("no-folder"), checkpoint);
        noFolder.update(s -> s.getModels().get(0).setFolder(null));
        var unknownModel = assertThrows(IOException.class,
                () -> ProbeCausalSweep.run(noFolder, request("A", "B", SITE), null, null));
        assertTrue(unknownModel.getMessage().contains("records no checkpoint folder"), unknownModel.getMessage());
        noFolder.close();
    }

    private static List<long[]> unpairedTokens() {
        List<long[]> out = new ArrayList<>();
        for (PromptInfo p : SteeringFixtures.prompts()) {
            if (p.pairId() == null) {
                out.add(SteeringFixtures.toLongs(p.tokenIds()));
            }
        }
        return out;
    }
}
