package io.mechanist.runtime.internal;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

import ai.djl.ndarray.NDManager;
import io.mechanist.runtime.CheckpointException;
import io.mechanist.runtime.Family;
import io.mechanist.runtime.ModelSpec;
import io.mechanist.runtime.ModelSpec.NormKind;
import io.mechanist.runtime.RopeSpec;

/**
 * The Llama-style families (Llama, Mistral, Qwen2, Qwen3, Gemma 2, Gemma 3 text). They share tensor names
 * ({@code model.layers.N.self_attn.q_proj} ...) and differ by switches read from config.json, following each
 * family's Hugging Face defaults.
 */
final class LlamaFamilyAdapter implements FamilyAdapter {
    private final Family family;

    LlamaFamilyAdapter(Family family) {
        this.family = family;
    }

    private boolean gemma() {
        return family == Family.GEMMA2 || family == Family.GEMMA3_TEXT;
    }

    @Override
    public ModelSpec spec(JsonConfig c) throws CheckpointException {
        int d = c.requirePositiveInt("hidden_size");
        int heads = c.requirePositiveInt("num_attention_heads");
        int layers = c.requirePositiveInt("num_hidden_layers");
        int kvHeads = c.getPositiveInt("num_key_value_heads", heads);
        if (!c.has("head_dim") && d % heads != 0) {
            throw new CheckpointException(c.file(), "hidden_size " + d + " is not divisible by num_attention_heads "
                    + heads + " (and no 'head_dim' is given)");
        }
        int headDim = c.getPositiveInt("head_dim", d / heads);
        if (headDim % 2 != 0) {
            throw new CheckpointException(c.file(), "head_dim " + headDim + " must be even for rotary embeddings");
        }
        if (c.getDouble("partial_rotary_factor", 1.0) != 1.0) {
            throw new CheckpointException(c.file(), "partial_rotary_factor other than 1 is not supported");
        }
        if (heads % kvHeads != 0) {
            throw new CheckpointException(c.file(), "num_attention_heads " + heads
                    + " is not a multiple of num_key_value_heads " + kvHeads);
        }
        String actKey = gemma() ? "hidden_activation" : "hidden_act";
        String actName = c.getString(actKey, gemma() ? "gelu_pytorch_tanh" : "silu");
        if (gemma() && !c.has("hidden_activation")) {
            actName = c.getString("hidden_act", actName);
        }
        ModelSpec.Activation activation = activation(c, actKey, actName);
        boolean attentionBias = c.getBoolean("attention_bias", false);
        boolean qkvBias = family == Family.QWEN2 || attentionBias;
        boolean outputBias = family != Family.QWEN2 && attentionBias;
        boolean mlpBias = family == Family.LLAMA && c.getBoolean("mlp_bias", false);
        boolean qkNorm = family == Family.QWEN3 || family == Family.GEMMA3_TEXT;
        double attentionScale = gemma() ? Math.pow(c.getPositiveDouble("query_pre_attn_scalar", 256), -0.5)
                : 1.0 / Math.sqrt(headDim);
        double attnSoftcap = softcap(c, "attn_logit_softcapping", family == Family.GEMMA2 ? 50.0 : 0);
        double finalSoftcap = softcap(c, "final_logit_softcapping", family == Family.GEMMA2 ? 30.0 : 0);
        boolean tied = c.getBoolean("tie_word_embeddings", gemma());
        boolean[] sliding = slidingLayers(c, layers);
        int window = slidingWindow(c);
        int maxPositions = c.getPositiveInt("max_position_embeddings", 0);
        RopeSpec globalRope = rope(c, family == Family.GEMMA3_TEXT ? 1_000_000 : 10_000, headDim, maxPositions);
        List<ModelSpec.LayerSpec> perLayer = new ArrayList<>();
        for (int i = 0; i < layers; i++) {
            RopeSpec rope = globalRope;
            if (family == Family.GEMMA3_TEXT && sliding[i]) {
                rope = RopeSpec.plain(c.getPositiveDouble("rope_local_base_freq", 10_000), headDim);
            }
            perLayer.add(new ModelSpec.LayerSpec(attentionScale, sliding[i] ? window : 0, rope));
        }
        return new ModelSpec(family, c.requirePositiveInt("vocab_size"), d, layers, heads, kvHeads, headDim,
                c.requirePositiveInt("intermediate_size"), gemma() ? NormKind.RMS_NORM_PLUS_ONE : NormKind.RMS_NORM,
                c.getNonNegativeDouble("rms_norm_eps", 1e-6), activation, true, qkvBias, outputBias, mlpBias, qkNorm,
                gemma(), gemma() ? Math.sqrt(d) : 1.0, false, maxPositions, attnSoftcap, finalSoftcap, tied,
                perLayer);
    }

