package io.mechanist.runtime;

import java.util.List;

/**
 * The architecture of a checkpoint, normalised across families: every switch the shared building blocks need.
 * Produced from config.json by the family adapters; the numerics follow Hugging Face transformers.
 *
 * @param family the adapter that produced it
 * @param vocabSize rows of the embedding matrix
 * @param dModel residual stream width
 * @param layerCount number of decoder blocks
 * @param headCount query heads
 * @param kvHeadCount key/value heads (grouped-query attention when smaller than {@code headCount})
 * @param headDim width of one head
 * @param mlpDim hidden width of the MLP
 * @param norm kind of normalisation used everywhere (block norms, q/k norms, final norm)
 * @param normEps epsilon of those norms
 * @param activation MLP non-linearity
 * @param gatedMlp gate/up/down MLP (Llama family) instead of fc/proj (GPT-2)
 * @param qkvBias q, k and v projections have biases
 * @param outputBias the attention output projection has a bias
 * @param mlpBias the MLP projections have biases
 * @param qkNorm q and k are normalised per head before rotary embedding (Qwen3, Gemma 3)
 * @param sandwichNorms extra norms after attention and after the MLP, before the residual add (Gemma 2/3)
 * @param embeddingScale factor applied to token embeddings (sqrt(dModel) for Gemma, else 1)
 * @param learnedPositions learned absolute position embeddings (GPT-2) instead of rotary
 * @param maxPositions maximum positions (size of the learned position table)
 * @param attnSoftcap attention-logit soft-capping ({@code tanh(s/c)*c}), 0 when off
 * @param finalSoftcap final-logit soft-capping, 0 when off
 * @param tiedEmbeddings the unembedding is the token-embedding matrix
 * @param layers per-layer settings (attention scale, sliding window, rope)
 */
public record ModelSpec(Family family, int vocabSize, int dModel, int layerCount, int headCount, int kvHeadCount,
        int headDim, int mlpDim, NormKind norm, double normEps, Activation activation, boolean gatedMlp,
        boolean qkvBias, boolean outputBias, boolean mlpBias, boolean qkNorm, boolean sandwichNorms,
        double embeddingScale, boolean learnedPositions, int maxPositions, double attnSoftcap, double finalSoftcap,
        boolean tiedEmbeddings, List<LayerSpec> layers) {

    public ModelSpec {
        layers = List.copyOf(layers);
        if (layers.size() != layerCount) {
            throw new IllegalArgumentException("layer settings for " + layers.size() + " layers, expected " + layerCount);
        }
        if (headCount % kvHeadCount != 0) {
            throw new IllegalArgumentException(headCount + " query heads are not a multiple of " + kvHeadCount
                    + " key/value heads");
        }
    }

    /**
     * Per-layer attention settings.
     *
     * @param attentionScale multiplier of q.k
     * @param slidingWindow a query sees keys with {@code query - key < slidingWindow}; 0 means full causal attention
     * @param rope rotary embedding of this layer, null with learned positions
     */
    public record LayerSpec(double attentionScale, int slidingWindow, RopeSpec rope) {
    }

    public enum NormKind {
        /** Mean-centred LayerNorm with weight and bias (GPT-2). */
        LAYER_NORM,
        /** {@code w * x / rms(x)} (Llama, Mistral, Qwen). */
        RMS_NORM,
        /** {@code (1 + w) * x / rms(x)} (Gemma). */
        RMS_NORM_PLUS_ONE
    }

    public enum Activation {
        /** x * sigmoid(x). */
        SILU,
        /** The tanh approximation of GELU (gelu_new, gelu_pytorch_tanh). */
        GELU_TANH,
        /** The exact (erf) GELU. */
        GELU,
        RELU
    }
}
