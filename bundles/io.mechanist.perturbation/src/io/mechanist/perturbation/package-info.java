/**
 * How much must a model's weights change before a behaviour goes: sweeps of Gaussian weight noise (scaled to each
 * tensor's own RMS, several seeds) over held-out A/B prompts, with intervals over prompts and seeds, and the noise
 * scale at which the behaviour falls to half its effect. The weight edits themselves are
 * {@code io.mechanist.runtime.weights}.
 */
package io.mechanist.perturbation;
