package io.mechanist.steering.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import io.mechanist.core.activations.PromptInfo;
import io.mechanist.core.hooks.HookSite;
import io.mechanist.runtime.HookedTransformer;
import io.mechanist.runtime.RunRequest;
import io.mechanist.runtime.intervention.AddVector;
import io.mechanist.runtime.intervention.InterventionPlan;
import io.mechanist.runtime.intervention.Positions;
import io.mechanist.runtime.reference.ActivationEdit;
import io.mechanist.runtime.reference.ArchitectureFamily;
import io.mechanist.runtime.reference.ReferenceForward;
import io.mechanist.runtime.reference.ReferenceModel;
import io.mechanist.testing.checkpoints.TinyCheckpoints;
import io.mechanist.steering.AbPrompt;
import io.mechanist.steering.AnswerTokens;
import io.mechanist.steering.SteeringSweep;
import io.mechanist.steering.SteeringVector;
import io.mechanist.steering.SteeringVectors;
import io.mechanist.steering.SweepConfig;
import io.mechanist.steering.SweepResult;

/** Steered logits equal the double-precision reference forward with the same vector added. */
class SteeredLogitsTest {
    private static final double TOLERANCE = 1e-4;

    @TempDir
    Path dir;

    @ParameterizedTest
    @EnumSource(value = ArchitectureFamily.class, names = {"GPT2", "LLAMA"})
    void addedVectorMatchesTheReference(ArchitectureFamily family) throws Exception {
        Path checkpoint = TinyCheckpoints.write(family, dir.resolve(family.name()), 7, TinyCheckpoints.Options.DEFAULT);
        int[] ids = TinyCheckpoints.sampleTokenIds(family);
        ReferenceModel reference = ReferenceModel.load(checkpoint);
        float[] v = SteeringVectors.random("blocks.0.resid_post", reference.hiddenSize(), 3.0, 11).values();
        double coefficient = 1.7;
        for (Positions positions : List.of(Positions.all(), Positions.last())) {
            int[] refPositions = positions.everyPosition() ? new int[0] : new int[] {ids.length - 1};
            ReferenceForward expected = reference.run(ids, Map.of("blocks.0.resid_post",
                    ActivationEdit.addVector(SteeringFixtures.toDouble(v), coefficient, refPositions)));
            ReferenceForward plain = reference.run(ids);
            try (HookedTransformer model = HookedTransformer.load(checkpoint)) {
                float[] logits = model.run(RunRequest.builder(SteeringFixtures.toLongs(ids))
                        .plan(InterventionPlan.of("steer", new AddVector(HookSite.parse("blocks.0.resid_post"), positions,
                                v, coefficient))).build()).lastLogits(0);
                double[] ref = expected.logits()[ids.length - 1];
                double moved = 0;
                for (int i = 0; i < ref.length; i++) {
                    assertEquals(ref[i], logits[i], TOLERANCE, family + " " + positions + " logit " + i);
                    moved = Math.max(moved, Math.abs(ref[i] - plain.logits()[ids.length - 1][i]));
                }
                assertTrue(moved > 1e-2, "the vector moved the logits by only " + moved);
            }
        }
    }

    @Test
    void everySweepCellMatchesTheReference() throws Exception {
        Path checkpoint = SteeringFixtures.checkpoint(dir);
        ReferenceModel reference = ReferenceModel.load(checkpoint);
        List<PromptInfo> heldOut = SteeringFixtures.prompts().stream().filter(p -> p.pairId() == null).toList();
        List<AbPrompt> prompts = heldOut.stream().map(p -> new AbPrompt(SteeringFixtures.toLongs(p.tokenIds()),
                "A".equals(p.label("answer")))).toList();
        int d = reference.hiddenSize();
        Random random = new Random(5);
        float[] values = new float[d];
        for (int j = 0; j < d; j++) {
            values[j] = (float) random.nextGaussian();
        }
        SteeringVector vector = new SteeringVector("blocks.0.resid_post", "test", values, Map.of());
        SweepConfig config = SweepConfig.of(List.of(0, 1), -1, 0, 0.5).withBatchSize(3);
        SweepResult result;
        AnswerTokens answers;
        try (HookedTransformer model = HookedTransformer.load(checkpoint)) {
            answers = AnswerTokens.of(model.tokenizer(), " A", " B");
            result = SteeringSweep.run(model, prompts, answers, layer -> vector, config, null, null);
        }
        // mean residual norm: over all tokens but the first, in double precision
        for (int l = 0; l < 2; l++) {
            double sum = 0;
            int count = 0;
            for (PromptInfo p : heldOut) {
                double[][] rows = reference.run(p.tokenIds()).activation("blocks." + l + ".resid_post");
                for (int t = 1; t < rows.length; t++) {
                    double s = 0;
                    for (double x : rows[t]) {
                        s += x * x;
                    }
                    sum += Math.sqrt(s);
                    count++;
                }
            }
            assertEquals(sum / count, result.meanResidNorm()[l], 1e-4 * sum / count, "mean residual norm, layer " + l);
        }
        for (int k = 0; k < 2; k++) {
            for (int l = 0; l < 2; l++) {
                float[] v = k == 0 ? values : SteeringVectors.randomLike(vector, config.controlSeed() + l).values();
                assertEquals(vector.norm(), norm(v), 1e-4 * vector.norm(), "control has the vector's norm");
                for (int m = 0; m < 3; m++) {
                    double coefficient = result.coefficient(k, l, m);
                    assertEquals(config.multipliers()[m] * result.meanResidNorm()[l], coefficient * norm(v),
                            1e-6 * result.meanResidNorm()[l], "added norm");
                    for (int p = 0; p < prompts.size(); p++) {
                        double[] logits = reference.run(heldOut.get(p).tokenIds(), Map.of("blocks." + l + ".resid_post",
                                ActivationEdit.addVector(SteeringFixtures.toDouble(v), coefficient))).logits()[heldOut.get(p)
                                .tokenIds().length - 1];
                        long match = prompts.get(p).matchingIsA() ? answers.idA() : answers.idB();
                        long other = prompts.get(p).matchingIsA() ? answers.idB() : answers.idA();
                        double diff = logits[(int) match] - logits[(int) other];
                        double max = java.util.Arrays.stream(logits).max().orElseThrow();
                        double z = java.util.Arrays.stream(logits).map(x -> Math.exp(x - max)).sum();
                        String cell = "vector " + k + " layer " + l + " multiplier " + m + " prompt " + p;
                        int at = result.index(k, l, m, p);
                        assertEquals(diff, result.logitDiff()[at], TOLERANCE, cell);
                        assertEquals(1 / (1 + Math.exp(-diff)), result.probability()[at], TOLERANCE, cell);
                        assertEquals(Math.exp(logits[(int) match] - max) / z, result.probabilityFull()[at], TOLERANCE, cell);
                    }
                }
            }
        }
        // wrong-way share counted against the unsteered logit difference
        int wrong = 0;
        for (int p = 0; p < prompts.size(); p++) {
            if (result.logitDiff()[result.index(0, 1, 2, p)] < result.baselineLogitDiff()[p]) {
                wrong++;
            }
        }
        assertEquals((double) wrong / prompts.size(), result.wrongWayShare(0, 1, 2), 1e-12);
        assertTrue(Double.isNaN(result.wrongWayShare(0, 1, 1)), "no direction at multiplier 0");
    }

    private static double norm(float[] v) {
        double s = 0;
        for (float x : v) {
            s += (double) x * x;
        }
        return Math.sqrt(s);
    }
}
