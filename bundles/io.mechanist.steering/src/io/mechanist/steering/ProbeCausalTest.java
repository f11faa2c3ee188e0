package io.mechanist.steering;

import java.util.List;

/**
 * The causal test of a probe direction: steer along the probe's own weight vector and check that the behaviour
 * moves as the probe predicts. The probe predicts its positive label when {@code w.x + b > 0}; adding {@code +w}
 * must therefore raise the logit difference towards the positive label's answer (positive slope), monotonically in
 * the multiplier, and by more than the random control of equal norm moves it (compared prompt by prompt).
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
     * @param controlEffect the random control's effect at this layer: the mean over prompts of the absolute slope of
     *     a prompt's logit difference against the multiplier (a random direction has no predicted sign, so its size
     *     is what counts); NaN without a control, and for the control itself
     * @param excessLow lower end of the 95% interval of the mean over prompts of (this vector's slope - the
     *     control's absolute slope), paired by prompt; NaN without a control, and for the control itself
     * @param movesAsPredicted positive slope, monotone, and, when a control ran, beyond it ({@code excessLow > 0}):
     *     an effect that a random direction of the same norm also produces is not the direction's. For the control
     *     itself, which predicts nothing, only its own trend: positive slope and monotone
     */
    public record Verdict(String vector, int layer, double slope, double spearman, boolean monotone,
            double controlEffect, double excessLow, boolean movesAsPredicted) {

        /** Whether this is the random control's own trend (which has no predicted direction). */
        public boolean isControl() {
            return SweepResult.VECTOR_KINDS.indexOf(vector) == 1;
        }
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
        double[] x = new double[order.length];
        for (int i = 0; i < order.length; i++) {
            x[i] = multipliers[order[i]];
        }
        java.util.ArrayList<Verdict> out = new java.util.ArrayList<>();
        for (int k = 0; k < result.kinds(); k++) {
            for (int l = 0; l < result.config().layers().size(); l++) {
                double[] y = new double[order.length];
                for (int i = 0; i < order.length; i++) {
                    y[i] = result.meanLogitDiff(k, l, order[i]);
                }
                boolean monotone = true;
                for (int i = 1; i < y.length; i++) {
                    monotone &= y[i] > y[i - 1];
                }
                double slope = slope(x, y);
                double controlEffect = Double.NaN;
                double excessLow = Double.NaN;
                boolean beyondControl = true;
                if (k == 0 && result.kinds() > 1) {
                    double[] own = promptSlopes(result, 0, l, order, x);
                    double[] control = promptSlopes(result, 1, l, order, x);
                    double[] excess = new double[own.length];
                    double sumAbs = 0;
                    for (int p = 0; p < own.length; p++) {
                        sumAbs += Math.abs(control[p]);
                        excess[p] = own[p] - Math.abs(control[p]);
                    }
                    controlEffect = sumAbs / own.length;
                    excessLow = meanLowerBound95(excess);
                    beyondControl = excessLow > 0;
                }
                out.add(new Verdict(SweepResult.VECTOR_KINDS.get(k), result.config().layers().get(l), slope,
                        spearman(x, y), monotone, controlEffect, excessLow, slope > 0 && monotone && beyondControl));
            }
        }
        return out;
    }

    /** Each prompt's least-squares slope of its logit difference against the (sorted) multipliers. */
    private static double[] promptSlopes(SweepResult result, int kind, int layerIndex, Integer[] order, double[] x) {
        double[] slopes = new double[result.promptCount()];
        double[] y = new double[order.length];
        for (int p = 0; p < slopes.length; p++) {
            for (int i = 0; i < order.length; i++) {
                y[i] = result.logitDiff()[result.index(kind, layerIndex, order[i], p)];
            }
            slopes[p] = slope(x, y);
        }
        return slopes;
    }

    /**
     * Lower end of the two-sided 95% interval of the mean (normal approximation, mean - 1.96 standard errors; the
     * sweeps this serves have tens to hundreds of prompts). NaN for fewer than two values.
     */
    static double meanLowerBound95(double[] values) {
        int n = values.length;
        if (n < 2) {
            return Double.NaN;
        }
        double mean = 0;
        for (double v : values) {
            mean += v / n;
        }
        double ss = 0;
        for (double v : values) {
            ss += (v - mean) * (v - mean);
        }
        return mean - 1.96 * Math.sqrt(ss / (n - 1) / n);
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
