package io.mechanist.store.internal;

import java.util.ArrayList;
import java.util.List;

import io.mechanist.core.activations.PromptInfo;
import io.mechanist.model.AnalysisResult;
import io.mechanist.model.Capture;
import io.mechanist.model.Dataset;
import io.mechanist.model.ModelRef;
import io.mechanist.model.Prompt;
import io.mechanist.model.Store;
import io.mechanist.model.StoredVector;

/** Finds model objects by id with errors that name what exists, and converts prompts to plain Java. */
public final class ModelLookup {

    private ModelLookup() {
    }

    public static Capture capture(Store store, String id) {
        return store.getCaptures().stream().filter(c -> id.equals(c.getId())).findFirst()
                .orElseThrow(() -> missing("capture", id, store.getCaptures().stream().map(Capture::getId).toList()));
    }

    public static ModelRef model(Store store, String id) {
        return store.getModels().stream().filter(m -> id.equals(m.getId())).findFirst()
                .orElseThrow(() -> missing("model", id, store.getModels().stream().map(ModelRef::getId).toList()));
    }

    public static Dataset findDataset(Store store, String id) {
        return store.getDatasets().stream().filter(d -> id.equals(d.getId())).findFirst().orElse(null);
    }

    public static Dataset dataset(Store store, String id) {
        Dataset dataset = findDataset(store, id);
        if (dataset == null) {
            throw missing("dataset", id, store.getDatasets().stream().map(Dataset::getId).toList());
        }
        return dataset;
    }

    public static StoredVector vector(Store store, String id) {
        return store.getVectors().stream().filter(v -> id.equals(v.getId())).findFirst()
                .orElseThrow(() -> missing("vector", id, store.getVectors().stream().map(StoredVector::getId).toList()));
    }

    public static AnalysisResult result(Store store, String id) {
        return store.getResults().stream().filter(r -> id.equals(r.getId())).findFirst()
                .orElseThrow(() -> missing("analysis result", id, store.getResults().stream().map(AnalysisResult::getId).toList()));
    }

    /** The prompts of a dataset as plain Java records. */
    public static List<PromptInfo> prompts(Dataset dataset) {
        List<PromptInfo> prompts = new ArrayList<>(dataset.getPrompts().size());
        int index = 0;
        for (Prompt prompt : dataset.getPrompts()) {
            int[] ids = prompt.getTokenIds().stream().mapToInt(Integer::intValue).toArray();
            prompts.add(new PromptInfo(index++, prompt.getText(), ids, List.copyOf(prompt.getTokens()),
                    prompt.getLabels().map(), prompt.getGroupId(), prompt.getPairId()));
        }
        return prompts;
    }

    private static IllegalArgumentException missing(String kind, String id, List<String> known) {
        return new IllegalArgumentException("the store has no " + kind + " '" + id + "'; it has " + known);
    }
}
