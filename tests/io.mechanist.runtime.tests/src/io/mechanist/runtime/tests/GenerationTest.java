package io.mechanist.runtime.tests;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import io.mechanist.core.hooks.HookPoint;
import io.mechanist.core.hooks.HookSite;
import io.mechanist.runtime.Family;
import io.mechanist.runtime.HookedTransformer;
import io.mechanist.runtime.SiteActivations;
import io.mechanist.runtime.generate.GenerationRequest;
import io.mechanist.runtime.generate.GenerationResult;
import io.mechanist.runtime.generate.GenerationSettings;
import io.mechanist.runtime.intervention.AddVector;
import io.mechanist.runtime.intervention.InterventionPlan;
import io.mechanist.runtime.intervention.Positions;
import io.mechanist.runtime.reference.ActivationEdit;
import io.mechanist.runtime.reference.ReferenceForward;
import io.mechanist.runtime.reference.ReferenceModel;

/** Greedy and sampled generation, with and without a KV cache and interventions. */
class GenerationTest {
    private static final int NEW_TOKENS = 12;

    private static long[] prompt(Family family) {
        return java.util.Arrays.copyOf(Fixtures.sampleTokens(family), 6);
    }

    private static GenerationSettings noStop(GenerationSettings s) {
        return s.withStopTokens();
    }

    @ParameterizedTest
    @EnumSource(Family.class)
    void kvCacheEqualsRecomputationAndTheReference(Family family) throws Exception {
        long[] prompt = prompt(family);
        var dir = Fixtures.checkpoint(family);
        try (HookedTransformer model = HookedTransformer.load(dir)) {
            float[] steer = InterventionTest.randomVector(model.spec().dModel(), 9);
            HookSite site = HookSite.of(HookPoint.RESID_POST, 0);
            InterventionPlan plan = InterventionPlan.of("steer", new AddVector(site, Positions.all(), steer, 1.5));
            for (InterventionPlan p : List.of(InterventionPlan.none(), plan)) {
                GenerationSettings greedy = noStop(GenerationSettings.greedy(NEW_TOKENS));
                List<SiteActivations> cachedLogits = new ArrayList<>();
                HookSite finalNorm = HookSite.global(HookPoint.FINAL_NORM);
                GenerationResult cached = model.generate(new GenerationRequest(prompt, greedy, p,
                        java.util.Set.of(finalNorm), (s, b) -> cachedLogits.addAll(b), null, null));
                GenerationResult recomputed = model.generate(GenerationRequest.of(prompt, greedy.withKvCache(false))
                        .withPlan(p));
                assertEquals(NEW_TOKENS, cached.generatedTokens().length);
                assertArrayEquals(recomputed.generatedTokens(), cached.generatedTokens(), family + " " + p.name());
                // The cached passes' final-norm activations equal the reference over prompt + generated tokens.
                long[] sequence = concat(prompt, cached.generatedTokens());
                Map<String, ActivationEdit> edits = p.isEmpty() ? Map.of()
                        : Map.of(site.id(), ActivationEdit.addVector(InterventionTest.toDouble(steer), 1.5));
                ReferenceForward expected = ReferenceModel.load(dir).run(
                        Fixtures.toInts(java.util.Arrays.copyOf(sequence, sequence.length - 1)), edits);
                SiteActivations merged = cachedLogits.get(0);
                for (int i = 1; i < cachedLogits.size(); i++) {
                    merged = merged.append(cachedLogits.get(i));
                }
                InterventionTest.assertClose(expected.activation(finalNorm.id()), merged, family + " final_norm");
            }
            GenerationResult plain = model.generate(GenerationRequest.of(prompt, noStop(GenerationSettings.greedy(
                    NEW_TOKENS))));
            GenerationResult steered = model.generate(GenerationRequest.of(prompt, noStop(GenerationSettings.greedy(
                    NEW_TOKENS))).withPlan(InterventionPlan.of("big", new AddVector(site, Positions.all(), steer, 40))));
            assertFalse(java.util.Arrays.equals(plain.generatedTokens(), steered.generatedTokens()),
                    "a strong steering vector changes the greedy continuation");
        }
    }

    @Test
    void samplingIsReproducibleBySeedAndStreams() throws Exception {
        long[] prompt = prompt(Family.QWEN2);
        try (HookedTransformer model = HookedTransformer.load(Fixtures.checkpoint(Family.QWEN2))) {
            GenerationSettings settings = noStop(GenerationSettings.sampling(NEW_TOKENS, 1.5, 0.9, 42));
            List<Long> streamed = new ArrayList<>();
            StringBuilder text = new StringBuilder();
            GenerationResult a = model.generate(GenerationRequest.of(prompt, settings).withListener((step, token, delta) -> {
                assertEquals(streamed.size(), step);
                streamed.add(token);
                text.append(delta);
            }));
            GenerationResult b = model.generate(GenerationRequest.of(prompt, settings));
            GenerationResult recomputed = model.generate(GenerationRequest.of(prompt, settings.withKvCache(false)));
            assertArrayEquals(a.generatedTokens(), b.generatedTokens());
            assertArrayEquals(a.generatedTokens(), recomputed.generatedTokens());
            assertArrayEquals(a.generatedTokens(), streamed.stream().mapToLong(Long::longValue).toArray());
            assertEquals(a.text(), text.toString());
            assertEquals(model.tokenizer().decode(a.generatedTokens(), false), a.text());
            boolean anyDifferent = false;
            for (long seed = 43; seed < 48 && !anyDifferent; seed++) {
                GenerationResult other = model.generate(GenerationRequest.of(prompt,
                        noStop(GenerationSettings.sampling(NEW_TOKENS, 1.5, 0.9, seed))));
                anyDifferent = !java.util.Arrays.equals(a.generatedTokens(), other.generatedTokens());
            }
            assertTrue(anyDifferent, "other seeds give other samples");
        }
    }

