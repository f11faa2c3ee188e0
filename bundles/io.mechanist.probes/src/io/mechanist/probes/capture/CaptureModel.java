package io.mechanist.probes.capture;

import java.nio.file.Files;
import java.nio.file.Path;

import io.mechanist.store.ActivationStore;

/** The checkpoint folder a stored capture was run with, as the store's model records it. */
public final class CaptureModel {

    private CaptureModel() {
    }

    /**
     * The model folder of {@code captureId} (relative folders resolve against the store), or null when the store
     * records none.
     *
     * @throws IllegalArgumentException when the store has no such capture
     */
    public static Path folder(ActivationStore store, String captureId) {
        return store.modelFolderOf(captureId).orElse(null);
    }

    /** The model folder when it is recorded and is a folder on this machine, else null. */
    public static Path existingFolder(ActivationStore store, String captureId) {
        Path folder = folder(store, captureId);
        return folder != null && Files.isDirectory(folder) ? folder : null;
    }
}
