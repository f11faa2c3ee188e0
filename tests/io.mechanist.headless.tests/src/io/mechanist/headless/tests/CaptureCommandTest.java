package io.mechanist.headless.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.google.gson.JsonObject;

import io.mechanist.core.activations.ActivationSet;
import io.mechanist.headless.Cli;
import io.mechanist.runtime.reference.ArchitectureFamily;
import io.mechanist.store.ActivationStore;

/** {@code mechanist capture} on a tiny checkpoint and a temporary store, and its argument errors. */
class CaptureCommandTest {

    @TempDir
    Path temp;

    @Test
    void capturesIntoANewStoreAndPrintsASummary() throws Exception {
        Path store = temp.resolve("store");
        CliRunner.Outcome outcome = CliRunner.run("capture", "--store", store.toString(), "--model",
                CliRunner.checkpoint(ArchitectureFamily.LLAMA).toString(), "--dataset",
                CliRunner.dataset(temp).toString(), "--sites", "blocks.*.resid_post,logits", "--positions", "last",
                "--batch", "3", "--dtype", "f16", "--name", "cli capture", "--json");
        assertEquals(Cli.OK, outcome.code(), outcome.err());
        JsonObject json = outcome.json();
        assertEquals(4, json.get("prompts").getAsInt());
        assertTrue(json.get("complete").getAsBoolean());
        assertEquals("F16", json.get("storage").getAsString());
        assertTrue(outcome.err().contains("100%"), "progress on standard error: " + outcome.err());
        try (ActivationStore opened = ActivationStore.openReadOnly(store);
                ActivationSet set = opened.openCapture(json.get("captureId").getAsString())) {
            assertEquals(4, set.promptCount());
            assertTrue(set.siteIds().contains("logits") && set.siteIds().contains("blocks.0.resid_post"),
                    set.siteIds().toString());
            assertEquals(1, set.positions(0).length);
        }
        CliRunner.Outcome plain = CliRunner.run("capture", "--store", store.toString(), "--model",
                CliRunner.checkpoint(ArchitectureFamily.LLAMA).toString(), "--dataset",
                temp.resolve("prompts.jsonl").toString(), "--id", "second");
        assertEquals(Cli.OK, plain.code(), plain.err());
        assertEquals("second", plain.out().strip());
    }

    @Test
    void argumentErrorsExitWithTwo() throws Exception {
        String model = CliRunner.checkpoint(ArchitectureFamily.GPT2).toString();
        String dataset = CliRunner.dataset(temp).toString();
        String store = temp.resolve("s").toString();
        for (List<String> args : List.of(
                List.of("capture", "--model", model, "--dataset", dataset),
                List.of("capture", "--store", store, "--model", model, "--dataset", dataset, "--dtype", "bf16"),
                List.of("capture", "--store", store, "--model", model, "--dataset", dataset, "--positions", "first"),
                List.of("capture", "--store", store, "--model", model, "--dataset", dataset, "--batch", "zero"),
                List.of("capture", "--store", store, "--model", model, "--dataset", dataset, "--colour", "red"))) {
            CliRunner.Outcome outcome = CliRunner.run(args.toArray(String[]::new));
            assertEquals(Cli.USAGE, outcome.code(), args + ": " + outcome.err());
            assertTrue(outcome.err().startsWith("mechanist capture: "), outcome.err());
        }
        assertTrue(Files.notExists(temp.resolve("s")));
    }

    @Test
    void badInputsExitWithOneNamingTheProblem() throws Exception {
        String model = CliRunner.checkpoint(ArchitectureFamily.GPT2).toString();
        String dataset = CliRunner.dataset(temp).toString();
        String store = temp.resolve("s").toString();
        Path broken = temp.resolve("broken.jsonl");
        Files.writeString(broken, "{\"id\":\"a\",\"text\":\"yes :\",\"labels\":{\"answer\":\"A\"},\"answer_marker\":\":\"}\n{not json\n");
        CliRunner.Outcome missingModel = CliRunner.run("capture", "--store", store, "--model",
                temp.resolve("nowhere").toString(), "--dataset", dataset);
        assertEquals(Cli.FAILED, missingModel.code());
        assertTrue(missingModel.err().contains(temp.resolve("nowhere").toString()), missingModel.err());
        CliRunner.Outcome badSite = CliRunner.run("capture", "--store", store, "--model", model, "--dataset", dataset,
                "--sites", "blocks.42.resid_post");
        assertEquals(Cli.FAILED, badSite.code());
        assertTrue(badSite.err().contains("blocks.42.resid_post"), badSite.err());
        CliRunner.Outcome badLine = CliRunner.run("capture", "--store", store, "--model", model, "--dataset",
                broken.toString());
        assertEquals(Cli.FAILED, badLine.code());
        assertTrue(badLine.err().contains(broken + ":2:"), badLine.err());
    }

    @Test
    void helpDescribesEveryOption() {
        CliRunner.Outcome help = CliRunner.run("capture", "--help");
        assertEquals(Cli.OK, help.code());
        for (String option : List.of("--store", "--model", "--dataset", "--sites", "--positions", "--batch", "--dtype",
                "--name")) {
            assertTrue(help.out().contains(option), option);
        }
    }
}
