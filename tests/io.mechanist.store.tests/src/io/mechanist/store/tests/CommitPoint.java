package io.mechanist.store.tests;

import java.nio.file.Path;

import io.mechanist.store.internal.AtomicFiles;

/**
 * The points of a capture's commit protocol where a fault is injected: the shard is written to a temporary file,
 * renamed into place, its folder forced; then store.xmi is saved the same way.
 */
public enum CommitPoint {
    /** The shard's temporary file is complete; nothing renamed yet. */
    SHARD_TEMPORARY_WRITTEN(AtomicFiles.Step.TEMPORARY_WRITTEN, true),
    /** The shard has its final name; its folder is not forced (before the folder fsync). */
    SHARD_RENAMED(AtomicFiles.Step.RENAMED, true),
    /** The shard is durable; store.xmi does not record it yet (before the store.xmi save). */
    SHARD_FOLDER_FORCED(AtomicFiles.Step.FOLDER_FORCED, true),
    /** The new store.xmi is in its temporary file (during the save). */
    STORE_TEMPORARY_WRITTEN(AtomicFiles.Step.TEMPORARY_WRITTEN, false),
    /** The new store.xmi is renamed into place; the store folder is not forced. */
    STORE_RENAMED(AtomicFiles.Step.RENAMED, false),
    /** store.xmi is saved and durable (after the save), before the writer moves on. */
    STORE_FOLDER_FORCED(AtomicFiles.Step.FOLDER_FORCED, false);

    private final AtomicFiles.Step step;
    private final boolean shard;

    CommitPoint(AtomicFiles.Step step, boolean shard) {
        this.step = step;
        this.shard = shard;
    }

    /** Whether a write step of {@code target} is this point. */
    public boolean matches(AtomicFiles.Step reached, Path target) {
        String name = target.getFileName().toString();
        return reached == step && (shard ? name.startsWith("shard-") : name.equals("store.xmi"));
    }
}
