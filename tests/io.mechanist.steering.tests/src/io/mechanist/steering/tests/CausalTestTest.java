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
}
