package io.mechanist.runtime.tests;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import io.mechanist.core.hooks.HookPoint;
import io.mechanist.core.hooks.HookSite;
import io.mechanist.core.tensor.DType;
import io.mechanist.runtime.HookedTransformer;
import io.mechanist.runtime.RunRequest;
import io.mechanist.runtime.RunResult;
import io.mechanist.runtime.generate.GenerationResult;
import io.mechanist.runtime.generate.GenerationSettings;
import io.mechanist.runtime.intervention.InterventionPlan;
import io.mechanist.runtime.internal.CompactWeights;
import io.mechanist.runtime.internal.WeightBudget;
import io.mechanist.runtime.synthetic.PublishedShape;
import io.mechanist.runtime.synthetic.RandomCheckpoint;

/**
 * 16-bit weights kept compact and widened layer by layer give exactly the numbers of the same weights loaded as
 * float32: every hook site bit for bit and the logits to float32 rounding, for each family's published layer shapes
 * (reduced to two layers and a 512-token vocabulary), in bf16 and f16, with the unembedding multiplied in blocks of
 * rows.
 */
class CompactWeightsTest {

    @ParameterizedTest
    @EnumSource(value = PublishedShape.class, names = {"GPT2_SMALL", "LLAMA_3_2_1B", "QWEN3_1_7B", "GEMMA_2_2B"})
    void compactForwardEqualsFloat32Forward(PublishedShape shape, @TempDir Path dir) throws Exception {
        new RandomCheckpoint(shape).layers(2).vocab(512).dtype(DType.BF16).maxShardBytes(20_000_000).write(dir);
        assertSameNumbers(dir);
    }

    @Test
    void compactF16ForwardEqualsFloat32Forward(@TempDir Path dir) throws Exception {
        new RandomCheckpoint(PublishedShape.LLAMA_3_2_1B).layers(2).vocab(512).dtype(DType.F16).write(dir);
        assertSameNumbers(dir);
    }

    @Test
    void compactGenerationWithTheCacheEqualsFloat32(@TempDir Path dir) throws Exception {
        new RandomCheckpoint(PublishedShape.GEMMA_2_2B).layers(2).vocab(512).dtype(DType.BF16).write(dir);
        List<long[]> prompts = List.of(new long[] {2, 40, 41, 42}, new long[] {2, 7});
        GenerationSettings greedy = GenerationSettings.greedy(6).withStopTokens();
        List<GenerationResult> dense;
        try (HookedTransformer model = load(dir, "f32")) {
            dense = model.generate(prompts, greedy, InterventionPlan.none(), Set.of(), null, null, null);
        }
        try (HookedTransformer model = load(dir, "compact")) {
            List<GenerationResult> compact = model.generate(prompts, greedy, InterventionPlan.none(), Set.of(), null,
                    null, null);
            for (int b = 0; b < prompts.size(); b++) {
                assertArrayEquals(dense.get(b).generatedTokens(), compact.get(b).generatedTokens(), "prompt " + b);
            }
        }
    }

    @Test
    void gradientsAreRefusedWithCompactWeights(@TempDir Path dir) throws Exception {
        new RandomCheckpoint(PublishedShape.QWEN3_1_7B).layers(1).vocab(512).dtype(DType.BF16).write(dir);
        try (HookedTransformer model = load(dir, "compact")) {
            IllegalStateException error = assertThrows(IllegalStateException.class,
                    () -> model.logitDifferenceGradients(List.of(new long[] {1, 2, 3}), new long[] {4}, new long[] {5},
                            Set.of(HookSite.of(HookPoint.RESID_POST, 0)), InterventionPlan.none(), 1));
            assertTrue(error.getMessage().contains("float32"), error.getMessage());
        }
    }

    @Test
    void budgetDecidesCompactOnlyAboveIt(@TempDir Path dir) throws Exception {
        RandomCheckpoint checkpoint = new RandomCheckpoint(PublishedShape.LLAMA_3_2_1B).layers(1).vocab(512)
                .dtype(DType.BF16);
        checkpoint.write(dir);
        long f32Bytes = checkpoint.weightBytes() * 2;
        try (HookedTransformer model = load(dir, String.valueOf(f32Bytes))) {
            assertNull(model.compactWeightsReason(), "fits the budget exactly");
        }
        try (HookedTransformer model = load(dir, String.valueOf(f32Bytes - 1))) {
            assertNotNull(model.compactWeightsReason(), "one byte over the budget");
        }
        try (HookedTransformer model = load(dir, "f32")) {
            assertNull(model.compactWeightsReason());
        }
    }

    private static void assertSameNumbers(Path dir) throws Exception {
        RunResult dense;
        RunResult compact;
        List<long[]> prompts = List.of(new long[] {1, 17, 300, 42, 5, 99, 7}, new long[] {3, 250, 6},
                new long[] {511, 0, 12, 13, 14});
        try (HookedTransformer model = load(dir, "f32")) {
            assertNull(model.compactWeightsReason());
            dense = model.run(request(model, prompts));
        }
        String previous = System.setProperty(CompactWeights.TABLE_BLOCK_ROWS_PROPERTY, "100"); // 5 blocks and a part
        try (HookedTransformer model = load(dir, "compact")) {
            assertNotNull(model.compactWeightsReason());
            compact = model.run(request(model, prompts));
            // a second pass rewrites the slots again: still the same numbers
            assertSame(compact, model.run(request(model, prompts)), 0f);
        } finally {
            restore(CompactWeights.TABLE_BLOCK_ROWS_PROPERTY, previous);
        }
        // The unembedding in blocks of 100 rows is a set of narrower products than the float32 one, and a BLAS
        // rounds a column's dot product differently depending on the product's width: the logits agree to float32
        // rounding, every other site bit for bit (a misread bf16 weight would be off by far more).
        assertSame(dense, compact, 1e-5f);
    }

    private static void assertSame(RunResult expected, RunResult actual, float logitTolerance) {
        assertEquals(expected.captures().keySet(), actual.captures().keySet());
        for (int p = 0; p < expected.lastLogits().size(); p++) {
            assertArrayEquals(expected.lastLogits(p), actual.lastLogits(p), logitTolerance,
                    "last logits of prompt " + p);
        }
        expected.captures().forEach((site, rows) -> {
            float tolerance = site.point() == HookPoint.LOGITS ? logitTolerance : 0f;
            for (int p = 0; p < rows.size(); p++) {
                assertArrayEquals(rows.get(p).values(), actual.capture(site, p).values(), tolerance,
                        site + " prompt " + p);
            }
        });
    }

    private static RunRequest request(HookedTransformer model, List<long[]> prompts) {
        return RunRequest.builder(prompts).batchSize(2).capture(model.hookSites()).build();
    }

    private static HookedTransformer load(Path dir, String budget) throws Exception {
        String previous = System.setProperty(WeightBudget.PROPERTY, budget);
        try {
            return HookedTransformer.load(dir);
        } finally {
            restore(WeightBudget.PROPERTY, previous);
        }
    }

    private static void restore(String key, String previous) {
        if (previous == null) {
            System.clearProperty(key);
        } else {
            System.setProperty(key, previous);
        }
    }
}
