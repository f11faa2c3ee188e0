package io.mechanist.heatmap;

import java.io.IOException;
import java.util.List;
import java.util.Set;

import io.mechanist.core.hooks.HookSite;

/**
 * What a heatmap reads from a capture of ONE prompt: its tokens, the captured sites, their activations and the named
 * directions (steering vectors, probe directions) available for projections. The activation store implements this
 * over its shards; the heatmap code never sees files.
 * <p>
 * Implementations may read lazily and may block on I/O: call them from a background job, never from the UI thread.
 */
public interface ActivationSource {

    /** A short human description, e.g. {@code "gpt2 - run 3 - prompt 7"}. */
    String description();

    /** The prompt's tokens as decoded strings, one per position. */
    List<String> tokens();

    /** Number of transformer blocks of the model. */
    int layerCount();

    /** Number of attention heads per layer (the {@code head} axis of {@code attn_pattern}). */
    int headCount();

    /** The sites captured for this prompt. */
    Set<HookSite> capturedSites();

    /**
     * The activation at {@code site} for this prompt, batch axis removed: {@code [pos, d_model]} for residual, attn_out
     * and mlp_out sites; {@code [head, query, key]} for {@code attn_pattern}.
     *
     * @throws IOException              if the numbers cannot be read (message names the file and tensor)
     * @throws IllegalArgumentException if {@code site} was not captured
     */
    Slice activations(HookSite site) throws IOException;

    /** Named vectors of length {@code d_model} to project onto (may be empty). */
    List<Direction> directions();

    /**
     * A dense block of floats with its shape.
     *
     * @param values row-major values, {@code product(shape)} of them
     * @param shape  the axis lengths, e.g. {@code [pos, d_model]}
     */
    record Slice(float[] values, int[] shape) {
        public Slice {
            long n = 1;
            for (int s : shape) {
                if (s <= 0) {
                    throw new IllegalArgumentException("Slice axis lengths must be positive: "
                            + java.util.Arrays.toString(shape));
                }
                n *= s;
            }
            if (n != values.length) {
                throw new IllegalArgumentException("Slice of shape " + java.util.Arrays.toString(shape) + " needs " + n
                        + " values, got " + values.length);
            }
        }
    }

    /** A named direction in the residual stream, {@code [d_model]}. */
    record Direction(String name, float[] vector) {
    }
}
