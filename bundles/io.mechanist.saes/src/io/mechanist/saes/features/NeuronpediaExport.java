package io.mechanist.saes.features;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonArray;
import com.google.gson.JsonNull;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;

import io.mechanist.saes.SaeFormatException;

/**
 * Features in Neuronpedia's export layout (what neuronpedia-utils writes and Neuronpedia imports):
 * {@code <out>/<modelId>/<sourceId>/features/batch-N.jsonl.gz} and {@code activations/batch-N.jsonl.gz}, one JSON
 * object per line with Neuronpedia's field names (Feature: modelId, layer, index, maxActApprox, pos_str,
 * pos_values, neg_str, neg_values, frac_nonzero, freq_hist_data_bar_heights/values, logits_hist_data_bar_heights/
 * values, ...; Activation: id, tokens, values, maxValue, maxValueTokenIndex, minValue, ...). {@code sourceId} is
 * {@code <layer>-<sourceSet>}, Neuronpedia's "layer" field. See docs/saes.md.
 */
public final class NeuronpediaExport {
    /** Features per batch file. */
    public static final int BATCH = 128;
    private static final Gson GSON = new GsonBuilder().serializeNulls().disableHtmlEscaping().create();

    /** One top-activating example: the prompt's tokens and the feature's value at each. */
    public record Activation(int dataIndex, List<String> tokens, float[] values) {
    }

    /** What is exported of one feature. */
    public record Feature(int index, double fracNonzero, double maxActApprox, List<String> posStr, double[] posValues,
            List<String> negStr, double[] negValues, double[] freqHistHeights, double[] freqHistValues,
            double[] logitsHistHeights, double[] logitsHistValues, List<Activation> activations) {
    }

    private NeuronpediaExport() {
    }

    /** The folder the export of a source goes to. */
    public static Path sourceFolder(Path out, String modelId, int layer, String sourceSet) {
        return out.resolve(safe(modelId)).resolve(layer + "-" + safe(sourceSet));
    }

    private static String safe(String name) {
        if (!name.matches("[A-Za-z0-9._-]+") || name.startsWith(".")) {
            throw new IllegalArgumentException("'" + name + "' is not a Neuronpedia id (letters, digits, . _ -)");
        }
        return name;
    }

    /**
     * Writes the features in batches of {@value #BATCH}; returns the source folder.
     *
     * @param hookName the TransformerLens hook name recorded as hookName
     */
    public static Path write(Path out, String modelId, int layer, String sourceSet, String hookName, String creatorId,
            List<Feature> features) throws IOException {
        Path source = sourceFolder(out, modelId, layer, sourceSet);
        String layerId = layer + "-" + sourceSet;
        String createdAt = Instant.now().toString();
        Files.createDirectories(source.resolve("features"));
        Files.createDirectories(source.resolve("activations"));
        for (int batch = 0; batch * BATCH < features.size(); batch++) {
            List<Feature> part = features.subList(batch * BATCH, Math.min(features.size(), (batch + 1) * BATCH));
            List<JsonObject> featureLines = new ArrayList<>();
            List<JsonObject> activationLines = new ArrayList<>();
            for (Feature f : part) {
                featureLines.add(featureJson(f, modelId, layerId, hookName, creatorId, createdAt));
                for (int a = 0; a < f.activations().size(); a++) {
                    activationLines.add(activationJson(f, a, modelId, layerId, creatorId, createdAt));
                }
            }
            writeLines(source.resolve("features").resolve("batch-" + batch + ".jsonl.gz"), featureLines);
            writeLines(source.resolve("activations").resolve("batch-" + batch + ".jsonl.gz"), activationLines);
        }
        return source;
    }

    private static JsonObject featureJson(Feature f, String modelId, String layerId, String hookName, String creatorId,
            String createdAt) {
        JsonObject json = new JsonObject();
        json.addProperty("modelId", modelId);
        json.addProperty("layer", layerId);
        json.addProperty("index", Integer.toString(f.index()));
        json.addProperty("creatorId", creatorId);
        json.addProperty("createdAt", createdAt);
        json.addProperty("maxActApprox", f.maxActApprox());
        json.addProperty("hasVector", false);
        json.add("vector", new JsonArray());
        json.add("vectorLabel", JsonNull.INSTANCE);
        json.add("vectorDefaultSteerStrength", JsonNull.INSTANCE);
        json.addProperty("hookName", hookName);
        for (String empty : List.of("topkCosSimIndices", "topkCosSimValues", "neuron_alignment_indices",
                "neuron_alignment_values", "neuron_alignment_l1", "correlated_neurons_indices",
                "correlated_neurons_pearson", "correlated_neurons_l1", "correlated_features_indices",
                "correlated_features_pearson", "correlated_features_l1", "decoder_weights_dist")) {
            json.add(empty, new JsonArray());
        }
        json.add("neg_str", strings(f.negStr()));
        json.add("neg_values", numbers(f.negValues()));
        json.add("pos_str", strings(f.posStr()));
        json.add("pos_values", numbers(f.posValues()));
        json.addProperty("frac_nonzero", f.fracNonzero());
        json.add("freq_hist_data_bar_heights", numbers(f.freqHistHeights()));
        json.add("freq_hist_data_bar_values", numbers(f.freqHistValues()));
        json.add("logits_hist_data_bar_heights", numbers(f.logitsHistHeights()));
        json.add("logits_hist_data_bar_values", numbers(f.logitsHistValues()));
        return json;
    }

