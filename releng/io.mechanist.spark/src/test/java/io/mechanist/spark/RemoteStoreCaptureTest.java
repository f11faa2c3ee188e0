package io.mechanist.spark;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

import org.apache.spark.api.java.JavaSparkContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.mechanist.capture.CaptureJob;
import io.mechanist.capture.CaptureSummary;
import io.mechanist.capture.Capturer;
import io.mechanist.core.activations.ActivationSet;
import io.mechanist.model.Capture;
import io.mechanist.model.CaptureStatus;
import io.mechanist.model.Shard;
import io.mechanist.store.ActivationStore;
import io.mechanist.store.CaptureWriter;
import io.mechanist.store.ShardBuilder;
import io.mechanist.store.internal.AtomicFiles;

/**
 * Spark captures into a store on a Hadoop filesystem ({@link RemoteStore}): {@code othersfs:} (a scheme over a
 * folder elsewhere, {@link OtherSchemeFileSystem}, which java.nio cannot open) and Hadoop's own {@code file:}, the
 * checkpoint and dataset local.
 * The store, copied down, is the single-machine capture of the same job; an interrupted capture resumes, replacing
 * the unrecorded next shard a stopped commit leaves and refusing other unrecorded shards; a held lock refuses a
 * second writer; a hostile store.xmi, or a link in the store, makes the driver write nothing outside the store.
 */
class RemoteStoreCaptureTest {

    static JavaSparkContext spark;
    static Path otherRoot;

    @TempDir
    Path temp;

    @BeforeAll
    static void start(@TempDir Path root) {
        spark = LocalSpark.context();
        otherRoot = root;
        OtherSchemeFileSystem.register(spark.hadoopConfiguration(), otherRoot);
    }

    @AfterEach
    void removeObserver() {
        AtomicFiles.observeSteps(null);
    }

    private static SparkCapture.Locations store(String name) {
        return new SparkCapture.Locations(null, null, "othersfs:/" + name + "/store");
    }

    /** The folder behind {@code othersfs:/<name>/store}. */
    private static Path folder(String name) {
        return otherRoot.resolve(name).resolve("store");
    }

    /** The job's store folder is not used: the store is the location's. */
    private static CaptureJob job() {
        return SparkCaptureTest.job(Path.of("unused")).build();
    }

    @Test
    void aCaptureIntoAStoreOnAnotherSchemeEqualsTheSingleMachineCaptureThroughLostAttempts() throws IOException {
        // shard 5's first attempt fails after its first batch; shard 2's after writing its file into the store,
        // as if its executor were lost then: that file must not be committed
        CaptureSummary summary = SparkCapture.capture(spark, job(), store("equal"), System.out::println,
                new SparkCapture.Settings(0, new SparkCapture.Faults(5, 2)));

        assertEquals(400, summary.promptCount());
        assertFalse(Files.exists(Path.of("unused")), "the job's own store folder is not touched");
        Path remote = folder("equal");
        assertEquals(List.of("captures", "store.xmi"), list(remote), "no lock, no temporaries left in the store");
        Path copy = copyDown(remote);
        assertEquals(recordedShardFiles(copy), list(copy.resolve("captures/demo")),
                "the capture folder holds the recorded shards only");
        SparkCaptureTest.assertSameCapture(SparkCaptureTest.reference(), copy);
        List<Shard> expected = shards(SparkCaptureTest.reference());
        List<Shard> actual = shards(copy);
        for (int i = 0; i < expected.size(); i++) {
            assertEquals(expected.get(i).getSize(), actual.get(i).getSize(), expected.get(i).getFile());
        }
        assertSameRows(SparkCaptureTest.reference(), copy);
    }

    @Test
    void aStoreThroughHadoopsLocalFileSystemHoldsTheStoresFilesOnly() throws IOException {
        Path remote = temp.resolve("file-store");
        SparkCapture.capture(spark, job(), new SparkCapture.Locations(null, null, remote.toUri().toString()),
                System.out::println);

        // no .crc files beside them (Hadoop's local filesystem writes one per file), no lock, no temporaries
        assertEquals(List.of("captures", "store.xmi"), list(remote));
        assertEquals(recordedShardFiles(remote), list(remote.resolve("captures/demo")));
        SparkCaptureTest.assertSameCapture(SparkCaptureTest.reference(), remote);
    }

