package io.mechanist.spark;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

import org.apache.spark.api.java.JavaSparkContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.mechanist.capture.CaptureJob;
import io.mechanist.capture.CaptureSummary;
import io.mechanist.capture.Capturer;
import io.mechanist.core.tensor.DType;
import io.mechanist.core.tensor.SafetensorsFile;
import io.mechanist.core.tensor.TensorInfo;
import io.mechanist.model.Capture;
import io.mechanist.model.CaptureStatus;
import io.mechanist.model.Shard;
import io.mechanist.store.ActivationStore;
import io.mechanist.store.CaptureSpec;
import io.mechanist.store.internal.AtomicFiles;

/**
 * Captures of the embedded demo model and dataset on Spark ({@code local[2]}, up to 4 attempts per task) against
 * the single-machine capture of the same job: shard for shard the same prompts, rows and numbers, committed once,
 * through injected task failures and an interrupted job resumed by Spark or by the single-machine capture.
 */
class SparkCaptureTest {

    static final Path DEMO = Path.of("../../bundles/io.mechanist.demo").toAbsolutePath().normalize();
    static final Path MODEL = DEMO.resolve("models/mechanist-demo-gpt2");
    static final Path DATASET = DEMO.resolve("data/test.jsonl");
    /** Ten shards of the demo dataset with these sites: enough tasks to run two at a time and fail some. */
    static final long SHARD_BYTES = 2L << 20;
    /** The runtime's bound between a prompt run in one batch and in another (docs/capture.md). */
    static final double BATCH_TOLERANCE = 2e-5;

    static JavaSparkContext spark;
    private static Path reference;

    @TempDir
    Path temp;

    @BeforeAll
    static void start() {
        spark = LocalSpark.context();
    }

