package io.mechanist.runtime.reference.internal;

import io.mechanist.runtime.reference.ArchitectureFamily;

import java.util.List;

/**
 * The architecture of one checkpoint with every Hugging Face default resolved, so the forward pass never has to
 * know which keys were present in config.json.
 *
 * @param headDim per-head width of q, k and v
 * @param intermediateSize MLP hidden width
 * @param maxPositions learned position table size (GPT-2) or max_position_embeddings
 * @param activation Hugging Face activation name (silu, gelu, gelu_new, gelu_pytorch_tanh, ...)
 * @param attentionScales per layer: the factor applied to q.k before soft-capping and masking
 * @param attnSoftcap attention-logit soft-cap, or null
 * @param finalSoftcap final-logit soft-cap, or null
 * @param embedScale factor applied to token embeddings (Gemma: sqrt(hidden_size) in the compute dtype), else 1
 * @param slidingWindows per layer: window size (a query sees keys with 0 <= q - k < window), 0 for full causal
 * @param ropes per layer rotary parameters; null for GPT-2 (learned positions)
 * @param qkvBias q/k/v projections have biases
 * @param outputBias the attention output projection has a bias
 * @param mlpBias the MLP projections have biases
 * @param qkNorm per-head RMSNorm on q and k before RoPE (Qwen3, Gemma 3)
 * @param sandwichNorms Gemma's extra norms after attention and after the MLP
 * @param normAddsOne RMSNorm multiplies by (1 + w) (Gemma) instead of w
 */
public record ModelConfig(
        ArchitectureFamily family,
        int vocabSize,
        int hiddenSize,
        int numLayers,
        int numHeads,
        int numKvHeads,
        int headDim,
        int intermediateSize,
        int maxPositions,
        double normEps,
        String activation,
        boolean tieEmbeddings,
        List<Double> attentionScales,
        Double attnSoftcap,
        Double finalSoftcap,
        double embedScale,
        List<Integer> slidingWindows,
        List<RopeSpec> ropes,
        boolean qkvBias,
        boolean outputBias,
        boolean mlpBias,
        boolean qkNorm,
        boolean sandwichNorms,
        boolean normAddsOne) {
}
