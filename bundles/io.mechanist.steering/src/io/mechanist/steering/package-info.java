/**
 * Steering vectors: building them (difference of means over contrast pairs, PCA of pair differences, a probe's
 * direction, a seeded random control of equal norm), storing and exchanging them (store, safetensors), sweeping
 * them over layers x multipliers on held-out A/B prompts ({@link io.mechanist.steering.SteeringSweep}), the causal
 * test of a probe direction ({@link io.mechanist.steering.ProbeCausalTest}) and steered vs unsteered generation
 * ({@link io.mechanist.steering.SteeredGeneration}). All vectors are {@code [d_model]} rows added to the residual
 * stream at one hook site.
 */
package io.mechanist.steering;
