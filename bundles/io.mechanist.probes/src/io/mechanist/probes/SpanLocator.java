package io.mechanist.probes;

import java.util.List;

/** Finds a span of tokens (for example a reasoning trace) in a prompt, as {@code [start, end)}. */
@FunctionalInterface
public interface SpanLocator {

    /** {@code {start, end}} with {@code 0 <= start <= end <= tokens.size()}, or {@code null} when absent. */
    int[] locate(int prompt, List<String> tokens);

    /** The whole prompt. */
    static SpanLocator wholePrompt() {
        return (prompt, tokens) -> new int[] {0, tokens.size()};
    }

    /**
     * The tokens strictly after the {@code after} anchor and strictly before the {@code before} anchor; a missing
     * {@code after} anchor (null locator) means the start of the prompt, a missing {@code before} locator the end.
     */
    static SpanLocator between(AnchorLocator after, AnchorLocator before) {
        return (prompt, tokens) -> {
            int start = 0;
            int end = tokens.size();
            if (after != null) {
                int a = after.locate(prompt, tokens);
                if (a < 0) {
                    return null;
                }
                start = a + 1;
            }
            if (before != null) {
                int b = before.locate(prompt, tokens);
                if (b < 0) {
                    return null;
                }
                end = b;
            }
            return start <= end ? new int[] {start, end} : null;
        };
    }
}
