package io.mechanist.spark;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FSDataInputStream;
import org.apache.hadoop.fs.FSDataOutputStream;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.StreamCapabilities;
import org.apache.spark.SparkFiles;
import org.apache.spark.TaskContext;

import io.mechanist.store.CaptureWriter;
import io.mechanist.store.ShardBuilder;
import io.mechanist.store.internal.AtomicFiles;
import io.mechanist.store.internal.ShardLayout;

/**
 * Shards exchanged through a Hadoop filesystem ({@code --staging hdfs://...}, {@code s3a://...}, {@code file:...})
 * when the executors cannot write into the store's folder. The store stays on the driver's disk; each capture run
 * gets a fresh folder under the staging location. An executor writes each shard there under a name of its own
 * task attempt, never overwriting; the driver, in prompt order, copies the shard Spark reported into a store
 * temporary, checks the copy's size and SHA-256 against the executor's, commits it as a single-machine capture
 * would ({@link CaptureWriter#commitStaged}) and deletes the staged file. A staged file is only ever read by the
 * driver after the attempt that wrote it has finished, so a filesystem without atomic renames (S3) is enough.
 */
final class HadoopStaging {

    /** {@code .shard-NNNNN.safetensors.a<task attempt id>-<random hex>.tmp} */
    private static final Pattern STAGED_NAME = Pattern.compile("\\.shard-[0-9]{5,}\\.safetensors\\.a[0-9]+-[0-9a-f]+\\.tmp");

    private HadoopStaging() {
    }

    /** A fresh folder for one capture run under {@code staging}, created by the driver before any task runs. */
    static String createRunFolder(String staging, String captureId, Configuration hadoop) throws IOException {
        org.apache.hadoop.fs.Path folder = new org.apache.hadoop.fs.Path(staging, "mechanist-" + captureId + "-"
                + Long.toHexString(ThreadLocalRandom.current().nextLong() & Long.MAX_VALUE));
        FileSystem fs = folder.getFileSystem(hadoop);
        if (!fs.mkdirs(folder)) {
            throw new IOException(folder + ": cannot create the staging folder");
        }
        return folder.toString();
    }

    /** Deletes a run's staging folder with whatever failed attempts left in it; false if it could not. */
    static boolean deleteRunFolder(String runFolder, Configuration hadoop) {
        org.apache.hadoop.fs.Path folder = new org.apache.hadoop.fs.Path(runFolder);
        try {
            FileSystem fs = folder.getFileSystem(hadoop);
            return fs.delete(folder, true) || !fs.exists(folder);
        } catch (IOException e) {
            return false;
        }
    }

    /**
     * Executor side: encodes {@code shard} as shard number {@code shardIndex} (through a local scratch file, which
     * also yields its size and hash) and writes it into {@code runFolder} under a name no other attempt uses.
     * Refuses to overwrite, and to create the run folder: a late attempt of a finished run writes nothing.
     */
    static ShardBuilder.Staged stage(ShardBuilder shard, int shardIndex, String runFolder, Configuration hadoop)
            throws IOException {
        TaskContext task = TaskContext.get();
        String name = "." + ShardLayout.shardFileName(shardIndex) + ".a" + (task == null ? 0 : task.taskAttemptId())
                + "-" + Long.toHexString(ThreadLocalRandom.current().nextLong() & Long.MAX_VALUE) + ".tmp";
        org.apache.hadoop.fs.Path remote = new org.apache.hadoop.fs.Path(runFolder, name);
        return write(shard, shardIndex, remote, remote.getFileSystem(hadoop));
    }

