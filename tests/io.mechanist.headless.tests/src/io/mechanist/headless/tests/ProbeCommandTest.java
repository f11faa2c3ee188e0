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

import io.mechanist.testing.PlantedStore;

/**
 * {@code mechanist probe} on a capture written through the store API with a planted signal: the label is readable
 * from layer 2 from the answer marker on, and nowhere else.
 */
class ProbeCommandTest {

    private static final int PROMPTS = PlantedStore.PROMPTS;
    private static final int LAYERS = PlantedStore.LAYERS;
    private static final String CAPTURE = PlantedStore.CAPTURE;

    @TempDir
    static Path dir;
    private static Path storeFolder;

    /** The planted-signal store: the label is readable from layer 2 from the answer marker on, nowhere else. */
    @BeforeAll
    static void writeCapture() throws Exception {
        storeFolder = dir.resolve("store");
        PlantedStore.write(storeFolder);
    }

    private record Result(int code, String out, String err) {
    }

    private static Result run(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = new io.mechanist.headless.Cli(io.mechanist.headless.Commands.all()).run(args,
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Result(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    @Test
    void writesCsvAndChartAndFindsThePlantedLayerAndPosition() throws Exception {
        Path out = dir.resolve("anchor");
        Result result = run("probe", "--store", storeFolder.toString(), "--capture", CAPTURE, "--label", "answer",
                "--alignment", "anchor", "--anchor", "Answer", "--before", "3", "--after", "1", "--folds", "4",
                "--threads", "2", "--out", out.toString(), "--json");
        assertEquals(0, result.code(), result.err());
        JsonObject json = JsonParser.parseString(result.out()).getAsJsonObject();
        assertEquals(PROMPTS, json.get("prompts").getAsInt());

        Path csv = out.resolve("probe-accuracy.csv");
        List<String> lines = Files.readAllLines(csv, StandardCharsets.UTF_8);
        assertEquals(1 + 2 * LAYERS * 5, lines.size(), "header + methods x layers x offsets -3..+1");
        List<String> header = List.of(lines.get(0).split(","));
        int layerCol = header.indexOf("layer");
        int positionCol = header.indexOf("position");
        int accCol = header.indexOf("accuracy");
        int nCol = header.indexOf("n");
        double best = 0;
        String bestCell = "";
        double bestBeforeAnchor = 0;
        for (String row : lines.subList(1, lines.size())) {
            String[] cells = row.split(",", -1);
            double accuracy = Double.parseDouble(cells[accCol]);
            assertEquals(PROMPTS, Integer.parseInt(cells[nCol]), row);
            if (accuracy > best) {
                best = accuracy;
                bestCell = cells[layerCol] + "@" + cells[positionCol];
            }
            if (cells[positionCol].startsWith("-")) {
                bestBeforeAnchor = Math.max(bestBeforeAnchor, accuracy);
            }
        }
        assertTrue(best >= 0.95, "best accuracy " + best);
        assertTrue(bestCell.startsWith("blocks.2.resid_post@"), bestCell);
        assertTrue(bestBeforeAnchor < 0.75, "no signal before the anchor, got " + bestBeforeAnchor);

        JsonObject bestLogistic = json.getAsJsonArray("best").get(0).getAsJsonObject();
        assertEquals("blocks.2.resid_post", bestLogistic.get("layer").getAsString());
        assertTrue(bestLogistic.get("ciLow").getAsDouble() < bestLogistic.get("accuracy").getAsDouble());
        assertTrue(bestLogistic.get("selectivity").getAsDouble() > 0.3, bestLogistic.toString());

        BufferedImage png = ImageIO.read(out.resolve("probe-accuracy.png").toFile());
        assertEquals(1200, png.getWidth());
        assertEquals(720, png.getHeight());
    }

    @Test
    void printsASummaryTableWithNAndInterval() {
        Path out = dir.resolve("start");
        Result result = run("probe", "--store", storeFolder.toString(), "--capture", CAPTURE, "--alignment",
                "start", "--positions", "4", "--methods", "mass-mean", "--folds", "3", "--out", out.toString());
        assertEquals(0, result.code(), result.err());
        assertTrue(result.out().contains("n = " + PROMPTS + " prompts (" + PROMPTS / 2 + " groups)"), result.out());
        assertTrue(result.out().contains("mass-mean") && result.out().contains("% ["), result.out());
        assertTrue(Files.exists(out.resolve("probe-accuracy.png")));
    }

    @Test
    void csvRecordsEverySettingAndTheHeadlineIsSelectionAware() throws Exception {
        Path out = dir.resolve("settings");
        Result result = run("probe", "--store", storeFolder.toString(), "--capture", CAPTURE, "--alignment",
                "anchor", "--anchor", "Answer", "--before", "2", "--after", "1", "--folds", "4", "--lambda", "0.05",
                "--seed", "7", "--fold-repeats", "2", "--control-permutations", "3", "--interval", "bootstrap-groups",
                "--resamples", "200", "--out", out.toString(), "--json");
        assertEquals(0, result.code(), result.err());
        List<String> lines = Files.readAllLines(out.resolve("probe-accuracy.csv"), StandardCharsets.UTF_8);
        List<String> header = List.of(lines.get(0).split(","));
        for (String row : lines.subList(1, lines.size())) {
            String[] cells = row.split(",", -1);
            assertEquals("bootstrap-groups", cells[header.indexOf("interval_method")], row);
            assertEquals("4", cells[header.indexOf("folds")], row);
            assertEquals("7..8", cells[header.indexOf("fold_seeds")], row);
            assertEquals(0.05, Double.parseDouble(cells[header.indexOf("lambda")]), 1e-12, row);
            assertEquals("3", cells[header.indexOf("control_permutations")], row);
            double low = Double.parseDouble(cells[header.indexOf("split_low")]);
            double high = Double.parseDouble(cells[header.indexOf("split_high")]);
            double accuracy = Double.parseDouble(cells[header.indexOf("accuracy")]);
            assertTrue(low <= accuracy && accuracy <= high, "the reported split lies in the split range: " + row);
        }
        JsonObject json = JsonParser.parseString(result.out()).getAsJsonObject();
        assertEquals("bootstrap-groups", json.get("interval").getAsString());
        JsonObject headline = json.getAsJsonArray("headlines").get(0).getAsJsonObject();
        assertEquals(LAYERS * 4, headline.get("cellsSearched").getAsInt(), "layers x offsets -2..+1");
        assertEquals(PROMPTS / 2, headline.get("selectionGroups").getAsInt() + headline.get("heldOutGroups").getAsInt());
        assertTrue(headline.get("n").getAsInt() < PROMPTS, "reported on the held-out groups only: " + headline);
    }

    @Test
    void helpSaysLastAnchorAndShowsTheSpaceEscape() {
        Result result = run("probe", "--help");
        assertTrue(result.out().contains("around the last token TOKEN"), result.out());
        assertTrue(result.out().contains("write a leading space as \\s)"), result.out());
        assertTrue(!result.out().contains("first token"), result.out());
    }

    @Test
    void badSettingsExitWithTwo() {
        for (String[] bad : List.of(new String[] {"--folds", "1"}, new String[] {"--interval", "normal"},
                new String[] {"--lambda", "0"}, new String[] {"--control-permutations", "0"})) {
            List<String> args = new java.util.ArrayList<>(List.of("probe", "--store", storeFolder.toString(),
                    "--capture", CAPTURE, "--alignment", "start", "--positions", "2", "--out",
                    dir.resolve("bad").toString()));
            args.addAll(List.of(bad));
            Result result = run(args.toArray(String[]::new));
            assertEquals(2, result.code(), String.join(" ", bad) + ": " + result.err());
            assertTrue(result.err().contains("--" + bad[0].substring(2)), result.err());
        }
    }

    @Test
    void unknownLabelKeyFailsNamingIt() {
        Result result = run("probe", "--store", storeFolder.toString(), "--capture", CAPTURE, "--label", "colour",
                "--alignment", "start", "--positions", "3", "--out", dir.resolve("x").toString());
        assertEquals(1, result.code(), result.out());
        assertTrue(result.err().contains("colour") || result.err().contains("label"), result.err());
    }
}
