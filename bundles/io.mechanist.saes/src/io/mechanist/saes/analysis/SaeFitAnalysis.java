package io.mechanist.saes.analysis;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CancellationException;

import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.OperationCanceledException;
import org.eclipse.core.runtime.SubMonitor;

import io.mechanist.core.activations.ActivationSet;
import io.mechanist.core.analysis.Analysis;
import io.mechanist.core.analysis.AnalysisContext;
import io.mechanist.core.analysis.AnalysisException;
import io.mechanist.core.analysis.AnalysisOutput;
import io.mechanist.core.analysis.AnalysisParameters;
import io.mechanist.core.hooks.HookSite;
import io.mechanist.runtime.HookedTransformer;
import io.mechanist.saes.SaeFolder;
import io.mechanist.saes.fit.FitCheck;
import io.mechanist.saes.fit.SplicedLoss;

/**
 * The SAE fit check as a contributed analysis ({@value #ID}); see plugin.xml for its inputs, parameters and
 * outputs. After {@link #run} the report is available from {@link #lastReport()} (for the CLI).
 */
public final class SaeFitAnalysis implements Analysis {
    public static final String ID = "io.mechanist.saes.fit";

    private FitCheck.Report lastReport;

    @Override
    public AnalysisOutput run(AnalysisContext context, IProgressMonitor monitor) throws AnalysisException {
        AnalysisParameters p = context.parameters();
        SubMonitor progress = SubMonitor.convert(monitor, "SAE fit check", 100);
        ActivationSet capture = context.capture("activations");
        try {
            SaeFolder folder = SaeFolder.load(Path.of(p.getString("sae")));
            String siteText = p.isSet("site") ? p.getString("site").trim() : "";
            HookSite site = siteText.isEmpty() ? folder.sae().config().site() : HookSite.parse(siteText);
            int maxPrompts = p.getInt("maxPrompts");
            Optional<SplicedLoss> spliced = Optional.empty();
            int splicePrompts = p.getInt("splicePrompts");
            if (splicePrompts > 0) {
                Path model = modelFolder(context, capture);
                List<long[]> tokens = new ArrayList<>();
                for (int i = 0; i < Math.min(splicePrompts, capture.promptCount()); i++) {
                    tokens.add(java.util.Arrays.stream(capture.prompts().get(i).tokenIds()).asLongStream().toArray());
                }
                progress.subTask("Splicing the reconstruction into " + model.getFileName());
                try (HookedTransformer transformer = HookedTransformer.load(model)) {
                    spliced = Optional.of(SplicedLoss.measure(transformer, folder.sae(), site, tokens,
                            progress::isCanceled));
                }
            }
            progress.worked(70);
            FitCheck.Report report = FitCheck.check(folder, capture, site, maxPrompts, spliced, thresholds(p));
            lastReport = report;
            return output(report, thresholds(p));
        } catch (CancellationException e) {
            throw new OperationCanceledException(e.getMessage());
        } catch (IllegalArgumentException e) {
            throw new AnalysisException(e.getMessage(), e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The report of the last completed run, or null. */
    public FitCheck.Report lastReport() {
        return lastReport;
    }

    private static FitCheck.Thresholds thresholds(AnalysisParameters p) {
        FitCheck.Thresholds d = FitCheck.Thresholds.defaults();
        return new FitCheck.Thresholds(p.getDouble("minExplainedVariance"), p.getDouble("minLossRecovered"),
                p.getDouble("denseDensity"), d.maxDeadFraction(), d.normRatioLow(), d.normRatioHigh(), d.l0RatioLow(),
                d.l0RatioHigh(), d.minDensityCorrelation(), d.betterLayerMargin(), d.expectedVarianceSlack());
    }

    private static Path modelFolder(AnalysisContext context, ActivationSet capture) throws AnalysisException {
        AnalysisParameters p = context.parameters();
        if (p.isSet("model") && !p.getString("model").isBlank()) {
            return Path.of(p.getString("model"));
        }
        return capture.modelFolder().orElseThrow(() -> new AnalysisException("no model for the spliced loss: capture "
                + capture.id() + " records no checkpoint folder; give the parameter 'model' or splicePrompts=0"));
    }

    static AnalysisOutput output(FitCheck.Report report, FitCheck.Thresholds thresholds) {
        Map<String, Double> metrics = report.metrics(thresholds);
        List<String> names = new ArrayList<>(metrics.keySet());
        List<Double> expected = new ArrayList<>();
        for (String name : names) {
            expected.add(switch (name) {
                case "meanL0" -> report.expectedL0();
                case "fractionVarianceExplained" -> report.expectedExplainedVariance();
                default -> Double.NaN;
            });
        }
        AnalysisOutput out = new AnalysisOutput()
                .table("fit", AnalysisOutput.texts("metric", names.toArray(String[]::new)),
                        AnalysisOutput.numbers("value", "", names.stream().mapToDouble(metrics::get).toArray()),
                        AnalysisOutput.numbers("expected", "recorded with the SAE",
                                expected.stream().mapToDouble(Double::doubleValue).toArray()))
                .table("findings",
                        AnalysisOutput.texts("severity", report.findings().stream()
                                .map(f -> f.severity().name().toLowerCase(java.util.Locale.ROOT)).toArray(String[]::new)),
                        AnalysisOutput.texts("finding", report.findings().stream().map(FitCheck.Finding::text)
                                .toArray(String[]::new)))
                .table("layers",
                        AnalysisOutput.texts("site", report.layers().stream().map(l -> l.site().id()).toArray(String[]::new)),
                        AnalysisOutput.numbers("fractionVarianceExplained", "",
                                report.layers().stream().mapToDouble(FitCheck.LayerFit::explainedVariance).toArray()),
                        AnalysisOutput.numbers("meanL0", "features",
                                report.layers().stream().mapToDouble(FitCheck.LayerFit::meanL0).toArray()));
        double[] density = report.stats().density();
        float[] values = new float[density.length];
        for (int j = 0; j < density.length; j++) {
            values[j] = (float) density[j];
        }
        out.array("featureDensity", List.of("feature"), new int[] {values.length}, values);
        out.note("verdict", report.verdict());
        out.note("site", report.site().id());
        out.note("sae", report.saeFolder());
        if (!Double.isNaN(report.densityCorrelation())) {
            out.note("densityCorrelation", Double.toString(report.densityCorrelation()));
        }
        return out;
    }
}
