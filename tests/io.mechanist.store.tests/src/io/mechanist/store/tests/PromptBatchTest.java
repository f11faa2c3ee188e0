package io.mechanist.store.tests;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.mechanist.core.activations.ActivationSet;
import io.mechanist.core.tensor.HalfFloats;
import io.mechanist.model.CaptureStatus;
import io.mechanist.model.StorageType;
import io.mechanist.store.ActivationStore;
import io.mechanist.store.CaptureSpec;
import io.mechanist.store.CaptureWriter;
import io.mechanist.store.PromptBatch;
import io.mechanist.store.PromptRows;

/**
 * Batches whose rows go straight into their shard files ({@link CaptureWriter#beginBatch}) give the files, bytes and
 * records that writing the same prompts one by one gives, whatever order the rows arrive in; a batch with rows
 * missing is not committed, and closing keeps exactly the prompts whose rows were all written.
 */
class PromptBatchTest {

    private static final List<String> SITES = List.of("blocks.0.resid_post", "blocks.1.resid_post", "blocks.2.resid_post");
    private static final int WIDTH = 48;
    private static final int PROMPTS = 23;

    @TempDir
    Path temp;

    @Test
    void batchesWrittenInPlaceEqualPromptByPromptWriting() throws Exception {
        record Case(String name, StorageType storage, UnaryOperator<CaptureSpec> positions, long shardBytes,
                int batch, boolean halves) {
        }
        List<Case> cases = List.of(
                new Case("f16 all positions", StorageType.F16, CaptureSpec::allPositions, 2048, 4, true),
                new Case("f16 from floats", StorageType.F16, CaptureSpec::allPositions, 3000, 5, false),
                new Case("f32 listed positions", StorageType.F32, s -> s.positions(0, 5, 7, -1), 4096, 3, false),
                new Case("f16 last position, one shard", StorageType.F16, CaptureSpec::lastPosition, 1 << 20, 6, true),
                new Case("f32 batches larger than shards", StorageType.F32, CaptureSpec::allPositions, 3000, 7, false));
        for (Case c : cases) {
            Path buffered = temp.resolve(c.name() + " buffered");
            Path streamed = temp.resolve(c.name() + " streamed");
            try (ActivationStore store = StoreFixtures.newStore(buffered, PROMPTS);
                    CaptureWriter writer = store.beginCapture(spec(c.storage(), c.positions(), c.shardBytes()))) {
                StoreFixtures.writePrompts(writer, SITES, WIDTH, 0, PROMPTS);
                writer.complete();
            }
            try (ActivationStore store = StoreFixtures.newStore(streamed, PROMPTS);
                    CaptureWriter writer = store.beginCapture(spec(c.storage(), c.positions(), c.shardBytes()))) {
                for (int from = 0; from < PROMPTS; from += c.batch()) {
                    int count = Math.min(c.batch(), PROMPTS - from);
                    PromptBatch batch = writer.beginBatch(from, count);
                    // as a forward pass delivers them: site by site, here with the prompts of each site backwards
                    for (String site : SITES.reversed()) {
                        for (int p = from + count - 1; p >= from; p--) {
                            batch.write(site, p, rows(writer, p, site, c.halves()));
                        }
                    }
                    batch.commit();
                }
                writer.complete();
            }
            List<Path> files = shardFiles(buffered);
            assertEquals(names(files), names(shardFiles(streamed)), c.name());
            assertTrue(c.shardBytes() > 100_000 || files.size() > 3, c.name() + ": several shards " + names(files));
            for (Path file : files) {
                assertArrayEquals(Files.readAllBytes(file), Files.readAllBytes(capture(streamed).resolve(file.getFileName())),
                        c.name() + " " + file.getFileName());
            }
            assertEquals(digests(buffered), digests(streamed), c.name());
            assertEquals(List.of(), temporaries(streamed), c.name());
        }
    }

    @Test
    void missingRowsRepeatedRowsAndStrangersAreRefused() throws Exception {
        try (ActivationStore store = StoreFixtures.newStore(temp.resolve("store"), PROMPTS);
                CaptureWriter writer = store.beginCapture(spec(StorageType.F16, CaptureSpec::allPositions, 2048))) {
            PromptBatch batch = writer.beginBatch(0, 3);
            for (int p = 0; p < 3; p++) {
                for (String site : SITES) {
                    if (p != 1 || !site.equals(SITES.get(2))) {
                        batch.write(site, p, rows(writer, p, site, true));
                    }
                }
            }
            IllegalStateException missing = assertThrows(IllegalStateException.class, batch::commit);
            assertTrue(missing.getMessage().contains("prompt 1") && missing.getMessage().contains(SITES.get(2)),
                    missing.getMessage());
            IllegalStateException twice = assertThrows(IllegalStateException.class,
                    () -> batch.write(SITES.get(0), 0, rows(writer, 0, SITES.get(0), true)));
            assertTrue(twice.getMessage().contains("already written"), twice.getMessage());
            assertThrows(IllegalArgumentException.class, () -> batch.write(SITES.get(0), 3, rows(writer, 3, SITES.get(0), true)));
            IllegalArgumentException unknown = assertThrows(IllegalArgumentException.class,
                    () -> batch.write("blocks.9.resid_post", 1, rows(writer, 1, SITES.get(0), true)));
            assertTrue(unknown.getMessage().contains("blocks.9.resid_post"), unknown.getMessage());
            IllegalArgumentException shortRows = assertThrows(IllegalArgumentException.class,
                    () -> batch.write(SITES.get(2), 1, new PromptRows.Halves(new short[WIDTH])));
            assertTrue(shortRows.getMessage().contains(SITES.get(2)), shortRows.getMessage());
            assertThrows(IllegalArgumentException.class, () -> writer.beginBatch(0, 2), "not the next prompts");
            assertThrows(IllegalStateException.class, () -> writer.writePrompt(3, StoreFixtures.rows(writer, SITES, WIDTH, 3)),
                    "prompt-by-prompt writing cannot interleave with begun batches");
            assertThrows(IllegalStateException.class, writer::complete);
        }
    }

