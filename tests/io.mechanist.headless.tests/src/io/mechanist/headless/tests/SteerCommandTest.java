package io.mechanist.headless.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;

import io.mechanist.headless.Cli;
import io.mechanist.runtime.reference.ArchitectureFamily;
import io.mechanist.runtime.reference.ReferenceModel;
import io.mechanist.testing.checkpoints.TinyTokenizer;
import io.mechanist.store.ActivationStore;

/**
 * {@code mechanist steer} end to end: a dataset captured by the capture verb, a sweep from its contrast pairs over
 * both layers of a tiny GPT-2 with the random control, stored and printed; the unsteered row checked against the
 * double-precision reference.
 */
class SteerCommandTest {

    private static final String[] SUBJECTS = {"cat", "dog", "fox", "bird", "fish", "horse", "mouse", "tree"};
    private static final String[] ADJECTIVES = {"big", "small", "red", "blue", "old", "new", "happy", "sad"};

    @TempDir
    static Path temp;
    static Path model;
    static Path store;
    static List<String> heldOutTexts = new ArrayList<>();
    static List<String> heldOutAnswers = new ArrayList<>();

    @BeforeAll
    static void captureTheDataset() throws Exception {
        CliRunner.ensureRegistry();
        model = CliRunner.checkpoint(ArchitectureFamily.GPT2);
        List<String> lines = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            String question = "question the " + SUBJECTS[i] + " is " + ADJECTIVES[i] + " ? answer :";
            for (String answer : List.of("A", "B")) {
                lines.add("{\"id\":\"pair" + i + answer + "\",\"text\":\"" + question + " " + answer + "\",\"labels\":"
                        + "{\"answer\":\"" + answer + "\",\"matching\":\"" + answer.equals("A") + "\"},\"pair\":\"pair"
                        + i + "\",\"answer_marker\":\":\"}");
            }
        }
        for (int i = 0; i < 8; i++) {
            String text = "question the " + SUBJECTS[i] + " was " + ADJECTIVES[(i + 3) % 8] + " ? answer :";
            String answer = i % 2 == 0 ? "A" : "B";
            heldOutTexts.add(text);
            heldOutAnswers.add(answer);
            lines.add("{\"id\":\"q" + i + "\",\"text\":\"" + text + "\",\"labels\":{\"answer\":\"" + answer
                    + "\"},\"answer_marker\":\":\"}");
        }
        Path dataset = temp.resolve("ab.jsonl");
        Files.write(dataset, lines);
        store = temp.resolve("store");
        CliRunner.Outcome capture = CliRunner.run("capture", "--store", store.toString(), "--model", model.toString(),
                "--dataset", dataset.toString(), "--sites", "blocks.*.resid_post", "--id", "ab");
        assertEquals(Cli.OK, capture.code(), capture.err());
    }

    @Test
    void sweepsContrastVectorsAgainstTheRandomControlAndStoresTheResult() throws Exception {
        Path csv = temp.resolve("sweep.csv");
        CliRunner.Outcome outcome = CliRunner.run("steer", "--store", store.toString(), "--model", model.toString(),
                "--held-out", "ab", "--contrast", "ab", "--multipliers", "-1,0,1", "--batch-size", "3", "--out",
                csv.toString(), "--json");
        assertEquals(Cli.OK, outcome.code(), outcome.err());
        JsonObject json = outcome.json();
        assertEquals(8, json.get("prompts").getAsInt(), "the unpaired held-out prompts");
        JsonArray rows = json.getAsJsonArray("rows");
        assertEquals(2 * 2 * 3, rows.size(), "steering and control x 2 layers x 3 multipliers");

        double unsteered = expectedUnsteeredMeanP();
        boolean moved = false;
        for (JsonElement element : rows) {
            JsonObject row = element.getAsJsonObject();
            double meanP = row.get("meanP").getAsDouble();
            if (row.get("multiplier").getAsDouble() == 0) {
                assertEquals(unsteered, meanP, 1e-4, "multiplier 0 is the unsteered model: " + row);
            } else {
                moved |= Math.abs(meanP - unsteered) > 1e-3;
            }
        }
        assertTrue(moved, "a vector of the residual's norm changes the answer probabilities somewhere");

        List<String> csvLines = Files.readAllLines(csv);
        assertEquals(1 + rows.size(), csvLines.size(), csvLines.toString());
        String resultId = json.get("result").getAsString();
        try (ActivationStore opened = ActivationStore.openReadOnly(store)) {
            assertEquals("io.mechanist.steering.sweep", opened.read(s -> s.getResults().stream()
                    .filter(r -> r.getId().equals(resultId)).findFirst().orElseThrow().getAnalysisId()));
        }

        CliRunner.Outcome text = CliRunner.run("steer", "--store", store.toString(), "--model", model.toString(),
                "--held-out", "ab", "--contrast", "ab", "--layers", "1", "--multipliers", "0,1", "--no-control");
        assertEquals(Cli.OK, text.code(), text.err());
        assertTrue(text.out().startsWith("Steering sweep, 8 held-out prompts"), text.out());
    }

    /** Mean over the held-out prompts of P(their answer) among {A, B} at the last position, by the reference. */
    private static double expectedUnsteeredMeanP() throws Exception {
        ReferenceModel reference = ReferenceModel.load(model);
        int a = TinyTokenizer.vocabulary().indexOf("A");
        int b = TinyTokenizer.vocabulary().indexOf("B");
        double sum = 0;
        for (int p = 0; p < heldOutTexts.size(); p++) {
            double[][] logits = reference.run(TinyTokenizer.encode(heldOutTexts.get(p), false)).logits();
            double[] last = logits[logits.length - 1];
            double pA = 1 / (1 + Math.exp(last[b] - last[a]));
            sum += heldOutAnswers.get(p).equals("A") ? pA : 1 - pA;
        }
        return sum / heldOutTexts.size();
    }

    @Test
    void argumentAndInputErrors() throws Exception {
        CliRunner.Outcome both = CliRunner.run("steer", "--store", store.toString(), "--model", model.toString(),
                "--held-out", "ab", "--contrast", "ab", "--vector", "v");
        assertEquals(Cli.USAGE, both.code(), both.err());
        assertTrue(both.err().contains("exactly one of --contrast, --vector, --vector-file"), both.err());
        assertTrue(both.err().contains("Usage: mechanist steer"), both.err());

        CliRunner.Outcome missingFile = CliRunner.run("steer", "--store", store.toString(), "--model",
                model.toString(), "--held-out", "ab", "--vector-file", temp.resolve("none.safetensors").toString());
        assertEquals(Cli.USAGE, missingFile.code(), missingFile.err());

        CliRunner.Outcome unknownCapture = CliRunner.run("steer", "--store", store.toString(), "--model",
                model.toString(), "--held-out", "no-such-capture", "--contrast", "ab");
        assertEquals(Cli.FAILED, unknownCapture.code(), unknownCapture.err());
        assertTrue(unknownCapture.err().contains("no-such-capture"), unknownCapture.err());

        CliRunner.Outcome badLayer = CliRunner.run("steer", "--store", store.toString(), "--model", model.toString(),
                "--held-out", "ab", "--contrast", "ab", "--layers", "7");
        assertNotEquals(Cli.OK, badLayer.code(), badLayer.err());
        assertTrue(badLayer.err().contains("7"), badLayer.err());
    }
}
