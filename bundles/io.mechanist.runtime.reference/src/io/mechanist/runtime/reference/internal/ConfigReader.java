package io.mechanist.runtime.reference.internal;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import io.mechanist.core.tensor.DType;
import io.mechanist.runtime.reference.ArchitectureFamily;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** Reads config.json and resolves it into a {@link ModelConfig} with the defaults of each Hugging Face config class. */
public final class ConfigReader {

    private static final Set<String> ACTIVATIONS =
            Set.of("silu", "swish", "gelu", "gelu_new", "gelu_fast", "gelu_pytorch_tanh", "relu");

    private final Path file;
    private final JsonObject json;

    private ConfigReader(Path file, JsonObject json) {
        this.file = file;
        this.json = json;
    }

    /**
     * @param computeDtype the dtype Hugging Face would run the model in; it only decides how constants that HF casts
     *     to that dtype are rounded (Gemma's embedding normalizer)
     */
    public static ModelConfig read(Path configFile, DType computeDtype) throws IOException {
        if (!Files.isRegularFile(configFile)) {
            throw new IOException("missing " + configFile + ": a Hugging Face checkpoint folder needs config.json");
        }
        JsonElement root;
        try {
            root = JsonParser.parseString(Files.readString(configFile, StandardCharsets.UTF_8));
        } catch (JsonParseException e) {
            throw new IOException(configFile + " is not valid JSON: " + e.getMessage(), e);
        }
        if (!root.isJsonObject()) {
            throw new IOException(configFile + " must hold a JSON object");
        }
        return new ConfigReader(configFile, root.getAsJsonObject()).resolve(computeDtype);
    }

    private ModelConfig resolve(DType computeDtype) throws IOException {
        ArchitectureFamily family = family();
        return family == ArchitectureFamily.GPT2 ? gpt2() : llamaLike(family, computeDtype);
    }

    /**
     * The family named by model_type (what Hugging Face's AutoModel classes follow) or, without one, by
     * architectures; a config whose two entries name different families is refused rather than guessed.
     */
    private ArchitectureFamily family() throws IOException {
        String modelType = string("model_type", null);
        ArchitectureFamily byArchitecture = null;
        if (json.has("architectures") && json.get("architectures").isJsonArray()) {
            for (JsonElement a : json.getAsJsonArray("architectures")) {
                var byName = a.isJsonPrimitive() ? ArchitectureFamily.byArchitecture(a.getAsString())
                        : java.util.Optional.<ArchitectureFamily>empty();
                if (byName.isPresent()) {
                    byArchitecture = byName.get();
                    break;
                }
            }
        }
        if (modelType != null) {
            if (modelType.equals("gemma3") && json.has("text_config")) {
                throw new IOException(file + ": model_type gemma3 is the multimodal Gemma3ForConditionalGeneration;"
                        + " only text checkpoints (model_type gemma3_text, Gemma3ForCausalLM) are supported");
            }
            ArchitectureFamily byType = ArchitectureFamily.byModelType(modelType).orElseThrow(() -> new IOException(
                    file + ": unsupported model_type '" + modelType + "'; supported: " + supportedList()));
            if (byArchitecture != null && byArchitecture != byType) {
                throw new IOException(file + ": model_type '" + modelType + "' and architectures "
                        + json.get("architectures") + " name different families (" + byType.architecture() + " vs "
                        + byArchitecture.architecture() + ")");
            }
            return byType;
        }
        if (byArchitecture != null) {
            return byArchitecture;
        }
        throw new IOException(file + ": no supported model_type or architectures entry; supported: " + supportedList());
    }

    private static String supportedList() {
        List<String> names = new ArrayList<>();
        for (ArchitectureFamily f : ArchitectureFamily.values()) {
            names.add(f.modelType() + " (" + f.architecture() + ")");
        }
        return String.join(", ", names);
    }

    private ModelConfig gpt2() throws IOException {
        int hidden = positive("n_embd", positive("hidden_size", 768));
        int layers = positive("n_layer", 12);
        int heads = positive("n_head", 12);
        requireDivisible(hidden, heads, "n_embd", "n_head");
        int headDim = hidden / heads;
        Integer inner = optionalInteger("n_inner", null);
        boolean scaleWeights = bool("scale_attn_weights", true);
        boolean byLayer = bool("scale_attn_by_inverse_layer_idx", false);
        List<Double> scales = new ArrayList<>();
        for (int l = 0; l < layers; l++) {
            double scale = scaleWeights ? 1.0 / Math.sqrt(headDim) : 1.0;
            scales.add(byLayer ? scale / (l + 1) : scale);
        }
        List<Integer> windows = new ArrayList<>();
        for (int l = 0; l < layers; l++) {
            windows.add(0);
        }
        if (inner != null && inner < 1) {
            throw new IOException(file + ": 'n_inner' must be at least 1, found " + inner);
        }
        return new ModelConfig(ArchitectureFamily.GPT2, positive("vocab_size", 50257), hidden, layers, heads, heads,
                headDim, inner != null ? inner : 4 * hidden, positive("n_positions", 1024),
                number("layer_norm_epsilon", 1e-5), activation(string("activation_function", "gelu_new")),
                bool("tie_word_embeddings", true), scales, null, null, 1.0, windows, null,
                true, true, true, false, false, false);
    }

