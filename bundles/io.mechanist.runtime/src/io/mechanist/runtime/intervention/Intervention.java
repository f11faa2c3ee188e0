package io.mechanist.runtime.intervention;

import io.mechanist.core.hooks.HookSite;

/**
 * An edit of the activation at one hook site, described as data so that plans can be stored, compared, swept and
 * run by any backend. Interventions apply to sites with one row per position: [batch, pos, d_model] (embed,
 * resid_pre, attn_out, resid_mid, mlp_out, resid_post, final_norm), the per-head sites attn_q, attn_k, attn_v and
 * attn_z (a row is every head's values, head-major: [head * d_head]), mlp_post ([d_mlp]) and attn_scores /
 * attn_pattern (a row per query position of [head * keys], keys = the prompt's positions so far; the mask is applied
 * again after the edit); to every prompt of a batch, at prompt-relative positions. {@link FunctionEdit} runs a plug-in's own {@link ActivationFunction}.
 * Captures at a site see the value after its interventions; later sites see the edit's consequences.
 */
public sealed interface Intervention permits AddVector, Ablate, Patch, FunctionEdit {

    HookSite site();

    Positions positions();
}
