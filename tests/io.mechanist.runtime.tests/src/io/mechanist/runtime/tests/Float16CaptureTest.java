package io.mechanist.runtime.tests;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import org.junit.jupiter.api.Test;

import io.mechanist.core.hooks.HookSite;
import io.mechanist.core.tensor.HalfFloats;
import io.mechanist.runtime.ActivationSink;
import io.mechanist.runtime.Family;
import io.mechanist.runtime.Float16Rows;
import io.mechanist.runtime.HookedTransformer;
import io.mechanist.runtime.RunRequest;
import io.mechanist.runtime.SiteActivations;
import io.mechanist.runtime.intervention.InterventionPlan;
import io.mechanist.runtime.intervention.Patch;
import io.mechanist.runtime.intervention.Positions;

/**
 * A sink that keeps float16 gets the runtime's captures narrowed by libtorch: these must be the bits that
 * {@link HalfFloats#floatToF16} (the store's own narrowing) gives for the float32 capture of the same pass, for every
 * kind of value: ties, the largest finite half and the overflow past it, subnormal halves, values that round to zero,
 * float32 subnormals, infinities, signed zeros and NaNs with payloads.
 */
class Float16CaptureTest {

    /** Values the rounding rules single out, planted into the residual stream by a patch. */
    private static final float[] EDGES = {
        0f, -0f, 1f, -1f, 1 + 0x1p-11f, 1 + 3 * 0x1p-11f, 1 + 0x1p-12f, 65504f, 65519.996f, 65520f, -65520f, 1e9f,
        0x1p-14f, 0x1p-24f, -0x1p-24f, 0x1p-25f, 3 * 0x1p-25f, 0x1.8p-25f, 0x1p-26f, 1e-40f, -1e-40f, 5.96e-8f,
        6.1e-5f, Float.POSITIVE_INFINITY, Float.NEGATIVE_INFINITY, Float.NaN, Float.intBitsToFloat(0x7fc0_1234),
        Float.intBitsToFloat(0xffc7_ffff), Float.intBitsToFloat(0x7f80_0001), Float.MAX_VALUE, Float.MIN_NORMAL,
    };

    @Test
    void float16CapturesAreTheStoresNarrowingOfTheFloat32Ones() throws Exception {
        try (HookedTransformer model = HookedTransformer.load(Fixtures.checkpoint(Family.LLAMA))) {
            long[] tokens = Fixtures.sampleTokens(Family.LLAMA);
            int width = model.spec().dModel();
            HookSite planted = HookSite.parse("blocks.0.resid_post");
            HookSite untouched = HookSite.parse("blocks.1.resid_post");
            float[] source = new float[tokens.length * width];
            Random random = new Random(7);
            for (int i = 0; i < source.length; i++) {
                // the edges, then values spread over the whole half range (and past it) at random
                source[i] = i < EDGES.length ? EDGES[i]
                        : (float) (random.nextGaussian() * Math.pow(2, random.nextInt(50) - 30));
            }
            InterventionPlan plan = InterventionPlan.of("plant",
                    new Patch(planted, Positions.all(), tokens.length, source));

            // the planted site (NaNs and infinities flow on from there), and another site of an unedited pass
            Map<HookSite, SiteActivations> floats = new HashMap<>();
            Map<HookSite, Float16Rows> halves = new HashMap<>();
            capture(model, RunRequest.builder(tokens).capture(planted).plan(plan), floats, halves);
            capture(model, RunRequest.builder(tokens).capture(untouched), floats, halves);

            float[] plantedFloats = floats.get(planted).values();
            for (int i = 0; i < EDGES.length; i++) {
                if (!Float.isNaN(EDGES[i])) {
                    assertEquals(Float.floatToRawIntBits(EDGES[i] == 0 ? 0f : EDGES[i]),
                            Float.floatToRawIntBits(plantedFloats[i] == 0 ? 0f : plantedFloats[i]),
                            "planted value " + i + " reaches the capture unchanged");
                }
            }
            for (HookSite site : List.of(planted, untouched)) {
                SiteActivations expected = floats.get(site);
                Float16Rows actual = halves.get(site);
                assertArrayEquals(expected.positions(), actual.positions(), site.id());
                assertArrayEquals(expected.shape(), actual.shape(), site.id());
                short[] bits = actual.bits();
                float[] values = expected.values();
                List<String> wrong = new ArrayList<>();
                for (int i = 0; i < values.length; i++) {
                    short want = HalfFloats.floatToF16(values[i]);
                    if (bits[i] != want && wrong.size() < 10) {
                        wrong.add(String.format("%s: value %d = %s (0x%08x): got 0x%04x, want 0x%04x", site.id(), i,
                                values[i], Float.floatToRawIntBits(values[i]), bits[i], want));
                    }
                }
                assertTrue(wrong.isEmpty(), String.join("\n", wrong));
            }
        }
    }

    /** Runs the request twice, into a float32 sink and into a float16 one. */
    private static void capture(HookedTransformer model, RunRequest.Builder request,
            Map<HookSite, SiteActivations> floats, Map<HookSite, Float16Rows> halves) {
        model.run(request.sink((site, batch) -> floats.put(site, batch.get(0))).build());
        model.run(request.sink(new ActivationSink() {
            @Override
            public void accept(HookSite site, List<SiteActivations> batch) {
                throw new AssertionError("float32 delivery to a float16 sink at " + site.id());
            }

            @Override
            public boolean wantsFloat16() {
                return true;
            }

            @Override
            public void acceptFloat16(HookSite site, List<Float16Rows> batch) {
                halves.put(site, batch.get(0));
            }
        }).build());
    }
}
