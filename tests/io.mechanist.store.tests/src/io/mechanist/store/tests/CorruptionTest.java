package io.mechanist.store.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.mechanist.core.activations.ActivationSet;
import io.mechanist.store.ActivationStore;
import io.mechanist.store.CaptureWriter;
import io.mechanist.store.StoreCorruptionException;

class CorruptionTest {

    private static final List<String> SITES = List.of("blocks.0.resid_post");
    private static final int WIDTH = 8;

    @TempDir
    Path folder;
    private Path shard;

    @BeforeEach
    void writeCapture() throws IOException {
        try (ActivationStore store = StoreFixtures.newStore(folder, 12);
                CaptureWriter writer = store.beginCapture(StoreFixtures.spec("c", SITES, WIDTH).shardBytes(1024))) {
            StoreFixtures.writePrompts(writer, SITES, WIDTH, 0, 12);
            writer.complete();
        }
        shard = folder.resolve("captures/c/shard-00001.safetensors");
        assertTrue(Files.exists(shard));
    }

    @Test
    void truncatedShardIsReportedWithItsFileName() throws IOException {
        try (FileChannel channel = FileChannel.open(shard, StandardOpenOption.WRITE)) {
            channel.truncate(channel.size() - 7);
        }
        StoreCorruptionException problem = readPromptOf(shard);
        assertEquals(shard, problem.file());
        assertTrue(problem.getMessage().contains("truncated"), problem.getMessage());
        assertTrue(problem.getMessage().contains(shard.toString()), problem.getMessage());
    }

    @Test
    void flippedByteFailsTheChecksumAndNamesTheFile() throws IOException {
        try (FileChannel channel = FileChannel.open(shard, StandardOpenOption.READ, StandardOpenOption.WRITE)) {
            long at = channel.size() - 40;
            ByteBuffer one = ByteBuffer.allocate(1);
            channel.read(one, at);
            one.put(0, (byte) (one.get(0) ^ 0x10)).rewind();
            channel.write(one, at);
        }
        StoreCorruptionException problem = readPromptOf(shard);
        assertEquals(shard, problem.file());
        assertTrue(problem.getMessage().contains("checksum"), problem.getMessage());
        try (ActivationStore store = ActivationStore.openReadOnly(folder)) {
            List<StoreCorruptionException> problems = store.verify(null);
            assertEquals(1, problems.size());
            assertEquals(shard, problems.get(0).file());
            // untouched shards stay readable
            try (ActivationSet set = store.openCapture("c")) {
                assertEquals(StoreFixtures.value(0, 0, 1, 1), set.prompt(SITES.get(0), 0).get(1, 1));
            }
        }
    }

    @Test
    void missingShardAndDamagedStoreFileAreReported() throws IOException {
        Files.delete(shard);
        StoreCorruptionException problem = readPromptOf(shard);
        assertTrue(problem.getMessage().contains("missing"), problem.getMessage());
        Path storeFile = folder.resolve("store.xmi");
        Files.writeString(storeFile, "<not a store");
        IOException damaged = assertThrows(IOException.class, () -> ActivationStore.openReadOnly(folder));
        assertTrue(damaged.getMessage().contains(storeFile.toString()), damaged.getMessage());
    }

    @Test
    void aShardWithARenamedIndexTensorIsCorruptEvenWithAMatchingChecksum() throws IOException {
        byte[] bytes = Files.readAllBytes(shard);
        String text = new String(bytes, java.nio.charset.StandardCharsets.ISO_8859_1);
        int at = text.indexOf("\"prompt_index\"");
        assertTrue(at > 0);
        bytes[at + "\"prompt_inde".length()] = 'y';
        Files.write(shard, bytes);
        String sha = io.mechanist.store.internal.AtomicFiles.sha256(shard);
        try (ActivationStore store = ActivationStore.open(folder)) {
            store.update(s -> s.getCaptures().get(0).getShards().get(1).setSha256(sha));
        }
        StoreCorruptionException problem = readPromptOf(shard);
        assertTrue(problem.getMessage().contains("no tensor 'prompt_index'"), problem.getMessage());
    }

    /** Reads every prompt and returns the corruption reported for {@code file}. */
    private StoreCorruptionException readPromptOf(Path file) throws IOException {
        try (ActivationStore store = ActivationStore.openReadOnly(folder); ActivationSet set = store.openCapture("c")) {
            UncheckedIOException thrown = assertThrows(UncheckedIOException.class, () -> {
                for (int p = 0; p < set.promptCount(); p++) {
                    set.prompt(SITES.get(0), p);
                }
            });
            return assertInstanceOf(StoreCorruptionException.class, thrown.getCause());
        }
    }
}
