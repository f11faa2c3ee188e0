package io.mechanist.probes.tests;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;


import io.mechanist.core.activations.PromptInfo;
import io.mechanist.core.analysis.AnalysisRegistry;
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
import io.mechanist.testing.TestRegistries;

/**
 * A store whose capture is a tiny real checkpoint run by the double-precision reference transformer: eight labelled
 * prompts of different lengths, every layer's {@code resid_post} at every position. The reference's logits are kept
 * as the independent answer of the output read-out.
 */
final class ReadoutStore {

    static final String CAPTURE = "readout-capture";
    static final List<String> TEXTS = List.of("the quick brown fox jumps over the lazy dog",
            "the cat sat on a house . the dog", "a small red bird sees the big tree", "the old horse runs to the river",
            "my dog likes the blue fish", "the moon is very happy", "they had two green houses at night",
            "we see the sun at day");

    final Path folder;
    final Path checkpoint;
    final int layers;
    final List<ReferenceForward> forwards = new ArrayList<>();
    final List<String> labels = new ArrayList<>();

    private ReadoutStore(Path folder, Path checkpoint, int layers) {
        this.folder = folder;
        this.checkpoint = checkpoint;
        this.layers = layers;
    }

    /** Label "A" on even prompts, "B" on odd ones; each prompt its own group. */
    static ReadoutStore create(ArchitectureFamily family, Path dir) throws IOException {
        Path checkpoint = TinyCheckpoints.write(family, dir.resolve("model"), 11, TinyCheckpoints.Options.DEFAULT);
        ReferenceModel model = ReferenceModel.load(checkpoint);
        ReadoutStore tiny = new ReadoutStore(dir.resolve("store"), checkpoint, model.layerCount());
        List<String> vocabulary = TinyTokenizer.vocabulary();
        List<PromptInfo> prompts = new ArrayList<>();
        for (int p = 0; p < TEXTS.size(); p++) {
            int[] ids = TinyTokenizer.encode(TEXTS.get(p), TinyCheckpoints.addsBos(family));
            List<String> strings = new ArrayList<>();
            for (int id : ids) {
                strings.add(vocabulary.get(id));
            }
            String label = p % 2 == 0 ? "A" : "B";
            tiny.labels.add(label);
            prompts.add(new PromptInfo(p, TEXTS.get(p), ids, strings, Map.of("answer", label), "g" + p, null));
            tiny.forwards.add(model.run(ids));
        }
        try (ActivationStore store = ActivationStore.create(tiny.folder, "Read-out store")) {
            store.update(s -> {
                ModelRef ref = MechanistFactory.eINSTANCE.createModelRef();
                ref.setId("tiny");
                ref.setName("Tiny " + family);
                ref.setFolder(checkpoint.toString());
                ref.setArchitecture(family.architecture());
                ref.setNumLayers(model.layerCount());
                ref.setDModel(model.hiddenSize());
                ref.setVocabSize(model.vocabSize());
                s.getModels().add(ref);
            });
            store.addDataset("prompts", "Prompts", prompts);
            CaptureSpec spec = CaptureSpec.of("tiny", "prompts").id(CAPTURE).name("Read-out capture");
            for (int layer = 0; layer < tiny.layers; layer++) {
                spec.site("blocks." + layer + ".resid_post", model.hiddenSize());
            }
            try (CaptureWriter writer = store.beginCapture(spec)) {
                for (int p = 0; p < prompts.size(); p++) {
                    Map<String, float[]> rows = new LinkedHashMap<>();
                    for (int layer = 0; layer < tiny.layers; layer++) {
                        double[][] resid = tiny.forwards.get(p).activation("blocks." + layer + ".resid_post");
                        float[] flat = new float[resid.length * model.hiddenSize()];
                        for (int pos = 0; pos < resid.length; pos++) {
                            for (int j = 0; j < model.hiddenSize(); j++) {
                                flat[pos * model.hiddenSize() + j] = (float) resid[pos][j];
                            }
                        }
                        rows.put("blocks." + layer + ".resid_post", flat);
                    }
                    writer.writePrompt(p, rows);
                }
                writer.complete();
            }
        }
        return tiny;
    }

    /** The reference model's {@code logit(A) - logit(B)} at the last position of prompt {@code p}. */
    double referenceLogitDifference(int p) {
        double[][] logits = forwards.get(p).logits();
        List<String> vocabulary = TinyTokenizer.vocabulary();
        double[] last = logits[logits.length - 1];
        return last[vocabulary.indexOf("A")] - last[vocabulary.indexOf("B")];
    }

    int tokenCount(int p) {
        return forwards.get(p).tokenIds().length;
    }

    /** Inside OSGi the platform registry; on a plain classpath one built from core's and probes' plugin.xml. */
    static AnalysisRegistry registry() throws IOException {
        return TestRegistries.analyses("bundles/io.mechanist.core", "bundles/io.mechanist.probes");
    }
}
