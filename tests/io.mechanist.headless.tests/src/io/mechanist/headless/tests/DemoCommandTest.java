package io.mechanist.headless.tests;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

import io.mechanist.headless.Cli;

/**
 * {@code demo} on the embedded default, end to end (inside OSGi the demo bundle is installed): the report's files
 * exist and its numbers show the structure the demo model was built to have (docs/demo-model.md).
 */
class DemoCommandTest {

    private static final byte[] PNG_MAGIC = { (byte) 0x89, 'P', 'N', 'G' };

    @BeforeAll
    static void registry() throws Exception {
        CliRunner.ensureRegistry();
    }

    @Test
    void aReducedRunWritesTheWholeReportWithSaneNumbers(@TempDir Path dir) throws Exception {
        Path out = dir.resolve("report");
        CliRunner.Outcome run = CliRunner.run("demo", "--out", out.toString(), "--prompts", "40", "--json");
        assertEquals(Cli.OK, run.code(), run.err());
        assertTrue(run.err().contains("capture:"), "progress on standard error: " + run.err());
        for (String file : List.of("summary.json", "summary.md", "probe-accuracy.csv", "steering-sweep.csv",
                "heatmap-norm.csv", "heatmap-neurons-layer2.csv", "heatmap-attention-layer3-head0.csv",
                "store/store.xmi", "data/test.jsonl", "data/contrast-pairs.jsonl")) {
            assertTrue(Files.size(out.resolve(file)) > 0, file);
        }
        for (String png : List.of("probe-accuracy.png", "steering-sweep.png", "heatmap-norm.png",
                "heatmap-neurons-layer2.png", "heatmap-attention-layer3-head0.png")) {
            assertArrayEquals(PNG_MAGIC, Arrays.copyOf(Files.readAllBytes(out.resolve(png)), 4), png);
        }
        JsonObject summary = JsonParser.parseString(Files.readString(out.resolve("summary.json"))).getAsJsonObject();
        assertEquals(run.json(), summary, "--json prints summary.json");
        assertEquals(40, summary.get("prompts").getAsInt());
        assertEquals(20, summary.get("contrastPairs").getAsInt());
        assertEquals(40, Files.readAllLines(out.resolve("data/test.jsonl")).size());

        JsonObject accuracy = summary.getAsJsonObject("modelAccuracy");
        assertEquals(40, accuracy.get("n").getAsInt());
        assertTrue(accuracy.get("accuracy").getAsDouble() >= 0.9, "the demo model answers: " + accuracy);

        JsonObject probe = summary.getAsJsonObject("bestProbe");
        assertEquals(":", probe.get("token").getAsString(), "the answer is decoded at the marker: " + probe);
        assertEquals(40, probe.get("n").getAsInt());
        assertTrue(probe.get("accuracy").getAsDouble() >= 0.85, probe.toString());
        assertTrue(probe.get("ciLow").getAsDouble() > 0.5, "the interval excludes chance: " + probe);
        assertTrue(probe.get("ciLow").getAsDouble() <= probe.get("accuracy").getAsDouble()
                && probe.get("accuracy").getAsDouble() <= probe.get("ciHigh").getAsDouble(), probe.toString());
        assertTrue(probe.get("control").getAsDouble() < 0.8, "the control task stays near chance: " + probe);
        assertTrue(probe.get("selectivity").getAsDouble() > 0.2, probe.toString());

        JsonObject best = summary.getAsJsonObject("steering").getAsJsonObject("bestLayer");
        double steered = width(best.getAsJsonObject("steering"));
        double control = width(best.getAsJsonObject("control"));
        assertTrue(steered > 0.5, "the vector moves P(A) over a wide range: " + best);
        assertTrue(steered > control, "more than a random vector of the same norm: " + best);
        assertEquals(4, summary.getAsJsonObject("steering").getAsJsonArray("byLayer").size());
        assertEquals(3, summary.getAsJsonArray("heatmaps").size());
        assertTrue(Files.readString(out.resolve("summary.md")).contains("./mechanist probe --store"));
        assertEquals("wilson-groups", summary.get("probeInterval").getAsString(), "the demo's prompts come in groups");
        for (JsonElement e : summary.getAsJsonArray("causal")) {
            JsonObject v = e.getAsJsonObject();
            assertTrue(v.has("yes") && v.has("holmP") && v.has("netFlipRate") && v.has("saturated"), v.toString());
        }

        // span alignment on the demo prompts ("Q : ... think : ... so :"): the span ends at the LAST ':'
        for (String[] span : List.of(new String[] {"--anchor", ":"},
                new String[] {"--span-after", "think", "--anchor", ":"})) {
            List<String> args = new java.util.ArrayList<>(List.of("probe", "--store", out.resolve("store").toString(),
                    "--capture", "demo-test", "--alignment", "span", "--bins", "5", "--methods", "mass-mean",
                    "--fold-repeats", "1", "--control-permutations", "1", "--no-readout", "--json", "--out",
                    dir.resolve("span" + span.length).toString()));
            args.addAll(List.of(span));
            CliRunner.Outcome spanRun = CliRunner.run(args.toArray(String[]::new));
            assertEquals(Cli.OK, spanRun.code(), spanRun.err());
            List<String> rows = Files.readAllLines(dir.resolve("span" + span.length).resolve("probe-accuracy.csv"));
            List<String> header = List.of(rows.get(0).split(","));
            java.util.Set<String> tokens = new java.util.HashSet<>();
            for (String row : rows.subList(1, rows.size())) {
                String[] cells = row.split(",", -1);
                assertEquals(40, Integer.parseInt(cells[header.indexOf("n")]), "every prompt has every bin: " + row);
                tokens.add(cells[header.indexOf("token")]);
            }
            // a one-token span (the first ':' ends it after "Q") makes every bin that token; a real span mixes tokens
            assertEquals(java.util.Set.of("mixed"), tokens, "every bin averages several tokens");
        }
    }

