package io.mechanist.runtime.reference.internal;

import java.util.List;

/**
 * The assembled model: embedding, blocks, final norm and unembedding. Family differences were settled when the
 * parts were built; this class only wires them together.
 *
 * @param positionEmbedding learned absolute positions [n_positions, d_model] (GPT-2), else null
 * @param embedScale factor on token embeddings (Gemma), else 1
 * @param unembedding [vocab, d_model]; the token embedding itself when tied
 * @param finalSoftcap soft-cap on the logits, or null
 */
public record Transformer(ModelConfig config, Matrix tokenEmbedding, Matrix positionEmbedding, double embedScale,
        List<DecoderLayer> layers, Norm finalNorm, Matrix unembedding, Double finalSoftcap) {

    /** The input of block 0 at one position: token row * embedScale (+ position row). */
    public double[] embed(int token, int position) {
        if (token < 0 || token >= tokenEmbedding.rows()) {
            throw new IllegalArgumentException("token id " + token + " outside the vocabulary [0, "
                    + tokenEmbedding.rows() + ")");
        }
        double[] x = tokenEmbedding.row(token);
        for (int i = 0; i < x.length; i++) {
            x[i] *= embedScale;
        }
        if (positionEmbedding != null) {
            if (position >= positionEmbedding.rows()) {
                throw new IllegalArgumentException("position " + position + " beyond the " + positionEmbedding.rows()
                        + " learned positions");
            }
            for (int i = 0; i < x.length; i++) {
                x[i] += positionEmbedding.get(position, i);
            }
        }
        return x;
    }

    /** Logits for one position from the final-norm output, soft-capped when the family does so. */
    public double[] logits(double[] finalNormed) {
        double[] logits = unembedding.multiply(finalNormed);
        if (finalSoftcap != null) {
            for (int i = 0; i < logits.length; i++) {
                logits[i] = finalSoftcap * Math.tanh(logits[i] / finalSoftcap);
            }
        }
        return logits;
    }
}
