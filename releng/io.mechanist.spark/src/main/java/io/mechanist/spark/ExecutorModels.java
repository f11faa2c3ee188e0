package io.mechanist.spark;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedDeque;

import org.apache.hadoop.conf.Configuration;
import org.apache.spark.SparkEnv;

import io.mechanist.djl.DjlEngines;
import io.mechanist.runtime.HookedTransformer;

/**
 * The checkpoints an executor JVM has loaded, kept for the JVM's life so each is loaded once and reused by every
 * later task. A loaded model serves one task at a time; an executor running several tasks at once (task slots)
 * loads one copy per concurrent task, at most.
 */
final class ExecutorModels {

    private static final Map<Path, ConcurrentLinkedDeque<HookedTransformer>> IDLE = new ConcurrentHashMap<>();

    private ExecutorModels() {
    }

    /**
     * A model of the checkpoint at {@code location} (a local path, or a Hadoop URI copied once per JVM:
     * {@link HadoopCheckpoints}) for the calling task; close the lease to hand it back.
     */
    static Lease borrow(String location, Configuration hadoop, int intraOpThreads) throws IOException {
        setThreads(intraOpThreads);
        Path key = HadoopCheckpoints.local(location, hadoop).toAbsolutePath().normalize();
        HookedTransformer model = IDLE.computeIfAbsent(key, k -> new ConcurrentLinkedDeque<>()).pollFirst();
        if (model == null) {
            model = HookedTransformer.load(key);
            model.warnings().forEach(warning -> System.err.println("mechanist: warning: " + warning));
        }
        return new Lease(key, model);
    }

    /** A borrowed model; {@link #close()} returns it to the executor's pool. */
    record Lease(Path folder, HookedTransformer model) implements AutoCloseable {
        @Override
        public void close() {
            IDLE.get(folder).addFirst(model);
        }
    }

    /**
     * libtorch's intra-op pool is one per process: with several task slots in one executor, each task's operations
     * get the executor's cores divided by its slots, so concurrent tasks do not oversubscribe the cores.
     */
    private static void setThreads(int requested) {
        int threads = requested > 0 ? requested : Math.max(1, Runtime.getRuntime().availableProcessors() / slots());
        synchronized (ExecutorModels.class) {
            if (DjlEngines.intraOpThreads() != threads) {
                ai.djl.pytorch.jni.JniUtils.setNumThreads(threads);
            }
        }
    }

    /** Tasks this executor runs at once: {@code local[N]}'s N, else {@code spark.executor.cores} (default 1). */
    private static int slots() {
        SparkEnv env = SparkEnv.get();
        if (env == null) {
            return 1;
        }
        String master = env.conf().get("spark.master", "");
        java.util.regex.Matcher local = java.util.regex.Pattern.compile("local\\[(\\d+|\\*)(,\\d+)?\\]").matcher(master);
        if (local.matches()) {
            return local.group(1).equals("*") ? Runtime.getRuntime().availableProcessors()
                    : Integer.parseInt(local.group(1));
        }
        return Math.max(1, env.conf().getInt("spark.executor.cores", 1));
    }
}