    @Test
    void onAnObjectStoreStoreXmiIsWrittenInPlace() throws IOException {
        // as on S3A: store.xmi is written in one upload, not renamed over (the other path, FileContext's rename,
        // is what the tests above take)
        spark.hadoopConfiguration().setBoolean(OtherSchemeFileSystem.OBJECT_STORE_KEY, true);
        try {
            SparkCapture.capture(spark, job(), store("object"), System.out::println);
        } finally {
            spark.hadoopConfiguration().unset(OtherSchemeFileSystem.OBJECT_STORE_KEY);
        }
        Path remote = folder("object");
        assertEquals(List.of("captures", "store.xmi"), list(remote));
        SparkCaptureTest.assertSameCapture(SparkCaptureTest.reference(), copyDown(remote));
    }

    @Test
    void anInterruptedRemoteCaptureResumesHereOrCopiedDownReplacingTheUnrecordedNextShardAndRefusingOthers() throws IOException {
        AtomicFiles.observeSteps((step, target) -> {
            if (step == AtomicFiles.Step.TEMPORARY_WRITTEN
                    && target.getFileName().toString().equals("shard-00004.safetensors")) {
                throw new IOException("injected: shard 4 cannot be written");
            }
        });
        assertThrows(Exception.class, () -> SparkCapture.capture(spark, job(), store("resume"), System.out::println));
        AtomicFiles.observeSteps(null);
        Path remote = folder("resume");
        assertEquals(List.of("captures", "store.xmi"), list(remote), "the stopped run released its lock");
        int committed;
        try (ActivationStore opened = ActivationStore.openReadOnly(copyDown(remote))) {
            committed = opened.read(s -> {
                Capture capture = s.getCaptures().get(0);
                assertEquals(CaptureStatus.INCOMPLETE, capture.getStatus());
                assertEquals(4, capture.getShards().size(), "shards 0-3 are committed, nothing after the gap");
                return capture.getShards().stream().mapToInt(Shard::getPromptCount).sum();
            });
        }
        Path folder = remote.resolve("captures/demo");
        // copied down, the interrupted store is one the single-machine capture resumes
        Path down = copyDown(remote);
        assertEquals(committed, Capturer.capture(SparkCaptureTest.job(down).build(), null).resumedFrom());
        SparkCaptureTest.assertSameCapture(SparkCaptureTest.reference(), down);

        // a shard the metadata does not record, and not the next one, may be data of a lost store.xmi: refused
        Files.writeString(folder.resolve("shard-00007.safetensors"), "someone's data");
        IOException refused = assertThrows(IOException.class,
                () -> SparkCapture.capture(spark, job(), store("resume"), System.out::println));
        assertTrue(refused.getMessage().contains("[shard-00007.safetensors]"), refused.getMessage());
        assertEquals("someone's data", Files.readString(folder.resolve("shard-00007.safetensors")));
        Files.delete(folder.resolve("shard-00007.safetensors"));

        // the next shard under its final name but unrecorded, as a run stopped between its rename and the
        // store.xmi publish leaves it, here with one byte changed: computed again, never trusted
        byte[] stray = Files.readAllBytes(SparkCaptureTest.reference().resolve("captures/demo/shard-00004.safetensors"));
        stray[stray.length - 3] ^= 0x40;
        Files.write(folder.resolve("shard-00004.safetensors"), stray);
        CaptureSummary summary = SparkCapture.capture(spark, job(), store("resume"), System.out::println);

        assertEquals(committed, summary.resumedFrom());
        Path copy = copyDown(remote);
        SparkCaptureTest.assertSameCapture(SparkCaptureTest.reference(), copy);
        assertNotEquals(AtomicFiles.sha256(folder.resolve("shard-00004.safetensors")),
                sha256(stray), "the stray shard was replaced");
        assertEquals(List.of("captures", "store.xmi"), list(remote));
    }

    @Test
    void aNewCaptureWritesNothingOverFilesThatStoreXmiDoesNotRecord() throws IOException {
        Path remote = Files.createDirectories(folder("occupied"));
        ActivationStore.create(temp.resolve("empty"), "occupied").close();
        Files.copy(temp.resolve("empty/store.xmi"), remote.resolve("store.xmi"));
        Path notes = Files.createDirectories(remote.resolve("captures/demo")).resolve("shard-00000.safetensors");
        Files.writeString(notes, "someone's data");

        IOException refused = assertThrows(IOException.class,
                () -> SparkCapture.capture(spark, job(), store("occupied"), System.out::println));

        assertTrue(refused.getMessage().contains("captures/demo already holds 1 file(s) that store.xmi does not record"
                + " (e.g. shard-00000.safetensors)"), refused.getMessage());
        assertEquals("someone's data", Files.readString(notes));
        assertEquals(List.of("shard-00000.safetensors"), list(remote.resolve("captures/demo")));
    }

