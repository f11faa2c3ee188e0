package io.mechanist.capture.tests;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.mechanist.capture.CaptureJob;
import io.mechanist.capture.CaptureSummary;
import io.mechanist.capture.Capturer;
import io.mechanist.core.tensor.DType;
import io.mechanist.core.tensor.SafetensorsFile;
import io.mechanist.core.tensor.SafetensorsWriter;
import io.mechanist.core.tensor.TensorInfo;
import io.mechanist.core.datasets.DatasetFormatException;
import io.mechanist.model.Capture;
import io.mechanist.runtime.reference.ArchitectureFamily;
import io.mechanist.store.ActivationStore;

/**
 * Prompts are checked when they are tokenised, before the model, the dataset or a capture is registered: a prompt
 * the model cannot take leaves the store as it was, and the message names the dataset file, line and prompt id.
 */
class PromptCheckTest {

    @TempDir
    Path temp;

    /** One prompt of {@code words} words from the fixture vocabulary, ending in the answer marker. */
    private static String prompt(String id, int words) {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < words; i++) {
            text.append(i % 2 == 0 ? "the " : "cat ");
        }
        text.append(':');
        return "{\"id\":\"" + id + "\",\"text\":\"" + text + "\",\"labels\":{\"answer\":\"A\"},\"answer_marker\":\":\"}";
    }

    @Test
    void aPromptLongerThanTheModelsPositionsIsRefusedBeforeTheStoreChanges() throws Exception {
        Path model = CaptureFixtures.checkpoint(ArchitectureFamily.GPT2); // n_positions 64
        Path store = temp.resolve("store");
        Capturer.capture(CaptureJob.builder(store, model, CaptureFixtures.dataset(temp)).sites("blocks.0.resid_post")
                .build(), null);
        byte[] before = Files.readAllBytes(store.resolve("store.xmi"));

        Path dataset = temp.resolve("long.jsonl");
        Files.write(dataset, List.of(prompt("short", 10), "", prompt("too-long", 80)));
        DatasetFormatException e = assertThrows(DatasetFormatException.class, () -> Capturer.capture(
                CaptureJob.builder(store, model, dataset).sites("blocks.0.resid_post").build(), null));
        assertEquals(3, e.line());
        assertTrue(e.getMessage().startsWith(dataset + ":3: prompt 'too-long' has 81 tokens"), e.getMessage());
        assertTrue(e.getMessage().contains("at most 64 (n_positions in " + model.resolve("config.json")),
                e.getMessage());
        assertArrayEquals(before, Files.readAllBytes(store.resolve("store.xmi")), "store.xmi unchanged");
        try (ActivationStore opened = ActivationStore.openReadOnly(store)) {
            assertEquals(1, (int) opened.read(s -> s.getCaptures().size()), "no capture registered");
        }
    }

    @Test
    void aMegabytePromptIsRefusedWithoutCreatingAStore() throws Exception {
        Path model = CaptureFixtures.checkpoint(ArchitectureFamily.LLAMA); // max_position_embeddings 256
        Path dataset = temp.resolve("huge.jsonl");
        Files.write(dataset, List.of(prompt("ok", 5), prompt("huge", 262_144)));
        assertTrue(Files.size(dataset) > 1_000_000);
        Path store = temp.resolve("new-store");
        DatasetFormatException e = assertThrows(DatasetFormatException.class, () -> Capturer.capture(
                CaptureJob.builder(store, model, dataset).build(), null));
        assertTrue(e.getMessage().startsWith(dataset + ":2: prompt 'huge' has 262146 tokens"), e.getMessage());
        assertTrue(e.getMessage().contains("max_position_embeddings"), e.getMessage());
        assertTrue(Files.notExists(store), "no store created for a refused dataset");
    }

    @Test
    void aDatasetThatIsNotUtf8NamesTheLine() throws Exception {
        Path dataset = temp.resolve("latin1.jsonl");
        byte[] good = (CaptureFixtures.DATASET_LINES.get(0) + "\n" + CaptureFixtures.DATASET_LINES.get(1) + "\n")
                .getBytes(java.nio.charset.StandardCharsets.UTF_8);
        byte[] bad = "{\"id\":\"q\",\"text\":\"caf\u00e9 :\",\"labels\":{\"answer\":\"A\"},\"answer_marker\":\":\"}\n"
                .getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);
        byte[] all = new byte[good.length + bad.length];
        System.arraycopy(good, 0, all, 0, good.length);
        System.arraycopy(bad, 0, all, good.length, bad.length);
        Files.write(dataset, all);
        DatasetFormatException e = assertThrows(DatasetFormatException.class, () -> Capturer.capture(
                CaptureJob.builder(temp.resolve("store"), CaptureFixtures.checkpoint(ArchitectureFamily.GPT2), dataset)
                        .build(), null));
        assertEquals(3, e.line());
        assertTrue(e.getMessage().startsWith(dataset + ":3: not UTF-8"), e.getMessage());
        assertTrue(Files.notExists(temp.resolve("store")));
    }

    @Test
    void nanWeightsAreReportedAndRecordedWithTheCapture() throws Exception {
        Path model = temp.resolve("nan-model");
        Files.createDirectories(model);
        try (var files = Files.list(CaptureFixtures.checkpoint(ArchitectureFamily.GPT2))) {
            for (Path f : files.toList()) {
                Files.copy(f, model.resolve(f.getFileName()));
            }
        }
        Path weights = model.resolve("model.safetensors");
        SafetensorsWriter writer = new SafetensorsWriter();
        try (SafetensorsFile in = SafetensorsFile.open(weights)) {
            for (String name : in.tensorNames()) {
                TensorInfo info = in.info(name);
                float[] values = in.readFloats(name);
                if (name.equals("transformer.h.1.mlp.c_fc.weight")) {
                    values[3] = Float.NaN;
                }
                writer.add(name, DType.F32, info.shape(), values);
            }
        }
        Files.delete(weights);
        writer.write(weights);
        List<String> warnings = new ArrayList<>();
        CaptureSummary summary = Capturer.capture(CaptureJob.builder(temp.resolve("store"), model,
                CaptureFixtures.dataset(temp)).sites("blocks.0.resid_post").build(), null, warnings::add);
        assertEquals(1, warnings.size(), warnings.toString());
        assertTrue(warnings.get(0).contains("h.1.mlp.c_fc.weight") && warnings.get(0).contains("NaN"),
                warnings.get(0));
        try (ActivationStore store = ActivationStore.openReadOnly(temp.resolve("store"))) {
            String recorded = store.read(s -> {
                Capture capture = s.getCaptures().stream().filter(c -> c.getId().equals(summary.captureId()))
                        .findFirst().orElseThrow();
                return capture.getProvenance().getParameters().get("load_warnings");
            });
            assertEquals(warnings.get(0), recorded);
        }
    }

    @Test
    void aCheckpointWithoutWarningsRecordsNone() throws IOException {
        List<String> warnings = new ArrayList<>();
        Capturer.capture(CaptureJob.builder(temp.resolve("store"), CaptureFixtures.checkpoint(ArchitectureFamily.QWEN3),
                CaptureFixtures.dataset(temp)).sites("blocks.0.resid_post").build(), null, warnings::add);
        assertEquals(List.of(), warnings);
    }
}
