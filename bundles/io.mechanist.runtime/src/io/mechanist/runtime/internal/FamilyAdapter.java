package io.mechanist.runtime.internal;

import java.io.IOException;
import java.util.List;
import java.util.Optional;

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

    /**
     * Names of checkpoint tensors this family never reads but that are known not to change the numbers (attention
     * mask and rotary buffers some exporters save): they are not reported as unused.
     */
    default boolean isBuffer(String tensorName) {
        return tensorName.endsWith(".attn.bias") || tensorName.endsWith(".attn.masked_bias")
                || tensorName.endsWith(".rotary_emb.inv_freq");
    }

    static FamilyAdapter of(Family family) {
        return family == Family.GPT2 ? new Gpt2Adapter() : new LlamaFamilyAdapter(family);
    }

    /**
     * The family of a config.json. Hugging Face's AutoModel classes pick the model class by {@code model_type}
     * and ignore {@code architectures}; a config whose two entries name different families is refused, because
     * numbers computed as either family would be wrong for the other (norms, scales and tensors differ).
     */
    static Family family(JsonConfig config) throws CheckpointException {
        String modelType = config.getString("model_type", null);
        List<String> architectures = config.stringList("architectures");
        Optional<Family> byArchitecture = Optional.empty();
        if (architectures != null) {
            byArchitecture = architectures.stream().map(Family::forArchitecture).flatMap(Optional::stream).findFirst();
        }
        if (modelType == null) {
            if (byArchitecture.isEmpty()) {
                throw new CheckpointException(config.file(), (architectures == null || architectures.isEmpty()
                        ? "neither 'model_type' nor 'architectures' is given" : "architecture " + architectures
                        + " is not supported") + "; supported: " + Family.supportedList());
            }
            return byArchitecture.get();
        }
        if (modelType.equals("gemma3") && config.has("text_config")) {
            throw new CheckpointException(config.file(), "model_type gemma3 is the multimodal "
                    + "Gemma3ForConditionalGeneration; only text checkpoints (model_type gemma3_text, "
                    + "Gemma3ForCausalLM) are supported");
        }
        Family byType = Family.forModelType(modelType).orElseThrow(() -> new CheckpointException(config.file(),
                "model_type '" + modelType + "' is not supported; supported: " + Family.supportedList()));
        if (byArchitecture.isPresent() && byArchitecture.get() != byType) {
            throw new CheckpointException(config.file(), "model_type '" + modelType + "' and architectures "
                    + architectures + " name different families (" + byType.architecture() + " vs "
                    + byArchitecture.get().architecture() + "); Hugging Face's AutoModelForCausalLM would load it as "
                    + byType.architecture() + ". Correct whichever entry is wrong.");
        }
        if (byArchitecture.isEmpty() && architectures != null && !architectures.isEmpty()) {
            throw new CheckpointException(config.file(), "architecture " + architectures + " is not supported"
                    + " (model_type is '" + modelType + "'); supported: " + Family.supportedList());
        }
        return byType;
    }
}
