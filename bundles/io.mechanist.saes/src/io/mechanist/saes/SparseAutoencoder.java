package io.mechanist.saes;

import java.util.Arrays;
import java.util.Objects;

/**
 * An SAE's weights with encoding and decoding in plain Java (float weights, double accumulation), following
 * SAELens: {@code x' = normalise(x) - b_dec * apply_b_dec_to_input}, {@code pre = x' W_enc + b_enc}, features by the
 * architecture's rule, {@code y = f W_dec + b_dec}, output {@code = unnormalise(y)}.
 * <p>
 * Layouts are SAELens's: {@code W_enc [d_in, d_sae]}, {@code W_dec [d_sae, d_in]}, row-major. Instances are
 * immutable and safe to share between threads.
 */
public final class SparseAutoencoder {
    private final SaeConfig config;
    private final float[] wEnc;
    private final float[] wDec;
    private final float[] bEnc;
    private final float[] bDec;
    private final float[] threshold;

    /**
     * @param threshold per-feature threshold for {@link Architecture#JUMPRELU}, null otherwise
     */
    public SparseAutoencoder(SaeConfig config, float[] wEnc, float[] wDec, float[] bEnc, float[] bDec,
            float[] threshold) {
        this.config = Objects.requireNonNull(config, "config");
        int dIn = config.dIn();
        int dSae = config.dSae();
        this.wEnc = check("W_enc", wEnc, (long) dIn * dSae);
        this.wDec = check("W_dec", wDec, (long) dSae * dIn);
        this.bEnc = check("b_enc", bEnc, dSae);
        this.bDec = check("b_dec", bDec, dIn);
        if (config.architecture() == Architecture.JUMPRELU) {
            this.threshold = check("threshold", threshold, dSae);
        } else if (threshold != null) {
            throw new IllegalArgumentException("a threshold belongs to jumprelu SAEs only, this one is "
                    + config.architecture().configName());
        } else {
            this.threshold = null;
        }
    }

    private static float[] check(String name, float[] values, long expected) {
        Objects.requireNonNull(values, name);
        if (values.length != expected) {
            throw new IllegalArgumentException(name + " has " + values.length + " values, expected " + expected);
        }
        return values.clone();
    }

    public SaeConfig config() {
        return config;
    }

    public int dIn() {
        return config.dIn();
    }

    public int dSae() {
        return config.dSae();
    }

    /** Feature {@code feature}'s decoder direction, row {@code feature} of W_dec (length d_in). */
    public float[] decoderDirection(int feature) {
        Objects.checkIndex(feature, dSae());
        return Arrays.copyOfRange(wDec, feature * dIn(), (feature + 1) * dIn());
    }

    public float[] encoderWeights() {
        return wEnc.clone();
    }

    public float[] decoderWeights() {
        return wDec.clone();
    }

    public float[] encoderBias() {
        return bEnc.clone();
    }

    public float[] decoderBias() {
        return bDec.clone();
    }

    /** The JumpReLU thresholds, or null. */
    public float[] threshold() {
        return threshold == null ? null : threshold.clone();
    }

    /** The rescaling SAELens applies to input row {@code x[offset .. offset + d_in)}. */
    public Normalization.RowScale rowScale(float[] x, int offset) {
        return config.normalization().scaleOf(x, offset, dIn(), config.scalingFactor());
    }

    /**
     * Encodes one row: writes the d_sae feature activations into {@code features} and returns the row's scale
     * (needed to decode back to the input's units).
     */
    public Normalization.RowScale encode(float[] x, int offset, float[] features) {
        int dIn = dIn();
        int dSae = dSae();
        Normalization.RowScale scale = rowScale(x, offset);
        double[] input = new double[dIn];
        for (int i = 0; i < dIn; i++) {
            input[i] = (x[offset + i] - scale.shift()) * scale.inScale()
                    - (config.applyBDecToInput() ? bDec[i] : 0);
        }
        double[] pre = new double[dSae];
        for (int j = 0; j < dSae; j++) {
            pre[j] = bEnc[j];
        }
        for (int i = 0; i < dIn; i++) {
            double v = input[i];
            if (v == 0) {
                continue;
            }
            int row = i * dSae;
            for (int j = 0; j < dSae; j++) {
                pre[j] += v * wEnc[row + j];
            }
        }
        activate(pre, features);
        return scale;
    }

    private void activate(double[] pre, float[] features) {
        int dSae = dSae();
        switch (config.architecture()) {
            case STANDARD -> {
                for (int j = 0; j < dSae; j++) {
                    features[j] = pre[j] > 0 ? (float) pre[j] : 0f;
                }
            }
            case JUMPRELU -> {
                for (int j = 0; j < dSae; j++) {
                    features[j] = pre[j] > threshold[j] && pre[j] > 0 ? (float) pre[j] : 0f;
                }
            }
            case TOPK -> {
                Arrays.fill(features, 0f);
                for (int j : topK(pre, config.k())) {
                    features[j] = pre[j] > 0 ? (float) pre[j] : 0f;
                }
            }
        }
    }

    /** Indices of the k largest values (ties: the lower index first). */
    static int[] topK(double[] values, int k) {
        int[] best = new int[k];
        int size = 0;
        for (int j = 0; j < values.length; j++) {
            double v = values[j];
            if (size == k && !(v > values[best[k - 1]])) {
                continue;
            }
            int at = size < k ? size++ : k - 1;
            while (at > 0 && v > values[best[at - 1]]) {
                best[at] = best[at - 1];
                at--;
            }
            best[at] = j;
        }
        return best;
    }

    /** Decodes features into {@code out[offset .. offset + d_in)}, undoing the row's normalisation. */
    public void decode(float[] features, Normalization.RowScale scale, float[] out, int offset) {
        int dIn = dIn();
        double[] y = new double[dIn];
        for (int i = 0; i < dIn; i++) {
            y[i] = bDec[i];
        }
        for (int j = 0; j < features.length; j++) {
            float f = features[j];
            if (f == 0) {
                continue;
            }
            int row = j * dIn;
            for (int i = 0; i < dIn; i++) {
                y[i] += f * (double) wDec[row + i];
            }
        }
        for (int i = 0; i < dIn; i++) {
            out[offset + i] = (float) (y[i] * scale.outScale() + scale.shift());
        }
    }

    /** Encodes and decodes every row of {@code rows} ({@code [n, d_in]} row-major); returns the reconstructions. */
    public float[] reconstruct(float[] rows) {
        int dIn = dIn();
        if (rows.length % dIn != 0) {
            throw new IllegalArgumentException(rows.length + " values are not rows of d_in " + dIn);
        }
        float[] out = new float[rows.length];
        float[] features = new float[dSae()];
        for (int offset = 0; offset < rows.length; offset += dIn) {
            decode(features, encode(rows, offset, features), out, offset);
        }
        return out;
    }
}
