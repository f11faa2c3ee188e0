package io.mechanist.runtime.reference.tests;

import com.google.gson.JsonNull;
import com.google.gson.JsonObject;
import io.mechanist.runtime.reference.ArchitectureFamily;
import io.mechanist.runtime.reference.ReferenceModel;
import io.mechanist.testing.checkpoints.TinyCheckpoints;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.function.Consumer;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Each architectural feature switched on in a fixture changes the sample prompt's logits, so a runtime that ignores
 * it fails its comparison with the reference.
 */
class FixtureFeaturesMatterTest {

    private static final double VISIBLE = 1e-3;

    @TempDir
    Path temp;

    private double effectOf(ArchitectureFamily family, Consumer<JsonObject> switchOff) throws Exception {
        Path on = TinyCheckpoints.write(family, temp.resolve("on"), 3, TinyCheckpoints.Options.DEFAULT);
        Path off = TinyCheckpoints.write(family, temp.resolve("off"), 3, TinyCheckpoints.Options.DEFAULT);
        ConfigEdits.edit(off, switchOff);
        int[] ids = TinyCheckpoints.sampleTokenIds(family);
        return Checks.maxAbsDiff(ReferenceModel.load(on).run(ids).logits(),
                ReferenceModel.load(off).run(ids).logits());
    }

    private void assertMatters(String feature, double effect) {
        assertTrue(effect > VISIBLE, feature + " changes logits by only " + effect);
    }

    @Test
    void llama3RopeScaling() throws Exception {
        assertMatters("llama3 rope scaling", effectOf(ArchitectureFamily.LLAMA, c -> c.add("rope_scaling", JsonNull.INSTANCE)));
    }

    @Test
    void llama3ScalingMediumBand() throws Exception {
        // Moving only the smoothing band (high_freq_factor) must change the numbers too.
        assertMatters("llama3 smoothing band", effectOf(ArchitectureFamily.LLAMA,
                c -> c.getAsJsonObject("rope_scaling").addProperty("high_freq_factor", 2.0)));
    }

    @Test
    void mistralSlidingWindow() throws Exception {
        assertMatters("mistral sliding window",
                effectOf(ArchitectureFamily.MISTRAL, c -> c.add("sliding_window", JsonNull.INSTANCE)));
    }

    @Test
    void qwen2LinearRopeScaling() throws Exception {
        assertMatters("qwen2 linear rope scaling",
                effectOf(ArchitectureFamily.QWEN2, c -> c.add("rope_scaling", JsonNull.INSTANCE)));
    }

    @Test
    void qwen3SlidingLayers() throws Exception {
        assertMatters("qwen3 sliding window layers",
                effectOf(ArchitectureFamily.QWEN3, c -> c.addProperty("use_sliding_window", false)));
    }

    @Test
    void gemma2Features() throws Exception {
        assertMatters("gemma2 attention soft-capping",
                effectOf(ArchitectureFamily.GEMMA2, c -> c.add("attn_logit_softcapping", JsonNull.INSTANCE)));
        assertMatters("gemma2 final soft-capping",
                effectOf(ArchitectureFamily.GEMMA2, c -> c.add("final_logit_softcapping", JsonNull.INSTANCE)));
        assertMatters("gemma2 sliding window",
                effectOf(ArchitectureFamily.GEMMA2, c -> c.addProperty("sliding_window", 1000)));
        assertMatters("gemma2 query_pre_attn_scalar",
                effectOf(ArchitectureFamily.GEMMA2, c -> c.addProperty("query_pre_attn_scalar", 16)));
    }

    @Test
    void gemma3Features() throws Exception {
        assertMatters("gemma3 local rope base",
                effectOf(ArchitectureFamily.GEMMA3_TEXT, c -> c.addProperty("rope_local_base_freq", 10_000.0)));
        assertMatters("gemma3 global rope scaling",
                effectOf(ArchitectureFamily.GEMMA3_TEXT, c -> c.add("rope_scaling", JsonNull.INSTANCE)));
        assertMatters("gemma3 sliding window",
                effectOf(ArchitectureFamily.GEMMA3_TEXT, c -> c.addProperty("sliding_window", 1000)));
    }
}
