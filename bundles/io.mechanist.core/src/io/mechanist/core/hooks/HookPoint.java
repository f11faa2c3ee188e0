package io.mechanist.core.hooks;

import java.util.List;

/**
 * The canonical activation sites of a decoder-only transformer, in the order a forward pass reaches them. A
 * {@link HookSite} pairs a point with a layer. Shapes use: {@code batch} prompts, {@code pos} token positions,
 * {@code d_model} residual width, {@code head} attention heads, {@code query}/{@code key} positions, {@code vocab}
 * vocabulary size. Values are whatever the model's reference implementation (Hugging Face transformers) computes
 * there, without weight folding or centering.
 */
public enum HookPoint {

    /**
     * {@code embed}, shape {@code [batch, pos, d_model]}: the input of block 0, i.e. token embedding (plus
     * position embedding where the architecture has one), after any embedding scaling (e.g. Gemma's
     * {@code sqrt(d_model)}).
     */
    EMBED("embed", false, "batch", "pos", "d_model"),

    /** {@code blocks.L.resid_pre}, shape {@code [batch, pos, d_model]}: the residual stream entering block L. */
    RESID_PRE("resid_pre", true, "batch", "pos", "d_model"),

    /**
     * {@code blocks.L.attn_q}, shape {@code [batch, pos, head, d_head]}: block L's queries per head, after the
     * projection (and bias) and, for families with q/k norms (Qwen3, Gemma 3), after the per-head norm; before the
     * rotary embedding.
     */
    ATTN_Q("attn_q", true, "batch", "pos", "head", "d_head"),

    /**
     * {@code blocks.L.attn_k}, shape {@code [batch, pos, kv_head, d_head]}: keys per key/value head (fewer than the
     * query heads with grouped-query attention), at the same stage as {@link #ATTN_Q}.
     */
    ATTN_K("attn_k", true, "batch", "pos", "kv_head", "d_head"),

    /** {@code blocks.L.attn_v}, shape {@code [batch, pos, kv_head, d_head]}: values per key/value head. */
    ATTN_V("attn_v", true, "batch", "pos", "kv_head", "d_head"),

    /**
     * {@code blocks.L.attn_scores}, shape {@code [batch, head, query, key]}: the pre-softmax attention logits,
     * {@code q.k * scale}, then soft-capped where the family caps them (Gemma 2), then masked: keys a query may not
     * see (later positions, outside a sliding window) are {@code -inf}. The softmax of a row is
     * {@link #ATTN_PATTERN}.
     */
    ATTN_SCORES("attn_scores", true, "batch", "head", "query", "key"),

    /**
     * {@code blocks.L.attn_pattern}, shape {@code [batch, head, query, key]}: block L's attention probabilities
     * (after softmax, masking included; each query row sums to 1).
     */
    ATTN_PATTERN("attn_pattern", true, "batch", "head", "query", "key"),

    /**
     * {@code blocks.L.attn_z}, shape {@code [batch, pos, head, d_head]}: each head's output (pattern-weighted
     * values) before the output projection; {@code attn_out} is the projection of these (plus bias and post-norm).
     */
    ATTN_Z("attn_z", true, "batch", "pos", "head", "d_head"),

    /**
     * {@code blocks.L.attn_out}, shape {@code [batch, pos, d_model]}: what block L's attention adds to the residual
     * stream (after the output projection and, for architectures that have one such as Gemma 2/3, the
     * post-attention norm).
     */
    ATTN_OUT("attn_out", true, "batch", "pos", "d_model"),

    /**
     * {@code blocks.L.resid_mid}, shape {@code [batch, pos, d_model]}: the residual stream between attention and
     * MLP of block L ({@code resid_pre + attn_out}). For parallel-attention blocks (e.g. GPT-J, Pythia) the MLP
     * does not read this value, but it is still defined as that sum.
     */
    RESID_MID("resid_mid", true, "batch", "pos", "d_model"),

    /**
     * {@code blocks.L.mlp_post}, shape {@code [batch, pos, d_mlp]}: the MLP's hidden activation after the
     * non-linearity, the input of the down projection: {@code act(up(x))}, or {@code act(gate(x)) * up(x)} for gated
     * MLPs (Llama family).
     */
    MLP_POST("mlp_post", true, "batch", "pos", "d_mlp"),

    /**
     * {@code blocks.L.mlp_out}, shape {@code [batch, pos, d_model]}: what block L's MLP adds to the residual stream
     * (after the down projection and any post-MLP norm).
     */
    MLP_OUT("mlp_out", true, "batch", "pos", "d_model"),

    /**
     * {@code blocks.L.resid_post}, shape {@code [batch, pos, d_model]}: the residual stream leaving block L (equal
     * to {@code blocks.(L+1).resid_pre}).
     */
    RESID_POST("resid_post", true, "batch", "pos", "d_model"),

    /** {@code final_norm}, shape {@code [batch, pos, d_model]}: the output of the final norm, input of the unembedding. */
    FINAL_NORM("final_norm", false, "batch", "pos", "d_model"),

    /** {@code logits}, shape {@code [batch, pos, vocab]}: output logits, after any final soft-capping. */
    LOGITS("logits", false, "batch", "pos", "vocab");

    static final String BLOCK_PREFIX = "blocks.";

    private final String name;
    private final boolean perLayer;
    private final List<String> axes;

    HookPoint(String name, boolean perLayer, String... axes) {
        this.name = name;
        this.perLayer = perLayer;
        this.axes = List.of(axes);
    }

    /**
     * Whether the tensor is {@code [batch, head, query, key]} (attention scores and pattern) rather than one row per
     * position.
     */
    public boolean queryKeyShaped() {
        return axes.size() == 4 && axes.get(3).equals("key");
    }

    /** Whether the point exists once per transformer block (ids {@code blocks.L.<name>}) or once per model. */
    public boolean perLayer() {
        return perLayer;
    }

    /** The id of a global point, or the last segment of a per-layer id ({@code "resid_pre"}). */
    public String idName() {
        return name;
    }

    /** The id pattern, e.g. {@code "embed"} or {@code "blocks.L.resid_pre"}. */
    public String idPattern() {
        return perLayer ? BLOCK_PREFIX + "L." + name : name;
    }

    /** Names of the tensor's axes, outermost first, e.g. {@code [batch, pos, d_model]}. */
    public List<String> axes() {
        return axes;
    }

    /** The shape contract as text, e.g. {@code "[batch, pos, d_model]"}. */
    public String shapeDescription() {
        return axes.toString();
    }

    /** The point whose {@link #idName()} is {@code name}, or null. */
    static HookPoint byIdName(String name) {
        for (HookPoint point : values()) {
            if (point.name.equals(name)) {
                return point;
            }
        }
        return null;
    }
}
