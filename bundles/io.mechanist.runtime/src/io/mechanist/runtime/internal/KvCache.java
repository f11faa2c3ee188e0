package io.mechanist.runtime.internal;

import java.util.Arrays;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.NDScope;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.Shape;

/**
 * Keys and values of earlier forward passes, per layer [batch, kvHeads, keys, headDim] (after rotary embedding),
 * plus the prompt position each key slot holds (-1 for padding). Owned by its own manager; close it when the
 * generation ends.
 *
 * <p>Each layer's keys and values live in a buffer with room to spare: a pass writes its new slots in place and
 * attends to a view of the filled part, so a decoding step copies one slot instead of the whole history. A full
 * buffer is replaced by one twice as large (amortised: each slot is copied a bounded number of times).
 */
public final class KvCache implements AutoCloseable {
    /** Room for at least this many more slots whenever a buffer is (re)allocated. */
    private static final long MIN_GROWTH = 64;

    private final NDManager manager;
    private final NDArray[] keys;
    private final NDArray[] values;
    private final long[] filled;
    private int[][] slotPositions;

    public KvCache(NDManager parent, int layers, int batch) {
        this.manager = parent.newSubManager();
        this.keys = new NDArray[layers];
        this.values = new NDArray[layers];
        this.filled = new long[layers];
        this.slotPositions = new int[batch][0];
    }

    /** Positions of the cached key slots per row (-1 = padding). */
    public int[][] slotPositions() {
        return slotPositions;
    }

    /**
     * Appends this pass's keys/values of {@code layer}; returns all keys and values to attend to, as views of the
     * cache's buffers that are valid until the next append to this layer.
     */
    public NDArray[] append(int layer, NDArray key, NDArray value) {
        long used = filled[layer];
        long needed = used + key.getShape().get(2);
        if (keys[layer] == null || keys[layer].getShape().get(2) < needed) {
            long capacity = Math.max(2 * needed, needed + MIN_GROWTH);
            keys[layer] = grow(keys[layer], key, used, capacity);
            values[layer] = grow(values[layer], value, used, capacity);
        }
        NDIndex newSlots = new NDIndex(":, :, {}:{}", used, needed);
        keys[layer].set(newSlots, key);
        values[layer].set(newSlots, value);
        filled[layer] = needed;
        NDIndex filledSlots = new NDIndex(":, :, :{}", needed);
        return new NDArray[] {keys[layer].get(filledSlots), values[layer].get(filledSlots)};
    }

    /** A buffer of {@code capacity} slots shaped like {@code like}, holding the first {@code used} slots of {@code old}. */
    private NDArray grow(NDArray old, NDArray like, long used, long capacity) {
        Shape shape = like.getShape();
        NDArray larger = manager.create(new Shape(shape.get(0), shape.get(1), capacity, shape.get(3)),
                like.getDataType());
        // Created inside a layer's scope, it must outlive the pass: the cache's manager owns it.
        NDScope.unregister(larger);
        if (old != null) {
            if (used > 0) {
                NDIndex kept = new NDIndex(":, :, :{}", used);
                try (NDArray previous = old.get(kept)) {
                    larger.set(kept, previous);
                }
            }
            old.close();
        }
        return larger;
    }

    /** Records the slots of a finished pass. */
    public void commit(int[][] chunkSlotPositions) {
        int[][] next = new int[slotPositions.length][];
        for (int b = 0; b < next.length; b++) {
            next[b] = Arrays.copyOf(slotPositions[b], slotPositions[b].length + chunkSlotPositions[b].length);
            System.arraycopy(chunkSlotPositions[b], 0, next[b], slotPositions[b].length, chunkSlotPositions[b].length);
        }
        slotPositions = next;
    }

    @Override
    public void close() {
        manager.close();
    }
}
