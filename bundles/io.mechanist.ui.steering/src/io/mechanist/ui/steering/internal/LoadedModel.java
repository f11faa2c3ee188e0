package io.mechanist.ui.steering.internal;

import java.io.IOException;
import java.nio.file.Path;

import io.mechanist.runtime.HookedTransformer;

/**
 * The model the interactive panel steers: loaded on first use from a background job, replaced when the folder changes,
 * closed with the view. Callers hold no reference across a folder change.
 */
public final class LoadedModel implements AutoCloseable {
    private Path folder;
    private HookedTransformer model;

    /** The model of {@code wanted}, loading it (and closing another one) if needed. Never call on the UI thread. */
    public synchronized HookedTransformer get(Path wanted) throws IOException {
        Path normalised = wanted.toAbsolutePath().normalize();
        if (model != null && normalised.equals(folder)) {
            return model;
        }
        close();
        model = HookedTransformer.load(normalised);
        folder = normalised;
        return model;
    }

    @Override
    public synchronized void close() throws IOException {
        if (model != null) {
            HookedTransformer old = model;
            model = null;
            folder = null;
            old.close();
        }
    }
}
