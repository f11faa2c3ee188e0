package io.mechanist.ui.steering.internal;

import java.util.Locale;
import java.util.function.BooleanSupplier;

import io.mechanist.core.hooks.HookSite;
import io.mechanist.runtime.HookedTransformer;
import io.mechanist.runtime.generate.GenerationResult;
import io.mechanist.runtime.generate.GenerationSettings;
import io.mechanist.runtime.intervention.Positions;
import io.mechanist.steering.AnswerTokens;
import io.mechanist.steering.SteeredGeneration;
import io.mechanist.steering.SteeringScale;
import io.mechanist.steering.SteeringVector;

/**
 * What the interactive steering panel computes, without its widgets: the sampling settings its fields describe, the
 * answer read-out of a prompt, and steered beside unsteered generation at the same scale as the sweep
 * ({@link SteeringScale}: multiplier x the prompt's mean residual norm, first token left out). The panel only
 * reads its fields, runs these in jobs and shows what they return.
 */
public final class InteractiveSteering {

    private InteractiveSteering() {
    }

    /**
     * The settings of the panel's fields: greedy at temperature 0, else sampling.
     *
     * @throws IllegalArgumentException with the reason when a field is not a number or out of range
     */
    public static GenerationSettings settings(int maxTokens, String temperature, String topP, int seed) {
        double temp = Double.parseDouble(temperature.strip());
        double p = Double.parseDouble(topP.strip());
        return temp == 0 ? GenerationSettings.greedy(maxTokens) : GenerationSettings.sampling(maxTokens, temp, p, seed);
    }

    /** What both sides share, e.g. "Both sides: seed 0, greedy, up to 40 tokens". */
    public static String describe(GenerationSettings settings) {
        return String.format(Locale.ROOT, "Both sides: seed %d, %s, up to %d tokens", settings.seed(),
                settings.temperature() == 0 ? "greedy"
                        : "temperature " + settings.temperature() + ", top-p " + settings.topP(),
                settings.maxNewTokens());
    }

    /** Fewer new tokens when a model with learned positions has no room for all of them after the prompt. */
    public static GenerationSettings fitContext(HookedTransformer model, int promptLength,
            GenerationSettings settings) {
        if (!model.spec().learnedPositions()) {
            return settings;
        }
        int room = model.spec().maxPositions() - promptLength;
        if (room < 1) {
            throw new IllegalArgumentException("the prompt has " + promptLength + " tokens; the model has only "
                    + model.spec().maxPositions() + " positions");
        }
        return room >= settings.maxNewTokens() ? settings
                : new GenerationSettings(room, settings.temperature(), settings.topP(), settings.seed(),
                        settings.stopTokens(), settings.useKvCache());
    }

    /** The read-out of {@code prompt}: unsteered and steered logit differences of the two answers. */
    public static PromptReadout readout(HookedTransformer model, String prompt, String answerA, String answerB,
            SteeringVector vector, HookSite site, double multiplier) {
        long[] tokens = model.tokenizer().encode(prompt);
        AnswerTokens answers = AnswerTokens.of(model.tokenizer(), answerA, answerB);
        return PromptReadout.compute(model, tokens, answers, vector, site, multiplier);
    }

    /** The read-out as the panel shows it. */
    public static String readoutText(String answerA, String answerB, PromptReadout readout) {
        return String.format(Locale.ROOT, "logit diff %s \u2212 %s: steered %+.3f \u00b7 unsteered %+.3f",
                answerA.strip(), answerB.strip(), readout.steered(), readout.unsteered());
    }

    /**
     * A generation's outcome.
     *
     * @param pair        the unsteered and steered generations
     * @param asked       the settings asked for
     * @param run         the settings run (fewer tokens when the model's positions ran out)
     * @param maxPositions the model's positions
     * @param residNorm   the prompt's mean residual norm at the steered site
     * @param coefficient the raw coefficient on the vector
     */
    public record Generated(SteeredGeneration.Pair pair, GenerationSettings asked, GenerationSettings run,
            int maxPositions, double residNorm, double coefficient) {

        public boolean cancelled() {
            return pair.steered().stopReason() == GenerationResult.StopReason.CANCELLED;
        }

        /** What the panel adds to {@link #describe} once the generation is done. */
        public String summary() {
            String limit = run.maxNewTokens() == asked.maxNewTokens() ? ""
                    : String.format(Locale.ROOT, " (%d fit the model's %d positions)", run.maxNewTokens(),
                            maxPositions);
            return limit + String.format(Locale.ROOT, "; coefficient %.4g (norm %.3g)%s", coefficient, residNorm,
                    cancelled() ? "; cancelled" : "");
        }
    }

    /**
     * Generates from {@code prompt} unsteered and steered ({@code multiplier} x the prompt's mean residual norm
     * along {@code vector} at {@code site}, every position), streaming tokens to {@code listener}.
     */
    public static Generated generate(HookedTransformer model, String prompt, GenerationSettings settings,
            SteeringVector vector, HookSite site, double multiplier, SteeredGeneration.Listener listener,
            BooleanSupplier cancelled) {
        long[] tokens = model.tokenizer().encode(prompt);
        GenerationSettings run = fitContext(model, tokens.length, settings);
        double norm = PromptReadout.residNorm(model, tokens, site);
        double coefficient = SteeringScale.coefficient(multiplier, norm, vector.norm());
        var steering = new SteeredGeneration.Steering(site, vector.values(), coefficient, Positions.all());
        SteeredGeneration.Pair pair = SteeredGeneration.generate(model, tokens, run, steering, listener, cancelled);
        return new Generated(pair, settings, run, model.spec().maxPositions(), norm, coefficient);
    }
}
