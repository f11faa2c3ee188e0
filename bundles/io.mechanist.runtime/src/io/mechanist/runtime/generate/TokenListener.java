package io.mechanist.runtime.generate;

/** Receives generated tokens one by one, as soon as each is chosen. */
@FunctionalInterface
public interface TokenListener {

    /**
     * @param step 0 for the first generated token
     * @param token its id
     * @param textDelta the text this token adds to the decoded output (special tokens kept; may be empty while a
     *     multi-byte character is incomplete)
     */
    void onToken(int step, long token, String textDelta);
}
