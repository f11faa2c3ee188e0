package io.mechanist.demo.task;

import com.google.gson.GsonBuilder;
import com.google.gson.JsonArray;
import com.google.gson.JsonNull;
import com.google.gson.JsonObject;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Writes the demo vocabulary as a Hugging Face tokenizer: tokenizer.json (a WordLevel model behind a Whitespace
 * pre-tokenizer, with the two special tokens as added tokens) and tokenizer_config.json.
 */
public final class DemoTokenizerFiles {

    private DemoTokenizerFiles() {
    }

    public static void write(Path dir, int modelMaxLength) throws IOException {
        Files.createDirectories(dir);
        write(dir.resolve("tokenizer.json"), tokenizerJson());
        write(dir.resolve("tokenizer_config.json"), tokenizerConfig(modelMaxLength));
    }

    static JsonObject tokenizerJson() {
        JsonObject root = new JsonObject();
        root.addProperty("version", "1.0");
        root.add("truncation", JsonNull.INSTANCE);
        root.add("padding", JsonNull.INSTANCE);
        JsonArray added = new JsonArray();
        for (String special : List.of(DemoVocabulary.END_OF_TEXT, DemoVocabulary.UNKNOWN)) {
            JsonObject token = new JsonObject();
            token.addProperty("id", DemoVocabulary.id(special));
            token.addProperty("content", special);
            token.addProperty("single_word", false);
            token.addProperty("lstrip", false);
            token.addProperty("rstrip", false);
            token.addProperty("normalized", false);
            token.addProperty("special", true);
            added.add(token);
        }
        root.add("added_tokens", added);
        root.add("normalizer", JsonNull.INSTANCE);
        JsonObject preTokenizer = new JsonObject();
        preTokenizer.addProperty("type", "Whitespace");
        root.add("pre_tokenizer", preTokenizer);
        root.add("post_processor", JsonNull.INSTANCE);
        root.add("decoder", JsonNull.INSTANCE);
        JsonObject model = new JsonObject();
        model.addProperty("type", "WordLevel");
        JsonObject vocab = new JsonObject();
        List<String> tokens = DemoVocabulary.tokens();
        for (int id = 0; id < tokens.size(); id++) {
            vocab.addProperty(tokens.get(id), id);
        }
        model.add("vocab", vocab);
        model.addProperty("unk_token", DemoVocabulary.UNKNOWN);
        root.add("model", model);
        return root;
    }

    static JsonObject tokenizerConfig(int modelMaxLength) {
        JsonObject config = new JsonObject();
        config.addProperty("tokenizer_class", "PreTrainedTokenizerFast");
        config.addProperty("bos_token", DemoVocabulary.END_OF_TEXT);
        config.addProperty("eos_token", DemoVocabulary.END_OF_TEXT);
        config.addProperty("unk_token", DemoVocabulary.UNKNOWN);
        config.addProperty("model_max_length", modelMaxLength);
        config.addProperty("add_prefix_space", false);
        config.addProperty("clean_up_tokenization_spaces", false);
        return config;
    }

    private static void write(Path file, JsonObject json) throws IOException {
        String text = new GsonBuilder().setPrettyPrinting().disableHtmlEscaping().serializeNulls().create()
                .toJson(json);
        Files.writeString(file, text + "\n", StandardCharsets.UTF_8);
    }
}
