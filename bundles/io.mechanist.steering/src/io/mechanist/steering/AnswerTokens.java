package io.mechanist.steering;

import io.mechanist.runtime.ModelTokenizer;

/**
 * The two answer tokens of an A/B evaluation, e.g. {@code " A"} and {@code " B"}.
 *
 * @param textA token text of answer A
 * @param idA its id
 * @param textB token text of answer B
 * @param idB its id
 */
public record AnswerTokens(String textA, long idA, String textB, long idB) {

    public AnswerTokens {
        if (idA == idB) {
            throw new IllegalArgumentException("answers '" + textA + "' and '" + textB + "' are the same token " + idA);
        }
    }

    /**
     * Looks both texts up; each must encode to exactly one token (without special tokens).
     *
     * @throws IllegalArgumentException naming the text and the tokens it became
     */
    public static AnswerTokens of(ModelTokenizer tokenizer, String textA, String textB) {
        return new AnswerTokens(textA, single(tokenizer, textA), textB, single(tokenizer, textB));
    }

    private static long single(ModelTokenizer tokenizer, String text) {
        long[] ids = tokenizer.encode(text, false);
        if (ids.length != 1) {
            throw new IllegalArgumentException("answer text '" + text + "' is " + ids.length + " tokens "
                    + java.util.Arrays.toString(ids) + " " + tokenizer.tokenTexts(ids)
                    + "; an A/B answer must be exactly one token");
        }
        return ids[0];
    }
}