    /** A soft-cap: the family's default when absent, off (0) when null, else a positive number. */
    private static double softcap(JsonConfig c, String key, double familyDefault) throws CheckpointException {
        if (c.isNull(key)) {
            return 0;
        }
        return c.getPositiveDouble(key, familyDefault);
    }

    /** Which layers are "sliding_attention" layers, from layer_types or the family's own rule. */
    private boolean[] slidingLayers(JsonConfig c, int layers) throws CheckpointException {
        boolean[] sliding = new boolean[layers];
        List<String> types = c.stringList("layer_types");
        if (types != null) {
            if (types.size() != layers) {
                throw new CheckpointException(c.file(), "layer_types has " + types.size() + " entries for "
                        + layers + " layers");
            }
            for (int i = 0; i < layers; i++) {
                sliding[i] = switch (types.get(i)) {
                    case "sliding_attention" -> true;
                    case "full_attention" -> false;
                    default -> throw new CheckpointException(c.file(), "layer_types[" + i + "] = '" + types.get(i)
                            + "' is not supported (supported: sliding_attention, full_attention)");
                };
            }
            return sliding;
        }
        switch (family) {
            case MISTRAL -> java.util.Arrays.fill(sliding, true);
            case QWEN2, QWEN3 -> {
                for (int i = Math.max(0, c.getInt("max_window_layers", 28)); i < layers; i++) {
                    sliding[i] = true;
                }
            }
            case GEMMA2 -> {
                for (int i = 0; i < layers; i += 2) {
                    sliding[i] = true;
                }
            }
            case GEMMA3_TEXT -> {
                String key = c.has("sliding_window_pattern") ? "sliding_window_pattern" : "_sliding_window_pattern";
                int pattern = c.getPositiveInt(key, 6);
                for (int i = 0; i < layers; i++) {
                    sliding[i] = (i + 1) % pattern != 0;
                }
            }
            default -> { }
        }
        return sliding;
    }

    /**
     * The window of the sliding layers as the Hugging Face config classes derive it: an absent sliding_window takes
     * the class's default (4096); null, or Qwen's use_sliding_window=false, means none (0: such layers attend to
     * every earlier position).
     */
    private int slidingWindow(JsonConfig c) throws CheckpointException {
        boolean qwen = family == Family.QWEN2 || family == Family.QWEN3;
        if (family == Family.LLAMA || c.isNull("sliding_window")
                || (qwen && !c.getBoolean("use_sliding_window", false))) {
            return 0;
        }
        return c.getPositiveInt("sliding_window", 4096);
    }

    private static RopeSpec rope(JsonConfig c, double defaultTheta, int headDim, int maxPositions)
            throws CheckpointException {
        double theta = c.getPositiveDouble("rope_theta", defaultTheta);
        JsonConfig scaling = c.object("rope_scaling");
        if (scaling == null) {
            return RopeSpec.plain(theta, headDim);
        }
        String type = scaling.getString("rope_type", scaling.getString("type", "default"));
        return switch (type) {
            case "default" -> RopeSpec.plain(theta, headDim);
            case "linear" -> new RopeSpec(theta, RopeSpec.Scaling.LINEAR, requirePositive(scaling, "factor"), 0, 0, 0,
                    headDim);
            case "llama3" -> new RopeSpec(theta, RopeSpec.Scaling.LLAMA3, requirePositive(scaling, "factor"),
                    requirePositive(scaling, "low_freq_factor"), requirePositive(scaling, "high_freq_factor"),
                    (int) requirePositive(scaling, "original_max_position_embeddings"), headDim);
            case "dynamic" -> {
                // Hugging Face's dynamic NTK scaling leaves the frequencies alone up to max_position_embeddings;
                // beyond, it recomputes them from the longest sequence seen so far, so the numbers would depend on
                // earlier calls: such prompts are refused (HookedTransformer), and this is plain rope.
                if (maxPositions < 1) {
                    throw new CheckpointException(c.file(), "rope_scaling type 'dynamic' needs 'max_position_embeddings'");
                }
                double factor = requirePositive(scaling, "factor");
                if (factor < 1) {
                    throw new CheckpointException(c.file(), "rope_scaling 'factor' must be at least 1 for type "
                            + "'dynamic', found " + factor);
                }
                yield new RopeSpec(theta, RopeSpec.Scaling.DYNAMIC, factor, 0, 0, maxPositions, headDim);
            }
            // yarn, longrope and the rest: not built, because every rope variant here is first checked against the
            // double-precision reference written from Hugging Face's definition
            default -> throw new CheckpointException(c.file(), "rope_scaling type '" + type + "' is not implemented;"
                    + " Mechanist runs only the rope variants it checks against its double-precision reference"
                    + " (default, linear, llama3, dynamic)");
        };
    }

