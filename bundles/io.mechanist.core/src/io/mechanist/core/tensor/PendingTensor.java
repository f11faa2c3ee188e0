package io.mechanist.core.tensor;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.WritableByteChannel;

/** A tensor held by {@link SafetensorsWriter} until it is written. */
sealed interface PendingTensor {

    DType dtype();

    long[] shape();

    long byteLength();

    /** Streams the little-endian bytes through {@code chunk} (a little-endian scratch buffer) to the channel. */
    void writeTo(WritableByteChannel channel, ByteBuffer chunk) throws IOException;

    record Floats(long[] shape, float[] values) implements PendingTensor {
        @Override
        public DType dtype() {
            return DType.F32;
        }

        @Override
        public long byteLength() {
            return (long) values.length * Float.BYTES;
        }

        @Override
        public void writeTo(WritableByteChannel channel, ByteBuffer chunk) throws IOException {
            int perChunk = chunk.capacity() / Float.BYTES;
            for (int from = 0; from < values.length; from += perChunk) {
                int count = Math.min(perChunk, values.length - from);
                chunk.clear();
                chunk.asFloatBuffer().put(values, from, count);
                chunk.limit(count * Float.BYTES);
                SafetensorsWriter.writeFully(channel, chunk);
            }
        }
    }

    /** F16 or BF16 bit patterns, encoded when added. */
    record Halves(DType dtype, long[] shape, short[] bits) implements PendingTensor {
        static Halves encode(DType dtype, long[] shape, float[] values) {
            short[] bits = new short[values.length];
            for (int i = 0; i < values.length; i++) {
                bits[i] = dtype == DType.F16 ? HalfFloats.floatToF16(values[i]) : HalfFloats.floatToBf16(values[i]);
            }
            return new Halves(dtype, shape, bits);
        }

        @Override
        public long byteLength() {
            return (long) bits.length * Short.BYTES;
        }

        @Override
        public void writeTo(WritableByteChannel channel, ByteBuffer chunk) throws IOException {
            int perChunk = chunk.capacity() / Short.BYTES;
            for (int from = 0; from < bits.length; from += perChunk) {
                int count = Math.min(perChunk, bits.length - from);
                chunk.clear();
                chunk.asShortBuffer().put(bits, from, count);
                chunk.limit(count * Short.BYTES);
                SafetensorsWriter.writeFully(channel, chunk);
            }
        }
    }

    /** Caller-supplied bytes, viewed rather than copied. */
    record Raw(DType dtype, long[] shape, ByteBuffer bytes) implements PendingTensor {
        @Override
        public long byteLength() {
            return bytes.remaining();
        }

        @Override
        public void writeTo(WritableByteChannel channel, ByteBuffer chunk) throws IOException {
            SafetensorsWriter.writeFully(channel, bytes.duplicate());
        }
    }

    /** Bytes the caller writes itself, at the offset {@link SafetensorsWriter#layout} gives; only their size is known. */
    record Reserved(DType dtype, long[] shape, long byteLength) implements PendingTensor {
        @Override
        public void writeTo(WritableByteChannel channel, ByteBuffer chunk) {
            throw new IllegalStateException("a reserved tensor is written by its caller, at its offset in the layout");
        }
    }
}
