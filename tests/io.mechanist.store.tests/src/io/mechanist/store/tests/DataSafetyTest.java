package io.mechanist.store.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.mechanist.core.activations.ActivationSet;
import io.mechanist.core.tensor.DType;
import io.mechanist.core.tensor.SafetensorsWriter;
import io.mechanist.model.AnalysisResult;
import io.mechanist.model.MechanistFactory;
import io.mechanist.model.ResultArray;
import io.mechanist.store.ActivationStore;
import io.mechanist.store.CaptureWriter;
import io.mechanist.store.StoreCorruptionException;
import io.mechanist.store.internal.AtomicFiles;
import io.mechanist.store.internal.CaptureReader;

/**
 * Files the metadata does not account for are never deleted (only Mechanist's temporaries are), a folder holding
 * a store's data without its store.xmi is not made a new store, crafted shapes and counts are corruption errors,
 * and removing a capture compacts store.xmi.
 */
class DataSafetyTest {

    private static final List<String> SITES = List.of("blocks.0.resid_post", "blocks.1.resid_post");
    private static final int WIDTH = 8;

    @TempDir
    Path folder;

    private static List<String> files(Path dir) throws IOException {
        try (Stream<Path> files = Files.walk(dir)) {
            return files.filter(Files::isRegularFile).map(f -> dir.relativize(f).toString()).sorted().toList();
        }
    }

    private void completeCapture(ActivationStore store, String id, int prompts) throws IOException {
        try (CaptureWriter writer = store.beginCapture(StoreFixtures.spec(id, SITES, WIDTH).shardBytes(1024))) {
            StoreFixtures.writePrompts(writer, SITES, WIDTH, 0, prompts);
            writer.complete();
        }
    }

    @Test
    void aFolderWithAStoresDataButNoStoreXmiIsNotMadeANewStore() throws IOException {
        try (ActivationStore store = StoreFixtures.newStore(folder, 10)) {
            completeCapture(store, "base", 10);
        }
        Files.delete(folder.resolve("store.xmi"));
        List<String> before = files(folder);
        IOException e = assertThrows(IOException.class, () -> ActivationStore.create(folder, "again"));
        assertTrue(e.getMessage().contains("store.xmi is missing"), e.getMessage());
        long shards = before.stream().filter(n -> n.startsWith("captures/")).count();
        assertTrue(e.getMessage().contains("holds " + shards + " file(s)"), e.getMessage());
        assertTrue(e.getMessage().contains("restore"), e.getMessage());
        assertEquals(before, files(folder));
        assertFalse(Files.exists(folder.resolve("store.xmi")));
    }

    @Test
    void anOlderStoreXmiNeverCostsTheNewerShards() throws IOException {
        Path older = folder.resolveSibling(folder.getFileName() + "-older.xmi");
        try (ActivationStore store = StoreFixtures.newStore(folder, 40);
                CaptureWriter writer = store.beginCapture(StoreFixtures.spec("c", SITES, WIDTH).shardBytes(1024))) {
            StoreFixtures.writePrompts(writer, SITES, WIDTH, 0, 6);
            writer.flush();
            Files.copy(folder.resolve("store.xmi"), older);
            StoreFixtures.writePrompts(writer, SITES, WIDTH, 6, 30);
        }
        List<String> shards = files(folder.resolve("captures/c"));
        Files.copy(older, folder.resolve("store.xmi"), StandardCopyOption.REPLACE_EXISTING);
        try (ActivationStore store = ActivationStore.open(folder)) {
            assertEquals(shards, files(folder.resolve("captures/c")), "opening deleted nothing");
            IOException e = assertThrows(IOException.class, () -> store.resumeCapture("c"));
            assertTrue(e.getMessage().contains("does not record"), e.getMessage());
            assertFalse(store.isBeingWritten("c"));
            try (ActivationSet set = store.openCapture("c")) {
                assertEquals(6, set.promptCount(), "what the older metadata records stays readable");
            }
        }
        assertEquals(shards, files(folder.resolve("captures/c")), "resuming deleted and replaced nothing");
    }

    @Test
    void onlyMechanistsTemporariesAreDeletedOnOpen() throws IOException {
        try (ActivationStore store = StoreFixtures.newStore(folder, 10)) {
            completeCapture(store, "c", 10);
        }
        List<Path> temporaries = List.of(folder.resolve(".store.xmi.3fa9c0.tmp"),
                folder.resolve("captures/c/.shard-00009.safetensors.12ab.tmp"),
                folder.resolve("captures/.gone.77.tmp/shard-00000.safetensors"),
                folder.resolve("saes/.res-2.9f3e.tmp/sae_weights.safetensors"));
        List<Path> kept = List.of(folder.resolve("captures/c/shard-00042.safetensors"), folder.resolve("captures/c/notes.txt"),
                folder.resolve("captures/unknown/shard-00000.safetensors"), folder.resolve("vectors/foreign.safetensors"),
                folder.resolve("captures/c/.hidden"), folder.resolve("captures/c/.x.tmp"),
                folder.resolve("saes/res-2/sae_weights.safetensors"));
        for (Path f : Stream.concat(temporaries.stream(), kept.stream()).toList()) {
            Files.createDirectories(f.getParent());
            Files.writeString(f, "x");
        }
        try (ActivationStore store = ActivationStore.open(folder)) {
            temporaries.forEach(f -> assertFalse(Files.exists(f), f + " is a temporary"));
            assertFalse(Files.exists(folder.resolve("captures/.gone.77.tmp")));
            assertFalse(Files.exists(folder.resolve("saes/.res-2.9f3e.tmp")), "an interrupted SAE import");
            kept.forEach(f -> assertTrue(Files.exists(f), f + " is not the store's to delete"));
            // a new capture is not written over files the store does not know
            IOException e = assertThrows(IOException.class,
                    () -> store.beginCapture(StoreFixtures.spec("unknown", SITES, WIDTH)));
            assertTrue(e.getMessage().contains("does not record"), e.getMessage());
            assertEquals(List.of("c"), store.<List<String>>read(s -> s.getCaptures().stream().map(c -> c.getId()).toList()));
        }
    }

