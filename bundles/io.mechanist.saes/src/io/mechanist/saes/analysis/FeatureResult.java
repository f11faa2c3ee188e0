package io.mechanist.saes.analysis;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

import io.mechanist.core.analysis.AnalysisOutput;
import io.mechanist.core.analysis.StoredResult;
import io.mechanist.core.analysis.StoredResultReader;

/**
 * A stored result of {@link SaeFeaturesAnalysis} read back as plain data (what the Features view shows).
 *
 * @param histogram per feature, counts in equal bins from 0 to its maxActivation
 */
public record FeatureResult(String resultId, String site, double[] density, double[] maxActivation,
        double[] meanActivation, String[] topExample, String[] topLogits, String[] bottomLogits,
        List<List<Example>> examples, float[][] histogram) {

    /** One top-activating token of a feature. */
    public record Example(int rank, int prompt, int position, double value, String context) {
    }

    public int features() {
        return density.length;
    }

    /** Reads result {@code resultId}; fails when it is not a result of {@value SaeFeaturesAnalysis#ID}. */
    public static FeatureResult read(StoredResultReader reader, String resultId) throws IOException {
        StoredResult result = reader.result(resultId);
        if (!SaeFeaturesAnalysis.ID.equals(result.analysisId())) {
            throw new IllegalArgumentException("result " + resultId + " is a result of " + result.analysisId()
                    + ", not of " + SaeFeaturesAnalysis.ID);
        }
        AnalysisOutput.Table features = result.table("features");
        int n = features.rowCount();
        List<List<Example>> examples = new ArrayList<>();
        for (int j = 0; j < n; j++) {
            examples.add(new ArrayList<>());
        }
        AnalysisOutput.Table table = result.table("examples");
        for (int r = 0; r < table.rowCount(); r++) {
            int feature = (int) table.column("feature").numbers()[r];
            examples.get(feature).add(new Example((int) table.column("rank").numbers()[r],
                    (int) table.column("prompt").numbers()[r], (int) table.column("position").numbers()[r],
                    table.column("value").numbers()[r], table.column("context").texts()[r]));
        }
        AnalysisOutput.ArrayData histogramData = reader.array(resultId, "histogram");
        int bins = histogramData.shape()[1];
        float[][] histogram = new float[n][bins];
        for (int j = 0; j < n; j++) {
            System.arraycopy(histogramData.values(), j * bins, histogram[j], 0, bins);
        }
        return new FeatureResult(resultId, result.notes().getOrDefault("site", ""),
                features.column("density").numbers(), features.column("maxActivation").numbers(),
                features.column("meanActivation").numbers(), features.column("topExample").texts(),
                features.column("topLogits").texts(), features.column("bottomLogits").texts(),
                examples.stream().map(List::copyOf).toList(), histogram);
    }
}
