package io.mechanist.runtime.reference.internal;

/** {@code y = W x + b} with W in [out, in] layout and an optional bias of length out. */
public record Linear(Matrix weight, double[] bias) {

    public Linear {
        if (bias != null && bias.length != weight.rows()) {
            throw new IllegalArgumentException("bias length " + bias.length + " for " + weight.rows() + " outputs");
        }
    }

    public double[] apply(double[] x) {
        double[] y = weight.multiply(x);
        if (bias != null) {
            for (int i = 0; i < y.length; i++) {
                y[i] += bias[i];
            }
        }
        return y;
    }

    /** Rows [from, to) of the weight and bias. */
    public Linear rowRange(int from, int to) {
        double[] b = null;
        if (bias != null) {
            b = java.util.Arrays.copyOfRange(bias, from, to);
        }
        return new Linear(weight.rowRange(from, to), b);
    }
}
