package io.mechanist.runtime;

/**
 * Rotary position embedding of one layer, following Hugging Face's rope initialisation functions.
 *
 * @param theta base of the inverse frequencies
 * @param scaling {@link Scaling#NONE}, {@link Scaling#LINEAR} (frequencies divided by {@code factor}) or
 *     {@link Scaling#LLAMA3} (frequency-dependent smoothing between {@code lowFreqFactor} and {@code highFreqFactor})
 *     or {@link Scaling#DYNAMIC} (Hugging Face's dynamic NTK scaling: plain frequencies up to
 *     {@code originalMaxPositions} positions, the model's max_position_embeddings; longer inputs are refused)
 * @param rotaryDim number of leading head dimensions rotated (the head dimension unless partial rotary)
 */
public record RopeSpec(double theta, Scaling scaling, double factor, double lowFreqFactor, double highFreqFactor,
        int originalMaxPositions, int rotaryDim) {

    public enum Scaling { NONE, LINEAR, LLAMA3, DYNAMIC }

    public static RopeSpec plain(double theta, int rotaryDim) {
        return new RopeSpec(theta, Scaling.NONE, 1, 0, 0, 0, rotaryDim);
    }

    /** Inverse frequencies, length {@code rotaryDim / 2}, computed in double precision. */
    public double[] inverseFrequencies() {
        int half = rotaryDim / 2;
        double[] inv = new double[half];
        for (int i = 0; i < half; i++) {
            inv[i] = 1.0 / Math.pow(theta, (2.0 * i) / rotaryDim);
        }
        switch (scaling) {
            case NONE, DYNAMIC -> { }
            case LINEAR -> {
                for (int i = 0; i < half; i++) {
                    inv[i] /= factor;
                }
            }
            case LLAMA3 -> {
                double lowFreqWavelen = originalMaxPositions / lowFreqFactor;
                double highFreqWavelen = originalMaxPositions / highFreqFactor;
                for (int i = 0; i < half; i++) {
                    double wavelen = 2 * Math.PI / inv[i];
                    if (wavelen > lowFreqWavelen) {
                        inv[i] = inv[i] / factor;
                    } else if (wavelen >= highFreqWavelen) {
                        double smooth = (originalMaxPositions / wavelen - lowFreqFactor) / (highFreqFactor - lowFreqFactor);
                        inv[i] = (1 - smooth) * inv[i] / factor + smooth * inv[i];
                    }
                }
            }
        }
        return inv;
    }

    /**
     * The most positions these frequencies are defined for, or 0 for no limit: dynamic scaling changes its
     * frequencies beyond max_position_embeddings depending on the longest sequence Hugging Face has seen before.
     */
    public int positionLimit() {
        return scaling == Scaling.DYNAMIC ? originalMaxPositions : 0;
    }
}
