package io.mechanist.runtime.reference;

import java.util.Arrays;
import java.util.Optional;

/**
 * The decoder-only architecture families the reference implements, named by the {@code model_type} and the
 * {@code architectures} entry that Hugging Face writes into {@code config.json}.
 */
public enum ArchitectureFamily {
    GPT2("gpt2", "GPT2LMHeadModel"),
    LLAMA("llama", "LlamaForCausalLM"),
    MISTRAL("mistral", "MistralForCausalLM"),
    QWEN2("qwen2", "Qwen2ForCausalLM"),
    QWEN3("qwen3", "Qwen3ForCausalLM"),
    GEMMA2("gemma2", "Gemma2ForCausalLM"),
    GEMMA3_TEXT("gemma3_text", "Gemma3ForCausalLM");

    private final String modelType;
    private final String architecture;

    ArchitectureFamily(String modelType, String architecture) {
        this.modelType = modelType;
        this.architecture = architecture;
    }

    /** The {@code model_type} value in config.json. */
    public String modelType() {
        return modelType;
    }

    /** The class name listed under {@code architectures} in config.json. */
    public String architecture() {
        return architecture;
    }

    public static Optional<ArchitectureFamily> byModelType(String modelType) {
        return Arrays.stream(values()).filter(f -> f.modelType.equals(modelType)).findFirst();
    }

    public static Optional<ArchitectureFamily> byArchitecture(String architecture) {
        return Arrays.stream(values()).filter(f -> f.architecture.equals(architecture)).findFirst();
    }

    /** True for the families built from the Llama decoder layer (RMSNorm, RoPE, gated MLP). */
    public boolean isLlamaLike() {
        return this != GPT2;
    }

    /** True for Gemma 2 and Gemma 3: (1 + w) norms, scaled embeddings, pre/post sandwich norms. */
    public boolean isGemma() {
        return this == GEMMA2 || this == GEMMA3_TEXT;
    }
}
