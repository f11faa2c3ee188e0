package io.mechanist.djl;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.pytorch.engine.PtNDArray;
import ai.djl.pytorch.jni.JniUtils;

/**
 * Writing a new libtorch tensor's values straight into its own memory, so that a loader fills it once instead of
 * building a Java copy that libtorch copies again.
 */
public final class TensorMemory {

    /** Largest block handed out at once: a direct buffer holds under 2 GiB. */
    private static final long MAX_BLOCK_BYTES = 1L << 30;

    private TensorMemory() {
    }

    /** Writes rows [{@code from}, {@code from + rows.capacity() / rowBytes}) of the tensor being filled. */
    @FunctionalInterface
    public interface RowWriter {
        void write(long from, ByteBuffer rows) throws IOException;
    }

    /**
     * A new float32 tensor of {@code dims} in {@code manager}, filled by {@code writer} block of rows by block of
     * rows (at most {@code rowsPerBlock}, and under 1 GiB, per block) in its own memory: each call gets the block's
     * first row and the block's bytes (native order, position 0, exactly the block's size). Returns null, the tensor
     * discarded, when the engine gives no direct memory for it (not PyTorch on the CPU); the caller then builds the
     * tensor another way.
     */
    public static NDArray filledInPlace(NDManager manager, long[] dims, long rowsPerBlock, RowWriter writer)
            throws IOException {
        NDArray created = manager.create(new Shape(dims), DataType.FLOAT32); // uninitialised: every row is written
        if (!(created instanceof PtNDArray tensor) || !"cpu".equals(created.getDevice().getDeviceType())) {
            created.close();
            return null;
        }
        long rows = dims.length == 0 ? 1 : dims[0];
        long rowBytes = rows == 0 ? 0 : tensor.getShape().size() * Float.BYTES / rows;
        long perBlock = Math.max(1, Math.min(rowsPerBlock, MAX_BLOCK_BYTES / Math.max(1, rowBytes)));
        boolean done = false;
        try {
            if (rows == 0 || rowBytes == 0) {
                done = true;
                return tensor;
            }
            for (long from = 0; from < rows; from += perBlock) {
                long to = Math.min(rows, from + perBlock);
                boolean whole = from == 0 && to == rows;
                PtNDArray block = whole ? tensor : JniUtils.slice(tensor, 0, from, to, 1);
                try {
                    ByteBuffer bytes = block.toByteBuffer(true);
                    if (!bytes.isDirect() || bytes.capacity() != (to - from) * rowBytes) {
                        return null; // not the tensor's own memory (the finally block closes the tensor)
                    }
                    writer.write(from, bytes.order(ByteOrder.nativeOrder()).clear());
                } finally {
                    if (block != tensor) {
                        block.close();
                    }
                }
            }
            done = true;
            return tensor;
        } finally {
            if (!done) {
                tensor.close();
            }
        }
    }
}
