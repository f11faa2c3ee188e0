package io.mechanist.runtime.internal;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import io.mechanist.core.hooks.HookPoint;
import io.mechanist.core.hooks.HookSite;
import io.mechanist.djl.AttentionMatmul;
import io.mechanist.runtime.ModelSpec;

/**
 * Causal multi-head attention with grouped-query heads, optional q/k norms, rotary embedding, soft-capping and
 * sliding windows. Either a fused qkv projection (GPT-2's c_attn) or separate q, k, v projections. The scores and
 * the mixed values are computed on OpenBLAS ({@link AttentionMatmul}, heads read where the projections wrote them)
 * and on libtorch's matmul with a KV cache, while gradients are recorded, or for arrays OpenBLAS cannot read.
 */
public final class Attention {
    private final int layer;
    private final int heads;
    private final int kvHeads;
    private final int headDim;
    private final ModelSpec.LayerSpec settings;
    private final double softcap;
    private final Linear qkv;
    private final Linear q;
    private final Linear k;
    private final Linear v;
    private final Linear out;
    private final Norm qNorm;
    private final Norm kNorm;
    // DJL's in-place ops with a Java number are several times slower than with a 0-dim array: keep constants as arrays.
    private final NDArray scale;
    private final NDArray softcapArray;
    private final HookSite qSite;
    private final HookSite kSite;
    private final HookSite vSite;
    private final HookSite scoresSite;
    private final HookSite patternSite;
    private final HookSite zSite;

    public Attention(ModelSpec spec, int layer, Linear qkv, Linear q, Linear k, Linear v, Linear out, Norm qNorm,
            Norm kNorm) {
        this.layer = layer;
        this.heads = spec.headCount();
        this.kvHeads = spec.kvHeadCount();
        this.headDim = spec.headDim();
        this.settings = spec.layers().get(layer);
        this.softcap = spec.attnSoftcap();
        this.qkv = qkv;
        this.q = q;
        this.k = k;
        this.v = v;
        this.out = out;
        this.qNorm = qNorm;
        this.kNorm = kNorm;
        NDManager weights = out.weight().getManager();
        this.scale = weights.create((float) settings.attentionScale());
        this.softcapArray = softcap > 0 ? weights.create((float) softcap) : null;
        this.qSite = HookSite.of(HookPoint.ATTN_Q, layer);
        this.kSite = HookSite.of(HookPoint.ATTN_K, layer);
        this.vSite = HookSite.of(HookPoint.ATTN_V, layer);
        this.scoresSite = HookSite.of(HookPoint.ATTN_SCORES, layer);
        this.patternSite = HookSite.of(HookPoint.ATTN_PATTERN, layer);
        this.zSite = HookSite.of(HookPoint.ATTN_Z, layer);
    }

    /** x [batch, pos, d_model] -> the attention output [batch, pos, d_model] (before any post-norm). */
    public NDArray apply(NDArray x, ForwardContext ctx) {
        int batch = (int) x.getShape().get(0);
        int length = (int) x.getShape().get(1);
        NDArray fused = null;
        NDArray query;
        NDArray key;
        NDArray value;
        if (qkv != null) {
            fused = qkv.apply(x);
            NDList parts = fused.split(new long[] {heads * headDim, (heads + kvHeads) * headDim}, 2);
            query = parts.get(0);
            key = parts.get(1);
            value = parts.get(2);
        } else {
            query = q.apply(x);
            key = k.apply(x);
            value = v.apply(x);
        }
        query = query.reshape(batch, length, heads, headDim);
        key = key.reshape(batch, length, kvHeads, headDim);
        value = value.reshape(batch, length, kvHeads, headDim);
        NDArray projectedQuery = query;
        NDArray projectedKey = key;
        NDArray projectedValue = value;
        if (qNorm != null) {
            query = qNorm.apply(query);
            key = kNorm.apply(key);
        }
        HookRuntime hooks = ctx.hooks();
        query = hooks.applyPerHead(qSite, query);
        key = hooks.applyPerHead(kSite, key);
        value = hooks.applyPerHead(vSite, value);
        if (settings.rope() != null) {
            Rope rope = ctx.rope(settings.rope());
            query = rope.apply(query);
            key = rope.apply(key);
        }
        NDArray mixed = null;
        if (ctx.cache() == null && !hooks.recordsGradients()) {
            // q, k, v are read where they lie: in the fused projection's rows while nothing replaced them, else as
            // dense [batch, pos, heads, headDim] arrays
            int width = (heads + 2 * kvHeads) * headDim;
            boolean readable = fused != null && AttentionMatmul.usable(fused);
            AttentionMatmul.Heads q = readable && query == projectedQuery
                    ? new AttentionMatmul.Heads(fused, 0, width, length, heads) : denseHeads(query, length, heads);
            AttentionMatmul.Heads k = readable && key == projectedKey
                    ? new AttentionMatmul.Heads(fused, (long) heads * headDim, width, length, kvHeads)
                    : denseHeads(key, length, kvHeads);
            AttentionMatmul.Heads v = readable && value == projectedValue
                    ? new AttentionMatmul.Heads(fused, (long) (heads + kvHeads) * headDim, width, length, kvHeads)
                    : denseHeads(value, length, kvHeads);
            if (q != null && k != null && v != null) {
                NDArray scores = AttentionMatmul.scores(q, k, batch, headDim, (float) settings.attentionScale());
                NDArray grouped = scores.reshape(batch, kvHeads, heads / kvHeads, length, length);
                NDArray pattern = pattern(grouped, ctx, batch, length, length);
                NDArray probs = pattern.reshape(batch, heads, length, length);
                // Scores and pattern are [batch, heads, pos, pos]: 67 MB each for a batch of 8 x 256 with 32 heads.
                // Closed as soon as they are used (unless a hook saw them) rather than held to the layer's end.
                if (!hooks.touches(scoresSite)) {
                    closeBoth(scores, grouped);
                }
                if (AttentionMatmul.usable(probs)) {
                    mixed = AttentionMatmul.mix(probs, v, batch, headDim).reshape(batch, length, heads, headDim);
                } else {
                    mixed = mix(probs.reshape(batch, kvHeads, heads / kvHeads, length, length),
                            value.transpose(0, 2, 1, 3), batch, length, length);
                }
                if (!hooks.touches(patternSite)) {
                    closeBoth(pattern, probs);
                }
            }
        }
        if (mixed == null) {
            mixed = attendOnLibtorch(query, key, value, ctx, batch, length);
        }
        mixed = hooks.applyPerHead(zSite, mixed);
        return out.apply(mixed.reshape(batch, length, heads * headDim));
    }

