package io.mechanist.capture.tests;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.mechanist.capture.CaptureSummary;
import io.mechanist.capture.Capturer;
import io.mechanist.model.CaptureStatus;
import io.mechanist.model.StorageType;
import io.mechanist.runtime.HookedTransformer;
import io.mechanist.runtime.RunRequest;
import io.mechanist.runtime.reference.ArchitectureFamily;
import io.mechanist.store.ActivationStore;

/**
 * {@link Capturer#capture(io.mechanist.capture.CaptureJob, HookedTransformer, org.eclipse.core.runtime.IProgressMonitor)}
 * captures with a model the caller loaded and keeps: the store holds what a capture that loads the model itself
 * writes, the model stays open for the next capture, and a model from another folder is refused before the store is
 * touched.
 */
class HeldModelCaptureTest {

    @TempDir
    Path temp;

    @Test
    void capturesWhatALoadingCaptureWritesAndLeavesTheModelOpen() throws Exception {
        Path model = CaptureFixtures.checkpoint(ArchitectureFamily.LLAMA);
        Path dataset = CaptureFixtures.dataset(temp);
        Path loading = temp.resolve("loading");
        Capturer.capture(OverlappedWriteTest.job(loading, model, dataset, StorageType.F16), null);
        try (HookedTransformer held = HookedTransformer.load(model)) {
            List<long[]> prompt = List.of(new long[] {1, 5, 9, 3});
            float[] before = held.run(RunRequest.builder(prompt).build()).lastLogits(0);
            for (String run : List.of("held-1", "held-2")) {
                Path store = temp.resolve(run);
                CaptureSummary summary = Capturer.capture(OverlappedWriteTest.job(store, model, dataset,
                        StorageType.F16), held, null);
                assertTrue(summary.complete());
                List<Path> shards = OverlappedWriteTest.shardFiles(loading);
                assertEquals(shards.stream().map(Path::getFileName).toList(),
                        OverlappedWriteTest.shardFiles(store).stream().map(Path::getFileName).toList());
                for (Path shard : shards) {
                    assertArrayEquals(Files.readAllBytes(shard), Files.readAllBytes(store.resolve("captures")
                            .resolve(shard.getParent().getFileName()).resolve(shard.getFileName())), run + " " + shard);
                }
                assertEquals(OverlappedWriteTest.recordedShards(loading), OverlappedWriteTest.recordedShards(store));
                try (ActivationStore opened = ActivationStore.openReadOnly(store)) {
                    assertEquals(CaptureStatus.COMPLETE, opened.read(s -> s.getCaptures().get(0).getStatus()));
                }
            }
            // still open and unchanged after two captures
            assertArrayEquals(before, held.run(RunRequest.builder(prompt).build()).lastLogits(0));
        }
    }

    @Test
    void refusesAModelLoadedFromAnotherFolderBeforeTouchingTheStore() throws Exception {
        Path llama = CaptureFixtures.checkpoint(ArchitectureFamily.LLAMA);
        Path gpt2 = CaptureFixtures.checkpoint(ArchitectureFamily.GPT2);
        Path dataset = CaptureFixtures.dataset(temp);
        Path store = temp.resolve("store");
        try (HookedTransformer held = HookedTransformer.load(gpt2)) {
            IllegalArgumentException refused = assertThrows(IllegalArgumentException.class, () -> Capturer.capture(
                    OverlappedWriteTest.job(store, llama, dataset, StorageType.F16), held, null));
            assertTrue(refused.getMessage().contains(llama.toString()) && refused.getMessage().contains(
                    gpt2.toString()), refused.getMessage());
            assertFalse(Files.exists(store));
            assertEquals(1, held.run(RunRequest.builder(List.of(new long[] {1, 2})).build()).lastLogits().size());
        }
    }
}
