package io.mechanist.patching;

import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * The normalised patching metric of one grid cell and its bootstrap interval over pairs.
 * <p>
 * The cell's value is a ratio of means, {@code mean(patched - corrupted) / mean(clean - corrupted)} over the pairs
 * in the cell: 0 when patching changes nothing, 1 when it restores the clean logit difference. Averaging per-pair
 * ratios instead would let a pair whose clean and corrupted runs barely differ dominate the mean. The interval is
 * the percentile bootstrap of that ratio, resampling pairs (the unit of independence) with a fixed seed.
 */
public final class PairBootstrap {

    /**
     * @param value the ratio of means (NaN without pairs or when the mean clean-corrupted difference is 0)
     * @param low lower end of the 95% percentile interval
     * @param high upper end
     * @param n pairs in the cell
     */
    public record Cell(double value, double low, double high, int n) {
    }

    private PairBootstrap() {
    }

    /**
     * @param patched patched logit difference per pair (NaN: the pair is not in this cell)
     * @param clean clean logit difference per pair
     * @param corrupted corrupted logit difference per pair
     * @param resamples bootstrap resamples (0: no interval, bounds NaN)
     */
    public static Cell cell(double[] patched, double[] clean, double[] corrupted, int resamples, long seed) {
        int[] in = java.util.stream.IntStream.range(0, patched.length).filter(i -> !Double.isNaN(patched[i])).toArray();
        int n = in.length;
        double[] numerator = new double[n];
        double[] denominator = new double[n];
        for (int k = 0; k < n; k++) {
            numerator[k] = patched[in[k]] - corrupted[in[k]];
            denominator[k] = clean[in[k]] - corrupted[in[k]];
        }
        double value = ratio(numerator, denominator, null);
        if (n == 0 || resamples <= 0) {
            return new Cell(value, Double.NaN, Double.NaN, n);
        }
        SplittableRandom random = new SplittableRandom(seed);
        double[] draws = new double[resamples];
        int[] pick = new int[n];
        for (int b = 0; b < resamples; b++) {
            for (int k = 0; k < n; k++) {
                pick[k] = random.nextInt(n);
            }
            draws[b] = ratio(numerator, denominator, pick);
        }
        double[] finite = Arrays.stream(draws).filter(Double::isFinite).sorted().toArray();
        if (finite.length == 0) {
            return new Cell(value, Double.NaN, Double.NaN, n);
        }
        return new Cell(value, quantile(finite, 0.025), quantile(finite, 0.975), n);
    }

    /** The per-pair normalised value {@code (patched - corrupted) / (clean - corrupted)}. */
    public static double perPair(double patched, double clean, double corrupted) {
        return (patched - corrupted) / (clean - corrupted);
    }

    private static double ratio(double[] numerator, double[] denominator, int[] pick) {
        double top = 0;
        double bottom = 0;
        int n = pick == null ? numerator.length : pick.length;
        for (int k = 0; k < n; k++) {
            int i = pick == null ? k : pick[k];
            top += numerator[i];
            bottom += denominator[i];
        }
        return bottom == 0 ? Double.NaN : top / bottom;
    }

    /** Linear interpolation between order statistics (type 7, as numpy's default). */
    static double quantile(double[] sorted, double q) {
        double h = (sorted.length - 1) * q;
        int lo = (int) Math.floor(h);
        int hi = Math.min(lo + 1, sorted.length - 1);
        return sorted[lo] + (h - lo) * (sorted[hi] - sorted[lo]);
    }
}
