package io.mechanist.runtime.tests;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.atomic.AtomicInteger;

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
import io.mechanist.runtime.intervention.AddVector;
import io.mechanist.runtime.intervention.InterventionPlan;
import io.mechanist.runtime.intervention.Positions;

/** Padding must not change any prompt's numbers: batched runs equal one-by-one runs, left or right padded. */
class BatchingTest {
    private static final double TOLERANCE = 2e-5;

    /** Prompts of lengths 17, 5, 11, 1 and 14 cut from the fixture prompt. */
    static List<long[]> prompts(Family family) {
        long[] sample = Fixtures.sampleTokens(family);
        List<long[]> out = new ArrayList<>();
        out.add(sample);
        out.add(Arrays.copyOfRange(sample, 0, 5));
        out.add(Arrays.copyOfRange(sample, 3, 14));
        out.add(Arrays.copyOfRange(sample, 2, 3));
        out.add(Arrays.copyOfRange(sample, 1, 15));
        return out;
    }

    @ParameterizedTest
    @EnumSource(value = Family.class, names = {"GPT2", "MISTRAL", "GEMMA2", "GEMMA3_TEXT", "QWEN3"})
    void batchedEqualsOneByOneWithLeftAndRightPadding(Family family) throws Exception {
        List<long[]> prompts = prompts(family);
        try (HookedTransformer model = HookedTransformer.load(Fixtures.checkpoint(family))) {
            List<HookSite> sites = model.hookSites();
            float[] steer = InterventionTest.randomVector(model.spec().dModel(), 5);
            InterventionPlan plan = InterventionPlan.of("steer",
                    new AddVector(HookSite.of(HookPoint.RESID_PRE, 1), Positions.of(0, -1), steer, 2.0));
            for (InterventionPlan p : List.of(InterventionPlan.none(), plan)) {
                List<RunResult> single = new ArrayList<>();
                for (long[] prompt : prompts) {
                    single.add(model.run(RunRequest.builder(prompt).capture(sites).plan(p).build()));
                }
                for (Padding padding : Padding.values()) {
                    RunResult batched = model.run(RunRequest.builder(prompts).batchSize(prompts.size())
                            .padding(padding).capture(sites).plan(p).build());
                    for (int i = 0; i < prompts.size(); i++) {
                        String what = family + " " + padding + " " + p.name() + " prompt " + i;
                        assertArrayEqualsWithin(single.get(i).lastLogits(0), batched.lastLogits(i), what + " logits");
                        for (HookSite site : sites) {
                            SiteActivations one = single.get(i).capture(site, 0);
                            SiteActivations many = batched.capture(site, i);
                            assertEquals(i, many.prompt());
                            assertArrayEquals(one.shape(), many.shape(), what + " " + site.id());
                            assertArrayEquals(one.positions(), many.positions(), what + " " + site.id());
                            assertArrayEqualsWithin(one.values(), many.values(), what + " " + site.id());
                        }
                    }
                }
            }
        }
    }

    @Test
    void capturePositionsSinkProgressAndCancel() throws Exception {
        List<long[]> prompts = prompts(Family.LLAMA);
        HookSite site = HookSite.of(HookPoint.RESID_POST, 2);
        try (HookedTransformer model = HookedTransformer.load(Fixtures.checkpoint(Family.LLAMA))) {
            RunResult full = model.run(RunRequest.builder(prompts).batchSize(2).capture(site).build());
            List<SiteActivations> sunk = new ArrayList<>();
            List<Integer> progress = new ArrayList<>();
            RunResult lastOnly = model.run(RunRequest.builder(prompts).batchSize(2).capture(site)
                    .positions(Positions.of(0, -1)).sink((s, batch) -> sunk.addAll(batch))
                    .progress((done, total) -> progress.add(done)).build());
            assertEquals(List.of(2, 4, 5), progress);
            assertEquals(0, lastOnly.captures().size(), "captures went to the sink");
            assertEquals(prompts.size(), sunk.size());
            for (SiteActivations a : sunk) {
                int n = prompts.get(a.prompt()).length;
                int[] expectedPositions = n == 1 ? new int[] {0} : new int[] {0, n - 1};
                assertArrayEquals(expectedPositions, a.positions());
                SiteActivations all = full.capture(site, a.prompt());
                for (int p : expectedPositions) {
                    assertArrayEquals(all.rowAt(p), a.rowAt(p));
                }
            }
            AtomicInteger polls = new AtomicInteger();
            assertThrows(CancellationException.class, () -> model.run(RunRequest.builder(prompts).batchSize(2)
                    .cancelled(() -> polls.incrementAndGet() > 1).build()));
        }
    }

    @Test
    void concurrentRunsOnOneModelGiveTheSameNumbers() throws Exception {
        List<long[]> prompts = prompts(Family.QWEN2);
        HookSite site = HookSite.of(HookPoint.RESID_MID, 1);
        try (HookedTransformer model = HookedTransformer.load(Fixtures.checkpoint(Family.QWEN2))) {
            RunRequest request = RunRequest.builder(prompts).batchSize(2).capture(site).build();
            RunResult expected = model.run(request);
            var pool = java.util.concurrent.Executors.newFixedThreadPool(3);
            try {
                List<java.util.concurrent.Future<RunResult>> futures = new ArrayList<>();
                for (int i = 0; i < 6; i++) {
                    futures.add(pool.submit(() -> model.run(request)));
                }
                for (var future : futures) {
                    RunResult got = future.get();
                    for (int p = 0; p < prompts.size(); p++) {
                        assertArrayEquals(expected.capture(site, p).values(), got.capture(site, p).values());
                        assertArrayEquals(expected.lastLogits(p), got.lastLogits(p));
                    }
                }
            } finally {
                pool.shutdown();
            }
        }
    }

    static void assertArrayEqualsWithin(float[] want, float[] got, String what) {
        assertEquals(want.length, got.length, what + " length");
        for (int i = 0; i < want.length; i++) {
            // masked attention scores are -inf in both
            if (!(want[i] == got[i] || Math.abs(want[i] - got[i]) <= TOLERANCE)) {
                throw new AssertionError(what + " [" + i + "]: " + want[i] + " vs " + got[i]);
            }
        }
    }
}
