package io.mechanist.runtime.internal;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;

/**
 * A [rows, width] weight the forward reads by rows (embedding lookup) or multiplies by (unembedding): a float32
 * array, or a 16-bit tensor of {@link CompactWeights} widened as it is read.
 */
public final class WeightTable {
    private final NDArray dense;
    private final CompactWeights compact;
    private final CompactWeights.Tensor tensor;

    private WeightTable(NDArray dense, CompactWeights compact, CompactWeights.Tensor tensor) {
        this.dense = dense;
        this.compact = compact;
        this.tensor = tensor;
    }

    static WeightTable dense(NDArray array) {
        return new WeightTable(array, null, null);
    }

    static WeightTable compact(CompactWeights compact, CompactWeights.Tensor tensor) {
        return new WeightTable(null, compact, tensor);
    }

    /** The float32 array, or null when the table is compact. */
    public NDArray dense() {
        return dense;
    }

    /** Rows {@code ids} as [ids' shape..., width], owned by {@code pass}. */
    NDArray rows(long[] ids, Shape idShape, NDManager pass) {
        if (dense != null) {
            NDArray rows = dense.get(pass.create(ids, idShape));
            rows.attach(pass);
            return rows;
        }
        return compact.rows(tensor, ids, idShape.addAll(new Shape(tensor.shape()[1])), pass);
    }

    /** x [..., width] times the compact table transposed -> [..., rows], owned by {@code pass}. */
    NDArray multiplyCompact(NDArray x, NDManager pass) {
        return compact.multiply(tensor, x, pass);
    }
}
