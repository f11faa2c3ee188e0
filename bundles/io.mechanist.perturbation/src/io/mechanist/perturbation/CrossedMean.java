package io.mechanist.perturbation;

import io.mechanist.probes.ConfidenceIntervals;
import io.mechanist.probes.Interval;

/**
 * The mean of a seeds x prompts table and its 95% interval when both are random: every prompt is measured under
 * every seed, so neither the seeds nor the prompts are independent replicates of the whole table. The variance of the
 * grand mean is estimated as {@code s_seed^2 / K + s_prompt^2 / P} (the variances of the K seed means and of the P
 * prompt means; each also carries a share of the residual, so the estimate errs on the wide side), with a Student t
 * quantile on Satterthwaite's degrees of freedom (rounded down). Treating the K x P values as independent would
 * ignore the seed-to-seed variation, which dominates when few seeds are run. With one seed the interval is over
 * prompts only and says nothing about other seeds.
 *
 * @param mean the grand mean
 * @param interval the 95% interval
 * @param degreesOfFreedom Satterthwaite's degrees of freedom of the variance estimate
 */
public record CrossedMean(double mean, Interval interval, double degreesOfFreedom) {

    /** @param values {@code values[seed][prompt]}, every row of the same length */
    public static CrossedMean of(double[][] values) {
        int seeds = values.length;
        int prompts = seeds == 0 ? 0 : values[0].length;
        if (seeds == 0 || prompts < 2) {
            throw new IllegalArgumentException("need at least one seed and two prompts, got " + seeds + " x " + prompts);
        }
        double[] seedMeans = new double[seeds];
        double[] promptMeans = new double[prompts];
        double total = 0;
        for (int k = 0; k < seeds; k++) {
            if (values[k].length != prompts) {
                throw new IllegalArgumentException("seed " + k + " has " + values[k].length + " prompts, seed 0 " + prompts);
            }
            for (int p = 0; p < prompts; p++) {
                seedMeans[k] += values[k][p] / prompts;
                promptMeans[p] += values[k][p] / seeds;
                total += values[k][p];
            }
        }
        double mean = total / ((double) seeds * prompts);
        double promptTerm = variance(promptMeans) / prompts;
        double seedTerm = seeds > 1 ? variance(seedMeans) / seeds : 0;
        double v = promptTerm + seedTerm;
        double df;
        if (v == 0) {
            return new CrossedMean(mean, new Interval(mean, mean), Double.POSITIVE_INFINITY);
        } else {
            double denominator = promptTerm * promptTerm / (prompts - 1)
                    + (seeds > 1 ? seedTerm * seedTerm / (seeds - 1) : 0);
            df = v * v / denominator;
        }
        double half = ConfidenceIntervals.studentT975((int) Math.max(1, Math.min(Math.floor(df), 1_000_000))) * Math.sqrt(v);
        return new CrossedMean(mean, new Interval(mean - half, mean + half), df);
    }

    private static double variance(double[] x) {
        double m = 0;
        for (double v : x) {
            m += v / x.length;
        }
        double s = 0;
        for (double v : x) {
            s += (v - m) * (v - m);
        }
        return s / (x.length - 1);
    }
}
