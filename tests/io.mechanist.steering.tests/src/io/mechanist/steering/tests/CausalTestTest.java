package io.mechanist.steering.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.mechanist.core.tensor.SafetensorsFile;
import io.mechanist.runtime.HookedTransformer;
import io.mechanist.steering.AbPrompt;
import io.mechanist.steering.AnswerTokens;
import io.mechanist.steering.ProbeCausalTest;
import io.mechanist.steering.SteeringSweep;
import io.mechanist.steering.SteeringVector;
import io.mechanist.steering.SweepConfig;
import io.mechanist.steering.SweepResult;

/**
 * The causal verdict on a direction with a known effect: at the last layer, the difference of the two answers'
 * unembedding rows (GPT-2 ties them to the embedding) raises answer A's logit over B's as it is added, so the verdict
 * must be positive and monotone; its negation must be judged as not moving as predicted.
 */
class CausalTestTest {

    @TempDir
    Path dir;

    @Test
    void unembeddingDifferenceMovesTheAnswerAsPredicted() throws Exception {
        Path checkpoint = SteeringFixtures.checkpoint(dir);
        List<AbPrompt> prompts = SteeringFixtures.prompts().stream().filter(p -> p.pairId() == null)
                .map(p -> new AbPrompt(SteeringFixtures.toLongs(p.tokenIds()), true)).toList();
        try (HookedTransformer model = HookedTransformer.load(checkpoint);
                SafetensorsFile weights = SafetensorsFile.open(checkpoint.resolve("model.safetensors"))) {
            AnswerTokens answers = AnswerTokens.of(model.tokenizer(), " A", " B");
            float[] embedding = weights.readFloats("transformer.wte.weight");
            int d = model.spec().dModel();
            float[] towardsA = new float[d];
            float[] towardsB = new float[d];
            for (int j = 0; j < d; j++) {
                towardsA[j] = embedding[(int) answers.idA() * d + j] - embedding[(int) answers.idB() * d + j];
                towardsB[j] = -towardsA[j];
            }
            SweepConfig config = SweepConfig.of(List.of(1), -0.5, 0, 0.5, 1, 2).withControl(false);
            SweepResult up = SteeringSweep.run(model, prompts, answers,
                    layer -> new SteeringVector("blocks.1.resid_post", "test", towardsA, Map.of()), config, null, null);
            SweepResult down = SteeringSweep.run(model, prompts, answers,
                    layer -> new SteeringVector("blocks.1.resid_post", "test", towardsB, Map.of()), config, null, null);
            ProbeCausalTest.Verdict yes = ProbeCausalTest.evaluate(up).get(0);
            ProbeCausalTest.Verdict no = ProbeCausalTest.evaluate(down).get(0);
            assertTrue(yes.movesAsPredicted(), yes.toString());
            assertEquals(1.0, yes.spearman(), 1e-12);
            assertFalse(no.movesAsPredicted(), no.toString());
            assertTrue(no.slope() < 0, no.toString());
            assertEquals(0.0, up.wrongWayShare(0, 0, 4), 1e-12, "every prompt moves towards A");
        }
    }

    /**
     * A direction whose mean effect rises monotonically but is smaller, prompt by prompt, than what a random direction
     * of the same norm does is not judged causal; the same direction with a large effect is.
     */
    @Test
    void aDirectionMustMoveTheAnswerBeyondTheRandomControl() {
        SweepConfig config = SweepConfig.of(List.of(2), -1, 0, 1);
        int prompts = 60;
        java.util.Random random = new java.util.Random(7);
        double[] controlSlopes = new double[prompts];
        for (int p = 0; p < prompts; p++) {
            controlSlopes[p] = (p % 2 == 0 ? 2 : -2) + 0.1 * random.nextGaussian(); // big, either sign
        }
        ProbeCausalTest.Verdict weak = ProbeCausalTest.evaluate(synthetic(config, prompts, 0.5, controlSlopes)).get(0);
        ProbeCausalTest.Verdict strong = ProbeCausalTest.evaluate(synthetic(config, prompts, 6, controlSlopes)).get(0);
        assertTrue(weak.monotone() && weak.slope() > 0, weak.toString());
        assertFalse(weak.movesAsPredicted(), "a rise smaller than the control's own effect: " + weak);
        assertTrue(strong.movesAsPredicted(), strong.toString());
        // independent arithmetic: mean |control slope| and the paired excess of the strong direction
        double meanAbs = 0;
        double meanExcess = 0;
        for (double c : controlSlopes) {
            meanAbs += Math.abs(c) / prompts;
            meanExcess += (6 - Math.abs(c)) / prompts;
        }
        assertEquals(meanAbs, strong.controlEffect(), 1e-4);
        assertTrue(strong.excessLow() < meanExcess && strong.excessLow() > meanExcess - 0.1, strong.toString());
        assertTrue(Double.isNaN(ProbeCausalTest.evaluate(synthetic(config, prompts, 6, controlSlopes)).get(1)
                .controlEffect()), "the control is not compared with itself");
    }

    /** A sweep result whose logit difference is {@code slope * m} for the vector and {@code c_p * m} for the control. */
    private static SweepResult synthetic(SweepConfig config, int prompts, double slope, double[] controlSlopes) {
        double[] m = config.multipliers();
        float[] logitDiff = new float[2 * m.length * prompts];
        float[] probability = new float[logitDiff.length];
        for (int k = 0; k < 2; k++) {
            for (int i = 0; i < m.length; i++) {
                for (int p = 0; p < prompts; p++) {
                    int at = (k * m.length + i) * prompts + p;
                    logitDiff[at] = (float) ((k == 0 ? slope : controlSlopes[p]) * m[i]);
                    probability[at] = (float) (1 / (1 + Math.exp(-logitDiff[at])));
                }
            }
        }
        return new SweepResult(config, prompts, new double[] {10}, new double[][] {{1}, {1}}, probability,
                probability.clone(), logitDiff, new float[prompts]);
    }
}
