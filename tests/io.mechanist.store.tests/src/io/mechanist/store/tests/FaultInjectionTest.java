package io.mechanist.store.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.api.io.TempDir;

import io.mechanist.core.activations.ActivationSet;
import io.mechanist.store.ActivationStore;
import io.mechanist.store.CaptureWriter;
import io.mechanist.store.internal.AtomicFiles;

/**
 * An I/O failure injected at each step of a capture's commit protocol, in this JVM: the failure reaches the
 * caller, and after reopening the store the earlier capture is intact, the failed one is INCOMPLETE and readable,
 * and resuming it gives shards bit-identical to an uninterrupted capture.
 */
class FaultInjectionTest {

    private static final List<String> SITES = List.of("blocks.0.resid_post", "blocks.1.resid_post");
    private static final int WIDTH = 8;
    private static final int PROMPTS = 60;
    private static final long SHARD_BYTES = 1024;

    @TempDir
    Path temp;

    @AfterEach
    void removeObserver() {
        AtomicFiles.observeSteps(null);
    }

    @ParameterizedTest
    @EnumSource(CommitPoint.class)
    void failureAtACommitStepLeavesAResumableStore(CommitPoint point) throws IOException {
        List<String> reference = StoreFixtures.uninterruptedDigests(temp.resolve("reference"), PROMPTS, "c", SITES, WIDTH,
                SHARD_BYTES);
        Path folder = temp.resolve("store");
        List<String> before;
        ActivationStore store = StoreFixtures.newStore(folder, PROMPTS);
        try {
            try (CaptureWriter writer = store.beginCapture(StoreFixtures.spec("before", SITES, WIDTH))) {
                StoreFixtures.writePrompts(writer, SITES, WIDTH, 0, PROMPTS);
                writer.complete();
            }
            before = StoreFixtures.shardDigests(store, "before");
            CaptureWriter writer = store.beginCapture(StoreFixtures.spec("c", SITES, WIDTH).shardBytes(SHARD_BYTES));
            AtomicInteger seen = new AtomicInteger();
            AtomicFiles.observeSteps((step, target) -> {
                if (point.matches(step, target) && seen.incrementAndGet() == 3) {
                    throw new IOException("injected fault at " + point);
                }
            });
            IOException fault = assertThrows(IOException.class, () -> {
                StoreFixtures.writePrompts(writer, SITES, WIDTH, 0, PROMPTS);
                writer.complete();
            });
            assertTrue(fault.getMessage().contains("injected"), fault.getMessage());
            AtomicFiles.observeSteps(null);
            // the failed writer is abandoned, as a process that dies would abandon it
        } finally {
            AtomicFiles.observeSteps(null);
            store.close();
        }

        try (ActivationStore reopened = ActivationStore.open(folder)) {
            assertEquals(before, StoreFixtures.shardDigests(reopened, "before"), point + ": earlier capture intact");
            assertEquals(List.of("c"), reopened.incompleteCaptures());
            assertTrue(reopened.verify(null).isEmpty(), point + ": " + reopened.verify(null));
            List<String> committed = StoreFixtures.shardDigests(reopened, "c");
            assertEquals(reference.subList(0, committed.size()), committed, point.toString());
            int readable;
            try (ActivationSet set = reopened.openCapture("c")) {
                readable = set.promptCount();
                for (int p = 0; p < readable; p++) {
                    assertEquals(StoreFixtures.value(1, p, 0, 2), set.prompt(SITES.get(1), p).get(0, 2), point + ", prompt " + p);
                }
            }
            try (CaptureWriter resumed = reopened.resumeCapture("c", SHARD_BYTES)) {
                assertEquals(readable, resumed.nextPrompt());
                StoreFixtures.writePrompts(resumed, SITES, WIDTH, readable, PROMPTS);
                resumed.complete();
            }
            assertEquals(reference, StoreFixtures.shardDigests(reopened, "c"), point + ": resume is bit-identical");
            assertTrue(reopened.verify(null).isEmpty());
        }
    }

    @Test
    void aFullDiskIsReportedWithTheFileBeingWrittenAndLeavesNoTemporary() throws IOException {
        Path target = temp.resolve("captures").resolve("shard-00000.safetensors");
        Files.createDirectories(target.getParent());
        IOException full = assertThrows(IOException.class, () -> AtomicFiles.write(target, channel -> {
            channel.write(java.nio.ByteBuffer.allocate(100));
            throw new IOException("No space left on device");
        }));
        assertTrue(full.getMessage().contains(target.toString()), full.getMessage());
        assertTrue(full.getMessage().contains("No space left on device"), full.getMessage());
        try (var left = Files.list(target.getParent())) {
            assertEquals(List.of(), left.toList(), "neither the target nor a temporary is left");
        }
    }
}
