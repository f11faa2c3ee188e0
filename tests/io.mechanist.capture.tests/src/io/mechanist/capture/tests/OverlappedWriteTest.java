package io.mechanist.capture.tests;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.eclipse.core.runtime.NullProgressMonitor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.mechanist.capture.CaptureJob;
import io.mechanist.capture.CapturePositions;
import io.mechanist.capture.Capturer;
import io.mechanist.model.CaptureStatus;
import io.mechanist.model.Shard;
import io.mechanist.model.StorageType;
import io.mechanist.runtime.reference.ArchitectureFamily;
import io.mechanist.store.ActivationStore;
import io.mechanist.store.CaptureWriter;

/**
 * {@link Capturer#capture} writes each site's rows into their shard files as the forward pass delivers them and
 * commits a batch's shards on a background thread while the next batch runs. These tests pin that this changes
 * nothing in the store: the shards are byte for byte those of collecting each batch and writing it prompt by prompt
 * on the caller's thread, and a failure while committing fails the capture naming the file and leaves the committed
 * shards as they were, resumable.
 */
class OverlappedWriteTest {
    private static final String CAPTURE = "overlapped";

    @TempDir
    Path temp;

    @Test
    void shardsEqualThoseWrittenOnTheCallersThread() throws Exception {
        Path model = CaptureFixtures.checkpoint(ArchitectureFamily.LLAMA);
        Path dataset = CaptureFixtures.dataset(temp);
        for (StorageType storage : List.of(StorageType.F16, StorageType.F32)) {
            Path overlapped = temp.resolve("overlapped-" + storage);
            Path direct = temp.resolve("direct-" + storage);
            Capturer.capture(job(overlapped, model, dataset, storage), null);
            writeOnThisThread(job(direct, model, dataset, storage));
            List<Path> shards = shardFiles(direct);
            assertTrue(shards.size() > 3, "several shards: " + shards);
            assertEquals(shards.stream().map(Path::getFileName).toList(),
                    shardFiles(overlapped).stream().map(Path::getFileName).toList());
            for (Path shard : shards) {
                assertArrayEquals(Files.readAllBytes(shard),
                        Files.readAllBytes(overlapped.resolve("captures").resolve(CAPTURE).resolve(shard.getFileName())),
                        storage + " " + shard.getFileName());
            }
            assertEquals(recordedShards(direct), recordedShards(overlapped));
        }
    }

    @Test
    void listedPositionsThatSomePromptsLackEqualThoseWrittenOnTheCallersThread() throws Exception {
        Path model = CaptureFixtures.checkpoint(ArchitectureFamily.GPT2);
        Path dataset = CaptureFixtures.dataset(temp);
        // "yes :" has no position 5 or 8: its rows are empty at every site, in a batch whose other prompt has some.
        CapturePositions listed = CapturePositions.parse("5,8");
        Path overlapped = temp.resolve("overlapped");
        Path direct = temp.resolve("direct");
        Capturer.capture(job(overlapped, model, dataset, StorageType.F16, listed, 1024), null);
        writeOnThisThread(job(direct, model, dataset, StorageType.F16, listed, 1024));
        List<Path> shards = shardFiles(direct);
        assertTrue(shards.size() > 1, "several shards: " + shards);
        for (Path shard : shards) {
            assertArrayEquals(Files.readAllBytes(shard),
                    Files.readAllBytes(overlapped.resolve("captures").resolve(CAPTURE).resolve(shard.getFileName())),
                    shard.getFileName().toString());
        }
        assertEquals(recordedShards(direct), recordedShards(overlapped));
        try (ActivationStore opened = ActivationStore.openReadOnly(overlapped)) {
            assertTrue(opened.read(s -> s.getCaptures().get(0).getShards().stream()
                    .mapToLong(Shard::getRowCount).sum()) < 2 * CaptureFixtures.DATASET_LINES.size());
        }
    }

