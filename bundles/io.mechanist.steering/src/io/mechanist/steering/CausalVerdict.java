package io.mechanist.steering;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import io.mechanist.probes.ConfidenceIntervals;
import io.mechanist.probes.Interval;

/**
 * The causal verdict of a steering sweep, judged on what a user cares about: whether answers change. At the sweep's
 * largest positive multiplier, per layer:
 * <ul>
 * <li>the change in P(matching answer) from each prompt's unsteered value, its mean with a 95% interval: a
 * cluster-robust t interval over prompt groups when prompts come in groups (the same question reworded moves
 * together), else the t interval over prompts;</li>
 * <li>the net flip rate: the share of prompts whose answer (the sign of the logit difference) turns to the matching
 * answer minus the share that turns away, with its interval;</li>
 * <li>each prompt's unsteered margin (logit difference): prompts beyond {@link Settings#saturationMargin} are
 * saturated, where a steady logit shift moves neither P nor the answer. The effect is stratified (reported for
 * saturated and unsaturated prompts apart); the verdict uses P and flips over all prompts, which saturated prompts
 * cannot inflate;</li>
 * <li>a null from many random directions of the vector's norm ({@link RandomNull}): the p-value of the mean P change
 * against them (t on their spread, {@code K - 1} degrees of freedom, one-sided), Holm-corrected across the layers.</li>
 * </ul>
 * "Yes" only when the Holm-corrected p-value is below {@link Settings#alpha} and either the lower 95% bound of the P
 * change reaches {@link Settings#minShiftP} or that of the net flip rate reaches {@link Settings#minFlipRate}.
 */
public final class CausalVerdict {

    /**
     * @param saturationMargin |unsteered logit difference| above which a prompt counts as saturated
     * @param minShiftP        the smallest mean change of P that counts as an effect
     * @param minFlipRate      the smallest net flip rate that counts as an effect
     * @param alpha            the level of the Holm-corrected test against the random null
     */
    public record Settings(double saturationMargin, double minShiftP, double minFlipRate, double alpha) {

        /** Margin 4 logits (P beyond 0.018..0.982), 0.05 change of P or 5% net flips, level 0.05. */
        public static Settings defaults() {
            return new Settings(4, 0.05, 0.05, 0.05);
        }
    }

    /**
     * The outcomes of one steered run against the unsteered one, over prompts.
     *
     * @param shiftP       per prompt, P(matching) steered - unsteered
     * @param flip         per prompt, +1 flipped to the matching answer, -1 flipped away, 0 unchanged
     * @param meanShiftP   mean of {@code shiftP}
     * @param netFlipRate  mean of {@code flip}
     */
    public record Outcomes(double[] shiftP, double[] flip, double meanShiftP, double netFlipRate) {

        /** @param keep prompts to use (null: all) */
        public static Outcomes of(float[] baselineLogitDiff, float[] steeredLogitDiff, boolean[] keep) {
            int n = 0;
            for (int p = 0; p < baselineLogitDiff.length; p++) {
                n += keep == null || keep[p] ? 1 : 0;
            }
            double[] shift = new double[n];
            double[] flip = new double[n];
            double shiftSum = 0;
            double flipSum = 0;
            int i = 0;
            for (int p = 0; p < baselineLogitDiff.length; p++) {
                if (keep != null && !keep[p]) {
                    continue;
                }
                double before = baselineLogitDiff[p];
                double after = steeredLogitDiff[p];
                shift[i] = sigmoid(after) - sigmoid(before);
                flip[i] = before <= 0 && after > 0 ? 1 : before > 0 && after <= 0 ? -1 : 0;
                shiftSum += shift[i];
                flipSum += flip[i];
                i++;
            }
            return new Outcomes(shift, flip, n == 0 ? Double.NaN : shiftSum / n, n == 0 ? Double.NaN : flipSum / n);
        }
    }

