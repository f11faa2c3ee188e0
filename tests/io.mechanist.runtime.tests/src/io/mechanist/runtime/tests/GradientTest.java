package io.mechanist.runtime.tests;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import io.mechanist.core.hooks.HookPoint;
import io.mechanist.core.hooks.HookSite;
import io.mechanist.runtime.Family;
import io.mechanist.runtime.HookedTransformer;
import io.mechanist.runtime.RunResult;
import io.mechanist.runtime.SiteActivations;
import io.mechanist.runtime.intervention.InterventionPlan;
import io.mechanist.runtime.reference.ActivationEdit;
import io.mechanist.runtime.reference.ReferenceModel;

/**
 * Gradients of a logit difference at hook sites, through DJL's autograd, against central finite differences of the
 * double-precision reference: nudging one coordinate of a site's activation by +-h and reading the logit difference.
 */
class GradientTest {
    static final double H = 1e-3;
    static final int PLUS = 7;
    static final int MINUS = 11;

    @ParameterizedTest
    @EnumSource(Family.class)
    void gradientsMatchFiniteDifferencesOfTheReference(Family family) throws Exception {
        Path dir = Fixtures.checkpoint(family);
        long[] tokens = Fixtures.sampleTokens(family);
        int n = tokens.length;
        ReferenceModel reference = ReferenceModel.load(dir);
        List<HookSite> sites = List.of(HookSite.global(HookPoint.EMBED), HookSite.of(HookPoint.RESID_PRE, 1),
                HookSite.of(HookPoint.ATTN_Q, 0), HookSite.of(HookPoint.ATTN_K, 1), HookSite.of(HookPoint.ATTN_V, 0),
                HookSite.of(HookPoint.ATTN_Z, 1), HookSite.of(HookPoint.ATTN_OUT, 0),
                HookSite.of(HookPoint.MLP_POST, 0), HookSite.of(HookPoint.RESID_POST, 1),
                HookSite.global(HookPoint.FINAL_NORM));
        try (HookedTransformer model = HookedTransformer.load(dir)) {
            RunResult gradients = model.logitDifferenceGradients(List.of(tokens), new long[] {PLUS},
                    new long[] {MINUS}, new LinkedHashSet<>(sites), InterventionPlan.none(), 4);
            double worst = 0;
            java.util.Random random = new java.util.Random(family.ordinal());
            for (HookSite site : sites) {
                SiteActivations g = gradients.capture(site, 0);
                assertEquals(n, g.positions().length, site.id());
                int width = g.width();
                // the last position (the read-out), the first, and one between; two coordinates each
                for (int position : new int[] {n - 1, 0, n / 2}) {
                    for (int k = 0; k < 2; k++) {
                        int index = random.nextInt(width);
                        double numeric = finiteDifference(reference, tokens, site.id(), position, index);
                        double autograd = g.rowAt(position)[index];
                        double diff = Math.abs(numeric - autograd);
                        worst = Math.max(worst, diff);
                        if (!(diff <= 2e-4 + 1e-3 * Math.abs(numeric))) {
                            throw new AssertionError(family + " " + site.id() + " pos " + position + " [" + index
                                    + "]: autograd " + autograd + " finite difference " + numeric);
                        }
                    }
                }
            }
            System.out.printf("gradients %-12s max |autograd - finite difference| = %.3g%n", family, worst);
        }
    }

    @Test
    void batchedGradientsEqualOnePromptAtATimeAndLeaveTheModelUntouched() throws Exception {
        Path dir = Fixtures.checkpoint(Family.LLAMA);
        long[] sample = Fixtures.sampleTokens(Family.LLAMA);
        List<long[]> prompts = List.of(java.util.Arrays.copyOf(sample, 9), sample, java.util.Arrays.copyOf(sample, 4));
        Set<HookSite> sites = Set.of(HookSite.of(HookPoint.RESID_PRE, 1), HookSite.of(HookPoint.MLP_POST, 2));
        try (HookedTransformer model = HookedTransformer.load(dir)) {
            int before = model.liveArrayCount();
            float[] logitsBefore = model.run(sample).lastLogits(0);
            RunResult batched = model.logitDifferenceGradients(prompts, new long[] {PLUS, MINUS, 5},
                    new long[] {MINUS, PLUS, 9}, sites, InterventionPlan.none(), 3);
            long[][] answers = {{PLUS, MINUS}, {MINUS, PLUS}, {5, 9}};
            for (int i = 0; i < prompts.size(); i++) {
                RunResult alone = model.logitDifferenceGradients(List.of(prompts.get(i)), new long[] {answers[i][0]},
                        new long[] {answers[i][1]}, sites, InterventionPlan.none(), 1);
                for (HookSite site : sites) {
                    float[] want = alone.capture(site, 0).values();
                    float[] got = batched.capture(site, i).values();
                    assertEquals(want.length, got.length);
                    for (int k = 0; k < want.length; k++) {
                        assertEquals(want[k], got[k], 1e-5, site.id() + " prompt " + i);
                    }
                }
            }
            assertEquals(before, model.liveArrayCount(), "no arrays left behind");
            // an ordinary run afterwards is unaffected by the recorded passes
            assertArrayEquals(logitsBefore, model.run(sample).lastLogits(0), 0f);
            var scores = assertThrows(IllegalArgumentException.class, () -> model.logitDifferenceGradients(
                    List.of(sample), new long[] {1}, new long[] {2}, Set.of(HookSite.of(HookPoint.ATTN_SCORES, 0)),
                    InterventionPlan.none(), 1));
            assertTrue(scores.getMessage().contains("attn_scores"), scores.getMessage());
        }
    }

    /** (LD(x + h e_i) - LD(x - h e_i)) / 2h at one coordinate of one site, in the reference. */
    static double finiteDifference(ReferenceModel reference, long[] tokens, String site, int position, int index) {
        double[] plus = new double[2];
        for (int s = 0; s < 2; s++) {
            double step = s == 0 ? H : -H;
            ActivationEdit nudge = (pos, x) -> {
                if (pos == position) {
                    x[index] += step;
                }
                return x;
            };
            double[][] logits = reference.run(Fixtures.toInts(tokens), Map.of(site, nudge)).logits();
            double[] last = logits[logits.length - 1];
            plus[s] = last[PLUS] - last[MINUS];
        }
        return (plus[0] - plus[1]) / (2 * H);
    }
}
