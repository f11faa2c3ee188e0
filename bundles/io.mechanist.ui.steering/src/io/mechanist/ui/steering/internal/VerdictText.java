package io.mechanist.ui.steering.internal;

import java.util.List;
import java.util.Locale;

import io.mechanist.steering.ProbeCausalTest.Verdict;

/** The verdict line of a sweep: does the behaviour move as predicted, per layer, for the vector and the control. */
public final class VerdictText {

    private VerdictText() {
    }

    /**
     * The causal verdict per layer of the vector (the random control's own numbers follow it), e.g. {@code layer 3:
     * causal: no: P change +0.004 [-0.001, +0.009] (minimum 0.05), net flips +0.5% [...], random null of 20
     * directions ..., 12 of 400 prompts saturated (|margin| > 4): P change there +0.000, elsewhere +0.120}.
     */
    public static String causal(List<io.mechanist.steering.CausalVerdict.Verdict> verdicts) {
        StringBuilder out = new StringBuilder();
        for (io.mechanist.steering.CausalVerdict.Verdict v : verdicts) {
            if (!out.isEmpty()) {
                out.append("; ");
            }
            out.append(String.format(Locale.ROOT, "layer %d %s at multiplier %s: causal %s; %d of %d prompts "
                    + "saturated (|margin| > %.0f), P change there %+.3f, elsewhere %+.3f", v.layer(),
                    v.vector().equals("control") ? "random control" : "direction",
                    java.math.BigDecimal.valueOf(v.multiplier()).stripTrailingZeros().toPlainString(), v.reason(),
                    v.saturated(), v.n(), v.saturationMargin(), v.saturatedShiftP(), v.unsaturatedShiftP()));
        }
        return out.toString();
    }

    /**
     * The logit-difference trend per layer (a description, not a causal verdict: it can rise where no answer
     * changes), e.g. {@code layer 3: probe direction logit trend as predicted: yes (slope +11 logit diff per
     * unit multiplier, Spearman +1.00, monotone; 5.2x the random control's effect of 2.1 per prompt, excess >= +8.3
     * at 95%), random control of equal norm: slope -1.01, Spearman -1.00, monotone}.
     *
     * @param vectorName what the steering vector is, e.g. "probe direction"
     */
    public static String of(String vectorName, List<Verdict> verdicts) {
        StringBuilder out = new StringBuilder();
        List<Integer> layers = verdicts.stream().map(Verdict::layer).distinct().toList();
        for (int layer : layers) {
            if (!out.isEmpty()) {
                out.append("; ");
            }
            if (layers.size() > 1) {
                out.append("layer ").append(layer).append(": ");
            }
            for (Verdict v : verdicts) {
                if (v.layer() != layer) {
                    continue;
                }
                String trend = String.format(Locale.ROOT, "slope %+.3g logit diff per unit multiplier, Spearman %+.2f%s",
                        v.slope(), v.spearman(), v.monotone() ? ", monotone" : ", not monotone");
                if (v.isControl()) {
                    out.append(", random control of equal norm: ").append(trend);
                    continue;
                }
                out.append(vectorName).append(" logit trend as predicted: ").append(v.movesAsPredicted() ? "yes" : "no")
                        .append(" (").append(trend);
                if (!Double.isNaN(v.controlEffect())) {
                    out.append(String.format(Locale.ROOT,
                            "; %.2gx the random control's effect of %.3g per prompt, excess >= %+.3g at 95%%",
                            v.slope() / v.controlEffect(), v.controlEffect(), v.excessLow()));
                }
                out.append(')');
            }
        }
        return out.toString();
    }
}
