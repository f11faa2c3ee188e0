package io.mechanist.headless.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;

import io.mechanist.demo.EmbeddedDemo;
import io.mechanist.headless.Cli;

/**
 * {@code mechanist perturb} and {@code mechanist diff} end to end on the demo model: a few held-out prompts captured by the capture verb, a
 * noise sweep and an interpolation sweep towards the always-A checkpoint stored and printed; the unperturbed row
 * answers every prompt, the noisiest (and the always-A end) does not; a probe transfer of a model with itself is its
 * probe accuracy; bad options exit 2 with the usage.
 */
class PerturbCommandTest {

    @TempDir
    static Path temp;
    static Path store;

    @BeforeAll
    static void captureSomeDemoPrompts() throws Exception {
        CliRunner.ensureRegistry();
        List<String> lines = Files.readAllLines(EmbeddedDemo.dataset(EmbeddedDemo.TEST_SET));
        Path dataset = Files.write(temp.resolve("held-out.jsonl"), lines.subList(0, 32));
        store = temp.resolve("store");
        CliRunner.Outcome capture = CliRunner.run("capture", "--store", store.toString(), "--model",
                EmbeddedDemo.modelFolder().toString(), "--dataset", dataset.toString(), "--sites", "blocks.0.resid_post",
                "--id", "held-out");
        assertEquals(Cli.OK, capture.code(), capture.err());
        CliRunner.Outcome again = CliRunner.run("capture", "--store", store.toString(), "--model",
                EmbeddedDemo.modelFolder().toString(), "--dataset", dataset.toString(), "--sites", "blocks.0.resid_post",
                "--id", "again");
        assertEquals(Cli.OK, again.code(), again.err());
    }

    @Test
    void diffOfAModelWithItselfFindsNoDifference() {
        CliRunner.Outcome outcome = CliRunner.run("diff", "--store", store.toString(), "--base", "held-out", "--other",
                "again", "--json");
        assertEquals(Cli.OK, outcome.code(), outcome.err());
        JsonObject site = outcome.json().getAsJsonArray("sites").get(0).getAsJsonObject();
        assertEquals("blocks.0.resid_post", site.get("site").getAsString());
        assertEquals(0, site.get("relativeDifference").getAsDouble(), 0);
        assertEquals(1, site.get("meanCosine").getAsDouble(), 1e-12);
        CliRunner.Outcome text = CliRunner.run("diff", "--store", store.toString(), "--base", "held-out", "--other",
                "again");
        assertEquals(Cli.OK, text.code(), text.err());
        assertTrue(text.out().startsWith("Model diff held-out"), text.out());
    }

    @Test
    void sweepsNoiseScalesAndReportsTheHalfEffectScale() {
        CliRunner.Outcome outcome = CliRunner.run("perturb", "--store", store.toString(), "--held-out", "held-out",
                "--scales", "0,1,3", "--seeds", "2", "--bootstrap", "200", "--json");
        assertEquals(Cli.OK, outcome.code(), outcome.err());
        JsonObject json = outcome.json();
        JsonArray rows = json.getAsJsonArray("rows");
        assertEquals(3, rows.size());
        assertEquals(1.0, rows.get(0).getAsJsonObject().get("accuracy").getAsDouble(), 1e-9, "unperturbed: " + rows);
        assertTrue(rows.get(2).getAsJsonObject().get("accuracy").getAsDouble() < 0.8, "3 x RMS noise: " + rows);
        assertEquals("all tensors", json.get("tensors").getAsString());
        assertTrue(json.getAsJsonObject("halfEffect").get("scale").getAsDouble() <= 3, json.toString());

        CliRunner.Outcome text = CliRunner.run("perturb", "--store", store.toString(), "--held-out", "held-out",
                "--scales", "0,3", "--seeds", "1", "--tensors", "layers:0", "--bootstrap", "100", "--probe-site",
                "blocks.3.resid_post");
        assertEquals(Cli.OK, text.code(), text.err());
        assertTrue(text.out().startsWith("Weight-noise sweep on tensors of block 0"), text.out());
        assertTrue(text.out().contains("Half-effect scale"), text.out());
        assertTrue(text.out().contains("probe accuracy [95%]") && text.out().contains("Probe: mass-mean probe"),
                text.out());
    }

    @Test
    void interpolatesTowardsTheAlwaysAModel() throws Exception {
        CliRunner.Outcome outcome = CliRunner.run("perturb", "--store", store.toString(), "--held-out", "held-out",
                "--interpolate-to", EmbeddedDemo.alwaysAModelFolder().toString(), "--ts", "0,0.5,1", "--bootstrap",
                "100", "--json");
        assertEquals(Cli.OK, outcome.code(), outcome.err());
        JsonArray rows = outcome.json().getAsJsonArray("rows");
        assertEquals(3, rows.size());
        assertEquals(1.0, rows.get(2).getAsJsonObject().get("t").getAsDouble(), 0);
        assertEquals(1.0, rows.get(0).getAsJsonObject().get("accuracy").getAsDouble(), 1e-9, "t = 0: " + rows);
        assertTrue(rows.get(2).getAsJsonObject().get("accuracy").getAsDouble() < 0.7, "t = 1, always A: " + rows);
        assertTrue(outcome.json().get("other").getAsString().endsWith("mechanist-demo-gpt2-always-a"),
                outcome.json().toString());

        CliRunner.Outcome mixed = CliRunner.run("perturb", "--store", store.toString(), "--held-out", "held-out",
                "--interpolate-to", EmbeddedDemo.alwaysAModelFolder().toString(), "--scales", "0,1");
        assertEquals(Cli.USAGE, mixed.code(), mixed.err());
        assertTrue(mixed.err().contains("--scales"), mixed.err());
    }

    @Test
    void probeTransferOfAModelWithItselfIsItsProbeAccuracy() {
        CliRunner.Outcome outcome = CliRunner.run("diff", "--store", store.toString(), "--base", "held-out", "--other",
                "again", "--probe-transfer", "--anchor", ":", "--before", "1", "--after", "0", "--methods",
                "mass-mean", "--folds", "4", "--json");
        assertEquals(Cli.OK, outcome.code(), outcome.err());
        JsonArray cells = outcome.json().getAsJsonArray("cells");
        assertEquals(2, cells.size(), cells.toString());
        for (var cell : cells) {
            JsonObject c = cell.getAsJsonObject();
            assertEquals(c.get("accuracy").getAsDouble(), c.get("transferAccuracy").getAsDouble(), 0, c.toString());
            assertEquals(c.get("accuracyLow").getAsDouble(), c.get("transferLow").getAsDouble(), 0, c.toString());
        }
        CliRunner.Outcome misplaced = CliRunner.run("diff", "--store", store.toString(), "--base", "held-out",
                "--other", "again", "--anchor", ":");
        assertEquals(Cli.USAGE, misplaced.code(), misplaced.err());
    }

    @Test
    void badOptionsExitWithTheReason() {
        CliRunner.Outcome descending = CliRunner.run("perturb", "--store", store.toString(), "--held-out", "held-out",
                "--scales", "1,0");
        assertEquals(Cli.FAILED, descending.code(), descending.err());
        assertTrue(descending.err().contains("ascending"), descending.err());
        CliRunner.Outcome missing = CliRunner.run("perturb", "--store", store.toString());
        assertEquals(Cli.USAGE, missing.code(), missing.err());
        assertTrue(missing.err().contains("Usage: mechanist perturb"), missing.err());
    }
}