    @Test
    void closingKeepsThePromptsWhoseRowsWereAllWrittenAndResumesToTheSameShards() throws Exception {
        long shardBytes = 2048;
        Path folder = temp.resolve("store");
        List<String> reference = StoreFixtures.uninterruptedDigests(temp.resolve("reference"), PROMPTS, "c", SITES,
                WIDTH, shardBytes);
        int kept;
        List<String> committedFirst;
        try (ActivationStore store = StoreFixtures.newStore(folder, PROMPTS);
                CaptureWriter writer = store.beginCapture(StoreFixtures.spec("c", SITES, WIDTH).shardBytes(shardBytes))) {
            PromptBatch first = writer.beginBatch(0, 5);
            writeAll(writer, first);
            first.commit();
            committedFirst = StoreFixtures.shardDigests(store, "c");
            // The next batch stops half way: prompts 5 and 6 have every site, 7 and 8 only the first.
            PromptBatch broken = writer.beginBatch(5, 4);
            for (String site : SITES) {
                for (int p = 5; p < 9; p++) {
                    if (p < 7 || site.equals(SITES.get(0))) {
                        broken.write(site, p, rows(writer, p, site, false));
                    }
                }
            }
            kept = 7;
        }
        try (ActivationStore store = ActivationStore.open(folder)) {
            assertEquals(List.of("c"), store.incompleteCaptures());
            assertEquals(CaptureStatus.INCOMPLETE, store.read(s -> s.getCaptures().get(0).getStatus()));
            assertEquals(List.of(), temporaries(folder));
            try (ActivationSet partial = store.openCapture("c")) {
                assertEquals(kept, partial.promptCount());
                for (int p = 0; p < kept; p++) {
                    for (int s = 0; s < SITES.size(); s++) {
                        assertEquals(StoreFixtures.value(s, p, 2, 5), partial.prompt(SITES.get(s), p).get(2, 5), 0f);
                    }
                }
            }
            try (CaptureWriter resumed = store.resumeCapture("c", shardBytes)) {
                assertEquals(kept, resumed.nextPrompt());
                StoreFixtures.writePrompts(resumed, SITES, WIDTH, kept, PROMPTS);
                resumed.complete();
            }
            assertEquals(PROMPTS, store.read(s -> s.getCaptures().get(0).getShards().stream()
                    .mapToInt(io.mechanist.model.Shard::getPromptCount).sum()));
            // The shards the first batch committed are those of an uninterrupted capture, and stay as they were.
            assertTrue(!committedFirst.isEmpty() && committedFirst.equals(reference.subList(0, committedFirst.size())),
                    committedFirst + " vs " + reference);
            assertEquals(committedFirst, StoreFixtures.shardDigests(store, "c").subList(0, committedFirst.size()));
            assertTrue(store.verify(null).isEmpty());
        }
    }

    private static void writeAll(CaptureWriter writer, PromptBatch batch) throws IOException {
        for (String site : SITES) {
            for (int p = batch.firstPrompt(); p < batch.firstPrompt() + batch.count(); p++) {
                batch.write(site, p, rows(writer, p, site, false));
            }
        }
    }

    private static CaptureSpec spec(StorageType storage, UnaryOperator<CaptureSpec> positions, long shardBytes) {
        return positions.apply(StoreFixtures.spec("c", SITES, WIDTH)).storage(storage).shardBytes(shardBytes);
    }

    /** Prompt {@code p}'s rows of {@code site} as floats, or narrowed to float16 bits as the runtime delivers them. */
    private static PromptRows rows(CaptureWriter writer, int p, String site, boolean halves) {
        float[] values = StoreFixtures.rows(writer, SITES, WIDTH, p).get(site);
        if (!halves) {
            return new PromptRows.Floats(values);
        }
        short[] bits = new short[values.length];
        for (int i = 0; i < values.length; i++) {
            bits[i] = HalfFloats.floatToF16(values[i]);
        }
        return new PromptRows.Halves(bits);
    }

    private static Path capture(Path store) {
        return store.resolve("captures").resolve("c");
    }

    private static List<Path> shardFiles(Path store) throws IOException {
        try (Stream<Path> files = Files.list(capture(store))) {
            return files.filter(f -> f.getFileName().toString().startsWith("shard-")).sorted().toList();
        }
    }

    private static List<String> temporaries(Path store) throws IOException {
        try (Stream<Path> files = Files.list(capture(store))) {
            return files.map(f -> f.getFileName().toString()).filter(n -> n.endsWith(".tmp")).toList();
        }
    }

    private static List<String> names(List<Path> files) {
        return files.stream().map(f -> f.getFileName().toString()).toList();
    }

    private static List<String> digests(Path folder) throws IOException {
        try (ActivationStore store = ActivationStore.openReadOnly(folder)) {
            return store.read(s -> s.getCaptures().get(0).getShards().stream()
                    .map(x -> x.getFile() + " " + x.getSize() + " " + x.getSha256() + " " + x.getFirstPrompt() + " "
                            + x.getPromptCount() + " " + x.getRowCount()).toList());
        }
    }
}
