package io.mechanist.store.tests;

import java.nio.file.Path;
import java.util.List;

import io.mechanist.store.ActivationStore;
import io.mechanist.store.CaptureWriter;

/**
 * Child-process main for the crash test: opens a store, starts capture {@code args[1]} with tiny shards and writes
 * prompts forever (cycling nothing, so it never completes), printing {@code COMMITTED <prompts>} after each shard.
 * The parent kills it with SIGKILL.
 */
public final class CrashingCaptureWriter {

    public static final List<String> SITES = List.of("blocks.0.resid_post", "blocks.1.resid_post");
    public static final int WIDTH = 8;

    private CrashingCaptureWriter() {
    }

    public static void main(String[] args) throws Exception {
        try (ActivationStore store = ActivationStore.open(Path.of(args[0]));
                CaptureWriter writer = store.beginCapture(StoreFixtures.spec(args[1], SITES, WIDTH).shardBytes(1024))) {
            int p = 0;
            while (p < writer.promptCount()) {
                int before = store.read(s -> s.getCaptures().stream().filter(c -> c.getId().equals(args[1]))
                        .findFirst().orElseThrow().getShards().size());
                writer.writePrompt(p, StoreFixtures.rows(writer, SITES, WIDTH, p));
                p++;
                int after = store.read(s -> s.getCaptures().stream().filter(c -> c.getId().equals(args[1]))
                        .findFirst().orElseThrow().getShards().size());
                if (after > before) {
                    System.out.println("COMMITTED " + p);
                    System.out.flush();
                }
                Thread.sleep(2);
            }
            System.out.println("FINISHED");
            Thread.sleep(60_000);
        }
    }
}