    @Test
    void writerFailureFailsTheCaptureNamingTheFileAndKeepsTheCommittedShards() throws Exception {
        Path model = CaptureFixtures.checkpoint(ArchitectureFamily.LLAMA);
        Path dataset = CaptureFixtures.dataset(temp);
        Path store = temp.resolve("store");
        CaptureJob job = job(store, model, dataset, StorageType.F16);
        // A folder (not empty) where the third shard goes: its commit (a rename over it) fails. It is made once
        // the capture has started, as the writer refuses to start beside unrecorded shard files.
        Path blocker = store.resolve("captures").resolve(CAPTURE).resolve("shard-00002.safetensors");
        NullProgressMonitor blockThirdShard = new NullProgressMonitor() {
            @Override
            public void subTask(String name) {
                if (name.startsWith("prompts 0..")) {
                    try {
                        Files.createDirectories(blocker);
                        Files.writeString(blocker.resolve("keep"), "x");
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                }
            }
        };
        IOException failure = assertThrows(IOException.class, () -> Capturer.capture(job, blockThirdShard));
        assertTrue(String.valueOf(failure.getMessage()).contains("shard-00002.safetensors"), failure.toString());

        try (ActivationStore opened = ActivationStore.openReadOnly(store)) {
            List<String> committed = recordedShards(opened).stream().map(s -> s.split(" ")[0]).toList();
            assertEquals(List.of("shard-00000.safetensors", "shard-00001.safetensors"), committed);
            assertEquals(CaptureStatus.INCOMPLETE, opened.read(s -> s.getCaptures().get(0).getStatus()));
        }
        try (Stream<Path> files = Files.list(store.resolve("captures").resolve(CAPTURE))) {
            assertEquals(List.of("shard-00000.safetensors", "shard-00001.safetensors", "shard-00002.safetensors"),
                    files.map(f -> f.getFileName().toString()).sorted().toList(), "no temporaries left");
        }

        // With the obstacle gone the capture resumes, and ends as one that never failed.
        Files.delete(blocker.resolve("keep"));
        Files.delete(blocker);
        Capturer.capture(job, null);
        Path clean = temp.resolve("clean");
        Capturer.capture(job(clean, model, dataset, StorageType.F16), null);
        for (Path shard : shardFiles(clean)) {
            assertArrayEquals(Files.readAllBytes(shard),
                    Files.readAllBytes(store.resolve("captures").resolve(CAPTURE).resolve(shard.getFileName())),
                    shard.getFileName().toString());
        }
        assertEquals(recordedShards(clean), recordedShards(store));
    }

    /**
     * Batches of 2, every position, a shard per KiB: one per prompt but the shortest, so prompts 0 and 1 are the first
     * two shards and a resume after them starts a batch where the first run did.
     */
    static CaptureJob job(Path store, Path model, Path dataset, StorageType storage) {
        return job(store, model, dataset, storage, CapturePositions.all(), 1024);
    }

    private static CaptureJob job(Path store, Path model, Path dataset, StorageType storage,
            CapturePositions positions, long shardBytes) {
        return CaptureJob.builder(store, model, dataset).sites("blocks.*.resid_post", "blocks.0.attn_pattern")
                .positions(positions).storage(storage).batchSize(2).captureId(CAPTURE).shardBytes(shardBytes)
                .build();
    }

    /** What {@link Capturer#capture} did before it overlapped writing: each batch written on this thread. */
    private static void writeOnThisThread(CaptureJob job) throws IOException {
        try (Capturer.Session session = Capturer.open(job, warning -> { }, null)) {
            CaptureWriter writer = session.writer();
            int total = session.prompts().size();
            for (int from = 0; from < total; from += job.batchSize()) {
                int to = Math.min(total, from + job.batchSize());
                List<long[]> tokens = new ArrayList<>();
                List<int[]> wanted = new ArrayList<>();
                for (int p = from; p < to; p++) {
                    tokens.add(java.util.Arrays.stream(session.prompts().get(p).tokenIds()).asLongStream().toArray());
                    wanted.add(writer.positions(p));
                }
                List<Map<String, float[]>> rows = Capturer.captureBatch(session.model(), session.sites(),
                        job.padding(), true, session.maxTokens(), tokens, wanted);
                for (int b = 0; b < rows.size(); b++) {
                    writer.writePrompt(from + b, rows.get(b));
                }
            }
            session.complete();
        }
    }

    static List<Path> shardFiles(Path store) throws IOException {
        try (Stream<Path> files = Files.list(store.resolve("captures").resolve(CAPTURE))) {
            return files.filter(f -> f.getFileName().toString().startsWith("shard-")).sorted().toList();
        }
    }

    static List<String> recordedShards(Path store) throws IOException {
        try (ActivationStore opened = ActivationStore.openReadOnly(store)) {
            return recordedShards(opened);
        }
    }

    /** Each committed shard as recorded: file, size, hash, prompts and rows. */
    private static List<String> recordedShards(ActivationStore store) {
        return store.read(s -> s.getCaptures().get(0).getShards().stream().map(OverlappedWriteTest::describe)
                .toList());
    }

    private static String describe(Shard shard) {
        return shard.getFile() + " " + shard.getSize() + " " + shard.getSha256() + " " + shard.getFirstPrompt() + " "
                + shard.getPromptCount() + " " + shard.getRowCount();
    }
}
