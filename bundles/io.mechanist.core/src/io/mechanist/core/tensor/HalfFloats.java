package io.mechanist.core.tensor;

/**
 * Exact conversions between {@code float} and the two 16-bit floating-point formats of model checkpoints.
 * <ul>
 * <li>F16 (IEEE 754 binary16): 1 sign, 5 exponent (bias 15), 10 mantissa bits; largest finite value 65504,
 * subnormals down to 2<sup>-24</sup>.</li>
 * <li>BF16 (bfloat16): the upper 16 bits of a binary32, i.e. 1 sign, 8 exponent, 7 mantissa bits.</li>
 * </ul>
 * Widening is exact. Narrowing rounds to nearest, ties to even, overflowing to infinity; NaN stays NaN (with
 * as much of its payload as fits) and the sign of zero is kept.
 */
public final class HalfFloats {

    private static final int F32_ABS = 0x7fff_ffff;
    private static final int F32_INFINITY = 0x7f80_0000;
    /** 65520 = halfway between 65504 (largest F16) and 65536: ties to even round it up to infinity. */
    private static final int F32_F16_OVERFLOW = 0x477f_f000;
    /** 2^-14, the smallest normal F16. */
    private static final int F32_F16_MIN_NORMAL = 0x3880_0000;
    /** 2^-25, half the smallest F16 subnormal: this and below round to zero. */
    private static final int F32_F16_HALF_MIN_SUBNORMAL = 0x3300_0000;
    private static final int F16_INFINITY = 0x7c00;
    private static final int F16_QUIET_BIT = 0x0200;
    private static final int BF16_QUIET_BIT = 0x0040;
    private static final float F16_SUBNORMAL_UNIT = 0x1p-24f;

    private HalfFloats() {
    }

    /** Widens an F16 bit pattern to the exactly equal {@code float}. */
    public static float f16ToFloat(short half) {
        int bits = half & 0xffff;
        int sign = (bits & 0x8000) << 16;
        int exponent = (bits >>> 10) & 0x1f;
        int mantissa = bits & 0x3ff;
        if (exponent == 0) {
            // zero or subnormal: mantissa * 2^-24 is exact in float
            float magnitude = mantissa * F16_SUBNORMAL_UNIT;
            return sign == 0 ? magnitude : -magnitude;
        }
        if (exponent == 0x1f) {
            return Float.intBitsToFloat(sign | F32_INFINITY | mantissa << 13);
        }
        return Float.intBitsToFloat(sign | (exponent - 15 + 127) << 23 | mantissa << 13);
    }

    /** Narrows to the nearest F16 (ties to even); magnitudes of 65520 and above become infinity. */
    public static short floatToF16(float value) {
        int bits = Float.floatToRawIntBits(value);
        int sign = (bits >>> 16) & 0x8000;
        int abs = bits & F32_ABS;
        if (abs > F32_INFINITY) {
            int payload = (abs >>> 13) & 0x3ff;
            return (short) (sign | F16_INFINITY | payload | F16_QUIET_BIT);
        }
        if (abs >= F32_F16_OVERFLOW) {
            return (short) (sign | F16_INFINITY);
        }
        if (abs >= F32_F16_MIN_NORMAL) {
            // Rebias the exponent in place; a rounding carry out of the mantissa correctly bumps the exponent.
            int truncated = (abs - ((127 - 15) << 23)) >>> 13;
            return (short) (sign | roundHalfEven(truncated, abs & 0x1fff, 0x1000));
        }
        if (abs <= F32_F16_HALF_MIN_SUBNORMAL) {
            return (short) sign;
        }
        // F16 subnormal: count units of 2^-24. abs = (1.m) * 2^(e-127), so units = significand >> (126 - e).
        int biasedExponent = abs >>> 23;
        int significand = (abs & 0x7f_ffff) | 0x80_0000;
        int shift = 126 - biasedExponent; // between 14 and 24 here
        int truncated = significand >>> shift;
        int remainder = significand & ((1 << shift) - 1);
        return (short) (sign | roundHalfEven(truncated, remainder, 1 << (shift - 1)));
    }

    /** Widens a BF16 bit pattern to the exactly equal {@code float}. */
    public static float bf16ToFloat(short bf16) {
        return Float.intBitsToFloat((bf16 & 0xffff) << 16);
    }

    /** Narrows to the nearest BF16 (ties to even); values beyond the largest BF16 round to infinity. */
    public static short floatToBf16(float value) {
        int bits = Float.floatToRawIntBits(value);
        if ((bits & F32_ABS) > F32_INFINITY) {
            return (short) ((bits >>> 16) | BF16_QUIET_BIT);
        }
        int lsb = (bits >>> 16) & 1;
        return (short) ((bits + 0x7fff + lsb) >>> 16);
    }

    private static int roundHalfEven(int truncated, int remainder, int half) {
        if (remainder > half || (remainder == half && (truncated & 1) != 0)) {
            return truncated + 1;
        }
        return truncated;
    }

    /** Whether an F16 bit pattern is NaN. */
    public static boolean isF16NaN(short half) {
        return (half & 0x7c00) == 0x7c00 && (half & 0x3ff) != 0;
    }

    /** Whether a BF16 bit pattern is NaN. */
    public static boolean isBf16NaN(short bf16) {
        return (bf16 & 0x7f80) == 0x7f80 && (bf16 & 0x7f) != 0;
    }
}
