package io.mechanist.runtime.internal;

import java.io.IOException;

import ai.djl.ndarray.NDManager;
import io.mechanist.runtime.CheckpointException;
import io.mechanist.runtime.Family;
import io.mechanist.runtime.ModelSpec;

/** Maps one architecture family's config.json and tensor names onto the shared building blocks. */
public interface FamilyAdapter {

    /** Reads config.json into the normalised architecture description. */
    ModelSpec spec(JsonConfig config) throws CheckpointException;

    /** Loads the weights (checking every shape against {@code spec}) and assembles the model. */
    Transformer build(ModelSpec spec, WeightSource weights, NDManager manager) throws IOException;

    static FamilyAdapter of(Family family) {
        return family == Family.GPT2 ? new Gpt2Adapter() : new LlamaFamilyAdapter(family);
    }
}