    private static JsonObject activationJson(Feature f, int a, String modelId, String layerId, String creatorId,
            String createdAt) {
        Activation activation = f.activations().get(a);
        float[] values = activation.values();
        int maxAt = 0;
        float min = Float.POSITIVE_INFINITY;
        for (int i = 0; i < values.length; i++) {
            maxAt = values[i] > values[maxAt] ? i : maxAt;
            min = Math.min(min, values[i]);
        }
        JsonObject json = new JsonObject();
        // Neuronpedia uses cuids; a deterministic id keeps exports reproducible
        json.addProperty("id", layerId + "-" + f.index() + "-" + a);
        json.add("tokens", strings(activation.tokens()));
        json.addProperty("modelId", modelId);
        json.addProperty("layer", layerId);
        json.addProperty("index", Integer.toString(f.index()));
        json.addProperty("maxValue", values.length == 0 ? 0 : values[maxAt]);
        json.addProperty("maxValueTokenIndex", maxAt);
        json.addProperty("minValue", values.length == 0 ? 0 : min);
        JsonArray valueArray = new JsonArray();
        for (float v : values) {
            valueArray.add(v);
        }
        json.add("values", valueArray);
        json.addProperty("creatorId", creatorId);
        json.add("dataSource", JsonNull.INSTANCE);
        json.addProperty("dataIndex", Integer.toString(activation.dataIndex()));
        json.add("dfaValues", new JsonArray());
        json.add("dfaTargetIndex", JsonNull.INSTANCE);
        json.add("dfaMaxValue", JsonNull.INSTANCE);
        json.addProperty("createdAt", createdAt);
        json.add("lossValues", new JsonArray());
        json.add("logitContributions", JsonNull.INSTANCE);
        json.add("binMin", JsonNull.INSTANCE);
        json.add("binMax", JsonNull.INSTANCE);
        json.add("binContains", JsonNull.INSTANCE);
        json.addProperty("qualifyingTokenIndex", maxAt);
        return json;
    }

    private static JsonArray strings(List<String> values) {
        JsonArray array = new JsonArray();
        values.forEach(array::add);
        return array;
    }

    private static JsonArray numbers(double[] values) {
        JsonArray array = new JsonArray();
        for (double v : values) {
            array.add(v);
        }
        return array;
    }

    private static void writeLines(Path file, List<JsonObject> lines) throws IOException {
        Path temp = file.resolveSibling(file.getFileName() + ".tmp");
        try (Writer writer = new OutputStreamWriter(new GZIPOutputStream(Files.newOutputStream(temp)),
                StandardCharsets.UTF_8)) {
            for (JsonObject line : lines) {
                writer.write(GSON.toJson(line));
                writer.write('\n');
            }
        }
        Files.move(temp, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING,
                java.nio.file.StandardCopyOption.ATOMIC_MOVE);
    }

    /** Reads every line of one kind ({@code features} or {@code activations}) of a source folder, batch by batch. */
    public static List<JsonObject> read(Path source, String kind) throws IOException {
        Path folder = source.resolve(kind);
        List<Path> batches = new ArrayList<>();
        for (int batch = 0; Files.isRegularFile(folder.resolve("batch-" + batch + ".jsonl.gz")); batch++) {
            batches.add(folder.resolve("batch-" + batch + ".jsonl.gz"));
        }
        if (batches.isEmpty()) {
            throw new SaeFormatException(folder, "no batch-0.jsonl.gz");
        }
        List<JsonObject> out = new ArrayList<>();
        for (Path batch : batches) {
            try (BufferedReader reader = new BufferedReader(new InputStreamReader(
                    new GZIPInputStream(Files.newInputStream(batch)), StandardCharsets.UTF_8))) {
                String line;
                int number = 0;
                while ((line = reader.readLine()) != null) {
                    number++;
                    if (line.isBlank()) {
                        continue;
                    }
                    try {
                        out.add(JsonParser.parseString(line).getAsJsonObject());
                    } catch (JsonParseException | IllegalStateException e) {
                        throw new SaeFormatException(batch, "line " + number + " is not a JSON object");
                    }
                }
            }
        }
        return out;
    }
}
