package io.mechanist.ui.steering.internal;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import io.mechanist.steering.SweepResult;

/**
 * What the sweep charts plot, read from a {@link SweepResult} without any SWT: mean effect per layer and multiplier,
 * per-prompt quantiles of one layer, and the category labels of the multiplier axis.
 */
public final class SweepSeries {

    /** The effect on the value axis. */
    public enum Metric {
        PROBABILITY("P(matching answer)"), LOGIT_DIFF("Logit difference (matching - other)");

        private final String label;

        Metric(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    /** Per-prompt distribution of one cell: min, quartiles, max, and the mean. */
    public record Distribution(double min, double q1, double median, double q3, double max, double mean) {
    }

    private final SweepResult result;

    public SweepSeries(SweepResult result) {
        this.result = result;
    }

    public SweepResult result() {
        return result;
    }

    /** Multipliers as axis labels: "-1", "-0.5", "0", "+0.25". */
    public List<String> categories() {
        List<String> out = new ArrayList<>();
        for (double m : result.config().multipliers()) {
            out.add(multiplierLabel(m));
        }
        return out;
    }

    public static String multiplierLabel(double m) {
        if (m == 0) {
            return "0";
        }
        String plain = m == Math.rint(m) ? Long.toString((long) Math.abs(m))
                : new java.math.BigDecimal(Math.abs(m)).round(new java.math.MathContext(4)).stripTrailingZeros()
                        .toPlainString();
        return (m > 0 ? "+" : "-") + plain;
    }

    /** Mean effect per multiplier for one vector kind (0 steering, 1 control) and layer index. */
    public double[] means(Metric metric, int kind, int layerIndex) {
        int count = result.config().multipliers().length;
        double[] out = new double[count];
        for (int m = 0; m < count; m++) {
            out[m] = metric == Metric.PROBABILITY ? result.meanProbability(kind, layerIndex, m)
                    : result.meanLogitDiff(kind, layerIndex, m);
        }
        return out;
    }

    /** Per-prompt distribution per multiplier. */
    public List<Distribution> distributions(Metric metric, int kind, int layerIndex) {
        List<Distribution> out = new ArrayList<>();
        float[] array = metric == Metric.PROBABILITY ? result.probability() : result.logitDiff();
        for (int m = 0; m < result.config().multipliers().length; m++) {
            out.add(distribution(result.perPrompt(array, kind, layerIndex, m)));
        }
        return out;
    }

    /**
     * Histogram of the per-prompt change from the unsteered value at one multiplier: {@code labels} are the bins'
     * centres, {@code share[kind][bin]} the share of prompts in each bin, for the steering vector (0) and, when run,
     * the random control (1), on common bins. The axis labels only every {@link #HISTOGRAM_LABEL_STEP}-th centre.
     */
    public record Histogram(double multiplier, List<String> labels, double[][] share) {
    }

    /** Bins of the change histogram: centres at -10..+10 bin widths, so "no change" has a bin of its own. */
    public static final int HISTOGRAM_BINS = 21;
    /** Labelled bins on the axis: every fifth centre (-10, -5, 0, +5, +10 widths), readable side by side. */
    public static final int HISTOGRAM_LABEL_STEP = 5;

    /**
     * The histogram of per-prompt changes at {@code multiplierIndex} for one layer index, on bins centred at whole
     * multiples of a round width: 0.1 for P changes (centres -1.0, -0.9, ..., +1.0); for logit-difference changes
     * the smallest width of 1, 2 or 5 times a power of ten whose ten bins each side reach the largest change.
     */
    public Histogram shiftHistogram(Metric metric, int layerIndex, int multiplierIndex) {
        int n = result.promptCount();
        double[][] change = new double[result.kinds()][n];
        double largest = 0;
        for (int k = 0; k < result.kinds(); k++) {
            for (int p = 0; p < n; p++) {
                int at = result.index(k, layerIndex, multiplierIndex, p);
                double before = result.baselineLogitDiff()[p];
                change[k][p] = metric == Metric.PROBABILITY
                        ? result.probability()[at] - 1 / (1 + Math.exp(-before))
                        : result.logitDiff()[at] - before;
                largest = Math.max(largest, Math.abs(change[k][p]));
            }
        }
        int side = HISTOGRAM_BINS / 2;
        BigDecimal width = metric == Metric.PROBABILITY ? new BigDecimal("0.1") : roundWidth(largest / side);
        List<String> labels = new ArrayList<>();
        for (int b = 0; b < HISTOGRAM_BINS; b++) {
            BigDecimal centre = width.multiply(BigDecimal.valueOf(b - side)).stripTrailingZeros();
            labels.add((centre.signum() > 0 ? "+" : "") + centre.toPlainString());
        }
        double w = width.doubleValue();
        double[][] share = new double[result.kinds()][HISTOGRAM_BINS];
        for (int k = 0; k < result.kinds(); k++) {
            for (double c : change[k]) {
                long b = Math.round(c / w) + side;
                share[k][(int) Math.max(0, Math.min(HISTOGRAM_BINS - 1, b))] += 1.0 / n;
            }
        }
        return new Histogram(result.config().multipliers()[multiplierIndex], labels, share);
    }

    /** The smallest of 1, 2, 5 times a power of ten that is at least {@code atLeast} (1e-6 at the least). */
    static BigDecimal roundWidth(double atLeast) {
        double x = Math.max(atLeast, 1e-6);
        int exponent = (int) Math.floor(Math.log10(x));
        for (int e = exponent - 1; e <= exponent + 1; e++) {
            for (int mantissa : new int[] {1, 2, 5}) {
                BigDecimal candidate = BigDecimal.valueOf(mantissa).scaleByPowerOfTen(e);
                if (candidate.doubleValue() >= x) {
                    return candidate;
                }
            }
        }
        return BigDecimal.TEN.scaleByPowerOfTen(exponent + 1);
    }

    /** Quantiles by linear interpolation between order statistics (numpy's default). */
    public static Distribution distribution(float[] values) {
        double[] sorted = new double[values.length];
        double sum = 0;
        for (int i = 0; i < values.length; i++) {
            sorted[i] = values[i];
            sum += values[i];
        }
        Arrays.sort(sorted);
        return new Distribution(sorted[0], quantile(sorted, 0.25), quantile(sorted, 0.5), quantile(sorted, 0.75),
                sorted[sorted.length - 1], sum / values.length);
    }

    static double quantile(double[] sorted, double q) {
        double at = q * (sorted.length - 1);
        int low = (int) Math.floor(at);
        int high = Math.min(low + 1, sorted.length - 1);
        return sorted[low] + (at - low) * (sorted[high] - sorted[low]);
    }

    /** "wrong way: -1 3% · -0.5 5% · +0.5 4%" for the steering vector at one layer (multiplier 0 skipped). */
    public String wrongWaySummary(int layerIndex) {
        StringBuilder out = new StringBuilder();
        double[] multipliers = result.config().multipliers();
        for (int m = 0; m < multipliers.length; m++) {
            double share = result.wrongWayShare(0, layerIndex, m);
            if (Double.isNaN(share)) {
                continue;
            }
            if (out.length() > 0) {
                out.append(" \u00b7 ");
            }
            out.append(multiplierLabel(multipliers[m])).append(": ")
                    .append(String.format(Locale.ROOT, "%.0f%%", 100 * share));
        }
        return out.toString();
    }

    /** Tooltip text of one multiplier: raw coefficient and effect of every layer (and its control). */
    public String tooltip(int multiplierIndex) {
        double m = result.config().multipliers()[multiplierIndex];
        StringBuilder out = new StringBuilder("multiplier " + multiplierLabel(m) + " \u00d7 mean residual norm");
        for (int l = 0; l < result.config().layers().size(); l++) {
            for (int k = 0; k < result.kinds(); k++) {
                out.append(String.format(Locale.ROOT, "%nlayer %d%s: coefficient %.4g (|added| %.3g), P %.3f, logit diff %+.3f",
                        result.config().layers().get(l), k == 0 ? "" : " control", result.coefficient(k, l, multiplierIndex),
                        Math.abs(m) * result.meanResidNorm()[l], result.meanProbability(k, l, multiplierIndex),
                        result.meanLogitDiff(k, l, multiplierIndex)));
            }
        }
        return out.toString();
    }
}
