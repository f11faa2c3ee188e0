package io.mechanist.runtime.reference.internal;

import io.mechanist.core.tensor.DType;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Loads a Hugging Face checkpoint folder into a {@link Transformer}. */
public final class ModelLoader {

    private ModelLoader() {
    }

    public static Transformer load(Path dir, DType computeDtype) throws IOException {
        if (!Files.isDirectory(dir)) {
            throw new IOException("checkpoint folder " + dir + " does not exist");
        }
        ModelConfig config = ConfigReader.read(dir.resolve("config.json"), computeDtype);
        try (CheckpointReader weights = CheckpointReader.open(dir)) {
            return switch (config.family()) {
                case GPT2 -> Gpt2Builder.build(config, weights);
                default -> LlamaFamilyBuilder.build(config, weights);
            };
        }
    }
}
