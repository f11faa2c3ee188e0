package io.mechanist.devtools.trainer;

import com.google.gson.GsonBuilder;
import com.google.gson.JsonObject;
import io.mechanist.core.tensor.DType;
import io.mechanist.core.tensor.SafetensorsWriter;
import io.mechanist.demo.task.DemoTokenizerFiles;
import io.mechanist.demo.task.DemoVocabulary;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;

/**
 * Writes a GPT-2 checkpoint folder the way transformers' {@code GPT2LMHeadModel.save_pretrained} lays it out:
 * config.json, model.safetensors (float32, Hugging Face tensor names, no {@code lm_head.weight} because the head is
 * tied to {@code transformer.wte.weight}), generation_config.json, and the tokenizer (tokenizer.json,
 * tokenizer_config.json).
 */
public final class HuggingFaceCheckpoint {

    public static final String WEIGHTS_FILE = "model.safetensors";

    private HuggingFaceCheckpoint() {
    }

    /**
     * @param weights every tensor of {@link GptParameters#shapes(GptConfig)} (row-major float32 values)
     * @param provenance written as {@code mechanist_training.json} (how the weights were made), or null
     */
    public static void write(Path dir, GptConfig config, Map<String, float[]> weights, JsonObject provenance)
            throws IOException {
        Files.createDirectories(dir);
        SafetensorsWriter safetensors = new SafetensorsWriter().metadata("format", "pt");
        for (Map.Entry<String, long[]> entry : GptParameters.shapes(config).entrySet()) {
            float[] values = weights.get(entry.getKey());
            long expected = GptParameters.product(entry.getValue());
            if (values == null || values.length != expected) {
                throw new IllegalArgumentException("tensor " + entry.getKey() + " " + Arrays.toString(entry.getValue())
                        + " needs " + expected + " values, got " + (values == null ? "none" : values.length));
            }
            safetensors.add(entry.getKey(), DType.F32, entry.getValue(), values);
        }
        safetensors.writeAtomically(dir.resolve(WEIGHTS_FILE));
        writeJson(dir.resolve("config.json"), config.toHuggingFaceJson(DemoVocabulary.END_OF_TEXT_ID));
        JsonObject generation = new JsonObject();
        generation.addProperty("bos_token_id", DemoVocabulary.END_OF_TEXT_ID);
        generation.addProperty("eos_token_id", DemoVocabulary.END_OF_TEXT_ID);
        writeJson(dir.resolve("generation_config.json"), generation);
        DemoTokenizerFiles.write(dir, config.contextLength());
        if (provenance != null) {
            writeJson(dir.resolve("mechanist_training.json"), provenance);
        }
    }

    private static void writeJson(Path file, JsonObject json) throws IOException {
        String text = new GsonBuilder().setPrettyPrinting().disableHtmlEscaping().create().toJson(json);
        Files.writeString(file, text + "\n", StandardCharsets.UTF_8);
    }
}
