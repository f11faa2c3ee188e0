package io.mechanist.ui.steering.tests;

import static io.mechanist.testing.ui.Workbench.showView;
import static io.mechanist.testing.ui.Workbench.ui;
import static io.mechanist.testing.ui.Workbench.waitUntil;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Path;
import java.util.Arrays;

import org.junit.jupiter.api.Test;

import io.mechanist.core.hooks.HookSite;
import io.mechanist.core.tensor.SafetensorsFile;
import io.mechanist.demo.EmbeddedDemo;
import io.mechanist.runtime.HookedTransformer;
import io.mechanist.runtime.generate.GenerationSettings;
import io.mechanist.runtime.intervention.Positions;
import io.mechanist.saes.DemoSae;
import io.mechanist.steering.SteeredGeneration;
import io.mechanist.steering.SteeringVector;
import io.mechanist.ui.steering.SteeringView;
import io.mechanist.ui.steering.internal.InteractivePanel;
import io.mechanist.ui.steering.internal.PromptReadout;

/**
 * Steering with an SAE feature in the interactive generation: the steered side equals a steering run of the model
 * with that feature's decoder direction, read here straight from the SAE's safetensors file.
 */
class SaeFeatureSteeringTest {
    private static final String PROMPT = "Q : 3 vs 7 . which is larger ? A = 3 B = 7 . think :";
    /** A feature of the demo SAE that fires on 'think' (docs/saes.md). */
    private static final int FEATURE = 115;
    private static final double MULTIPLIER = 3;
    private static final int TOKENS = 16;

    @Test
    void steeredGenerationEqualsASteeringRunWithTheDecoderDirection() throws Exception {
        Path model = EmbeddedDemo.modelFolder();
        Path sae = DemoSae.folder();
        SteeringView view = showView(SteeringView.ID, SteeringView.class);
        InteractivePanel panel = ui(() -> {
            InteractivePanel p = view.interactive();
            p.setModelFolder(model);
            try {
                p.setSaeFeature(sae, FEATURE);
            } catch (java.io.IOException e) {
                throw new AssertionError(e);
            }
            p.setPrompt(PROMPT);
            p.setSampling(TOKENS, 0, 0.95, 1);
            p.setMultiplier(MULTIPLIER);
            return p;
        });
        assertEquals(2, (int) ui(panel::layer), "the SAE's layer (blocks.2.resid_post)");
        assertEquals("sae-decoder from blocks.2.resid_post", ui(panel::vectorText).split(",")[0]);
        assertThrows(IllegalArgumentException.class, () -> ui(() -> {
            try {
                panel.setSaeFeature(sae, 256);
            } catch (java.io.IOException e) {
                throw new AssertionError(e);
            }
            return null;
        }), "d_sae is 256");

        assertNotNull(ui(panel::generate), "generation started");
        waitUntil(() -> !panel.isGenerating() && panel.lastPair() != null, "the generation job ends");
        SteeredGeneration.Pair shown = panel.lastPair();

        float[] direction;
        try (SafetensorsFile weights = SafetensorsFile.open(sae.resolve("sae_weights.safetensors"))) {
            float[] wDec = weights.readFloats("W_dec"); // [d_sae, d_in]
            int dIn = (int) weights.info("W_dec").shape()[1];
            direction = Arrays.copyOfRange(wDec, FEATURE * dIn, (FEATURE + 1) * dIn);
        }
        HookSite site = HookSite.parse("blocks.2.resid_post");
        try (HookedTransformer reference = HookedTransformer.load(model)) {
            long[] tokens = reference.tokenizer().encode(PROMPT);
            double coefficient = MULTIPLIER * PromptReadout.residNorm(reference, tokens, site)
                    / new SteeringVector(site.id(), "x", direction, java.util.Map.of()).norm();
            SteeredGeneration.Pair run = SteeredGeneration.generate(reference, tokens, GenerationSettings.greedy(TOKENS),
                    new SteeredGeneration.Steering(site, direction, coefficient, Positions.all()), null, () -> false);
            assertArrayEquals(run.steered().generatedTokens(), shown.steered().generatedTokens());
            assertArrayEquals(run.unsteered().generatedTokens(), shown.unsteered().generatedTokens());
        }
        assertFalse(Arrays.equals(shown.steered().generatedTokens(), shown.unsteered().generatedTokens()),
                "the feature's direction at x3 changes the generation");
    }
}
