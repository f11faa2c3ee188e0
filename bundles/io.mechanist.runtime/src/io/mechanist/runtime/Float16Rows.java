package io.mechanist.runtime;

import java.util.Arrays;

import io.mechanist.core.hooks.HookSite;

/**
 * The activation of one {@code [pos, width]}-shaped hook site for one prompt, narrowed to float16 (IEEE binary16 bit
 * patterns, rounded to nearest even exactly as {@link io.mechanist.core.tensor.HalfFloats#floatToF16}): what an
 * {@link ActivationSink} that {@link ActivationSink#wantsFloat16() stores float16} receives instead of
 * {@link SiteActivations}. Half the bytes cross from libtorch into Java, and none as float32.
 *
 * @param site the hook site
 * @param prompt index of the prompt in its run
 * @param positions prompt-relative token positions, ascending
 * @param shape {@code [positions.length, width]}, or {@code [positions.length, head, d_head]} for per-head sites
 * @param bits row-major float16 bit patterns
 */
public record Float16Rows(HookSite site, int prompt, int[] positions, long[] shape, short[] bits) {

    public Float16Rows {
        positions = positions.clone();
        shape = shape.clone();
        long count = 1;
        for (long s : shape) {
            count *= s;
        }
        if (count != bits.length || shape.length < 2 || shape[0] != positions.length) {
            throw new IllegalArgumentException(site.id() + ": " + bits.length + " values at " + positions.length
                    + " positions for shape " + Arrays.toString(shape));
        }
    }

    @Override
    public int[] positions() {
        return positions.clone();
    }

    @Override
    public long[] shape() {
        return shape.clone();
    }

    /** Values per position. */
    public int width() {
        return positions.length == 0 ? 0 : bits.length / positions.length;
    }

    /** This capture followed by {@code later} (the positions of a later pass over the same prompt). */
    public Float16Rows append(Float16Rows later) {
        if (later.positions.length > 0 && positions.length > 0 && later.width() != width()) {
            throw new IllegalArgumentException("only captures of equal width can be appended");
        }
        int[] pos = Arrays.copyOf(positions, positions.length + later.positions.length);
        System.arraycopy(later.positions, 0, pos, positions.length, later.positions.length);
        short[] joined = Arrays.copyOf(bits, bits.length + later.bits.length);
        System.arraycopy(later.bits, 0, joined, bits.length, later.bits.length);
        long[] joinedShape = (positions.length > 0 ? shape : later.shape).clone();
        joinedShape[0] = pos.length;
        return new Float16Rows(site, prompt, pos, joinedShape, joined);
    }
}
