package io.mechanist.runtime.reference.internal;

import java.util.ArrayList;
import java.util.List;

/**
 * Builds GPT-2 (GPT2LMHeadModel) from its tensors: Conv1D weights are stored [in, out] and are transposed here;
 * c_attn fuses q, k and v along its output dimension.
 */
final class Gpt2Builder {

    private Gpt2Builder() {
    }

    static Transformer build(ModelConfig c, CheckpointReader weights) {
        String p = weights.contains("transformer.wte.weight") ? "transformer." : "";
        int d = c.hiddenSize();
        Matrix wte = weights.matrix(p + "wte.weight", c.vocabSize(), d);
        Matrix wpe = weights.matrix(p + "wpe.weight", c.maxPositions(), d);
        var activation = Activations.byName(c.activation());
        List<DecoderLayer> layers = new ArrayList<>();
        for (int l = 0; l < c.numLayers(); l++) {
            String h = p + "h." + l + ".";
            Linear fused = conv1d(weights, h + "attn.c_attn", d, 3 * d);
            Attention attention = new Attention(fused.rowRange(0, d), fused.rowRange(d, 2 * d),
                    fused.rowRange(2 * d, 3 * d), conv1d(weights, h + "attn.c_proj", d, d), c.numHeads(),
                    c.numHeads(), c.headDim(), c.attentionScales().get(l), null, 0, null, null, null);
            Mlp mlp = Mlp.plain(conv1d(weights, h + "mlp.c_fc", d, c.intermediateSize()),
                    conv1d(weights, h + "mlp.c_proj", c.intermediateSize(), d), activation);
            layers.add(new DecoderLayer(layerNorm(weights, h + "ln_1", c), attention, null,
                    layerNorm(weights, h + "ln_2", c), mlp, null));
        }
        Matrix unembedding = c.tieEmbeddings() ? wte : weights.matrix("lm_head.weight", c.vocabSize(), d);
        return new Transformer(c, wte, wpe, 1.0, layers, layerNorm(weights, p + "ln_f", c), unembedding, null);
    }

    private static Linear conv1d(CheckpointReader weights, String name, int in, int out) {
        Matrix inByOut = weights.matrix(name + ".weight", in, out);
        return new Linear(inByOut.transpose(), weights.vector(name + ".bias", out));
    }

    private static Norm layerNorm(CheckpointReader weights, String name, ModelConfig c) {
        return Norm.layerNorm(weights.vector(name + ".weight", c.hiddenSize()),
                weights.vector(name + ".bias", c.hiddenSize()), c.normEps());
    }
}
