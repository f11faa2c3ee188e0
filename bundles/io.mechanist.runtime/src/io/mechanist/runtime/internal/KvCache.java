package io.mechanist.runtime.internal;

import java.util.Arrays;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.NDScope;

/**
 * Keys and values of earlier forward passes, per layer [batch, kvHeads, keys, headDim] (after rotary embedding),
 * plus the prompt position each key slot holds (-1 for padding). Owned by its own manager; close it when the
 * generation ends.
 */
public final class KvCache implements AutoCloseable {
    private final NDManager manager;
    private final NDArray[] keys;
    private final NDArray[] values;
    private int[][] slotPositions;

    public KvCache(NDManager parent, int layers, int batch) {
        this.manager = parent.newSubManager();
        this.keys = new NDArray[layers];
        this.values = new NDArray[layers];
        this.slotPositions = new int[batch][0];
    }

    /** Positions of the cached key slots per row (-1 = padding). */
    public int[][] slotPositions() {
        return slotPositions;
    }

    /** Appends this pass's keys/values of {@code layer}; returns all keys and values to attend to. */
    public NDArray[] append(int layer, NDArray key, NDArray value) {
        NDArray allKeys = keys[layer] == null ? key.duplicate() : keys[layer].concat(key, 2);
        NDArray allValues = values[layer] == null ? value.duplicate() : values[layer].concat(value, 2);
        // The new arrays outlive the pass: take them out of the layer's scope and into the cache's manager.
        NDScope.unregister(allKeys, allValues);
        allKeys.attach(manager);
        allValues.attach(manager);
        if (keys[layer] != null) {
            keys[layer].close();
            values[layer].close();
        }
        keys[layer] = allKeys;
        values[layer] = allValues;
        return new NDArray[] {allKeys, allValues};
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
