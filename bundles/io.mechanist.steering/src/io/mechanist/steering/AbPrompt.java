package io.mechanist.steering;

/**
 * A held-out two-choice prompt whose next token is the answer.
 *
 * @param tokens the prompt's token ids, ending right before the answer token
 * @param matchingIsA whether the behaviour-matching answer is answer A (else B)
 */
public record AbPrompt(long[] tokens, boolean matchingIsA) {

    public AbPrompt {
        tokens = tokens.clone();
        if (tokens.length == 0) {
            throw new IllegalArgumentException("an A/B prompt needs at least one token");
        }
    }

    @Override
    public long[] tokens() {
        return tokens.clone();
    }
}
