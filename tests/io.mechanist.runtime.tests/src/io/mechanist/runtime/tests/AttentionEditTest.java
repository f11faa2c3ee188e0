package io.mechanist.runtime.tests;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
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
import io.mechanist.runtime.Padding;
import io.mechanist.runtime.RunRequest;
import io.mechanist.runtime.RunResult;
import io.mechanist.runtime.SiteActivations;
import io.mechanist.runtime.generate.GenerationRequest;
import io.mechanist.runtime.generate.GenerationResult;
import io.mechanist.runtime.generate.GenerationSettings;
import io.mechanist.runtime.intervention.ActivationFunction;
import io.mechanist.runtime.intervention.AddVector;
import io.mechanist.runtime.intervention.FunctionEdit;
import io.mechanist.runtime.intervention.InterventionPlan;
import io.mechanist.runtime.intervention.Patch;
import io.mechanist.runtime.intervention.Positions;
import io.mechanist.runtime.reference.ActivationEdit;
import io.mechanist.runtime.reference.ReferenceForward;
import io.mechanist.runtime.reference.ReferenceModel;

/**
 * Edits of the pre-softmax attention scores and of the attention pattern: rows of [head, key] per query position,
 * the mask applied again after the edit, checked against the reference with the same edit.
 */
class AttentionEditTest {

    /** A plug-in's pattern edit: head {@code head} of {@code heads} attends uniformly to every key, future included. */
    record UniformHead(int head, int heads) implements ActivationFunction {
        @Override
        public float[] apply(int prompt, int position, float[] row) {
            int keys = row.length / heads;
            Arrays.fill(row, head * keys, (head + 1) * keys, 1f / (position + 1));
            return row;
        }

        ActivationEdit reference() {
            return (position, x) -> {
                int keys = x.length / heads;
                Arrays.fill(x, head * keys, (head + 1) * keys, 1.0 / (position + 1));
                return x;
            };
        }
    }

    @ParameterizedTest
    @EnumSource(Family.class)
    void scoreAndPatternEditsMatchTheReference(Family family) throws Exception {
        Path dir = Fixtures.checkpoint(family);
        long[] tokens = Fixtures.sampleTokens(family);
        int n = tokens.length;
        ReferenceModel reference = ReferenceModel.load(dir);
        try (HookedTransformer model = HookedTransformer.load(dir)) {
            int heads = model.spec().headCount();
            HookSite scores0 = HookSite.of(HookPoint.ATTN_SCORES, 0);
            HookSite pattern1 = HookSite.of(HookPoint.ATTN_PATTERN, 1);
            // a planted bias on the last head's scores: key 1 from queries 2 and n-1, and key n-1 (the future for
            // query 2), which the mask must keep hidden
            int head = heads - 1;
            float[] bias = new float[heads * n];
            bias[head * n + 1] = 4f;
            bias[head * n + n - 1] = 9f;
            UniformHead uniform = new UniformHead(0, heads);
            // a plug-in flattening head 0's scores at query 2 to zero, future keys included
            HookSite scores1 = HookSite.of(HookPoint.ATTN_SCORES, 1);
            ActivationFunction flatten = (prompt, position, row) -> {
                Arrays.fill(row, 0, row.length / heads, 0f);
                return row;
            };
            InterventionPlan plan = InterventionPlan.of("attention",
                    new AddVector(scores0, Positions.of(2, -1), bias, 0.5),
                    new FunctionEdit(scores1, Positions.of(2), "flatten head 0", flatten),
                    new FunctionEdit(pattern1, Positions.of(3), "uniform head 0", uniform));
            ActivationEdit uniformAt3 = (position, x) -> position == 3 ? uniform.reference().apply(position, x) : x;
            ActivationEdit flattenAt2 = (position, x) -> {
                if (position == 2) {
                    Arrays.fill(x, 0, x.length / heads, 0);
                }
                return x;
            };
            ReferenceForward expected = reference.run(Fixtures.toInts(tokens), Map.of(
                    scores0.id(), ActivationEdit.addVector(InterventionTest.toDouble(bias), 0.5, 2, n - 1),
                    scores1.id(), flattenAt2,
                    pattern1.id(), uniformAt3));
            List<HookSite> sites = model.hookSites();
            RunResult result = model.run(RunRequest.builder(tokens).capture(sites).plan(plan).build());
            double worst = 0;
            for (HookSite site : sites) {
                SiteActivations got = result.capture(site, 0);
                if (site.point().queryKeyShaped()) {
                    worst = Math.max(worst, assertQueryKeyClose(site.point() == HookPoint.ATTN_SCORES
                            ? expected.attentionScores(site.layer()) : expected.attentionPattern(site.layer()), got,
                            family + " " + site.id()));
                } else {
                    InterventionTest.assertClose(expected.activation(site.id()), got, family + " " + site.id());
                }
            }
            double[] lastWanted = expected.logits()[n - 1];
            float[] lastGot = result.lastLogits(0);
            for (int i = 0; i < lastWanted.length; i++) {
                worst = Math.max(worst, Math.abs(lastWanted[i] - lastGot[i]));
            }
            System.out.printf("attention edits %s: max |diff| vs reference (scores, patterns, last logits) = %.2e%n",
                    family, worst);
            float[] scores = result.capture(scores0, 0).values();
            assertEquals(Float.NEGATIVE_INFINITY, scores[(head * n + 2) * n + n - 1],
                    family + ": the bias on a future key stays masked");
            float[] flattened = result.capture(scores1, 0).values();
            assertEquals(0f, flattened[2 * n + 1]);
            assertEquals(Float.NEGATIVE_INFINITY, flattened[2 * n + 3], family + ": an edited future score stays masked");
            float[] pattern = result.capture(HookSite.of(HookPoint.ATTN_PATTERN, 0), 0).values();
            assertEquals(0f, pattern[(head * n + 2) * n + n - 1], family + ": no attention to the future");
            float[] edited = result.capture(pattern1, 0).values();
            assertEquals(0.25f, edited[3 * n + 3]);
            assertEquals(0f, edited[3 * n + 4], family + ": the uniform row is cut at the query");
            double moved = InterventionTest.maxDiff(reference.run(Fixtures.toInts(tokens)).logits(),
                    expected.logits());
            assertTrue(moved > 1e-3, "the edits moved the reference logits by only " + moved);
        }
    }

