/**
 * How much must a model's weights change before a behaviour goes: sweeps of Gaussian weight noise (scaled to each
 * tensor's own RMS, several seeds) or of interpolation towards another checkpoint over held-out A/B prompts, with
 * intervals over prompts and seeds and the point at which the behaviour falls to half its effect (optionally with a
 * probe's accuracy and a steering vector's effect under the noise); and where two checkpoints differ inside (model
 * diff) and whether one model's probes read the other (probe transfer). The weight edits themselves are
 * {@code io.mechanist.runtime.weights}.
 */
package io.mechanist.perturbation;
