package io.mechanist.perturbation;

import java.util.Arrays;
import java.util.SplittableRandom;

import io.mechanist.probes.Interval;

/**
 * The noise scale at which a behaviour has lost half its effect: the effect at a scale is answer accuracy minus
 * chance (0.5 for two answers), the baseline is the effect at the first (smallest) scale, and the half point is where
 * the accuracy curve, linearly interpolated between the swept scales, first falls to half the baseline effect. Its
 * interval is a percentile bootstrap that resamples seeds and prompts independently (both are random factors of the
 * sweep); with few seeds it reflects the seed variation only roughly. A curve that never falls that far within the
 * swept scales gives +infinity ("beyond the largest scale").
 *
 * @param baselineEffect accuracy - 0.5 at the first scale
 * @param scale the half-effect scale, +infinity when not reached, NaN when there is no effect to lose
 * @param interval 95% bootstrap interval of {@code scale} (bounds may be +infinity)
 */
public record HalfEffect(double baselineEffect, double scale, Interval interval) {

    /** Below this baseline effect (5 points over chance) there is no behaviour whose loss could be measured. */
    public static final double MIN_EFFECT = 0.05;

    /**
     * @param correct {@code correct[scale][seed][prompt]} in {0, 1}, scales ascending
     */
    public static HalfEffect of(double[] scales, double[][][] correct, long bootstrapSeed, int replicates) {
        int seeds = correct[0].length;
        int prompts = correct[0][0].length;
        int[] allSeeds = new int[seeds];
        int[] allPrompts = new int[prompts];
        Arrays.setAll(allSeeds, i -> i);
        Arrays.setAll(allPrompts, i -> i);
        double[] accuracy = accuracy(correct, allSeeds, allPrompts);
        double baseline = accuracy[0] - 0.5;
        if (baseline < MIN_EFFECT) {
            return new HalfEffect(baseline, Double.NaN, Interval.UNDEFINED);
        }
        double point = crossing(scales, accuracy, baseline);
        SplittableRandom random = new SplittableRandom(bootstrapSeed);
        double[] draws = new double[replicates];
        int[] seedDraw = new int[seeds];
        int[] promptDraw = new int[prompts];
        for (int b = 0; b < replicates; b++) {
            for (int k = 0; k < seeds; k++) {
                seedDraw[k] = random.nextInt(seeds);
            }
            for (int p = 0; p < prompts; p++) {
                promptDraw[p] = random.nextInt(prompts);
            }
            double[] resampled = accuracy(correct, seedDraw, promptDraw);
            double effect = resampled[0] - 0.5;
            draws[b] = effect <= 0 ? 0 : crossing(scales, resampled, effect);
        }
        Arrays.sort(draws);
        double low = draws[(int) Math.floor(0.025 * (replicates - 1))];
        double high = draws[(int) Math.ceil(0.975 * (replicates - 1))];
        return new HalfEffect(baseline, point, new Interval(low, high));
    }

    private static double[] accuracy(double[][][] correct, int[] seeds, int[] prompts) {
        double[] out = new double[correct.length];
        for (int s = 0; s < correct.length; s++) {
            double sum = 0;
            for (int k : seeds) {
                for (int p : prompts) {
                    sum += correct[s][k][p];
                }
            }
            out[s] = sum / ((double) seeds.length * prompts.length);
        }
        return out;
    }

    /** Where accuracy - 0.5 first falls to half of {@code baseline}, interpolated; +infinity if it never does. */
    static double crossing(double[] scales, double[] accuracy, double baseline) {
        double target = 0.5 + baseline / 2;
        for (int i = 1; i < scales.length; i++) {
            if (accuracy[i] <= target) {
                double drop = accuracy[i - 1] - accuracy[i];
                double fraction = drop <= 0 ? 1 : (accuracy[i - 1] - target) / drop;
                return scales[i - 1] + Math.max(0, Math.min(1, fraction)) * (scales[i] - scales[i - 1]);
            }
        }
        return Double.POSITIVE_INFINITY;
    }
}