    @ParameterizedTest
    @EnumSource(value = Family.class, names = {"GPT2", "LLAMA", "GEMMA2"})
    void patchingPatternsAndScoresWithTheRunsOwnReproducesItExactly(Family family) throws Exception {
        long[] tokens = Fixtures.sampleTokens(family);
        try (HookedTransformer model = HookedTransformer.load(Fixtures.checkpoint(family))) {
            int layers = model.spec().layerCount();
            List<HookSite> sites = new ArrayList<>();
            for (int l = 0; l < layers; l++) {
                sites.add(HookSite.of(HookPoint.ATTN_PATTERN, l));
                sites.add(HookSite.of(HookPoint.ATTN_SCORES, l));
            }
            HookSite logits = HookSite.global(HookPoint.LOGITS);
            RunResult clean = model.run(RunRequest.builder(tokens).capture(sites).capture(logits).build());
            List<Patch> patches = new ArrayList<>();
            for (HookSite site : sites) {
                patches.add(new Patch(site, Positions.all(), tokens.length, queryRows(clean.capture(site, 0))));
            }
            RunResult patched = model.run(RunRequest.builder(tokens).capture(logits)
                    .plan(InterventionPlan.of("own", patches.toArray(Patch[]::new))).build());
            assertArrayEquals(clean.capture(logits, 0).values(), patched.capture(logits, 0).values(),
                    family + ": patching every layer's scores and pattern with the run's own changes nothing");
        }
    }

    @ParameterizedTest
    @EnumSource(Padding.class)
    void editsFindEachPromptsKeysInAPaddedBatch(Padding padding) throws Exception {
        Family family = Family.QWEN2;
        Path dir = Fixtures.checkpoint(family);
        long[] full = Fixtures.sampleTokens(family);
        List<long[]> prompts = List.of(Arrays.copyOf(full, full.length - 3), full, Arrays.copyOf(full, 4));
        ReferenceModel reference = ReferenceModel.load(dir);
        try (HookedTransformer model = HookedTransformer.load(dir)) {
            int heads = model.spec().headCount();
            HookSite scores1 = HookSite.of(HookPoint.ATTN_SCORES, 1);
            // each prompt's own bias: +3 on key (prompt + 1) of head 1, so a wrong key slot shows
            ActivationFunction plant = (prompt, position, row) -> {
                int keys = row.length / heads;
                row[keys + Math.min(prompt + 1, position)] += 3f;
                return row;
            };
            InterventionPlan plan = InterventionPlan.of("plant",
                    new FunctionEdit(scores1, Positions.all(), "plant", plant));
            HookSite finalNorm = HookSite.global(HookPoint.FINAL_NORM);
            RunResult result = model.run(RunRequest.builder(prompts).batchSize(3).padding(padding).capture(finalNorm)
                    .plan(plan).build());
            for (int p = 0; p < prompts.size(); p++) {
                int prompt = p;
                int keys = prompts.get(p).length;
                ActivationEdit expectedEdit = (position, x) -> {
                    x[keys + Math.min(prompt + 1, position)] += 3;
                    return x;
                };
                ReferenceForward expected = reference.run(Fixtures.toInts(prompts.get(p)),
                        Map.of(scores1.id(), expectedEdit));
                InterventionTest.assertClose(expected.activation(finalNorm.id()), result.capture(finalNorm, p),
                        padding + " prompt " + p);
            }
        }
    }

