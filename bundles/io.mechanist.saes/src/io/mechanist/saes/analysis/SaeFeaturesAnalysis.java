package io.mechanist.saes.analysis;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.SubMonitor;

import io.mechanist.core.activations.ActivationSet;
import io.mechanist.core.analysis.Analysis;
import io.mechanist.core.analysis.AnalysisContext;
import io.mechanist.core.analysis.AnalysisException;
import io.mechanist.core.analysis.AnalysisOutput;
import io.mechanist.core.analysis.AnalysisParameters;
import io.mechanist.core.hooks.HookSite;
import io.mechanist.saes.SaeFolder;
import io.mechanist.saes.SparseAutoencoder;
import io.mechanist.saes.features.FeatureDashboards;
import io.mechanist.saes.features.FeatureStatistics;
import io.mechanist.saes.features.Unembedding;

/**
 * Feature activations of an SAE on a capture ({@value #ID}): per feature its density, largest and mean activation,
 * top-activating tokens with context and its decoder direction's top logit effects; optionally one feature's
 * decoder direction as a stored vector for the steering sweep. See plugin.xml.
 */
public final class SaeFeaturesAnalysis implements Analysis {
    public static final String ID = "io.mechanist.saes.features";
    /** The vector output: a feature's decoder direction. */
    public static final String DIRECTION = "featureDirection";
    /** The array of every feature as a row over the positions of the prompt given by {@code prompt}. */
    public static final String PROMPT_ROWS = "promptActivations";

