package io.mechanist.steering;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.function.BooleanSupplier;
import java.util.function.IntFunction;

import io.mechanist.core.hooks.HookSite;
import io.mechanist.runtime.HookedTransformer;
import io.mechanist.runtime.ModelSpec;
import io.mechanist.runtime.RunRequest;
import io.mechanist.runtime.RunResult;
import io.mechanist.runtime.SiteActivations;
import io.mechanist.runtime.intervention.AddVector;
import io.mechanist.runtime.intervention.InterventionPlan;
import io.mechanist.runtime.intervention.Positions;

/**
 * Runs a steering sweep: held-out A/B prompts under a grid of layers x multipliers, one {@link InterventionPlan}
 * per grid cell executed by the runtime's batched forward ({@link HookedTransformer#sweep}), with a random control
 * direction of equal norm per layer. See {@link SweepResult} for what is measured.
 *
 * <p>The mean residual norm of a layer is measured on the held-out prompts themselves, unsteered, at the steered
 * hook site, averaged over every prompt token except the first (the first token's residual norm is typically
 * many times larger in GPT-2-style models and would dominate the mean).
 */
public final class SteeringSweep {

    /** Progress of a sweep, in forward passes over the whole prompt list. */
    @FunctionalInterface
    public interface Progress {
        void done(int runsDone, int runsTotal);
    }

    private SteeringSweep() {
    }

    /**
     * What {@link #run} checks before its first forward pass, against the model's shape alone: a process that
     * leaves the forward passes to others (a Spark driver) checks a sweep with the same messages without loading
     * the weights.
     *
     * @throws IllegalArgumentException for no prompts, a layer out of range, an answer outside the vocabulary, a
     *     vector whose width is not {@code d_model} or a zero vector
     */
    public static void check(ModelSpec spec, List<AbPrompt> prompts, AnswerTokens answers,
            IntFunction<SteeringVector> vectorForLayer, SweepConfig config) {
        if (prompts.isEmpty()) {
            throw new IllegalArgumentException("a steering sweep needs at least one held-out prompt");
        }
        int layerCount = spec.layerCount();
        for (int layer : config.layers()) {
            if (layer < 0 || layer >= layerCount) {
                throw new IllegalArgumentException("layer " + layer + " is out of range: the model has layers 0.."
                        + (layerCount - 1));
            }
        }
        int vocab = spec.vocabSize();
        if (answers.idA() < 0 || answers.idA() >= vocab || answers.idB() < 0 || answers.idB() >= vocab) {
            throw new IllegalArgumentException("answer token ids " + answers.idA() + ", " + answers.idB()
                    + " are outside the vocabulary of " + vocab);
        }
        for (int layer : config.layers()) {
            SteeringVector v = vectorForLayer.apply(layer);
            if (v.width() != spec.dModel()) {
                throw new IllegalArgumentException("steering vector for layer " + layer + " has width " + v.width()
                        + " but d_model is " + spec.dModel());
            }
            if (v.norm() == 0) {
                throw new IllegalArgumentException("steering vector for layer " + layer + " is zero");
            }
        }
    }

