package io.mechanist.core.activations;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One prompt of a dataset as analyses see it.
 *
 * @param index position of the prompt in its dataset (0-based); the same index in every capture of the dataset
 * @param text the prompt text
 * @param tokenIds the token ids the model saw, position 0 first
 * @param tokens the token strings, same length as {@code tokenIds} (may be empty if not recorded)
 * @param labels key/value labels (e.g. {@code answer=A}); never null
 * @param groupId the group for grouped train/test splits (prompts of one group stay together); null if none
 * @param pairId the contrast pair this prompt belongs to; null if none
 */
public record PromptInfo(int index, String text, int[] tokenIds, List<String> tokens, Map<String, String> labels,
        String groupId, String pairId) {

    public PromptInfo {
        Objects.requireNonNull(tokenIds, "tokenIds");
        tokens = List.copyOf(tokens);
        labels = Map.copyOf(labels);
    }

    /** Number of tokens of the prompt. */
    public int tokenCount() {
        return tokenIds.length;
    }

    /** The label {@code key}, or null if the prompt has none. */
    public String label(String key) {
        return labels.get(key);
    }
}
