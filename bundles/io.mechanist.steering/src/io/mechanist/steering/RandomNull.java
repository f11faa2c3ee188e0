package io.mechanist.steering;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.function.BooleanSupplier;
import java.util.function.IntFunction;

import io.mechanist.core.hooks.HookSite;
import io.mechanist.runtime.HookedTransformer;
import io.mechanist.runtime.RunRequest;
import io.mechanist.runtime.RunResult;
import io.mechanist.runtime.intervention.AddVector;
import io.mechanist.runtime.intervention.InterventionPlan;

/**
 * The null distribution of a steering effect: many random directions of the steering vector's norm, each added at
 * the sweep's largest positive multiplier at every swept layer, on the same prompts. For each direction it keeps the
 * two outcomes the causal verdict judges ({@link CausalVerdict.Outcomes}). Before them it runs a sham: the vector
 * added with coefficient 0 must reproduce the unsteered logit differences (it fails loudly if not: an intervention
 * that changes the model when it adds nothing would make every comparison meaningless).
 *
 * @param directions   random directions per layer
 * @param seed         seed of the first direction (direction i of layer L uses {@code seed + 7919 L + i})
 * @param multiplier   the multiplier they were added at
 * @param meanShiftP   {@code [layer][direction]}: mean change of P(matching answer) from the unsteered value
 * @param netFlipRate  {@code [layer][direction]}: share of prompts flipped toward the matching answer minus the
 *                     share flipped away
 * @param shamMaxDifference largest |logit difference| change the sham (multiplier 0) caused
 */
public record RandomNull(int directions, long seed, double multiplier, double[][] meanShiftP, double[][] netFlipRate,
        double shamMaxDifference) {

    /** Directions used when none are given: enough for a t-based p-value below 0.05 / layers. */
    public static final int DEFAULT_DIRECTIONS = 20;

    /** The largest |logit difference| change a sham may cause (float32 round-off of a batched forward). */
    public static final double SHAM_TOLERANCE = 1e-3;

    /** One steered run of all held-out prompts: {@code values} times {@code coefficient} added at {@code site}. */
    public record Steer(String name, HookSite site, float[] values, double coefficient) {
    }

    /**
     * Runs the held-out prompts once under each of {@code steers} (at the sweep's steered positions, in its
     * batches) and returns each run's per-prompt logit difference (matching minus other answer), in order: on the
     * loaded model ({@link #onModel}), or spread over a distributed engine.
     */
    @FunctionalInterface
    public interface Runs {
        List<float[]> logitDiffs(List<Steer> steers, SteeringSweep.Progress progress, BooleanSupplier cancelled);
    }

    /** The runs on {@code model}, one after another. */
    public static Runs onModel(HookedTransformer model, List<AbPrompt> prompts, AnswerTokens answers,
            SweepConfig config) {
        List<long[]> tokens = prompts.stream().map(AbPrompt::tokens).toList();
        return (steers, progress, cancelled) -> {
            RunRequest base = RunRequest.builder(tokens).batchSize(config.batchSize()).cancelled(cancelled).build();
            List<float[]> out = new ArrayList<>();
            for (Steer steer : steers) {
                if (cancelled.getAsBoolean()) {
                    throw new CancellationException("random null cancelled after " + out.size() + " of "
                            + steers.size() + " runs");
                }
                RunResult result = model.sweep(base, List.of(InterventionPlan.of(steer.name(),
                        new AddVector(steer.site(), config.steerPositions(), steer.values(), steer.coefficient()))))
                        .get(0);
                out.add(SteeringSweep.metrics(result, prompts, answers)[2]);
                report(progress, out.size(), steers.size());
            }
            return out;
        };
    }

    /**
     * @throws IllegalStateException when the sham changes the unsteered logit differences by more than
     *     {@link #SHAM_TOLERANCE}
     * @throws CancellationException when {@code cancelled} turns true
     */
    public static RandomNull run(HookedTransformer model, List<AbPrompt> prompts, AnswerTokens answers,
            SweepResult sweep, IntFunction<SteeringVector> vectorForLayer, int directions, long seed,
            SteeringSweep.Progress progress, BooleanSupplier cancelled) {
        return run(onModel(model, prompts, answers, sweep.config()), sweep, vectorForLayer, directions, seed, progress,
                cancelled);
    }

    /** {@link #run(HookedTransformer, List, AnswerTokens, SweepResult, IntFunction, int, long, SteeringSweep.Progress, BooleanSupplier)} with the forward passes made by {@code runs}. */
    public static RandomNull run(Runs runs, SweepResult sweep, IntFunction<SteeringVector> vectorForLayer,
            int directions, long seed, SteeringSweep.Progress progress, BooleanSupplier cancelled) {
        if (directions < 2) {
            throw new IllegalArgumentException("a random null needs at least 2 directions, got " + directions);
        }
        BooleanSupplier cancel = cancelled == null ? () -> false : cancelled;
        SweepConfig config = sweep.config();
        int m = CausalVerdict.effectMultiplierIndex(config.multipliers());
        double multiplier = config.multipliers()[m];
        int layers = config.layers().size();
        int total = 1 + layers * directions;

        SteeringVector first = vectorForLayer.apply(config.layers().get(0));
        HookSite firstSite = HookSite.of(config.point(), config.layers().get(0));
        float[] shamDiff = runs.logitDiffs(List.of(new Steer("sham@" + firstSite.id(), firstSite, first.values(), 0.0)),
                (done, of) -> report(progress, done, total), cancel).get(0);
        double shamMax = 0;
        for (int p = 0; p < shamDiff.length; p++) {
            shamMax = Math.max(shamMax, Math.abs(shamDiff[p] - sweep.baselineLogitDiff()[p]));
        }
        if (!(shamMax <= SHAM_TOLERANCE)) {
            throw new IllegalStateException("sham steering (multiplier 0 at " + firstSite.id()
                    + ") changed the logit difference by " + shamMax + ": the intervention is not clean");
        }

        List<Steer> nulls = new ArrayList<>();
        for (int l = 0; l < layers; l++) {
            int layer = config.layers().get(l);
            SteeringVector v = vectorForLayer.apply(layer);
            HookSite site = HookSite.of(config.point(), layer);
            double coefficient = SteeringScale.coefficient(multiplier, sweep.meanResidNorm()[l], v.norm());
            for (int i = 0; i < directions; i++) {
                SteeringVector random = SteeringVectors.randomLike(v, seed + 7919L * layer + i);
                nulls.add(new Steer("null" + i + "@" + site.id(), site, random.values(), coefficient));
            }
        }
        List<float[]> steered = runs.logitDiffs(nulls, (done, of) -> report(progress, 1 + done, total), cancel);
        double[][] shift = new double[layers][directions];
        double[][] flips = new double[layers][directions];
        for (int l = 0; l < layers; l++) {
            for (int i = 0; i < directions; i++) {
                CausalVerdict.Outcomes o = CausalVerdict.Outcomes.of(sweep.baselineLogitDiff(),
                        steered.get(l * directions + i), null);
                shift[l][i] = o.meanShiftP();
                flips[l][i] = o.netFlipRate();
            }
        }
        return new RandomNull(directions, seed, multiplier, shift, flips, shamMax);
    }

    private static void report(SteeringSweep.Progress progress, int done, int total) {
        if (progress != null) {
            progress.done(done, total);
        }
    }
}
