package io.mechanist.steering.tests;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
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
import io.mechanist.steering.CausalVerdict;
import io.mechanist.steering.ProbeCausalTest;
import io.mechanist.steering.RandomNull;
import io.mechanist.steering.SteeringSweep;
import io.mechanist.steering.SteeringVector;
import io.mechanist.steering.SweepConfig;
import io.mechanist.steering.SweepResult;

/**
 * The causal verdict can say yes and no: a direction that truly moves P(answer) (the difference of the answers'
 * unembedding rows) beats a null of many random directions and passes the minimum effect; its negation does not;
 * and prompts saturated at a logit difference of +-11, where only the logit slope moves, never get "yes".
 */
class CausalVerdictTest {

    @TempDir
    Path dir;

    /**
     * The fixture model answers A on every prompt (P(A) about 0.87). With B as the target, the direction of B's
     * unembedding row minus A's flips the answers to B: yes. The opposite direction only makes A surer: no.
     */
    @Test
    void aDirectionThatMovesTheAnswerSaysYesAndItsNegationSaysNo() throws Exception {
        Path checkpoint = SteeringFixtures.checkpoint(dir);
        List<AbPrompt> prompts = SteeringFixtures.prompts().stream().filter(p -> p.pairId() == null)
                .map(p -> new AbPrompt(SteeringFixtures.toLongs(p.tokenIds()), false)).toList();
        try (HookedTransformer model = HookedTransformer.load(checkpoint);
                SafetensorsFile weights = SafetensorsFile.open(checkpoint.resolve("model.safetensors"))) {
            AnswerTokens answers = AnswerTokens.of(model.tokenizer(), " A", " B");
            float[] embedding = weights.readFloats("transformer.wte.weight");
            int d = model.spec().dModel();
            float[] towardsB = new float[d];
            float[] towardsA = new float[d];
            for (int j = 0; j < d; j++) {
                towardsB[j] = embedding[(int) answers.idB() * d + j] - embedding[(int) answers.idA() * d + j];
                towardsA[j] = -towardsB[j];
            }
            SteeringVector toTarget = new SteeringVector("blocks.1.resid_post", "test", towardsB, Map.of());
            SteeringVector away = new SteeringVector("blocks.1.resid_post", "test", towardsA, Map.of());
            SweepConfig config = SweepConfig.of(List.of(1), 0, 0.25, 0.5).withControl(false);
            SweepResult moving = SteeringSweep.run(model, prompts, answers, layer -> toTarget, config, null, null);
            SweepResult notMoving = SteeringSweep.run(model, prompts, answers, layer -> away, config, null, null);
            RandomNull movingNull = RandomNull.run(model, prompts, answers, moving, layer -> toTarget, 20, 99, null,
                    null);
            RandomNull notMovingNull = RandomNull.run(model, prompts, answers, notMoving, layer -> away, 20, 99, null,
                    null);
            assertTrue(movingNull.shamMaxDifference() <= RandomNull.SHAM_TOLERANCE, "sham: multiplier 0 is unsteered");
            CausalVerdict.Verdict yes = CausalVerdict.evaluate(moving, null, movingNull,
                    CausalVerdict.Settings.defaults()).get(0);
            CausalVerdict.Verdict no = CausalVerdict.evaluate(notMoving, null, notMovingNull,
                    CausalVerdict.Settings.defaults()).get(0);
            assertTrue(yes.yes(), yes.reason());
            assertEquals(0.5, yes.multiplier());
            assertTrue(yes.holmP() < 0.05 && yes.shiftInterval().low() > 0.05 && yes.flipInterval().low() > 0.05,
                    yes.reason());
            assertFalse(no.yes(), no.reason());
            assertTrue(no.meanShiftP() < 0 && no.netFlipRate() == 0, no.reason());
        }
    }

    /**
     * Prompts the model has decided (logit difference +-11): the direction adds 0.5 logit per unit multiplier toward
     * the matching answer on every prompt, a steady monotone slope far beyond the random directions, so the old trend
     * test calls it causal; but no answer flips and P moves by less than 0.001, so the verdict is no.
     */
    @Test
    void saturatedPromptsWhereOnlyTheLogitSlopeMovesDoNotGetYes() {
        SweepConfig config = SweepConfig.of(List.of(2), -1, 0, 1, 2);
        int prompts = 200;
        double[] m = config.multipliers();
        float[] baseline = new float[prompts];
        for (int p = 0; p < prompts; p++) {
            baseline[p] = p % 2 == 0 ? 11 : -11;
        }
        float[] logitDiff = new float[2 * m.length * prompts];
        java.util.Random random = new java.util.Random(3);
        for (int k = 0; k < 2; k++) {
            for (int i = 0; i < m.length; i++) {
                for (int p = 0; p < prompts; p++) {
                    double slope = k == 0 ? 0.5 : 0.05 * random.nextGaussian();
                    logitDiff[(k * m.length + i) * prompts + p] = (float) (baseline[p] + slope * m[i]);
                }
            }
        }
        float[] probability = new float[logitDiff.length];
        for (int i = 0; i < logitDiff.length; i++) {
            probability[i] = (float) (1 / (1 + Math.exp(-logitDiff[i])));
        }
        SweepResult result = new SweepResult(config, prompts, new double[] {10}, new double[][] {{1}, {1}},
                probability, probability.clone(), logitDiff, baseline);
        assertTrue(ProbeCausalTest.evaluate(result).get(0).movesAsPredicted(), "the logit trend alone says yes");
        double[][] nullShift = new double[1][20];
        for (int i = 0; i < 20; i++) {
            nullShift[0][i] = 1e-6 * random.nextGaussian();
        }
        RandomNull randomNull = new RandomNull(20, 1, 2, nullShift, new double[1][20], 0);
        CausalVerdict.Verdict v = CausalVerdict.evaluate(result, null, randomNull, CausalVerdict.Settings.defaults())
                .get(0);
        assertEquals(prompts, v.saturated());
        assertEquals(0.0, v.netFlipRate());
        assertTrue(v.meanShiftP() > 0 && v.meanShiftP() < 1e-3, v.reason());
        assertTrue(v.holmP() < 0.05, "beyond the (tiny) random null: " + v.reason());
        assertFalse(v.yes(), v.reason());
    }

    @Test
    void holmAdjustsStepDownAndMonotone() {
        // sorted 0.01, 0.03, 0.04 -> 0.03, 0.06, max(0.06, 0.04) = 0.06
        assertArrayEquals(new double[] {0.03, 0.06, 0.06}, CausalVerdict.holm(new double[] {0.01, 0.04, 0.03}),
                1e-12);
    }
}
