package io.mechanist.ui.events;

import java.nio.file.Path;

import io.mechanist.store.ActivationStore;
import io.mechanist.ui.store.OpenStores;

/**
 * "Show this analysis result": sent on the workbench {@code IEventBroker} under {@link #TOPIC} when the user opens a
 * result in the Store Navigator, after the view bound to the analysis's output (an {@code outputView} of extension
 * point {@code io.mechanist.core.analyses}) was shown.
 *
 * @param storeFolder the store's folder
 * @param resultId    the analysis result's id in the store
 * @param analysisId  the analysis that produced it
 * @param outputId    the output the shown view is bound to
 */
public record StoreResultSelection(Path storeFolder, String resultId, String analysisId, String outputId) {

    /** The event topic. */
    public static final String TOPIC = "io/mechanist/selection/result";

    /** The open (read-only) store, or null if it was closed since. */
    public ActivationStore store() {
        return OpenStores.instance().store(storeFolder);
    }
}
