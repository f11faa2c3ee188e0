package io.mechanist.patching.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import io.mechanist.core.activations.PromptInfo;
import io.mechanist.core.hooks.HookPoint;
import io.mechanist.patching.ActivationPatching;
import io.mechanist.patching.ActivationPatching.Direction;
import io.mechanist.patching.ActivationPatching.Grid;
import io.mechanist.patching.PairBootstrap;
import io.mechanist.runtime.HookedTransformer;
import io.mechanist.runtime.intervention.InterventionPlan;
import io.mechanist.runtime.reference.ActivationEdit;
import io.mechanist.runtime.reference.ArchitectureFamily;
import io.mechanist.runtime.reference.ReferenceForward;
import io.mechanist.runtime.reference.ReferenceModel;
import io.mechanist.testing.checkpoints.TinyTokenizer;

/**
 * The patching grids on pairs that differ in one token: exact at the cells where the answer is known (the differing
 * token at layer 0 carries everything; identical tokens at layer 0 carry nothing), and every patched run equal to the
 * double-precision reference run with the same edit.
 */
class ActivationPatchingTest {
    static final double EXACT = 1e-5;

    @TempDir
    Path dir;

    @ParameterizedTest
    @EnumSource(value = ArchitectureFamily.class, names = {"GPT2", "LLAMA"})
    void gridsAreExactWhereTheAnswerIsKnownAndMatchTheReference(ArchitectureFamily family) throws Exception {
        Path checkpoint = PatchingFixtures.checkpoint(dir, family);
        List<PromptInfo> prompts = PatchingFixtures.prompts();
        int pairs = prompts.size() / 2;
        List<long[]> clean = new ArrayList<>();
        List<long[]> corrupted = new ArrayList<>();
        for (int i = 0; i < pairs; i++) {
            clean.add(PatchingFixtures.ids(prompts.get(2 * i)));
            corrupted.add(PatchingFixtures.ids(prompts.get(2 * i + 1)));
        }
        long[] answerA = new long[pairs];
        long[] answerB = new long[pairs];
        Arrays.fill(answerA, TinyTokenizer.encode("A", false)[0]);
        Arrays.fill(answerB, TinyTokenizer.encode("B", false)[0]);
        ReferenceModel reference = ReferenceModel.load(checkpoint);
        try (HookedTransformer model = HookedTransformer.load(checkpoint)) {
            ActivationPatching patching = new ActivationPatching(model, clean, corrupted, answerA, answerB, 4);
            ActivationPatching.Result result = patching.run(new ActivationPatching.Settings(
                    List.of(HookPoint.RESID_PRE, HookPoint.ATTN_OUT, HookPoint.ATTN_Z),
                    List.of(Direction.DENOISING, Direction.NOISING), true, 4, false), (done, total) -> { }, () -> false);

            // Patching nothing gives the corrupted (clean) metric, and the unpatched runs are the reference's.
            double[] none = patching.logitDiffs(false, InterventionPlan.none());
            for (int i = 0; i < pairs; i++) {
                assertEquals(result.corruptedLogitDiff()[i], none[i], EXACT);
                assertEquals(referenceDiff(reference, corrupted.get(i), Map.of()), none[i], 1e-4);
                assertEquals(referenceDiff(reference, clean.get(i), Map.of()), result.cleanLogitDiff()[i], 1e-4);
                assertTrue(Math.abs(result.cleanLogitDiff()[i] - result.corruptedLogitDiff()[i]) > 1e-3,
                        "pair " + i + ": clean and corrupted runs should differ");
            }

            Grid denoiseResid = grid(result, Direction.DENOISING, HookPoint.RESID_PRE);
            Grid noiseResid = grid(result, Direction.NOISING, HookPoint.RESID_PRE);
            int columns = denoiseResid.columns();
            assertEquals(7, columns, "end-aligned columns reach the longest prompt");
            double worst = 0;
            for (int i = 0; i < pairs; i++) {
                int length = clean.get(i).length;
                for (int c = 0; c < columns; c++) {
                    int position = length - (columns - c);
                    double denoised = denoiseResid.patched()[0][c][i];
                    double noised = noiseResid.patched()[0][c][i];
                    if (position < 0) {
                        assertTrue(Double.isNaN(denoised), "pair " + i + " is shorter than column " + c);
                        continue;
                    }
                    // At layer 0 the residual is the embedding: at the differing token, patching it patches the
                    // whole input difference (exactly the other run); elsewhere it writes an equal value.
                    boolean differs = position == PatchingFixtures.DIFFERING_POSITION;
                    double wantDenoised = differs ? result.cleanLogitDiff()[i] : result.corruptedLogitDiff()[i];
                    double wantNoised = differs ? result.corruptedLogitDiff()[i] : result.cleanLogitDiff()[i];
                    worst = Math.max(worst, Math.abs(denoised - wantDenoised));
                    worst = Math.max(worst, Math.abs(noised - wantNoised));
                }
            }
            assertTrue(worst <= EXACT, "max |patched - expected| at layer 0 = " + worst);
            System.out.printf("patching %s: layer-0 exactness max |diff| = %.3g%n", family, worst);
            // A column holding only identical tokens (the last, "so") is exactly 0 at layer 0.
            PairBootstrap.Cell last = PairBootstrap.cell(denoiseResid.patched()[0][columns - 1],
                    result.cleanLogitDiff(), result.corruptedLogitDiff(), 200, 1);
            assertEquals(0, last.value(), EXACT);

            // A patched run deeper in the model equals the reference with the same edit.
            Grid denoiseAttn = grid(result, Direction.DENOISING, HookPoint.ATTN_OUT);
            Grid denoiseHeads = grid(result, Direction.DENOISING, HookPoint.ATTN_Z);
            int layer = 1;
            int column = columns - 2;
            int head = 1;
            String attnOut = "blocks." + layer + ".attn_out";
            String attnZ = "blocks." + layer + ".attn_z";
            int headDim = model.spec().headDim();
            for (int i = 0; i < pairs; i++) {
                int[] cleanIds = toInts(clean.get(i));
                ReferenceForward cleanRun = reference.run(cleanIds);
                int position = cleanIds.length - (columns - column);
                double want = referenceDiff(reference, corrupted.get(i),
                        Map.of(attnOut, ActivationEdit.patchFrom(cleanRun.activation(attnOut), position)));
                assertEquals(want, denoiseAttn.patched()[layer][column][i], 1e-4, "attn_out pair " + i);
                double[][] cleanZ = cleanRun.activation(attnZ);
                double wantHead = referenceDiff(reference, corrupted.get(i), Map.of(attnZ, (pos, x) -> {
                    System.arraycopy(cleanZ[pos], head * headDim, x, head * headDim, headDim);
                    return x;
                }));
                assertEquals(wantHead, denoiseHeads.patched()[layer][head][i], 1e-4, "attn_z head pair " + i);
            }
        }
    }

