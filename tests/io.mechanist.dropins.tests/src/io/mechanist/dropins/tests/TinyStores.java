package io.mechanist.dropins.tests;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import io.mechanist.core.activations.PromptInfo;
import io.mechanist.model.MechanistFactory;
import io.mechanist.model.ModelRef;
import io.mechanist.store.ActivationStore;
import io.mechanist.store.CaptureSpec;
import io.mechanist.store.CaptureWriter;

/** A store with capture "c" of 3 prompts x 2 tokens at {@link PluginJars#SITE}, width 3; value = p + pos + j/10. */
final class TinyStores {

    static final int PROMPTS = 3;
    static final int WIDTH = 3;

    private TinyStores() {
    }

    static float value(int prompt, int position, int j) {
        return prompt + position + j / 10f;
    }

    static void create(Path folder) throws IOException {
        try (ActivationStore store = ActivationStore.create(folder, "tiny")) {
            store.update(s -> {
                ModelRef model = MechanistFactory.eINSTANCE.createModelRef();
                model.setId("m");
                model.setName("m");
                model.setNumLayers(1);
                model.setDModel(WIDTH);
                s.getModels().add(model);
            });
            List<PromptInfo> prompts = new java.util.ArrayList<>();
            for (int p = 0; p < PROMPTS; p++) {
                prompts.add(new PromptInfo(p, "prompt " + p, new int[] {1, 2}, List.of(" a", " b"), Map.of(), null, null));
            }
            store.addDataset("d", "d", prompts);
            try (CaptureWriter writer = store.beginCapture(CaptureSpec.of("m", "d").id("c").site(PluginJars.SITE, WIDTH))) {
                for (int p = 0; p < PROMPTS; p++) {
                    float[] rows = new float[2 * WIDTH];
                    for (int pos = 0; pos < 2; pos++) {
                        for (int j = 0; j < WIDTH; j++) {
                            rows[pos * WIDTH + j] = value(p, pos, j);
                        }
                    }
                    writer.writePrompt(p, Map.of(PluginJars.SITE, rows));
                }
                writer.complete();
            }
        }
    }
}