    /**
     * The verdict of one vector kind at one layer.
     *
     * @param multiplier        the multiplier judged (the sweep's largest positive one)
     * @param n                 prompts
     * @param saturationMargin  the |unsteered logit difference| beyond which a prompt counts as saturated
     * @param saturated         prompts whose unsteered |logit difference| exceeds the saturation margin
     * @param meanShiftP        mean change of P(matching answer), all prompts
     * @param shiftInterval     its 95% interval
     * @param netFlipRate       flips to the matching answer minus flips away, as a share of all prompts
     * @param flipInterval      its 95% interval
     * @param unsaturatedShiftP mean change of P on the unsaturated prompts (NaN when there are none)
     * @param saturatedShiftP   mean change of P on the saturated prompts (NaN when there are none)
     * @param nullMean          mean of the random directions' mean P change
     * @param nullSd            their standard deviation
     * @param nullDirections    how many random directions
     * @param p                 one-sided p-value of {@code meanShiftP} against the null
     * @param holmP             Holm-corrected across the kind's layers
     * @param yes               the verdict
     * @param reason            why, in words
     * @param interval          how the P change and flip rate intervals were computed ({@link #intervalMethod})
     */
    public record Verdict(String vector, int layer, double multiplier, int n, double saturationMargin, int saturated,
            double meanShiftP,
            Interval shiftInterval, double netFlipRate, Interval flipInterval, double unsaturatedShiftP,
            double saturatedShiftP, double nullMean, double nullSd, int nullDirections, double p, double holmP,
            boolean yes, String reason, String interval) {
    }

    private CausalVerdict() {
    }

    /** The index of the largest positive multiplier: the one the verdict judges. */
    public static int effectMultiplierIndex(double[] multipliers) {
        int best = -1;
        for (int i = 0; i < multipliers.length; i++) {
            if (multipliers[i] > 0 && (best < 0 || multipliers[i] > multipliers[best])) {
                best = i;
            }
        }
        if (best < 0) {
            throw new IllegalArgumentException("a causal verdict needs a positive multiplier, got "
                    + Arrays.toString(multipliers));
        }
        return best;
    }

    /**
     * How the intervals of the P change and net flip rate are computed for prompts in these groups: {@code
     * "cluster-robust t over G prompt groups"} when some group holds more than one prompt, else {@code "t over
     * prompts"}.
     *
     * @param promptGroup per prompt, its group (any ints), or null when every prompt stands alone
     */
    public static String intervalMethod(int[] promptGroup) {
        if (promptGroup == null) {
            return "t over prompts";
        }
        long groups = Arrays.stream(promptGroup).distinct().count();
        return groups < promptGroup.length ? "cluster-robust t over " + groups + " prompt groups" : "t over prompts";
    }