    @Test
    void theDriverCommitsOnlyTheNextShardAsTheExecutorWroteIt() throws IOException {
        Path remote = folder("commit");
        try (RemoteStore store = RemoteStore.open("othersfs:/commit/store", spark.hadoopConfiguration(), line -> { });
                Capturer.Session session = Capturer.open(SparkCaptureTest.job(store.workingCopy()).build(), w -> { },
                        null)) {
            CaptureWriter writer = session.writer();
            String folder = store.prepare(writer, session.store());
            assertEquals("othersfs:/commit/store/captures/demo", folder);
            ShardBuilder.Staged first = RemoteStore.stage(CommitStagedTest.fill(session, 0, 3), 0, folder,
                    spark.hadoopConfiguration());
            ShardBuilder.Staged later = RemoteStore.stage(CommitStagedTest.fill(session, 3, 2), 1, folder,
                    spark.hadoopConfiguration());
            ShardBuilder.Staged changed = RemoteStore.stage(CommitStagedTest.fill(session, 0, 3), 0, folder,
                    spark.hadoopConfiguration());
            Path changedFile = remote.resolve("captures/demo").resolve(changed.temporaryName());
            byte[] bytes = Files.readAllBytes(changedFile);
            bytes[bytes.length - 1] ^= 1;
            Files.write(changedFile, bytes);

            IllegalArgumentException notNext = assertThrows(IllegalArgumentException.class,
                    () -> store.commit(writer, later));
            assertTrue(notNext.getMessage().contains("is not a temporary of shard-00000.safetensors"),
                    notNext.getMessage());
            IllegalArgumentException outside = assertThrows(IllegalArgumentException.class, () -> store.commit(writer,
                    new ShardBuilder.Staged("../../x/" + first.temporaryName(), first.size(), first.sha256(), 0, 3,
                            first.rowCount())));
            assertTrue(outside.getMessage().contains("is not a temporary of shard-00000.safetensors"),
                    outside.getMessage());
            IOException wrongBytes = assertThrows(IOException.class, () -> store.commit(writer, changed));
            assertTrue(wrongBytes.getMessage().startsWith(folder + "/" + changed.temporaryName() + ": reads with"
                    + " SHA-256 "), wrongBytes.getMessage());
            assertFalse(Files.exists(changedFile), "a shard that fails its check is deleted");
            assertEquals(0, writer.nextPrompt());

            store.commit(writer, first);
            assertEquals(3, writer.nextPrompt());
            assertEquals(List.of(later.temporaryName(), "shard-00000.safetensors"),
                    list(remote.resolve("captures/demo")));
            try (ActivationStore published = ActivationStore.openReadOnly(copyDown(remote))) {
                Shard recorded = published.read(s -> s.getCaptures().get(0).getShards().get(0));
                assertEquals(first.sha256(), recorded.getSha256(), "store.xmi is published with the shard");
                assertEquals(first.size(), recorded.getSize());
                assertEquals(List.of(), published.verify(null));
            }
        }
        assertEquals(List.of("shard-00000.safetensors"), list(remote.resolve("captures/demo")),
                "the leftover temporary is deleted when the run ends");
    }

    @Test
    void aHeldLockRefusesASecondWriterNamingTheLockFile() throws IOException {
        Path remote = Files.createDirectories(folder("locked"));
        Files.writeString(remote.resolve(RemoteStore.LOCK_FILE), "driver-7 pid 4242 since 2026-12-05T10:00:00Z\n");

        IOException refused = assertThrows(IOException.class,
                () -> SparkCapture.capture(spark, job(), store("locked"), System.out::println));

        assertTrue(refused.getMessage().startsWith("othersfs:/locked/store/.writer.lock: the store is being written"
                + " by 'driver-7 pid 4242 since 2026-12-05T10:00:00Z'"), refused.getMessage());
        assertTrue(refused.getMessage().contains("hadoop fs -rm"), refused.getMessage());
        assertEquals(List.of(RemoteStore.LOCK_FILE), list(remote), "the lock stays; nothing else is written");
    }

