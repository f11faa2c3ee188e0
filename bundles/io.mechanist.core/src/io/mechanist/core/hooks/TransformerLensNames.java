package io.mechanist.core.hooks;

import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * TransformerLens hook names ({@code blocks.3.hook_resid_post}, {@code blocks.3.attn.hook_pattern}) as aliases of
 * Mechanist's sites, so names copied from TransformerLens, SAELens or Neuronpedia work as they are.
 * <p>
 * Only names whose values are the same tensor are aliased. TransformerLens's {@code hook_embed} is the token
 * embedding alone (without GPT-2's position embedding), so it has no alias; its {@code blocks.0.hook_resid_pre} is
 * Mechanist's {@code blocks.0.resid_pre}, which equals {@code embed}. TransformerLens folds layer norms and centres
 * weights by default ({@code from_pretrained}); its values agree with Mechanist's only for a model loaded without
 * that processing ({@code from_pretrained_no_processing}), which is also what SAEs trained with SAELens expect.
 * {@code attn.hook_q}/{@code hook_k} are before the rotary embedding (TransformerLens's {@code hook_rot_q}/{@code
 * hook_rot_k}, after it, have no alias); with grouped-query attention {@code hook_k}/{@code hook_v} have the key/value
 * heads, as Mechanist's {@code attn_k}/{@code attn_v}. The full table is in docs/patching.md.
 */
public final class TransformerLensNames {

    private static final Pattern BLOCK_NAME = Pattern.compile("blocks\\.(0|[1-9][0-9]{0,8})\\.(.+)");

    /** TransformerLens's name inside a block -> Mechanist's point. */
    private static final Map<String, HookPoint> BLOCK_ALIASES = Map.ofEntries(
            Map.entry("hook_resid_pre", HookPoint.RESID_PRE),
            Map.entry("hook_resid_mid", HookPoint.RESID_MID),
            Map.entry("hook_resid_post", HookPoint.RESID_POST),
            Map.entry("hook_attn_out", HookPoint.ATTN_OUT),
            Map.entry("hook_mlp_out", HookPoint.MLP_OUT),
            Map.entry("attn.hook_pattern", HookPoint.ATTN_PATTERN),
            Map.entry("attn.hook_q", HookPoint.ATTN_Q),
            Map.entry("attn.hook_k", HookPoint.ATTN_K),
            Map.entry("attn.hook_v", HookPoint.ATTN_V),
            Map.entry("attn.hook_attn_scores", HookPoint.ATTN_SCORES),
            Map.entry("attn.hook_z", HookPoint.ATTN_Z),
            Map.entry("mlp.hook_post", HookPoint.MLP_POST));

    private TransformerLensNames() {
    }

    /** The site a TransformerLens hook name stands for, or empty if the name is not an aliased TransformerLens name. */
    public static Optional<HookSite> parse(String name) {
        Matcher matcher = BLOCK_NAME.matcher(name);
        if (!matcher.matches()) {
            return Optional.empty();
        }
        HookPoint point = BLOCK_ALIASES.get(matcher.group(2));
        return point == null ? Optional.empty() : Optional.of(HookSite.of(point, Integer.parseInt(matcher.group(1))));
    }

    /** The TransformerLens name of {@code site}, or empty where TransformerLens has no hook with the same values. */
    public static Optional<String> nameOf(HookSite site) {
        for (Map.Entry<String, HookPoint> alias : BLOCK_ALIASES.entrySet()) {
            if (alias.getValue() == site.point()) {
                return Optional.of(HookPoint.BLOCK_PREFIX + site.layer() + "." + alias.getKey());
            }
        }
        return Optional.empty();
    }
}
