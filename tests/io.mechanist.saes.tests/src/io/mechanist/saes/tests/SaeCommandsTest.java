package io.mechanist.saes.tests;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

import io.mechanist.core.activations.StoredVectorData;
import io.mechanist.headless.Cli;
import io.mechanist.headless.Commands;
import io.mechanist.saes.SaeFolder;
import io.mechanist.saes.SparseAutoencoder;
import io.mechanist.saes.features.NeuronpediaExport;
import io.mechanist.saes.interop.ControlVectorGguf;
import io.mechanist.store.ActivationStore;

/** The headless verbs: sae train/add/list/fit/features and control-vector export/import on the demo store. */
class SaeCommandsTest {
    static DemoSaes demo;

    @BeforeAll
    static void setUp() throws Exception {
        demo = DemoSaes.shared();
    }

    record Outcome(int code, String out, String err) {
    }

    static Outcome cli(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = new Cli(Commands.all()).run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Outcome(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    @Test
    void trainAddListFitAndFeatures(@TempDir Path dir) throws Exception {
        String store = demo.storeFolder.toString();
        Path out = dir.resolve("cli-sae");
        Outcome train = cli("sae", "train", "--store", store, "--capture", DemoSaes.TRAIN, "--site",
                DemoSaes.SITE.id(), "--out", out.toString(), "--add", "cli-res2", "--json");
        assertEquals(0, train.code(), train.err());
        JsonObject record = JsonParser.parseString(train.out()).getAsJsonObject();
        // the verb trains with the same defaults and seed as the fixture: the same weights, bit for bit
        SparseAutoencoder fromCli = SaeFolder.load(out).sae();
        assertArrayEquals(demo.training.sae().decoderWeights(), fromCli.decoderWeights());
        assertEquals(demo.training.stats().explainedVariance(), record.get("fraction_variance_explained").getAsDouble(),
                1e-12);
        assertEquals(record.get("fraction_variance_explained").getAsDouble(),
                fromCli.config().expectedExplainedVariance(), 1e-12, "recorded in cfg.json");

        Outcome list = cli("sae", "list", "--store", store);
        assertEquals(0, list.code(), list.err());
        assertTrue(list.out().contains("cli-res2") && list.out().contains("blocks.2.resid_post"), list.out());

        Outcome fit = cli("sae", "fit", "--store", store, "--capture", DemoSaes.TEST, "--sae", "cli-res2",
                "--splice-prompts", "8", "--json");
        assertEquals(0, fit.code(), fit.err());
        JsonObject report = JsonParser.parseString(fit.out()).getAsJsonObject();
        assertEquals("fits", report.get("verdict").getAsString(), fit.out());
        assertTrue(report.getAsJsonObject("metrics").get("fractionVarianceExplained").getAsDouble() > 0.8);

        Path np = dir.resolve("np");
        Outcome features = cli("sae", "features", "--store", store, "--capture", DemoSaes.TEST, "--sae", "cli-res2",
                "--top", "5", "--neuronpedia", np.toString(), "--features", "0-3", "--model-id", "demo-gpt2",
                "--source-set", "res-topk");
        assertEquals(0, features.code(), features.err());
        assertTrue(features.out().contains("density"), features.out());
        Path source = np.resolve("demo-gpt2").resolve("2-res-topk");
        assertEquals(4, NeuronpediaExport.read(source, "features").size());

        Outcome bad = cli("sae", "fit", "--store", store, "--capture", DemoSaes.TEST, "--sae",
                dir.resolve("nothing").toString());
        assertEquals(1, bad.code());
        assertTrue(bad.err().contains("not an SAE folder"), bad.err());
        Files.write(dir.resolve("weights.pt"), new byte[] {1, 2, 3});
        Outcome pickle = cli("sae", "fit", "--store", store, "--capture", DemoSaes.TEST, "--sae",
                dir.resolve("weights.pt").toString());
        assertEquals(1, pickle.code());
        assertTrue(pickle.err().contains("pickle"), pickle.err());
    }

    @Test
    void anSaeTrainedOnASparkCaptureOfAHadoopCheckpointIsNamedAfterTheCheckpoint(@TempDir Path dir) throws Exception {
        Path store = dir.resolve("store");
        try (java.util.stream.Stream<Path> files = Files.walk(demo.storeFolder)) {
            for (Path file : files.toList()) {
                Path copy = store.resolve(demo.storeFolder.relativize(file).toString());
                if (Files.isDirectory(file)) {
                    Files.createDirectories(copy);
                } else if (!file.getFileName().toString().equals(".lock")) {
                    Files.copy(file, copy);
                }
            }
        }
        try (ActivationStore opened = ActivationStore.open(store)) {
            opened.update(s -> s.getCaptures().stream().filter(c -> c.getId().equals(DemoSaes.TRAIN)).findFirst()
                    .orElseThrow().getModel().setFolder("hdfs://nn:8020/models/gemma-2-2b/"));
        }
        Path out = dir.resolve("sae");
        Outcome train = cli("sae", "train", "--store", store.toString(), "--capture", DemoSaes.TRAIN, "--site",
                DemoSaes.SITE.id(), "--out", out.toString(), "--d-sae", "16", "--k", "4", "--epochs", "1");
        assertEquals(0, train.code(), train.err());
        assertEquals("gemma-2-2b", SaeFolder.load(out).sae().config().modelName());
    }

    @Test
    void controlVectorsExportAndImportThroughTheStore(@TempDir Path dir) throws Exception {
        String store = demo.storeFolder.toString();
        float[] direction = SaeFolder.load(demo.saeFolder).sae().decoderDirection(5);
        String vectorId;
        String atBlockZero;
        try (ActivationStore opened = ActivationStore.open(demo.storeFolder)) {
            vectorId = opened.saveVector("feature 5", DemoSaes.SITE.id(), "sae-decoder", direction,
                    java.util.Map.of(), null);
            atBlockZero = opened.saveVector("layer 0", "blocks.0.resid_post", "test", direction, java.util.Map.of(),
                    null);
        }
        Path file = dir.resolve("feature5.gguf");
        Outcome export = cli("control-vector", "export", "--store", store, "--vector", vectorId, "--out",
                file.toString(), "--model-hint", "gpt2", "--scale", "2");
        assertEquals(0, export.code(), export.err());
        assertTrue(export.out().contains("direction.2"), export.out());
        ControlVectorGguf written = ControlVectorGguf.read(file);
        assertEquals(List.of(2), List.copyOf(written.directions().keySet()));
        for (int i = 0; i < direction.length; i++) {
            assertEquals(2 * direction[i], written.directions().get(2)[i], 0f);
        }

        Outcome refused = cli("control-vector", "export", "--store", store, "--vector", atBlockZero, "--out",
                dir.resolve("zero.gguf").toString());
        assertEquals(1, refused.code());
        assertTrue(refused.err().contains("block 0"), refused.err());

        Outcome imported = cli("control-vector", "import", "--store", store, "--file", file.toString(), "--json");
        assertEquals(0, imported.code(), imported.err());
        JsonArray vectors = JsonParser.parseString(imported.out()).getAsJsonObject().getAsJsonArray("vectors");
        assertEquals(1, vectors.size());
        try (ActivationStore opened = ActivationStore.open(demo.storeFolder)) {
            StoredVectorData back = opened.readVector(vectors.get(0).getAsJsonObject().get("vectorId").getAsString());
            assertEquals("blocks.2.resid_post", back.siteId());
            assertArrayEquals(written.directions().get(2), back.values());
        }
    }
}