    /** The single-machine capture of {@link #job}, made once per JVM, deleted when it exits. */
    static synchronized Path reference() throws IOException {
        if (reference == null) {
            Path folder = Files.createTempDirectory("mechanist-single-machine-");
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                try (Stream<Path> files = Files.walk(folder)) {
                    for (Path file : files.sorted(java.util.Comparator.reverseOrder()).toList()) {
                        Files.deleteIfExists(file);
                    }
                } catch (IOException e) {
                    System.err.println("cannot delete " + folder + ": " + e);
                }
            }));
            Capturer.capture(job(folder.resolve("store")).build(), null);
            reference = folder.resolve("store");
        }
        return reference;
    }

    @AfterEach
    void removeObserver() {
        AtomicFiles.observeSteps(null);
    }

    static CaptureJob.Builder job(Path store) {
        return job(store, MODEL);
    }

    /** {@link #job(Path)} with the checkpoint in {@code model}. */
    static CaptureJob.Builder job(Path store, Path model) {
        return CaptureJob.builder(store, model, DATASET).sites("embed", "blocks.*.resid_post", "blocks.3.attn_pattern")
                .batchSize(8).shardBytes(SHARD_BYTES).captureId("demo");
    }

    @Test
    void sparkCaptureEqualsTheSingleMachineCaptureShardForShard() throws IOException {
        Path store = temp.resolve("spark");
        CaptureSummary summary = SparkCapture.capture(spark, job(store).build(), System.out::println);

        assertEquals(400, summary.promptCount());
        assertSameCapture(reference(), store);
    }

    @Test
    void injectedTaskFailuresStillCommitEveryShardOnce() throws IOException {
        Path store = temp.resolve("spark");
        // One attempt dies after staging its shard completely (its temporary stays behind, as after a lost
        // executor), another in the middle of its prompts; Spark retries both.
        Set<Path> failedOnce = ConcurrentHashMap.newKeySet();
        AtomicInteger stagedThenKilled = new AtomicInteger();
        AtomicFiles.observeSteps((step, target) -> {
            if (step == AtomicFiles.Step.TEMPORARY_WRITTEN && target.getFileName().toString().equals("shard-00002.safetensors")
                    && failedOnce.add(target)) {
                stagedThenKilled.incrementAndGet();
                throw new IOException("injected: executor lost after staging " + target);
            }
        });
        SparkCapture.capture(spark, job(store).build(), SparkCapture.Locations.SHARED, System.out::println,
                new SparkCapture.Settings(0, new SparkCapture.Faults(5, -1)));

        assertEquals(1, stagedThenKilled.get());
        Path folder = store.resolve("captures/demo");
        try (Stream<Path> files = Files.list(folder)) {
            assertTrue(files.anyMatch(AtomicFiles::isTemporary), "the killed attempt's staged shard is left over");
        }
        assertSameCapture(reference(), store);
        // The next writer deletes the leftover temporaries, and only them.
        ActivationStore.open(store).close();
        try (Stream<Path> files = Files.list(folder)) {
            assertEquals(recordedShardFiles(store), files.map(f -> f.getFileName().toString()).sorted().toList());
        }
    }

    @Test
    void aStoppedSparkJobLeavesAnIncompleteCaptureThatSparkResumes() throws IOException {
        Path store = temp.resolve("spark");
        int committed = interrupt(store);

        CaptureSummary summary = SparkCapture.capture(spark, job(store).build(), System.out::println);

        assertEquals(committed, summary.resumedFrom());
        assertSameCapture(reference(), store);
    }

    @Test
    void aStoppedSparkJobLeavesAnIncompleteCaptureThatTheSingleMachineCaptureResumes() throws IOException {
        Path store = temp.resolve("spark");
        int committed = interrupt(store);

        // as `mechanist capture` would, with its default shard size: the capture keeps the size it was started with
        CaptureSummary summary = Capturer.capture(job(store).shardBytes(CaptureSpec.DEFAULT_SHARD_BYTES).build(), null);

        assertEquals(committed, summary.resumedFrom());
        assertSameCapture(reference(), store);
    }

    /** Runs a Spark capture whose shard 4 fails on every attempt; returns the prompts it committed. */
    private int interrupt(Path store) throws IOException {
        AtomicFiles.observeSteps((step, target) -> {
            if (step == AtomicFiles.Step.TEMPORARY_WRITTEN && target.getFileName().toString().equals("shard-00004.safetensors")) {
                throw new IOException("injected: shard 4 cannot be written");
            }
        });
        assertThrows(Exception.class, () -> SparkCapture.capture(spark, job(store).build(), System.out::println));
        AtomicFiles.observeSteps(null);
        try (ActivationStore opened = ActivationStore.openReadOnly(store)) {
            return opened.read(s -> {
                Capture capture = s.getCaptures().get(0);
                assertEquals(CaptureStatus.INCOMPLETE, capture.getStatus());
                assertEquals(4, capture.getShards().size(), "shards 0-3 are committed, nothing after the gap");
                return capture.getShards().stream().mapToInt(Shard::getPromptCount).sum();
            });
        }
    }

    private static List<String> recordedShardFiles(Path store) throws IOException {
        try (ActivationStore opened = ActivationStore.openReadOnly(store)) {
            return opened.read(s -> s.getCaptures().get(0).getShards().stream().map(Shard::getFile).sorted().toList());
        }
    }

    /**
     * Both stores hold one COMPLETE capture whose data files match their recorded sizes and hashes, with the same
     * shards (files, prompts, rows, tensors and shapes); integer tensors are equal, activations equal within the
     * batching tolerance.
     */
    static void assertSameCapture(Path expectedStore, Path actualStore) throws IOException {
        List<Shard> expected = shards(expectedStore);
        List<Shard> actual = shards(actualStore);
        assertEquals(expected.size(), actual.size(), "shard count");
        assertTrue(expected.size() > 4, "the job ran as several tasks: " + expected.size());
        for (int i = 0; i < expected.size(); i++) {
            Shard e = expected.get(i);
            Shard a = actual.get(i);
            assertEquals(e.getFile(), a.getFile());
            assertEquals(e.getFirstPrompt(), a.getFirstPrompt(), e.getFile());
            assertEquals(e.getPromptCount(), a.getPromptCount(), e.getFile());
            assertEquals(e.getRowCount(), a.getRowCount(), e.getFile());
            assertSameTensors(expectedStore.resolve("captures/demo").resolve(e.getFile()),
                    actualStore.resolve("captures/demo").resolve(a.getFile()));
        }
    }

    private static List<Shard> shards(Path store) throws IOException {
        try (ActivationStore opened = ActivationStore.openReadOnly(store)) {
            assertEquals(List.of(), opened.verify(null), "sizes and hashes of " + store);
            return opened.read(s -> {
                assertEquals(1, s.getCaptures().size());
                Capture capture = s.getCaptures().get(0);
                assertEquals(CaptureStatus.COMPLETE, capture.getStatus(), store.toString());
                return new ArrayList<>(org.eclipse.emf.ecore.util.EcoreUtil.copyAll(capture.getShards()));
            });
        }
    }

    private static void assertSameTensors(Path expectedFile, Path actualFile) throws IOException {
        try (SafetensorsFile expected = SafetensorsFile.open(expectedFile);
                SafetensorsFile actual = SafetensorsFile.open(actualFile)) {
            assertEquals(expected.metadata(), actual.metadata(), actualFile.toString());
            assertEquals(expected.tensorNames(), actual.tensorNames(), actualFile.toString());
            for (String name : expected.tensorNames()) {
                TensorInfo e = expected.info(name);
                TensorInfo a = actual.info(name);
                assertEquals(e.dtype(), a.dtype(), name);
                assertArrayEquals(e.shape(), a.shape(), name);
                if (e.dtype() == DType.F32) {
                    float[] ev = expected.readFloats(name);
                    float[] av = actual.readFloats(name);
                    for (int k = 0; k < ev.length; k++) {
                        double bound = BATCH_TOLERANCE * Math.max(1, Math.abs(ev[k]));
                        if (Math.abs(ev[k] - av[k]) > bound) {
                            throw new AssertionError(actualFile + " " + name + "[" + k + "]: expected " + ev[k]
                                    + ", got " + av[k]);
                        }
                    }
                } else {
                    assertEquals(bytes(expected.buffer(name)), bytes(actual.buffer(name)), actualFile + " " + name);
                }
            }
        }
    }

    private static ByteBuffer bytes(ByteBuffer buffer) {
        return buffer.duplicate().order(ByteOrder.LITTLE_ENDIAN);
    }
}
