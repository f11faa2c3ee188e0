package io.mechanist.headless.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.google.gson.JsonObject;

import io.mechanist.core.activations.PromptInfo;
import io.mechanist.headless.Cli;
import io.mechanist.model.MechanistFactory;
import io.mechanist.model.ModelRef;
import io.mechanist.store.ActivationStore;
import io.mechanist.store.CaptureSpec;
import io.mechanist.store.CaptureWriter;

/** {@code mechanist run}: an installed plug-in analysis on a stored capture, and its argument errors. */
class RunCommandTest {

    @TempDir
    Path temp;

    @BeforeEach
    void extensionRegistry() throws Exception {
        CliRunner.ensureRegistry();
    }

    /** A store with one capture of two residual sites (values known per prompt, position and dimension). */
    private static String capture(Path folder) throws Exception {
        try (ActivationStore store = ActivationStore.create(folder, "run test")) {
            store.update(s -> {
                ModelRef model = MechanistFactory.eINSTANCE.createModelRef();
                model.setId("tiny");
                model.setFamily("gpt2");
                model.setNumLayers(2);
                model.setDModel(4);
                s.getModels().add(model);
            });
            List<PromptInfo> prompts = new ArrayList<>();
            for (int p = 0; p < 6; p++) {
                int[] ids = new int[3 + p % 3];
                List<String> tokens = new ArrayList<>();
                for (int t = 0; t < ids.length; t++) {
                    ids[t] = 10 + t;
                    tokens.add("t" + t);
                }
                prompts.add(new PromptInfo(p, "prompt " + p, ids, tokens, Map.of("answer", p % 2 == 0 ? "A" : "B"),
                        "g" + p, null));
            }
            store.addDataset("questions", "Questions", prompts);
            List<String> sites = List.of("blocks.0.resid_post", "blocks.1.resid_post");
            CaptureSpec spec = CaptureSpec.of("tiny", "questions").id("c1");
            sites.forEach(site -> spec.site(site, 4));
            try (CaptureWriter writer = store.beginCapture(spec)) {
                for (int p = 0; p < 6; p++) {
                    int rows = writer.positions(p).length;
                    Map<String, float[]> bySite = new LinkedHashMap<>();
                    for (int s = 0; s < sites.size(); s++) {
                        float[] values = new float[rows * 4];
                        for (int i = 0; i < values.length; i++) {
                            values[i] = s + 0.1f * p + 0.01f * i;
                        }
                        bySite.put(sites.get(s), values);
                    }
                    writer.writePrompt(p, bySite);
                }
                writer.complete();
            }
        }
        return "c1";
    }

    @Test
    void runsThePluginAnalysisAndStoresItsResult() throws Exception {
        Path store = temp.resolve("store");
        String captureId = capture(store);
        CliRunner.Outcome outcome = CliRunner.run("run", "io.mechanist.examples.tokenstats.norms", "--store",
                store.toString(), "--capture", captureId, "--param", "site=blocks.1.resid_post", "--params",
                "{\"maxPositions\": 6}", "--json");
        assertEquals(Cli.OK, outcome.code(), outcome.err());
        JsonObject json = outcome.json();
        String resultId = json.get("resultId").getAsString();
        assertEquals("6", json.getAsJsonObject("parameters").get("maxPositions").getAsString());
        assertEquals(captureId, json.getAsJsonArray("inputCaptures").get(0).getAsString());
        assertTrue(json.getAsJsonArray("tables").size() >= 1, json.toString());
        try (ActivationStore opened = ActivationStore.openReadOnly(store)) {
            boolean stored = opened.read(s -> s.getResults().stream().anyMatch(r -> r.getId().equals(resultId)));
            assertTrue(stored, resultId);
        }
        CliRunner.Outcome text = CliRunner.run("run", "io.mechanist.examples.tokenstats.norms", "--store",
                store.toString(), "--capture", captureId, "--param", "site=blocks.0.resid_post");
        assertEquals(Cli.OK, text.code(), text.err());
        assertTrue(text.out().startsWith("result "), text.out());
    }

    @Test
    void argumentErrors() throws Exception {
        Path store = temp.resolve("store");
        String captureId = capture(store);
        String s = store.toString();
        String norms = "io.mechanist.examples.tokenstats.norms";
        for (List<String> args : List.of(
                List.of("run", "--store", s, "--capture", captureId),
                List.of("run", "no.such.analysis", "--store", s, "--capture", captureId),
                List.of("run", norms, "--capture", captureId, "--param", "site=blocks.0.resid_post"),
                List.of("run", norms, "--store", s, "--capture", captureId, "--param", "site"),
                List.of("run", norms, "--store", s, "--capture", captureId, "--param", "colour=red"),
                List.of("run", norms, "--store", s, "--capture", captureId, "--param", "site=blocks.x"),
                List.of("run", norms, "--store", s, "--capture", captureId, "--params", "[1,2]"),
                List.of("run", norms, "--store", s, "--capture", captureId))) {
            CliRunner.Outcome outcome = CliRunner.run(args.toArray(String[]::new));
            assertEquals(Cli.USAGE, outcome.code(), args + ": " + outcome.err());
        }
        CliRunner.Outcome unknownCapture = CliRunner.run("run", norms, "--store", s, "--capture", "nope", "--param",
                "site=blocks.0.resid_post");
        assertEquals(Cli.FAILED, unknownCapture.code());
        assertTrue(unknownCapture.err().contains("nope"), unknownCapture.err());
    }
}
