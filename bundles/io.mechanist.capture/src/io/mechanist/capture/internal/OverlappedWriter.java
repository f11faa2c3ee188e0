package io.mechanist.capture.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import io.mechanist.store.CaptureWriter;
import io.mechanist.store.PromptBatch;

/**
 * Commits each batch of a {@link CaptureWriter} on one background thread, so forcing, hashing and renaming its
 * shards and recording them overlap the next batch's forward pass, whose rows meanwhile go into the next shards'
 * files. At most one commit runs while the caller computes: {@link #commit} first waits for the previous one. The
 * shards are committed in order, by one thread at a time; a failure there is rethrown, unchanged, once, to the
 * caller by the next {@link #commit}, {@link #checkFailed}, {@link #await} or {@link #close}, and nothing more is
 * committed after it.
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
     * Waits for the previous batch's commit (rethrowing its failure), then starts committing this one
     * ({@link PromptBatch#commit}: forcing, hashing and renaming the shards it completed, and recording them).
     */
    public void commit(PromptBatch batch) throws IOException {
        await();
        if (failed) {
            throw new IllegalStateException("capture " + writer.captureId() + ": writing failed earlier");
        }
        pending = thread.submit(() -> {
            batch.commit();
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
