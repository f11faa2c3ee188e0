package io.mechanist.runtime.tests;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import io.mechanist.core.hooks.HookPoint;
import io.mechanist.core.hooks.HookSite;
import io.mechanist.core.tensor.DType;
import io.mechanist.runtime.CheckpointException;
import io.mechanist.runtime.Family;
import io.mechanist.runtime.HookedTransformer;
import io.mechanist.runtime.RunRequest;
import io.mechanist.runtime.reference.ReferenceModel;
import io.mechanist.testing.checkpoints.TinyCheckpoints;
import io.mechanist.runtime.weights.EditedCheckpoint;
import io.mechanist.runtime.weights.TensorSelection;
import io.mechanist.runtime.weights.WeightEdit;
import io.mechanist.runtime.weights.WeightPlan;

/**
 * Weight edits applied at load: edits that change nothing reproduce the model bit for bit, interpolation reaches the
 * other checkpoint exactly, and a perturbed forward equals the independent double-precision reference run on the
 * same edited weights written to disk.
 */
class WeightEditTest {

    private static final HookSite LOGITS = HookSite.global(HookPoint.LOGITS);

    @TempDir
    Path temp;

    @ParameterizedTest
    @EnumSource(value = Family.class, names = {"GPT2", "LLAMA", "QWEN3", "GEMMA2"})
    void perturbedForwardMatchesTheReferenceOnTheEditedWeights(Family family) throws Exception {
        Path dir = Fixtures.checkpoint(family);
        long[] tokens = Fixtures.sampleTokens(family);
        WeightPlan plan = WeightPlan.of(new WeightEdit.Noise(TensorSelection.all(), 0.05, 11),
                new WeightEdit.Scale(TensorSelection.layers(1), 0.5));
        Path edited = EditedCheckpoint.write(dir, plan, temp.resolve("edited"));
        ReferenceModel reference = ReferenceModel.load(edited);
        double[][] expected = reference.run(Fixtures.toInts(tokens)).logits();
        try (HookedTransformer model = HookedTransformer.load(dir, plan)) {
            InterventionTest.assertClose(expected, model.run(RunRequest.builder(tokens).capture(LOGITS).build())
                    .capture(LOGITS, 0), family + " perturbed logits");
        }
        double moved = InterventionTest.maxDiff(expected, ReferenceModel.load(dir).run(Fixtures.toInts(tokens)).logits());
        assertTrue(moved > 1e-2, "the edits moved the logits by only " + moved);
    }

    @ParameterizedTest
    @EnumSource(value = Family.class, names = {"GPT2", "LLAMA"})
    void editsThatChangeNothingReproduceTheModelExactly(Family family) throws Exception {
        Path dir = Fixtures.checkpoint(family);
        long[] tokens = Fixtures.sampleTokens(family);
        float[] plain = logits(dir, WeightPlan.NONE, tokens);
        Path other = otherCheckpoint(family);
        assertArrayEquals(plain, logits(dir, WeightPlan.of(new WeightEdit.Noise(TensorSelection.all(), 0, 3)), tokens));
        assertArrayEquals(plain, logits(dir, WeightPlan.of(new WeightEdit.Scale(TensorSelection.all(), 1)), tokens));
        assertArrayEquals(plain, logits(dir,
                WeightPlan.of(new WeightEdit.Interpolate(TensorSelection.all(), other, 0)), tokens), "t = 0");
        assertArrayEquals(logits(other, WeightPlan.NONE, tokens), logits(dir,
                WeightPlan.of(new WeightEdit.Interpolate(TensorSelection.all(), other, 1)), tokens), "t = 1");
    }

