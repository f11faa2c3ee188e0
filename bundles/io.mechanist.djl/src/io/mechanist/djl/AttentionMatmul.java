package io.mechanist.djl;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.pytorch.engine.PtNDArray;

/**
 * The two products of attention on {@link OpenBlas}: scores {@code alpha q k^T} and the mixed values {@code p v}, one
 * single-threaded sgemm per batch row and query head, spread over the product threads.
 *
 * <p>Why: libtorch's batched matmul runs on its statically linked MKL, which takes a slow path on AMD CPUs
 * (docs/performance.md), and needs q, k, v as contiguous [batch, head, position, headDim] copies. Here the heads are
 * read where the projections wrote them (a head is a column block of each position's row, e.g. GPT-2's fused qkv
 * output is read in place) and the mixed values are written in [batch, position, head * headDim] order, ready for the
 * output projection: no transposes and no copies. Grouped-query heads read their shared key/value head.
 *
 * <p>Only for float32 CPU tensors of the PyTorch engine while no gradients are recorded ({@link #usable}); callers
 * keep libtorch's matmul otherwise.
 */
public final class AttentionMatmul {

    private AttentionMatmul() {
    }

    /**
     * {@code count} heads of {@code headDim} values stored in the rows of a dense tensor: value d of head h at
     * position t of batch row b lies at float {@code offset + (b * positions + t) * rowStride + h * headDim + d}.
     */
    public record Heads(NDArray storage, long offset, int rowStride, int positions, int count) {
    }

    /**
     * Whether the products can run on OpenBLAS for these arrays: OpenBLAS loaded, each array a dense float32 CPU
     * tensor of the PyTorch engine, and nothing recording gradients.
     */
    public static boolean usable(NDArray... arrays) {
        if (!OpenBlas.available() || WeightMatmul.collecting().get()) {
            return false;
        }
        for (NDArray array : arrays) {
            if (!WeightMatmul.onCpuInFloat32(array) || array.hasGradient() || !WeightMatmul.isDense(array)) {
                return false;
            }
        }
        return true;
    }

    /**
     * Scores [batch, heads, queries, keys] {@code = alpha * q k^T} per batch row and query head; query head h reads
     * key head {@code h / (heads / keyHeads)}. The storages must be {@link #usable}.
     */
    public static NDArray scores(Heads query, Heads key, int batch, int headDim, float alpha) {
        int heads = query.count();
        int group = groupSize(heads, key.count());
        int queries = query.positions();
        int keys = key.positions();
        NDArray out = query.storage().getManager().create(new Shape(batch, heads, queries, keys), DataType.FLOAT32);
        int count = batch * heads;
        long[] a = new long[count];
        long[] b = new long[count];
        long[] c = new long[count];
        for (int row = 0; row < batch; row++) {
            for (int h = 0; h < heads; h++) {
                int i = row * heads + h;
                a[i] = query.offset() + (long) row * queries * query.rowStride() + (long) h * headDim;
                b[i] = key.offset() + (long) row * keys * key.rowStride() + (long) (h / group) * headDim;
                c[i] = (long) i * queries * keys;
            }
        }
        OpenBlas.sgemmBatch(queries, keys, headDim, alpha, floats(query.storage()), a, query.rowStride(),
                floats(key.storage()), b, key.rowStride(), true, floats(out), c, keys);
        return out;
    }

    /**
     * Mixed values [batch, queries, heads * headDim] {@code = p v} from the attention pattern {@code probs} [batch,
     * heads, queries, keys] (dense); query head h reads value head {@code h / (heads / valueHeads)}.
     */
    public static NDArray mix(NDArray probs, Heads value, int batch, int headDim) {
        Shape shape = probs.getShape();
        int heads = (int) shape.get(1);
        int queries = (int) shape.get(2);
        int keys = (int) shape.get(3);
        if (shape.dimension() != 4 || shape.get(0) != batch || keys != value.positions()) {
            throw new IllegalArgumentException("attention pattern " + shape + " does not fit " + batch + " rows of "
                    + value.positions() + " value positions");
        }
        int group = groupSize(heads, value.count());
        int width = heads * headDim;
        NDArray out = probs.getManager().create(new Shape(batch, queries, width), DataType.FLOAT32);
        int count = batch * heads;
        long[] a = new long[count];
        long[] b = new long[count];
        long[] c = new long[count];
        for (int row = 0; row < batch; row++) {
            for (int h = 0; h < heads; h++) {
                int i = row * heads + h;
                a[i] = (long) i * queries * keys;
                b[i] = value.offset() + (long) row * keys * value.rowStride() + (long) (h / group) * headDim;
                c[i] = (long) row * queries * width + (long) h * headDim;
            }
        }
        OpenBlas.sgemmBatch(queries, headDim, keys, 1f, floats(probs), a, keys, floats(value.storage()), b,
                value.rowStride(), false, floats(out), c, width);
        return out;
    }

    private static int groupSize(int heads, int kvHeads) {
        if (kvHeads <= 0 || heads % kvHeads != 0) {
            throw new IllegalArgumentException(heads + " query heads cannot share " + kvHeads + " key/value heads");
        }
        return heads / kvHeads;
    }

    private static java.nio.FloatBuffer floats(NDArray array) {
        return WeightMatmul.floats((PtNDArray) array);
    }
}