    @Test
    void impossibleShapesCountsAndIndexesAreCorruptionErrors() throws IOException {
        try (ActivationStore store = StoreFixtures.newStore(folder, 10)) {
            completeCapture(store, "c", 10);
            // a logits-like row of 2^17 x 2^16 values cannot be indexed with ints
            store.update(s -> s.getCaptures().get(0).getSites().get(0).getRowShape().set(0, 1 << 17));
            store.update(s -> s.getCaptures().get(0).getSites().get(0).getRowShape().add(1 << 16));
            StoreCorruptionException e = assertThrows(StoreCorruptionException.class, () -> store.openCapture("c"));
            assertTrue(e.getMessage().contains("row shape"), e.getMessage());
            store.update(s -> s.getCaptures().get(0).getSites().get(0).getRowShape().remove(1));
            store.update(s -> s.getCaptures().get(0).getSites().get(0).getRowShape().set(0, WIDTH));

            store.update(s -> s.getCaptures().get(0).getShards().get(0).setPromptCount(1000));
            e = assertThrows(StoreCorruptionException.class, () -> store.openCapture("c"));
            assertTrue(e.getMessage().contains("1000 prompts"), e.getMessage());
            store.update(s -> s.getCaptures().get(0).getShards().get(0).setPromptCount(-3));
            assertThrows(StoreCorruptionException.class, () -> store.openCapture("c"));

            Path results = Files.createDirectories(folder.resolve("results"));
            SafetensorsWriter writer = new SafetensorsWriter().add("a", DType.F32, new long[] {4}, new float[] {1, 2, 3, 4});
            AtomicFiles.Written written = AtomicFiles.write(results.resolve("r.safetensors"), writer::writeTo);
            store.update(s -> {
                AnalysisResult result = MechanistFactory.eINSTANCE.createAnalysisResult();
                result.setId("r");
                result.setArraysFile("results/r.safetensors");
                result.setArraysSha256(written.sha256());
                ResultArray array = MechanistFactory.eINSTANCE.createResultArray();
                array.setName("a");
                array.setTensorName("a");
                array.getShape().addAll(List.of(3, 3));
                result.getArrays().add(array);
                s.getResults().add(result);
            });
            e = assertThrows(StoreCorruptionException.class, () -> store.readResultArray("r", "a"));
            assertTrue(e.getMessage().contains("[3, 3]"), e.getMessage());
            store.update(s -> s.getResults().get(0).getArrays().get(0).getShape().set(0, -3));
            assertThrows(StoreCorruptionException.class, () -> store.readResultArray("r", "a"));
            store.update(s -> s.getResults().get(0).getArrays().get(0).setTensorName("b"));
            assertThrows(StoreCorruptionException.class, () -> store.readResultArray("r", "a"));
        }
    }

    @Test
    void removingACaptureCompactsTheMetadataAndReportsWhatDependedOnIt() throws IOException {
        try (ActivationStore store = StoreFixtures.newStore(folder, 30)) {
            completeCapture(store, "c", 30);
            String vector = store.saveVector("v", SITES.get(0), "test", new float[WIDTH], Map.of(), "c");
            long before = Files.size(folder.resolve("store.xmi"));
            assertEquals(new ActivationStore.Dependents(List.of(), List.of(vector)), store.dependentsOf("c"));

            ActivationStore.Removal removal = store.removeCapture("c", true);
            assertEquals(List.of(StoreFixtures.DATASET), removal.datasetIds());
            assertEquals(List.of(StoreFixtures.MODEL), removal.modelIds());
            assertEquals(List.of(vector), removal.unlinked().vectorIds());
            assertFalse(Files.exists(folder.resolve("captures/c")));
            assertTrue(Files.size(folder.resolve("store.xmi")) < before / 2,
                    "store.xmi shrank from " + before + " to " + Files.size(folder.resolve("store.xmi")));
            assertEquals(WIDTH, store.readVector(vector).values().length, "the vector keeps its numbers");
            assertTrue(store.verify(null).isEmpty());
        }
        try (ActivationStore store = ActivationStore.open(folder)) {
            assertTrue(store.<Boolean>read(s -> s.getCaptures().isEmpty() && s.getDatasets().isEmpty()));
        }
    }

    @Test
    void theVerificationCacheIsBounded() throws IOException {
        Path many = Files.createDirectories(folder.resolve("many"));
        int count = CaptureReader.VERIFIED_CAPACITY + 100;
        for (int i = 0; i < count; i++) {
            Path f = many.resolve("f" + i);
            Files.writeString(f, Integer.toString(i));
            CaptureReader.verifyFile(f, -1, AtomicFiles.sha256(f));
        }
        assertEquals(CaptureReader.VERIFIED_CAPACITY, CaptureReader.rememberedVerifications());
    }
}
