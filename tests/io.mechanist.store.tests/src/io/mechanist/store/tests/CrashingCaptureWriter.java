package io.mechanist.store.tests;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import io.mechanist.store.ActivationStore;
import io.mechanist.store.CaptureWriter;
import io.mechanist.store.PromptBatch;
import io.mechanist.store.PromptRows;
import io.mechanist.store.internal.AtomicFiles;

/**
 * Child-process main for the crash tests: opens the store {@code args[0]}, starts capture {@code args[1]} with
 * 1 KiB shards and writes every prompt without pausing, printing {@code COMMITTED <prompts>} after each shard
 * commit: prompt by prompt ({@code args[2]} = {@code buffered}), or in batches of {@value #BATCH} whose rows go
 * straight into their shard files site by site, as a forward pass delivers them ({@code streamed}). With
 * {@code args[3]} = {@code POINT:N} it halts the JVM ({@link Runtime#halt}, exit {@value #HALTED}: no
 * finally block, no shutdown hook) the N-th time a commit reaches {@link CommitPoint} POINT; otherwise the parent
 * kills it. It never completes the capture: after the last prompt it prints {@code FINISHED} and waits for its
 * standard input to close.
 */
public final class CrashingCaptureWriter {

    public static final List<String> SITES = List.of("blocks.0.resid_post", "blocks.1.resid_post");
    public static final int WIDTH = 8;
    public static final int SHARD_BYTES = 1024;
    public static final int HALTED = 77;
    public static final int BATCH = 3;

    private CrashingCaptureWriter() {
    }

    public static void main(String[] args) throws Exception {
        boolean streamed = args[2].equals("streamed");
        if (args.length > 3) {
            CommitPoint point = CommitPoint.valueOf(args[3].substring(0, args[3].indexOf(':')));
            int occurrence = Integer.parseInt(args[3].substring(args[3].indexOf(':') + 1));
            AtomicInteger seen = new AtomicInteger();
            AtomicFiles.observeSteps((step, target) -> {
                if (point.matches(step, target) && seen.incrementAndGet() == occurrence) {
                    System.out.println("HALT " + point + " " + occurrence);
                    System.out.flush();
                    Runtime.getRuntime().halt(HALTED);
                }
            });
        }
        try (ActivationStore store = ActivationStore.open(Path.of(args[0]));
                CaptureWriter writer = store.beginCapture(StoreFixtures.spec(args[1], SITES, WIDTH).shardBytes(SHARD_BYTES))) {
            for (int p = 0; p < writer.promptCount(); p += streamed ? BATCH : 1) {
                int before = shards(store, args[1]);
                if (streamed) {
                    int count = Math.min(BATCH, writer.promptCount() - p);
                    PromptBatch batch = writer.beginBatch(p, count);
                    for (String site : SITES) {
                        for (int q = p; q < p + count; q++) {
                            batch.write(site, q, PromptRows.floats(StoreFixtures.rows(writer, SITES, WIDTH, q)).get(site));
                        }
                    }
                    batch.commit();
                } else {
                    writer.writePrompt(p, StoreFixtures.rows(writer, SITES, WIDTH, p));
                }
                if (shards(store, args[1]) > before) {
                    System.out.println("COMMITTED " + committedPrompts(store, args[1]));
                    System.out.flush();
                }
            }
            System.out.println("FINISHED");
            System.out.flush();
            while (System.in.read() >= 0) {
                // wait for the parent to kill this process (or to close the pipe)
            }
        }
    }

    private static int committedPrompts(ActivationStore store, String captureId) {
        return store.read(s -> s.getCaptures().stream().filter(c -> c.getId().equals(captureId)).findFirst()
                .orElseThrow().getShards().stream().mapToInt(io.mechanist.model.Shard::getPromptCount).sum());
    }

    private static int shards(ActivationStore store, String captureId) {
        return store.read(s -> s.getCaptures().stream().filter(c -> c.getId().equals(captureId)).findFirst()
                .orElseThrow().getShards().size());
    }
}