    /** Closes an array and a view of it (handles of one storage, freed with the last), each once. */
    private static void closeBoth(NDArray array, NDArray view) {
        array.close();
        if (view != array) {
            view.close();
        }
    }

    /** The products on libtorch (a KV cache, gradients, or arrays OpenBLAS cannot read): [batch, pos, heads, hd]. */
    private NDArray attendOnLibtorch(NDArray query, NDArray key, NDArray value, ForwardContext ctx, int batch,
            int length) {
        // [batch, heads, pos, headDim]
        query = query.transpose(0, 2, 1, 3);
        key = key.transpose(0, 2, 1, 3);
        value = value.transpose(0, 2, 1, 3);
        NDArray[] cached = ctx.cache() == null ? new NDArray[] {key, value} : ctx.cache().append(layer, key, value);
        key = cached[0];
        value = cached[1];
        int keys = (int) key.getShape().get(2);
        int group = heads / kvHeads;
        // Query heads sharing a key/value head are stacked along the query axis, so k and v are never repeated.
        NDArray grouped = query.reshape(batch, kvHeads, group * length, headDim);
        NDArray scores = grouped.matMul(key.transpose(0, 1, 3, 2)).reshape(batch, kvHeads, group, length, keys);
        NDArray probs = pattern(scores.muli(scale), ctx, batch, length, keys);
        return mix(probs, value, batch, length, keys);
    }

    /**
     * Scaled scores [batch, kvHeads, group, pos, keys] -> the attention pattern, same shape: soft-cap, mask,
     * attn_scores hooks, softmax, attn_pattern hooks.
     */
    private NDArray pattern(NDArray scores, ForwardContext ctx, int batch, int length, int keys) {
        HookRuntime hooks = ctx.hooks();
        NDArray capped = null;
        if (softcapArray != null) {
            // autograd keeps tanh's output for the backward pass: scale a copy then
            capped = scores.divi(softcapArray).tanh();
            scores = hooks.recordsGradients() ? capped.mul(softcapArray) : capped.muli(softcapArray);
        }
        NDArray mask = ctx.mask(settings.slidingWindow());
        scores = scores.addi(mask);
        if (hooks.touches(scoresSite)) {
            scores = hooks.applyQueryKey(scoresSite, scores.reshape(batch, heads, length, keys), mask,
                    Float.NEGATIVE_INFINITY).reshape(batch, kvHeads, heads / kvHeads, length, keys);
        }
        NDArray probs = scores.softmax(-1);
        if (capped != null && !hooks.recordsGradients() && !hooks.touches(scoresSite)) {
            closeBoth(capped, scores); // the soft-capped copy, used (the caller closes the scores it passed)
        }
        if (hooks.touches(patternSite)) {
            probs = hooks.applyQueryKey(patternSite, probs.reshape(batch, heads, length, keys), mask, 0f)
                    .reshape(batch, kvHeads, heads / kvHeads, length, keys);
        }
        return probs;
    }

    /** probs [batch, kvHeads, group, pos, keys] times value [batch, kvHeads, keys, headDim] on libtorch. */
    private NDArray mix(NDArray probs, NDArray value, int batch, int length, int keys) {
        return probs.reshape(batch, kvHeads, heads / kvHeads * length, keys).matMul(value)
                .reshape(batch, heads, length, headDim).transpose(0, 2, 1, 3);
    }

    /** A dense [batch, pos, count, headDim] array as heads OpenBLAS reads in place, or null when it cannot. */
    private AttentionMatmul.Heads denseHeads(NDArray array, int length, int count) {
        return AttentionMatmul.usable(array) ? new AttentionMatmul.Heads(array, 0, count * headDim, length, count)
                : null;
    }
}
