package io.mechanist.spark;

import java.io.IOException;
import java.io.Serializable;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.apache.spark.TaskContext;

import io.mechanist.capture.Capturer;
import io.mechanist.core.hooks.HookSite;
import io.mechanist.model.StorageType;
import io.mechanist.runtime.HookedTransformer;
import io.mechanist.runtime.Padding;
import io.mechanist.store.ShardBuilder;

/**
 * What every executor needs to compute shards of one capture, shipped with each task: the checkpoint folder (on
 * the executors' shared filesystem), the capture's sites and storage, and how to batch. Plain data (no paths, no
 * EMF objects), so it serialises as it is.
 *
 * @param captureFolder the capture's folder in the store, as the executors see it
 * @param intraOpThreads libtorch threads per executor JVM, or 0 for the executor's cores divided by its task slots
 * @param failFirstAttemptOfShard a shard whose first attempt fails after its first batch (fault-injection tests),
 *     or -1
 */
record ShardTask(String modelFolder, String captureId, String captureFolder, List<ShardBuilder.Site> sites,
        StorageType storage, Padding padding, boolean allPositions, int maxTokens, int batchSize, int intraOpThreads,
        int failFirstAttemptOfShard) implements Serializable {

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
     * capture folder; the driver commits it. Each attempt stages its own file, so a retried or speculative attempt
     * never touches another's.
     */
    ShardBuilder.Staged run(Block block) throws IOException {
        List<HookSite> hookSites = sites.stream().map(site -> HookSite.parse(site.id())).toList();
        ShardBuilder shard = new ShardBuilder(captureId, sites, storage, block.firstPrompt(),
                ShardBuilder.promptBytes(sites, storage, 1) * 64);
        TaskContext task = TaskContext.get();
        try (ExecutorModels.Lease lease = ExecutorModels.borrow(Path.of(modelFolder), intraOpThreads)) {
            HookedTransformer model = lease.model();
            for (int from = 0; from < block.promptCount(); from += batchSize) {
                int to = Math.min(block.promptCount(), from + batchSize);
                List<long[]> tokens = new ArrayList<>();
                List<int[]> wanted = new ArrayList<>();
                for (int p = from; p < to; p++) {
                    tokens.add(block.tokens()[p]);
                    wanted.add(block.positions()[p]);
                }
                var rows = Capturer.captureBatch(model, hookSites, padding, allPositions, maxTokens, tokens, wanted);
                for (int b = 0; b < rows.size(); b++) {
                    int p = from + b;
                    shard.add(block.firstPrompt() + p, block.tokens()[p].length, block.positions()[p], rows.get(b));
                }
                if (block.shardIndex() == failFirstAttemptOfShard && task != null && task.attemptNumber() == 0) {
                    throw new IllegalStateException("injected failure: first attempt of shard " + block.shardIndex()
                            + " of capture " + captureId + " after " + to + " of its " + block.promptCount() + " prompts");
                }
            }
        }
        return shard.stage(Path.of(captureFolder), block.shardIndex());
    }
}
