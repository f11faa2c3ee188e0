package io.mechanist.runtime.reference.internal;

/**
 * One pre-norm transformer block. resid_mid = resid_pre + attnOut(resid_pre), resid_post = resid_mid +
 * mlpOut(resid_mid). Gemma adds a norm after attention and after the MLP (sandwich); those are part of what is added
 * to the residual stream, so they live inside attnOut/mlpOut.
 *
 * @param postAttentionNorm Gemma only, else null
 * @param postMlpNorm Gemma only, else null
 */
public record DecoderLayer(Norm inputNorm, Attention attention, Norm postAttentionNorm, Norm preMlpNorm, Mlp mlp,
        Norm postMlpNorm) {

    /**
     * What the attention sub-block adds to the residual, per position, plus the attention scores and pattern; the
     * values inside attention pass {@code sites}.
     */
    public Attention.Result attentionOutput(double[][] residPre, Attention.Sites sites) {
        double[][] normed = new double[residPre.length][];
        for (int t = 0; t < residPre.length; t++) {
            normed[t] = inputNorm.apply(residPre[t]);
        }
        Attention.Result result = attention.forward(normed, sites);
        if (postAttentionNorm == null) {
            return result;
        }
        double[][] out = new double[residPre.length][];
        for (int t = 0; t < out.length; t++) {
            out[t] = postAttentionNorm.apply(result.output()[t]);
        }
        return new Attention.Result(out, result.scores(), result.pattern());
    }

    /** The MLP's hidden activation (mlp_post) at one position. */
    public double[] mlpHidden(double[] residMid) {
        return mlp.hidden(preMlpNorm.apply(residMid));
    }

    /** What the MLP sub-block adds to the residual at one position, from its hidden activation. */
    public double[] mlpOutputFromHidden(double[] hidden) {
        double[] out = mlp.down(hidden);
        return postMlpNorm == null ? out : postMlpNorm.apply(out);
    }
}
