package io.mechanist.core.tests.tensor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mechanist.core.tensor.HalfFloats;

import java.util.SplittableRandom;
import java.util.function.IntConsumer;

import org.junit.jupiter.api.Test;

/**
 * F16 is checked against the JDK's own binary16 conversions (Float.float16ToFloat / Float.floatToFloat16, JDK 20+);
 * BF16 against a nearest-value search in double arithmetic written independently here.
 */
class HalfFloatsTest {

    private static final int RANDOM_SAMPLES = 5_000_000;

    @Test
    void everyF16WidensExactlyLikeTheJdk() {
        for (int bits = 0; bits <= 0xffff; bits++) {
            short half = (short) bits;
            float expected = Float.float16ToFloat(half);
            float actual = HalfFloats.f16ToFloat(half);
            if (Float.isNaN(expected)) {
                assertTrue(Float.isNaN(actual), () -> hex(half));
                assertTrue(HalfFloats.isF16NaN(half));
            } else {
                assertEquals(Float.floatToRawIntBits(expected), Float.floatToRawIntBits(actual), () -> hex(half));
            }
        }
    }

    @Test
    void everyF16SurvivesARoundTrip() {
        for (int bits = 0; bits <= 0xffff; bits++) {
            short half = (short) bits;
            short back = HalfFloats.floatToF16(HalfFloats.f16ToFloat(half));
            if (HalfFloats.isF16NaN(half)) {
                assertTrue(HalfFloats.isF16NaN(back), () -> hex(half));
                assertEquals(half & 0x8000, back & 0x8000, "NaN keeps its sign");
            } else {
                assertEquals(half, back, () -> hex(half));
            }
        }
    }

    @Test
    void f16NarrowingMatchesTheJdkAroundEveryRoundingBoundary() {
        // For each pair of neighbouring F16 values: the midpoint (a tie), and the floats just below/above it.
        for (int bits = 0; bits < 0x7c00; bits++) {
            double low = HalfFloats.f16ToFloat((short) bits);
            double high = bits == 0x7bff ? 65536.0 : HalfFloats.f16ToFloat((short) (bits + 1));
            float midpoint = (float) ((low + high) / 2); // exact: needs 12 significant bits
            assertEquals((low + high) / 2, midpoint, 0.0);
            for (float value : new float[] {(float) low, midpoint, Math.nextDown(midpoint), Math.nextUp(midpoint)}) {
                assertF16LikeJdk(value);
                assertF16LikeJdk(-value);
            }
        }
    }

    @Test
    void f16NarrowingMatchesTheJdkOnRandomFloats() {
        forRandomFloatBits(bits -> assertF16LikeJdk(Float.intBitsToFloat(bits)));
    }

    @Test
    void f16EdgeCases() {
        assertEquals(0x7bff, HalfFloats.floatToF16(65504f));
        assertEquals(0x7bff, HalfFloats.floatToF16(Math.nextDown(65520f)));
        assertEquals(0x7c00, HalfFloats.floatToF16(65520f), "tie above the largest F16 rounds to infinity");
        assertEquals((short) 0xfc00, HalfFloats.floatToF16(Float.NEGATIVE_INFINITY));
        assertEquals(0x0001, HalfFloats.floatToF16(0x1p-24f), "smallest subnormal");
        assertEquals(0x0000, HalfFloats.floatToF16(0x1p-25f), "tie to even rounds down to zero");
        assertEquals(0x0001, HalfFloats.floatToF16(Math.nextUp(0x1p-25f)));
        assertEquals(0x0002, HalfFloats.floatToF16(3 * 0x1p-25f), "1.5 units: tie to even rounds up to 2");
        assertEquals(0x0400, HalfFloats.floatToF16(Math.nextDown(0x1p-14f)), "rounds up into the normals");
        assertEquals((short) 0x8000, HalfFloats.floatToF16(-0f));
        assertEquals(0x3c00, HalfFloats.floatToF16(1f));
        assertEquals(0x3c00, HalfFloats.floatToF16(1f + 0x1p-11f), "tie to even stays at 1");
        assertEquals(0x3c02, HalfFloats.floatToF16(1f + 3 * 0x1p-11f), "tie to even goes up to the even neighbour");
        assertTrue(HalfFloats.isF16NaN(HalfFloats.floatToF16(Float.NaN)));
        assertTrue(HalfFloats.isF16NaN(HalfFloats.floatToF16(Float.intBitsToFloat(0x7f80_0001))),
                "a NaN whose payload lies in the dropped bits stays NaN");
        assertEquals(5.960464477539063e-8f, HalfFloats.f16ToFloat((short) 1));
        assertEquals(65504f, HalfFloats.f16ToFloat((short) 0x7bff));
    }

