package io.mechanist.saes.fit;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import io.mechanist.core.activations.ActivationSet;
import io.mechanist.core.hooks.HookSite;
import io.mechanist.saes.CaptureRows;
import io.mechanist.saes.ReconstructionStats;
import io.mechanist.saes.SaeConfig;
import io.mechanist.saes.SaeFolder;
import io.mechanist.saes.SparseAutoencoder;

/**
 * "Does this SAE fit this model?" on a capture: reconstruction at the SAE's own site, the same SAE at the capture's
 * other layers of that hook point (a mislabelled layer fits another layer better), the recorded expectations
 * (feature densities of sparsity.safetensors, the fraction of variance Mechanist recorded when it trained the SAE),
 * the spliced next-token loss when given, and a verdict with its reasons.
 */
public final class FitCheck {

    /** Thresholds of the verdict; see docs/saes.md for why these values. */
    public record Thresholds(double minExplainedVariance, double minLossRecovered, double denseDensity,
            double maxDeadFraction, double normRatioLow, double normRatioHigh, double l0RatioLow, double l0RatioHigh,
            double minDensityCorrelation, double betterLayerMargin, double expectedVarianceSlack) {

        public static Thresholds defaults() {
            return new Thresholds(0.5, 0.5, 0.1, 0.5, 0.7, 1.4, 0.5, 2.0, 0.5, 0.05, 0.1);
        }
    }

    /** A reason of the verdict. */
    public enum Severity {
        /** The SAE does not fit at its site. */
        FAIL,
        /** Something disagrees with the SAE's own record or suggests another site or normalisation. */
        DOUBT,
        /** For information. */
        NOTE
    }

    public record Finding(Severity severity, String text) {
    }

    /** Explained variance and L0 at one site of the capture. */
    public record LayerFit(HookSite site, double explainedVariance, double meanL0) {
    }

    /**
     * @param verdict "fits", "doubtful" or "does not fit"
     * @param expectedL0 the L0 the sparsity file implies (sum of recorded densities), NaN without one
     * @param densityCorrelation Spearman correlation of recorded and measured log densities, NaN without a file
     * @param spliced the spliced loss, empty when not measured
     */
    public record Report(String saeFolder, HookSite site, ReconstructionStats stats, List<LayerFit> layers,
            double expectedL0, double densityCorrelation, double expectedExplainedVariance,
            Optional<SplicedLoss> spliced, List<Finding> findings, String verdict) {

        /** Metric name -> measured value, for tables. */
        public Map<String, Double> metrics(Thresholds thresholds) {
            Map<String, Double> out = new LinkedHashMap<>();
            out.put("rows", (double) stats.rows());
            out.put("mse", stats.mse());
            out.put("fractionVarianceExplained", stats.explainedVariance());
            out.put("meanL0", stats.meanL0());
            out.put("deadFraction", stats.deadFraction());
            out.put("denseFraction", stats.denseFraction(thresholds.denseDensity()));
            out.put("normRatio", stats.meanReconstructionNorm() / stats.meanInputNorm());
            out.put("meanCosine", stats.meanCosine());
            spliced.ifPresent(s -> {
                out.put("cleanLoss", s.cleanLoss());
                out.put("splicedLoss", s.splicedLoss());
                out.put("ablatedLoss", s.ablatedLoss());
                out.put("lossIncrease", s.lossIncrease());
                out.put("lossRecovered", s.lossRecovered());
                out.put("klDivergence", s.klDivergence());
            });
            return out;
        }
    }

    private FitCheck() {
    }

