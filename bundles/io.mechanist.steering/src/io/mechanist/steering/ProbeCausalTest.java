package io.mechanist.steering;

import java.util.List;

/**
 * The causal test of a probe direction: steer along the probe's own weight vector and check that the behaviour
 * moves as the probe predicts. The probe predicts its positive label when {@code w.x + b > 0}; adding {@code +w}
 * must therefore raise the logit difference towards the positive label's answer (positive slope) and do so
 * monotonically in the multiplier, while the random control of equal norm should not.
 *
 * <p>Compute the sweep with {@link SteeringSweep#run} using {@link AbPrompt}s whose "matching" answer is the answer
 * of the probe's positive label, then call {@link #evaluate}.
 */
public final class ProbeCausalTest {

    /**
     * The verdict of one layer for one vector kind.
     *
     * @param slope least-squares slope of the mean logit difference against the multiplier
     * @param spearman Spearman rank correlation of mean logit difference and multiplier (1 = perfectly monotone
     *     increasing)
     * @param monotone whether every step between successive (sorted) multipliers increases the mean logit difference
     * @param movesAsPredicted positive slope and monotone
     */
    public record Verdict(String vector, int layer, double slope, double spearman, boolean monotone,
            boolean movesAsPredicted) {
    }

    private ProbeCausalTest() {
    }

    /** One verdict per vector kind and layer of {@code result}. */
    public static List<Verdict> evaluate(SweepResult result) {
        double[] multipliers = result.config().multipliers();
        Integer[] order = new Integer[multipliers.length];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        java.util.Arrays.sort(order, (a, b) -> Double.compare(multipliers[a], multipliers[b]));
        java.util.ArrayList<Verdict> out = new java.util.ArrayList<>();
        for (int k = 0; k < result.kinds(); k++) {
            for (int l = 0; l < result.config().layers().size(); l++) {
                double[] x = new double[order.length];
                double[] y = new double[order.length];
                for (int i = 0; i < order.length; i++) {
                    x[i] = multipliers[order[i]];
                    y[i] = result.meanLogitDiff(k, l, order[i]);
                }
                boolean monotone = true;
                for (int i = 1; i < y.length; i++) {
                    monotone &= y[i] > y[i - 1];
                }
                double slope = slope(x, y);
                out.add(new Verdict(SweepResult.VECTOR_KINDS.get(k), result.config().layers().get(l), slope,
                        spearman(x, y), monotone, slope > 0 && monotone));
            }
        }
        return out;
    }

    static double slope(double[] x, double[] y) {
        double mx = 0;
        double my = 0;
        for (int i = 0; i < x.length; i++) {
            mx += x[i] / x.length;
            my += y[i] / y.length;
        }
        double sxy = 0;
        double sxx = 0;
        for (int i = 0; i < x.length; i++) {
            sxy += (x[i] - mx) * (y[i] - my);
            sxx += (x[i] - mx) * (x[i] - mx);
        }
        return sxx == 0 ? Double.NaN : sxy / sxx;
    }

    static double spearman(double[] x, double[] y) {
        double[] rx = ranks(x);
        double[] ry = ranks(y);
        double mx = 0;
        double my = 0;
        for (int i = 0; i < x.length; i++) {
            mx += rx[i] / x.length;
            my += ry[i] / y.length;
        }
        double sxy = 0;
        double sxx = 0;
        double syy = 0;
        for (int i = 0; i < x.length; i++) {
            sxy += (rx[i] - mx) * (ry[i] - my);
            sxx += (rx[i] - mx) * (rx[i] - mx);
            syy += (ry[i] - my) * (ry[i] - my);
        }
        return sxx == 0 || syy == 0 ? Double.NaN : sxy / Math.sqrt(sxx * syy);
    }

    /** Average ranks (ties share their mean rank), 1-based. */
    private static double[] ranks(double[] v) {
        Integer[] idx = new Integer[v.length];
        for (int i = 0; i < idx.length; i++) {
            idx[i] = i;
        }
        java.util.Arrays.sort(idx, (a, b) -> Double.compare(v[a], v[b]));
        double[] r = new double[v.length];
        int i = 0;
        while (i < idx.length) {
            int j = i;
            while (j + 1 < idx.length && v[idx[j + 1]] == v[idx[i]]) {
                j++;
            }
            for (int t = i; t <= j; t++) {
                r[idx[t]] = (i + j) / 2.0 + 1;
            }
            i = j + 1;
        }
        return r;
    }
}
