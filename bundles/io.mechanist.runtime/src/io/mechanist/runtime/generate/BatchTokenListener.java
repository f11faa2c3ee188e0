package io.mechanist.runtime.generate;

/** Receives the tokens of a batched generation as soon as each step chooses them. */
@FunctionalInterface
public interface BatchTokenListener {

    /**
     * @param prompt index of the prompt in the batch
     * @param step 0 for its first generated token
     * @param token the token id
     * @param textDelta the text this token adds (special tokens kept)
     */
    void onToken(int prompt, int step, long token, String textDelta);
}