    @Test
    void stopTokensAndCancellation() throws Exception {
        long[] prompt = prompt(Family.LLAMA);
        try (HookedTransformer model = HookedTransformer.load(Fixtures.checkpoint(Family.LLAMA))) {
            GenerationResult free = model.generate(GenerationRequest.of(prompt, noStop(GenerationSettings.greedy(8))));
            long third = free.generatedTokens()[2];
            GenerationResult stopped = model.generate(GenerationRequest.of(prompt,
                    GenerationSettings.greedy(8).withStopTokens(third)));
            assertEquals(GenerationResult.StopReason.STOP_TOKEN, stopped.stopReason());
            int firstStop = 0;
            while (free.generatedTokens()[firstStop] != third) {
                firstStop++;
            }
            assertEquals(firstStop + 1, stopped.generatedTokens().length);
            int[] polls = {0};
            GenerationResult cancelled = model.generate(GenerationRequest.of(prompt,
                    noStop(GenerationSettings.greedy(8))).withCancel(() -> ++polls[0] > 3));
            assertEquals(GenerationResult.StopReason.CANCELLED, cancelled.stopReason());
            assertEquals(3, cancelled.generatedTokens().length);
            assertEquals(GenerationResult.StopReason.MAX_TOKENS, free.stopReason());
        }
    }

    @ParameterizedTest
    @EnumSource(value = Family.class, names = {"LLAMA", "GEMMA2"})
    void batchedGenerationEqualsOneByOne(Family family) throws Exception {
        List<long[]> prompts = BatchingTest.prompts(family);
        try (HookedTransformer model = HookedTransformer.load(Fixtures.checkpoint(family))) {
            float[] steer = InterventionTest.randomVector(model.spec().dModel(), 11);
            InterventionPlan plan = InterventionPlan.of("steer",
                    new AddVector(HookSite.of(HookPoint.RESID_MID, 1), Positions.of(-1), steer, 2));
            GenerationSettings sampling = noStop(GenerationSettings.sampling(8, 1.2, 0.95, 5));
            for (GenerationSettings settings : List.of(sampling, sampling.withKvCache(false))) {
                List<List<Long>> streamed = new ArrayList<>();
                prompts.forEach(p -> streamed.add(new ArrayList<>()));
                List<GenerationResult> batched = model.generate(prompts, settings, plan, java.util.Set.of(), null,
                        (prompt, step, token, delta) -> streamed.get(prompt).add(token), null);
                for (int i = 0; i < prompts.size(); i++) {
                    GenerationResult alone = model.generate(GenerationRequest.of(prompts.get(i), settings)
                            .withPlan(plan));
                    assertArrayEquals(alone.generatedTokens(), batched.get(i).generatedTokens(), family + " prompt " + i
                            + " kv=" + settings.useKvCache());
                    assertEquals(alone.text(), batched.get(i).text());
                    assertArrayEquals(alone.generatedTokens(),
                            streamed.get(i).stream().mapToLong(Long::longValue).toArray());
                }
            }
            // Per-prompt stop: each prompt stops at its own first stop token, the others go on.
            List<GenerationResult> free = model.generate(prompts, noStop(GenerationSettings.greedy(8)),
                    InterventionPlan.none(), java.util.Set.of(), null, null, null);
            long stop = free.get(0).generatedTokens()[1];
            List<GenerationResult> stopped = model.generate(prompts, GenerationSettings.greedy(8).withStopTokens(stop),
                    InterventionPlan.none(), java.util.Set.of(), null, null, null);
            for (int i = 0; i < prompts.size(); i++) {
                long[] all = free.get(i).generatedTokens();
                int end = 0;
                while (end < all.length && all[end] != stop) {
                    end++;
                }
                int expectedLength = end < all.length ? end + 1 : all.length;
                assertArrayEquals(java.util.Arrays.copyOf(all, expectedLength), stopped.get(i).generatedTokens());
                assertEquals(end < all.length ? GenerationResult.StopReason.STOP_TOKEN
                        : GenerationResult.StopReason.MAX_TOKENS, stopped.get(i).stopReason());
            }
        }
    }

    private static long[] concat(long[] a, long[] b) {
        long[] out = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
