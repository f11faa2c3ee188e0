package io.mechanist.store.tests;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.mechanist.core.activations.ActivationSet;
import io.mechanist.core.activations.FloatMatrix;
import io.mechanist.core.activations.StoredVectorData;
import io.mechanist.core.hooks.HookPoint;
import io.mechanist.core.tensor.HalfFloats;
import io.mechanist.core.tensor.SafetensorsFile;
import io.mechanist.model.Capture;
import io.mechanist.model.CaptureStatus;
import io.mechanist.model.StorageType;
import io.mechanist.store.ActivationStore;
import io.mechanist.store.CaptureWriter;
import io.mechanist.store.StoreLockedException;

class CaptureRoundTripTest {

    private static final List<String> SITES = List.of("blocks.0.resid_post", "blocks.1.resid_post");
    private static final int WIDTH = 8;
    private static final int PROMPTS = 23;

    @TempDir
    Path folder;

    @Test
    void f32CaptureOfAllPositionsReadsBackExactlyAfterReopening() throws IOException {
        try (ActivationStore store = StoreFixtures.newStore(folder, PROMPTS);
                CaptureWriter writer = store.beginCapture(StoreFixtures.spec("c1", SITES, WIDTH).shardBytes(2048)
                        .parameter("batch_size", "4").version("djl", "0.35.1"))) {
            StoreFixtures.writePrompts(writer, SITES, WIDTH, 0, PROMPTS);
            writer.complete();
        }
        try (ActivationStore store = ActivationStore.openReadOnly(folder); ActivationSet set = store.openCapture("c1")) {
            Capture capture = store.read(s -> s.getCaptures().get(0));
            assertEquals(CaptureStatus.COMPLETE, capture.getStatus());
            assertTrue(capture.getShards().size() > 3, "small shards were requested");
            assertEquals("4", capture.getProvenance().getParameters().get("batch_size"));
            assertEquals("0.35.1", capture.getProvenance().getVersions().get("djl"));
            assertEquals("tiny", capture.getModel().getId());
            assertEquals(8, capture.getModel().getDModel());

            assertEquals(PROMPTS, set.promptCount());
            assertEquals(SITES, set.siteIds());
            assertArrayEquals(new int[] {WIDTH}, set.rowShape(SITES.get(1)));
            for (int p = 0; p < PROMPTS; p++) {
                assertEquals(StoreFixtures.tokenCount(p), set.tokenCount(p));
                assertEquals(StoreFixtures.tokenCount(p), set.positions(p).length);
                for (int s = 0; s < SITES.size(); s++) {
                    FloatMatrix rows = set.prompt(SITES.get(s), p);
                    for (int pos = 0; pos < rows.rows(); pos++) {
                        for (int j = 0; j < WIDTH; j++) {
                            assertEquals(StoreFixtures.value(s, p, pos, j), rows.get(pos, j), "prompt " + p + " pos " + pos);
                        }
                    }
                }
            }
            // the cross-prompt column at the last token and at per-prompt positions
            FloatMatrix last = set.column(SITES.get(1), -1);
            for (int p = 0; p < PROMPTS; p++) {
                assertEquals(StoreFixtures.value(1, p, StoreFixtures.tokenCount(p) - 1, 3), last.get(p, 3));
            }
            FloatMatrix aligned = set.column(SITES.get(0), new int[] {5, 0, 9}, new int[] {1, 2, -2});
            assertEquals(StoreFixtures.value(0, 5, 1, 0), aligned.get(0, 0));
            assertEquals(StoreFixtures.value(0, 0, 2, 7), aligned.get(1, 7));
            assertEquals(StoreFixtures.value(0, 9, StoreFixtures.tokenCount(9) - 2, 4), aligned.get(2, 4));
            // position range and layer range
            FloatMatrix range = set.promptRange(SITES.get(0), 4, 1, 3);
            assertEquals(2, range.rows());
            assertEquals(StoreFixtures.value(0, 4, 2, 5), range.get(1, 5));
            List<FloatMatrix> layers = set.promptLayers(HookPoint.RESID_POST, 0, 2, 7);
            assertEquals(set.prompt(SITES.get(1), 7), layers.get(1));
            // prompts, labels, groups and pairs survive
            assertEquals("B", set.prompts().get(3).label("answer"));
            assertEquals("g1", set.prompts().get(3).groupId());
            assertEquals("pair2", set.prompts().get(4).pairId());
            assertEquals(" t2", set.prompts().get(4).tokens().get(2));
            IllegalArgumentException missing = assertThrows(IllegalArgumentException.class,
                    () -> set.prompt("blocks.7.resid_post", 0));
            assertTrue(missing.getMessage().contains("blocks.7.resid_post"));
        }
    }

