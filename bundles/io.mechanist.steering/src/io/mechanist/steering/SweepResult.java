package io.mechanist.steering;

import java.util.ArrayList;
import java.util.List;

/**
 * The numbers of a steering sweep. Per-prompt arrays are indexed {@code [vector, layer, multiplier, prompt]} with
 * vector 0 = the steering vector and 1 = the random control (absent without control).
 * <ul>
 * <li>{@code probability}: P(behaviour-matching answer) with the softmax restricted to the two answer tokens, i.e.
 * {@code sigmoid(logitDiff)};</li>
 * <li>{@code probabilityFull}: the same token's probability under the full-vocabulary softmax;</li>
 * <li>{@code logitDiff}: logit(matching answer) - logit(other answer), at the last prompt position.</li>
 * </ul>
 * A prompt "moves the wrong way" at multiplier {@code m > 0} when its logit difference falls below the unsteered
 * one (and at {@code m < 0} when it rises); undefined (NaN) at {@code m = 0}.
 */
public record SweepResult(SweepConfig config, int promptCount, double[] meanResidNorm, double[][] vectorNorm,
        float[] probability, float[] probabilityFull, float[] logitDiff, float[] baselineLogitDiff) {

    /** Vector kinds along axis 0. */
    public static final List<String> VECTOR_KINDS = List.of("steering", "control");

    /** Number of vector kinds (1 without control, 2 with). */
    public int kinds() {
        return config.control() ? 2 : 1;
    }

    /** Index into the per-prompt arrays. */
    public int index(int kind, int layerIndex, int multiplierIndex, int prompt) {
        return ((kind * config.layers().size() + layerIndex) * config.multipliers().length + multiplierIndex)
                * promptCount + prompt;
    }

    /** Raw coefficient applied to the vector in a cell: {@code m * meanResidNorm / |v|}. */
    public double coefficient(int kind, int layerIndex, int multiplierIndex) {
        return SteeringScale.coefficient(config.multipliers()[multiplierIndex], meanResidNorm[layerIndex],
                vectorNorm[kind][layerIndex]);
    }

    public double meanProbability(int kind, int layerIndex, int multiplierIndex) {
        return mean(probability, kind, layerIndex, multiplierIndex);
    }

    public double meanProbabilityFull(int kind, int layerIndex, int multiplierIndex) {
        return mean(probabilityFull, kind, layerIndex, multiplierIndex);
    }

    public double meanLogitDiff(int kind, int layerIndex, int multiplierIndex) {
        return mean(logitDiff, kind, layerIndex, multiplierIndex);
    }

    /** Share of prompts whose logit difference moves against the multiplier's sign; NaN at multiplier 0. */
    public double wrongWayShare(int kind, int layerIndex, int multiplierIndex) {
        double m = config.multipliers()[multiplierIndex];
        if (m == 0) {
            return Double.NaN;
        }
        int wrong = 0;
        for (int p = 0; p < promptCount; p++) {
            double delta = logitDiff[index(kind, layerIndex, multiplierIndex, p)] - baselineLogitDiff[p];
            if (m > 0 ? delta < 0 : delta > 0) {
                wrong++;
            }
        }
        return (double) wrong / promptCount;
    }

    /** Values of one cell across prompts (for distributions). */
    public float[] perPrompt(float[] array, int kind, int layerIndex, int multiplierIndex) {
        float[] out = new float[promptCount];
        System.arraycopy(array, index(kind, layerIndex, multiplierIndex, 0), out, 0, promptCount);
        return out;
    }

    /** One summary row per vector kind, layer and multiplier. */
    public record Row(String vector, int layer, double multiplier, double coefficient, double addedNorm,
            double meanResidNorm, double meanP, double meanPFull, double meanLogitDiff, double wrongWayShare, int n) {
    }

    public List<Row> rows() {
        List<Row> rows = new ArrayList<>();
        for (int k = 0; k < kinds(); k++) {
            for (int l = 0; l < config.layers().size(); l++) {
                for (int m = 0; m < config.multipliers().length; m++) {
                    double multiplier = config.multipliers()[m];
                    rows.add(new Row(VECTOR_KINDS.get(k), config.layers().get(l), multiplier, coefficient(k, l, m),
                            multiplier * meanResidNorm[l], meanResidNorm[l], meanProbability(k, l, m),
                            meanProbabilityFull(k, l, m), meanLogitDiff(k, l, m), wrongWayShare(k, l, m), promptCount));
                }
            }
        }
        return rows;
    }

    /** CSV with a header line, one line per {@link Row}. */
    public String toCsv() {
        StringBuilder out = new StringBuilder(
                "vector,layer,multiplier,coefficient,addedNorm,meanResidNorm,meanP,meanPFull,meanLogitDiff,wrongWayShare,n\n");
        for (Row r : rows()) {
            out.append(r.vector()).append(',').append(r.layer()).append(',').append(r.multiplier()).append(',')
                    .append(r.coefficient()).append(',').append(r.addedNorm()).append(',').append(r.meanResidNorm())
                    .append(',').append(r.meanP()).append(',').append(r.meanPFull()).append(',')
                    .append(r.meanLogitDiff()).append(',').append(r.wrongWayShare()).append(',').append(r.n())
                    .append('\n');
        }
        return out.toString();
    }

    private double mean(float[] array, int kind, int layerIndex, int multiplierIndex) {
        double sum = 0;
        for (int p = 0; p < promptCount; p++) {
            sum += array[index(kind, layerIndex, multiplierIndex, p)];
        }
        return sum / promptCount;
    }
}
