package io.mechanist.saes;

import java.util.List;
import java.util.Objects;

import io.mechanist.core.hooks.HookSite;

/**
 * What an SAE's cfg.json says, normalised across SAELens versions (see docs/saes.md for the fields read).
 *
 * @param architecture activation rule
 * @param dIn input width (d_model of the hooked site)
 * @param dSae number of features
 * @param k features kept per row for {@link Architecture#TOPK}; 0 otherwise
 * @param applyBDecToInput whether b_dec is subtracted from the (normalised) input before encoding
 * @param normalization input rescaling
 * @param scalingFactor the constant factor of {@link Normalization#EXPECTED_AVERAGE_ONLY_IN} (1 when folded in)
 * @param hookName the hook name as written in cfg.json (TransformerLens style, or a Mechanist site id)
 * @param site Mechanist's site for {@code hookName}
 * @param modelName the model the SAE was trained on, as recorded; may be empty
 * @param expectedExplainedVariance fraction of variance explained recorded with the SAE, NaN when absent
 * @param notes what loading noticed (defaults assumed, factors folded), one line each
 */
public record SaeConfig(Architecture architecture, int dIn, int dSae, int k, boolean applyBDecToInput,
        Normalization normalization, double scalingFactor, String hookName, HookSite site, String modelName,
        double expectedExplainedVariance, List<String> notes) {

    public SaeConfig {
        Objects.requireNonNull(architecture, "architecture");
        Objects.requireNonNull(normalization, "normalization");
        Objects.requireNonNull(site, "site");
        hookName = hookName == null ? site.id() : hookName;
        modelName = modelName == null ? "" : modelName;
        notes = List.copyOf(notes);
        if (dIn < 1 || dSae < 1) {
            throw new IllegalArgumentException("d_in and d_sae must be positive, were " + dIn + " and " + dSae);
        }
        if (architecture == Architecture.TOPK && (k < 1 || k > dSae)) {
            throw new IllegalArgumentException("topk needs 1 <= k <= d_sae, k was " + k + " with d_sae " + dSae);
        }
        if (!(scalingFactor > 0) || Double.isInfinite(scalingFactor)) {
            throw new IllegalArgumentException("scaling factor must be positive and finite, was " + scalingFactor);
        }
    }

    /** A config of a freshly trained SAE (no normalisation, b_dec subtracted from the input). */
    public static SaeConfig trained(Architecture architecture, int dIn, int dSae, int k, HookSite site,
            String modelName, double explainedVariance) {
        return new SaeConfig(architecture, dIn, dSae, k, true, Normalization.NONE, 1, null, site, modelName,
                explainedVariance, List.of());
    }
}