    /**
     * Checks {@code folder}'s SAE on {@code capture} at {@code site} (null: the SAE's own site).
     *
     * @param spliced the spliced loss measured by the caller (it needs the model), or empty
     */
    public static Report check(SaeFolder folder, ActivationSet capture, HookSite site, int maxPrompts,
            Optional<SplicedLoss> spliced, Thresholds thresholds) {
        SparseAutoencoder sae = folder.sae();
        SaeConfig config = sae.config();
        HookSite at = site == null ? config.site() : site;
        if (!capture.hasSite(at.id())) {
            throw new IllegalArgumentException("capture " + capture.id() + " has no site " + at.id()
                    + " (the SAE's hook " + config.hookName() + "); it has " + capture.siteIds());
        }
        if (capture.rowWidth(at.id()) != sae.dIn()) {
            throw new IllegalArgumentException("site " + at.id() + " of capture " + capture.id() + " has width "
                    + capture.rowWidth(at.id()) + ", the SAE's d_in is " + sae.dIn() + ": it belongs to another model");
        }
        ReconstructionStats stats = ReconstructionStats.measure(sae, CaptureRows.read(capture, at.id(), maxPrompts)
                .values());
        List<LayerFit> layers = new ArrayList<>();
        for (String id : capture.siteIds()) {
            HookSite other = HookSite.parse(id);
            if (other.point() != at.point() || capture.rowWidth(id) != sae.dIn()) {
                continue;
            }
            ReconstructionStats there = other.equals(at) ? stats
                    : ReconstructionStats.measure(sae, CaptureRows.read(capture, id, maxPrompts).values());
            layers.add(new LayerFit(other, there.explainedVariance(), there.meanL0()));
        }
        layers.sort((a, b) -> Integer.compare(a.site().layer(), b.site().layer()));

        double expectedL0 = Double.NaN;
        double correlation = Double.NaN;
        if (folder.logDensity().isPresent()) {
            float[] logDensity = folder.logDensity().get();
            expectedL0 = 0;
            double[] recorded = new double[logDensity.length];
            double[] measured = new double[logDensity.length];
            for (int j = 0; j < logDensity.length; j++) {
                double density = Math.pow(10, logDensity[j]);
                expectedL0 += density;
                recorded[j] = logDensity[j];
                measured[j] = Math.log10(stats.density()[j] + 1e-10);
            }
            correlation = spearman(recorded, measured);
        }
        List<Finding> findings = judge(config, at, stats, layers, expectedL0, correlation, spliced, thresholds);
        String verdict = findings.stream().anyMatch(f -> f.severity() == Severity.FAIL) ? "does not fit"
                : findings.stream().anyMatch(f -> f.severity() == Severity.DOUBT) ? "doubtful" : "fits";
        return new Report(folder.folder().toString(), at, stats, List.copyOf(layers), expectedL0, correlation,
                config.expectedExplainedVariance(), spliced, List.copyOf(findings), verdict);
    }

