package io.mechanist.core.tensor;

import java.util.Arrays;
import java.util.stream.Collectors;

/**
 * Element types of tensors as the safetensors format names them.
 * <p>
 * All multi-byte types are stored little-endian. {@link #BOOL} uses one byte per element (0 or 1).
 */
public enum DType {
    /** IEEE 754 binary64. */
    F64(8),
    /** IEEE 754 binary32. */
    F32(4),
    /** IEEE 754 binary16 (half precision); see {@link HalfFloats}. */
    F16(2),
    /** bfloat16: the upper 16 bits of a binary32; see {@link HalfFloats}. */
    BF16(2),
    /** Signed 64-bit integer. */
    I64(8),
    /** Signed 32-bit integer. */
    I32(4),
    /** Signed 16-bit integer. */
    I16(2),
    /** Signed 8-bit integer. */
    I8(1),
    /** Unsigned 8-bit integer. */
    U8(1),
    /** Boolean, one byte per element. */
    BOOL(1);

    private final int byteSize;

    DType(int byteSize) {
        this.byteSize = byteSize;
    }

    /** The dtype string used in a safetensors header, e.g. {@code "F32"}. */
    public String safetensorsName() {
        return name();
    }

    /** Bytes per element. */
    public int byteSize() {
        return byteSize;
    }

    /** Whether {@link SafetensorsFile#readFloats(String)} can widen this type to {@code float}. */
    public boolean isFloatingPoint() {
        return this == F64 || this == F32 || this == F16 || this == BF16;
    }

    /**
     * The type a safetensors header names.
     *
     * @throws IllegalArgumentException for a name this library does not support (the message lists the supported
     *             names)
     */
    public static DType fromSafetensorsName(String name) {
        for (DType type : values()) {
            if (type.name().equals(name)) {
                return type;
            }
        }
        throw new IllegalArgumentException("Unsupported safetensors dtype '" + name + "'; supported: "
                + Arrays.stream(values()).map(DType::safetensorsName).collect(Collectors.joining(", ")));
    }
}
