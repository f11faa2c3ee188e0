package io.mechanist.spark;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Consumer;

import org.apache.hadoop.conf.Configuration;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.util.SerializableConfiguration;

import io.mechanist.capture.CaptureJob;
import io.mechanist.capture.CapturePositions;
import io.mechanist.capture.CaptureSummary;
import io.mechanist.capture.Capturer;
import io.mechanist.core.activations.PromptInfo;
import io.mechanist.store.CaptureWriter;
import io.mechanist.store.ShardBuilder;
import io.mechanist.store.StoreCorruptionException;

/**
 * A capture on Apache Spark into the same store a single-machine capture writes (docs/scale-out.md).
 * <p>
 * The driver prepares the capture as {@link Capturer} does (model and dataset registered, a new capture or the
 * interrupted one resumed), from the checkpoint's shape and tokenizer without loading its weights
 * ({@link DriverCheckpoint}), and cuts the remaining prompts into the blocks a single-machine capture would write as
 * shards (same shard size, so the same boundaries). Each block is a Spark task: the executor runs it through its
 * once-loaded copy of the model and stages the shard under a temporary name, in the capture folder or, with a
 * staging location, on a Hadoop filesystem ({@link HadoopStaging}). The driver alone commits: in prompt order,
 * each shard renamed (or copied and checked) into place and recorded in {@code store.xmi} with its size and hash,
 * once. A failed, retried or speculative attempt leaves at most an uncommitted temporary, which the next process
 * to open the store for writing deletes (or the run's staging folder, which the driver deletes). If the job stops,
 * the shards committed so far stay and the capture is INCOMPLETE; running it again (here or with
 * {@code mechanist capture}) resumes it.
 * <p>
 * The store is on the driver's filesystem, and without a staging location the executors must see it at the same
 * path (NFS, a shared volume); or it is on a Hadoop filesystem ({@link RemoteStore}: the driver works on a local copy
 * of its store.xmi, executors write their shards into it, the driver commits them there and publishes store.xmi).
 * The checkpoint is a folder at the same path everywhere or a Hadoop URI ({@link Locations}).
 */
public final class SparkCapture {

    /** The Spark setting of libtorch's threads per executor JVM (default: its cores divided by its task slots). */
    public static final String INTRA_OP_THREADS = "spark.mechanist.intraOpThreads";

    private SparkCapture() {
    }

    /**
     * Captures (or resumes) {@code job} on {@code spark}; progress goes to {@code log} (and the Spark UI: one job
     * per shard, described with its prompts).
     *
     * @throws IOException naming the file at fault, as {@link Capturer#capture} does
     * @throws org.apache.spark.SparkException (unchecked through Spark's API) if a shard fails on every attempt;
     *     the shards committed before it stay, the capture stays INCOMPLETE
     */
    public static CaptureSummary capture(JavaSparkContext spark, CaptureJob job, Consumer<String> log)
            throws IOException {
        return capture(spark, job, Locations.SHARED, log);
    }

    /** {@link #capture(JavaSparkContext, CaptureJob, Consumer)} with the checkpoint and staging at {@code where}. */
    public static CaptureSummary capture(JavaSparkContext spark, CaptureJob job, Locations where, Consumer<String> log)
            throws IOException {
        return capture(spark, job, where, log, new Settings(spark.getConf().getInt(INTRA_OP_THREADS, 0), Faults.NONE));
    }

    /**
     * Where the executors find the checkpoint and put their shards, and where the store is.
     *
     * @param model the checkpoint folder as the executors load it: a Hadoop URI (each executor copies it once,
     *     {@link HadoopCheckpoints}), or null for the job's own model folder, at the same path on every executor
     * @param staging a Hadoop URI of a folder where executors stage shards for the driver to fetch
     *     ({@link HadoopStaging}), or null to stage them in the store's capture folder, which every executor then
     *     sees at the driver's path
     * @param store a Hadoop URI of the store ({@link RemoteStore}), which then takes the place of the job's store
     *     folder: executors write their shards into it; or null for the job's store folder
     */
    public record Locations(String model, String staging, String store) {
        /** Checkpoint and store on a filesystem every executor shares at the driver's paths. */
        public static final Locations SHARED = new Locations(null, null);

        public Locations {
            if (store != null && (!RemoteStore.isUri(store) || staging != null)) {
                throw new IllegalArgumentException(staging != null && store != null
                        ? "--staging is for a store on the driver's disk; executors write into a store on a Hadoop"
                                + " filesystem directly"
                        : "a store given as a location must be a Hadoop URI (hdfs://..., s3a://..., file:/...), was "
                                + store);
            }
        }

