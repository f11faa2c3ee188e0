package io.mechanist.ui.events;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import io.mechanist.core.activations.ActivationSet;
import io.mechanist.core.activations.StoredVectorData;
import io.mechanist.model.StoredVector;
import io.mechanist.store.ActivationStore;
import io.mechanist.ui.store.OpenStores;

/**
 * "The user picked this prompt of this capture" in the Store Navigator. Sent on the workbench {@code IEventBroker}
 * under {@link #TOPIC} (the record is the event's {@code IEventBroker.DATA}); views that show one prompt's
 * activations (e.g. the heatmap) receive it with
 * {@code @Inject @Optional void show(@UIEventTopic(StorePromptSelection.TOPIC) StorePromptSelection selection)}.
 * Reading the numbers may block on I/O: call {@link #openCapture()} and {@link #vectors()} from a job.
 *
 * @param storeFolder the store's folder
 * @param captureId   the capture
 * @param prompt      the prompt's index in the capture's dataset
 * @param label       what the navigator shows for the prompt
 */
public record StorePromptSelection(Path storeFolder, String captureId, int prompt, String label) {

    /** The event topic. */
    public static final String TOPIC = "io/mechanist/selection/prompt";

    /** Opens the capture's activations (an independent snapshot; close it when done). */
    public ActivationSet openCapture() throws IOException {
        return store().openCapture(captureId);
    }

    /** Every vector stored in the store (steering vectors, probe directions), offered for projections. */
    public List<StoredVectorData> vectors() throws IOException {
        ActivationStore store = store();
        List<String> ids = store.read(s -> s.getVectors().stream().map(StoredVector::getId).toList());
        List<StoredVectorData> vectors = new ArrayList<>();
        for (String id : ids) {
            vectors.add(store.readVector(id));
        }
        return vectors;
    }

    private ActivationStore store() throws IOException {
        ActivationStore store = OpenStores.instance().store(storeFolder);
        if (store == null) {
            throw new IOException("The store " + storeFolder + " is no longer open");
        }
        return store;
    }
}
