package io.mechanist.testing;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

import io.mechanist.core.activations.PromptInfo;
import io.mechanist.model.MechanistFactory;
import io.mechanist.model.ModelRef;
import io.mechanist.store.ActivationStore;
import io.mechanist.store.CaptureSpec;
import io.mechanist.store.CaptureWriter;

/**
 * A store with one capture written through the store API: the label is readable from layer 2 from the answer
 * marker on, and nowhere else (the planted signal probe tests look for).
 */
public final class PlantedStore {

    public static final int PROMPTS = 120;
    public static final int LAYERS = 3;
    public static final int D = 12;
    public static final String CAPTURE = "planted";

    private PlantedStore() {
    }

    /** Prompts "Q : w0..wk Answer :" of varying length; label A/B alternates by pair, groups of two prompts. */
    public static void write(Path storeFolder) throws Exception {
        List<PromptInfo> prompts = new ArrayList<>();
        for (int p = 0; p < PROMPTS; p++) {
            List<String> tokens = new ArrayList<>(List.of("Q", ":"));
            for (int i = 0; i < 2 + p % 4; i++) {
                tokens.add(" w" + i);
            }
            tokens.addAll(List.of(" Answer", ":"));
            int[] ids = new int[tokens.size()];
            for (int t = 0; t < ids.length; t++) {
                ids[t] = 10 + t;
            }
            prompts.add(new PromptInfo(p, String.join("", tokens), ids, tokens,
                    Map.of("answer", (p / 2) % 2 == 0 ? "A" : "B"), "g" + p / 2, null));
        }
        List<String> sites = new ArrayList<>();
        for (int l = 0; l < LAYERS; l++) {
            sites.add("blocks." + l + ".resid_post");
        }
        try (ActivationStore store = ActivationStore.create(storeFolder, "probe test store")) {
            store.update(s -> {
                ModelRef model = MechanistFactory.eINSTANCE.createModelRef();
                model.setId("tiny");
                model.setName("Tiny");
                model.setFamily("gpt2");
                model.setArchitecture("GPT2LMHeadModel");
                model.setNumLayers(LAYERS);
                model.setDModel(D);
                s.getModels().add(model);
            });
            store.addDataset("questions", "Questions", prompts);
            CaptureSpec spec = CaptureSpec.of("tiny", "questions").id(CAPTURE).allPositions();
            for (String site : sites) {
                spec.site(site, D);
            }
            SplittableRandom random = new SplittableRandom(7);
            try (CaptureWriter writer = store.beginCapture(spec)) {
                for (int p = 0; p < PROMPTS; p++) {
                    int[] positions = writer.positions(p);
                    int anchor = prompts.get(p).tokenCount() - 2;
                    double y = prompts.get(p).labels().get("answer").equals("A") ? 1 : -1;
                    Map<String, float[]> rows = new LinkedHashMap<>();
                    for (int l = 0; l < LAYERS; l++) {
                        float[] values = new float[positions.length * D];
                        for (int r = 0; r < positions.length; r++) {
                            for (int j = 0; j < D; j++) {
                                double signal = l == 2 && positions[r] >= anchor && j < 3 ? 1.5 * y : 0;
                                values[r * D + j] = (float) (random.nextGaussian() + signal);
                            }
                        }
                        rows.put(sites.get(l), values);
                    }
                    writer.writePrompt(p, rows);
                }
                writer.complete();
            }
        }
    }

}
