package io.mechanist.ui.steering.internal;

import java.util.List;
import java.util.Locale;

import io.mechanist.steering.ProbeCausalTest.Verdict;

/** The verdict line of a sweep: does the behaviour move as predicted, per layer, for the vector and the control. */
public final class VerdictText {

    private VerdictText() {
    }

    /**
     * One clause per layer, e.g. {@code layer 3: probe direction moves as predicted: yes (slope +2.1 logit diff per
     * unit multiplier, Spearman +1.00, monotone), random control of equal norm moves as predicted: no (slope +0.03, ...)}.
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
                boolean control = v.vector().equals("control");
                out.append(control ? ", random control of equal norm moves as predicted: " : vectorName + " moves as predicted: ")
                        .append(v.movesAsPredicted() ? "yes" : "no")
                        .append(String.format(Locale.ROOT, " (slope %+.3g logit diff per unit multiplier, Spearman %+.2f%s)",
                                v.slope(), v.spearman(), v.monotone() ? ", monotone" : ""));
            }
        }
        return out.toString();
    }
}
