package io.mechanist.probes;

import java.util.EnumSet;
import java.util.Set;

/**
 * Settings of a probe analysis.
 *
 * @param folds               k of the grouped k-fold split (at least 2)
 * @param l2                  L2 penalty {@code lambda} of the logistic objective
 *                            {@code mean_i log(1 + exp(-y_i (w.x_i + b))) + lambda/2 |w|^2} on standardised
 *                            activations (scikit-learn's C is {@code 1 / (lambda * n_train)}); the bias is not
 *                            penalised
 * @param methods             probe families to run
 * @param interval            how accuracy intervals are computed
 * @param bootstrapResamples  resamples of the bootstrap intervals
 * @param seed                seed of the fold assignment, the control labels and the bootstrap
 * @param controlTask         whether to train the same probes on permuted labels (control task) for selectivity
 * @param controlPermutations how many label permutations the control task averages (each within the folds, so
 *                            every fold keeps the real labels' class counts)
 * @param foldRepeats         how many fold assignments (seeds {@code seed, seed+1, ...}) the cross-validation is
 *                            repeated with; the first gives the reported accuracy, all give its split spread
 * @param fitDirections       whether to fit each probe once more on all prompts of a cell and keep its direction
 * @param threads             worker threads over (layer, position) cells; results do not depend on it
 */
public record ProbeConfig(int folds, double l2, Set<ProbeMethod> methods, IntervalMethod interval,
        int bootstrapResamples, long seed, boolean controlTask, int controlPermutations, int foldRepeats,
        boolean fitDirections, int threads) {

    public ProbeConfig {
        if (folds < 2) {
            throw new ProbeInputException("k-fold needs k >= 2, got " + folds);
        }
        if (!(l2 > 0) || Double.isInfinite(l2)) {
            throw new ProbeInputException("L2 penalty must be a positive number, got " + l2);
        }
        if (methods == null || methods.isEmpty()) {
            throw new ProbeInputException("no probe method selected");
        }
        if (interval == null) {
            throw new ProbeInputException("no interval method selected");
        }
        if (interval.isBootstrap() && bootstrapResamples < 100) {
            throw new ProbeInputException("a bootstrap interval needs at least 100 resamples, got "
                    + bootstrapResamples);
        }
        if (controlPermutations < 1) {
            throw new ProbeInputException("the control task needs at least 1 permutation, got " + controlPermutations);
        }
        if (foldRepeats < 1) {
            throw new ProbeInputException("fold repeats must be >= 1, got " + foldRepeats);
        }
        if (threads < 1) {
            throw new ProbeInputException("threads must be >= 1, got " + threads);
        }
        methods = Set.copyOf(EnumSet.copyOf(methods));
    }

    /**
     * 5 folds repeated with 3 seeds, lambda 0.01, both methods, group-aware Wilson intervals, a control task
     * averaged over 5 permutations, directions, one thread per core.
     */
    public static ProbeConfig defaults() {
        return new ProbeConfig(5, 1e-2, EnumSet.allOf(ProbeMethod.class), IntervalMethod.GROUP_WILSON, 2000, 20240607L,
                true, 5, 3, true, Math.max(1, Runtime.getRuntime().availableProcessors()));
    }

    public ProbeConfig withFolds(int k) {
        return new ProbeConfig(k, l2, methods, interval, bootstrapResamples, seed, controlTask, controlPermutations,
                foldRepeats, fitDirections, threads);
    }

    public ProbeConfig withL2(double lambda) {
        return new ProbeConfig(folds, lambda, methods, interval, bootstrapResamples, seed, controlTask,
                controlPermutations, foldRepeats, fitDirections, threads);
    }

    public ProbeConfig withMethods(Set<ProbeMethod> m) {
        return new ProbeConfig(folds, l2, m, interval, bootstrapResamples, seed, controlTask, controlPermutations,
                foldRepeats, fitDirections, threads);
    }

    public ProbeConfig withInterval(IntervalMethod i, int resamples) {
        return new ProbeConfig(folds, l2, methods, i, resamples, seed, controlTask, controlPermutations, foldRepeats,
                fitDirections, threads);
    }

    public ProbeConfig withSeed(long s) {
        return new ProbeConfig(folds, l2, methods, interval, bootstrapResamples, s, controlTask, controlPermutations,
                foldRepeats, fitDirections, threads);
    }

    public ProbeConfig withControlTask(boolean on) {
        return new ProbeConfig(folds, l2, methods, interval, bootstrapResamples, seed, on, controlPermutations,
                foldRepeats, fitDirections, threads);
    }

    public ProbeConfig withControlPermutations(int permutations) {
        return new ProbeConfig(folds, l2, methods, interval, bootstrapResamples, seed, controlTask, permutations,
                foldRepeats, fitDirections, threads);
    }

    public ProbeConfig withFoldRepeats(int repeats) {
        return new ProbeConfig(folds, l2, methods, interval, bootstrapResamples, seed, controlTask,
                controlPermutations, repeats, fitDirections, threads);
    }

    public ProbeConfig withFitDirections(boolean on) {
        return new ProbeConfig(folds, l2, methods, interval, bootstrapResamples, seed, controlTask,
                controlPermutations, foldRepeats, on, threads);
    }

    public ProbeConfig withThreads(int t) {
        return new ProbeConfig(folds, l2, methods, interval, bootstrapResamples, seed, controlTask,
                controlPermutations, foldRepeats, fitDirections, t);
    }

    /** The methods in a stable order (declaration order of {@link ProbeMethod}). */
    public ProbeMethod[] orderedMethods() {
        return EnumSet.copyOf(methods).toArray(new ProbeMethod[0]);
    }
}
