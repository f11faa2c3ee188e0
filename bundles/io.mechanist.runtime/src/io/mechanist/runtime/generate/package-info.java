/**
 * Generation from one prompt or a padded batch of prompts: greedy or temperature/top-p sampling with a seed, with a KV cache (or recomputation),
 * interventions applied at every step, tokens streamed to a {@link io.mechanist.runtime.generate.TokenListener},
 * cancellable between steps.
 */
package io.mechanist.runtime.generate;
