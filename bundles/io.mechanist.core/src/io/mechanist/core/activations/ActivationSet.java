package io.mechanist.core.activations;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import io.mechanist.core.hooks.HookPoint;

/**
 * The activations of one capture: for each committed prompt and each captured hook site, one row per captured
 * token position. A prompt {@code p} has {@code positions(p).length} rows per site, ordered by position.
 * <p>
 * An instance is a consistent snapshot: prompts committed after it was opened are not visible (open again to see
 * them). Reads are safe from several threads. Data is memory-mapped; closing releases the files.
 * <p>
 * Positions given to the methods below are token positions in the prompt (0 = first token); negative values count
 * from the prompt's end ({@code -1} = last token). Reading a position that was not captured for a prompt throws
 * {@link IllegalArgumentException} naming the prompt and position.
 *
 * @throws java.io.UncheckedIOException from read methods when a shard cannot be read or fails its checksum; the
 *             message names the file
 */
public interface ActivationSet extends AutoCloseable {

    /** The capture's id in its store. */
    String id();

    /**
     * The checkpoint folder the capture was run with, as its store records it (a relative record resolved against
     * the store's folder); empty when nothing is recorded. The folder may no longer exist on this machine.
     *
     * @throws IllegalArgumentException when the store records the checkpoint as a URI (a Spark capture of a
     *     checkpoint on HDFS or S3), naming it and saying to give a local folder instead
     */
    default Optional<Path> modelFolder() {
        return Optional.empty();
    }

    /** Number of prompts whose activations are committed (prompts {@code 0 .. promptCount()-1}). */
    int promptCount();

    /** The captured hook-site ids (canonical, e.g. {@code blocks.3.resid_post}) in capture order. */
    List<String> siteIds();

    /** Whether {@code siteId} was captured. */
    default boolean hasSite(String siteId) {
        return siteIds().contains(siteId);
    }

    /** Shape of one row of {@code siteId}: {@code [d_model]} for residual sites, {@code [head, key]} for patterns. */
    int[] rowShape(String siteId);

    /** Number of floats in one row of {@code siteId} (product of {@link #rowShape}). */
    int rowWidth(String siteId);

    /** The dataset prompts, index {@code p} for prompt {@code p}; at least {@link #promptCount()} of them. */
    List<PromptInfo> prompts();

    /** Number of tokens of prompt {@code prompt}. */
    int tokenCount(int prompt);

    /** The captured token positions of prompt {@code prompt}, ascending. */
    int[] positions(int prompt);

    /** Whether position {@code position} (negative: from the end) of {@code prompt} was captured. */
    boolean hasPosition(int prompt, int position);

    /** Copies the row of {@code siteId} at ({@code prompt}, {@code position}) into {@code target} at {@code offset}. */
    void readRow(String siteId, int prompt, int position, float[] target, int offset);

    /** All captured rows of one prompt at one site: {@code [positions(prompt).length, rowWidth]}. */
    FloatMatrix prompt(String siteId, int prompt);

    /**
     * The rows of one prompt at one site for the captured positions in {@code [fromPosition, toPosition)} (negative
     * bounds count from the end): {@code [n, rowWidth]}, ordered by position.
     */
    FloatMatrix promptRange(String siteId, int prompt, int fromPosition, int toPosition);

    /**
     * The rows of one prompt for a layer range of one per-layer hook point, e.g. {@code resid_post} of layers 2..5:
     * element {@code i} is {@code prompt(HookSite.of(point, fromLayer + i).id(), prompt)}.
     *
     * @param toLayer exclusive
     */
    List<FloatMatrix> promptLayers(HookPoint point, int fromLayer, int toLayer, int prompt);

    /**
     * The cross-prompt column at one site: row {@code i} is the activation of prompt {@code prompts[i]} at position
     * {@code positions[i]}; shape {@code [prompts.length, rowWidth]}. This is what a probe at one (layer, position)
     * reads; {@code positions} lets each prompt use its own alignment (e.g. relative to an anchor token).
     */
    FloatMatrix column(String siteId, int[] prompts, int[] positions);

    /** The column at the same position (negative: from the end) of every committed prompt: {@code [promptCount, rowWidth]}. */
    FloatMatrix column(String siteId, int position);

    @Override
    void close() throws IOException;
}