    /**
     * The logit difference is linear in final_norm (the unembedding; neither family soft-caps its logits): there the
     * first-order estimate of attribution patching is exact, for every position and both directions. Deeper in the
     * model it is only an estimate, still computed for every cell.
     */
    @ParameterizedTest
    @EnumSource(value = ArchitectureFamily.class, names = {"GPT2", "LLAMA"})
    void attributionEqualsActivationPatchingWhereTheMetricIsLinear(ArchitectureFamily family) throws Exception {
        Path checkpoint = PatchingFixtures.checkpoint(dir, family);
        List<PromptInfo> prompts = PatchingFixtures.prompts();
        int pairs = prompts.size() / 2;
        List<long[]> clean = new ArrayList<>();
        List<long[]> corrupted = new ArrayList<>();
        for (int i = 0; i < pairs; i++) {
            clean.add(PatchingFixtures.ids(prompts.get(2 * i)));
            corrupted.add(PatchingFixtures.ids(prompts.get(2 * i + 1)));
        }
        long[] answerA = new long[pairs];
        long[] answerB = new long[pairs];
        Arrays.fill(answerA, TinyTokenizer.encode("A", false)[0]);
        Arrays.fill(answerB, TinyTokenizer.encode("B", false)[0]);
        try (HookedTransformer model = HookedTransformer.load(checkpoint)) {
            ActivationPatching patching = new ActivationPatching(model, clean, corrupted, answerA, answerB, 4);
            ActivationPatching.Result result = patching.run(new ActivationPatching.Settings(
                    List.of(HookPoint.FINAL_NORM, HookPoint.RESID_PRE, HookPoint.ATTN_Z),
                    List.of(Direction.DENOISING, Direction.NOISING), true, 4, true), (d, t) -> { }, () -> false);
            assertEquals(result.grids().size(), result.attributionGrids().size());
            double worst = 0;
            double movedLast = 0;
            for (int g = 0; g < result.grids().size(); g++) {
                Grid exact = result.grids().get(g);
                Grid estimate = result.attributionGrids().get(g);
                if (exact.point() != HookPoint.FINAL_NORM) {
                    continue;
                }
                assertEquals(1, exact.layers());
                for (int c = 0; c < exact.columns(); c++) {
                    for (int i = 0; i < pairs; i++) {
                        double want = exact.patched()[0][c][i];
                        double got = estimate.patched()[0][c][i];
                        assertEquals(Double.isNaN(want), Double.isNaN(got));
                        if (!Double.isNaN(want)) {
                            worst = Math.max(worst, Math.abs(want - got));
                            if (c == exact.columns() - 1) {
                                movedLast = Math.max(movedLast, Math.abs(want - result.corruptedLogitDiff()[i]));
                            }
                        }
                    }
                }
            }
            System.out.printf("attribution %s final_norm: max |estimate - patched| = %.3g logits%n", family, worst);
            assertTrue(worst <= 1e-4, "attribution vs patching at final_norm: " + worst);
            assertTrue(movedLast > 1e-2, "patching final_norm at the last position moves the metric: " + movedLast);
        }
    }

