package io.mechanist.store.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Consumer;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.api.io.TempDir;

import io.mechanist.core.activations.ActivationSet;
import io.mechanist.core.tensor.DType;
import io.mechanist.core.tensor.SafetensorsFile;
import io.mechanist.core.tensor.SafetensorsWriter;
import io.mechanist.model.AnalysisResult;
import io.mechanist.model.Capture;
import io.mechanist.model.MechanistFactory;
import io.mechanist.model.ResultArray;
import io.mechanist.model.Store;
import io.mechanist.store.ActivationStore;
import io.mechanist.store.CaptureWriter;
import io.mechanist.store.StoreCorruptionException;
import io.mechanist.store.internal.AtomicFiles;
import io.mechanist.store.internal.StorePaths;

/**
 * Stores crafted to point outside themselves ({@code ../} paths, absolute paths, symbolic links): every use of such
 * a path is a {@link StoreCorruptionException} naming the element and the path, and a sentinel folder outside the
 * store keeps its files, contents and modification times, with nothing created in it.
 */
class ContainmentTest {

    private static final List<String> SITES = List.of("blocks.0.resid_post");
    private static final int WIDTH = 8;

    @TempDir
    Path temp;
    private Path folder;
    private Path outside;
    private Map<String, String> sentinelBefore;
    private String vectorId;

    @BeforeEach
    void storeAndSentinel() throws IOException {
        folder = temp.resolve("store");
        outside = Files.createDirectories(temp.resolve("outside"));
        try (ActivationStore store = StoreFixtures.newStore(folder, 12);
                CaptureWriter writer = store.beginCapture(StoreFixtures.spec("c", SITES, WIDTH).shardBytes(1024))) {
            StoreFixtures.writePrompts(writer, SITES, WIDTH, 0, 12);
            writer.complete();
            vectorId = store.saveVector("v", SITES.get(0), "test", new float[WIDTH], Map.of(), "c");
            addResult(store, "r1");
        }
        // The sentinel: copies of the store's own files (same checksums), so only containment can stop a read.
        Files.copy(folder.resolve("captures/c/shard-00000.safetensors"), outside.resolve("shard-00000.safetensors"));
        Files.copy(folder.resolve("captures/c/shard-00001.safetensors"), outside.resolve("shard-00001.safetensors"));
        Files.copy(folder.resolve("vectors/" + vectorId + ".safetensors"), outside.resolve("secret.safetensors"));
        Files.writeString(outside.resolve(".secret.0123abcd.tmp"), "looks like a temporary, is not the store's");
        Files.setLastModifiedTime(outside.resolve("secret.safetensors"), FileTime.fromMillis(1_000_000_000_000L));
        sentinelBefore = sentinel();
    }

    @AfterEach
    void sentinelUntouched() throws IOException {
        assertEquals(sentinelBefore, sentinel(), "the folder outside the store is unchanged");
    }

    /** Name, size, modification time and SHA-256 of everything in the sentinel folder. */
    private Map<String, String> sentinel() throws IOException {
        Map<String, String> state = new TreeMap<>();
        try (Stream<Path> files = Files.walk(outside)) {
            for (Path f : files.filter(Files::isRegularFile).toList()) {
                state.put(outside.relativize(f).toString(), Files.size(f) + " " + Files.getLastModifiedTime(f).toMillis()
                        + " " + AtomicFiles.sha256(f));
            }
        }
        return state;
    }

    private static void addResult(ActivationStore store, String id) throws IOException {
        Path results = Files.createDirectories(store.folder().resolve("results"));
        SafetensorsWriter writer = new SafetensorsWriter().add("a", DType.F32, new long[] {2, 2}, new float[] {1, 2, 3, 4});
        AtomicFiles.Written written = AtomicFiles.write(results.resolve(id + ".safetensors"), writer::writeTo);
        store.update(s -> {
            AnalysisResult result = MechanistFactory.eINSTANCE.createAnalysisResult();
            result.setId(id);
            result.setAnalysisId("test");
            result.setArraysFile("results/" + id + ".safetensors");
            result.setArraysSha256(written.sha256());
            ResultArray array = MechanistFactory.eINSTANCE.createResultArray();
            array.setName("a");
            array.setTensorName("a");
            array.getShape().addAll(List.of(2, 2));
            result.getArrays().add(array);
            s.getResults().add(result);
        });
    }