    private static List<Finding> judge(SaeConfig config, HookSite at, ReconstructionStats stats,
            List<LayerFit> layers, double expectedL0, double correlation, Optional<SplicedLoss> spliced,
            Thresholds t) {
        List<Finding> findings = new ArrayList<>();
        double fve = stats.explainedVariance();
        if (!(fve >= t.minExplainedVariance())) {
            findings.add(new Finding(Severity.FAIL, String.format(Locale.ROOT,
                    "the reconstruction explains %.3f of the variance at %s (below %.2f): the hook, the layer, the "
                            + "normalisation or the model differ from what the SAE was trained on",
                    fve, at.id(), t.minExplainedVariance())));
        }
        LayerFit best = layers.stream().max((a, b) -> Double.compare(a.explainedVariance(), b.explainedVariance()))
                .orElse(null);
        if (best != null && !best.site().equals(at) && best.explainedVariance() > fve + t.betterLayerMargin()) {
            // an SAE minimises its error on its own layer's distribution: a clearly better fit elsewhere means
            // the recorded hook is not the one it was trained on
            findings.add(new Finding(Severity.FAIL,
                    String.format(Locale.ROOT, "the SAE fits %s better (explained variance %.3f against %.3f at %s): "
                            + "its hook name (%s) is likely off by %d layer(s)", best.site().id(),
                            best.explainedVariance(), fve, at.id(), config.hookName(),
                            best.site().layer() - at.layer())));
        }
        double normRatio = stats.meanReconstructionNorm() / stats.meanInputNorm();
        if (normRatio < t.normRatioLow() || normRatio > t.normRatioHigh()) {
            findings.add(new Finding(Severity.DOUBT, String.format(Locale.ROOT,
                    "reconstructions have %.2f times the input's mean norm: the input's scale differs from the "
                            + "SAE's (normalize_activations is %s; check it and any scaling factor)",
                    normRatio, config.normalization().configName())));
        }
        if (stats.deadFraction() > t.maxDeadFraction()) {
            findings.add(new Finding(Severity.DOUBT, String.format(Locale.ROOT,
                    "%.0f%% of the features never fire on these %d rows", 100 * stats.deadFraction(), stats.rows())));
        }
        if (!Double.isNaN(expectedL0) && expectedL0 > 0) {
            double ratio = stats.meanL0() / expectedL0;
            if (ratio < t.l0RatioLow() || ratio > t.l0RatioHigh()) {
                findings.add(new Finding(Severity.DOUBT, String.format(Locale.ROOT,
                        "mean L0 is %.2f where the SAE's recorded densities imply %.2f (ratio %.2f)",
                        stats.meanL0(), expectedL0, ratio)));
            }
        }
        if (!Double.isNaN(correlation) && correlation < t.minDensityCorrelation()) {
            findings.add(new Finding(Severity.DOUBT, String.format(Locale.ROOT,
                    "features fire with other frequencies than recorded (Spearman %.2f between recorded and measured "
                            + "log densities): different inputs, hook or model", correlation)));
        }
        double expected = config.expectedExplainedVariance();
        if (!Double.isNaN(expected) && fve < expected - t.expectedVarianceSlack()) {
            findings.add(new Finding(Severity.DOUBT, String.format(Locale.ROOT,
                    "explained variance %.3f is below the %.3f recorded when the SAE was trained", fve, expected)));
        }
        spliced.ifPresent(s -> {
            double recovered = s.lossRecovered();
            if (!Double.isNaN(recovered) && recovered < t.minLossRecovered()) {
                findings.add(new Finding(Severity.FAIL, String.format(Locale.ROOT,
                        "splicing the reconstruction into %s raises the next-token loss from %.3f to %.3f nats "
                                + "(zero-ablation: %.3f), recovering only %.2f of the loss",
                        at.id(), s.cleanLoss(), s.splicedLoss(), s.ablatedLoss(), recovered)));
            }
        });
        for (String note : config.notes()) {
            findings.add(new Finding(Severity.NOTE, note));
        }
        return findings;
    }

    /** Spearman's rank correlation (average ranks for ties). */
    static double spearman(double[] a, double[] b) {
        double[] ra = ranks(a);
        double[] rb = ranks(b);
        double ma = Arrays.stream(ra).average().orElse(0);
        double mb = Arrays.stream(rb).average().orElse(0);
        double sab = 0;
        double saa = 0;
        double sbb = 0;
        for (int i = 0; i < ra.length; i++) {
            sab += (ra[i] - ma) * (rb[i] - mb);
            saa += (ra[i] - ma) * (ra[i] - ma);
            sbb += (rb[i] - mb) * (rb[i] - mb);
        }
        return saa > 0 && sbb > 0 ? sab / Math.sqrt(saa * sbb) : Double.NaN;
    }

    private static double[] ranks(double[] values) {
        Integer[] order = new Integer[values.length];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        Arrays.sort(order, (x, y) -> Double.compare(values[x], values[y]));
        double[] ranks = new double[values.length];
        for (int i = 0; i < order.length;) {
            int j = i;
            while (j + 1 < order.length && values[order[j + 1]] == values[order[i]]) {
                j++;
            }
            double rank = (i + j) / 2.0;
            for (int m = i; m <= j; m++) {
                ranks[order[m]] = rank;
            }
            i = j + 1;
        }
        return ranks;
    }
}
