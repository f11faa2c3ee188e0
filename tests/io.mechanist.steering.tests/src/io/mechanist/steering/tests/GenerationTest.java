package io.mechanist.steering.tests;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.mechanist.runtime.HookedTransformer;
import io.mechanist.runtime.generate.GenerationRequest;
import io.mechanist.runtime.generate.GenerationResult;
import io.mechanist.runtime.generate.GenerationSettings;
import io.mechanist.testing.checkpoints.TinyTokenizer;
import io.mechanist.steering.SteeredGeneration;
import io.mechanist.steering.SteeringVectors;

/** Steered vs unsteered generation: same seed, same tokens; streamed; cancellable. */
class GenerationTest {

    @TempDir
    Path dir;

    @Test
    void sameSeedGivesTheSameGenerations() throws Exception {
        Path checkpoint = SteeringFixtures.checkpoint(dir);
        long[] prompt = SteeringFixtures.toLongs(TinyTokenizer.encode("question the cat is big ? answer", false));
        GenerationSettings settings = GenerationSettings.sampling(12, 0.9, 0.95, 77).withStopTokens(-1);
        try (HookedTransformer model = HookedTransformer.load(checkpoint)) {
            var steering = new SteeredGeneration.Steering(SteeringFixtures.residPost(0),
                    SteeringVectors.random("blocks.0.resid_post", 32, 1, 3).values(), 40.0,
                    io.mechanist.runtime.intervention.Positions.all());
            List<String> streamed = Collections.synchronizedList(new ArrayList<>());
            SteeredGeneration.Pair first = SteeredGeneration.generate(model, prompt, settings, steering,
                    (side, step, token, delta) -> streamed.add(side + ":" + step + ":" + token), null);
            SteeredGeneration.Pair second = SteeredGeneration.generate(model, prompt, settings, steering, null, null);
            assertArrayEquals(first.unsteered().generatedTokens(), second.unsteered().generatedTokens());
            assertArrayEquals(first.steered().generatedTokens(), second.steered().generatedTokens());
            assertEquals(12, first.steered().generatedTokens().length);
            GenerationResult plain = model.generate(GenerationRequest.of(prompt, settings));
            assertArrayEquals(plain.generatedTokens(), first.unsteered().generatedTokens(),
                    "the unsteered side is a plain generation with the same settings");
            assertFalse(java.util.Arrays.equals(first.unsteered().generatedTokens(), first.steered().generatedTokens()),
                    "a strong vector changes the continuation");
            for (SteeredGeneration.Side side : SteeredGeneration.Side.values()) {
                long[] tokens = (side == SteeredGeneration.Side.STEERED ? first.steered() : first.unsteered())
                        .generatedTokens();
                for (int step = 0; step < tokens.length; step++) {
                    assertEquals(true, streamed.contains(side + ":" + step + ":" + tokens[step]), side + " step " + step);
                }
            }
            assertEquals(24, streamed.size());
        }
    }

    @Test
    void cancelStopsBothSides() throws Exception {
        Path checkpoint = SteeringFixtures.checkpoint(dir);
        long[] prompt = SteeringFixtures.toLongs(TinyTokenizer.encode("the dog runs", false));
        GenerationSettings settings = GenerationSettings.greedy(50).withStopTokens(-1);
        AtomicInteger tokens = new AtomicInteger();
        try (HookedTransformer model = HookedTransformer.load(checkpoint)) {
            var steering = new SteeredGeneration.Steering(SteeringFixtures.residPost(1),
                    SteeringVectors.random("blocks.1.resid_post", 32, 1, 3).values(), 5.0,
                    io.mechanist.runtime.intervention.Positions.all());
            SteeredGeneration.Pair pair = SteeredGeneration.generate(model, prompt, settings, steering,
                    (side, step, token, delta) -> tokens.incrementAndGet(), () -> tokens.get() >= 6);
            assertEquals(GenerationResult.StopReason.CANCELLED, pair.unsteered().stopReason());
            assertEquals(GenerationResult.StopReason.CANCELLED, pair.steered().stopReason());
        }
    }
}
