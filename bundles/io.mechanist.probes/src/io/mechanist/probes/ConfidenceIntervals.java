package io.mechanist.probes;

import java.util.Arrays;
import java.util.SplittableRandom;

/** 95% intervals of a proportion over prompts. */
public final class ConfidenceIntervals {

    /** The 0.975 quantile of the standard normal distribution. */
    public static final double Z95 = 1.959963984540054;

    private ConfidenceIntervals() {
    }

    /**
     * Wilson score interval of {@code successes / n}: centre {@code (p + z^2/2n) / (1 + z^2/n)}, half-width
     * {@code z / (1 + z^2/n) * sqrt(p(1-p)/n + z^2/4n^2)}. Unlike the normal approximation it stays inside [0, 1]
     * and keeps close to nominal coverage for small n and p near 0 or 1.
     */
    public static Interval wilson(int successes, int n) {
        if (n < 0 || successes < 0 || successes > n) {
            throw new IllegalArgumentException("need 0 <= successes <= n, got " + successes + " of " + n);
        }
        if (n == 0) {
            return Interval.UNDEFINED;
        }
        double p = (double) successes / n;
        double z2 = Z95 * Z95;
        double denominator = 1 + z2 / n;
        double centre = (p + z2 / (2.0 * n)) / denominator;
        double half = Z95 / denominator * Math.sqrt(p * (1 - p) / n + z2 / (4.0 * n * n));
        return new Interval(Math.max(0, centre - half), Math.min(1, centre + half));
    }

    /**
     * Percentile bootstrap interval of {@code sum(successes) / sum(counts)} resampling units (prompts, or groups of
     * prompts) with replacement. {@code successes[u]} and {@code counts[u]} describe unit {@code u}.
     */
    public static Interval bootstrap(int[] successes, int[] counts, int resamples, long seed) {
        int units = successes.length;
        if (counts.length != units) {
            throw new IllegalArgumentException("successes and counts differ in length: " + units + " vs "
                    + counts.length);
        }
        if (units == 0) {
            return Interval.UNDEFINED;
        }
        SplittableRandom random = new SplittableRandom(seed);
        double[] accuracies = new double[resamples];
        for (int b = 0; b < resamples; b++) {
            long s = 0;
            long c = 0;
            for (int i = 0; i < units; i++) {
                int u = random.nextInt(units);
                s += successes[u];
                c += counts[u];
            }
            accuracies[b] = c == 0 ? Double.NaN : (double) s / c;
        }
        Arrays.sort(accuracies); // NaN sorts last; they only arise when every drawn unit is empty
        return new Interval(quantile(accuracies, 0.025), quantile(accuracies, 0.975));
    }

    /** Bootstrap over prompts given per-prompt correctness. */
    public static Interval bootstrapPrompts(boolean[] correct, int resamples, long seed) {
        int[] s = new int[correct.length];
        int[] c = new int[correct.length];
        for (int i = 0; i < correct.length; i++) {
            s[i] = correct[i] ? 1 : 0;
            c[i] = 1;
        }
        return bootstrap(s, c, resamples, seed);
    }

    private static double quantile(double[] sorted, double q) {
        double position = q * (sorted.length - 1);
        int below = (int) Math.floor(position);
        int above = Math.min(sorted.length - 1, below + 1);
        double fraction = position - below;
        return sorted[below] + fraction * (sorted[above] - sorted[below]);
    }
}