    @Override
    public AnalysisOutput run(AnalysisContext context, IProgressMonitor monitor) throws AnalysisException {
        AnalysisParameters p = context.parameters();
        SubMonitor progress = SubMonitor.convert(monitor, "SAE features", 100);
        ActivationSet capture = context.capture("activations");
        try {
            SaeFolder folder = SaeFolder.load(Path.of(p.getString("sae")));
            SparseAutoencoder sae = folder.sae();
            String siteText = p.isSet("site") ? p.getString("site").trim() : "";
            HookSite site = siteText.isEmpty() ? sae.config().site() : HookSite.parse(siteText);
            Optional<Path> model = p.isSet("model") && !p.getString("model").isBlank()
                    ? Optional.of(Path.of(p.getString("model"))) : capture.modelFolder();
            Unembedding unembedding = model.isPresent() ? Unembedding.read(model.get()) : null;
            FeatureDashboards dashboards = new FeatureDashboards(sae, capture, site.id(), p.getInt("maxPrompts"),
                    p.getInt("topExamples"), 20, unembedding);
            progress.worked(80);
            AnalysisOutput out = output(dashboards, p.getInt("topLogits"));
            int prompt = p.getInt("prompt");
            if (prompt < 0 || prompt >= capture.promptCount()) {
                throw new AnalysisException("prompt " + prompt + " is not in 0.." + (capture.promptCount() - 1));
            }
            // every feature as a row over the prompt's captured positions: the generic Result view shows it as a
            // heatmap beside the prompt's tokens
            int positions = capture.positions(prompt).length;
            float[] byPosition = new float[sae.dSae() * positions];
            for (int j = 0; j < sae.dSae(); j++) {
                System.arraycopy(dashboards.valuesOver(j, prompt), 0, byPosition, j * positions, positions);
            }
            out.array(PROMPT_ROWS, List.of("feature", "position"), new int[] {sae.dSae(), positions},
                    byPosition);
            out.note("prompt", Integer.toString(prompt));
            int steer = p.getInt("steerFeature");
            if (steer >= 0) {
                if (steer >= sae.dSae()) {
                    throw new AnalysisException("steerFeature " + steer + " is not a feature (d_sae is " + sae.dSae() + ")");
                }
                out.vector(DIRECTION, site.id(), "sae-decoder", sae.decoderDirection(steer),
                        Map.of("feature", Integer.toString(steer), "sae", folder.folder().toString(),
                                "hookName", sae.config().hookName()));
            }
            out.note("site", site.id());
            out.note("sae", folder.folder().toString());
            out.note("rows", Integer.toString(dashboards.statistics().rows()));
            return out;
        } catch (IllegalArgumentException e) {
            throw new AnalysisException(e.getMessage(), e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static AnalysisOutput output(FeatureDashboards dashboards, int topLogits) {
        FeatureStatistics stats = dashboards.statistics();
        int n = stats.features();
        double[] index = new double[n];
        double[] density = new double[n];
        double[] max = new double[n];
        double[] mean = new double[n];
        String[] topExample = new String[n];
        String[] positive = new String[n];
        String[] negative = new String[n];
        List<Double> exFeature = new ArrayList<>();
        List<Double> exRank = new ArrayList<>();
        List<Double> exPrompt = new ArrayList<>();
        List<Double> exPosition = new ArrayList<>();
        List<Double> exValue = new ArrayList<>();
        List<String> exContext = new ArrayList<>();
        for (int j = 0; j < n; j++) {
            index[j] = j;
            density[j] = stats.density(j);
            max[j] = stats.maxActivation()[j];
            mean[j] = stats.meanNonZero(j);
            List<FeatureStatistics.Example> examples = stats.top().get(j);
            topExample[j] = examples.isEmpty() ? "" : dashboards.context(examples.get(0));
            for (int r = 0; r < examples.size(); r++) {
                FeatureStatistics.Example e = examples.get(r);
                exFeature.add((double) j);
                exRank.add((double) r);
                exPrompt.add((double) e.prompt());
                exPosition.add((double) e.position());
                exValue.add((double) e.value());
                exContext.add(dashboards.context(e));
            }
            double[] effect = dashboards.logitEffect(j);
            positive[j] = effect == null ? "" : logits(dashboards, effect, topLogits, true);
            negative[j] = effect == null ? "" : logits(dashboards, effect, topLogits, false);
        }
        int bins = stats.histogram()[0].length;
        float[] histogram = new float[n * bins];
        for (int j = 0; j < n; j++) {
            for (int b = 0; b < bins; b++) {
                histogram[j * bins + b] = stats.histogram()[j][b];
            }
        }
        return new AnalysisOutput()
                .array("histogram", List.of("feature", "bin"), new int[] {n, bins}, histogram)
                .table("features", AnalysisOutput.numbers("feature", "", index),
                        AnalysisOutput.numbers("density", "share of rows", density),
                        AnalysisOutput.numbers("maxActivation", "", max),
                        AnalysisOutput.numbers("meanActivation", "where non-zero", mean),
                        AnalysisOutput.texts("topExample", topExample),
                        AnalysisOutput.texts("topLogits", positive),
                        AnalysisOutput.texts("bottomLogits", negative))
                .table("examples", AnalysisOutput.numbers("feature", "", unbox(exFeature)),
                        AnalysisOutput.numbers("rank", "", unbox(exRank)),
                        AnalysisOutput.numbers("prompt", "", unbox(exPrompt)),
                        AnalysisOutput.numbers("position", "", unbox(exPosition)),
                        AnalysisOutput.numbers("value", "", unbox(exValue)),
                        AnalysisOutput.texts("context", exContext.toArray(String[]::new)));
    }

    private static String logits(FeatureDashboards dashboards, double[] effect, int count, boolean positive) {
        StringBuilder text = new StringBuilder();
        for (int t : Unembedding.extremes(effect, count, positive)) {
            text.append(text.isEmpty() ? "" : ", ").append(dashboards.unembedding().tokens().get(t))
                    .append(String.format(Locale.ROOT, " %+.2f", effect[t]));
        }
        return text.toString();
    }

    private static double[] unbox(List<Double> values) {
        return values.stream().mapToDouble(Double::doubleValue).toArray();
    }
}
