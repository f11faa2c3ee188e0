package io.mechanist.probes;

import java.util.ArrayList;
import java.util.List;

import io.mechanist.probes.internal.Labels;

/**
 * The model's own answer read-out at every (layer, aligned position), the baseline probes are compared with
 * (logit lens): residuals after the final norm, {@code h [n_prompts, d_model]}, are projected on the unembedding
 * rows of the two answer tokens.
 *
 * <p>{@code log P(A)/P(B) = z_A - z_B} with {@code z_T = cap * tanh((h . u_T + b_T) / cap)} when the model soft-caps
 * its final logits (Gemma 2), else {@code z_T = h . u_T + b_T}; the softmax normaliser cancels, so no full
 * vocabulary projection is needed. The read-out predicts {@code labelOfA} when the log-ratio is positive and the
 * other class when it is negative; a log-ratio of exactly 0 counts as wrong.
 */
public final class OutputReadout {

    /**
     * The two answer tokens.
     *
     * @param labelOfA  the label value that answer A stands for
     * @param unembedA  unembedding row of A {@code [d_model]} (the row of W_U^T / lm_head.weight)
     * @param unembedB  unembedding row of B {@code [d_model]}
     * @param biasA     output bias of A (0 when the head has none)
     * @param biasB     output bias of B
     * @param softcap   final logit soft-cap, or 0 for none
     */
    public record AnswerTokens(String labelOfA, float[] unembedA, float[] unembedB, double biasA, double biasB,
            double softcap) {
        public AnswerTokens {
            if (unembedA.length != unembedB.length) {
                throw new ProbeInputException("unembedding rows differ in length: " + unembedA.length + " vs "
                        + unembedB.length);
            }
            if (softcap < 0) {
                throw new ProbeInputException("soft-cap must be >= 0, got " + softcap);
            }
        }
    }

    /**
     * One cell of the read-out.
     *
     * @param meanLogRatio mean over the n prompts of {@code log P(A)/P(B)}, signed towards the prompt's own label
     *                     (positive = the read-out favours the correct answer)
     */
    public record ReadoutCell(int layer, int position, int n, int correct, double accuracy, Interval interval,
            double meanLogRatio) {
    }

    /** Read-out results on the {@code [layer, position]} grid with per-prompt log-ratios (NaN where missing). */
    public record ReadoutResults(int layers, int positions, List<ReadoutCell> cells, float[][] logRatios) {
        public ReadoutCell cell(int layer, int position) {
            return cells.get(layer * positions + position);
        }

        /** {@code log P(A)/P(B)} per prompt at one cell, {@code [n_prompts]}. */
        public float[] logRatios(int layer, int position) {
            return logRatios[layer * positions + position];
        }
    }

    private OutputReadout() {
    }

    /** {@code log P(A)/P(B)} for each row of the row-major {@code normed [n, d]}. */
    public static double[] logRatios(float[] normed, int n, int d, AnswerTokens tokens) {
        if (tokens.unembedA().length != d) {
            throw new ProbeInputException("unembedding rows have " + tokens.unembedA().length
                    + " values but residuals have d_model " + d);
        }
        double[] out = new double[n];
        for (int i = 0; i < n; i++) {
            double za = tokens.biasA();
            double zb = tokens.biasB();
            int base = i * d;
            for (int j = 0; j < d; j++) {
                za += (double) normed[base + j] * tokens.unembedA()[j];
                zb += (double) normed[base + j] * tokens.unembedB()[j];
            }
            if (tokens.softcap() > 0) {
                za = tokens.softcap() * Math.tanh(za / tokens.softcap());
                zb = tokens.softcap() * Math.tanh(zb / tokens.softcap());
            }
            out[i] = za - zb;
        }
        return out;
    }

    /**
     * Evaluates the read-out at every cell of {@code normedResiduals} (whose matrices hold final-norm-applied
     * residuals), with Wilson intervals over prompts.
     *
     * @throws ProbeInputException when {@code labelOfA} is not one of the two label values, or labels are invalid
     */
    public static ReadoutResults evaluate(ProbeData normedResiduals, AnswerTokens tokens) {
        Labels labels = Labels.of(normedResiduals);
        int classOfA;
        if (tokens.labelOfA().equals(labels.positive())) {
            classOfA = 1;
        } else if (tokens.labelOfA().equals(labels.negative())) {
            classOfA = 0;
        } else {
            throw new ProbeInputException("answer A stands for label '" + tokens.labelOfA()
                    + "' but the labels are '" + labels.negative() + "' and '" + labels.positive() + "'");
        }
        int n = normedResiduals.promptCount();
        int d = normedResiduals.dModel();
        int layers = normedResiduals.layerCount();
        int positions = normedResiduals.positionCount();
        float[] matrix = new float[n * d];
        List<ReadoutCell> cells = new ArrayList<>(layers * positions);
        float[][] ratios = new float[layers * positions][];
        for (int l = 0; l < layers; l++) {
            for (int k = 0; k < positions; k++) {
                normedResiduals.readMatrix(l, k, matrix);
                double[] r = logRatios(matrix, n, d, tokens);
                float[] kept = new float[n];
                int count = 0;
                int correct = 0;
                double signedSum = 0;
                for (int p = 0; p < n; p++) {
                    if (!normedResiduals.hasPosition(p, k)) {
                        kept[p] = Float.NaN;
                        continue;
                    }
                    kept[p] = (float) r[p];
                    count++;
                    boolean towardsA = labels.classOf()[p] == classOfA;
                    correct += (towardsA ? r[p] > 0 : r[p] < 0) ? 1 : 0;
                    signedSum += towardsA ? r[p] : -r[p];
                }
                ratios[l * positions + k] = kept;
                cells.add(new ReadoutCell(l, k, count, correct, count == 0 ? Double.NaN : (double) correct / count,
                        ConfidenceIntervals.wilson(correct, count), count == 0 ? Double.NaN : signedSum / count));
            }
        }
        return new ReadoutResults(layers, positions, List.copyOf(cells), ratios);
    }
}
