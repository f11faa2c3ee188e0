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

/**
 * GPT-2 ({@code GPT2LMHeadModel}): learned positions, LayerNorm with bias, fused c_attn, biases everywhere,
 * Conv1D weights stored [in, out] (used through transposed views), tied unembedding.
 */
final class Gpt2Adapter implements FamilyAdapter {

    @Override
    public ModelSpec spec(JsonConfig c) throws CheckpointException {
        int d = c.requirePositiveInt("n_embd");
        int heads = c.requirePositiveInt("n_head");
        int layers = c.requirePositiveInt("n_layer");
        if (d % heads != 0) {
            throw new CheckpointException(c.file(), "n_embd " + d + " is not divisible by n_head " + heads);
        }
        int headDim = d / heads;
        String act = c.getString("activation_function", "gelu_new");
        ModelSpec.Activation activation = LlamaFamilyAdapter.activation(c, "activation_function", act);
        boolean scaleWeights = c.getBoolean("scale_attn_weights", true);
        boolean byLayer = c.getBoolean("scale_attn_by_inverse_layer_idx", false);
        List<ModelSpec.LayerSpec> perLayer = new ArrayList<>();
        for (int i = 0; i < layers; i++) {
            double scale = scaleWeights ? 1.0 / Math.sqrt(headDim) : 1.0;
            if (byLayer) {
                scale /= i + 1;
            }
            perLayer.add(new ModelSpec.LayerSpec(scale, 0, null));
        }
        int inner = c.getPositiveInt("n_inner", Math.multiplyExact(4, d));
        return new ModelSpec(Family.GPT2, c.requirePositiveInt("vocab_size"), d, layers, heads, heads, headDim, inner,
                NormKind.LAYER_NORM, c.getNonNegativeDouble("layer_norm_epsilon", 1e-5), activation, false, true, true,
                true, false, false, 1.0, true, c.requirePositiveInt("n_positions"), 0, 0,
                c.getBoolean("tie_word_embeddings", true), perLayer);
    }

    @Override
    public Transformer build(ModelSpec s, WeightSource w, NDManager m) throws IOException {
        String prefix = w.contains("transformer.wte.weight") ? "transformer." : "";
        int d = s.dModel();
        WeightTable wte = w.table(prefix + "wte.weight", m, s.vocabSize(), d);
        WeightTable wpe = w.table(prefix + "wpe.weight", m, s.maxPositions(), d);
        List<DecoderLayer> layers = new ArrayList<>();
        for (int i = 0; i < s.layerCount(); i++) {
            String p = prefix + "h." + i + ".";
            Norm ln1 = layerNorm(s, w, m, p + "ln_1");
            Linear cAttn = conv1d(w, m, p + "attn.c_attn", d, 3 * d);
            Linear cProj = conv1d(w, m, p + "attn.c_proj", d, d);
            Attention attention = new Attention(s, i, cAttn, null, null, null, cProj, null, null);
            Norm ln2 = layerNorm(s, w, m, p + "ln_2");
            Mlp mlp = new Mlp(s.activation(), null, conv1d(w, m, p + "mlp.c_fc", d, s.mlpDim()),
                    conv1d(w, m, p + "mlp.c_proj", s.mlpDim(), d));
            layers.add(new DecoderLayer(i, ln1, attention, null, ln2, mlp, null));
        }
        Norm lnF = layerNorm(s, w, m, prefix + "ln_f");
        WeightTable unembedding = s.tiedEmbeddings() || !w.contains("lm_head.weight") ? wte
                : w.table("lm_head.weight", m, s.vocabSize(), d);
        return new Transformer(s, m, w, wte, wpe, layers, lnF, unembedding);
    }

    private static Norm layerNorm(ModelSpec s, WeightSource w, NDManager m, String name) throws CheckpointException {
        return new Norm(NormKind.LAYER_NORM, w.load(name + ".weight", m, s.dModel()),
                w.load(name + ".bias", m, s.dModel()), s.normEps());
    }

    /** Conv1D keeps its weight as [in, out]; a transposed view gives Linear's [out, in] without a copy. */
    private static Linear conv1d(WeightSource w, NDManager m, String name, int in, int out) throws CheckpointException {
        NDArray weight = w.load(name + ".weight", m, in, out);
        return new Linear(weight.transpose(), w.load(name + ".bias", m, out));
    }
}