    @Test
    void everyBf16WidensToItsValue() {
        for (int bits = 0; bits <= 0xffff; bits++) {
            short bf16 = (short) bits;
            float actual = HalfFloats.bf16ToFloat(bf16);
            int exponent = (bits >>> 7) & 0xff;
            int mantissa = bits & 0x7f;
            double sign = (bits & 0x8000) != 0 ? -1 : 1;
            if (exponent == 0xff) {
                assertEquals(mantissa != 0, Float.isNaN(actual), () -> hex(bf16));
                assertEquals(mantissa != 0, HalfFloats.isBf16NaN(bf16));
                if (mantissa == 0) {
                    assertEquals(sign * Double.POSITIVE_INFINITY, actual, 0.0);
                }
                continue;
            }
            double expected = exponent == 0 ? sign * mantissa * Math.pow(2, -133)
                    : sign * (1 + mantissa / 128.0) * Math.pow(2, exponent - 127);
            assertEquals(expected, actual, 0.0, () -> hex(bf16));
            assertEquals(bits, HalfFloats.floatToBf16(actual) & 0xffff, "exact values narrow to themselves");
        }
    }

    @Test
    void bf16NarrowingMatchesReferenceAroundEveryRoundingBoundary() {
        for (int bits = 0; bits < 0x7f80; bits++) {
            int lowBits = bits << 16;
            for (int offset : new int[] {0, 1, 0x7fff, 0x8000, 0x8001, 0xffff}) {
                float value = Float.intBitsToFloat(lowBits + offset);
                assertBf16LikeReference(value);
                assertBf16LikeReference(-value);
            }
        }
    }

    @Test
    void bf16NarrowingMatchesReferenceOnRandomFloats() {
        forRandomFloatBits(bits -> assertBf16LikeReference(Float.intBitsToFloat(bits)));
    }

    @Test
    void bf16EdgeCases() {
        assertEquals(0x3f80, HalfFloats.floatToBf16(1f));
        assertEquals(0x3f80, HalfFloats.floatToBf16(1f + 0x1p-8f), "tie to even stays at 1");
        assertEquals(0x3f82, HalfFloats.floatToBf16(1f + 3 * 0x1p-8f), "tie to even goes up");
        assertEquals(0x7f80, HalfFloats.floatToBf16(Float.MAX_VALUE), "overflows to infinity");
        assertEquals((short) 0x8000, HalfFloats.floatToBf16(-0f));
        assertTrue(HalfFloats.isBf16NaN(HalfFloats.floatToBf16(Float.intBitsToFloat(0x7f80_0001))));
        assertTrue(HalfFloats.isBf16NaN(HalfFloats.floatToBf16(Float.intBitsToFloat(0xff80_0001))));
        assertTrue((HalfFloats.floatToBf16(Float.intBitsToFloat(0xff80_0001)) & 0x8000) != 0, "NaN keeps its sign");
    }

    private static void assertF16LikeJdk(float value) {
        short expected = Float.floatToFloat16(value);
        short actual = HalfFloats.floatToF16(value);
        if (Float.isNaN(value)) {
            assertTrue(HalfFloats.isF16NaN(actual), () -> "NaN " + Integer.toHexString(Float.floatToRawIntBits(value)));
        } else {
            assertEquals(expected, actual, () -> value + " (" + Float.toHexString(value) + ")");
        }
    }

    /** Reference: of the two BF16 values bracketing |value|, the nearer one; ties go to the even bit pattern. */
    private static void assertBf16LikeReference(float value) {
        short actual = HalfFloats.floatToBf16(value);
        int bits = Float.floatToRawIntBits(value);
        if (Float.isNaN(value)) {
            assertTrue(HalfFloats.isBf16NaN(actual));
            assertEquals(bits >>> 31, (actual >>> 15) & 1, "NaN keeps its sign");
            return;
        }
        int sign = bits & 0x8000_0000;
        int below = (bits & 0x7fff_ffff) >>> 16;
        double magnitude = Math.abs((double) value);
        double belowValue = Math.abs((double) Float.intBitsToFloat(below << 16));
        // Past the largest finite BF16 the upper neighbour is infinity, which counts as 2^128 for rounding.
        double aboveValue = below + 1 == 0x7f80 ? 0x1p128 : Math.abs((double) Float.intBitsToFloat((below + 1) << 16));
        int chosen;
        if (below == 0x7f80) {
            chosen = below; // infinity itself
        } else {
            double downDistance = magnitude - belowValue;
            double upDistance = aboveValue - magnitude;
            chosen = downDistance < upDistance ? below
                    : upDistance < downDistance ? below + 1 : (below & 1) == 0 ? below : below + 1;
        }
        int expected = (sign >>> 16) | chosen;
        assertEquals(expected, actual & 0xffff, () -> value + " (" + Float.toHexString(value) + ")");
    }

    private static void forRandomFloatBits(IntConsumer check) {
        SplittableRandom random = new SplittableRandom(20240607L);
        for (int i = 0; i < RANDOM_SAMPLES; i++) {
            check.accept(random.nextInt());
        }
        // Bias towards the F16 range and subnormals, where the interesting rounding happens.
        for (int i = 0; i < RANDOM_SAMPLES; i++) {
            int exponent = 95 + random.nextInt(50);
            check.accept((random.nextBoolean() ? 0x8000_0000 : 0) | exponent << 23 | random.nextInt(1 << 23));
        }
    }

    private static String hex(short bits) {
        return String.format("0x%04x", bits & 0xffff);
    }
}