    private ModelConfig llamaLike(ArchitectureFamily family, DType computeDtype) throws IOException {
        int hidden = positive("hidden_size", null);
        int layers = positive("num_hidden_layers", null);
        int heads = positive("num_attention_heads", null);
        int kvHeads = positive("num_key_value_heads", heads);
        if (heads % kvHeads != 0) {
            throw new IOException(file + ": num_attention_heads " + heads + " is not a multiple of num_key_value_heads "
                    + kvHeads);
        }
        Integer defaultHeadDim = switch (family) {
            case QWEN3 -> 128;
            case GEMMA2, GEMMA3_TEXT -> 256;
            default -> null;
        };
        Integer headDimValue = optionalInteger("head_dim", defaultHeadDim);
        if (headDimValue == null) {
            requireDivisible(hidden, heads, "hidden_size", "num_attention_heads");
            headDimValue = hidden / heads;
        }
        int headDim = headDimValue;
        if (headDim < 1) {
            throw new IOException(file + ": 'head_dim' must be at least 1, found " + headDim);
        }
        if (headDim % 2 != 0) {
            throw new IOException(file + ": head_dim " + headDim + " must be even for rotary embeddings");
        }
        double partialRotary = number("partial_rotary_factor", 1.0);
        if (partialRotary != 1.0) {
            throw new IOException(file + ": partial_rotary_factor " + partialRotary + " is not supported");
        }
        if (bool("use_bidirectional_attention", false)) {
            throw new IOException(file + ": use_bidirectional_attention=true (an encoder variant) is not supported");
        }

        List<String> layerTypes = layerTypes(family, layers);
        int window = slidingWindowSize(family);
        List<Integer> windows = new ArrayList<>();
        for (String type : layerTypes) {
            windows.add(type.equals("sliding_attention") ? window : 0);
        }

        double scale = family.isGemma()
                ? Math.pow(number("query_pre_attn_scalar", 256), -0.5)
                : Math.pow(headDim, -0.5);
        List<Double> scales = new ArrayList<>();
        for (int l = 0; l < layers; l++) {
            scales.add(scale);
        }
        Double attnSoftcap = switch (family) {
            case GEMMA2 -> optionalNumber("attn_logit_softcapping", 50.0);
            case GEMMA3_TEXT -> optionalNumber("attn_logit_softcapping", null);
            default -> null;
        };
        Double finalSoftcap = switch (family) {
            case GEMMA2 -> optionalNumber("final_logit_softcapping", 30.0);
            case GEMMA3_TEXT -> optionalNumber("final_logit_softcapping", null);
            default -> null;
        };
        String act = family.isGemma()
                ? string("hidden_activation", string("hidden_act", "gelu_pytorch_tanh"))
                : string("hidden_act", "silu");
        // Qwen2 always has q/k/v biases and none on o_proj; Mistral has no attention biases at all; the others
        // put a bias on all four projections when attention_bias is set.
        boolean attentionBias = family != ArchitectureFamily.MISTRAL && family != ArchitectureFamily.QWEN2
                && bool("attention_bias", false);
        boolean qkvBias = family == ArchitectureFamily.QWEN2 || attentionBias;
        boolean outputBias = attentionBias;
        boolean mlpBias = family == ArchitectureFamily.LLAMA && bool("mlp_bias", false);
        double embedScale = family.isGemma() ? roundTo(Math.sqrt(hidden), computeDtype) : 1.0;

        return new ModelConfig(family, positive("vocab_size", null), hidden, layers, heads, kvHeads, headDim,
                positive("intermediate_size", null), positive("max_position_embeddings", 2048),
                number("rms_norm_eps", 1e-6), activation(act), bool("tie_word_embeddings", family.isGemma()),
                scales, attnSoftcap, finalSoftcap, embedScale, windows, ropes(family, layerTypes),
                qkvBias, outputBias, mlpBias,
                family == ArchitectureFamily.QWEN3 || family == ArchitectureFamily.GEMMA3_TEXT,
                family.isGemma(), family.isGemma());
    }

