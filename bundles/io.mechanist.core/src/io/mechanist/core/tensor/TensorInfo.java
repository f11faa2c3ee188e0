package io.mechanist.core.tensor;

import java.util.Arrays;
import java.util.Objects;

/**
 * Where one tensor lives in a safetensors file.
 *
 * @param name the tensor's name in the header
 * @param dtype element type
 * @param shape dimensions, outermost first (row-major / C order); an empty array is a scalar. The record keeps its
 *            own copy and {@link #shape()} returns a copy.
 * @param dataOffset position of the first byte, relative to the start of the file
 * @param byteLength number of bytes, always {@code elementCount() * dtype.byteSize()}
 */
public record TensorInfo(String name, DType dtype, long[] shape, long dataOffset, long byteLength) {

    public TensorInfo {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(dtype, "dtype");
        shape = Objects.requireNonNull(shape, "shape").clone();
        if (dataOffset < 0 || byteLength < 0) {
            throw new IllegalArgumentException("Tensor '" + name + "': negative offset or length");
        }
        long expected = Shapes.byteLength(shape, dtype, name);
        if (expected != byteLength) {
            throw new IllegalArgumentException("Tensor '" + name + "': byte length " + byteLength + " does not match "
                    + dtype + " " + Arrays.toString(shape) + " (" + expected + " bytes)");
        }
    }

    /** A copy of the dimensions. */
    @Override
    public long[] shape() {
        return shape.clone();
    }

    /** Number of dimensions. */
    public int rank() {
        return shape.length;
    }

    /** Product of the dimensions (1 for a scalar). */
    public long elementCount() {
        return Shapes.elementCount(shape, name);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof TensorInfo that && name.equals(that.name) && dtype == that.dtype
                && Arrays.equals(shape, that.shape) && dataOffset == that.dataOffset
                && byteLength == that.byteLength;
    }

    @Override
    public int hashCode() {
        return Objects.hash(name, dtype, Arrays.hashCode(shape), dataOffset, byteLength);
    }

    @Override
    public String toString() {
        return "TensorInfo[" + name + " " + dtype + " " + Arrays.toString(shape) + " @" + dataOffset + "+"
                + byteLength + "]";
    }
}
