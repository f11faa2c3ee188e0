package io.mechanist.ui.steering.internal;

import java.util.List;

import io.mechanist.core.hooks.HookSite;
import io.mechanist.runtime.HookedTransformer;
import io.mechanist.runtime.RunRequest;
import io.mechanist.runtime.RunResult;
import io.mechanist.runtime.intervention.AddVector;
import io.mechanist.runtime.intervention.InterventionPlan;
import io.mechanist.runtime.intervention.Positions;
import io.mechanist.steering.AnswerTokens;
import io.mechanist.steering.SteeringScale;
import io.mechanist.steering.SteeringVector;

/**
 * The answer read-out of one prompt under a steering setting: the logit difference of the two answer tokens at the
 * last prompt position, unsteered and steered, and the prompt's mean residual norm at the steered site (the unit of
 * the relative multiplier; the first token is left out as in the sweep, its norm is atypically large).
 *
 * @param residNorm mean residual norm of the prompt at {@code site} (tokens after the first)
 * @param coefficient raw coefficient on the vector: {@code multiplier * residNorm / |v|}
 * @param unsteered logit(A) - logit(B) without steering
 * @param steered logit(A) - logit(B) with {@code coefficient * v} added at every position
 */
public record PromptReadout(HookSite site, double multiplier, double residNorm, double coefficient, double unsteered,
        double steered) {

    /** Mean residual norm of {@code tokens} at {@code site}, unsteered. */
    public static double residNorm(HookedTransformer model, long[] tokens, HookSite site) {
        RunResult run = model.run(RunRequest.builder(List.of(tokens)).capture(site).build());
        SteeringScale.MeanNorm norm = new SteeringScale.MeanNorm();
        norm.add(run.capture(site, 0));
        return norm.mean();
    }

    /** Two forwards (plus one for the norm): unsteered and steered logit differences of the answers. */
    public static PromptReadout compute(HookedTransformer model, long[] tokens, AnswerTokens answers,
            SteeringVector vector, HookSite site, double multiplier) {
        double norm = residNorm(model, tokens, site);
        double coefficient = SteeringScale.coefficient(multiplier, norm, vector.norm());
        float[] plain = model.run(RunRequest.builder(List.of(tokens)).build()).lastLogits(0);
        InterventionPlan plan = InterventionPlan.of("steer " + site.id(),
                new AddVector(site, Positions.all(), vector.values(), coefficient));
        float[] steered = model.run(RunRequest.builder(List.of(tokens)).plan(plan).build()).lastLogits(0);
        return new PromptReadout(site, multiplier, norm, coefficient, diff(plain, answers), diff(steered, answers));
    }

    private static double diff(float[] logits, AnswerTokens answers) {
        return (double) logits[(int) answers.idA()] - logits[(int) answers.idB()];
    }
}
