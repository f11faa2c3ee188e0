package io.mechanist.runtime.generate;

import java.util.Objects;
import java.util.Set;
import java.util.function.BooleanSupplier;

import io.mechanist.core.hooks.HookSite;
import io.mechanist.runtime.ActivationSink;
import io.mechanist.runtime.intervention.InterventionPlan;

/**
 * Generation from one prompt.
 *
 * @param prompt token ids of the prompt
 * @param settings decoding settings
 * @param plan interventions applied at every forward pass (positions are prompt-relative; {@code Positions.all()}
 *     also covers every generated token)
 * @param captureSites sites captured at every pass (positions: all), delivered to {@code sink}; may be empty
 * @param sink receives captures; may be null when nothing is captured
 * @param listener receives each token as it is chosen; may be null
 * @param cancelled polled before every step; cancelling ends generation with StopReason.CANCELLED
 */
public record GenerationRequest(long[] prompt, GenerationSettings settings, InterventionPlan plan,
        Set<HookSite> captureSites, ActivationSink sink, TokenListener listener, BooleanSupplier cancelled) {

    public GenerationRequest {
        prompt = prompt.clone();
        if (prompt.length == 0) {
            throw new IllegalArgumentException("the prompt has no tokens");
        }
        Objects.requireNonNull(settings, "settings");
        plan = plan == null ? InterventionPlan.none() : plan;
        captureSites = captureSites == null ? Set.of() : Set.copyOf(captureSites);
        if (!captureSites.isEmpty() && sink == null) {
            throw new IllegalArgumentException("captures during generation need a sink");
        }
        cancelled = cancelled == null ? () -> false : cancelled;
    }

    public static GenerationRequest of(long[] prompt, GenerationSettings settings) {
        return new GenerationRequest(prompt, settings, null, null, null, null, null);
    }

    public GenerationRequest withPlan(InterventionPlan other) {
        return new GenerationRequest(prompt, settings, other, captureSites, sink, listener, cancelled);
    }

    public GenerationRequest withListener(TokenListener other) {
        return new GenerationRequest(prompt, settings, plan, captureSites, sink, other, cancelled);
    }

    public GenerationRequest withCancel(BooleanSupplier other) {
        return new GenerationRequest(prompt, settings, plan, captureSites, sink, listener, other);
    }

    @Override
    public long[] prompt() {
        return prompt.clone();
    }
}