    @ParameterizedTest
    @EnumSource(value = Family.class, names = {"GPT2", "MISTRAL"})
    void editsDuringCachedGenerationEqualRecomputationAndTheReference(Family family) throws Exception {
        long[] prompt = Arrays.copyOf(Fixtures.sampleTokens(family), 6);
        Path dir = Fixtures.checkpoint(family);
        try (HookedTransformer model = HookedTransformer.load(dir)) {
            int heads = model.spec().headCount();
            HookSite pattern0 = HookSite.of(HookPoint.ATTN_PATTERN, 0);
            // halves head 0's attention to the first token: the row grows by one key per generated token
            List<Integer> widths = new ArrayList<>();
            ActivationFunction halveFirst = (p, position, row) -> {
                widths.add(row.length);
                row[0] *= 0.5f;
                return row;
            };
            InterventionPlan plan = InterventionPlan.of("halve",
                    new FunctionEdit(pattern0, Positions.all(), "halve first key", halveFirst));
            GenerationSettings greedy = GenerationSettings.greedy(6).withStopTokens();
            HookSite finalNorm = HookSite.global(HookPoint.FINAL_NORM);
            List<SiteActivations> captured = new ArrayList<>();
            GenerationResult cached = model.generate(new GenerationRequest(prompt, greedy, plan, Set.of(finalNorm),
                    (s, b) -> captured.addAll(b), null, null));
            assertEquals(List.of(6 * heads, 7 * heads, 8 * heads), widths.subList(5, 8),
                    "a cached step's row has every key so far");
            GenerationResult recomputed = model.generate(GenerationRequest.of(prompt, greedy.withKvCache(false))
                    .withPlan(plan));
            assertArrayEquals(recomputed.generatedTokens(), cached.generatedTokens(), family.toString());
            long[] sequence = Arrays.copyOf(prompt, prompt.length + cached.generatedTokens().length - 1);
            System.arraycopy(cached.generatedTokens(), 0, sequence, prompt.length,
                    cached.generatedTokens().length - 1);
            ReferenceForward expected = ReferenceModel.load(dir).run(Fixtures.toInts(sequence), Map.of(pattern0.id(),
                    (position, x) -> {
                        x[0] *= 0.5;
                        return x;
                    }));
            SiteActivations merged = captured.get(0);
            for (int i = 1; i < captured.size(); i++) {
                merged = merged.append(captured.get(i));
            }
            InterventionTest.assertClose(expected.activation(finalNorm.id()), merged, family + " final_norm");
        }
    }

    @Test
    void rowsOfTheWrongWidthAreRefused() throws Exception {
        try (HookedTransformer model = HookedTransformer.load(Fixtures.checkpoint(Family.LLAMA))) {
            long[] tokens = Fixtures.sampleTokens(Family.LLAMA);
            int heads = model.spec().headCount();
            HookSite scores = HookSite.of(HookPoint.ATTN_SCORES, 0);
            var notHeads = assertThrows(IllegalArgumentException.class, () -> model.run(RunRequest.builder(tokens)
                    .plan(InterventionPlan.of("w", new AddVector(scores, Positions.all(), new float[heads * 2 + 1],
                            1))).build()));
            assertTrue(notHeads.getMessage().contains(heads + " heads"), notHeads.getMessage());
            var otherPrompt = assertThrows(IllegalArgumentException.class, () -> model.run(RunRequest.builder(tokens)
                    .plan(InterventionPlan.of("w", new AddVector(scores, Positions.last(),
                            new float[heads * (tokens.length + 1)], 1))).build()));
            assertTrue(otherPrompt.getMessage().contains(heads + " heads x " + tokens.length + " keys"),
                    otherPrompt.getMessage());
            var function = assertThrows(IllegalArgumentException.class, () -> model.run(RunRequest.builder(tokens)
                    .plan(InterventionPlan.of("f", new FunctionEdit(HookSite.of(HookPoint.ATTN_PATTERN, 1),
                            Positions.last(), "truncate", (p, t, row) -> new float[3]))).build()));
            assertTrue(function.getMessage().contains("truncate"), function.getMessage());
        }
    }

    /** A capture's [head, query, key] values as Patch rows [query][head * key]. */
    static float[] queryRows(SiteActivations capture) {
        long[] shape = capture.shape();
        int heads = (int) shape[0];
        int queries = (int) shape[1];
        int keys = (int) shape[2];
        float[] values = capture.values();
        float[] rows = new float[values.length];
        for (int h = 0; h < heads; h++) {
            for (int q = 0; q < queries; q++) {
                System.arraycopy(values, (h * queries + q) * keys, rows, (q * heads + h) * keys, keys);
            }
        }
        return rows;
    }

    /**
     * Reference [head][query][key] against a capture [head, query, key]; masked scores are -inf in both. Returns the
     * largest difference.
     */
    static double assertQueryKeyClose(double[][][] want, SiteActivations got, String what) {
        float[] values = got.values();
        double worst = 0;
        int k = 0;
        for (double[][] head : want) {
            for (double[] query : head) {
                for (double w : query) {
                    float g = values[k++];
                    double diff = Double.isInfinite(w) && g == w ? 0 : Math.abs(w - g);
                    if (!(diff <= FidelityTest.TOLERANCE)) {
                        throw new AssertionError(what + " [" + (k - 1) + "]: expected " + w + " got " + g);
                    }
                    worst = Math.max(worst, diff);
                }
            }
        }
        assertEquals(k, values.length, what);
        return worst;
    }
}
