package io.mechanist.runtime;

import java.util.Arrays;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The architecture families the runtime can execute, named by the {@code model_type} and the {@code architectures}
 * entry of config.json.
 */
public enum Family {
    GPT2("gpt2", "GPT2LMHeadModel"),
    LLAMA("llama", "LlamaForCausalLM"),
    MISTRAL("mistral", "MistralForCausalLM"),
    QWEN2("qwen2", "Qwen2ForCausalLM"),
    QWEN3("qwen3", "Qwen3ForCausalLM"),
    GEMMA2("gemma2", "Gemma2ForCausalLM"),
    GEMMA3_TEXT("gemma3_text", "Gemma3ForCausalLM");

    private final String modelType;
    private final String architecture;

    Family(String modelType, String architecture) {
        this.modelType = modelType;
        this.architecture = architecture;
    }

    /** The {@code model_type} value of config.json. */
    public String modelType() {
        return modelType;
    }

    /** The Hugging Face class name found in config.json's {@code architectures} list. */
    public String architecture() {
        return architecture;
    }

    public static Optional<Family> forArchitecture(String architecture) {
        return Arrays.stream(values()).filter(f -> f.architecture.equals(architecture)).findFirst();
    }

    public static Optional<Family> forModelType(String modelType) {
        return Arrays.stream(values()).filter(f -> f.modelType.equals(modelType)).findFirst();
    }

    /** The supported families as {@code model_type (architecture)}, comma-separated, for error messages. */
    public static String supportedList() {
        return Arrays.stream(values()).map(f -> f.modelType + " (" + f.architecture + ")")
                .collect(Collectors.joining(", "));
    }
}
