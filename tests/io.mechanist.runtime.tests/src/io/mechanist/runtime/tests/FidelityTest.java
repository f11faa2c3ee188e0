package io.mechanist.runtime.tests;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import io.mechanist.core.hooks.HookPoint;
import io.mechanist.core.hooks.HookSite;
import io.mechanist.core.tensor.DType;
import io.mechanist.runtime.Family;
import io.mechanist.runtime.HookedTransformer;
import io.mechanist.runtime.RunRequest;
import io.mechanist.runtime.RunResult;
import io.mechanist.runtime.SiteActivations;
import io.mechanist.runtime.reference.ReferenceForward;
import io.mechanist.runtime.reference.ReferenceModel;

/**
 * Every family against the independent double-precision reference: logits, every [pos, d_model] site, the per-head
 * q, k, v and z, the MLP hidden activation, and every attention score and pattern within 1e-4, on the fixture prompt
 * (longer than every sliding window).
 */
class FidelityTest {
    static final double TOLERANCE = 1e-4;

    @ParameterizedTest
    @EnumSource(Family.class)
    void everySiteMatchesTheReference(Family family) throws Exception {
        double worst = compare(Fixtures.checkpoint(family), family, DType.F32);
        System.out.printf("fidelity %-12s f32 max |diff| = %.3g%n", family, worst);
    }

    @ParameterizedTest
    @EnumSource(value = DType.class, names = {"F16", "BF16"})
    void halfPrecisionWeightsMatchTheReference(DType dtype) throws Exception {
        for (Family family : List.of(Family.LLAMA, Family.GEMMA2, Family.GPT2)) {
            double worst = compare(Fixtures.checkpoint(family, dtype, false), family, dtype);
            System.out.printf("fidelity %-12s %s max |diff| = %.3g%n", family, dtype, worst);
        }
    }

    @ParameterizedTest
    @EnumSource(value = Family.class, names = {"QWEN3", "GPT2"})
    void shardedCheckpointsMatchTheReference(Family family) throws Exception {
        compare(Fixtures.checkpoint(family, DType.F32, true), family, DType.F32);
    }

    @ParameterizedTest
    @EnumSource(value = DType.class, names = {"F32", "F16", "BF16"})
    void tensorsLoadedInBlocksOfRowsMatchTheReference(DType dtype) throws Exception {
        // The path taken by tensors over 1 GiB (e.g. large embeddings), forced here with 1 KiB blocks.
        System.setProperty(io.mechanist.runtime.internal.WeightSource.CHUNK_BYTES_PROPERTY, "1024");
        try {
            compare(Fixtures.checkpoint(Family.GEMMA2, dtype, false), Family.GEMMA2, dtype);
        } finally {
            System.clearProperty(io.mechanist.runtime.internal.WeightSource.CHUNK_BYTES_PROPERTY);
        }
    }

    /** Returns the largest difference seen over all sites. */
    static double compare(Path dir, Family family, DType dtype) throws Exception {
        return compare(dir, family, Fixtures.sampleTokens(family));
    }

    /** {@link #compare(Path, Family, DType)} on the given tokens. */
    static double compare(Path dir, Family family, long[] tokens) throws Exception {
        ReferenceForward expected = ReferenceModel.load(dir, DType.F32).run(Fixtures.toInts(tokens));
        try (HookedTransformer model = HookedTransformer.load(dir)) {
            List<HookSite> sites = model.hookSites();
            RunResult result = model.run(RunRequest.builder(tokens).capture(sites).build());
            double worst = 0;
            for (HookSite site : sites) {
                SiteActivations actual = result.capture(site, 0);
                if (site.point().queryKeyShaped()) {
                    double[][][] pattern = site.point() == HookPoint.ATTN_SCORES
                            ? expected.attentionScores(site.layer()) : expected.attentionPattern(site.layer());
                    long[] shape = actual.shape();
                    assertArrayEquals(new long[] {pattern.length, tokens.length, tokens.length}, shape, site.id());
                    float[] values = actual.values();
                    int k = 0;
                    for (double[][] head : pattern) {
                        for (double[] query : head) {
                            for (double p : query) {
                                worst = Math.max(worst, check(site, p, values[k++], family));
                            }
                        }
                    }
                } else {
                    double[][] want = expected.activation(site.id());
                    assertEquals(want.length, actual.positions().length, site.id());
                    for (int t = 0; t < want.length; t++) {
                        float[] row = actual.row(t);
                        assertEquals(want[t].length, row.length, site.id());
                        for (int i = 0; i < row.length; i++) {
                            worst = Math.max(worst, check(site, want[t][i], row[i], family));
                        }
                    }
                }
            }
            double[] lastWanted = expected.logits()[tokens.length - 1];
            float[] lastActual = result.lastLogits(0);
            for (int i = 0; i < lastWanted.length; i++) {
                worst = Math.max(worst, check(HookSite.global(HookPoint.LOGITS), lastWanted[i], lastActual[i], family));
            }
            assertTrue(worst <= TOLERANCE);
            return worst;
        }
    }

    private static double check(HookSite site, double want, float got, Family family) {
        // masked attention scores are -inf in both
        double diff = Double.isInfinite(want) && got == want ? 0 : Math.abs(want - got);
        if (!(diff <= TOLERANCE)) {
            throw new AssertionError(family + " " + site.id() + ": expected " + want + " got " + got + " (|diff| "
                    + diff + ")");
        }
        return diff;
    }
}
