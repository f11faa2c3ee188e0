package io.mechanist.runtime.internal;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import io.mechanist.core.hooks.HookPoint;
import io.mechanist.core.hooks.HookSite;
import io.mechanist.runtime.ModelSpec;

/**
 * Causal multi-head attention with grouped-query heads, optional q/k norms, rotary embedding, soft-capping and
 * sliding windows. Either a fused qkv projection (GPT-2's c_attn) or separate q, k, v projections.
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
        long batch = x.getShape().get(0);
        long length = x.getShape().get(1);
        NDArray query;
        NDArray key;
        NDArray value;
        if (qkv != null) {
            NDList parts = qkv.apply(x).split(new long[] {heads * headDim, (heads + kvHeads) * headDim}, 2);
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
        // [batch, heads, pos, headDim]
        query = query.transpose(0, 2, 1, 3);
        key = key.transpose(0, 2, 1, 3);
        value = value.transpose(0, 2, 1, 3);
        NDArray[] cached = ctx.cache() == null ? new NDArray[] {key, value} : ctx.cache().append(layer, key, value);
        key = cached[0];
        value = cached[1];
        long keys = key.getShape().get(2);
        int group = heads / kvHeads;
        // Query heads sharing a key/value head are stacked along the query axis, so k and v are never repeated.
        NDArray grouped = query.reshape(batch, kvHeads, group * length, headDim);
        NDArray scores = grouped.matMul(key.transpose(0, 1, 3, 2)).reshape(batch, kvHeads, group, length, keys);
        scores = scores.muli(scale);
        if (softcapArray != null) {
            // autograd keeps tanh's output for the backward pass: scale a copy then
            NDArray capped = scores.divi(softcapArray).tanh();
            scores = hooks.recordsGradients() ? capped.mul(softcapArray) : capped.muli(softcapArray);
        }
        NDArray mask = ctx.mask(settings.slidingWindow());
        scores = scores.addi(mask);
        if (hooks.touches(scoresSite)) {
            scores = hooks.applyQueryKey(scoresSite, scores.reshape(batch, heads, length, keys), mask,
                    Float.NEGATIVE_INFINITY).reshape(batch, kvHeads, group, length, keys);
        }
        NDArray probs = scores.softmax(-1);
        if (hooks.touches(patternSite)) {
            probs = hooks.applyQueryKey(patternSite, probs.reshape(batch, heads, length, keys), mask, 0f)
                    .reshape(batch, kvHeads, group, length, keys);
        }
        NDArray mixed = probs.reshape(batch, kvHeads, group * length, keys).matMul(value)
                .reshape(batch, heads, length, headDim).transpose(0, 2, 1, 3);
        mixed = hooks.applyPerHead(zSite, mixed);
        return out.apply(mixed.reshape(batch, length, heads * headDim));
    }
}
