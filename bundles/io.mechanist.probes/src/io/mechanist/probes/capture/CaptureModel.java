package io.mechanist.probes.capture;

import java.nio.file.Files;
import java.nio.file.Path;

import io.mechanist.model.Capture;
import io.mechanist.model.ModelRef;
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
        String recorded = store.read(s -> {
            for (Capture c : s.getCaptures()) {
                if (captureId.equals(c.getId())) {
                    ModelRef model = c.getModel();
                    return model == null ? null : model.getFolder();
                }
            }
            throw new IllegalArgumentException("store " + store.folder() + " has no capture '" + captureId + "'");
        });
        if (recorded == null || recorded.isBlank()) {
            return null;
        }
        Path path = Path.of(recorded);
        return path.isAbsolute() ? path : store.folder().resolve(path).normalize();
    }

    /** The model folder when it is recorded and is a folder on this machine, else null. */
    public static Path existingFolder(ActivationStore store, String captureId) {
        Path folder = folder(store, captureId);
        return folder != null && Files.isDirectory(folder) ? folder : null;
    }
}