    /**
     * One verdict per vector kind and layer of {@code result}, judged against {@code randomNull}.
     *
     * @param promptGroup per prompt of the sweep, its group (prompts of one group are the same question reworded and
     *                    their answers move together): the intervals are cluster-robust over the groups; null when
     *                    every prompt stands alone
     */
    public static List<Verdict> evaluate(SweepResult result, int[] promptGroup, RandomNull randomNull,
            Settings settings) {
        if (promptGroup != null && promptGroup.length != result.promptCount()) {
            throw new IllegalArgumentException("the sweep has " + result.promptCount() + " prompts but "
                    + promptGroup.length + " prompt groups were given");
        }
        int m = effectMultiplierIndex(result.config().multipliers());
        if (randomNull.multiplier() != result.config().multipliers()[m]) {
            throw new IllegalArgumentException("the random null ran at multiplier " + randomNull.multiplier()
                    + ", the sweep's effect is judged at " + result.config().multipliers()[m]);
        }
        float[] baseline = result.baselineLogitDiff();
        boolean[] saturated = new boolean[baseline.length];
        boolean[] unsaturated = new boolean[baseline.length];
        int saturatedCount = 0;
        for (int p = 0; p < baseline.length; p++) {
            saturated[p] = Math.abs(baseline[p]) > settings.saturationMargin();
            unsaturated[p] = !saturated[p];
            saturatedCount += saturated[p] ? 1 : 0;
        }
        int[] groups = promptGroup;
        if (groups == null) {
            groups = new int[baseline.length];
            for (int p = 0; p < groups.length; p++) {
                groups[p] = p;
            }
        }
        String interval = intervalMethod(promptGroup);
        int layers = result.config().layers().size();
        List<Verdict> out = new ArrayList<>();
        for (int k = 0; k < result.kinds(); k++) {
            double[] pValues = new double[layers];
            Outcomes[] all = new Outcomes[layers];
            double[][] nullStats = new double[layers][];
            for (int l = 0; l < layers; l++) {
                float[] steered = result.perPrompt(result.logitDiff(), k, l, m);
                all[l] = Outcomes.of(baseline, steered, null);
                nullStats[l] = meanAndSd(randomNull.meanShiftP()[l]);
                int directions = randomNull.directions();
                double scale = nullStats[l][1] * Math.sqrt(1 + 1.0 / directions);
                double t = scale > 0 ? (all[l].meanShiftP() - nullStats[l][0]) / scale
                        : all[l].meanShiftP() > nullStats[l][0] ? Double.POSITIVE_INFINITY : 0;
                pValues[l] = Double.isInfinite(t) ? 0 : ConfidenceIntervals.studentTUpperTail(t, directions - 1);
            }
            double[] holm = holm(pValues);
            for (int l = 0; l < layers; l++) {
                float[] steered = result.perPrompt(result.logitDiff(), k, l, m);
                Interval shift = ConfidenceIntervals.meanInterval(all[l].shiftP(), groups);
                Interval flips = ConfidenceIntervals.meanInterval(all[l].flip(), groups);
                double unsat = Outcomes.of(baseline, steered, unsaturated).meanShiftP();
                double sat = Outcomes.of(baseline, steered, saturated).meanShiftP();
                boolean beyondNull = holm[l] < settings.alpha();
                boolean largeShift = shift.low() >= settings.minShiftP();
                boolean manyFlips = flips.low() >= settings.minFlipRate();
                boolean yes = beyondNull && (largeShift || manyFlips);
                String reason = String.format(java.util.Locale.ROOT,
                        "%s: P change %+.3f [%+.3f, %+.3f] (minimum %.2f), net flips %+.1f%% [%+.1f, %+.1f] "
                                + "(minimum %.0f%%; intervals %s), random null of %d directions %+.3f +- %.3f, Holm p %.3g %s %.2g",
                        yes ? "yes" : "no", all[l].meanShiftP(), shift.low(), shift.high(), settings.minShiftP(),
                        100 * all[l].netFlipRate(), 100 * flips.low(), 100 * flips.high(),
                        100 * settings.minFlipRate(), interval, randomNull.directions(), nullStats[l][0], nullStats[l][1],
                        holm[l], beyondNull ? "<" : ">=", settings.alpha());
                out.add(new Verdict(SweepResult.VECTOR_KINDS.get(k), result.config().layers().get(l),
                        result.config().multipliers()[m], baseline.length, settings.saturationMargin(), saturatedCount,
                        all[l].meanShiftP(), shift,
                        all[l].netFlipRate(), flips, unsat, sat, nullStats[l][0], nullStats[l][1],
                        randomNull.directions(), pValues[l], holm[l], yes, reason, interval));
            }
        }
        return out;
    }

    /** Holm's step-down adjustment: the i-th smallest p times (m - i), made monotone, capped at 1. */
    public static double[] holm(double[] p) {
        int m = p.length;
        Integer[] order = new Integer[m];
        for (int i = 0; i < m; i++) {
            order[i] = i;
        }
        Arrays.sort(order, (a, b) -> Double.compare(p[a], p[b]));
        double[] adjusted = new double[m];
        double running = 0;
        for (int i = 0; i < m; i++) {
            running = Math.max(running, Math.min(1, (m - i) * p[order[i]]));
            adjusted[order[i]] = running;
        }
        return adjusted;
    }

    private static double[] meanAndSd(double[] values) {
        double mean = 0;
        for (double v : values) {
            mean += v / values.length;
        }
        double ss = 0;
        for (double v : values) {
            ss += (v - mean) * (v - mean);
        }
        return new double[] {mean, values.length > 1 ? Math.sqrt(ss / (values.length - 1)) : Double.NaN};
    }

    private static double sigmoid(double x) {
        return 1 / (1 + Math.exp(-x));
    }
}
