package io.mechanist.runtime;

import java.util.List;
import java.util.Map;

import io.mechanist.core.hooks.HookSite;

/**
 * What a run produced: the logits at each prompt's last token and, unless a sink took them, the captures.
 *
 * @param lastLogits per prompt, the logits [vocab] at its last token
 * @param captures per site, per prompt (same order as the request's prompts)
 */
public record RunResult(List<float[]> lastLogits, Map<HookSite, List<SiteActivations>> captures) {

    public RunResult {
        lastLogits = List.copyOf(lastLogits);
        captures = Map.copyOf(captures);
    }

    /** The capture of {@code site} for prompt {@code prompt}. */
    public SiteActivations capture(HookSite site, int prompt) {
        List<SiteActivations> perPrompt = captures.get(site);
        if (perPrompt == null) {
            throw new IllegalArgumentException("site " + site.id() + " was not captured; captured: "
                    + captures.keySet().stream().map(HookSite::id).sorted().toList());
        }
        return perPrompt.get(prompt);
    }

    public float[] lastLogits(int prompt) {
        return lastLogits.get(prompt).clone();
    }
}
