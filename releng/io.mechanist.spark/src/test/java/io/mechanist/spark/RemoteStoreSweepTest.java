package io.mechanist.spark;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.mechanist.core.analysis.AnalysisRegistry;
import io.mechanist.steering.analysis.SweepAnalysis;
import io.mechanist.store.ActivationStore;
import io.mechanist.store.AnalysisRunner;

/**
 * A steering sweep on Spark ({@code sweep} mode) whose store is on a Hadoop filesystem ({@link RemoteStore}):
 * the result it stores there, in the store copied down, equals the single-machine sweep run on that copy.
 */
class RemoteStoreSweepTest {

    @TempDir
    Path temp;

    @Test
    void aSweepIntoAStoreOnAnotherSchemeEqualsTheSingleMachineSweep() throws Exception {
        Path otherRoot = Files.createDirectories(temp.resolve("other"));
        OtherSchemeFileSystem.register(LocalSpark.context().hadoopConfiguration(), otherRoot);
        Path local = SparkStoredSweepTest.demoStore(Files.createDirectories(temp.resolve("local")));
        Path remote = otherRoot.resolve("sweep/store");
        copy(local, remote);
        byte[] pairsShard = Files.readAllBytes(remote.resolve("captures/pairs/shard-00000.safetensors"));
        // as SparkStoredSweepTest.request: the steering vector from the contrast capture, a random null of 3
        SweepArguments arguments = SweepArguments.parse(List.of("--store", "othersfs:/sweep/store", "--model",
                SparkCaptureTest.MODEL.toString(), "--held-out", "held-out", "--contrast", "pairs", "--layers", "1,3",
                "--multipliers", "-1,0,1", "--held-out-prompts", "all", "--pair-label", "answer", "--pair-positive",
                "A", "--target", "fixed:A", "--batch-size", "8", "--null-directions", "3", "--prompts-per-task",
                "16"));

        SparkSweep.Stored stored = SparkCaptureMain.sweep(LocalSpark.context(), arguments, System.out::println);

        assertEquals(List.of("captures", "results", "store.xmi"), list(remote), "no lock, no temporaries left");
        assertEquals(List.of(stored.resultId() + ".safetensors"), list(remote.resolve("results")));
        assertArrayEquals(pairsShard, Files.readAllBytes(remote.resolve("captures/pairs/shard-00000.safetensors")));
        Path copy = temp.resolve("copy");
        copy(remote, copy);
        try (ActivationStore store = ActivationStore.open(copy)) {
            assertEquals(List.of(), store.verify(null), "sizes and hashes of the copy");
            AnalysisRegistry registry = SparkSweep.analyses();
            String single = new AnalysisRunner(store, registry).run(registry.get(SweepAnalysis.ID), new SweepAnalysis(),
                    SparkStoredSweepTest.request(SparkCaptureTest.MODEL), null);
            SparkStoredSweepTest.assertSameResult(store, single, stored.resultId(), SparkCaptureTest.MODEL.toString());
        }
    }

    /** A plain copy of a store without its local lock file, as a user uploads one. */
    private static void copy(Path from, Path to) throws IOException {
        Files.createDirectories(to.getParent());
        try (Stream<Path> files = Files.walk(from)) {
            for (Path file : files.toList()) {
                if (!file.getFileName().toString().equals(".lock")) {
                    Files.copy(file, to.resolve(from.relativize(file).toString()));
                }
            }
        }
    }

    private static List<String> list(Path folder) throws IOException {
        try (Stream<Path> files = Files.list(folder)) {
            return files.map(f -> f.getFileName().toString()).sorted().toList();
        }
    }
}
