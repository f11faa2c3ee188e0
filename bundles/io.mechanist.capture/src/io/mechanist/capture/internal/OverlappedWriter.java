package io.mechanist.capture.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import io.mechanist.store.CaptureWriter;
import io.mechanist.store.PromptRows;

/**
 * Hands each batch's rows to a {@link CaptureWriter} on one background thread, so converting, writing, hashing
 * and forcing a shard to disk overlap the next batch's forward pass. At most one batch is being written while the
 * caller computes the next: {@link #submit} first waits for the previous batch, so memory holds at most two
 * batches of rows beside the shard being filled. The writer itself works as before (shards written and committed
 * in order, by one thread at a time); a failure there is rethrown, unchanged, once, to the caller by the next
 * {@link #submit}, {@link #checkFailed}, {@link #await} or {@link #close}, and nothing more is written after it.
 */
public final class OverlappedWriter implements AutoCloseable {
    private final CaptureWriter writer;
    private final ExecutorService thread;
    private Future<?> pending;
    private boolean failed;

    public OverlappedWriter(CaptureWriter writer) {
        this.writer = writer;
        this.thread = Executors.newSingleThreadExecutor(task -> {
            Thread t = new Thread(task, "capture writer " + writer.captureId());
            t.setDaemon(true);
            return t;
        });
    }

    /**
     * Waits for the previous batch to be written (rethrowing its failure), then starts writing this one: the rows
     * of prompts {@code firstPrompt, firstPrompt + 1, ...}, as {@link CaptureWriter#writePromptRows} takes them.
     * The caller must not change the arrays afterwards.
     */
    public void submit(int firstPrompt, List<Map<String, PromptRows>> rows) throws IOException {
        await();
        if (failed) {
            throw new IllegalStateException("capture " + writer.captureId() + ": writing failed earlier");
        }
        pending = thread.submit(() -> {
            for (int b = 0; b < rows.size(); b++) {
                writer.writePromptRows(firstPrompt + b, rows.get(b));
            }
            return null;
        });
    }

    /** Rethrows the failure of the batch being written if it has already failed; does not wait. */
    public void checkFailed() throws IOException {
        if (pending != null && pending.isDone()) {
            await();
        }
    }

    /** Waits until every submitted batch is written, rethrowing a failure. */
    public void await() throws IOException {
        Future<?> task = pending;
        if (task == null) {
            return;
        }
        boolean interrupted = false;
        try {
            while (true) {
                try {
                    task.get();
                    pending = null;
                    return;
                } catch (InterruptedException e) {
                    // The writer must be idle before anyone else touches it: keep waiting, restore the flag after.
                    interrupted = true;
                }
            }
        } catch (ExecutionException e) {
            pending = null;
            failed = true;
            Throwable cause = e.getCause();
            switch (cause) {
                case IOException io -> throw io;
                case UncheckedIOException unchecked -> throw unchecked.getCause();
                case RuntimeException runtime -> throw runtime;
                case Error error -> throw error;
                default -> throw new IllegalStateException(cause);
            }
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** Waits for the batch being written (rethrowing its failure) and stops the thread. */
    @Override
    public void close() throws IOException {
        try {
            await();
        } finally {
            thread.shutdown();
        }
    }
}
