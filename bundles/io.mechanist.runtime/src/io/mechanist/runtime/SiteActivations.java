package io.mechanist.runtime;

import java.util.Arrays;

import io.mechanist.core.hooks.HookSite;

/**
 * The activation of one hook site for one prompt, at some of its positions, in float32.
 * <ul>
 * <li>[batch, pos, d_model] sites (and logits, [batch, pos, vocab]): {@code shape = [positions.length, width]}, one
 * row per entry of {@code positions}.</li>
 * <li>per-head sites ({@code attn_q/k/v/z}, [batch, pos, head, d_head]): {@code shape = [positions.length, head,
 * d_head]}; {@link #row(int)} is one position's values of every head, head-major.</li>
 * <li>attention scores and pattern ([batch, head, query, key]): {@code shape = [head, positions.length, keys]},
 * queries at {@code positions}, keys at prompt positions 0..keys-1 (padding removed).</li>
 * </ul>
 *
 * @param site the hook site
 * @param prompt index of the prompt in its run
 * @param positions prompt-relative token positions (0 = the prompt's first token), ascending
 * @param shape see above
 * @param values row-major values
 */
public record SiteActivations(HookSite site, int prompt, int[] positions, long[] shape, float[] values) {

    public SiteActivations {
        positions = positions.clone();
        shape = shape.clone();
        long count = 1;
        for (long s : shape) {
            count *= s;
        }
        if (count != values.length) {
            throw new IllegalArgumentException(site.id() + ": " + values.length + " values for shape "
                    + Arrays.toString(shape));
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

    /** Values of one row: per position (d_model, vocab, head * d_head, d_mlp), or keys for scores and patterns. */
    public int width() {
        if (site.point().queryKeyShaped() || shape[0] == 0) {
            return (int) shape[shape.length - 1];
        }
        return values.length / (int) shape[0];
    }

    /** The row for the position at index {@code i} of {@link #positions()} (d_model-shaped sites). */
    public float[] row(int i) {
        int width = width();
        return Arrays.copyOfRange(values, i * width, (i + 1) * width);
    }

    /** The row of prompt position {@code position}, or null when it was not captured. */
    public float[] rowAt(int position) {
        int i = Arrays.binarySearch(positions, position);
        return i < 0 ? null : row(i);
    }

    /** This capture followed by {@code later} (positions of a later forward pass, e.g. generated tokens). */
    public SiteActivations append(SiteActivations later) {
        if (shape.length != 2 || later.shape.length != 2 || later.width() != width()) {
            throw new IllegalArgumentException("only [pos, width] captures of equal width can be appended");
        }
        int[] pos = Arrays.copyOf(positions, positions.length + later.positions.length);
        System.arraycopy(later.positions, 0, pos, positions.length, later.positions.length);
        float[] vals = Arrays.copyOf(values, values.length + later.values.length);
        System.arraycopy(later.values, 0, vals, values.length, later.values.length);
        return new SiteActivations(site, prompt, pos, new long[] {pos.length, width()}, vals);
    }
}
