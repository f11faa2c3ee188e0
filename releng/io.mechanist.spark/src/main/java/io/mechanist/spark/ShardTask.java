package io.mechanist.spark;

import java.io.IOException;
import java.io.Serializable;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.apache.spark.TaskContext;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.util.SerializableConfiguration;

import io.mechanist.capture.Capturer;
import io.mechanist.core.hooks.HookSite;
import io.mechanist.model.StorageType;
import io.mechanist.runtime.HookedTransformer;
import io.mechanist.runtime.Padding;
import io.mechanist.store.ShardBuilder;

/**
 * What every executor needs to compute shards of one capture, shipped with each task: the checkpoint, the
 * capture's sites and storage, how to batch and where to stage shards. Plain data (no paths, no EMF objects), so it
 * serialises as it is.
 *
 * @param model the checkpoint folder: a path on the executors' shared filesystem, or a Hadoop URI
 * @param captureFolder the capture's folder in the store, as the executors see it (when {@code stagingFolder} is
 *     null): a path on their shared filesystem, or a Hadoop URI of a store on a Hadoop filesystem ({@link RemoteStore})
 * @param stagingFolder the run's folder on a Hadoop filesystem where shards are staged ({@link HadoopStaging}), or
 *     null to stage them in {@code captureFolder}
 * @param hadoop the driver's Hadoop configuration, for Hadoop URIs
 * @param intraOpThreads libtorch threads per executor JVM, or 0 for the executor's cores divided by its task slots
 * @param faults failures to inject (tests)
 */
record ShardTask(String model, String captureId, String captureFolder, String stagingFolder,
        Broadcast<SerializableConfiguration> hadoop, List<ShardBuilder.Site> sites, StorageType storage,
        Padding padding, boolean allPositions, int maxTokens, int batchSize, int intraOpThreads,
        SparkCapture.Faults faults) implements Serializable {

    private static final long serialVersionUID = 1L;

    /**
     * One shard's prompts: shard number {@code shardIndex} holds dataset prompts {@code firstPrompt ..
     * firstPrompt + tokens.length - 1}, with their token ids and the positions the capture keeps of each.
     */
    record Block(int shardIndex, int firstPrompt, long[][] tokens, int[][] positions) implements Serializable {
        private static final long serialVersionUID = 1L;

        int promptCount() {
            return tokens.length;
        }
    }

    /**
     * Runs a block through the executor's copy of the model and stages it as a shard under a temporary name in the
     * capture folder (local, or on a Hadoop filesystem) or the run's staging folder; the driver commits it. Each
     * attempt stages its own file, so a retried or speculative attempt never touches another's.
     */
    ShardBuilder.Staged run(Block block) throws IOException {
        List<HookSite> hookSites = sites.stream().map(site -> HookSite.parse(site.id())).toList();
        ShardBuilder shard = new ShardBuilder(captureId, sites, storage, block.firstPrompt(),
                ShardBuilder.promptBytes(sites, storage, 1) * 64);
        TaskContext task = TaskContext.get();
        try (ExecutorModels.Lease lease = ExecutorModels.borrow(model, hadoop.value().value(), intraOpThreads)) {
            HookedTransformer model = lease.model();
            for (int from = 0; from < block.promptCount(); from += batchSize) {
                int to = Math.min(block.promptCount(), from + batchSize);
                List<long[]> tokens = new ArrayList<>();
                List<int[]> wanted = new ArrayList<>();
                for (int p = from; p < to; p++) {
                    tokens.add(block.tokens()[p]);
                    wanted.add(block.positions()[p]);
                }
                var rows = Capturer.captureBatchRows(model, hookSites, padding, allPositions, maxTokens, tokens,
                        wanted, storage == StorageType.F16);
                for (int b = 0; b < rows.size(); b++) {
                    int p = from + b;
                    shard.addRows(block.firstPrompt() + p, block.tokens()[p].length, block.positions()[p], rows.get(b));
                }
                if (block.shardIndex() == faults.failFirstAttemptOfShard() && firstAttempt(task)) {
                    throw new IllegalStateException("injected failure: first attempt of shard " + block.shardIndex()
                            + " of capture " + captureId + " after " + to + " of its " + block.promptCount() + " prompts");
                }
            }
        }
        ShardBuilder.Staged staged;
        if (stagingFolder != null) {
            staged = HadoopStaging.stage(shard, block.shardIndex(), stagingFolder, hadoop.value().value());
        } else if (RemoteStore.isUri(captureFolder)) {
            staged = RemoteStore.stage(shard, block.shardIndex(), captureFolder, hadoop.value().value());
        } else {
            return shard.stage(Path.of(captureFolder), block.shardIndex());
        }
        if (block.shardIndex() == faults.loseFirstAttemptOfShardAfterStaging() && firstAttempt(task)) {
            throw new IllegalStateException("injected failure: first attempt of shard " + block.shardIndex()
                    + " of capture " + captureId + " lost after staging " + staged.temporaryName());
        }
        return staged;
    }

    private static boolean firstAttempt(TaskContext task) {
        return task != null && task.attemptNumber() == 0;
    }
}
