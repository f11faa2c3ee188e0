package io.mechanist.ui.store;

import java.nio.file.Path;
import java.util.function.BiConsumer;

import org.eclipse.e4.ui.model.application.ui.basic.MPart;
import org.eclipse.swt.widgets.Display;

/**
 * The stored result a view shows, kept in its part's persisted state (saved with the workbench), so that after a
 * restart the view shows it again once its store is open. A view without a part (outside the e4 model) remembers
 * nothing.
 */
public final class ShownResult {

    private final MPart part;
    private final String storeKey;
    private final String resultKey;
    /** Stops waiting for the remembered store; null when not waiting. */
    private Runnable wait;

    /** @param keyPrefix the view's namespace in the persisted state, e.g. {@code io.mechanist.probes} */
    public ShownResult(MPart part, String keyPrefix) {
        this.part = part;
        this.storeKey = keyPrefix + ".store";
        this.resultKey = keyPrefix + ".result";
    }

    /** Remembers that the view shows result {@code resultId} of the store in {@code storeFolder}. */
    public void remember(Path storeFolder, String resultId) {
        if (part != null && storeFolder != null && resultId != null) {
            part.getPersistedState().put(storeKey, storeFolder.toString());
            part.getPersistedState().put(resultKey, resultId);
        }
    }

    /** The view shows something that is not stored: nothing to show again. */
    public void forget() {
        if (part != null) {
            part.getPersistedState().remove(storeKey);
            part.getPersistedState().remove(resultKey);
        }
    }

    /**
     * Calls {@code show} with the remembered store and result once that store is open, on the display's thread.
     *
     * @return the remembered store and result id as text for a status line, or null when nothing is remembered
     */
    public String restore(Display display, BiConsumer<Path, String> show) {
        String folder = part == null ? null : part.getPersistedState().get(storeKey);
        String id = part == null ? null : part.getPersistedState().get(resultKey);
        if (folder == null || id == null) {
            return null;
        }
        Path store = Path.of(folder);
        wait = OpenStores.instance().whenOpen(store, display, () -> {
            wait = null;
            show.accept(store, id);
        });
        return id + " of the store " + folder;
    }

    /** Stops waiting for the remembered store (the view closes). */
    public void dispose() {
        if (wait != null) {
            wait.run();
            wait = null;
        }
    }
}