    /** The whole shipped test split: the numbers of docs/demo-model.md, and the printed summary. */
    @Test
    void theFullDemoShowsTheAnswerDecodedAtTheMarkerAndSteerableBeyondTheControl(@TempDir Path dir)
            throws Exception {
        Path out = dir.resolve("report");
        CliRunner.Outcome run = CliRunner.run("demo", "--out", out.toString(), "--store", dir.resolve("st").toString());
        assertEquals(Cli.OK, run.code(), run.err());
        System.out.print(run.out());
        assertTrue(run.out().contains("Report: " + out), run.out());
        assertTrue(Files.isRegularFile(dir.resolve("st/store.xmi")), "the store goes where --store says");
        JsonObject summary = JsonParser.parseString(Files.readString(out.resolve("summary.json"))).getAsJsonObject();
        assertEquals(400, summary.get("prompts").getAsInt());
        assertTrue(summary.getAsJsonObject("modelAccuracy").get("accuracy").getAsDouble() > 0.95, run.out());
        JsonObject probe = summary.getAsJsonObject("bestProbe");
        assertTrue(probe.get("accuracy").getAsDouble() >= 0.9, probe.toString());
        assertTrue(probe.get("control").getAsDouble() < 0.65, "the control task stays near chance: " + probe);
        JsonObject best = summary.getAsJsonObject("steering").getAsJsonObject("bestLayer");
        assertTrue(best.getAsJsonObject("steering").get("minP").getAsDouble() < 0.2
                && best.getAsJsonObject("steering").get("maxP").getAsDouble() > 0.7, "P(A) is steerable: " + best);
        assertTrue(width(best.getAsJsonObject("steering")) > width(best.getAsJsonObject("control")), best.toString());
    }

    @Test
    void argumentErrorsExitWithTwo(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("something"), "x");
        for (String[] args : List.of(new String[] { "demo", "--out", dir.toString() },
                new String[] { "demo", "--out", dir.resolve("r").toString(), "--prompts", "2" },
                new String[] { "demo", "--out", dir.resolve("r").toString(), "--prompts", "many" },
                new String[] { "demo", "--out", dir.resolve("r").toString(), "--prompts", "100000" },
                new String[] { "demo", "--out", dir.resolve("r").toString(), "--store", dir.toString() },
                new String[] { "demo", "--out", dir.resolve("r").toString(), "extra" },
                new String[] { "demo", "--unknown" })) {
            CliRunner.Outcome run = CliRunner.run(args);
            assertEquals(Cli.USAGE, run.code(), String.join(" ", args) + ": " + run.err());
            assertTrue(!run.err().isBlank(), "a message says what is wrong");
        }
        assertTrue(CliRunner.run("demo", "--out", dir.toString()).err().contains("not empty"));
        assertTrue(!Files.exists(dir.resolve("r")), "no report folder is left behind by an argument error");
    }

    private static double width(JsonObject range) {
        return range.get("maxP").getAsDouble() - range.get("minP").getAsDouble();
    }
}
