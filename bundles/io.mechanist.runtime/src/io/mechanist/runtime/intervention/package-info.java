/**
 * Interventions as data: {@link io.mechanist.runtime.intervention.AddVector} (steering),
 * {@link io.mechanist.runtime.intervention.Ablate} (zero or mean) and {@link io.mechanist.runtime.intervention.Patch}
 * (activation patching) and {@link io.mechanist.runtime.intervention.FunctionEdit} (a plug-in's own
 * {@link io.mechanist.runtime.intervention.ActivationFunction}), at prompt-relative {@link io.mechanist.runtime.intervention.Positions}, grouped into an
 * {@link io.mechanist.runtime.intervention.InterventionPlan}. A sweep is a list of plans. Plans hold no reference
 * to a model, so they can be stored, compared and executed by any backend.
 */
package io.mechanist.runtime.intervention;