    private static double requirePositive(JsonConfig c, String key) throws CheckpointException {
        double value = c.getDouble(key, Double.NaN);
        if (!(value > 0)) {
            throw new CheckpointException(c.file(), "rope_scaling needs a positive '" + key + "'");
        }
        return value;
    }

    static ModelSpec.Activation activation(JsonConfig c, String key, String name) throws CheckpointException {
        return switch (name) {
            case "silu", "swish" -> ModelSpec.Activation.SILU;
            case "gelu_new", "gelu_pytorch_tanh" -> ModelSpec.Activation.GELU_TANH;
            case "gelu" -> ModelSpec.Activation.GELU;
            case "relu" -> ModelSpec.Activation.RELU;
            default -> throw new CheckpointException(c.file(), key + " '" + name
                    + "' is not supported (supported: silu, gelu_new, gelu_pytorch_tanh, gelu, relu)");
        };
    }

    @Override
    public Transformer build(ModelSpec s, WeightSource w, NDManager m) throws IOException {
        int d = s.dModel();
        int q = s.headCount() * s.headDim();
        int kv = s.kvHeadCount() * s.headDim();
        WeightTable embed = w.table("model.embed_tokens.weight", m, s.vocabSize(), d);
        List<DecoderLayer> layers = new ArrayList<>();
        for (int i = 0; i < s.layerCount(); i++) {
            String p = "model.layers." + i + ".";
            Attention attention = new Attention(s, i, null,
                    linear(w, m, p + "self_attn.q_proj", q, d, s.qkvBias()),
                    linear(w, m, p + "self_attn.k_proj", kv, d, s.qkvBias()),
                    linear(w, m, p + "self_attn.v_proj", kv, d, s.qkvBias()),
                    linear(w, m, p + "self_attn.o_proj", d, q, s.outputBias()),
                    s.qkNorm() ? norm(s, w, m, p + "self_attn.q_norm", s.headDim()) : null,
                    s.qkNorm() ? norm(s, w, m, p + "self_attn.k_norm", s.headDim()) : null);
            Mlp mlp = new Mlp(s.activation(), linear(w, m, p + "mlp.gate_proj", s.mlpDim(), d, s.mlpBias()),
                    linear(w, m, p + "mlp.up_proj", s.mlpDim(), d, s.mlpBias()),
                    linear(w, m, p + "mlp.down_proj", d, s.mlpDim(), s.mlpBias()));
            Norm inputNorm = norm(s, w, m, p + "input_layernorm", d);
            DecoderLayer layer;
            if (s.sandwichNorms()) {
                // Gemma: post_attention_layernorm normalises the attention output; pre_feedforward feeds the MLP.
                layer = new DecoderLayer(i, inputNorm, attention, norm(s, w, m, p + "post_attention_layernorm", d),
                        norm(s, w, m, p + "pre_feedforward_layernorm", d), mlp,
                        norm(s, w, m, p + "post_feedforward_layernorm", d));
            } else {
                // Llama: post_attention_layernorm is the norm in front of the MLP.
                layer = new DecoderLayer(i, inputNorm, attention, null, norm(s, w, m, p + "post_attention_layernorm", d),
                        mlp, null);
            }
            layers.add(layer);
        }
        Norm finalNorm = norm(s, w, m, "model.norm", d);
        WeightTable unembedding = s.tiedEmbeddings() ? embed : w.table("lm_head.weight", m, s.vocabSize(), d);
        return new Transformer(s, m, w, embed, null, layers, finalNorm, unembedding);
    }

    private static Linear linear(WeightSource w, NDManager m, String name, int out, int in, boolean bias)
            throws CheckpointException {
        return new Linear(w.load(name + ".weight", m, out, in), bias ? w.load(name + ".bias", m, out) : null);
    }

    private static Norm norm(ModelSpec s, WeightSource w, NDManager m, String name, int width)
            throws CheckpointException {
        return new Norm(s.norm(), w.load(name + ".weight", m, width), null, s.normEps());
    }
}
