package io.mechanist.runtime.internal;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

import ai.djl.ndarray.NDArray;
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
        int d = c.requireInt("hidden_size");
        int heads = c.requireInt("num_attention_heads");
        int layers = c.requireInt("num_hidden_layers");
        int kvHeads = c.getInt("num_key_value_heads", heads);
        int headDim = c.getInt("head_dim", d / heads);
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
        double attentionScale = gemma() ? Math.pow(c.getDouble("query_pre_attn_scalar", 256), -0.5)
                : 1.0 / Math.sqrt(headDim);
        double attnSoftcap = family == Family.GEMMA2 ? c.getDouble("attn_logit_softcapping", 50.0)
                : c.getDouble("attn_logit_softcapping", 0);
        double finalSoftcap = family == Family.GEMMA2 ? c.getDouble("final_logit_softcapping", 30.0)
                : c.getDouble("final_logit_softcapping", 0);
        boolean tied = c.getBoolean("tie_word_embeddings", gemma());
        int[] windows = slidingWindows(c, layers);
        RopeSpec globalRope = rope(c, family == Family.GEMMA3_TEXT ? 1_000_000 : 10_000, headDim);
        List<ModelSpec.LayerSpec> perLayer = new ArrayList<>();
        for (int i = 0; i < layers; i++) {
            RopeSpec rope = globalRope;
            if (family == Family.GEMMA3_TEXT && windows[i] > 0) {
                rope = RopeSpec.plain(c.getDouble("rope_local_base_freq", 10_000), headDim);
            }
            perLayer.add(new ModelSpec.LayerSpec(attentionScale, windows[i], rope));
        }
        return new ModelSpec(family, c.requireInt("vocab_size"), d, layers, heads, kvHeads, headDim,
                c.requireInt("intermediate_size"), gemma() ? NormKind.RMS_NORM_PLUS_ONE : NormKind.RMS_NORM,
                c.getDouble("rms_norm_eps", 1e-6), activation, true, qkvBias, outputBias, mlpBias, qkNorm, gemma(),
                gemma() ? Math.sqrt(d) : 1.0, false, c.getInt("max_position_embeddings", 0), attnSoftcap,
                finalSoftcap, tied, perLayer);
    }

    /** Sliding window per layer (0 = full attention), from layer_types or the family's own switches. */
    private int[] slidingWindows(JsonConfig c, int layers) throws CheckpointException {
        int[] windows = new int[layers];
        int window = c.getInt("sliding_window", family == Family.GEMMA2 || family == Family.GEMMA3_TEXT ? 4096 : 0);
        List<String> types = c.stringList("layer_types");
        if (types != null) {
            if (types.size() != layers) {
                throw new CheckpointException(c.file(), "layer_types has " + types.size() + " entries for "
                        + layers + " layers");
            }
            for (int i = 0; i < layers; i++) {
                windows[i] = switch (types.get(i)) {
                    case "sliding_attention" -> requireWindow(c, window);
                    case "full_attention" -> 0;
                    default -> throw new CheckpointException(c.file(), "layer_types[" + i + "] = '" + types.get(i)
                            + "' is not supported (supported: sliding_attention, full_attention)");
                };
            }
            return windows;
        }
        switch (family) {
            case MISTRAL -> java.util.Arrays.fill(windows, window);
            case QWEN2, QWEN3 -> {
                if (c.getBoolean("use_sliding_window", false)) {
                    int from = c.getInt("max_window_layers", layers);
                    for (int i = from; i < layers; i++) {
                        windows[i] = requireWindow(c, window);
                    }
                }
            }
            case GEMMA2 -> {
                for (int i = 0; i < layers; i += 2) {
                    windows[i] = requireWindow(c, window);
                }
            }
            case GEMMA3_TEXT -> {
                int pattern = c.getInt("sliding_window_pattern", 6);
                for (int i = 0; i < layers; i++) {
                    windows[i] = (i + 1) % pattern != 0 ? requireWindow(c, window) : 0;
                }
            }
            default -> { }
        }
        return windows;
    }

    private static int requireWindow(JsonConfig c, int window) throws CheckpointException {
        if (window <= 0) {
            throw new CheckpointException(c.file(), "sliding-window layers need a positive 'sliding_window'");
        }
        return window;
    }

    private static RopeSpec rope(JsonConfig c, double defaultTheta, int headDim) throws CheckpointException {
        double theta = c.getDouble("rope_theta", defaultTheta);
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
            default -> throw new CheckpointException(c.file(), "rope_scaling type '" + type
                    + "' is not supported (supported: default, linear, llama3)");
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
        NDArray embed = w.load("model.embed_tokens.weight", m, s.vocabSize(), d);
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
        NDArray unembedding = s.tiedEmbeddings() ? embed : w.load("lm_head.weight", m, s.vocabSize(), d);
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