    @ParameterizedTest
    @EnumSource(value = ArchitectureFamily.class, names = {"GPT2"})
    void unequalPairsAndScoresAreRefused(ArchitectureFamily family) throws Exception {
        Path checkpoint = PatchingFixtures.checkpoint(dir, family);
        try (HookedTransformer model = HookedTransformer.load(checkpoint)) {
            var lengths = assertThrows(IllegalArgumentException.class, () -> new ActivationPatching(model,
                    List.of(new long[] {5, 6, 7}), List.of(new long[] {5, 6}), new long[] {1}, new long[] {2}, 2));
            assertTrue(lengths.getMessage().contains("3 and 2 tokens"), lengths.getMessage());
            ActivationPatching patching = new ActivationPatching(model, List.of(new long[] {5, 6, 7}),
                    List.of(new long[] {5, 8, 7}), new long[] {1}, new long[] {2}, 2);
            var scores = assertThrows(IllegalArgumentException.class, () -> patching.run(
                    new ActivationPatching.Settings(List.of(HookPoint.ATTN_SCORES), List.of(Direction.DENOISING),
                            true, 2, false), (d, t) -> { }, () -> false));
            assertTrue(scores.getMessage().contains("attn_scores"), scores.getMessage());
        }
    }

    static Grid grid(ActivationPatching.Result result, Direction direction, HookPoint point) {
        return result.grids().stream().filter(g -> g.direction() == direction && g.point() == point).findFirst()
                .orElseThrow();
    }

    static double referenceDiff(ReferenceModel reference, long[] tokens, Map<String, ActivationEdit> edits) {
        double[][] logits = reference.run(toInts(tokens), edits).logits();
        double[] last = logits[logits.length - 1];
        return last[TinyTokenizer.encode("A", false)[0]] - last[TinyTokenizer.encode("B", false)[0]];
    }

    static int[] toInts(long[] ids) {
        return Arrays.stream(ids).mapToInt(Math::toIntExact).toArray();
    }
}
