package io.mechanist.runtime;

import java.util.Arrays;
import java.util.Optional;
import java.util.stream.Collectors;

/** The architecture families the runtime can execute, keyed by the {@code architectures} entry of config.json. */
public enum Family {
    GPT2("GPT2LMHeadModel"),
    LLAMA("LlamaForCausalLM"),
    MISTRAL("MistralForCausalLM"),
    QWEN2("Qwen2ForCausalLM"),
    QWEN3("Qwen3ForCausalLM"),
    GEMMA2("Gemma2ForCausalLM"),
    GEMMA3_TEXT("Gemma3ForCausalLM");

    private final String architecture;

    Family(String architecture) {
        this.architecture = architecture;
    }

    /** The Hugging Face class name found in config.json's {@code architectures} list. */
    public String architecture() {
        return architecture;
    }

    public static Optional<Family> forArchitecture(String architecture) {
        return Arrays.stream(values()).filter(f -> f.architecture.equals(architecture)).findFirst();
    }

    /** A comma-separated list of the supported architecture names, for error messages. */
    public static String supportedList() {
        return Arrays.stream(values()).map(Family::architecture).collect(Collectors.joining(", "));
    }
}
