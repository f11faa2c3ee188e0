package io.mechanist.runtime.reference.internal;

/**
 * Rotary position embedding parameters of one layer: the base ({@code rope_theta}) and an optional scaling rule.
 *
 * @param type "default", "linear", "llama3" or "dynamic" (Hugging Face's dynamic NTK scaling, which keeps the plain
 *     frequencies up to max_position_embeddings and recomputes them beyond from the longest input seen so far;
 *     only the first part is implemented, longer inputs are refused)
 * @param theta the base of the inverse frequencies
 * @param factor scaling factor (linear, llama3); 1 for default
 * @param lowFreqFactor llama3 only
 * @param highFreqFactor llama3 only
 * @param originalMaxPositions llama3: {@code original_max_position_embeddings}; dynamic: {@code
 *     max_position_embeddings}, the number of positions supported
 */
public record RopeSpec(String type, double theta, double factor, double lowFreqFactor, double highFreqFactor,
        double originalMaxPositions) {

    public static RopeSpec plain(double theta) {
        return new RopeSpec("default", theta, 1, 0, 0, 0);
    }

    /**
     * Inverse frequencies for a head of {@code headDim} dimensions: {@code headDim / 2} values, frequency i rotating
     * the pair (i, i + headDim/2). Hugging Face keeps this buffer in float32 even when the model runs in another
     * dtype, so the final values are rounded to float32 here as well.
     */
    public double[] inverseFrequencies(int headDim) {
        int half = headDim / 2;
        double[] inv = new double[half];
        for (int i = 0; i < half; i++) {
            float exponent = (float) ((2.0 * i) / headDim);
            float power = (float) Math.pow(theta, exponent);
            inv[i] = (float) (1.0 / power);
        }
        switch (type) {
            case "default", "dynamic" -> { }
            case "linear" -> {
                for (int i = 0; i < half; i++) {
                    inv[i] = (float) (inv[i] / factor);
                }
            }
            case "llama3" -> applyLlama3Scaling(inv);
            default -> throw new IllegalStateException("unsupported rope type " + type);
        }
        return inv;
    }

    /**
     * Llama 3.1 frequency-dependent scaling: long wavelengths (beyond the original context divided by
     * low_freq_factor) are slowed by {@code factor}, short ones (below context / high_freq_factor) are kept, and the
     * band between is interpolated smoothly.
     */
    private void applyLlama3Scaling(double[] inv) {
        double lowFreqWavelength = originalMaxPositions / lowFreqFactor;
        double highFreqWavelength = originalMaxPositions / highFreqFactor;
        for (int i = 0; i < inv.length; i++) {
            double wavelength = 2 * Math.PI / inv[i];
            double scaled;
            if (wavelength < highFreqWavelength) {
                scaled = inv[i];
            } else if (wavelength > lowFreqWavelength) {
                scaled = inv[i] / factor;
            } else {
                double smooth = (originalMaxPositions / wavelength - lowFreqFactor) / (highFreqFactor - lowFreqFactor);
                scaled = (1 - smooth) * inv[i] / factor + smooth * inv[i];
            }
            inv[i] = (float) scaled;
        }
    }
}
