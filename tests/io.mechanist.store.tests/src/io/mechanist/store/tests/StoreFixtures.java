package io.mechanist.store.tests;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.mechanist.core.activations.PromptInfo;
import io.mechanist.model.MechanistFactory;
import io.mechanist.model.ModelRef;
import io.mechanist.store.ActivationStore;
import io.mechanist.store.CaptureSpec;
import io.mechanist.store.CaptureWriter;

/** Deterministic stores for tests: prompts of varying length and activations given by a closed formula. */
public final class StoreFixtures {

    public static final String MODEL = "tiny";
    public static final String DATASET = "questions";

    private StoreFixtures() {
    }

    /** The activation of site number {@code site} of prompt {@code p} at token {@code pos}, component {@code j}. */
    public static float value(int site, int p, int pos, int j) {
        return (float) (Math.sin(p * 0.37 + pos * 1.3 + site * 0.7 + j * 0.011) * (1 + pos));
    }

    /** Token count of prompt {@code p}: 3..9 tokens. */
    public static int tokenCount(int p) {
        return 3 + (p * 5) % 7;
    }

    public static List<PromptInfo> prompts(int count) {
        List<PromptInfo> prompts = new ArrayList<>();
        for (int p = 0; p < count; p++) {
            int n = tokenCount(p);
            int[] ids = new int[n];
            List<String> tokens = new ArrayList<>();
            for (int t = 0; t < n; t++) {
                ids[t] = 100 + p + t;
                tokens.add(" t" + t);
            }
            prompts.add(new PromptInfo(p, "prompt number " + p, ids, tokens,
                    Map.of("answer", p % 2 == 0 ? "A" : "B", "index", Integer.toString(p)), "g" + (p / 3),
                    p % 2 == 0 ? "pair" + p / 2 : null));
        }
        return prompts;
    }

    /** A new store in {@code folder} with model {@value #MODEL} and dataset {@value #DATASET} of {@code prompts} prompts. */
    public static ActivationStore newStore(Path folder, int prompts) throws IOException {
        ActivationStore store = ActivationStore.create(folder, "test store");
        store.update(s -> {
            ModelRef model = MechanistFactory.eINSTANCE.createModelRef();
            model.setId(MODEL);
            model.setName("Tiny test model");
            model.setFamily("gpt2");
            model.setArchitecture("GPT2LMHeadModel");
            model.setNumLayers(2);
            model.setDModel(8);
            model.getConfig().put("n_positions", "64");
            s.getModels().add(model);
        });
        store.addDataset(DATASET, "Questions", prompts(prompts));
        return store;
    }

    /** The rows {@code writer} expects for prompt {@code p}, for sites numbered in {@code siteIds} order. */
    public static Map<String, float[]> rows(CaptureWriter writer, List<String> siteIds, int width, int p) {
        int[] positions = writer.positions(p);
        java.util.LinkedHashMap<String, float[]> rows = new java.util.LinkedHashMap<>();
        for (int s = 0; s < siteIds.size(); s++) {
            float[] values = new float[positions.length * width];
            for (int r = 0; r < positions.length; r++) {
                for (int j = 0; j < width; j++) {
                    values[r * width + j] = value(s, p, positions[r], j);
                }
            }
            rows.put(siteIds.get(s), values);
        }
        return rows;
    }

    /** Writes prompts {@code from .. to-1} of a capture. */
    public static void writePrompts(CaptureWriter writer, List<String> siteIds, int width, int from, int to)
            throws IOException {
        for (int p = from; p < to; p++) {
            writer.writePrompt(p, rows(writer, siteIds, width, p));
        }
    }

    /** {@code file size sha256} of each committed shard of a capture, in order, as store.xmi records them. */
    public static List<String> shardDigests(ActivationStore store, String captureId) {
        return store.read(s -> s.getCaptures().stream().filter(c -> c.getId().equals(captureId)).findFirst()
                .orElseThrow().getShards().stream()
                .map(shard -> shard.getFile() + " " + shard.getSize() + " " + shard.getSha256()).toList());
    }

    /**
     * The shard digests of capture {@code captureId} written without interruption, in a new store in
     * {@code folder} over {@code prompts} prompts, with the given sites, width and shard size.
     */
    public static List<String> uninterruptedDigests(Path folder, int prompts, String captureId, List<String> siteIds,
            int width, long shardBytes) throws IOException {
        try (ActivationStore store = newStore(folder, prompts);
                CaptureWriter writer = store.beginCapture(spec(captureId, siteIds, width).shardBytes(shardBytes))) {
            writePrompts(writer, siteIds, width, 0, prompts);
            writer.complete();
            return shardDigests(store, captureId);
        }
    }

    /** A spec over the fixture model and dataset with the given residual sites of width {@code width}. */
    public static CaptureSpec spec(String id, List<String> siteIds, int width) {
        CaptureSpec spec = CaptureSpec.of(MODEL, DATASET).id(id);
        for (String site : siteIds) {
            spec.site(site, width);
        }
        return spec;
    }
}
