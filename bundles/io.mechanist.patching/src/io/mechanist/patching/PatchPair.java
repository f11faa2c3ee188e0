package io.mechanist.patching;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.mechanist.core.activations.PromptInfo;

/**
 * One clean/corrupted pair of a patching dataset: two prompts sharing a {@code pair} id, of equal token length, whose
 * answers differ. The clean prompt is the one whose label {@code label} has the clean value.
 *
 * @param pairId the dataset's pair id
 * @param clean index of the clean prompt in the dataset
 * @param corrupted index of the corrupted prompt
 * @param cleanAnswer the clean prompt's answer (label value)
 * @param corruptedAnswer the corrupted prompt's answer
 */
public record PatchPair(String pairId, int clean, int corrupted, String cleanAnswer, String corruptedAnswer) {

    /**
     * The pairs of {@code prompts}, in the order their ids first appear.
     *
     * @param label the label naming each prompt's answer (e.g. {@code answer})
     * @param cleanValue the value of {@code label} that marks the clean member (e.g. {@code A})
     * @throws IllegalArgumentException naming the pair that has not exactly two prompts, no clean member, equal
     *     answers or different token lengths (positions could not be matched), or when there is no pair at all
     */
    public static List<PatchPair> find(List<PromptInfo> prompts, String label, String cleanValue) {
        Map<String, List<PromptInfo>> byPair = new LinkedHashMap<>();
        for (PromptInfo prompt : prompts) {
            if (prompt.pairId() != null) {
                byPair.computeIfAbsent(prompt.pairId(), k -> new ArrayList<>()).add(prompt);
            }
        }
        if (byPair.isEmpty()) {
            throw new IllegalArgumentException("the dataset has no clean/corrupted pairs (no prompt has a 'pair' id)");
        }
        List<PatchPair> pairs = new ArrayList<>();
        for (Map.Entry<String, List<PromptInfo>> entry : byPair.entrySet()) {
            String id = entry.getKey();
            List<PromptInfo> members = entry.getValue();
            if (members.size() != 2) {
                throw new IllegalArgumentException("pair '" + id + "' has " + members.size() + " prompts; a clean/"
                        + "corrupted pair needs exactly 2");
            }
            PromptInfo a = members.get(0);
            PromptInfo b = members.get(1);
            boolean aClean = cleanValue.equals(a.label(label));
            boolean bClean = cleanValue.equals(b.label(label));
            if (aClean == bClean) {
                throw new IllegalArgumentException("pair '" + id + "': " + (aClean ? "both" : "neither")
                        + " of prompts " + a.index() + " and " + b.index() + " have " + label + "=" + cleanValue
                        + "; exactly one (the clean prompt) must");
            }
            PromptInfo clean = aClean ? a : b;
            PromptInfo corrupted = aClean ? b : a;
            String corruptedAnswer = corrupted.label(label);
            if (corruptedAnswer == null) {
                throw new IllegalArgumentException("pair '" + id + "': prompt " + corrupted.index() + " has no label '"
                        + label + "'");
            }
            if (clean.tokenCount() != corrupted.tokenCount()) {
                throw new IllegalArgumentException("pair '" + id + "': prompts " + clean.index() + " and "
                        + corrupted.index() + " have " + clean.tokenCount() + " and " + corrupted.tokenCount()
                        + " tokens; patching matches positions, so both prompts of a pair need the same length");
            }
            pairs.add(new PatchPair(id, clean.index(), corrupted.index(), cleanValue, corruptedAnswer));
        }
        return pairs;
    }
}
