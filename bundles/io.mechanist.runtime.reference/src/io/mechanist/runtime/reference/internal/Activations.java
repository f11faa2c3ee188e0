package io.mechanist.runtime.reference.internal;

import java.util.function.DoubleUnaryOperator;

/** The element-wise activations of the supported families, by their Hugging Face names. */
public final class Activations {

    private static final double SQRT_2_OVER_PI = Math.sqrt(2.0 / Math.PI);

    private Activations() {
    }

    public static DoubleUnaryOperator byName(String name) {
        return switch (name) {
            case "silu", "swish" -> Activations::silu;
            case "gelu" -> Activations::geluExact;
            case "gelu_new", "gelu_fast", "gelu_pytorch_tanh" -> Activations::geluTanh;
            case "relu" -> x -> Math.max(0, x);
            default -> throw new IllegalArgumentException("unsupported activation " + name);
        };
    }

    public static double silu(double x) {
        return x / (1.0 + Math.exp(-x));
    }

    /** The tanh approximation of GELU (gelu_new / gelu_pytorch_tanh). */
    public static double geluTanh(double x) {
        return 0.5 * x * (1.0 + Math.tanh(SQRT_2_OVER_PI * (x + 0.044715 * x * x * x)));
    }

    /** GELU with the exact normal CDF: x * Phi(x) = x/2 * (1 + erf(x / sqrt 2)). */
    public static double geluExact(double x) {
        return 0.5 * x * (1.0 + erf(x / Math.sqrt(2.0)));
    }

    /**
     * erf to double precision. For |z| <= 6 the series erf(z) = 2/sqrt(pi) exp(-z^2) sum_n (2z^2)^n z / (2n+1)!!
     * has only positive terms (no cancellation); beyond 6, 1 - |erf| < 2.2e-17 so the result is +-1.
     */
    public static double erf(double z) {
        double a = Math.abs(z);
        if (a > 6) {
            return Math.signum(z);
        }
        double term = a;
        double sum = a;
        double twoZSquared = 2 * a * a;
        for (int n = 1; n < 1000; n++) {
            term *= twoZSquared / (2 * n + 1);
            sum += term;
            if (term < sum * 1e-17) {
                break;
            }
        }
        double result = 2.0 / Math.sqrt(Math.PI) * Math.exp(-a * a) * sum;
        return Math.copySign(Math.min(result, 1.0), z);
    }
}
