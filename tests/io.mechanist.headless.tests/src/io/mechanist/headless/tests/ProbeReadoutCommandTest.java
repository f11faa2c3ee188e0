package io.mechanist.headless.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

import io.mechanist.core.activations.PromptInfo;
import io.mechanist.model.MechanistFactory;
import io.mechanist.model.ModelRef;
import io.mechanist.runtime.reference.ArchitectureFamily;
import io.mechanist.runtime.reference.ReferenceForward;
import io.mechanist.runtime.reference.ReferenceModel;
import io.mechanist.testing.checkpoints.TinyCheckpoints;
import io.mechanist.testing.checkpoints.TinyTokenizer;
import io.mechanist.store.ActivationStore;
import io.mechanist.store.CaptureSpec;
import io.mechanist.store.CaptureWriter;

/**
 * {@code mechanist probe} with the output read-out, on a capture of a tiny real GPT-2 checkpoint that the store
 * records: the read-out CSV, its row at the last layer and position against the reference model's own logits, and
 * the note when the model folder is gone.
 */
class ProbeReadoutCommandTest {

    private static final String CAPTURE = "tiny";
    private static final List<String> TEXTS = List.of("the cat sat on a house", "the dog runs to the tree",
            "a big red bird sees it", "my old horse eats the fish", "the moon is not very happy",
            "they had two green houses .", "we see the sun at day", "the blue fish likes the river");

    @TempDir
    static Path dir;
    private static Path storeFolder;
    private static Path checkpoint;
    private static final List<ReferenceForward> forwards = new ArrayList<>();

    /** Eight prompts of six tokens, labels A/B alternating, each its own group; every layer's resid_post. */
    @BeforeAll
    static void writeStore() throws Exception {
        checkpoint = TinyCheckpoints.write(ArchitectureFamily.GPT2, dir.resolve("model"), 5,
                TinyCheckpoints.Options.DEFAULT);
        ReferenceModel model = ReferenceModel.load(checkpoint);
        List<String> vocabulary = TinyTokenizer.vocabulary();
        List<PromptInfo> prompts = new ArrayList<>();
        for (int p = 0; p < TEXTS.size(); p++) {
            int[] ids = TinyTokenizer.encode(TEXTS.get(p), false);
            List<String> tokens = new ArrayList<>();
            for (int id : ids) {
                tokens.add(vocabulary.get(id));
            }
            prompts.add(new PromptInfo(p, TEXTS.get(p), ids, tokens, Map.of("answer", p % 2 == 0 ? "A" : "B"),
                    "g" + p, null));
            forwards.add(model.run(ids));
        }
        storeFolder = dir.resolve("store");
        int d = model.hiddenSize();
        try (ActivationStore store = ActivationStore.create(storeFolder, "read-out store")) {
            store.update(s -> {
                ModelRef ref = MechanistFactory.eINSTANCE.createModelRef();
                ref.setId("tiny-gpt2");
                ref.setFolder(checkpoint.toString());
                ref.setArchitecture("GPT2LMHeadModel");
                ref.setNumLayers(model.layerCount());
                ref.setDModel(d);
                s.getModels().add(ref);
            });
            store.addDataset("prompts", "Prompts", prompts);
            CaptureSpec spec = CaptureSpec.of("tiny-gpt2", "prompts").id(CAPTURE);
            for (int l = 0; l < model.layerCount(); l++) {
                spec.site("blocks." + l + ".resid_post", d);
            }
            try (CaptureWriter writer = store.beginCapture(spec)) {
                for (int p = 0; p < prompts.size(); p++) {
                    Map<String, float[]> rows = new LinkedHashMap<>();
                    for (int l = 0; l < model.layerCount(); l++) {
                        double[][] resid = forwards.get(p).activation("blocks." + l + ".resid_post");
                        float[] flat = new float[resid.length * d];
                        for (int t = 0; t < resid.length; t++) {
                            for (int j = 0; j < d; j++) {
                                flat[t * d + j] = (float) resid[t][j];
                            }
                        }
                        rows.put("blocks." + l + ".resid_post", flat);
                    }
                    writer.writePrompt(p, rows);
                }
                writer.complete();
            }
        }
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
    void readoutOfTheRecordedModelMatchesItsOwnLogits() throws Exception {
        Path out = dir.resolve("readout");
        Result result = run("probe", "--store", storeFolder.toString(), "--capture", CAPTURE, "--alignment", "start",
                "--positions", "6", "--folds", "2", "--token-a", "A", "--token-b", "B", "--out", out.toString(),
                "--json");
        assertEquals(0, result.code(), result.err());
        JsonObject readout = JsonParser.parseString(result.out()).getAsJsonObject().getAsJsonObject("readout");
        assertTrue(readout.get("note").getAsString().contains(checkpoint.toString()), readout.toString());
        List<String> lines = Files.readAllLines(out.resolve("output-readout.csv"), StandardCharsets.UTF_8);
        int layers = forwards.get(0).layerCount();
        assertEquals(1 + layers * 6, lines.size());
        List<String> header = List.of(lines.get(0).split(","));
        String[] lastCell = lines.get(lines.size() - 1).split(",", -1);
        assertEquals("blocks." + (layers - 1) + ".resid_post", lastCell[header.indexOf("layer")]);
        // mean over prompts of log P(A)/P(B) signed towards the label, from the reference model's own logits
        List<String> vocabulary = TinyTokenizer.vocabulary();
        double signed = 0;
        int correct = 0;
        for (int p = 0; p < TEXTS.size(); p++) {
            double[] logits = forwards.get(p).logits()[5];
            double diff = logits[vocabulary.indexOf("A")] - logits[vocabulary.indexOf("B")];
            signed += p % 2 == 0 ? diff : -diff;
            correct += (p % 2 == 0 ? diff > 0 : diff < 0) ? 1 : 0;
        }
        assertEquals(signed / TEXTS.size(), Double.parseDouble(lastCell[header.indexOf("mean_log_ratio")]), 1e-4);
        assertEquals(correct, Integer.parseInt(lastCell[header.indexOf("correct")]));
        assertEquals(TEXTS.size(), Integer.parseInt(lastCell[header.indexOf("n")]));
    }

    @Test
    void missingModelFolderSkipsTheReadoutWithANote() {
        Path out = dir.resolve("no-model");
        Path missing = dir.resolve("moved-away");
        Result result = run("probe", "--store", storeFolder.toString(), "--capture", CAPTURE, "--alignment", "start",
                "--positions", "3", "--folds", "2", "--model", missing.toString(), "--out", out.toString());
        assertEquals(0, result.code(), result.err());
        assertTrue(result.out().contains("output read-out skipped") && result.out().contains(missing.toString()),
                result.out());
        assertFalse(Files.exists(out.resolve("output-readout.csv")));
    }
}
