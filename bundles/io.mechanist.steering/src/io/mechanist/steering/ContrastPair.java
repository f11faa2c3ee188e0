package io.mechanist.steering;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.mechanist.core.activations.PromptInfo;

/**
 * Two prompts that differ only in the behaviour (Contrastive Activation Addition): the same question ending in the
 * behaviour-matching answer ({@code positive}) and in the other answer ({@code negative}). Prompts are paired by
 * their {@code pairId}; within a pair, the prompt whose label {@code labelKey} equals {@code positiveValue} is the
 * positive one.
 *
 * @param pairId the shared pair id
 * @param positive prompt index of the behaviour-matching member
 * @param negative prompt index of the other member
 */
public record ContrastPair(String pairId, int positive, int negative) {

    /**
     * Finds the contrast pairs among the first {@code promptCount} prompts.
     *
     * @throws IllegalArgumentException when a paired prompt lacks the label, a pair does not have exactly one
     *     positive and one negative member, or no pair is found at all (the message says which prompts)
     */
    public static List<ContrastPair> find(List<PromptInfo> prompts, int promptCount, String labelKey,
            String positiveValue) {
        Map<String, List<PromptInfo>> byPair = new LinkedHashMap<>();
        for (int p = 0; p < promptCount; p++) {
            PromptInfo prompt = prompts.get(p);
            if (prompt.pairId() != null) {
                byPair.computeIfAbsent(prompt.pairId(), k -> new ArrayList<>()).add(prompt);
            }
        }
        if (byPair.isEmpty()) {
            throw new IllegalArgumentException("no contrast pairs: none of the " + promptCount
                    + " prompts has a pair id (prompts of one pair share a pairId and differ in label '" + labelKey
                    + "')");
        }
        List<ContrastPair> pairs = new ArrayList<>();
        for (var entry : byPair.entrySet()) {
            int positive = -1;
            int negative = -1;
            for (PromptInfo prompt : entry.getValue()) {
                String value = prompt.label(labelKey);
                if (value == null) {
                    throw new IllegalArgumentException("prompt " + prompt.index() + " (pair " + entry.getKey()
                            + ") has no label '" + labelKey + "'; its labels: " + prompt.labels().keySet());
                }
                if (value.equals(positiveValue)) {
                    positive = positive < 0 ? prompt.index() : -2;
                } else {
                    negative = negative < 0 ? prompt.index() : -2;
                }
            }
            if (positive < 0 || negative < 0 || entry.getValue().size() != 2) {
                throw new IllegalArgumentException("pair " + entry.getKey() + " (prompts "
                        + entry.getValue().stream().map(PromptInfo::index).toList() + ") needs exactly one prompt with "
                        + labelKey + "=" + positiveValue + " and one with another value");
            }
            pairs.add(new ContrastPair(entry.getKey(), positive, negative));
        }
        return pairs;
    }
}
