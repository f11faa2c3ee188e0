package io.mechanist.probes;

/**
 * A probe fitted on all prompts of one (layer, aligned position), in the ORIGINAL activation space: the probe
 * predicts {@code positiveLabel} when {@code weights . x + bias > 0} for an activation {@code x [d_model]}.
 * For logistic probes the weights are the standardised weights divided by the training standard deviations; for
 * mass-mean probes they are {@code mean(positive) - mean(negative)}.
 */
public record ProbeDirection(ProbeMethod method, int layer, int position, String positiveLabel, float[] weights,
        double bias, int trainCount) {

    /** The score {@code weights . x + bias} of the activation {@code x[offset .. offset + d_model)}. */
    public double score(float[] x, int offset) {
        double s = bias;
        for (int j = 0; j < weights.length; j++) {
            s += (double) weights[j] * x[offset + j];
        }
        return s;
    }

    public double norm() {
        double s = 0;
        for (float w : weights) {
            s += (double) w * w;
        }
        return Math.sqrt(s);
    }

    /** The direction scaled to unit Euclidean norm (for steering). */
    public float[] unitDirection() {
        double norm = norm();
        float[] unit = new float[weights.length];
        for (int j = 0; j < unit.length; j++) {
            unit[j] = norm > 0 ? (float) (weights[j] / norm) : 0f;
        }
        return unit;
    }
}
