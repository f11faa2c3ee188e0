package io.mechanist.probes;

import java.util.List;

/**
 * Raw per-prompt activations before position alignment: prompt {@code p} has {@code tokens(p).size()} token
 * positions, and every layer has a {@code [pos, d_model]} matrix per prompt.
 *
 * <p>This is the seam to a capture store. {@link #readVector} must be safe to call from several threads.
 */
public interface PromptActivations {

    int promptCount();

    int layerCount();

    int dModel();

    String promptId(int prompt);

    /** Label value of the prompt, or {@code null} when missing. */
    String label(int prompt);

    /** Group of the prompt, or {@code null} when the prompt is a group of its own. */
    String group(int prompt);

    /** Token strings of the prompt, one per position. */
    List<String> tokens(int prompt);

    /** Copies the activation vector {@code [d_model]} of one prompt, layer and token position into {@code dest}. */
    void readVector(int prompt, int layer, int tokenPosition, float[] dest, int offset);

    /** Whether the activations of this token position were captured (a capture may keep only some positions). */
    default boolean hasToken(int prompt, int tokenPosition) {
        return true;
    }

    default String layerName(int layer) {
        return "L" + layer;
    }
}
