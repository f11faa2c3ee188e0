package io.mechanist.runtime.intervention;

/**
 * An edit a plug-in writes itself: called for each selected position of each prompt with a private copy of that
 * position's activation at the site (d_model for residual sites; every head's values, head-major, for
 * {@code attn_q/k/v/z}; d_mlp for {@code mlp_post}; head * keys for {@code attn_scores/attn_pattern}, head-major, keys
 * being the prompt's positions so far, masked entries -inf or 0 and masked again afterwards), it returns the
 * activation to use from there on, of the same length. Used through {@link FunctionEdit}. Implementations must not keep {@code activation}.
 */
@FunctionalInterface
public interface ActivationFunction {

    /**
     * @param prompt index of the prompt in its run (or generation batch)
     * @param position prompt-relative token position
     * @param activation the activation at that position (a private copy; may be modified and returned)
     * @return the replacement, same length
     */
    float[] apply(int prompt, int position, float[] activation);
}
