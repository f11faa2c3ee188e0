package io.mechanist.runtime.internal;

import java.io.IOException;
import java.util.List;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.NDScope;
import ai.djl.ndarray.types.Shape;
import io.mechanist.core.hooks.HookPoint;
import io.mechanist.core.hooks.HookSite;
import io.mechanist.djl.WeightMatmul;
import io.mechanist.runtime.ModelSpec;

/**
 * A decoder-only transformer assembled by a family adapter from shared blocks. Runs one forward pass at a time
 * over a {@link ChunkLayout}; each pass uses its own NDManager and each layer its own NDScope, so nothing but the
 * weights (and an explicit KV cache) outlives a pass.
 */
public final class Transformer implements AutoCloseable {
    private static final HookSite EMBED = HookSite.of(HookPoint.EMBED, -1);
    private static final HookSite FINAL_NORM = HookSite.of(HookPoint.FINAL_NORM, -1);
    private static final HookSite LOGITS = HookSite.of(HookPoint.LOGITS, -1);

    private final ModelSpec spec;
    private final NDManager weights;
    private final WeightSource source;
    private final WeightTable tokenEmbedding;
    private final WeightTable positionEmbedding;
    private final List<DecoderLayer> layers;
    private final Norm finalNorm;
    private final WeightTable unembedding;
    /** 16-bit weights widened layer by layer, or null when every weight is float32. */
    private final CompactWeights compact;

    public Transformer(ModelSpec spec, NDManager weights, WeightSource source, WeightTable tokenEmbedding,
            WeightTable positionEmbedding, List<DecoderLayer> layers, Norm finalNorm, WeightTable unembedding) {
        this.spec = spec;
        this.weights = weights;
        this.source = source;
        this.tokenEmbedding = tokenEmbedding;
        this.positionEmbedding = positionEmbedding;
        this.layers = List.copyOf(layers);
        this.finalNorm = finalNorm;
        this.unembedding = unembedding;
        this.compact = source.compact();
    }

    public ModelSpec spec() {
        return spec;
    }

    public NDManager weightsManager() {
        return weights;
    }

    /** Why the weights are kept 16-bit and widened per layer, or null when they are float32. */
    public String compactReason() {
        return compact == null ? null : compact.reason();
    }

    /**
     * One forward pass.
     *
     * @param pass the manager owning every array of this pass (closed by the caller afterwards)
     * @param slotTokens token ids [batch * chunk] laid out by {@code layout}
     * @param cache KV cache to extend, or null
     * @param allLogits logits at every slot [batch, chunk, vocab]; otherwise only at each row's last valid slot
     *     [batch, 1, vocab] (the unembedding is skipped elsewhere)
     * @return the logits, owned by {@code pass}
     */
    public NDArray forward(NDManager pass, long[] slotTokens, ChunkLayout layout, KvCache cache, HookRuntime hooks,
            boolean allLogits) {
        if (compact == null) {
            return forwardWithWeights(pass, slotTokens, layout, cache, hooks, allLogits);
        }
        if (hooks.recordsGradients()) {
            throw new IllegalStateException("gradients need the weights as float32, but this model keeps its 16-bit "
                    + "weights compact (" + compact.reason() + "); load it with a larger budget to take gradients");
        }
        synchronized (compact) { // the layers' weight slots are rewritten during the pass
            return forwardWithWeights(pass, slotTokens, layout, cache, hooks, allLogits);
        }
    }

    private NDArray forwardWithWeights(NDManager pass, long[] slotTokens, ChunkLayout layout, KvCache cache,
            HookRuntime hooks, boolean allLogits) {
        int batch = layout.batch();
        int length = layout.length();
        ForwardContext ctx = new ForwardContext(spec, pass, layout, cache, hooks);
        hooks.bind(ctx);
        NDArray x = tokenEmbedding.rows(slotTokens, new Shape(batch, length), pass);
        if (spec.embeddingScale() != 1.0) {
            x = x.mul((float) spec.embeddingScale());
        }
        if (positionEmbedding != null) {
            int[][] positionIds = layout.positionIds();
            long[] flat = new long[batch * length];
            for (int b = 0; b < batch; b++) {
                for (int t = 0; t < length; t++) {
                    flat[b * length + t] = positionIds[b][t];
                }
            }
            x = x.add(positionEmbedding.rows(flat, new Shape(batch, length), pass));
        }
        x = hooks.apply(EMBED, x);
        for (int i = 0; i < layers.size(); i++) {
            if (compact != null) {
                compact.widenLayer(i);
            }
            try (NDScope scope = new NDScope()) {
                scope.suppressNotUsedWarning();
                NDArray next = layers.get(i).apply(x, ctx);
                NDScope.unregister(next);
                next.attach(pass);
                if (next != x && !hooks.recordsGradients()) {
                    // the layer's input, used: the pass holds one residual stream at a time, not one per layer
                    x.close();
                }
                x = next;
            }
        }
        if (allLogits || hooks.touches(FINAL_NORM)) {
            x = hooks.apply(FINAL_NORM, finalNorm.apply(x));
            if (!allLogits) {
                x = lastRows(x, layout);
            }
        } else {
            // the norm works row by row: normalising only the rows the logits are read from gives the same numbers
            x = finalNorm.apply(lastRows(x, layout));
        }
        NDArray logits = unembedding.dense() == null ? unembedding.multiplyCompact(x, pass)
                : WeightMatmul.linear(x, unembedding.dense(), null);
        if (spec.finalSoftcap() > 0) {
            NDArray cap = pass.create((float) spec.finalSoftcap());
            NDArray capped = logits.divi(cap).tanh();
            // autograd keeps tanh's output for the backward pass: scale a copy then
            logits = hooks.recordsGradients() ? capped.mul(cap) : capped.muli(cap);
        }
        if (allLogits) {
            logits = hooks.apply(LOGITS, logits);
        }
        return logits;
    }

    /** x [batch, chunk, width] -> each row's last valid slot [batch, 1, width]. */
    private static NDArray lastRows(NDArray x, ChunkLayout layout) {
        NDList rows = new NDList();
        for (int b = 0; b < layout.batch(); b++) {
            rows.add(x.get(b, layout.lastSlot(b)));
        }
        return NDArrays.stack(rows).expandDims(1);
    }

    /** One forward pass in its own manager; returns the logits at the last token of each row. */
    public List<float[]> lastLogits(ChunkLayout layout, long[] tokens, KvCache cache, HookRuntime hooks,
            boolean allLogits) {
        try (NDManager pass = weights.newSubManager()) {
            NDArray logits = forward(pass, tokens, layout, cache, hooks, allLogits);
            List<float[]> out = new java.util.ArrayList<>();
            for (int b = 0; b < layout.batch(); b++) {
                out.add(logits.get(b, allLogits ? layout.lastSlot(b) : 0).toFloatArray());
            }
            return out;
        }
    }

    @Override
    public void close() throws IOException {
        // Arrays first: some of them wrap the mapped files the source keeps alive.
        weights.close();
        source.close();
    }
}
