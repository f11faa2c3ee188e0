package io.mechanist.headless.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.google.gson.JsonObject;

import io.mechanist.core.activations.PromptInfo;
import io.mechanist.model.MechanistFactory;
import io.mechanist.model.ModelRef;
import io.mechanist.store.ActivationStore;
import io.mechanist.store.CaptureSpec;
import io.mechanist.store.CaptureWriter;

/** {@code mechanist remove-capture}: deletes a capture and compacts store.xmi; refuses what would lose links. */
class RemoveCaptureCommandTest {

    @TempDir
    Path temp;

    /** A store with captures {@code a} and {@code b} over their own datasets (of 40 prompts each) and one model. */
    private static Path store(Path folder) throws Exception {
        try (ActivationStore store = ActivationStore.create(folder, "remove test")) {
            store.update(s -> {
                ModelRef model = MechanistFactory.eINSTANCE.createModelRef();
                model.setId("tiny");
                model.setDModel(4);
                s.getModels().add(model);
            });
            for (String id : List.of("a", "b")) {
                List<PromptInfo> prompts = new ArrayList<>();
                for (int p = 0; p < 40; p++) {
                    prompts.add(new PromptInfo(p, "prompt " + id + " " + p, new int[] {1, 2, 3}, List.of("x", "y", "z"),
                            Map.of("answer", "A"), null, null));
                }
                store.addDataset("questions-" + id, "Questions", prompts);
                CaptureSpec spec = CaptureSpec.of("tiny", "questions-" + id).id(id).site("blocks.0.resid_post", 4);
                try (CaptureWriter writer = store.beginCapture(spec)) {
                    for (int p = 0; p < 40; p++) {
                        writer.writePrompt(p, Map.of("blocks.0.resid_post", new float[3 * 4]));
                    }
                    writer.complete();
                }
            }
            store.saveVector("from b", "blocks.0.resid_post", "test", new float[4], Map.of(), "b");
        }
        return folder;
    }

    @Test
    void removesTheCaptureItsFolderAndItsUnusedDatasetAndReportsJson() throws Exception {
        Path folder = store(temp.resolve("store"));
        long before = Files.size(folder.resolve("store.xmi"));
        CliRunner.Outcome outcome = CliRunner.run("remove-capture", "--store", folder.toString(), "--capture", "a",
                "--json");
        assertEquals(0, outcome.code(), outcome.err());
        JsonObject json = outcome.json();
        assertEquals("a", json.get("capture").getAsString());
        assertEquals("questions-a", json.getAsJsonArray("removedDatasets").get(0).getAsString());
        assertEquals(0, json.getAsJsonArray("removedModels").size(), "capture b still uses the model");
        assertEquals(before, json.get("storeXmiBytesBefore").getAsLong());
        long after = Files.size(folder.resolve("store.xmi"));
        assertEquals(after, json.get("storeXmiBytesAfter").getAsLong());
        assertTrue(after < before, before + " -> " + after);
        assertFalse(Files.exists(folder.resolve("captures/a")));
        assertTrue(Files.exists(folder.resolve("captures/b/shard-00000.safetensors")));
        try (ActivationStore store = ActivationStore.openReadOnly(folder)) {
            assertEquals(List.of("b"), store.read(s -> s.getCaptures().stream().map(c -> c.getId()).toList()));
            assertEquals(List.of("questions-b"), store.read(s -> s.getDatasets().stream().map(d -> d.getId()).toList()));
            assertTrue(store.verify(null).isEmpty());
        }
    }

    @Test
    void refusesACaptureWithDependentsUnlessForced() throws Exception {
        Path folder = store(temp.resolve("store"));
        CliRunner.Outcome refused = CliRunner.run("remove-capture", "--store", folder.toString(), "--capture", "b");
        assertEquals(1, refused.code(), refused.err());
        assertTrue(refused.err().contains("vectors [vector-") && refused.err().contains("--force"), refused.err());
        assertTrue(Files.exists(folder.resolve("captures/b/shard-00000.safetensors")), "nothing removed");

        CliRunner.Outcome forced = CliRunner.run("remove-capture", "--store", folder.toString(), "--capture", "b",
                "--force");
        assertEquals(0, forced.code(), forced.err());
        assertTrue(forced.out().contains("Removed capture b") && forced.out().contains("kept vectors"), forced.out());
        assertFalse(Files.exists(folder.resolve("captures/b")));
        try (ActivationStore store = ActivationStore.openReadOnly(folder)) {
            assertEquals(1, (int) store.read(s -> s.getVectors().size()), "the vector stays");
            assertEquals(List.of("questions-a"), store.read(s -> s.getDatasets().stream().map(d -> d.getId()).toList()));
        }
    }

    @Test
    void unknownCaptureFailsAndWrongCommandLinesAreUsageErrors() throws Exception {
        Path folder = store(temp.resolve("store"));
        CliRunner.Outcome unknown = CliRunner.run("remove-capture", "--store", folder.toString(), "--capture", "zz");
        assertEquals(1, unknown.code());
        assertTrue(unknown.err().contains("no capture 'zz'") && unknown.err().contains("[a, b]"), unknown.err());
        assertEquals(2, CliRunner.run("remove-capture", "--store", folder.toString()).code());
        assertEquals(2, CliRunner.run("remove-capture", "--capture", "a").code());
        assertEquals(2, CliRunner.run("remove-capture", "--store", folder.toString(), "--capture", "a", "--bogus").code());
        assertEquals(2, CliRunner.run("remove-capture", "--store", temp.resolve("missing").toString(), "--capture", "a")
                .code());
        CliRunner.Outcome help = CliRunner.run("remove-capture", "--help");
        assertEquals(0, help.code());
        assertTrue(help.out().contains("--force") && help.out().contains("Exit codes"), help.out());
        assertTrue(Files.exists(folder.resolve("captures/a/shard-00000.safetensors")), "nothing removed");
    }

    @Test
    void aCaptureFolderOutsideTheStoreIsReportedAndNothingIsDeleted() throws Exception {
        Path folder = store(temp.resolve("store"));
        Path outside = Files.createDirectories(temp.resolve("victim"));
        Files.writeString(outside.resolve("precious.txt"), "keep me");
        try (ActivationStore store = ActivationStore.open(folder)) {
            store.update(s -> s.getCaptures().get(0).setFolder("../victim"));
        }
        CliRunner.Outcome outcome = CliRunner.run("remove-capture", "--store", folder.toString(), "--capture", "a");
        assertEquals(1, outcome.code());
        assertTrue(outcome.err().contains("../victim"), outcome.err());
        assertEquals("keep me", Files.readString(outside.resolve("precious.txt")));
        assertTrue(Files.exists(folder.resolve("captures/a/shard-00000.safetensors")));
    }
}
