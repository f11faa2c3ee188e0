package io.mechanist.testing;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.mechanist.core.activations.PromptInfo;
import io.mechanist.model.MechanistFactory;
import io.mechanist.model.ModelRef;
import io.mechanist.runtime.reference.ArchitectureFamily;
import io.mechanist.runtime.reference.ReferenceForward;
import io.mechanist.runtime.reference.ReferenceModel;
import io.mechanist.testing.checkpoints.TinyCheckpoints;
import io.mechanist.testing.checkpoints.TinyTokenizer;
import io.mechanist.store.ActivationStore;
import io.mechanist.store.CaptureSpec;
import io.mechanist.store.CaptureWriter;

/**
 * A store with a real capture: a tiny GPT-2 checkpoint run by the reference transformer on two prompts of equal
 * length, every layer's {@code resid_post} and attention pattern at every position, and one stored vector.
 * Shared by the test bundles that need a store to look at (CLI verbs, the Store Navigator).
 */
public final class TinyStore {

    public static final String MODEL = "tiny-gpt2";
    public static final String DATASET = "sample";
    public static final String CAPTURE = "tiny-capture";
    public static final String VECTOR_NAME = "cat direction";
    public static final List<String> TEXTS = List.of("the quick brown fox jumps over the lazy dog",
            "the cat sat on a house . the dog");

    public final Path folder;
    public final int layers;
    public final int dModel;
    public final int heads;
    public final List<ReferenceForward> forwards = new ArrayList<>();
    public final List<List<String>> tokens = new ArrayList<>();

    private TinyStore(Path folder, int layers, int dModel, int heads) {
        this.folder = folder;
        this.layers = layers;
        this.dModel = dModel;
        this.heads = heads;
    }

    public static TinyStore create(Path dir) throws IOException {
        Path checkpoint = TinyCheckpoints.write(ArchitectureFamily.GPT2, dir.resolve(MODEL), 7,
                TinyCheckpoints.Options.DEFAULT);
        ReferenceModel model = ReferenceModel.load(checkpoint);
        List<String> vocabulary = TinyTokenizer.vocabulary();
        List<PromptInfo> prompts = new ArrayList<>();
        List<ReferenceForward> forwards = new ArrayList<>();
        for (int p = 0; p < TEXTS.size(); p++) {
            int[] ids = TinyTokenizer.encode(TEXTS.get(p), false);
            List<String> strings = new ArrayList<>();
            for (int id : ids) {
                strings.add((strings.isEmpty() ? "" : " ") + vocabulary.get(id));
            }
            prompts.add(new PromptInfo(p, TEXTS.get(p), ids, strings, Map.of("answer", p == 0 ? "A" : "B"), "g" + p,
                    null));
            forwards.add(model.run(ids));
        }
        int heads = forwards.get(0).attentionPattern(0).length;
        int positions = prompts.get(0).tokenCount();
        TinyStore tiny = new TinyStore(dir.resolve("store"), model.layerCount(), model.hiddenSize(), heads);
        tiny.forwards.addAll(forwards);
        prompts.forEach(p -> tiny.tokens.add(p.tokens()));

        try (ActivationStore store = ActivationStore.create(tiny.folder, "Tiny store")) {
            store.update(s -> {
                ModelRef ref = MechanistFactory.eINSTANCE.createModelRef();
                ref.setId(MODEL);
                ref.setName("Tiny GPT-2");
                ref.setFolder(checkpoint.toString());
                ref.setFamily("gpt2");
                ref.setArchitecture("GPT2LMHeadModel");
                ref.setNumLayers(tiny.layers);
                ref.setDModel(tiny.dModel);
                ref.setNumHeads(heads);
                ref.setVocabSize(model.vocabSize());
                s.getModels().add(ref);
            });
            store.addDataset(DATASET, "Sample prompts", prompts);
            CaptureSpec spec = CaptureSpec.of(MODEL, DATASET).id(CAPTURE).name("Tiny capture")
                    .parameter("runtime", "reference").parameter("seed", "7").version("mechanist", "0.1.0");
            for (int layer = 0; layer < tiny.layers; layer++) {
                spec.site("blocks." + layer + ".resid_post", tiny.dModel);
                spec.site("blocks." + layer + ".attn_pattern", heads, positions);
            }
            try (CaptureWriter writer = store.beginCapture(spec)) {
                for (int p = 0; p < prompts.size(); p++) {
                    writer.writePrompt(p, tiny.rows(p, positions));
                }
                writer.complete();
            }
            float[] direction = new float[tiny.dModel];
            for (int j = 0; j < direction.length; j++) {
                direction[j] = (j % 3) - 1f;
            }
            store.saveVector(VECTOR_NAME, "blocks.1.resid_post", "mean-difference", direction,
                    Map.of("layer", "1"), CAPTURE);
        }
        return tiny;
    }

    /** Residual rows [pos, d_model] and pattern rows [query, head, key] of prompt {@code p}, as floats. */
    private Map<String, float[]> rows(int p, int keys) {
        ReferenceForward forward = forwards.get(p);
        Map<String, float[]> rows = new LinkedHashMap<>();
        for (int layer = 0; layer < layers; layer++) {
            double[][] resid = forward.activation("blocks." + layer + ".resid_post");
            float[] flat = new float[resid.length * dModel];
            for (int pos = 0; pos < resid.length; pos++) {
                for (int j = 0; j < dModel; j++) {
                    flat[pos * dModel + j] = (float) resid[pos][j];
                }
            }
            rows.put("blocks." + layer + ".resid_post", flat);
            double[][][] pattern = forward.attentionPattern(layer);
            int queries = pattern[0].length;
            float[] pat = new float[queries * heads * keys];
            for (int q = 0; q < queries; q++) {
                for (int h = 0; h < heads; h++) {
                    for (int k = 0; k < queries; k++) {
                        pat[(q * heads + h) * keys + k] = (float) pattern[h][q][k];
                    }
                }
            }
            rows.put("blocks." + layer + ".attn_pattern", pat);
        }
        return rows;
    }

    /** The stored (float) value of resid_post at (layer, pos, neuron) of prompt {@code p}. */
    public float resid(int p, int layer, int pos, int neuron) {
        return (float) forwards.get(p).activation("blocks." + layer + ".resid_post")[pos][neuron];
    }
}
