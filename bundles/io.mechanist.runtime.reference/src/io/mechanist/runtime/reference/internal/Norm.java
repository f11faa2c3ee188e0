package io.mechanist.runtime.reference.internal;

/** A normalisation over the last dimension of one vector. */
public interface Norm {

    double[] apply(double[] x);

    /** GPT-2 LayerNorm: (x - mean) / sqrt(var + eps) * w + b, with the biased variance. */
    static Norm layerNorm(double[] weight, double[] bias, double eps) {
        return x -> {
            int n = x.length;
            double mean = 0;
            for (double v : x) {
                mean += v;
            }
            mean /= n;
            double var = 0;
            for (double v : x) {
                var += (v - mean) * (v - mean);
            }
            var /= n;
            double inv = 1.0 / Math.sqrt(var + eps);
            double[] y = new double[n];
            for (int i = 0; i < n; i++) {
                y[i] = (x[i] - mean) * inv * weight[i] + bias[i];
            }
            return y;
        };
    }

    /**
     * RMSNorm: x / sqrt(mean(x^2) + eps) * g, where g = w (Llama, Mistral, Qwen) or g = 1 + w (Gemma, whose
     * checkpoints store the offset from one).
     */
    static Norm rmsNorm(double[] weight, double eps, boolean addOne) {
        return x -> {
            int n = x.length;
            double meanSquare = 0;
            for (double v : x) {
                meanSquare += v * v;
            }
            meanSquare /= n;
            double inv = 1.0 / Math.sqrt(meanSquare + eps);
            double[] y = new double[n];
            for (int i = 0; i < n; i++) {
                double gain = addOne ? 1.0 + weight[i] : weight[i];
                y[i] = x[i] * inv * gain;
            }
            return y;
        };
    }
}