        /** Checkpoint and staging as given, the store in the job's folder. */
        public Locations(String model, String staging) {
            this(model, staging, null);
        }
    }

    /**
     * How the executors run: {@code intraOpThreads} libtorch threads per executor JVM (0: its cores divided by its
     * task slots), and the failures to inject.
     */
    public record Settings(int intraOpThreads, Faults faults) {
    }

    /**
     * Failures to inject, for tests: {@code failFirstAttemptOfShard} fails after its first batch,
     * {@code loseFirstAttemptOfShardAfterStaging} after staging its shard on the Hadoop filesystem (staging folder
     * or store), as an executor lost then would (-1: none).
     */
    public record Faults(int failFirstAttemptOfShard, int loseFirstAttemptOfShardAfterStaging)
            implements java.io.Serializable {
        public static final Faults NONE = new Faults(-1, -1);
    }

    /**
     * {@link #capture(JavaSparkContext, CaptureJob, Locations, Consumer)} with explicit {@link Settings}. With a
     * Hadoop URI as {@code where.model()}, the driver reads its partial copy of it
     * ({@link HadoopCheckpoints#forDriver}), whatever folder {@code job} names.
     */
    public static CaptureSummary capture(JavaSparkContext spark, CaptureJob job, Locations where, Consumer<String> log,
            Settings settings) throws IOException {
        // the driver reads a Hadoop checkpoint from its partial copy, and records the URI the user gave
        String source = where.model() != null && HadoopCheckpoints.isUri(where.model()) ? where.model() : null;
        HadoopCheckpoints.DriverCopy copy = source == null ? null
                : HadoopCheckpoints.forDriver(source, spark.hadoopConfiguration());
        if (copy != null && !copy.folder().equals(job.model())) {
            job = new CaptureJob(job.store(), copy.folder(), job.dataset(), job.sites(), job.positions(),
                    job.batchSize(), job.storage(), job.padding(), job.captureId(), job.name(), job.shardBytes());
        }
        Configuration hadoop = spark.hadoopConfiguration();
        RemoteStore remote = where.store() == null ? null : RemoteStore.open(where.store(), hadoop, log);
        try (remote; DriverCheckpoint checkpoint = copy == null ? DriverCheckpoint.read(job.model())
                : DriverCheckpoint.read(copy, source);
                Capturer.Session session = Capturer.open(remote == null ? job : inStore(job, remote.workingCopy()),
                        checkpoint, warning -> log.accept("warning: " + warning), null)) {
            CaptureWriter writer = session.writer();
            // a store on a Hadoop filesystem: the capture's record is published before any shard is written there
            String captureFolder = remote != null ? remote.prepare(writer, session.store())
                    : writer.captureFolder().toAbsolutePath().normalize().toString();
            List<ShardTask.Block> blocks = plan(session);
            int total = session.prompts().size();
            log.accept("capture " + writer.captureId() + ": " + total + " prompts, " + blocks.size() + " shard(s) to "
                    + "compute" + (writer.nextPrompt() > 0 ? ", resuming after prompt " + (writer.nextPrompt() - 1) : ""));
            if (!blocks.isEmpty()) {
                String runFolder = where.staging() == null ? null
                        : HadoopStaging.createRunFolder(where.staging(), writer.captureId(), hadoop);
                try {
                    ShardTask task = new ShardTask(
                            where.model() != null ? where.model() : job.model().toAbsolutePath().normalize().toString(),
                            writer.captureId(), captureFolder,
                            runFolder, SerializableConfiguration.broadcast(spark.sc(), hadoop), writer.shardSites(),
                            writer.storage(), job.padding(), job.positions().kind() == CapturePositions.Kind.ALL,
                            session.maxTokens(), job.batchSize(), settings.intraOpThreads(), settings.faults());
                    Committer committer = remote != null ? staged -> remote.commit(writer, staged)
                            : runFolder == null ? writer::commitStaged
                            : staged -> HadoopStaging.commit(writer, staged, runFolder, hadoop);
                    runAndCommit(spark, task, blocks, writer, committer, total, log);
                } finally {
                    if (runFolder != null && !HadoopStaging.deleteRunFolder(runFolder, hadoop)) {
                        log.accept("warning: cannot delete the staging folder " + runFolder + "; it holds only "
                                + "uncommitted shards, delete it by hand");
                    }
                }
            }
            CaptureSummary summary = session.complete();
            if (remote != null) {
                remote.publish();
            }
            log.accept("capture " + summary.captureId() + " complete: " + total + " prompts");
            return summary;
        } catch (StoreCorruptionException e) {
            throw remote == null ? e : remote.named(e);
        }
    }

