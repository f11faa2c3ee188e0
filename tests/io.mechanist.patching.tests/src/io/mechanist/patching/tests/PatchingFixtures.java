package io.mechanist.patching.tests;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.mechanist.core.activations.PromptInfo;
import io.mechanist.core.analysis.AnalysisRegistry;
import io.mechanist.core.hooks.HookSite;
import io.mechanist.model.MechanistFactory;
import io.mechanist.model.ModelRef;
import io.mechanist.runtime.HookedTransformer;
import io.mechanist.runtime.RunRequest;
import io.mechanist.runtime.RunResult;
import io.mechanist.runtime.reference.ArchitectureFamily;
import io.mechanist.testing.checkpoints.TinyCheckpoints;
import io.mechanist.testing.checkpoints.TinyTokenizer;
import io.mechanist.store.ActivationStore;
import io.mechanist.store.CaptureSpec;
import io.mechanist.store.CaptureWriter;
import io.mechanist.testing.TestRegistries;

/**
 * Clean/corrupted pairs that differ in exactly one token (the subject, position 1), of two lengths (6 and 7 tokens)
 * so that end-aligned columns hold different pairs; clean answer A, corrupted answer B.
 */
final class PatchingFixtures {
    static final String DATASET = "pairs";
    static final String CAPTURE = "pairs-capture";
    static final int DIFFERING_POSITION = 1;
    private static final String[][] PAIRS = {
        {"the cat is big . so", "the dog is big . so"},
        {"the fox is red . so", "the bird is red . so"},
        {"the horse was sad . so", "the mouse was sad . so"},
        {"a cat was very happy . so", "a dog was very happy . so"},
        {"the horse likes the river . so", "the mouse likes the river . so"},
        {"a fish sees the moon . so", "a bird sees the moon . so"},
    };

    private PatchingFixtures() {
    }

    static Path checkpoint(Path dir, ArchitectureFamily family) throws IOException {
        return TinyCheckpoints.write(family, dir.resolve(family.name()), 7, TinyCheckpoints.Options.DEFAULT);
    }

    /** Prompts 2i (clean, answer A) and 2i+1 (corrupted, answer B) form pair "pi". */
    static List<PromptInfo> prompts() {
        List<PromptInfo> out = new ArrayList<>();
        for (int i = 0; i < PAIRS.length; i++) {
            out.add(prompt(out.size(), PAIRS[i][0], "A", "p" + i));
            out.add(prompt(out.size(), PAIRS[i][1], "B", "p" + i));
        }
        return out;
    }

    static PromptInfo prompt(int index, String text, String answer, String pair) {
        int[] ids = TinyTokenizer.encode(text, false);
        return new PromptInfo(index, text, ids, List.of(text.split(" ")), Map.of("answer", answer), pair, pair);
    }

    static long[] ids(PromptInfo prompt) {
        long[] out = new long[prompt.tokenIds().length];
        for (int i = 0; i < out.length; i++) {
            out[i] = prompt.tokenIds()[i];
        }
        return out;
    }

    /** A store with the model, the pair dataset and a capture of it (resid_post of layer 0, every position). */
    static ActivationStore store(Path folder, Path checkpoint, List<PromptInfo> prompts) throws IOException {
        ActivationStore store = ActivationStore.create(folder, "patching test store");
        try (HookedTransformer model = HookedTransformer.load(checkpoint)) {
            store.update(s -> {
                ModelRef ref = MechanistFactory.eINSTANCE.createModelRef();
                ref.setId("tiny");
                ref.setName("Tiny");
                ref.setFamily("gpt2");
                ref.setArchitecture("GPT2LMHeadModel");
                ref.setNumLayers(model.spec().layerCount());
                ref.setDModel(model.spec().dModel());
                ref.setFolder(checkpoint.toString());
                s.getModels().add(ref);
            });
            store.addDataset(DATASET, "pairs", prompts);
            HookSite site = HookSite.parse("blocks.0.resid_post");
            CaptureSpec spec = CaptureSpec.of("tiny", DATASET).id(CAPTURE).site(site.id(), model.spec().dModel());
            try (CaptureWriter writer = store.beginCapture(spec)) {
                RunResult result = model.run(RunRequest.builder(prompts.stream().map(PatchingFixtures::ids).toList())
                        .capture(site).build());
                for (int p = 0; p < prompts.size(); p++) {
                    Map<String, float[]> rows = new LinkedHashMap<>();
                    rows.put(site.id(), result.capture(site, p).values());
                    writer.writePrompt(p, rows);
                }
                writer.complete();
            }
        }
        return store;
    }

    static AnalysisRegistry registry() throws IOException {
        return TestRegistries.analyses("bundles/io.mechanist.core", "bundles/io.mechanist.patching");
    }
}
