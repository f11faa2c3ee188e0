package io.mechanist.probes;

/**
 * The data a probe analysis reads: for each (layer, aligned position) an activation matrix
 * {@code [n_prompts, d_model]}, plus per-prompt label and group, and whether a prompt has that aligned position.
 *
 * <p>Prompt order is fixed: prompt {@code p} is row {@code p} of every matrix. Implementations must allow
 * concurrent calls of {@link #readMatrix} from several threads (the analysis reads cells in parallel).
 */
public interface ProbeData {

    int promptCount();

    int layerCount();

    /** Number of aligned positions (the position axis of the results). */
    int positionCount();

    int dModel();

    /** Stable id of a prompt, used in error messages and exports. */
    String promptId(int prompt);

    /** The prompt's label value, or {@code null} when the prompt has none. */
    String label(int prompt);

    /**
     * The prompt's group (prompts of one group never straddle a train/test split), or {@code null} when the prompt
     * forms a group of its own.
     */
    String group(int prompt);

    /** Whether the prompt has this aligned position (prompts differ in length). */
    boolean hasPosition(int prompt, int position);

    /**
     * Fills {@code dest} (length at least {@code promptCount() * dModel()}) with the activations at one layer and
     * aligned position, row-major {@code [n_prompts, d_model]}. Rows of prompts without the position are zero.
     */
    void readMatrix(int layer, int position, float[] dest);

    /** A display name of the layer (for example the hook site id). */
    default String layerName(int layer) {
        return "L" + layer;
    }

    /** A display label of the aligned position (offset, index or bin). */
    default String positionLabel(int position) {
        return Integer.toString(position);
    }

    /** The token text at the aligned position, or {@code "mixed"} when prompts have different tokens there. */
    default String positionToken(int position) {
        return "";
    }
}
