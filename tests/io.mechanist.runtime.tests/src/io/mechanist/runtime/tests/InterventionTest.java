package io.mechanist.runtime.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import io.mechanist.core.hooks.HookPoint;
import io.mechanist.core.hooks.HookSite;
import io.mechanist.runtime.Family;
import io.mechanist.runtime.HookedTransformer;
import io.mechanist.runtime.RunRequest;
import io.mechanist.runtime.RunResult;
import io.mechanist.runtime.SiteActivations;
import io.mechanist.runtime.intervention.Ablate;
import io.mechanist.runtime.intervention.AddVector;
import io.mechanist.runtime.intervention.InterventionPlan;
import io.mechanist.runtime.intervention.Patch;
import io.mechanist.runtime.intervention.Positions;
import io.mechanist.runtime.reference.ActivationEdit;
import io.mechanist.runtime.reference.ReferenceForward;
import io.mechanist.runtime.reference.ReferenceModel;

/** Interventions change the numbers exactly as the reference computes them with the same edit. */
class InterventionTest {

    @ParameterizedTest
    @EnumSource(value = Family.class, names = {"GPT2", "LLAMA", "GEMMA2", "GEMMA3_TEXT"})
    void composedPlanMatchesTheReference(Family family) throws Exception {
        Path dir = Fixtures.checkpoint(family);
        long[] tokens = Fixtures.sampleTokens(family);
        long[] source = tokens.clone();
        source[3] = (source[3] + 5) % 90 + 4;
        source[source.length - 1] = 10;
        int n = tokens.length;
        ReferenceModel reference = ReferenceModel.load(dir);
        int d = reference.hiddenSize();
        float[] steer = randomVector(d, 1);
        float[] mean = randomVector(d, 2);
        double[][] sourceMid = reference.run(Fixtures.toInts(source)).activation("blocks.1.resid_mid");

        HookSite residPost0 = HookSite.of(HookPoint.RESID_POST, 0);
        HookSite attnOut1 = HookSite.of(HookPoint.ATTN_OUT, 1);
        HookSite residMid1 = HookSite.of(HookPoint.RESID_MID, 1);
        HookSite mlpOut0 = HookSite.of(HookPoint.MLP_OUT, 0);
        HookSite embed = HookSite.global(HookPoint.EMBED);
        InterventionPlan plan = InterventionPlan.of("composed",
                new AddVector(embed, Positions.all(), steer, -0.5),
                Ablate.mean(mlpOut0, Positions.of(2), mean),
                new AddVector(residPost0, Positions.of(1, -1), steer, 3.0),
                new AddVector(residPost0, Positions.of(1), mean, 0.25),
                Ablate.zero(attnOut1, Positions.of(0, 4)),
                new Patch(residMid1, Positions.of(3, -1), source.length, flatten(sourceMid)));

        Map<String, ActivationEdit> edits = Map.of(
                "embed", ActivationEdit.addVector(toDouble(steer), -0.5),
                "blocks.0.mlp_out", ActivationEdit.replaceWith(toDouble(mean), 2),
                "blocks.0.resid_post", ActivationEdit.addVector(toDouble(steer), 3.0, 1, n - 1)
                        .andThen(ActivationEdit.addVector(toDouble(mean), 0.25, 1)),
                "blocks.1.attn_out", ActivationEdit.zero(0, 4),
                "blocks.1.resid_mid", ActivationEdit.patchFrom(sourceMid, 3, n - 1));
        ReferenceForward expected = reference.run(Fixtures.toInts(tokens), edits);
        ReferenceForward unedited = reference.run(Fixtures.toInts(tokens));
        try (HookedTransformer model = HookedTransformer.load(dir)) {
            List<HookSite> sites = model.hookSites().stream().filter(s -> !s.point().queryKeyShaped()).toList();
            RunResult result = model.run(RunRequest.builder(tokens).capture(sites).plan(plan).build());
            for (HookSite site : sites) {
                assertClose(expected.activation(site.id()), result.capture(site, 0), site.id());
            }
            // The edit is not a no-op: the final logits moved well beyond the tolerance.
            double moved = maxDiff(unedited.logits(), expected.logits());
            assertTrue(moved > 1e-2, "edits moved logits by only " + moved);
        }
    }

