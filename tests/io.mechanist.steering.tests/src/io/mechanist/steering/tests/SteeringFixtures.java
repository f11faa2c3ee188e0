package io.mechanist.steering.tests;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;


import io.mechanist.core.activations.PromptInfo;
import io.mechanist.core.analysis.AnalysisRegistry;
import io.mechanist.core.hooks.HookPoint;
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
 * A tiny GPT-2-shaped checkpoint and a store with an A/B dataset: contrast pairs (the same question ending in
 * answer A or B, label matching=true on the A member) and unpaired held-out questions labelled answer=A/B, captured
 * at resid_post of both layers at every position with the real model.
 */
final class SteeringFixtures {
    static final String MODEL = "tiny-gpt2";
    static final String DATASET = "ab";
    static final String CAPTURE = "ab-resid";
    static final List<String> SITES = List.of("blocks.0.resid_post", "blocks.1.resid_post");
    private static final String[] SUBJECTS = {"cat", "dog", "fox", "bird", "fish", "horse", "mouse", "tree"};
    private static final String[] ADJECTIVES = {"big", "small", "red", "blue", "old", "new", "happy", "sad"};

    private SteeringFixtures() {
    }

    static Path checkpoint(Path dir) throws IOException {
        return TinyCheckpoints.write(ArchitectureFamily.GPT2, dir.resolve("gpt2"), 7, TinyCheckpoints.Options.DEFAULT);
    }

    static List<PromptInfo> prompts() {
        List<PromptInfo> out = new ArrayList<>();
        int index = 0;
        for (int i = 0; i < 6; i++) {
            String question = "question the " + SUBJECTS[i] + " is " + ADJECTIVES[i] + " ? answer";
            for (String answer : List.of("A", "B")) {
                String text = question + " " + answer;
                out.add(prompt(index++, text, Map.of("matching", Boolean.toString(answer.equals("A")), "answer", answer),
                        "pair" + i));
            }
        }
        for (int i = 0; i < 8; i++) {
            String text = "question the " + SUBJECTS[i] + " was " + ADJECTIVES[(i + 3) % 8] + " ? answer";
            out.add(prompt(index++, text, Map.of("answer", i % 2 == 0 ? "A" : "B"), null));
        }
        return out;
    }

    private static PromptInfo prompt(int index, String text, Map<String, String> labels, String pair) {
        int[] ids = TinyTokenizer.encode(text, false);
        List<String> tokens = new ArrayList<>();
        for (String word : text.split(" ")) {
            tokens.add(word);
        }
        return new PromptInfo(index, text, ids, tokens, labels, pair, pair);
    }

    /** A store in {@code folder} with the fixture model, the dataset and its capture from {@code checkpoint}. */
    static ActivationStore store(Path folder, Path checkpoint) throws IOException {
        ActivationStore store = ActivationStore.create(folder, "steering test store");
        store.update(s -> {
            ModelRef model = MechanistFactory.eINSTANCE.createModelRef();
            model.setId(MODEL);
            model.setName("Tiny GPT-2");
            model.setFamily("gpt2");
            model.setArchitecture("GPT2LMHeadModel");
            model.setNumLayers(2);
            model.setDModel(32);
            model.setFolder(checkpoint.toString());
            s.getModels().add(model);
        });
        List<PromptInfo> prompts = prompts();
        store.addDataset(DATASET, "A/B", prompts);
        CaptureSpec spec = CaptureSpec.of(MODEL, DATASET).id(CAPTURE);
        for (String site : SITES) {
            spec.site(site, 32);
        }
        try (HookedTransformer model = HookedTransformer.load(checkpoint);
                CaptureWriter writer = store.beginCapture(spec)) {
            List<long[]> tokens = prompts.stream().map(p -> toLongs(p.tokenIds())).toList();
            List<HookSite> sites = SITES.stream().map(HookSite::parse).toList();
            RunResult result = model.run(RunRequest.builder(tokens).capture(sites).build());
            for (int p = 0; p < prompts.size(); p++) {
                Map<String, float[]> rows = new LinkedHashMap<>();
                for (HookSite site : sites) {
                    rows.put(site.id(), result.capture(site, p).values());
                }
                writer.writePrompt(p, rows);
            }
            writer.complete();
        }
        return store;
    }

    static long[] toLongs(int[] ids) {
        long[] out = new long[ids.length];
        for (int i = 0; i < ids.length; i++) {
            out[i] = ids[i];
        }
        return out;
    }

    static int[] toInts(long[] ids) {
        int[] out = new int[ids.length];
        for (int i = 0; i < ids.length; i++) {
            out[i] = Math.toIntExact(ids[i]);
        }
        return out;
    }

    static double[] toDouble(float[] v) {
        double[] out = new double[v.length];
        for (int i = 0; i < v.length; i++) {
            out[i] = v[i];
        }
        return out;
    }

    static HookSite residPost(int layer) {
        return HookSite.of(HookPoint.RESID_POST, layer);
    }

    /** Inside OSGi the platform registry; on a plain classpath one built from core's and steering's plugin.xml. */
    static AnalysisRegistry registry() throws IOException {
        return TestRegistries.analyses("bundles/io.mechanist.core", "bundles/io.mechanist.steering");
    }
}