    /**
     * Encodes {@code shard} as shard number {@code shardIndex} (through a local scratch file, which also yields its
     * size and hash) and writes it to {@code remote} on {@code fs}, refusing to overwrite or to create its folder;
     * the result names the file by its name in that folder.
     */
    static ShardBuilder.Staged write(ShardBuilder shard, int shardIndex, org.apache.hadoop.fs.Path remote,
            FileSystem fs) throws IOException {
        Path scratch = Files.createTempDirectory(scratchRoot(), "mechanist-shard-");
        try {
            ShardBuilder.Staged local = shard.stage(scratch, shardIndex);
            try (InputStream in = Files.newInputStream(scratch.resolve(local.temporaryName()));
                    FSDataOutputStream out = fs.createNonRecursive(remote, false, 1 << 20,
                            fs.getDefaultReplication(remote), fs.getDefaultBlockSize(remote), null)) {
                in.transferTo(out);
                if (out.hasCapability(StreamCapabilities.HSYNC)) {
                    out.hsync();
                }
            }
            return new ShardBuilder.Staged(remote.getName(), local.size(), local.sha256(), local.firstPrompt(),
                    local.promptCount(), local.rowCount());
        } finally {
            deleteLocal(scratch);
        }
    }

    /**
     * Driver side: the next shard of {@code writer}, staged by an executor as {@code staged} in {@code runFolder},
     * copied into the capture folder, checked against the executor's size and SHA-256 and committed; then the
     * staged file is deleted.
     *
     * @throws IOException naming the staged file when it is missing, or its bytes are not what the executor wrote
     * @throws IllegalArgumentException if {@code staged} is not a staged name of the next shard
     */
    static void commit(CaptureWriter writer, ShardBuilder.Staged staged, String runFolder, Configuration hadoop)
            throws IOException {
        String fileName = ShardLayout.shardFileName(writer.nextShardIndex());
        if (!STAGED_NAME.matcher(staged.temporaryName()).matches()
                || !staged.temporaryName().startsWith("." + fileName + ".")) {
            throw new IllegalArgumentException("capture " + writer.captureId() + ": '" + staged.temporaryName()
                    + "' is not a staged name of " + fileName + " in " + runFolder);
        }
        org.apache.hadoop.fs.Path remote = new org.apache.hadoop.fs.Path(runFolder, staged.temporaryName());
        FileSystem fs = remote.getFileSystem(hadoop);
        FileStatus status;
        try {
            status = fs.getFileStatus(remote);
        } catch (java.io.FileNotFoundException e) {
            throw new IOException(remote + ": staged shard is missing", e);
        }
        if (!status.isFile() || status.getLen() != staged.size()) {
            throw new IOException(remote + ": staged shard is not a file of " + staged.size() + " bytes");
        }
        AtomicFiles.Staged copy;
        try (FSDataInputStream in = fs.open(remote)) {
            copy = AtomicFiles.stage(writer.captureFolder().resolve(fileName), channel -> {
                OutputStream out = Channels.newOutputStream(channel);
                in.transferTo(out);
                out.flush();
            });
        }
        if (copy.size() != staged.size() || !copy.sha256().equals(staged.sha256())) {
            Files.deleteIfExists(copy.temporary());
            throw new IOException(remote + ": staged shard reads as " + copy.size() + " bytes with SHA-256 "
                    + copy.sha256() + ", the executor wrote " + staged.size() + " bytes with SHA-256 "
                    + staged.sha256() + "; not committed");
        }
        writer.commitStaged(new ShardBuilder.Staged(copy.temporary().getFileName().toString(), copy.size(),
                copy.sha256(), staged.firstPrompt(), staged.promptCount(), staged.rowCount()));
        fs.delete(remote, false);
    }

    /** Spark's per-application local folder on this executor (the driver's in local mode), else the JVM's. */
    private static Path scratchRoot() {
        try {
            return Path.of(SparkFiles.getRootDirectory());
        } catch (RuntimeException noSpark) {
            return Path.of(System.getProperty("java.io.tmpdir"));
        }
    }

    private static void deleteLocal(Path folder) throws IOException {
        try (Stream<Path> files = Files.walk(folder)) {
            for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(file);
            }
        }
    }
}