    @Test
    void sweepRunsOnePlanPerPointAndLeavesTheModelUntouched() throws Exception {
        Path dir = Fixtures.checkpoint(Family.QWEN2);
        long[] tokens = Fixtures.sampleTokens(Family.QWEN2);
        ReferenceModel reference = ReferenceModel.load(dir);
        float[] steer = randomVector(reference.hiddenSize(), 3);
        HookSite site = HookSite.of(HookPoint.RESID_PRE, 1);
        try (HookedTransformer model = HookedTransformer.load(dir)) {
            RunRequest request = RunRequest.builder(tokens).capture(HookSite.global(HookPoint.LOGITS)).build();
            double[] coefficients = {-2, 0, 4};
            List<InterventionPlan> plans = java.util.Arrays.stream(coefficients)
                    .mapToObj(c -> InterventionPlan.of("c=" + c, new AddVector(site, Positions.last(), steer, c)))
                    .toList();
            List<RunResult> results = model.sweep(request, plans);
            assertEquals(3, results.size());
            for (int i = 0; i < coefficients.length; i++) {
                ReferenceForward expected = reference.run(Fixtures.toInts(tokens), Map.of(site.id(),
                        ActivationEdit.addVector(toDouble(steer), coefficients[i], tokens.length - 1)));
                assertClose(expected.logits(), results.get(i).capture(HookSite.global(HookPoint.LOGITS), 0),
                        "logits at c=" + coefficients[i]);
            }
            // A plain run after the sweep equals the unedited reference.
            RunResult plain = model.run(request);
            assertClose(reference.run(Fixtures.toInts(tokens)).logits(),
                    plain.capture(HookSite.global(HookPoint.LOGITS), 0), "plain logits after sweep");
        }
    }

    @Test
    void invalidPlansAreRejectedWithClearMessages() throws Exception {
        try (HookedTransformer model = HookedTransformer.load(Fixtures.checkpoint(Family.LLAMA))) {
            long[] tokens = Fixtures.sampleTokens(Family.LLAMA);
            int d = model.spec().dModel();
            var wrongWidth = assertThrows(IllegalArgumentException.class, () -> model.run(RunRequest.builder(tokens)
                    .plan(InterventionPlan.of("w", new AddVector(HookSite.of(HookPoint.RESID_POST, 0), Positions.all(),
                            new float[d + 1], 1))).build()));
            assertTrue(wrongWidth.getMessage().contains("has " + d + " values per position"), wrongWidth.getMessage());
            var logits = assertThrows(IllegalArgumentException.class, () -> model.run(RunRequest.builder(tokens)
                    .plan(InterventionPlan.of("p", Ablate.zero(HookSite.global(HookPoint.LOGITS),
                            Positions.all()))).build()));
            assertTrue(logits.getMessage().contains("logits"), logits.getMessage());
            var layer = assertThrows(IllegalArgumentException.class, () -> model.run(RunRequest.builder(tokens)
                    .capture(HookSite.of(HookPoint.RESID_POST, 99)).build()));
            assertTrue(layer.getMessage().contains("layer 99"), layer.getMessage());
            var before = assertThrows(IllegalArgumentException.class, () -> model.run(RunRequest.builder(tokens)
                    .plan(InterventionPlan.of("b", Ablate.zero(HookSite.global(HookPoint.EMBED),
                            Positions.of(-100)))).build()));
            assertTrue(before.getMessage().contains("-100"), before.getMessage());
        }
    }

    @Test
    void promptsOutsideTheModelAreRejected() throws Exception {
        try (HookedTransformer model = HookedTransformer.load(Fixtures.checkpoint(Family.GPT2))) {
            var tooLong = assertThrows(IllegalArgumentException.class, () -> model.run(new long[65]));
            assertTrue(tooLong.getMessage().contains("positions for only 64"), tooLong.getMessage());
            var generation = assertThrows(IllegalArgumentException.class, () -> model.generate(
                    io.mechanist.runtime.generate.GenerationRequest.of(new long[60],
                            io.mechanist.runtime.generate.GenerationSettings.greedy(10))));
            assertTrue(generation.getMessage().contains("10 to generate"), generation.getMessage());
            var unknown = assertThrows(IllegalArgumentException.class, () -> model.run(new long[] {5, 100}));
            assertTrue(unknown.getMessage().contains("token id 100"), unknown.getMessage());
        }
    }

    static void assertClose(double[][] want, SiteActivations got, String what) {
        assertEquals(want.length, got.positions().length, what + " positions");
        for (int t = 0; t < want.length; t++) {
            float[] row = got.rowAt(t);
            for (int i = 0; i < want[t].length; i++) {
                double diff = Math.abs(want[t][i] - row[i]);
                if (!(diff <= FidelityTest.TOLERANCE)) {
                    throw new AssertionError(what + " [" + t + "," + i + "]: expected " + want[t][i] + " got "
                            + row[i]);
                }
            }
        }
    }

    static double maxDiff(double[][] a, double[][] b) {
        double worst = 0;
        for (int t = 0; t < a.length; t++) {
            for (int i = 0; i < a[t].length; i++) {
                worst = Math.max(worst, Math.abs(a[t][i] - b[t][i]));
            }
        }
        return worst;
    }

    static float[] randomVector(int d, long seed) {
        Random random = new Random(seed);
        float[] v = new float[d];
        for (int i = 0; i < d; i++) {
            v[i] = (float) random.nextGaussian();
        }
        return v;
    }

    static double[] toDouble(float[] v) {
        double[] out = new double[v.length];
        for (int i = 0; i < v.length; i++) {
            out[i] = v[i];
        }
        return out;
    }

    static float[] flatten(double[][] rows) {
        float[] out = new float[rows.length * rows[0].length];
        for (int t = 0; t < rows.length; t++) {
            for (int i = 0; i < rows[t].length; i++) {
                out[t * rows[t].length + i] = (float) rows[t][i];
            }
        }
        return out;
    }
}