    /** "sliding_attention" or "full_attention" per layer, as each HF config class derives them. */
    private List<String> layerTypes(ArchitectureFamily family, int layers) throws IOException {
        List<String> types = new ArrayList<>();
        if (json.has("layer_types") && json.get("layer_types").isJsonArray()) {
            JsonArray array = json.getAsJsonArray("layer_types");
            if (array.size() != layers) {
                throw new IOException(file + ": layer_types has " + array.size() + " entries for " + layers + " layers");
            }
            for (JsonElement e : array) {
                String t = e.getAsString();
                if (!t.equals("sliding_attention") && !t.equals("full_attention")) {
                    throw new IOException(file + ": unsupported layer type '" + t + "' in layer_types");
                }
                types.add(t);
            }
            return types;
        }
        for (int l = 0; l < layers; l++) {
            boolean sliding = switch (family) {
                case MISTRAL -> !isNull("sliding_window");
                case QWEN2, QWEN3 -> bool("use_sliding_window", false) && !isNull("sliding_window")
                        && l >= integer("max_window_layers", 28);
                case GEMMA2 -> (l + 1) % 2 != 0;
                case GEMMA3_TEXT -> (l + 1) % slidingPattern() != 0;
                default -> false;
            };
            types.add(sliding ? "sliding_attention" : "full_attention");
        }
        return types;
    }

    private int slidingPattern() throws IOException {
        String key = json.has("sliding_window_pattern") ? "sliding_window_pattern" : "_sliding_window_pattern";
        return positive(key, 6);
    }

    private int slidingWindowSize(ArchitectureFamily family) throws IOException {
        if (isNull("sliding_window")) {
            return 0;
        }
        return switch (family) {
            // Qwen configs drop the window unless use_sliding_window is set, whatever layer_types says.
            case QWEN2, QWEN3 -> bool("use_sliding_window", false) ? integer("sliding_window", 4096) : 0;
            case MISTRAL, GEMMA2, GEMMA3_TEXT -> integer("sliding_window", 4096);
            default -> 0;
        };
    }

    private List<RopeSpec> ropes(ArchitectureFamily family, List<String> layerTypes) throws IOException {
        double defaultTheta = family == ArchitectureFamily.GEMMA3_TEXT ? 1_000_000.0 : 10_000.0;
        double theta = number("rope_theta", defaultTheta);
        JsonObject perType = null;
        RopeSpec shared = null;
        if (json.has("rope_parameters") && json.get("rope_parameters").isJsonObject()) {
            JsonObject params = json.getAsJsonObject("rope_parameters");
            if (params.has("rope_type") || params.has("type") || params.has("rope_theta")) {
                shared = ropeSpec(params, theta, "rope_parameters");
            } else {
                perType = params;
            }
        } else if (family != ArchitectureFamily.GEMMA3_TEXT) {
            shared = ropeSpec(optionalObject("rope_scaling"), theta, "rope_scaling");
        }
        List<RopeSpec> ropes = new ArrayList<>();
        for (String type : layerTypes) {
            if (shared != null) {
                ropes.add(shared);
            } else if (perType != null) {
                if (!perType.has(type) || !perType.get(type).isJsonObject()) {
                    throw new IOException(file + ": rope_parameters has no entry for layer type " + type);
                }
                ropes.add(ropeSpec(perType.getAsJsonObject(type), theta, "rope_parameters." + type));
            } else if (type.equals("sliding_attention")) {
                // Gemma 3 (transformers 4.x configs): local layers use plain RoPE with their own base.
                ropes.add(RopeSpec.plain(number("rope_local_base_freq", 10_000.0)));
            } else {
                ropes.add(ropeSpec(optionalObject("rope_scaling"), theta, "rope_scaling"));
            }
        }
        return ropes;
    }

    private RopeSpec ropeSpec(JsonObject scaling, double theta, String where) throws IOException {
        if (scaling == null) {
            return RopeSpec.plain(theta);
        }
        String type = scaling.has("rope_type") ? scaling.get("rope_type").getAsString()
                : scaling.has("type") ? scaling.get("type").getAsString() : "default";
        double ownTheta = scaling.has("rope_theta") ? scaling.get("rope_theta").getAsDouble() : theta;
        return switch (type) {
            case "default" -> RopeSpec.plain(ownTheta);
            case "linear" -> new RopeSpec("linear", ownTheta, required(scaling, "factor", where), 0, 0, 0);
            case "llama3" -> new RopeSpec("llama3", ownTheta, required(scaling, "factor", where),
                    required(scaling, "low_freq_factor", where), required(scaling, "high_freq_factor", where),
                    required(scaling, "original_max_position_embeddings", where));
            // Plain frequencies up to max_position_embeddings; RotaryEmbedding refuses positions beyond.
            case "dynamic" -> new RopeSpec("dynamic", ownTheta, required(scaling, "factor", where), 0, 0,
                    positive("max_position_embeddings", 2048));
            default -> throw new IOException(file + ": " + where + " rope_type '" + type
                    + "' is not implemented by the reference (implemented: default, linear, llama3, dynamic)");
        };
    }

