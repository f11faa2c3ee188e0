package io.mechanist.runtime.reference.internal;

import java.util.ArrayList;
import java.util.List;

/**
 * Builds the Llama-style families (Llama, Mistral, Qwen2, Qwen3, Gemma 2, Gemma 3 text) from their tensors. They share
 * the layout {@code model.layers.L.self_attn.{q,k,v,o}_proj} and {@code mlp.{gate,up,down}_proj}; the config decides
 * biases, q/k norms, Gemma's (1 + w) norms and sandwich norms, soft-capping and windows.
 */
final class LlamaFamilyBuilder {

    private static final String EMBED = "embed_tokens.weight";

    private LlamaFamilyBuilder() {
    }

    static Transformer build(ModelConfig c, CheckpointReader weights) {
        String p = modelPrefix(weights);
        int d = c.hiddenSize();
        int qWidth = c.numHeads() * c.headDim();
        int kvWidth = c.numKvHeads() * c.headDim();
        Matrix embed = weights.matrix(p + EMBED, c.vocabSize(), d);
        var activation = Activations.byName(c.activation());
        List<DecoderLayer> layers = new ArrayList<>();
        for (int l = 0; l < c.numLayers(); l++) {
            String a = p + "layers." + l + ".self_attn.";
            String m = p + "layers." + l + ".mlp.";
            String n = p + "layers." + l + ".";
            Norm qNorm = c.qkNorm() ? norm(weights, a + "q_norm.weight", c.headDim(), c) : null;
            Norm kNorm = c.qkNorm() ? norm(weights, a + "k_norm.weight", c.headDim(), c) : null;
            Attention attention = new Attention(
                    linear(weights, a + "q_proj", qWidth, d, c.qkvBias()),
                    linear(weights, a + "k_proj", kvWidth, d, c.qkvBias()),
                    linear(weights, a + "v_proj", kvWidth, d, c.qkvBias()),
                    linear(weights, a + "o_proj", d, qWidth, c.outputBias()),
                    c.numHeads(), c.numKvHeads(), c.headDim(), c.attentionScales().get(l), c.attnSoftcap(),
                    c.slidingWindows().get(l), new RotaryEmbedding(c.ropes().get(l), c.headDim()), qNorm, kNorm);
            Mlp mlp = Mlp.gated(linear(weights, m + "gate_proj", c.intermediateSize(), d, c.mlpBias()),
                    linear(weights, m + "up_proj", c.intermediateSize(), d, c.mlpBias()),
                    linear(weights, m + "down_proj", d, c.intermediateSize(), c.mlpBias()), activation);
            Norm inputNorm = norm(weights, n + "input_layernorm.weight", d, c);
            if (c.sandwichNorms()) {
                // Gemma: post_attention_layernorm normalises the attention output; the MLP has its own pre/post pair.
                layers.add(new DecoderLayer(inputNorm, attention,
                        norm(weights, n + "post_attention_layernorm.weight", d, c),
                        norm(weights, n + "pre_feedforward_layernorm.weight", d, c), mlp,
                        norm(weights, n + "post_feedforward_layernorm.weight", d, c)));
            } else {
                // Llama: post_attention_layernorm is the norm in front of the MLP.
                layers.add(new DecoderLayer(inputNorm, attention, null,
                        norm(weights, n + "post_attention_layernorm.weight", d, c), mlp, null));
            }
        }
        Matrix unembedding = c.tieEmbeddings() ? embed
                : weights.matrix(lmHeadName(p), c.vocabSize(), d);
        return new Transformer(c, embed, null, c.embedScale(), layers, norm(weights, p + "norm.weight", d, c),
                unembedding, c.finalSoftcap());
    }

    /** "model." normally; checkpoints nested in a wrapper carry a longer prefix. */
    private static String modelPrefix(CheckpointReader weights) {
        if (weights.contains("model." + EMBED)) {
            return "model.";
        }
        for (String name : weights.tensorNames()) {
            if (name.endsWith("." + EMBED) || name.equals(EMBED)) {
                return name.substring(0, name.length() - EMBED.length());
            }
        }
        return "model.";
    }

    private static String lmHeadName(String modelPrefix) {
        String outer = modelPrefix.endsWith("model.")
                ? modelPrefix.substring(0, modelPrefix.length() - "model.".length()) : modelPrefix;
        return outer + "lm_head.weight";
    }

    private static Linear linear(CheckpointReader weights, String name, int out, int in, boolean bias) {
        return new Linear(weights.matrix(name + ".weight", out, in),
                bias ? weights.vector(name + ".bias", out) : null);
    }

    private static Norm norm(CheckpointReader weights, String name, int size, ModelConfig c) {
        return Norm.rmsNorm(weights.vector(name, size), c.normEps(), c.normAddsOne());
    }
}
