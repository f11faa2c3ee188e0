package io.mechanist.saes;

/**
 * How an SAE rescales its input before encoding and undoes it after decoding (SAELens's
 * {@code normalize_activations}). Every mode maps an input row x to {@code (x - shift) * inScale} and a decoded row
 * y back to {@code y * outScale + shift}; {@link RowScale} holds the three numbers of one row.
 */
public enum Normalization {
    /** No rescaling. */
    NONE("none"),
    /** One constant factor for every row ({@code sqrt(d_in) / E||x||} estimated on the training data). */
    EXPECTED_AVERAGE_ONLY_IN("expected_average_only_in"),
    /** Each row scaled to norm {@code sqrt(d_in)}; the output divided by the same factor. */
    CONSTANT_NORM_RESCALE("constant_norm_rescale"),
    /** Each row centred and divided by (its standard deviation, n-1 in the denominator, + 1e-5); undone after. */
    LAYER_NORM("layer_norm");

    /** SAELens's epsilon of the layer_norm mode. */
    public static final double LAYER_NORM_EPS = 1e-5;

    private final String configName;

    Normalization(String configName) {
        this.configName = configName;
    }

    public String configName() {
        return configName;
    }

    /** The rescaling of one input row. */
    public record RowScale(double shift, double inScale, double outScale) {
        static final RowScale IDENTITY = new RowScale(0, 1, 1);
    }

    /** The row scale of input {@code x} (length d_in) under this mode; {@code constant} is the expected-average factor. */
    public RowScale scaleOf(float[] x, int offset, int dIn, double constant) {
        switch (this) {
            case NONE:
                return RowScale.IDENTITY;
            case EXPECTED_AVERAGE_ONLY_IN:
                return new RowScale(0, constant, 1 / constant);
            case CONSTANT_NORM_RESCALE: {
                double squares = 0;
                for (int i = 0; i < dIn; i++) {
                    squares += (double) x[offset + i] * x[offset + i];
                }
                // a zero row stays zero; SAELens would divide by zero here
                double factor = squares == 0 ? 1 : Math.sqrt(dIn) / Math.sqrt(squares);
                return new RowScale(0, factor, 1 / factor);
            }
            case LAYER_NORM: {
                double mean = 0;
                for (int i = 0; i < dIn; i++) {
                    mean += x[offset + i];
                }
                mean /= dIn;
                double squares = 0;
                for (int i = 0; i < dIn; i++) {
                    double d = x[offset + i] - mean;
                    squares += d * d;
                }
                double std = dIn > 1 ? Math.sqrt(squares / (dIn - 1)) : 0;
                return new RowScale(mean, 1 / (std + LAYER_NORM_EPS), std);
            }
            default:
                throw new IllegalStateException(name());
        }
    }
}
