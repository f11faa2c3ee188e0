package io.mechanist.runtime.tests;

import static io.mechanist.runtime.tests.InterventionTest.assertClose;
import static io.mechanist.runtime.tests.InterventionTest.flatten;
import static io.mechanist.runtime.tests.InterventionTest.randomVector;
import static io.mechanist.runtime.tests.InterventionTest.toDouble;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import io.mechanist.core.hooks.HookPoint;
import io.mechanist.core.hooks.HookSite;
import io.mechanist.runtime.Family;
import io.mechanist.runtime.HookedTransformer;
import io.mechanist.runtime.ModelSpec;
import io.mechanist.runtime.RunRequest;
import io.mechanist.runtime.RunResult;
import io.mechanist.runtime.intervention.ActivationFunction;
import io.mechanist.runtime.intervention.Ablate;
import io.mechanist.runtime.intervention.AddVector;
import io.mechanist.runtime.intervention.FunctionEdit;
import io.mechanist.runtime.intervention.InterventionPlan;
import io.mechanist.runtime.intervention.Patch;
import io.mechanist.runtime.intervention.Positions;
import io.mechanist.runtime.reference.ActivationEdit;
import io.mechanist.runtime.reference.ReferenceForward;
import io.mechanist.runtime.reference.ReferenceModel;

/**
 * Edits at the per-head sites (q, k, v, z) and the MLP hidden activation, including a plug-in's own
 * {@link ActivationFunction}, change the numbers exactly as the reference computes them with the same edit.
 */
class FinerSiteInterventionTest {

    /** A plug-in's edit: flips the sign of one head's values (head-major rows of head * d_head). */
    record FlipHead(int head, int headDim) implements ActivationFunction {
        @Override
        public float[] apply(int prompt, int position, float[] activation) {
            for (int i = head * headDim; i < (head + 1) * headDim; i++) {
                activation[i] = -activation[i];
            }
            return activation;
        }

        ActivationEdit reference() {
            return (position, x) -> {
                for (int i = head * headDim; i < (head + 1) * headDim; i++) {
                    x[i] = -x[i];
                }
                return x;
            };
        }
    }

    @ParameterizedTest
    @EnumSource(Family.class)
    void editsAtFinerSitesMatchTheReference(Family family) throws Exception {
        Path dir = Fixtures.checkpoint(family);
        long[] tokens = Fixtures.sampleTokens(family);
        long[] source = tokens.clone();
        source[2] = (source[2] + 7) % 90 + 4;
        int n = tokens.length;
        ReferenceModel reference = ReferenceModel.load(dir);
        try (HookedTransformer model = HookedTransformer.load(dir)) {
            ModelSpec spec = model.spec();
            int qWidth = spec.headCount() * spec.headDim();
            HookSite q0 = HookSite.of(HookPoint.ATTN_Q, 0);
            HookSite v0 = HookSite.of(HookPoint.ATTN_V, 0);
            HookSite k1 = HookSite.of(HookPoint.ATTN_K, 1);
            HookSite z1 = HookSite.of(HookPoint.ATTN_Z, 1);
            HookSite post0 = HookSite.of(HookPoint.MLP_POST, 0);
            float[] steer = randomVector(qWidth, 11);
            double[][] sourceV = reference.run(Fixtures.toInts(source)).activation(v0.id());
            FlipHead flip = new FlipHead(spec.headCount() - 1, spec.headDim());
            ActivationFunction halveOdd = (prompt, position, row) -> {
                for (int i = 1; i < row.length; i += 2) {
                    row[i] *= 0.5f;
                }
                return row;
            };
            InterventionPlan plan = InterventionPlan.of("finer",
                    new AddVector(q0, Positions.of(1, -1), steer, 0.75),
                    new Patch(v0, Positions.of(2, -1), source.length, flatten(sourceV)),
                    Ablate.zero(k1, Positions.of(0)),
                    new FunctionEdit(z1, Positions.all(), "flip last head", flip),
                    new FunctionEdit(post0, Positions.of(3), "halve odd units", halveOdd));
            ActivationEdit halveOddReference = (position, x) -> {
                if (position == 3) {
                    for (int i = 1; i < x.length; i += 2) {
                        x[i] *= 0.5;
                    }
                }
                return x;
            };
            ReferenceForward expected = reference.run(Fixtures.toInts(tokens), Map.of(
                    q0.id(), ActivationEdit.addVector(toDouble(steer), 0.75, 1, n - 1),
                    v0.id(), ActivationEdit.patchFrom(sourceV, 2, n - 1),
                    k1.id(), ActivationEdit.zero(0),
                    z1.id(), flip.reference(),
                    post0.id(), halveOddReference));
            List<HookSite> sites = model.hookSites().stream().filter(s -> !s.point().queryKeyShaped()).toList();
            RunResult result = model.run(RunRequest.builder(tokens).capture(sites).plan(plan).build());
            for (HookSite site : sites) {
                assertClose(expected.activation(site.id()), result.capture(site, 0), family + " " + site.id());
            }
            double moved = InterventionTest.maxDiff(reference.run(Fixtures.toInts(tokens)).logits(),
                    expected.logits());
            assertTrue(moved > 1e-2, "edits moved logits by only " + moved);
        }
    }

    @Test
    void perHeadCapturesKeepTheirHeadShapeWithGroupedKeys() throws Exception {
        try (HookedTransformer model = HookedTransformer.load(Fixtures.checkpoint(Family.LLAMA))) {
            ModelSpec spec = model.spec();
            long[] tokens = Fixtures.sampleTokens(Family.LLAMA);
            RunResult result = model.run(tokens, HookSite.of(HookPoint.ATTN_Z, 0), HookSite.of(HookPoint.ATTN_K, 0),
                    HookSite.of(HookPoint.MLP_POST, 0), HookSite.of(HookPoint.ATTN_SCORES, 0));
            assertTrue(spec.kvHeadCount() < spec.headCount(), "the fixture should use grouped-query attention");
            assertArrayEquals(new long[] {tokens.length, spec.headCount(), spec.headDim()},
                    result.capture(HookSite.of(HookPoint.ATTN_Z, 0), 0).shape());
            assertArrayEquals(new long[] {tokens.length, spec.kvHeadCount(), spec.headDim()},
                    result.capture(HookSite.of(HookPoint.ATTN_K, 0), 0).shape());
            assertArrayEquals(new long[] {tokens.length, spec.mlpDim()},
                    result.capture(HookSite.of(HookPoint.MLP_POST, 0), 0).shape());
            float[] scores = result.capture(HookSite.of(HookPoint.ATTN_SCORES, 0), 0).values();
            // query 0 sees key 0 only: the rest of its row is masked to -inf
            assertTrue(Float.isFinite(scores[0]) && scores[1] == Float.NEGATIVE_INFINITY);
        }
    }

    @Test
    void functionsReturningTheWrongWidthAreRefused() throws Exception {
        try (HookedTransformer model = HookedTransformer.load(Fixtures.checkpoint(Family.GPT2))) {
            long[] tokens = Fixtures.sampleTokens(Family.GPT2);
            var error = assertThrows(IllegalStateException.class, () -> model.run(RunRequest.builder(tokens)
                    .plan(InterventionPlan.of("bad", new FunctionEdit(HookSite.of(HookPoint.MLP_POST, 0),
                            Positions.last(), "truncate", (p, t, row) -> new float[3]))).build()));
            assertTrue(error.getMessage().contains("truncate") && error.getMessage().contains("returned 3 values"),
                    error.getMessage());
        }
    }
}
