package io.mechanist.runtime.reference.internal;

/**
 * Rotary position embedding in Hugging Face's "rotate half" layout: dimension i is paired with i + headDim/2 and
 * the pair is rotated by position * invFreq[i].
 */
public final class RotaryEmbedding {
    private final double[] inverseFrequencies;
    private final int headDim;
    /** Positions at or beyond this are refused (dynamic scaling); 0 for no limit. */
    private final int positionLimit;

    public RotaryEmbedding(RopeSpec spec, int headDim) {
        this.headDim = headDim;
        this.inverseFrequencies = spec.inverseFrequencies(headDim);
        this.positionLimit = spec.type().equals("dynamic") ? (int) spec.originalMaxPositions() : 0;
    }

    /** Rotates one head vector (length headDim) for the given position; returns a new array. */
    public double[] rotate(double[] head, int position) {
        if (positionLimit > 0 && position >= positionLimit) {
            throw new IllegalArgumentException("position " + position + " is beyond max_position_embeddings "
                    + positionLimit + ": dynamic rope scaling is implemented only up to it");
        }
        int half = headDim / 2;
        double[] out = new double[headDim];
        for (int i = 0; i < half; i++) {
            // Hugging Face forms the angle as a float32 product of float32 inverse frequency and position.
            float angle = (float) inverseFrequencies[i] * (float) position;
            double cos = Math.cos(angle);
            double sin = Math.sin(angle);
            double x1 = head[i];
            double x2 = head[i + half];
            out[i] = x1 * cos - x2 * sin;
            out[i + half] = x2 * cos + x1 * sin;
        }
        return out;
    }
}
