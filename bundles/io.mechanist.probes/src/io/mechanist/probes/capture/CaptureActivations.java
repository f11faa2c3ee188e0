package io.mechanist.probes.capture;

import java.util.ArrayList;
import java.util.List;

import io.mechanist.core.activations.ActivationSet;
import io.mechanist.core.activations.PromptInfo;
import io.mechanist.probes.PromptActivations;

/**
 * {@link PromptActivations} over a store capture: one "layer" per given hook site (e.g. {@code blocks.L.resid_post}
 * for every L), labels from a prompt label key, groups from the prompts' group ids. Rows are read through the
 * capture's slice API ({@link ActivationSet#readRow}); token positions the capture did not keep are reported as
 * not captured.
 */
public final class CaptureActivations implements PromptActivations {

    private final ActivationSet capture;
    private final List<String> siteIds;
    private final String labelKey;
    private final List<PromptInfo> prompts;
    private final int dModel;

    public CaptureActivations(ActivationSet capture, List<String> siteIds, String labelKey) {
        if (siteIds.isEmpty()) {
            throw new IllegalArgumentException("capture " + capture.id() + ": no hook sites selected");
        }
        for (String site : siteIds) {
            if (!capture.hasSite(site)) {
                throw new IllegalArgumentException("capture " + capture.id() + " has no site " + site + "; it has "
                        + capture.siteIds());
            }
        }
        this.capture = capture;
        this.siteIds = List.copyOf(siteIds);
        this.labelKey = labelKey;
        this.prompts = new ArrayList<>(capture.prompts().subList(0, capture.promptCount()));
        this.dModel = capture.rowWidth(siteIds.get(0));
        for (String site : siteIds) {
            if (capture.rowWidth(site) != dModel) {
                throw new IllegalArgumentException("capture " + capture.id() + ": site " + site + " has rows of "
                        + capture.rowWidth(site) + " values, " + siteIds.get(0) + " of " + dModel);
            }
        }
    }

    @Override public int promptCount() { return prompts.size(); }
    @Override public int layerCount() { return siteIds.size(); }
    @Override public int dModel() { return dModel; }
    @Override public String layerName(int layer) { return siteIds.get(layer); }
    @Override public String label(int prompt) { return prompts.get(prompt).label(labelKey); }
    @Override public String group(int prompt) { return prompts.get(prompt).groupId(); }

    @Override
    public String promptId(int prompt) {
        return "prompt " + prompts.get(prompt).index();
    }

    @Override
    public List<String> tokens(int prompt) {
        PromptInfo info = prompts.get(prompt);
        if (!info.tokens().isEmpty()) {
            return info.tokens();
        }
        List<String> ids = new ArrayList<>(info.tokenCount()); // token strings not recorded: show ids
        for (int id : info.tokenIds()) {
            ids.add("#" + id);
        }
        return ids;
    }

    @Override
    public boolean hasToken(int prompt, int tokenPosition) {
        return capture.hasPosition(prompt, tokenPosition);
    }

    @Override
    public void readVector(int prompt, int layer, int tokenPosition, float[] dest, int offset) {
        capture.readRow(siteIds.get(layer), prompt, tokenPosition, dest, offset);
    }
}
