package io.mechanist.steering;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.mechanist.core.activations.PromptInfo;

/** Prompt groups as numbers, for the cluster-robust intervals of {@link CausalVerdict}. */
public final class PromptGroups {

    private PromptGroups() {
    }

    /**
     * Per prompt, its group's number: prompts with the same group id share one; a prompt without a group id has a
     * number of its own.
     */
    public static int[] of(List<PromptInfo> prompts) {
        Map<String, Integer> numbers = new HashMap<>();
        int[] groups = new int[prompts.size()];
        int next = 0;
        for (int p = 0; p < groups.length; p++) {
            String id = prompts.get(p).groupId();
            if (id == null) {
                groups[p] = next++;
            } else {
                Integer known = numbers.get(id);
                if (known == null) {
                    known = next++;
                    numbers.put(id, known);
                }
                groups[p] = known;
            }
        }
        return groups;
    }
}