    @Test
    void aHostileStoreXmiOrALinkInTheStoreMakesTheDriverWriteNothingOutsideIt() throws IOException {
        String xmi = Files.readString(SparkCaptureTest.reference().resolve("store.xmi")).replace(" status=\"COMPLETE\"",
                "");
        assertTrue(xmi.contains("folder=\"captures/demo\"") && xmi.contains("file=\"shard-00004.safetensors\""));
        for (String hostile : List.of(xmi.replace("folder=\"captures/demo\"", "folder=\"../elsewhere\""),
                xmi.replace("file=\"shard-00004.safetensors\"", "file=\"../../../escape.safetensors\""))) {
            Path root = Files.createDirectories(otherRoot.resolve("hostile"));
            Path remote = Files.createDirectories(root.resolve("store"));
            Files.writeString(remote.resolve("store.xmi"), hostile);

            IOException refused = assertThrows(IOException.class,
                    () -> SparkCapture.capture(spark, job(), store("hostile"), System.out::println));

            assertTrue(refused.getMessage().startsWith("othersfs:/hostile/store/store.xmi: "), refused.getMessage());
            assertEquals(List.of("store"), list(root), "nothing beside the store");
            assertEquals(List.of("store.xmi"), list(remote), "nothing in it but its store.xmi");
            assertEquals(hostile, Files.readString(remote.resolve("store.xmi")));
            deleteTree(root);
        }

        // through Hadoop's local filesystem, a store whose captures folder is a link to another folder
        Path elsewhere = Files.createDirectories(temp.resolve("elsewhere"));
        Path linked = Files.createDirectories(temp.resolve("linked"));
        Files.createSymbolicLink(linked.resolve("captures"), elsewhere);
        IOException link = assertThrows(IOException.class, () -> SparkCapture.capture(spark, job(),
                new SparkCapture.Locations(null, null, linked.toUri().toString()), System.out::println));
        assertTrue(link.getMessage().endsWith("/linked/captures is a symbolic link; Mechanist writes nothing outside a"
                + " store"), link.getMessage());
        assertEquals(List.of(), list(elsewhere));
        assertEquals(List.of("captures"), list(linked), "nothing published, the lock deleted");
    }

    /** Every row of every prompt and site, read through the store's own reader, within the batching bound. */
    private static void assertSameRows(Path expectedStore, Path actualStore) throws IOException {
        try (ActivationStore expectedOpened = ActivationStore.openReadOnly(expectedStore);
                ActivationStore actualOpened = ActivationStore.openReadOnly(actualStore);
                ActivationSet expected = expectedOpened.openCapture("demo");
                ActivationSet actual = actualOpened.openCapture("demo")) {
            assertEquals(expected.siteIds(), actual.siteIds());
            assertEquals(expected.promptCount(), actual.promptCount());
            for (String site : expected.siteIds()) {
                int width = expected.rowWidth(site);
                float[] e = new float[width];
                float[] a = new float[width];
                for (int p = 0; p < expected.promptCount(); p++) {
                    assertArrayEquals(expected.positions(p), actual.positions(p));
                    for (int position : expected.positions(p)) {
                        expected.readRow(site, p, position, e, 0);
                        actual.readRow(site, p, position, a, 0);
                        for (int k = 0; k < width; k++) {
                            double bound = SparkCaptureTest.BATCH_TOLERANCE * Math.max(1, Math.abs(e[k]));
                            if (Math.abs(e[k] - a[k]) > bound) {
                                throw new AssertionError(site + " prompt " + p + " position " + position + "[" + k
                                        + "]: expected " + e[k] + ", got " + a[k]);
                            }
                        }
                    }
                }
            }
        }
    }

    /** A plain local copy of a store, as {@code hadoop fs -get} makes one. */
    private Path copyDown(Path remote) throws IOException {
        Path copy = Files.createTempDirectory(temp, "copy-").resolve("store");
        try (Stream<Path> files = Files.walk(remote)) {
            for (Path file : files.toList()) {
                Files.copy(file, copy.resolve(remote.relativize(file).toString()));
            }
        }
        return copy;
    }

    private static List<Shard> shards(Path store) throws IOException {
        try (ActivationStore opened = ActivationStore.openReadOnly(store)) {
            return opened.read(s -> List.copyOf(org.eclipse.emf.ecore.util.EcoreUtil.copyAll(
                    s.getCaptures().get(0).getShards())));
        }
    }

    private static List<String> recordedShardFiles(Path store) throws IOException {
        return shards(store).stream().map(Shard::getFile).sorted().toList();
    }

    private static String sha256(byte[] bytes) throws IOException {
        try {
            return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IOException(e);
        }
    }

    private static List<String> list(Path folder) throws IOException {
        try (Stream<Path> files = Files.list(folder)) {
            return files.map(f -> f.getFileName().toString()).sorted().toList();
        }
    }

    private static void deleteTree(Path folder) throws IOException {
        try (Stream<Path> files = Files.walk(folder)) {
            for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(file);
            }
        }
    }
}
