package io.mechanist.runtime.reference.tests;

import io.mechanist.runtime.reference.ActivationEdit;
import io.mechanist.runtime.reference.ArchitectureFamily;
import io.mechanist.runtime.reference.ReferenceForward;
import io.mechanist.runtime.reference.ReferenceModel;
import io.mechanist.runtime.reference.SiteIds;
import io.mechanist.testing.checkpoints.TinyCheckpoints;
import io.mechanist.testing.checkpoints.TinyTokenizer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.Map;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Steering, ablation and patching edits behave as their definitions say. */
class InterventionTest {

    @TempDir
    Path temp;

    private ReferenceModel model;
    private int[] ids;

    @BeforeEach
    void load() throws Exception {
        Path dir = TinyCheckpoints.write(ArchitectureFamily.GEMMA2, temp, 9, TinyCheckpoints.Options.DEFAULT);
        model = ReferenceModel.load(dir);
        ids = TinyCheckpoints.sampleTokenIds(ArchitectureFamily.GEMMA2);
    }

    private double[] randomVector(long seed) {
        Random r = new Random(seed);
        double[] v = new double[model.hiddenSize()];
        for (int i = 0; i < v.length; i++) {
            v[i] = r.nextGaussian();
        }
        return v;
    }

    @Test
    void steeringAddsTheScaledVectorAtTheChosenPositionsOnly() {
        double[] v = randomVector(1);
        ReferenceForward plain = model.run(ids);
        ReferenceForward steered = model.run(ids, Map.of(SiteIds.residPre(1), ActivationEdit.addVector(v, 2.5, 4, 6)));
        double[][] before = plain.activation(SiteIds.residPre(1));
        double[][] after = steered.activation(SiteIds.residPre(1));
        for (int t = 0; t < ids.length; t++) {
            for (int i = 0; i < v.length; i++) {
                double expected = before[t][i] + (t == 4 || t == 6 ? 2.5 * v[i] : 0);
                assertEquals(expected, after[t][i], 1e-12);
            }
        }
        // Causality: positions before the first steered one are untouched downstream, later ones change.
        for (int t = 0; t < 4; t++) {
            assertArrayEquals(plain.logits()[t], steered.logits()[t], 0.0);
        }
        assertTrue(diff(plain.logits()[4], steered.logits()[4]) > 1e-3);
        assertTrue(diff(plain.logits()[5], steered.logits()[5]) > 1e-6, "attention carries the edit to position 5");
    }

    @Test
    void editingResidPostEqualsEditingTheNextResidPre() {
        double[] v = randomVector(2);
        ReferenceForward a = model.run(ids, Map.of(SiteIds.residPost(0), ActivationEdit.addVector(v, 1.0)));
        ReferenceForward b = model.run(ids, Map.of(SiteIds.residPre(1), ActivationEdit.addVector(v, 1.0)));
        assertEquals(0.0, Checks.maxAbsDiff(a.logits(), b.logits()));
    }

    @Test
    void zeroAblatingAttentionLeavesResidMidEqualToResidPre() {
        ReferenceForward run = model.run(ids, Map.of(SiteIds.attnOut(1), ActivationEdit.zero()));
        assertEquals(0.0, Checks.maxAbsDiff(run.activation(SiteIds.residPre(1)), run.activation(SiteIds.residMid(1))));
        assertEquals(0.0, Checks.maxAbs(run.activation(SiteIds.attnOut(1))));
    }

    @Test
    void patchingEveryPositionOfTheResidualReproducesTheSourceRun() {
        int[] other = TinyTokenizer.encode("a small red bird sees the old moon at night . she is happy so we", true);
        assertEquals(ids.length, other.length);
        ReferenceForward source = model.run(other);
        ReferenceForward patched = model.run(ids,
                Map.of(SiteIds.residPost(0), ActivationEdit.patchFrom(source.activation(SiteIds.residPost(0)))));
        assertEquals(0.0, Checks.maxAbsDiff(source.logits(), patched.logits()));
    }

