package io.mechanist.runtime.reference;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * Every hook site of one reference forward pass over one prompt (batch size 1, so the batch axis is dropped).
 * Site ids follow the shared hook contract: {@code embed}, {@code blocks.L.resid_pre}, {@code blocks.L.attn_out},
 * {@code blocks.L.resid_mid}, {@code blocks.L.mlp_out}, {@code blocks.L.resid_post}, {@code blocks.L.attn_pattern},
 * {@code final_norm}, {@code logits}; per head {@code blocks.L.attn_q/attn_k/attn_v/attn_z} as [pos][head * d_head]
 * (head-major), {@code blocks.L.mlp_post} as [pos][d_mlp], {@code blocks.L.attn_scores} via {@link
 * #attentionScores(int)}. Values are after any edit applied at that site.
 */
public final class ReferenceForward {

    private final int[] tokenIds;
    private final Map<String, double[][]> residualSites;
    private final Map<Integer, double[][][]> scores;
    private final Map<Integer, double[][][]> patterns;

    ReferenceForward(int[] tokenIds, Map<String, double[][]> residualSites, Map<Integer, double[][][]> scores,
            Map<Integer, double[][][]> patterns) {
        this.tokenIds = tokenIds.clone();
        this.residualSites = Collections.unmodifiableMap(new LinkedHashMap<>(residualSites));
        this.scores = Collections.unmodifiableMap(new LinkedHashMap<>(scores));
        this.patterns = Collections.unmodifiableMap(new LinkedHashMap<>(patterns));
    }

    public int[] tokenIds() {
        return tokenIds.clone();
    }

    /** Ids of every [pos][dim] site, in forward order (attention patterns are under {@link #attentionPattern}). */
    public Set<String> siteIds() {
        return residualSites.keySet();
    }

    /**
     * A [pos][dim] site: dim is d_model for all but {@code logits} (vocab).
     *
     * @throws IllegalArgumentException for an unknown id (the message lists the valid ones)
     */
    public double[][] activation(String siteId) {
        double[][] v = residualSites.get(siteId);
        if (v == null) {
            if (siteId.endsWith(".attn_pattern") || siteId.endsWith(".attn_scores")) {
                throw new IllegalArgumentException(siteId + " is [head][query][key]; use attentionPattern(layer)"
                        + " or attentionScores(layer)");
            }
            throw new IllegalArgumentException("unknown hook site '" + siteId + "'; valid: " + residualSites.keySet());
        }
        return v;
    }

    /** The softmax attention probabilities of layer L as [head][query][key] (zero where masked). */
    public double[][][] attentionPattern(int layer) {
        double[][][] p = patterns.get(layer);
        if (p == null) {
            throw new IllegalArgumentException("no layer " + layer + "; layers 0.." + (patterns.size() - 1));
        }
        return p;
    }

    /**
     * The pre-softmax attention logits of layer L as [head][query][key]: q.k * scale, soft-capped where the family
     * caps them, {@code -inf} where masked (later keys, outside a sliding window).
     */
    public double[][][] attentionScores(int layer) {
        double[][][] s = scores.get(layer);
        if (s == null) {
            throw new IllegalArgumentException("no layer " + layer + "; layers 0.." + (scores.size() - 1));
        }
        return s;
    }

    /** [pos][vocab], after the final soft-cap where the family has one. */
    public double[][] logits() {
        return activation(SiteIds.LOGITS);
    }

    public int layerCount() {
        return patterns.size();
    }
}
