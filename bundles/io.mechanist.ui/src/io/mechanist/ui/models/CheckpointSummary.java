package io.mechanist.ui.models;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

import io.mechanist.core.tensor.SafetensorsFile;
import io.mechanist.core.tensor.TensorInfo;

/**
 * One row of the Model Library: what a checkpoint folder claims to be (from config.json) and whether Mechanist can
 * load it (safetensors weights and a tokenizer.json; pickle checkpoints are refused because loading one runs code).
 */
public record CheckpointSummary(Path folder, String architecture, int layers, int dModel, int heads, int vocab,
        String dtype, long weightBytes, String status) {

    public static final String READY = "ready";

    /** Checkpoint folders directly inside {@code root}, or {@code root} itself if it is one. */
    public static List<CheckpointSummary> scan(Path root) {
        List<CheckpointSummary> found = new ArrayList<>();
        if (Files.isRegularFile(root.resolve("config.json"))) {
            found.add(read(root));
            return found;
        }
        if (!Files.isDirectory(root)) {
            return found;
        }
        try (DirectoryStream<Path> children = Files.newDirectoryStream(root, Files::isDirectory)) {
            for (Path child : children) {
                if (Files.isRegularFile(child.resolve("config.json"))) {
                    found.add(read(child));
                }
            }
        } catch (IOException e) {
            found.add(new CheckpointSummary(root, "?", 0, 0, 0, 0, "?", 0, "cannot list folder: " + e.getMessage()));
        }
        found.sort((a, b) -> a.folder().getFileName().toString().compareTo(b.folder().getFileName().toString()));
        return found;
    }

    /** Reads {@code folder/config.json} and checks the weight and tokenizer files. Never throws. */
    public static CheckpointSummary read(Path folder) {
        Path config = folder.resolve("config.json");
        JsonObject json;
        try (Reader reader = Files.newBufferedReader(config)) {
            JsonElement parsed = JsonParser.parseReader(reader);
            if (!parsed.isJsonObject()) {
                return broken(folder, config + " is not a JSON object");
            }
            json = parsed.getAsJsonObject();
        } catch (IOException | RuntimeException e) {
            return broken(folder, config + ": " + e.getMessage());
        }
        // Gemma 3 and other multimodal configs keep the language model's numbers in text_config.
        JsonObject text = json.has("text_config") && json.get("text_config").isJsonObject()
                ? json.getAsJsonObject("text_config") : json;
        String architecture = json.has("architectures") && json.get("architectures").isJsonArray()
                && !json.getAsJsonArray("architectures").isEmpty()
                        ? json.getAsJsonArray("architectures").get(0).getAsString()
                        : string(json, "model_type", "?");
        int layers = integer(text, "num_hidden_layers", integer(text, "n_layer", 0));
        int dModel = integer(text, "hidden_size", integer(text, "n_embd", 0));
        int heads = integer(text, "num_attention_heads", integer(text, "n_head", 0));
        int vocab = integer(text, "vocab_size", 0);

        long safetensorsBytes = 0;
        boolean pickle = false;
        String dtype = null;
        try (Stream<Path> files = Files.list(folder)) {
            for (Path file : (Iterable<Path>) files::iterator) {
                String name = file.getFileName().toString();
                if (name.endsWith(".safetensors")) {
                    safetensorsBytes += Files.size(file);
                    if (dtype == null) {
                        dtype = weightType(file);
                    }
                } else if (name.endsWith(".bin") || name.endsWith(".pt") || name.endsWith(".pth")) {
                    pickle = true;
                }
            }
        } catch (IOException e) {
            return broken(folder, "cannot list " + folder + ": " + e.getMessage());
        }
        String status;
        if (safetensorsBytes == 0) {
            status = pickle ? "pickle weights only (.bin/.pt): refused, convert to safetensors"
                    : "no *.safetensors weights";
        } else if (!Files.isRegularFile(folder.resolve("tokenizer.json"))) {
            status = "no tokenizer.json";
        } else {
            status = READY;
        }
        if (dtype == null) {
            dtype = string(text, "torch_dtype", string(json, "torch_dtype", "?"));
        }
        return new CheckpointSummary(folder, architecture, layers, dModel, heads, vocab, dtype, safetensorsBytes,
                status);
    }

    /** The element type of the weights (the first tensor's, as the safetensors header says), or null if unreadable. */
    private static String weightType(Path file) {
        try (SafetensorsFile tensors = SafetensorsFile.open(file)) {
            List<TensorInfo> infos = tensors.tensorInfos();
            return infos.isEmpty() ? null : infos.get(0).dtype().toString();
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    /** Whether the checkpoint can be captured from. */
    public boolean ready() {
        return READY.equals(status);
    }

    private static CheckpointSummary broken(Path folder, String why) {
        return new CheckpointSummary(folder, "?", 0, 0, 0, 0, "?", 0, why);
    }

    private static int integer(JsonObject json, String key, int fallback) {
        JsonElement value = json.get(key);
        return value != null && value.isJsonPrimitive() && value.getAsJsonPrimitive().isNumber()
                ? value.getAsInt() : fallback;
    }

    private static String string(JsonObject json, String key, String fallback) {
        JsonElement value = json.get(key);
        return value != null && value.isJsonPrimitive() ? value.getAsString() : fallback;
    }
}