    private void craft(Consumer<Store> change) throws IOException {
        try (ActivationStore store = ActivationStore.open(folder)) {
            store.update(change);
        }
    }

    private static Capture capture(Store s) {
        return s.getCaptures().get(0);
    }

    /** Runs {@code action}, expects a corruption error naming store.xmi, {@code element} and {@code path}. */
    private static StoreCorruptionException refused(Executable action, String element, String path) {
        StoreCorruptionException e = assertThrows(StoreCorruptionException.class, action);
        assertTrue(e.getMessage().contains(element), e.getMessage());
        assertTrue(e.getMessage().contains(path), e.getMessage());
        assertFalse(e.getMessage().contains("truncated") || e.getMessage().contains("bytes"),
                "no size of an outside file leaks: " + e.getMessage());
        return e;
    }

    @Test
    void captureFolderOutsideTheStoreIsNeverReadWrittenOrDeleted() throws IOException {
        String escape = "../outside";
        craft(s -> capture(s).setFolder(escape));
        try (ActivationStore store = ActivationStore.open(folder)) {
            StoreCorruptionException e = refused(() -> store.openCapture("c"), "capture 'c'", escape);
            assertEquals(folder.resolve("store.xmi"), e.file());
            refused(() -> store.removeCapture("c"), "capture 'c'", escape);
            store.update(s -> capture(s).setStatus(io.mechanist.model.CaptureStatus.INCOMPLETE));
            refused(() -> store.resumeCapture("c"), "capture 'c'", escape);
            assertFalse(store.isBeingWritten("c"), "a refused resume leaves no writer registered");
            List<StoreCorruptionException> problems = store.verify(null);
            assertEquals(2, problems.size(), problems.toString());
            problems.forEach(p -> assertTrue(p.getMessage().contains(escape), p.getMessage()));
        }
    }

    @Test
    void shardFilesWithParentOrAbsolutePathsAreRefused() throws IOException {
        for (String escape : List.of("../../outside/shard-00000.safetensors", outside.resolve("shard-00000.safetensors").toString(),
                "shard-00000.safetensors/../../../outside/shard-00000.safetensors", "sub/shard-00000.safetensors")) {
            craft(s -> capture(s).getShards().get(0).setFile(escape));
            try (ActivationStore store = ActivationStore.openReadOnly(folder)) {
                refused(() -> store.openCapture("c"), "shard of capture 'c'", escape);
                List<StoreCorruptionException> problems = store.verify(null);
                assertEquals(1, problems.size(), problems.toString());
                assertTrue(problems.get(0).getMessage().contains(escape), problems.get(0).getMessage());
            }
        }
    }

    @Test
    void vectorAndResultFilesOutsideTheStoreAreRefused() throws IOException {
        for (String escape : List.of("../outside/secret.safetensors", outside.resolve("secret.safetensors").toString(),
                "vectors/../../outside/secret.safetensors")) {
            craft(s -> {
                s.getVectors().get(0).setFile(escape);
                s.getResults().get(0).setArraysFile(escape);
            });
            try (ActivationStore store = ActivationStore.openReadOnly(folder)) {
                refused(() -> store.readVector(vectorId), "vector '" + vectorId + "'", escape);
                refused(() -> store.readResultArray("r1", "a"), "analysis result 'r1'", escape);
                assertEquals(2, store.verify(null).size());
            }
        }
    }

