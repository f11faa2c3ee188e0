package io.mechanist.core.tensor;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.DoubleBuffer;
import java.nio.ShortBuffer;

/** Widening of little-endian floating-point tensor bytes to {@code float}. */
final class FloatDecoding {

    private FloatDecoding() {
    }

    static void decode(ByteBuffer bytes, DType dtype, float[] target, int offset, int count) {
        ByteBuffer source = bytes.duplicate().order(ByteOrder.LITTLE_ENDIAN);
        switch (dtype) {
            case F32 -> source.asFloatBuffer().get(target, offset, count);
            case F64 -> {
                DoubleBuffer doubles = source.asDoubleBuffer();
                for (int i = 0; i < count; i++) {
                    target[offset + i] = (float) doubles.get(i);
                }
            }
            case F16 -> {
                ShortBuffer halves = source.asShortBuffer();
                for (int i = 0; i < count; i++) {
                    target[offset + i] = HalfFloats.f16ToFloat(halves.get(i));
                }
            }
            case BF16 -> {
                ShortBuffer halves = source.asShortBuffer();
                for (int i = 0; i < count; i++) {
                    target[offset + i] = HalfFloats.bf16ToFloat(halves.get(i));
                }
            }
            default -> throw new IllegalArgumentException(dtype + " is not a floating-point dtype");
        }
    }
}
