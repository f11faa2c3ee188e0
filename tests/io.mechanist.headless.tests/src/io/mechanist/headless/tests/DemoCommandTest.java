package io.mechanist.headless.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

import io.mechanist.headless.Cli;
import io.mechanist.headless.Commands;

/**
 * {@code demo} on the embedded default, end to end inside OSGi: the report's files exist and its numbers show the
 * structure the demo model was built to have (docs/demo-model.md).
 */
class DemoCommandTest {

    @Test
    void theDemoReportShowsTheAnswerDecodedAtTheMarkerAndSteerableBeyondTheControl(@TempDir Path dir)
            throws Exception {
        Path out = dir.resolve("report");
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = new Cli(Commands.all()).run(new String[] { "demo", "--out", out.toString() },
                new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        assertEquals(Cli.OK, code, err.toString(StandardCharsets.UTF_8));
        for (String file : List.of("summary.json", "summary.md", "probes/probe-accuracy.csv",
                "probes/probe-accuracy.png", "steering-sweep.csv", "steering-sweep.png", "heatmap-norm.png",
                "heatmap-norm.csv", "heatmap-neurons-layer2.png", "heatmap-attention-layer3-head0.png",
                "store/store.xmi")) {
            assertTrue(Files.size(out.resolve(file)) > 0, file);
        }
        JsonObject summary = JsonParser.parseString(Files.readString(out.resolve("summary.json"))).getAsJsonObject();
        assertEquals(400, summary.get("prompts").getAsInt());
        JsonObject probe = summary.getAsJsonObject("bestProbe");
        assertTrue(probe.get("accuracy").getAsDouble() >= 0.9, probe.toString());
        assertTrue(probe.get("ciLow").getAsDouble() > 0.5, "the interval excludes chance: " + probe);
        assertTrue(probe.get("control").getAsDouble() < 0.65, "the control task stays near chance: " + probe);
        JsonObject steering = summary.getAsJsonObject("steeringMeanPRange").getAsJsonObject("steering")
                .getAsJsonObject("layer 2");
        JsonObject control = summary.getAsJsonObject("steeringMeanPRange").getAsJsonObject("control")
                .getAsJsonObject("layer 2");
        assertTrue(steering.get("minP").getAsDouble() < 0.2 && steering.get("maxP").getAsDouble() > 0.8,
                "P(A) moves from below 0.2 to above 0.8: " + steering);
        // A random direction of the same norm disturbs the answer (large multipliers push P away from 0.5 in
        // either direction) but never steers it to A.
        assertTrue(control.get("maxP").getAsDouble() < 0.8, "the random control of the same norm does not: "
                + control);
    }

    @Test
    void anExistingReportFolderIsAUsageError(@TempDir Path dir) {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = new Cli(Commands.all()).run(new String[] { "demo", "--out", dir.toString() },
                new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        assertEquals(Cli.USAGE, code);
        assertTrue(err.toString(StandardCharsets.UTF_8).contains("exists already"), err.toString());
    }
}
