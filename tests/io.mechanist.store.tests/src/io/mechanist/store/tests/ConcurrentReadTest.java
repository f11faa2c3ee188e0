package io.mechanist.store.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.mechanist.core.activations.ActivationSet;
import io.mechanist.core.activations.FloatMatrix;
import io.mechanist.model.CaptureStatus;
import io.mechanist.store.ActivationStore;
import io.mechanist.store.CaptureWriter;

/**
 * A reader (read-only store, as a view would use) reads a capture while a writer thread is still writing it. The
 * reader polls freely while the writer runs; in addition the writer pauses twice mid-capture until the reader has
 * looked, so the partial state is seen on every run regardless of scheduling.
 */
class ConcurrentReadTest {

    private static final List<String> SITES = List.of("blocks.0.resid_post", "blocks.1.resid_post");
    private static final int WIDTH = 16;
    private static final int PROMPTS = 300;

    @TempDir
    Path folder;

    /** The prompts after which the writer waits for the reader. */
    private static final int[] PAUSES = {99, 199};

    @Test
    void readerSeesAGrowingConsistentPrefixWhileTheCaptureWrites() throws Exception {
        CountDownLatch[] writerPaused = {new CountDownLatch(1), new CountDownLatch(1)};
        CountDownLatch[] readerLooked = {new CountDownLatch(1), new CountDownLatch(1)};
        try (ActivationStore writerStore = StoreFixtures.newStore(folder, PROMPTS)) {
            CompletableFuture<Void> writing = CompletableFuture.runAsync(() -> {
                try (CaptureWriter writer = writerStore.beginCapture(StoreFixtures.spec("live", SITES, WIDTH).shardBytes(4096))) {
                    for (int p = 0; p < PROMPTS; p++) {
                        writer.writePrompt(p, StoreFixtures.rows(writer, SITES, WIDTH, p));
                        for (int k = 0; k < PAUSES.length; k++) {
                            if (p == PAUSES[k]) {
                                writerPaused[k].countDown();
                                if (!readerLooked[k].await(60, TimeUnit.SECONDS)) {
                                    throw new IllegalStateException("the reader never looked after prompt " + p);
                                }
                            }
                        }
                    }
                    writer.complete();
                } catch (Exception e) {
                    throw new RuntimeException(e);
                }
            });
            int snapshots = 0;
            int lastSeen = 0;
            boolean sawPartial = false;
            try (ActivationStore reader = ActivationStore.openReadOnly(folder)) {
                int pause = 0;
                while (true) {
                    boolean done = writing.isDone();
                    boolean writerWaits = pause < PAUSES.length && writerPaused[pause].getCount() == 0;
                    reader.refresh();
                    boolean hasCapture = reader.read(s -> !s.getCaptures().isEmpty());
                    if (hasCapture) {
                        try (ActivationSet set = reader.openCapture("live")) {
                            int n = set.promptCount();
                            assertTrue(n >= lastSeen, "committed prompts never shrink");
                            sawPartial |= n > 0 && n < PROMPTS;
                            lastSeen = n;
                            for (int p = Math.max(0, n - 20); p < n; p++) {
                                FloatMatrix rows = set.prompt(SITES.get(1), p);
                                int last = rows.rows() - 1;
                                assertEquals(StoreFixtures.value(1, p, last, WIDTH - 1), rows.get(last, WIDTH - 1));
                            }
                            if (n > 0) {
                                FloatMatrix column = set.column(SITES.get(0), 0);
                                assertEquals(n, column.rows());
                                assertEquals(StoreFixtures.value(0, n - 1, 0, 2), column.get(n - 1, 2));
                            }
                            snapshots++;
                            if (writerWaits) {
                                // shards of 4096 bytes hold a few prompts each: by then most are committed
                                assertTrue(n > 0 && n <= PAUSES[pause] + 1, "while paused after prompt " + PAUSES[pause] + ": " + n);
                            }
                        }
                    } else {
                        assertTrue(!writerWaits, "the capture is registered before its first prompt is written");
                    }
                    if (writerWaits) {
                        readerLooked[pause++].countDown();
                    }
                    if (done) {
                        break;
                    }
                }
                writing.get(60, TimeUnit.SECONDS);
                reader.refresh();
                assertEquals(CaptureStatus.COMPLETE, reader.read(s -> s.getCaptures().get(0).getStatus()));
                try (ActivationSet set = reader.openCapture("live")) {
                    assertEquals(PROMPTS, set.promptCount());
                }
            }
            assertTrue(snapshots > 1, "the reader read more than once");
            assertTrue(sawPartial, "the reader saw the capture while it was incomplete");
        }
    }
}