    @Test
    void interpolationHalfwayMatchesTheReferenceAndSeedsReproduce() throws Exception {
        Family family = Family.LLAMA;
        Path dir = Fixtures.checkpoint(family);
        long[] tokens = Fixtures.sampleTokens(family);
        WeightPlan halfway = WeightPlan.of(new WeightEdit.Interpolate(TensorSelection.all(), otherCheckpoint(family), 0.5));
        double[][] expected = ReferenceModel.load(EditedCheckpoint.write(dir, halfway, temp.resolve("half")))
                .run(Fixtures.toInts(tokens)).logits();
        try (HookedTransformer model = HookedTransformer.load(dir, halfway)) {
            InterventionTest.assertClose(expected, model.run(RunRequest.builder(tokens).capture(LOGITS).build())
                    .capture(LOGITS, 0), "logits halfway");
        }
        WeightPlan seed5 = WeightPlan.of(new WeightEdit.Noise(TensorSelection.all(), 0.1, 5));
        assertArrayEquals(logits(dir, seed5, tokens), logits(dir, seed5, tokens), "the same seed reproduces");
        assertFalse(Arrays.equals(logits(dir, seed5, tokens),
                logits(dir, WeightPlan.of(new WeightEdit.Noise(TensorSelection.all(), 0.1, 6)), tokens)),
                "another seed draws other noise");
    }

    @Test
    void aLayerSelectionLeavesEarlierBlocksUntouched() throws Exception {
        Path dir = Fixtures.checkpoint(Family.GPT2);
        long[] tokens = Fixtures.sampleTokens(Family.GPT2);
        HookSite block0 = HookSite.of(HookPoint.RESID_POST, 0);
        HookSite block1 = HookSite.of(HookPoint.RESID_POST, 1);
        WeightPlan plan = WeightPlan.of(new WeightEdit.Noise(TensorSelection.layers(1), 0.2, 9));
        try (HookedTransformer plain = HookedTransformer.load(dir); HookedTransformer edited = HookedTransformer.load(dir, plan)) {
            RunRequest request = RunRequest.builder(tokens).capture(block0, block1).build();
            var before = plain.run(request);
            var after = edited.run(request);
            assertArrayEquals(before.capture(block0, 0).values(), after.capture(block0, 0).values(), "block 0 is not selected");
            assertFalse(Arrays.equals(before.capture(block1, 0).values(), after.capture(block1, 0).values()), "block 1 is");
        }
        assertTrue(TensorSelection.layers(1).test("transformer.h.1.attn.c_attn.weight"));
        assertTrue(TensorSelection.layers(1).test("model.layers.1.mlp.down_proj.weight"));
        assertFalse(TensorSelection.layers(1).test("model.layers.11.mlp.down_proj.weight"));
        assertFalse(TensorSelection.layers(1).test("model.embed_tokens.weight"));
    }

    @Test
    void badEditsAreRefusedNamingWhatIsWrong() throws Exception {
        Path dir = Fixtures.checkpoint(Family.LLAMA);
        Path otherShape = Fixtures.checkpoint(Family.GPT2);
        CheckpointException mismatch = assertThrows(CheckpointException.class, () -> HookedTransformer.load(dir,
                WeightPlan.of(new WeightEdit.Interpolate(TensorSelection.all(), otherShape, 0.5))).close());
        assertTrue(mismatch.getMessage().contains(otherShape.toString()), mismatch.getMessage());
        IOException inside = assertThrows(IOException.class,
                () -> EditedCheckpoint.write(dir, WeightPlan.NONE, dir.resolve("copy")));
        assertTrue(inside.getMessage().contains("must not be inside"), inside.getMessage());
        assertFalse(Files.exists(dir.resolve("copy")), "nothing written into the source checkpoint");
        assertThrows(IllegalArgumentException.class, () -> new WeightEdit.Noise(TensorSelection.all(), -1, 0));
        assertThrows(IllegalArgumentException.class, () -> new WeightEdit.Interpolate(TensorSelection.all(), dir, Double.NaN));
    }

    private Path otherCheckpoint(Family family) throws IOException {
        Path other = temp.resolve("other-" + family);
        if (!Files.isDirectory(other)) {
            TinyCheckpoints.write(Fixtures.referenceFamily(family), other, 8, new TinyCheckpoints.Options(DType.F32, false));
        }
        return other;
    }

    private static float[] logits(Path dir, WeightPlan plan, long[] tokens) throws IOException {
        try (HookedTransformer model = HookedTransformer.load(dir, plan)) {
            return model.run(RunRequest.builder(tokens).capture(LOGITS).build()).capture(LOGITS, 0).values();
        }
    }
}
