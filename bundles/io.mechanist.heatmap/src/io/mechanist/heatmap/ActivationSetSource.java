package io.mechanist.heatmap;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

import io.mechanist.core.activations.ActivationSet;
import io.mechanist.core.activations.FloatMatrix;
import io.mechanist.core.activations.PromptInfo;
import io.mechanist.core.activations.StoredVectorData;
import io.mechanist.core.hooks.HookPoint;
import io.mechanist.core.hooks.HookSite;

/**
 * One prompt of a stored capture ({@link ActivationSet}) seen as an {@link ActivationSource}. Heatmaps need every
 * position of the prompt: a prompt captured at only some positions is refused with a message saying so.
 */
public final class ActivationSetSource implements ActivationSource {

    private final ActivationSet set;
    private final int prompt;
    private final PromptInfo info;
    private final List<Direction> directions;
    private final Set<HookSite> sites = new HashSet<>();
    private final int layers;

    /**
     * @param directions stored vectors offered for projections (e.g. the store's steering vectors and probe
     *                   directions); only those of the model's width are usable
     */
    public ActivationSetSource(ActivationSet set, int prompt, List<StoredVectorData> directions) {
        this.set = set;
        this.prompt = prompt;
        if (prompt < 0 || prompt >= set.promptCount()) {
            throw new IllegalArgumentException("Capture " + set.id() + " has prompts 0.." + (set.promptCount() - 1)
                    + ", not " + prompt);
        }
        this.info = set.prompts().get(prompt);
        int tokens = set.tokenCount(prompt);
        if (set.positions(prompt).length != tokens) {
            throw new IllegalArgumentException("Capture " + set.id() + " holds " + set.positions(prompt).length
                    + " of the " + tokens + " positions of prompt " + prompt
                    + "; heatmaps along the prompt need a capture of every position");
        }
        if (info.tokens().size() != tokens) {
            throw new IllegalArgumentException("Capture " + set.id() + " did not record the token strings of prompt "
                    + prompt + "; heatmaps label positions with them");
        }
        int maxLayer = -1;
        for (String id : set.siteIds()) {
            HookSite site = HookSite.parse(id);
            sites.add(site);
            maxLayer = Math.max(maxLayer, site.layer());
        }
        this.layers = maxLayer + 1;
        this.directions = directions.stream().map(v -> new Direction(v.name(), v.values())).toList();
    }

    @Override
    public String description() {
        return set.id() + " \u2013 prompt " + prompt;
    }

    @Override
    public List<String> tokens() {
        return info.tokens();
    }

    @Override
    public int layerCount() {
        return layers;
    }

    @Override
    public int headCount() {
        for (HookSite site : sites) {
            if (site.point() == HookPoint.ATTN_PATTERN) {
                return set.rowShape(site.id())[0];
            }
        }
        return 0;
    }

    @Override
    public Set<HookSite> capturedSites() {
        return Set.copyOf(sites);
    }

    /** Residual-like sites as stored ({@code [pos, d_model]}); patterns reordered from [query, head, key]. */
    @Override
    public Slice activations(HookSite site) {
        FloatMatrix rows = set.prompt(site.id(), prompt);
        if (site.point() != HookPoint.ATTN_PATTERN) {
            return new Slice(rows.data(), new int[] { rows.rows(), rows.cols() });
        }
        int[] shape = set.rowShape(site.id());
        int heads = shape[0];
        int storedKeys = shape[1];
        int queries = rows.rows();
        // Stored rows are padded to the longest prompt of the capture; this prompt attends to its own tokens only.
        int keys = Math.min(storedKeys, set.tokenCount(prompt));
        float[] src = rows.data();
        float[] out = new float[heads * queries * keys];
        for (int q = 0; q < queries; q++) {
            for (int h = 0; h < heads; h++) {
                System.arraycopy(src, (q * heads + h) * storedKeys, out, (h * queries + q) * keys, keys);
            }
        }
        return new Slice(out, new int[] { heads, queries, keys });
    }

    @Override
    public List<Direction> directions() {
        return directions;
    }
}