    /** {@code job} with its store in {@code folder}. */
    private static CaptureJob inStore(CaptureJob job, java.nio.file.Path folder) {
        return new CaptureJob(folder, job.model(), job.dataset(), job.sites(), job.positions(), job.batchSize(),
                job.storage(), job.padding(), job.captureId(), job.name(), job.shardBytes());
    }

    /** Commits the next shard as an executor staged it. */
    @FunctionalInterface
    private interface Committer {
        void commit(ShardBuilder.Staged staged) throws IOException;
    }

    /**
     * The remaining prompts in the blocks that {@link CaptureWriter} would cut them into: a shard ends with the
     * prompt whose rows bring it to the shard size.
     */
    static List<ShardTask.Block> plan(Capturer.Session session) {
        CaptureWriter writer = session.writer();
        List<ShardBuilder.Site> sites = writer.shardSites();
        List<PromptInfo> prompts = session.prompts();
        List<ShardTask.Block> blocks = new ArrayList<>();
        int shardIndex = writer.nextShardIndex();
        int first = writer.nextPrompt();
        long bytes = 0;
        for (int p = first; p < prompts.size(); p++) {
            bytes += ShardBuilder.promptBytes(sites, writer.storage(), writer.positions(p).length);
            if (bytes >= writer.shardBytes() || p == prompts.size() - 1) {
                long[][] tokens = new long[p + 1 - first][];
                int[][] positions = new int[p + 1 - first][];
                for (int q = first; q <= p; q++) {
                    tokens[q - first] = java.util.Arrays.stream(prompts.get(q).tokenIds()).asLongStream().toArray();
                    positions[q - first] = writer.positions(q);
                }
                blocks.add(new ShardTask.Block(shardIndex++, first, tokens, positions));
                first = p + 1;
                bytes = 0;
            }
        }
        return blocks;
    }

    /**
     * One Spark job per shard, several in flight so every task slot stays busy; the driver commits the finished
     * shards in prompt order as they arrive, so a stopped job keeps its longest finished prefix.
     */
    private static void runAndCommit(JavaSparkContext spark, ShardTask task, List<ShardTask.Block> blocks,
            CaptureWriter writer, Committer committer, int total, Consumer<String> log) throws IOException {
        JavaRDD<ShardBuilder.Staged> shards = spark.parallelize(blocks, blocks.size()).map(task::run);
        String group = "mechanist-capture-" + writer.captureId() + "-" + System.nanoTime();
        int inFlight = Math.max(2, 2 * spark.defaultParallelism());
        ExecutorService submitter = Executors.newFixedThreadPool(Math.min(inFlight, blocks.size()), runnable -> {
            Thread thread = new Thread(runnable, "mechanist-shard-jobs");
            thread.setDaemon(true);
            return thread;
        });
        List<Future<ShardBuilder.Staged>> results = new ArrayList<>();
        for (int i = 0; i < blocks.size(); i++) {
            int partition = i;
            ShardTask.Block block = blocks.get(i);
            results.add(submitter.submit(() -> {
                spark.setJobGroup(group, "capture " + task.captureId() + ": shard " + block.shardIndex()
                        + ", prompts " + block.firstPrompt() + ".." + (block.firstPrompt() + block.promptCount() - 1)
                        + " of " + total, true);
                return shards.collectPartitions(new int[] {partition})[0].get(0);
            }));
        }
        long started = System.nanoTime();
        boolean committedAll = false;
        try {
            for (int i = 0; i < blocks.size(); i++) {
                ShardBuilder.Staged staged = results.get(i).get();
                committer.commit(staged);
                double seconds = (System.nanoTime() - started) / 1e9;
                log.accept(String.format("capture %s: committed shard %d (prompts %d..%d), %d of %d prompts, %.1f s",
                        task.captureId(), blocks.get(i).shardIndex(), staged.firstPrompt(),
                        staged.firstPrompt() + staged.promptCount() - 1, writer.nextPrompt(), total, seconds));
            }
            committedAll = true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("capture " + task.captureId() + " interrupted after prompt " + writer.nextPrompt(), e);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw new IOException("capture " + task.captureId() + ": a shard failed after prompt "
                    + writer.nextPrompt() + "; the capture stays INCOMPLETE and resumes when run again", cause);
        } finally {
            if (!committedAll) {
                spark.cancelJobGroup(group); // the shards still running cannot be committed after a gap
            }
            submitter.shutdownNow();
        }
    }
}
