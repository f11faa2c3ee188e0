package io.mechanist.runtime.intervention;

import io.mechanist.core.hooks.HookSite;

/**
 * An edit of the activation at one hook site, described as data so that plans can be stored, compared, swept and
 * run by any backend. Interventions apply to sites shaped [batch, pos, d_model] (embed, resid_pre, attn_out,
 * resid_mid, mlp_out, resid_post, final_norm), to every prompt of a batch, at prompt-relative positions.
 * Captures at a site see the value after its interventions; later sites see the edit's consequences.
 */
public sealed interface Intervention permits AddVector, Ablate, Patch {

    HookSite site();

    Positions positions();
}
