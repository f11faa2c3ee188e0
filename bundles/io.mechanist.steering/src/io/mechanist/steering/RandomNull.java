package io.mechanist.steering;

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

    /**
     * @throws IllegalStateException when the sham changes the unsteered logit differences by more than
     *     {@link #SHAM_TOLERANCE}
     * @throws CancellationException when {@code cancelled} turns true
     */
    public static RandomNull run(HookedTransformer model, List<AbPrompt> prompts, AnswerTokens answers,
            SweepResult sweep, IntFunction<SteeringVector> vectorForLayer, int directions, long seed,
            SteeringSweep.Progress progress, BooleanSupplier cancelled) {
        if (directions < 2) {
            throw new IllegalArgumentException("a random null needs at least 2 directions, got " + directions);
        }
        BooleanSupplier cancel = cancelled == null ? () -> false : cancelled;
        SweepConfig config = sweep.config();
        int m = CausalVerdict.effectMultiplierIndex(config.multipliers());
        double multiplier = config.multipliers()[m];
        List<long[]> tokens = prompts.stream().map(AbPrompt::tokens).toList();
        RunRequest base = RunRequest.builder(tokens).batchSize(config.batchSize()).cancelled(cancel).build();
        int layers = config.layers().size();
        int total = 1 + layers * directions;
        int done = 0;

        SteeringVector first = vectorForLayer.apply(config.layers().get(0));
        HookSite firstSite = HookSite.of(config.point(), config.layers().get(0));
        RunResult sham = model.sweep(base, List.of(InterventionPlan.of("sham@" + firstSite.id(),
                new AddVector(firstSite, config.steerPositions(), first.values(), 0.0)))).get(0);
        float[] shamDiff = SteeringSweep.metrics(sham, prompts, answers)[2];
        double shamMax = 0;
        for (int p = 0; p < shamDiff.length; p++) {
            shamMax = Math.max(shamMax, Math.abs(shamDiff[p] - sweep.baselineLogitDiff()[p]));
        }
        if (!(shamMax <= SHAM_TOLERANCE)) {
            throw new IllegalStateException("sham steering (multiplier 0 at " + firstSite.id()
                    + ") changed the logit difference by " + shamMax + ": the intervention is not clean");
        }
        report(progress, ++done, total);

        double[][] shift = new double[layers][directions];
        double[][] flips = new double[layers][directions];
        for (int l = 0; l < layers; l++) {
            int layer = config.layers().get(l);
            SteeringVector v = vectorForLayer.apply(layer);
            HookSite site = HookSite.of(config.point(), layer);
            double coefficient = SteeringScale.coefficient(multiplier, sweep.meanResidNorm()[l], v.norm());
            for (int i = 0; i < directions; i++) {
                if (cancel.getAsBoolean()) {
                    throw new CancellationException("random null cancelled after " + done + " of " + total + " runs");
                }
                SteeringVector random = SteeringVectors.randomLike(v, seed + 7919L * layer + i);
                RunResult result = model.sweep(base, List.of(InterventionPlan.of("null" + i + "@" + site.id(),
                        new AddVector(site, config.steerPositions(), random.values(), coefficient)))).get(0);
                float[] steered = SteeringSweep.metrics(result, prompts, answers)[2];
                CausalVerdict.Outcomes o = CausalVerdict.Outcomes.of(sweep.baselineLogitDiff(), steered, null);
                shift[l][i] = o.meanShiftP();
                flips[l][i] = o.netFlipRate();
                report(progress, ++done, total);
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
