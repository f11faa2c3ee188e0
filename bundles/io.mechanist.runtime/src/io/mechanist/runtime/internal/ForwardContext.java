package io.mechanist.runtime.internal;

import java.util.HashMap;
import java.util.Map;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import io.mechanist.runtime.ModelSpec;
import io.mechanist.runtime.RopeSpec;

/**
 * Everything one forward pass shares between layers: the slot layout, attention masks per window size, rotary
 * tables per rope setting, the KV cache (or null) and the hooks. Arrays live in the pass's own manager.
 */
public final class ForwardContext {
    private final NDManager manager;
    private final ChunkLayout layout;
    private final KvCache cache;
    private final HookRuntime hooks;
    private final int[][] querySlotPositions;
    private final int[][] keySlotPositions;
    private final Map<Integer, NDArray> masks = new HashMap<>();
    private final Map<RopeSpec, Rope> ropes = new HashMap<>();

    /** Builds the masks and rotary tables every layer of {@code spec} needs, before any layer runs. */
    public ForwardContext(ModelSpec spec, NDManager manager, ChunkLayout layout, KvCache cache, HookRuntime hooks) {
        this.manager = manager;
        this.layout = layout;
        this.cache = cache;
        this.hooks = hooks;
        this.querySlotPositions = layout.slotPositions();
        this.keySlotPositions = cache == null ? querySlotPositions : concat(cache.slotPositions(), querySlotPositions);
        for (ModelSpec.LayerSpec layer : spec.layers()) {
            masks.computeIfAbsent(layer.slidingWindow(), this::buildMask);
            if (layer.rope() != null) {
                ropes.computeIfAbsent(layer.rope(), r -> new Rope(r, layout.positionIds(), manager));
            }
        }
    }

    public NDManager manager() {
        return manager;
    }

    public ChunkLayout layout() {
        return layout;
    }

    public KvCache cache() {
        return cache;
    }

    public HookRuntime hooks() {
        return hooks;
    }

    /** Positions of every key slot of each row (cached slots first), -1 for padding. */
    public int[][] keySlotPositions() {
        return keySlotPositions;
    }

    public Rope rope(RopeSpec spec) {
        return ropes.get(spec);
    }

    /**
     * Additive mask [batch, 1, 1, chunk, keys]: 0 where query position q may see key position k (k <= q, and
     * q - k < window when windowed), -inf elsewhere. Padding queries see every key (their output is discarded);
     * this keeps their softmax finite.
     */
    public NDArray mask(int window) {
        return masks.get(window);
    }

    private NDArray buildMask(int window) {
        int batch = layout.batch();
        int length = layout.length();
        int keys = keySlotPositions[0].length;
        float[] mask = new float[batch * length * keys];
        int k = 0;
        for (int b = 0; b < batch; b++) {
            for (int t = 0; t < length; t++) {
                int q = querySlotPositions[b][t];
                if (q < 0) {
                    k += keys;
                    continue;
                }
                for (int s = 0; s < keys; s++) {
                    int p = keySlotPositions[b][s];
                    boolean visible = p >= 0 && p <= q && (window <= 0 || q - p < window);
                    mask[k++] = visible ? 0f : Float.NEGATIVE_INFINITY;
                }
            }
        }
        return manager.create(mask, new Shape(batch, 1, 1, length, keys));
    }

    private static int[][] concat(int[][] a, int[][] b) {
        int[][] out = new int[a.length][];
        for (int i = 0; i < a.length; i++) {
            out[i] = java.util.Arrays.copyOf(a[i], a[i].length + b[i].length);
            System.arraycopy(b[i], 0, out[i], a[i].length, b[i].length);
        }
        return out;
    }
}