    /**
     * @param vectorForLayer the steering vector for a layer (e.g. a CAA vector built at that layer, or one vector for
     *     all)
     * @throws IllegalArgumentException for a layer out of range, no prompts, a zero vector or a width mismatch
     * @throws CancellationException when {@code cancelled} turns true (checked between grid cells)
     */
    public static SweepResult run(HookedTransformer model, List<AbPrompt> prompts, AnswerTokens answers,
            IntFunction<SteeringVector> vectorForLayer, SweepConfig config, Progress progress,
            BooleanSupplier cancelled) {
        check(model.spec(), prompts, answers, vectorForLayer, config);
        BooleanSupplier cancel = cancelled == null ? () -> false : cancelled;
        int layers = config.layers().size();
        int multipliers = config.multipliers().length;
        int kinds = config.control() ? 2 : 1;
        int n = prompts.size();
        float[][][] vectors = new float[kinds][layers][];
        double[][] norms = new double[kinds][layers];
        for (int l = 0; l < layers; l++) {
            int layer = config.layers().get(l);
            SteeringVector v = vectorForLayer.apply(layer);
            vectors[0][l] = v.values();
            norms[0][l] = v.norm();
            if (config.control()) {
                SteeringVector control = SteeringVectors.randomLike(v, config.controlSeed() + layer);
                vectors[1][l] = control.values();
                norms[1][l] = control.norm();
            }
        }
        List<long[]> tokens = prompts.stream().map(AbPrompt::tokens).toList();
        RunRequest base = RunRequest.builder(tokens).batchSize(config.batchSize()).cancelled(cancel).build();
        int totalRuns = 1 + kinds * layers * (int) java.util.Arrays.stream(config.multipliers()).filter(m -> m != 0).count();
        int runsDone = 0;

        // Unsteered pass: baseline answers and the mean residual norm at each steered site.
        List<HookSite> sites = config.layers().stream().map(l -> HookSite.of(config.point(), l)).toList();
        SteeringScale.MeanNorm[] norm = new SteeringScale.MeanNorm[layers];
        for (int l = 0; l < layers; l++) {
            norm[l] = new SteeringScale.MeanNorm();
        }
        RunResult baseline = model.run(RunRequest.builder(tokens).batchSize(config.batchSize()).capture(sites)
                .cancelled(cancel).sink((site, batch) -> {
                    SteeringScale.MeanNorm siteNorm = norm[sites.indexOf(site)];
                    for (SiteActivations a : batch) {
                        siteNorm.add(a);
                    }
                }).build());
        double[] meanNorm = new double[layers];
        for (int l = 0; l < layers; l++) {
            meanNorm[l] = norm[l].mean();
        }
        float[][] baseMetrics = metrics(baseline, prompts, answers);
        progress(progress, ++runsDone, totalRuns);

        int cells = kinds * layers * multipliers * n;
        float[] probability = new float[cells];
        float[] probabilityFull = new float[cells];
        float[] logitDiff = new float[cells];
        SweepResult shape = new SweepResult(config, n, meanNorm, norms, probability, probabilityFull, logitDiff,
                baseMetrics[2]);
        for (int k = 0; k < kinds; k++) {
            for (int l = 0; l < layers; l++) {
                HookSite site = sites.get(l);
                List<InterventionPlan> plans = new ArrayList<>();
                List<Integer> planMultiplier = new ArrayList<>();
                for (int m = 0; m < multipliers; m++) {
                    double multiplier = config.multipliers()[m];
                    if (multiplier == 0) {
                        copy(baseMetrics, shape, k, l, m, n);
                        continue;
                    }
                    double coefficient = shape.coefficient(k, l, m);
                    plans.add(InterventionPlan.of(SweepResult.VECTOR_KINDS.get(k) + "@" + site.id() + "x" + multiplier,
                            new AddVector(site, config.steerPositions(), vectors[k][l], coefficient)));
                    planMultiplier.add(m);
                }
                // one plan at a time through the runtime's sweep, so progress and cancel act between cells
                for (int i = 0; i < plans.size(); i++) {
                    if (cancel.getAsBoolean()) {
                        throw new CancellationException("steering sweep cancelled after " + runsDone + " of "
                                + totalRuns + " runs");
                    }
                    RunResult result = model.sweep(base, List.of(plans.get(i))).get(0);
                    copy(metrics(result, prompts, answers), shape, k, l, planMultiplier.get(i), n);
                    progress(progress, ++runsDone, totalRuns);
                }
            }
        }
        return shape;
    }

    private static void progress(Progress progress, int done, int total) {
        if (progress != null) {
            progress.done(done, total);
        }
    }

    private static void copy(float[][] metrics, SweepResult into, int k, int l, int m, int n) {
        int at = into.index(k, l, m, 0);
        System.arraycopy(metrics[0], 0, into.probability(), at, n);
        System.arraycopy(metrics[1], 0, into.probabilityFull(), at, n);
        System.arraycopy(metrics[2], 0, into.logitDiff(), at, n);
    }

    /**
     * Per prompt, at its last position: [0] P(matching) over the two answers, [1] P(matching) under the full softmax,
     * [2] the logit difference matching - other.
     */
    public static float[][] metrics(RunResult result, List<AbPrompt> prompts, AnswerTokens answers) {
        int n = prompts.size();
        float[][] out = new float[3][n];
        for (int p = 0; p < n; p++) {
            float[] logits = result.lastLogits().get(p);
            AnswerMetrics a = AnswerMetrics.of(logits, prompts.get(p).matchingIsA() ? answers.idA() : answers.idB(),
                    prompts.get(p).matchingIsA() ? answers.idB() : answers.idA());
            out[0][p] = (float) a.restrictedProbability();
            out[1][p] = (float) a.fullProbability();
            out[2][p] = (float) a.logitDiff();
        }
        return out;
    }

    /** Read-outs of one next-token distribution for a matching and an other answer token. */
    record AnswerMetrics(double restrictedProbability, double fullProbability, double logitDiff) {
        static AnswerMetrics of(float[] logits, long matching, long other) {
            double diff = (double) logits[(int) matching] - logits[(int) other];
            double max = Double.NEGATIVE_INFINITY;
            for (float x : logits) {
                max = Math.max(max, x);
            }
            double sum = 0;
            for (float x : logits) {
                sum += Math.exp(x - max);
            }
            double full = Math.exp(logits[(int) matching] - max) / sum;
            double restricted = 1 / (1 + Math.exp(-diff));
            return new AnswerMetrics(restricted, full, diff);
        }
    }

    /** Positions helper for callers: every position (CAA) or the last prompt token only. */
    public static Positions positions(String name) {
        return switch (name) {
            case "all" -> Positions.all();
            case "last" -> Positions.last();
            default -> throw new IllegalArgumentException("steer positions must be 'all' or 'last', not '" + name + "'");
        };
    }
}
