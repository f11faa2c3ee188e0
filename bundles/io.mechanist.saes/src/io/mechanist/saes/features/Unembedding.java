package io.mechanist.saes.features;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

import io.mechanist.core.tensor.SafetensorsFile;
import io.mechanist.core.tensor.TensorInfo;
import io.mechanist.saes.SaeFormatException;

/**
 * A checkpoint's unembedding matrix {@code [vocab, d_model]} (lm_head, or the tied token embedding) and its token
 * strings from tokenizer.json, for a direction's direct logit effect {@code W_U d} (what Neuronpedia shows as a
 * feature's top positive and negative logits; no final norm is applied).
 */
public record Unembedding(int vocab, int dModel, float[] weights, List<String> tokens) {
    /** Tensor names tried in order (Hugging Face GPT-2, Llama-style, GPT-NeoX). */
    private static final List<String> NAMES = List.of("lm_head.weight", "transformer.wte.weight", "wte.weight",
            "model.embed_tokens.weight", "embed_out.weight", "gpt_neox.embed_in.weight");

    /** Reads the unembedding of the checkpoint folder {@code folder} (model.safetensors or its index). */
    public static Unembedding read(Path folder) throws IOException {
        List<Path> files = new ArrayList<>();
        Path single = folder.resolve("model.safetensors");
        Path index = folder.resolve("model.safetensors.index.json");
        if (Files.isRegularFile(single)) {
            files.add(single);
        } else if (Files.isRegularFile(index)) {
            JsonObject map = JsonParser.parseString(Files.readString(index, StandardCharsets.UTF_8)).getAsJsonObject()
                    .getAsJsonObject("weight_map");
            for (String name : NAMES) {
                if (map != null && map.has(name)) {
                    Path shard = folder.resolve(map.get(name).getAsString()).normalize();
                    if (!shard.startsWith(folder.normalize())) {
                        throw new SaeFormatException(index, "weight_map points outside the checkpoint: " + shard);
                    }
                    files.add(shard);
                    break;
                }
            }
        }
        if (files.isEmpty()) {
            throw new SaeFormatException(folder, "no model.safetensors (or index naming " + NAMES + ")");
        }
        try (SafetensorsFile file = SafetensorsFile.open(files.get(0))) {
            String name = NAMES.stream().filter(file::contains).findFirst().orElseThrow(() -> new SaeFormatException(
                    file.path(), "no unembedding tensor; looked for " + NAMES));
            TensorInfo info = file.info(name);
            if (info.rank() != 2) {
                throw new SaeFormatException(file.path(), "tensor '" + name + "' is not [vocab, d_model]: "
                        + Arrays.toString(info.shape()));
            }
            int vocab = (int) info.shape()[0];
            int dModel = (int) info.shape()[1];
            return new Unembedding(vocab, dModel, file.readFloats(name), tokens(folder.resolve("tokenizer.json"), vocab));
        }
    }

    /** Token strings by id from tokenizer.json (model.vocab as a map or a Unigram list, plus added_tokens). */
    static List<String> tokens(Path tokenizer, int vocab) throws IOException {
        String[] out = new String[vocab];
        if (Files.isRegularFile(tokenizer)) {
            JsonObject json = JsonParser.parseString(Files.readString(tokenizer, StandardCharsets.UTF_8))
                    .getAsJsonObject();
            JsonElement model = json.get("model");
            JsonElement vocabulary = model != null && model.isJsonObject() ? model.getAsJsonObject().get("vocab") : null;
            if (vocabulary != null && vocabulary.isJsonObject()) {
                for (Map.Entry<String, JsonElement> e : vocabulary.getAsJsonObject().entrySet()) {
                    int id = e.getValue().getAsInt();
                    if (id >= 0 && id < vocab) {
                        out[id] = e.getKey();
                    }
                }
            } else if (vocabulary != null && vocabulary.isJsonArray()) {
                JsonArray list = vocabulary.getAsJsonArray();
                for (int id = 0; id < Math.min(vocab, list.size()); id++) {
                    out[id] = list.get(id).getAsJsonArray().get(0).getAsString();
                }
            }
            JsonElement added = json.get("added_tokens");
            if (added != null && added.isJsonArray()) {
                for (JsonElement token : added.getAsJsonArray()) {
                    int id = token.getAsJsonObject().get("id").getAsInt();
                    if (id >= 0 && id < vocab) {
                        out[id] = token.getAsJsonObject().get("content").getAsString();
                    }
                }
            }
        }
        for (int id = 0; id < vocab; id++) {
            if (out[id] == null) {
                out[id] = "<" + id + ">";
            }
        }
        return List.of(out);
    }

    /** {@code W_U d}: the direct effect of direction {@code d} (length d_model) on every logit. */
    public double[] logitEffect(float[] direction) {
        if (direction.length != dModel) {
            throw new IllegalArgumentException("direction of " + direction.length + " values, d_model is " + dModel);
        }
        double[] out = new double[vocab];
        for (int v = 0; v < vocab; v++) {
            double sum = 0;
            int row = v * dModel;
            for (int i = 0; i < dModel; i++) {
                sum += (double) weights[row + i] * direction[i];
            }
            out[v] = sum;
        }
        return out;
    }

    /** Token ids of the {@code n} largest ({@code positive}) or smallest values, in order. */
    public static int[] extremes(double[] values, int n, boolean positive) {
        Integer[] order = new Integer[values.length];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        Arrays.sort(order, (a, b) -> positive ? Double.compare(values[b], values[a]) : Double.compare(values[a], values[b]));
        int[] out = new int[Math.min(n, values.length)];
        for (int i = 0; i < out.length; i++) {
            out[i] = order[i];
        }
        return out;
    }
}
