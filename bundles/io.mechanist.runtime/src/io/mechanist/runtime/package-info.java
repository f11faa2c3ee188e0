/**
 * Hooked transformers on DJL: load a Hugging Face checkpoint folder ({@link io.mechanist.runtime.HookedTransformer#load}),
 * run batches of prompts capturing chosen hook sites ({@link io.mechanist.runtime.RunRequest}), apply interventions
 * given as data ({@link io.mechanist.runtime.intervention}) and generate text
 * ({@link io.mechanist.runtime.generate}).
 *
 * <p>Hook sites follow {@link io.mechanist.core.hooks.HookPoint}: {@code embed}, per layer {@code resid_pre},
 * {@code attn_out}, {@code resid_mid}, {@code mlp_out}, {@code resid_post} (all [batch, pos, d_model]),
 * {@code attn_pattern} ([batch, head, query, key]), then {@code final_norm} and {@code logits}. Values are
 * float32 and follow the Hugging Face implementation of each family (no weight folding); {@code attn_out} and
 * {@code mlp_out} are what is added to the residual stream (after Gemma's post-norms). Captures report positions
 * relative to each prompt, with padding removed, so batching never changes a prompt's numbers.
 *
 * <p>A model may serve several threads at once: passes share the weights read-only and each owns its native
 * memory, released when the pass ends.
 */
package io.mechanist.runtime;