    private double required(JsonObject o, String key, String where) throws IOException {
        if (!o.has(key) || o.get(key).isJsonNull()) {
            throw new IOException(file + ": " + where + " needs '" + key + "'");
        }
        return o.get(key).getAsDouble();
    }

    private String activation(String name) throws IOException {
        if (!ACTIVATIONS.contains(name)) {
            throw new IOException(file + ": unsupported activation '" + name + "'; supported: " + ACTIVATIONS);
        }
        return name;
    }

    static double roundTo(double value, DType dtype) {
        return switch (dtype) {
            case F64 -> value;
            case F32 -> (float) value;
            case F16 -> Float.float16ToFloat(Float.floatToFloat16((float) value));
            case BF16 -> bf16Round((float) value);
            default -> throw new IllegalArgumentException("compute dtype must be F64, F32, F16 or BF16, not " + dtype);
        };
    }

    private static float bf16Round(float value) {
        int bits = Float.floatToRawIntBits(value);
        int rounded = bits + 0x7fff + ((bits >>> 16) & 1);
        return Float.intBitsToFloat(rounded & 0xffff0000);
    }

    private void requireDivisible(int a, int b, String aName, String bName) throws IOException {
        if (b <= 0 || a % b != 0) {
            throw new IOException(file + ": " + aName + " " + a + " is not divisible by " + bName + " " + b);
        }
    }

    // --- JSON helpers: an absent key takes the default, an explicit null means "none" ---

    private boolean isNull(String key) {
        return json.has(key) && json.get(key).isJsonNull();
    }

    private JsonObject optionalObject(String key) throws IOException {
        if (!json.has(key) || json.get(key).isJsonNull()) {
            return null;
        }
        if (!json.get(key).isJsonObject()) {
            throw new IOException(file + ": '" + key + "' must be an object");
        }
        return json.getAsJsonObject(key);
    }

    private int integer(String key, Integer fallback) throws IOException {
        Integer value = optionalInteger(key, fallback);
        if (value == null) {
            throw new IOException(file + ": missing required key '" + key + "'");
        }
        return value;
    }

    private Integer optionalInteger(String key, Integer fallback) throws IOException {
        if (!json.has(key)) {
            return fallback;
        }
        if (json.get(key).isJsonNull()) {
            return null;
        }
        JsonElement value = json.get(key);
        if (!value.isJsonPrimitive() || !value.getAsJsonPrimitive().isNumber()) {
            throw new IOException(file + ": '" + key + "' must be a number, found " + value);
        }
        double d = value.getAsDouble();
        if (d != Math.rint(d)) {
            throw new IOException(file + ": '" + key + "' must be an integer, found " + value);
        }
        if (d < Integer.MIN_VALUE || d > Integer.MAX_VALUE) {
            throw new IOException(file + ": '" + key + "' is out of range: " + value);
        }
        return (int) d;
    }

    /** A size or count: an integer of at least 1. */
    private int positive(String key, Integer fallback) throws IOException {
        int value = integer(key, fallback);
        if (value < 1) {
            throw new IOException(file + ": '" + key + "' must be at least 1, found " + value);
        }
        return value;
    }

    private double number(String key, double fallback) throws IOException {
        Double value = optionalNumber(key, fallback);
        return value == null ? fallback : value;
    }

    private Double optionalNumber(String key, Double fallback) throws IOException {
        if (!json.has(key)) {
            return fallback;
        }
        if (json.get(key).isJsonNull()) {
            return null;
        }
        JsonElement value = json.get(key);
        if (!value.isJsonPrimitive() || !value.getAsJsonPrimitive().isNumber()
                || !Double.isFinite(value.getAsDouble())) {
            throw new IOException(file + ": '" + key + "' must be a number, found " + value);
        }
        return value.getAsDouble();
    }

    private boolean bool(String key, boolean fallback) throws IOException {
        if (!json.has(key) || json.get(key).isJsonNull()) {
            return fallback;
        }
        JsonElement value = json.get(key);
        if (!value.isJsonPrimitive() || !value.getAsJsonPrimitive().isBoolean()) {
            throw new IOException(file + ": '" + key + "' must be true or false, found " + value);
        }
        return value.getAsBoolean();
    }

    private String string(String key, String fallback) {
        if (!json.has(key) || json.get(key).isJsonNull()) {
            return fallback;
        }
        return json.get(key).getAsString();
    }
}
