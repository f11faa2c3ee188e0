package io.mechanist.runtime.reference.tests;

import io.mechanist.runtime.reference.ArchitectureFamily;
import io.mechanist.runtime.reference.ReferenceForward;
import io.mechanist.runtime.reference.ReferenceModel;
import io.mechanist.runtime.reference.SiteIds;
import io.mechanist.testing.checkpoints.TinyCheckpoints;
import io.mechanist.runtime.reference.internal.ConfigReader;
import io.mechanist.runtime.reference.internal.ModelConfig;
import io.mechanist.core.tensor.DType;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Relations between hook sites that hold by construction, and the causal / windowed attention masks. */
class HookSiteInvariantsTest {

    @TempDir
    Path temp;

    @ParameterizedTest
    @EnumSource(ArchitectureFamily.class)
    void residualSitesAddUp(ArchitectureFamily family) throws Exception {
        Path dir = TinyCheckpoints.write(family, temp, 5, TinyCheckpoints.Options.DEFAULT);
        ReferenceModel model = ReferenceModel.load(dir);
        ReferenceForward run = model.run(TinyCheckpoints.sampleTokenIds(family));
        assertSame(run.activation(SiteIds.EMBED), run.activation(SiteIds.residPre(0)));
        for (int l = 0; l < model.layerCount(); l++) {
            assertSum(run.activation(SiteIds.residPre(l)), run.activation(SiteIds.attnOut(l)),
                    run.activation(SiteIds.residMid(l)));
            assertSum(run.activation(SiteIds.residMid(l)), run.activation(SiteIds.mlpOut(l)),
                    run.activation(SiteIds.residPost(l)));
            if (l + 1 < model.layerCount()) {
                assertSame(run.activation(SiteIds.residPost(l)), run.activation(SiteIds.residPre(l + 1)));
            }
        }
        int positions = TinyCheckpoints.sampleTokenIds(family).length;
        assertEquals(positions, run.logits().length);
        assertEquals(model.vocabSize(), run.logits()[0].length);
        assertEquals(model.hiddenSize(), run.activation(SiteIds.FINAL_NORM)[0].length);
    }

    @ParameterizedTest
    @EnumSource(ArchitectureFamily.class)
    void attentionPatternsAreCausalWindowedDistributions(ArchitectureFamily family) throws Exception {
        Path dir = TinyCheckpoints.write(family, temp, 5, TinyCheckpoints.Options.DEFAULT);
        ReferenceModel model = ReferenceModel.load(dir);
        ModelConfig config = ConfigReader.read(dir.resolve("config.json"), DType.F32);
        ReferenceForward run = model.run(TinyCheckpoints.sampleTokenIds(family));
        for (int l = 0; l < model.layerCount(); l++) {
            int window = config.slidingWindows().get(l);
            double[][][] pattern = run.attentionPattern(l);
            assertEquals(config.numHeads(), pattern.length);
            for (double[][] head : pattern) {
                for (int q = 0; q < head.length; q++) {
                    double sum = 0;
                    for (int k = 0; k < head[q].length; k++) {
                        boolean visible = k <= q && (window == 0 || q - k < window);
                        if (visible) {
                            assertTrue(head[q][k] > 0, "visible key gets weight");
                        } else {
                            assertEquals(0.0, head[q][k], "masked key " + k + " for query " + q + " layer " + l);
                        }
                        sum += head[q][k];
                    }
                    assertEquals(1.0, sum, 1e-12);
                }
            }
        }
    }

    @ParameterizedTest
    @EnumSource(ArchitectureFamily.class)
    void laterTokensDoNotChangeEarlierPositions(ArchitectureFamily family) throws Exception {
        Path dir = TinyCheckpoints.write(family, temp, 5, TinyCheckpoints.Options.DEFAULT);
        ReferenceModel model = ReferenceModel.load(dir);
        int[] ids = TinyCheckpoints.sampleTokenIds(family);
        int[] changed = ids.clone();
        changed[ids.length - 1] = (changed[ids.length - 1] + 17) % model.vocabSize();
        double[][] a = model.run(ids).logits();
        double[][] b = model.run(changed).logits();
        for (int t = 0; t < ids.length - 1; t++) {
            assertArrayEquals(a[t], b[t], 0.0, "position " + t);
        }
        assertTrue(Checks.maxAbsDiff(new double[][] {a[ids.length - 1]}, new double[][] {b[ids.length - 1]}) > 1e-3);
    }

    private static void assertSame(double[][] expected, double[][] actual) {
        assertEquals(0.0, Checks.maxAbsDiff(expected, actual));
    }

    private static void assertSum(double[][] a, double[][] b, double[][] sum) {
        for (int t = 0; t < a.length; t++) {
            for (int i = 0; i < a[t].length; i++) {
                assertEquals(a[t][i] + b[t][i], sum[t][i], 0.0);
            }
        }
    }
}
