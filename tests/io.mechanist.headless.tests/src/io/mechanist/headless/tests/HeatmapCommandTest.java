package io.mechanist.headless.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

import io.mechanist.testing.TinyStore;
import io.mechanist.headless.Cli;
import io.mechanist.headless.Commands;

/** {@code mechanist heatmap} on a store with a real capture: the PNG's size and the CSV's numbers. */
class HeatmapCommandTest {

    @TempDir
    static Path dir;
    private static TinyStore tiny;

    @BeforeAll
    static void createStore() throws Exception {
        tiny = TinyStore.create(dir);
    }

    private record Result(int code, String out, String err) {
    }

    private static Result run(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = new Cli(Commands.all()).run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Result(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    @Test
    void neuronMapCsvHoldsTheStoredActivationsAndThePngHasTheReportedSize() throws Exception {
        Path png = dir.resolve("neurons.png");
        Path csv = dir.resolve("neurons.csv");
        Result result = run("heatmap", "--store", tiny.folder.toString(), "--capture", TinyStore.CAPTURE, "--prompt",
                "1", "--kind", "neurons", "--site", "blocks.1.resid_post", "--out", png.toString(), "--csv",
                csv.toString(), "--json");
        assertEquals(0, result.code(), result.err());
        JsonObject json = JsonParser.parseString(result.out()).getAsJsonObject();
        BufferedImage image = ImageIO.read(png.toFile());
        assertEquals(json.get("width").getAsInt(), image.getWidth());
        assertEquals(json.get("height").getAsInt(), image.getHeight());
        assertTrue(image.getWidth() > 160 && image.getHeight() > 160, image.getWidth() + "x" + image.getHeight());

        List<String> lines = Files.readAllLines(csv, StandardCharsets.UTF_8);
        assertEquals(1 + tiny.dModel, lines.size(), "header + one row per neuron");
        String[] header = lines.get(0).split(",");
        assertEquals(1 + tiny.tokens.get(1).size(), header.length);
        assertEquals("1: cat", header[2]);
        for (int neuron = 0; neuron < tiny.dModel; neuron++) {
            String[] cells = lines.get(1 + neuron).split(",");
            for (int pos = 0; pos < tiny.tokens.get(1).size(); pos++) {
                assertEquals(tiny.resid(1, 1, pos, neuron), Float.parseFloat(cells[1 + pos]),
                        "neuron " + neuron + ", position " + pos);
            }
        }
    }

    @Test
    void normMapIsTheEuclideanNormOfTheResidualStream() throws Exception {
        Path png = dir.resolve("norm.png");
        Path csv = dir.resolve("norm.csv");
        Result result = run("heatmap", "--store", tiny.folder.toString(), "--capture", TinyStore.CAPTURE, "--prompt",
                "0", "--out", png.toString(), "--csv", csv.toString());
        assertEquals(0, result.code(), result.err());
        assertTrue(result.out().contains("Wrote " + png), result.out());
        List<String> lines = Files.readAllLines(csv, StandardCharsets.UTF_8);
        assertEquals(1 + tiny.layers, lines.size());
        for (int layer = 0; layer < tiny.layers; layer++) {
            String[] cells = lines.get(1 + layer).split(",");
            for (int pos = 0; pos < tiny.tokens.get(0).size(); pos++) {
                double sum = 0;
                for (int j = 0; j < tiny.dModel; j++) {
                    double v = tiny.resid(0, layer, pos, j);
                    sum += v * v;
                }
                assertEquals(Math.sqrt(sum), Float.parseFloat(cells[1 + pos]), 1e-4 * Math.sqrt(sum),
                        "layer " + layer + ", position " + pos);
            }
        }
    }

    @Test
    void attentionPatternRowsAreTheStoredProbabilities() throws Exception {
        Path png = dir.resolve("attention.png");
        Path csv = dir.resolve("attention.csv");
        Result result = run("heatmap", "--store", tiny.folder.toString(), "--capture", TinyStore.CAPTURE, "--prompt",
                "0", "--kind", "attention", "--layer", "1", "--head", "1", "--out", png.toString(), "--csv",
                csv.toString());
        assertEquals(0, result.code(), result.err());
        double[][] pattern = tiny.forwards.get(0).attentionPattern(1)[1];
        List<String> lines = Files.readAllLines(csv, StandardCharsets.UTF_8);
        assertEquals(1 + pattern.length, lines.size());
        for (int q = 0; q < pattern.length; q++) {
            String[] cells = lines.get(1 + q).split(",", -1);
            for (int k = 0; k < pattern.length; k++) {
                assertEquals((float) pattern[q][k], Float.parseFloat(cells[1 + k]), "query " + q + ", key " + k);
            }
        }
        assertTrue(Files.size(png) > 500);
    }

    @Test
    void projectionOntoAStoredVectorByName() throws Exception {
        Path png = dir.resolve("projection.png");
        Result result = run("heatmap", "--store", tiny.folder.toString(), "--capture", TinyStore.CAPTURE, "--prompt",
                "0", "--kind", "projection", "--vector", TinyStore.VECTOR_NAME, "--out", png.toString(), "--json");
        assertEquals(0, result.code(), result.err());
        assertTrue(Files.size(png) > 500);
    }

    @Test
    void badArgumentsSayWhatIsWrong() {
        Result noVector = run("heatmap", "--store", tiny.folder.toString(), "--capture", TinyStore.CAPTURE,
                "--prompt", "0", "--kind", "cosine", "--out", dir.resolve("x.png").toString());
        assertEquals(Cli.USAGE, noVector.code());
        assertTrue(noVector.err().contains("--vector"), noVector.err());

        Result badKind = run("heatmap", "--store", tiny.folder.toString(), "--capture", TinyStore.CAPTURE,
                "--prompt", "0", "--kind", "histogram", "--out", dir.resolve("x.png").toString());
        assertEquals(Cli.USAGE, badKind.code());
        assertTrue(badKind.err().contains("norm"), badKind.err());

        Result noCapture = run("heatmap", "--store", tiny.folder.toString(), "--capture", "missing", "--prompt", "0",
                "--out", dir.resolve("x.png").toString());
        assertEquals(Cli.FAILED, noCapture.code());
        assertTrue(noCapture.err().contains("missing"), noCapture.err());

        Result badPrompt = run("heatmap", "--store", tiny.folder.toString(), "--capture", TinyStore.CAPTURE,
                "--prompt", "5", "--out", dir.resolve("x.png").toString());
        assertTrue(badPrompt.code() != 0);
        assertTrue(badPrompt.err().contains("prompts 0..1"), badPrompt.err());
    }
}
