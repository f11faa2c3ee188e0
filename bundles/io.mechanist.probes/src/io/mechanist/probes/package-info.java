/**
 * Linear probes over captured activations, evaluated by layer and aligned token position.
 *
 * <p>Data enters through {@link io.mechanist.probes.ProbeData} (one activation matrix
 * {@code [n_prompts, d_model]} per (layer, aligned position)), usually built from raw per-prompt activations
 * ({@link io.mechanist.probes.PromptActivations}) and a {@link io.mechanist.probes.PositionAlignment}.
 * {@link io.mechanist.probes.ProbeAnalysis} trains logistic and difference-of-means probes with grouped k-fold
 * cross-validation and reports accuracy with its interval, chance, a control task and selectivity per cell;
 * {@link io.mechanist.probes.OutputReadout} gives the model's own answer read-out (logit lens) on the same grid.
 */
package io.mechanist.probes;
