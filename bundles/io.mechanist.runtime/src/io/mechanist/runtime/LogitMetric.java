package io.mechanist.runtime;

/**
 * A scalar metric of a prompt's logits at its last position, whose gradient by any activation
 * {@link HookedTransformer#gradients} returns. The metric is plain Java: it gives its derivative by the logits, and
 * the runtime carries that derivative back through the model with autograd (the chain rule), so a plug-in's metric
 * needs no DJL.
 */
@FunctionalInterface
public interface LogitMetric {

    /**
     * {@code d(metric) / d(logits[v])} for every vocabulary entry {@code v}.
     *
     * @param prompt the prompt's index in the request
     * @param logits the prompt's logits at its last position (a private copy)
     * @return one finite value per vocabulary entry
     */
    float[] gradient(int prompt, float[] logits);

    /** {@code logit[plus] - logit[minus]} (per prompt). */
    static LogitMetric logitDifference(long[] plus, long[] minus) {
        return (prompt, logits) -> {
            float[] g = new float[logits.length];
            g[(int) plus[prompt]] += 1f;
            g[(int) minus[prompt]] -= 1f;
            return g;
        };
    }

    /**
     * {@code log softmax(logits)[token]}, the log-probability of the prompt's token as the next one; its derivative is
     * {@code onehot(token) - softmax(logits)}, computed in double precision.
     */
    static LogitMetric logProbability(long[] tokens) {
        return (prompt, logits) -> {
            double max = Double.NEGATIVE_INFINITY;
            for (float l : logits) {
                max = Math.max(max, l);
            }
            double sum = 0;
            for (float l : logits) {
                sum += Math.exp(l - max);
            }
            float[] g = new float[logits.length];
            for (int v = 0; v < logits.length; v++) {
                g[v] = (float) -(Math.exp(logits[v] - max) / sum);
            }
            g[(int) tokens[prompt]] += 1f;
            return g;
        };
    }
}