    @Test
    void patchingOnePositionChangesOnlyThatPositionAndLater() {
        int[] other = TinyTokenizer.encode("a small red bird sees the old moon at night . she is happy so we", true);
        ReferenceForward source = model.run(other);
        ReferenceForward plain = model.run(ids);
        ReferenceForward patched = model.run(ids,
                Map.of(SiteIds.mlpOut(0), ActivationEdit.patchFrom(source.activation(SiteIds.mlpOut(0)), 8)));
        for (int t = 0; t < 8; t++) {
            assertArrayEquals(plain.logits()[t], patched.logits()[t], 0.0);
        }
        assertArrayEquals(source.activation(SiteIds.mlpOut(0))[8], patched.activation(SiteIds.mlpOut(0))[8], 0.0);
        assertTrue(diff(plain.logits()[8], patched.logits()[8]) > 1e-3);
    }

    @Test
    void meanAblationReplacesWithTheGivenVectorAndEditsCompose() {
        double[] mean = randomVector(3);
        double[] v = randomVector(4);
        ActivationEdit edit = ActivationEdit.replaceWith(mean, 2).andThen(ActivationEdit.addVector(v, -1.0, 2));
        ReferenceForward run = model.run(ids, Map.of(SiteIds.residMid(0), edit));
        double[] got = run.activation(SiteIds.residMid(0))[2];
        for (int i = 0; i < got.length; i++) {
            assertEquals(mean[i] - v[i], got[i], 1e-12);
        }
    }

    @Test
    void editsOfUnknownOrNonEditableSitesAreRejected() {
        var e = assertThrows(IllegalArgumentException.class,
                () -> model.run(ids, Map.of("blocks.9.resid_pre", ActivationEdit.zero())));
        assertTrue(e.getMessage().contains("blocks.9.resid_pre"), e.getMessage());
        assertThrows(IllegalArgumentException.class,
                () -> model.run(ids, Map.of("blocks.0.attn_logits", ActivationEdit.zero())));
        var wrongLength = assertThrows(IllegalArgumentException.class,
                () -> model.run(ids, Map.of(SiteIds.EMBED, (pos, x) -> new double[3])));
        assertTrue(wrongLength.getMessage().contains("embed"), wrongLength.getMessage());
    }

    @Test
    void editedScoresAndPatternsAreMaskedAgain() {
        double[][][] plain = model.run(ids).attentionPattern(0);
        // zero scores everywhere, future keys included: each query attends uniformly to the keys it may see
        double[][][] flat = model.run(ids, Map.of(SiteIds.block(0, "attn_scores"), ActivationEdit.zero()))
                .attentionPattern(0);
        for (int h = 0; h < plain.length; h++) {
            for (int i = 0; i < plain[h].length; i++) {
                long visible = java.util.Arrays.stream(plain[h][i]).filter(p -> p > 0).count();
                for (int j = 0; j < plain[h][i].length; j++) {
                    assertEquals(plain[h][i][j] > 0 ? 1.0 / visible : 0, flat[h][i][j], 1e-12, h + "," + i + "," + j);
                }
            }
        }
        // a pattern of ones attends to every visible key with weight 1, nothing beyond
        ReferenceForward ones = model.run(ids, Map.of(SiteIds.attnPattern(0), (pos, x) -> {
            java.util.Arrays.fill(x, 1);
            return x;
        }));
        for (int h = 0; h < plain.length; h++) {
            for (int i = 0; i < plain[h].length; i++) {
                for (int j = 0; j < plain[h][i].length; j++) {
                    assertEquals(plain[h][i][j] > 0 ? 1 : 0, ones.attentionPattern(0)[h][i][j]);
                }
            }
        }
        double[][] z = model.run(ids, Map.of(SiteIds.attnPattern(0), ActivationEdit.zero())).activation(
                SiteIds.attnZ(0));
        for (double[] row : z) {
            assertArrayEquals(new double[row.length], row, "no attention, no head output");
        }
    }

    @Test
    void editingLogitsOnlyChangesTheRecordedLogits() {
        double[] bias = new double[model.vocabSize()];
        bias[7] = 100;
        ReferenceForward run = model.run(ids, Map.of(SiteIds.LOGITS, ActivationEdit.addVector(bias, 1.0)));
        ReferenceForward plain = model.run(ids);
        assertEquals(plain.logits()[0][7] + 100, run.logits()[0][7], 1e-12);
    }

    private static double diff(double[] a, double[] b) {
        return Checks.maxAbsDiff(new double[][] {a}, new double[][] {b});
    }
}
