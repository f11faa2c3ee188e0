package io.mechanist.ui.steering.internal;

import java.util.List;
import java.util.Locale;

import io.mechanist.steering.ProbeCausalTest.Verdict;

/** The verdict line of a sweep: does the behaviour move as predicted, per layer, for the vector and the control. */
public final class VerdictText {

    private VerdictText() {
    }

    /**
     * One clause per layer, e.g. {@code layer 3: probe direction moves as predicted: yes (slope +11 logit diff per
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
                out.append(vectorName).append(" moves as predicted: ").append(v.movesAsPredicted() ? "yes" : "no")
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