    @Test
    void f16CaptureOfSelectedPositionsStoresHalfPrecisionRows() throws IOException {
        try (ActivationStore store = StoreFixtures.newStore(folder, PROMPTS);
                CaptureWriter writer = store.beginCapture(StoreFixtures.spec("half", SITES, WIDTH)
                        .storage(StorageType.F16).positions(0, -1, 5))) {
            assertArrayEquals(new int[] {0, 2}, writer.positions(0));
            StoreFixtures.writePrompts(writer, SITES, WIDTH, 0, PROMPTS);
            writer.complete();
        }
        try (ActivationStore store = ActivationStore.open(folder); ActivationSet set = store.openCapture("half")) {
            for (int p = 0; p < PROMPTS; p++) {
                int n = StoreFixtures.tokenCount(p);
                int[] expected = n > 6 ? new int[] {0, 5, n - 1} : new int[] {0, n - 1};
                assertArrayEquals(expected, set.positions(p), "prompt " + p);
                for (int pos : expected) {
                    float[] row = new float[WIDTH];
                    set.readRow(SITES.get(1), p, pos, row, 0);
                    for (int j = 0; j < WIDTH; j++) {
                        float f32 = StoreFixtures.value(1, p, pos, j);
                        assertEquals(HalfFloats.f16ToFloat(HalfFloats.floatToF16(f32)), row[j]);
                    }
                }
                assertTrue(!set.hasPosition(p, 1));
            }
            assertThrows(IllegalArgumentException.class, () -> set.readRow(SITES.get(0), 0, 1, new float[WIDTH], 0));
            Path shard = folder.resolve("captures/half/shard-00000.safetensors");
            try (SafetensorsFile file = SafetensorsFile.open(shard)) {
                assertEquals("F16", file.info(SITES.get(0)).dtype().safetensorsName());
                assertEquals("half", file.metadata().get("capture_id"));
            }
        }
    }

    @Test
    void incompleteCaptureCanBeResumedOrRemoved() throws IOException {
        try (ActivationStore store = StoreFixtures.newStore(folder, PROMPTS)) {
            try (CaptureWriter writer = store.beginCapture(StoreFixtures.spec("partial", SITES, WIDTH).shardBytes(2048))) {
                StoreFixtures.writePrompts(writer, SITES, WIDTH, 0, 10);
                assertThrows(IllegalStateException.class, writer::complete);
            }
            assertEquals(List.of("partial"), store.incompleteCaptures());
            try (CaptureWriter resumed = store.resumeCapture("partial", 2048)) {
                assertEquals(10, resumed.nextPrompt());
                StoreFixtures.writePrompts(resumed, SITES, WIDTH, 10, PROMPTS);
                resumed.complete();
            }
            try (ActivationSet set = store.openCapture("partial")) {
                assertEquals(PROMPTS, set.promptCount());
                assertEquals(StoreFixtures.value(1, 15, 2, 6), set.prompt(SITES.get(1), 15).get(2, 6));
            }
            assertEquals(List.of(), store.incompleteCaptures());
            store.removeCapture("partial");
            assertTrue(store.<Boolean>read(s -> s.getCaptures().isEmpty()));
            assertTrue(Files.notExists(folder.resolve("captures/partial")));
        }
    }

    @Test
    void vectorsAndLocksAndMetadataRoundTrip() throws IOException {
        String vectorId;
        try (ActivationStore store = StoreFixtures.newStore(folder, 3)) {
            assertThrows(StoreLockedException.class, () -> ActivationStore.open(folder));
            vectorId = store.saveVector("honesty", "blocks.1.resid_post", "mean-difference",
                    new float[] {3, 4, 0, 0, 0, 0, 0, 0}, Map.of("layer", "1"), null);
        }
        try (ActivationStore store = ActivationStore.open(folder)) {
            StoredVectorData vector = store.readVector(vectorId);
            assertEquals(5.0, vector.norm(), 1e-9);
            assertEquals("1", vector.parameters().get("layer"));
            assertEquals(5.0, store.read(s -> s.getVectors().get(0).getNorm()), 1e-9);
            assertEquals("64", store.read(s -> s.getModels().get(0).getConfig().get("n_positions")));
            assertEquals(3, (int) store.<Integer>read(s -> s.getDatasets().get(0).getPrompts().size()));
        }
    }
}
