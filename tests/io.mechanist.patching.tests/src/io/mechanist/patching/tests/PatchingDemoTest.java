package io.mechanist.patching.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.mechanist.demo.EmbeddedDemo;
import io.mechanist.core.activations.PromptInfo;
import io.mechanist.core.hooks.HookPoint;
import io.mechanist.core.datasets.DatasetParser;
import io.mechanist.core.datasets.DatasetRecord;
import io.mechanist.patching.ActivationPatching;
import io.mechanist.patching.ActivationPatching.Direction;
import io.mechanist.patching.ActivationPatching.Grid;
import io.mechanist.patching.PairBootstrap;
import io.mechanist.patching.PatchPair;
import io.mechanist.runtime.HookedTransformer;

/**
 * The demo model on its contrast pairs (the same question with the options swapped, so the other letter wins): the
 * grid finds where the answer is carried. The pairs differ only in the two option numbers ("A = 26 B = 0" vs
 * "A = 0 B = 26"), at positions -17 and -14 counted from the answer marker ':' (-1).
 */
class PatchingDemoTest {

    @Test
    void theGridFindsTheOptionsEarlyAndTheAnswerMarkerLate() throws Exception {
        try (HookedTransformer model = HookedTransformer.load(EmbeddedDemo.modelFolder())) {
            List<DatasetRecord> records = DatasetParser.parse(EmbeddedDemo.dataset(EmbeddedDemo.CONTRAST_PAIRS));
            List<PromptInfo> prompts = new ArrayList<>();
            for (DatasetRecord r : records) {
                long[] ids = model.tokenizer().encode(r.text(), false);
                int[] ints = java.util.Arrays.stream(ids).mapToInt(Math::toIntExact).toArray();
                prompts.add(new PromptInfo(prompts.size(), r.text(), ints, model.tokenizer().tokenTexts(ids),
                        r.labels(), r.group(), r.pair()));
            }
            List<PatchPair> pairs = PatchPair.find(prompts, "answer", "A");
            long tokenA = model.tokenizer().encode("A", false)[0];
            long tokenB = model.tokenizer().encode("B", false)[0];
            List<long[]> clean = new ArrayList<>();
            List<long[]> corrupted = new ArrayList<>();
            long[] cleanAnswer = new long[pairs.size()];
            long[] corruptedAnswer = new long[pairs.size()];
            for (int i = 0; i < pairs.size(); i++) {
                clean.add(PatchingFixtures.ids(prompts.get(pairs.get(i).clean())));
                corrupted.add(PatchingFixtures.ids(prompts.get(pairs.get(i).corrupted())));
                cleanAnswer[i] = tokenA;
                corruptedAnswer[i] = tokenB;
            }
            ActivationPatching patching = new ActivationPatching(model, clean, corrupted, cleanAnswer,
                    corruptedAnswer, 100);
            ActivationPatching.Result result = patching.run(new ActivationPatching.Settings(
                    List.of(HookPoint.RESID_PRE, HookPoint.ATTN_OUT, HookPoint.ATTN_Z), List.of(Direction.DENOISING),
                    true, 100, true), (d, t) -> { }, () -> false);
            double meanClean = java.util.Arrays.stream(result.cleanLogitDiff()).average().orElseThrow();
            double meanCorrupted = java.util.Arrays.stream(result.corruptedLogitDiff()).average().orElseThrow();
            System.out.printf("demo patching: %d pairs, mean logit diff clean %.2f corrupted %.2f%n", pairs.size(),
                    meanClean, meanCorrupted);
            Grid resid = ActivationPatchingTest.grid(result, Direction.DENOISING, HookPoint.RESID_PRE);
            Grid attn = ActivationPatchingTest.grid(result, Direction.DENOISING, HookPoint.ATTN_OUT);
            Grid heads = ActivationPatchingTest.grid(result, Direction.DENOISING, HookPoint.ATTN_Z);
            int columns = resid.columns();
            int optionA = columns - 17;
            int optionB = columns - 14;
            int marker = columns - 1;
            int last = resid.layers() - 1;
            // Layer 0: the residual is the embedding, so only the two option numbers can move the answer.
            for (int c = 0; c < columns; c++) {
                double value = cell(result, resid, 0, c).value();
                if (c == optionA || c == optionB) {
                    assertTrue(value > 0.2, "resid_pre L0 " + resid.columnLabels()[c] + " = " + value);
                } else {
                    assertEquals(0, value, 1e-4, "resid_pre L0 " + resid.columnLabels()[c]);
                }
            }
            // The last layer's attention moves the answer to the answer marker.
            PairBootstrap.Cell read = cell(result, attn, last, marker);
            for (int c = 0; c < columns; c++) {
                assertTrue(c == marker || Math.abs(cell(result, attn, last, c).value()) < read.low(),
                        "attn_out L" + last + " strongest at the marker");
            }
            assertTrue(read.low() > 0.4, "attn_out L" + last + " at -1: " + read);
            for (String line : List.of(
                    describe("resid_pre L0 -17 (option A's number)", cell(result, resid, 0, optionA)),
                    describe("resid_pre L0 -14 (option B's number)", cell(result, resid, 0, optionB)),
                    describe("resid_pre L" + last + " -14", cell(result, resid, last, optionB)),
                    describe("resid_pre L" + last + " -1 (answer marker)", cell(result, resid, last, marker)),
                    describe("attn_out L0 -15 (the '=' after B)", cell(result, attn, 0, columns - 15)),
                    describe("attn_out L" + last + " -1", read))) {
                System.out.println("demo patching " + line);
            }
            for (int g = 0; g < result.grids().size(); g++) {
                List<double[]> cells = new ArrayList<>();
                Grid exact = result.grids().get(g);
                Grid estimate = result.attributionGrids().get(g);
                for (int layer = 0; layer < exact.layers(); layer++) {
                    for (int c = 0; c < exact.columns(); c++) {
                        cells.add(new double[] {cell(result, exact, layer, c).value(),
                            cell(result, estimate, layer, c).value()});
                    }
                }
                System.out.printf("demo patching attribution vs activation %s: r = %.3f over %d cells%n", exact.id(),
                        io.mechanist.patching.Agreement.pearson(cells), cells.size());
            }
            for (int layer = 0; layer < heads.layers(); layer++) {
                StringBuilder row = new StringBuilder("demo patching attn_z L" + layer + " heads:");
                for (int h = 0; h < heads.columns(); h++) {
                    row.append(' ').append(describe("", cell(result, heads, layer, h)));
                }
                System.out.println(row);
            }
            assertEquals(200, pairs.size());
        }
    }

    private static PairBootstrap.Cell cell(ActivationPatching.Result result, Grid grid, int layer, int column) {
        return PairBootstrap.cell(grid.patched()[layer][column], result.cleanLogitDiff(), result.corruptedLogitDiff(),
                1000, 1);
    }

    private static String describe(String what, PairBootstrap.Cell cell) {
        return String.format("%s %.2f [%.2f, %.2f]", what, cell.value(), cell.low(), cell.high()).strip();
    }
}