    @Test
    void symbolicLinksLeadingOutsideAreRefusedEvenWithMatchingChecksums() throws IOException {
        // captures/c -> outside (which holds identical shard copies)
        Path captureFolder = folder.resolve("captures/c");
        Path moved = folder.resolve("captures-c-original");
        Files.move(captureFolder, moved);
        Files.createSymbolicLink(captureFolder, outside);
        try (ActivationStore store = ActivationStore.open(folder)) {
            refused(() -> store.openCapture("c").prompt(SITES.get(0), 0), "capture 'c'", "captures/c");
            refused(() -> store.removeCapture("c"), "capture 'c'", "captures/c");
            store.update(s -> capture(s).setStatus(io.mechanist.model.CaptureStatus.INCOMPLETE));
            refused(() -> store.resumeCapture("c"), "capture 'c'", "captures/c");
            assertEquals(2, store.verify(null).size());
            store.update(s -> capture(s).setStatus(io.mechanist.model.CaptureStatus.COMPLETE));
        }
        Files.delete(captureFolder);
        Files.move(moved, captureFolder);

        // one shard file -> its copy outside
        Path shard = captureFolder.resolve("shard-00000.safetensors");
        Files.delete(shard);
        Files.createSymbolicLink(shard, outside.resolve("shard-00000.safetensors"));
        try (ActivationStore store = ActivationStore.openReadOnly(folder); ActivationSet set = store.openCapture("c")) {
            java.io.UncheckedIOException e = assertThrows(java.io.UncheckedIOException.class,
                    () -> set.prompt(SITES.get(0), 0));
            StoreCorruptionException cause = assertInstanceOf(StoreCorruptionException.class, e.getCause());
            assertTrue(cause.getMessage().contains("shard-00000.safetensors"), cause.getMessage());
            assertTrue(cause.getMessage().contains("symbolic link"), cause.getMessage());
            assertEquals(1, store.verify(null).size());
        }

        // vectors/ -> outside: neither read nor written through
        Path vectors = folder.resolve("vectors");
        Files.move(vectors, folder.resolve("vectors-original"));
        Files.createSymbolicLink(vectors, outside);
        try (ActivationStore store = ActivationStore.open(folder)) {
            refused(() -> store.readVector(vectorId), "vector '" + vectorId + "'", "vectors/");
            refused(() -> store.saveVector("w", SITES.get(0), "test", new float[WIDTH], Map.of(), null), "folder",
                    "vectors");
        }
    }

    @Test
    void linkedLockAndStoreFilesAreRefusedAndTemporariesAreOnlyDeletedInsideTheStore() throws IOException {
        // a temporary-looking file reached through a linked capture folder must survive the cleanup on open
        Files.createSymbolicLink(folder.resolve("captures/linked"), outside);
        try (ActivationStore store = ActivationStore.open(folder)) {
            assertTrue(Files.exists(outside.resolve(".secret.0123abcd.tmp")));
        }
        Files.delete(folder.resolve("captures/linked"));

        Path lock = folder.resolve(".lock");
        Files.delete(lock);
        Files.createSymbolicLink(lock, outside.resolve("created-by-open"));
        StoreCorruptionException e = assertThrows(StoreCorruptionException.class, () -> ActivationStore.open(folder));
        assertTrue(e.getMessage().contains(".lock"), e.getMessage());
        assertFalse(Files.exists(outside.resolve("created-by-open")));
        Files.delete(lock);

        Path storeFile = folder.resolve("store.xmi");
        Path real = folder.resolve("store-original.xmi");
        Files.move(storeFile, real);
        Files.createSymbolicLink(storeFile, real);
        e = assertThrows(StoreCorruptionException.class, () -> ActivationStore.openReadOnly(folder));
        assertTrue(e.getMessage().contains("symbolic link"), e.getMessage());
    }

