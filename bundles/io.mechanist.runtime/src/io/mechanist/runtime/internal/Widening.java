package io.mechanist.runtime.internal;

import java.nio.IntBuffer;
import java.nio.ShortBuffer;

import io.mechanist.core.tensor.DType;

/**
 * bf16 and f16 values widened to float32 (exactly: both are subsets of float32) through two small reused arrays that
 * stay in a core's cache, noting on the way whether any value is NaN or infinite. One instance per thread.
 */
final class Widening {
    /** Elements per step: 128 KB of halves and 256 KB of float32 bits. */
    private static final int STEP = 1 << 15;
    private final short[] halves = new short[STEP];
    private final int[] words = new int[STEP];

    /**
     * Widens {@code count} elements of {@code in}, from its element {@code from}, into {@code out} from its element
     * {@code to} (absolute indices: neither buffer's position moves).
     *
     * @return whether any of them is NaN or infinite (every exponent bit set)
     */
    boolean widen(ShortBuffer in, int from, DType dtype, IntBuffer out, int to, int count) {
        boolean bf16 = dtype == DType.BF16;
        if (!bf16 && dtype != DType.F16) {
            throw new IllegalArgumentException("not a 16-bit float: " + dtype);
        }
        int exponent = bf16 ? 0x7f80 : 0x7c00;
        // min over elements of the exponent bits each leaves clear: 0 when one has them all set (a reduction the
        // JIT vectorises, unlike a branch)
        int clearBits = exponent;
        short[] h = halves;
        int[] w = words;
        for (int done = 0; done < count; done += STEP) {
            int n = Math.min(STEP, count - done);
            in.get(from + done, h, 0, n);
            if (bf16) {
                for (int i = 0; i < n; i++) {
                    w[i] = h[i] << 16; // bf16 is the top half of a float32
                    clearBits = Math.min(clearBits, ~h[i] & exponent);
                }
            } else {
                for (int i = 0; i < n; i++) {
                    w[i] = Float.floatToRawIntBits(Float.float16ToFloat(h[i]));
                    clearBits = Math.min(clearBits, ~h[i] & exponent);
                }
            }
            out.put(to + done, w, 0, n);
        }
        return clearBits == 0;
    }
}
