package io.mechanist.spark;

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

import io.mechanist.capture.Capturer;
import io.mechanist.store.CaptureWriter;
import io.mechanist.store.ShardBuilder;

/**
 * The driver's side of the commit protocol refuses a staged shard that is not the next one, not a temporary of
 * the next shard in the capture's folder, or not the file the executor reported; a refused shard changes nothing.
 */
class CommitStagedTest {

    @TempDir
    Path temp;

    @Test
    void onlyTheNextShardAsStagedIsCommitted() throws IOException {
        try (Capturer.Session session = Capturer.open(SparkCaptureTest.job(temp.resolve("store")).build(), w -> { },
                null)) {
            CaptureWriter writer = session.writer();
            ShardBuilder.Staged first = stage(session, 0, 3, 0);
            ShardBuilder.Staged later = stage(session, 3, 2, 1);

            IllegalArgumentException notNext = assertThrows(IllegalArgumentException.class,
                    () -> writer.commitStaged(later));
            assertTrue(notNext.getMessage().contains("must start at prompt 0"), notNext.getMessage());
            IllegalArgumentException outside = assertThrows(IllegalArgumentException.class, () -> writer.commitStaged(
                    new ShardBuilder.Staged("../../x/" + first.temporaryName(), first.size(), first.sha256(), 0, 3,
                            first.rowCount())));
            assertTrue(outside.getMessage().contains("is not a temporary of shard-00000.safetensors"), outside.getMessage());
            IOException wrongSize = assertThrows(IOException.class, () -> writer.commitStaged(
                    new ShardBuilder.Staged(first.temporaryName(), first.size() + 1, first.sha256(), 0, 3, first.rowCount())));
            assertTrue(wrongSize.getMessage().contains(first.temporaryName()), wrongSize.getMessage());
            assertEquals(0, writer.nextPrompt());

            writer.commitStaged(first);
            assertEquals(3, writer.nextPrompt());
            assertTrue(Files.isRegularFile(writer.captureFolder().resolve("shard-00000.safetensors")));
            assertTrue(Files.notExists(writer.captureFolder().resolve(first.temporaryName())));
        }
    }

    /** Stages prompts {@code from .. from+count-1} as shard number {@code index}, as an executor would. */
    private static ShardBuilder.Staged stage(Capturer.Session session, int from, int count, int index) throws IOException {
        return fill(session, from, count).stage(session.writer().captureFolder(), index);
    }

    /** A shard of prompts {@code from .. from+count-1}, computed as an executor would. */
    static ShardBuilder fill(Capturer.Session session, int from, int count) {
        CaptureWriter writer = session.writer();
        ShardBuilder shard = new ShardBuilder(writer.captureId(), writer.shardSites(), writer.storage(), from, 1 << 16);
        List<long[]> tokens = session.prompts().subList(from, from + count).stream()
                .map(p -> java.util.Arrays.stream(p.tokenIds()).asLongStream().toArray()).toList();
        List<int[]> positions = java.util.stream.IntStream.range(from, from + count).mapToObj(writer::positions).toList();
        List<Map<String, float[]>> rows = Capturer.captureBatch(session.model(), session.sites(),
                session.job().padding(), true, session.maxTokens(), tokens, positions);
        for (int i = 0; i < count; i++) {
            shard.add(from + i, writer.tokenCount(from + i), positions.get(i), rows.get(i));
        }
        return shard;
    }
}
