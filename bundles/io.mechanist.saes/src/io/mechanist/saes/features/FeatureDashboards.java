package io.mechanist.saes.features;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.mechanist.core.activations.ActivationSet;
import io.mechanist.core.activations.FloatMatrix;
import io.mechanist.core.activations.PromptInfo;
import io.mechanist.saes.CaptureRows;
import io.mechanist.saes.SparseAutoencoder;

/**
 * Feature dashboards from a capture: statistics, top examples with their prompt's tokens and the feature's value at
 * every captured position, and, given the model's unembedding, the decoder direction's top logit effects.
 */
public final class FeatureDashboards {
    /** Tokens shown before and after the top token in a context string. */
    private static final int CONTEXT_BEFORE = 6;
    private static final int CONTEXT_AFTER = 2;

    private final SparseAutoencoder sae;
    private final ActivationSet capture;
    private final String siteId;
    private final FeatureStatistics statistics;
    private final Unembedding unembedding;
    private final Map<Integer, float[][]> encodedPrompts = new HashMap<>();

    /** @param unembedding the model's unembedding, or null (no logit effects) */
    public FeatureDashboards(SparseAutoencoder sae, ActivationSet capture, String siteId, int maxPrompts, int topN,
            int bins, Unembedding unembedding) {
        this.sae = sae;
        this.capture = capture;
        this.siteId = siteId;
        this.statistics = FeatureStatistics.collect(sae, CaptureRows.read(capture, siteId, maxPrompts), topN, bins);
        if (unembedding != null && unembedding.dModel() != sae.dIn()) {
            throw new IllegalArgumentException("the model's d_model is " + unembedding.dModel() + ", the SAE's d_in "
                    + sae.dIn());
        }
        this.unembedding = unembedding;
    }

    public FeatureStatistics statistics() {
        return statistics;
    }

    /** The feature's activation at every captured position of {@code prompt}. */
    public float[] valuesOver(int feature, int prompt) {
        float[][] encoded = encodedPrompts.computeIfAbsent(prompt, p -> {
            FloatMatrix rows = capture.prompt(siteId, p);
            float[][] out = new float[rows.rows()][sae.dSae()];
            for (int r = 0; r < rows.rows(); r++) {
                sae.encode(rows.data(), r * sae.dIn(), out[r]);
            }
            return out;
        });
        float[] values = new float[encoded.length];
        for (int r = 0; r < encoded.length; r++) {
            values[r] = encoded[r][feature];
        }
        return values;
    }

    /** The prompt's tokens at its captured positions. */
    public List<String> tokensOf(int prompt) {
        PromptInfo info = capture.prompts().get(prompt);
        List<String> tokens = new ArrayList<>();
        for (int position : capture.positions(prompt)) {
            tokens.add(position < info.tokens().size() ? info.tokens().get(position) : "<" + position + ">");
        }
        return tokens;
    }

    /** The text around a top example, the example's token in brackets. */
    public String context(FeatureStatistics.Example example) {
        List<String> tokens = capture.prompts().get(example.prompt()).tokens();
        StringBuilder text = new StringBuilder();
        int from = Math.max(0, example.position() - CONTEXT_BEFORE);
        int to = Math.min(tokens.size(), example.position() + CONTEXT_AFTER + 1);
        if (from > 0) {
            text.append("... ");
        }
        for (int t = from; t < to; t++) {
            text.append(t == example.position() ? "[" + tokens.get(t) + "]" : tokens.get(t));
            text.append(t + 1 < to ? " " : "");
        }
        return text.append(to < tokens.size() ? " ..." : "").toString();
    }

    /** The direct logit effect of the feature's decoder direction, or null without an unembedding. */
    public double[] logitEffect(int feature) {
        return unembedding == null ? null : unembedding.logitEffect(sae.decoderDirection(feature));
    }

    public Unembedding unembedding() {
        return unembedding;
    }

    /** The Neuronpedia export of {@code features} with {@code logits} top and bottom logits each. */
    public List<NeuronpediaExport.Feature> neuronpedia(int[] features, int logits, int logitBins) {
        List<NeuronpediaExport.Feature> out = new ArrayList<>();
        for (int j : features) {
            List<String> posStr = List.of();
            List<String> negStr = List.of();
            double[] posValues = new double[0];
            double[] negValues = new double[0];
            double[] logitHeights = new double[0];
            double[] logitCentres = new double[0];
            double[] effect = logitEffect(j);
            if (effect != null) {
                int[] pos = Unembedding.extremes(effect, logits, true);
                int[] neg = Unembedding.extremes(effect, logits, false);
                posStr = ids(pos);
                negStr = ids(neg);
                posValues = pick(effect, pos);
                negValues = pick(effect, neg);
                double min = effect[neg[0]];
                double max = effect[pos[0]];
                logitHeights = new double[logitBins];
                logitCentres = new double[logitBins];
                double width = (max - min) / logitBins;
                for (int b = 0; b < logitBins; b++) {
                    logitCentres[b] = min + (b + 0.5) * width;
                }
                for (double v : effect) {
                    int b = width > 0 ? (int) Math.min(logitBins - 1, Math.floor((v - min) / width)) : 0;
                    logitHeights[b]++;
                }
            }
            int[] histogram = statistics.histogram()[j];
            double[] freqHeights = new double[histogram.length];
            double[] freqCentres = new double[histogram.length];
            for (int b = 0; b < histogram.length; b++) {
                freqHeights[b] = histogram[b];
                freqCentres[b] = statistics.maxActivation()[j] * (b + 0.5) / histogram.length;
            }
            List<NeuronpediaExport.Activation> activations = new ArrayList<>();
            for (FeatureStatistics.Example example : statistics.top().get(j)) {
                activations.add(new NeuronpediaExport.Activation(example.prompt(), tokensOf(example.prompt()),
                        valuesOver(j, example.prompt())));
            }
            out.add(new NeuronpediaExport.Feature(j, statistics.density(j), statistics.maxActivation()[j], posStr,
                    posValues, negStr, negValues, freqHeights, freqCentres, logitHeights, logitCentres, activations));
        }
        return out;
    }

    private List<String> ids(int[] tokens) {
        List<String> out = new ArrayList<>();
        for (int t : tokens) {
            out.add(unembedding.tokens().get(t));
        }
        return out;
    }

    private static double[] pick(double[] values, int[] at) {
        double[] out = new double[at.length];
        for (int i = 0; i < at.length; i++) {
            out[i] = values[at[i]];
        }
        return out;
    }
}