    @Test
    void hardLinksAreRefusedEvenWithMatchingChecksums() throws IOException {
        // a shard replaced by a second name of its identical copy outside: only the link count tells them apart
        Path shard = folder.resolve("captures/c/shard-00000.safetensors");
        Files.delete(shard);
        Files.createLink(shard, outside.resolve("shard-00000.safetensors"));
        try (ActivationStore store = ActivationStore.openReadOnly(folder); ActivationSet set = store.openCapture("c")) {
            java.io.UncheckedIOException e = assertThrows(java.io.UncheckedIOException.class,
                    () -> set.prompt(SITES.get(0), 0));
            StoreCorruptionException cause = assertInstanceOf(StoreCorruptionException.class, e.getCause());
            assertTrue(cause.getMessage().contains("captures/c/shard-00000.safetensors' is a hard link"),
                    cause.getMessage());
            List<StoreCorruptionException> problems = store.verify(null);
            assertEquals(1, problems.size());
            assertTrue(problems.get(0).getMessage().contains("hard link"), problems.get(0).getMessage());
        }

        Path vector = folder.resolve("vectors/" + vectorId + ".safetensors");
        Files.delete(vector);
        Files.createLink(vector, outside.resolve("secret.safetensors"));
        try (ActivationStore store = ActivationStore.openReadOnly(folder)) {
            refused(() -> store.readVector(vectorId), "vector '" + vectorId + "'", "is a hard link");
        }

        Path storeFile = folder.resolve("store.xmi");
        Files.createLink(folder.resolve("store-second-name.xmi"), storeFile);
        StoreCorruptionException e = assertThrows(StoreCorruptionException.class,
                () -> ActivationStore.openReadOnly(folder));
        assertTrue(e.getMessage().contains("store.xmi") && e.getMessage().contains("hard link"), e.getMessage());
    }

    /**
     * What another process could do between the containment check and the open (simulated inside the opener, which
     * runs exactly there): the file is refused before anything read from it is used, what was opened is closed,
     * and the opener's own error about the swapped-in file (here its size) is not what the caller sees.
     */
    @Test
    void aFileSwappedBetweenTheCheckAndTheOpenIsRefused() throws IOException {
        StorePaths paths = new StorePaths(folder.toAbsolutePath().normalize());
        Path captureFolder = folder.resolve("captures/c");
        Path shard = captureFolder.resolve("shard-00000.safetensors");
        Path moved = folder.resolve("captures-c-original");
        StoreCorruptionException e = assertThrows(StoreCorruptionException.class,
                () -> paths.openInside(shard, "shard of capture 'c'", file -> {
                    Files.move(captureFolder, moved);
                    Files.createSymbolicLink(captureFolder, outside);
                    io.mechanist.store.internal.CaptureReader.verifyFile(file, 1, "0".repeat(64));
                    return SafetensorsFile.open(file);
                }));
        assertTrue(e.getMessage().contains("symbolic link"), e.getMessage());
        assertFalse(e.getMessage().contains("bytes"), "nothing about the outside file: " + e.getMessage());
        Files.delete(captureFolder);
        Files.move(moved, captureFolder);

        // the same name, another file: a rename over it between the check and the open
        java.util.concurrent.atomic.AtomicBoolean closed = new java.util.concurrent.atomic.AtomicBoolean();
        Path other = folder.resolve("captures/c/.other.tmp");
        e = assertThrows(StoreCorruptionException.class, () -> paths.openInside(shard, "shard of capture 'c'", file -> {
            Files.copy(file, other);
            Files.move(other, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            SafetensorsFile opened = SafetensorsFile.open(file);
            return () -> {
                closed.set(true);
                opened.close();
            };
        }));
        assertTrue(closed.get(), "what was opened is closed");
        assertTrue(e.getMessage().contains("was replaced on disk while it was being opened"), e.getMessage());

        // undisturbed, the file opens
        try (SafetensorsFile opened = paths.openInside(shard, "shard of capture 'c'", SafetensorsFile::open)) {
            assertFalse(opened.tensorNames().isEmpty());
        }
    }
}
