package io.mechanist.runtime.reference.internal;

import java.util.function.DoubleUnaryOperator;

/** The feed-forward part of a block, applied to one position, in two steps so the hidden activation can be hooked. */
public interface Mlp {

    /** The hidden activation after the non-linearity (times the up projection when gated): [d_mlp]. */
    double[] hidden(double[] x);

    /** The down projection of a hidden activation: [d_model]. */
    double[] down(double[] hidden);

    default double[] apply(double[] x) {
        return down(hidden(x));
    }

    /** Llama family: down(act(gate(x)) * up(x)). */
    static Mlp gated(Linear gate, Linear up, Linear down, DoubleUnaryOperator activation) {
        return new Mlp() {
            @Override
            public double[] hidden(double[] x) {
                double[] g = gate.apply(x);
                double[] u = up.apply(x);
                double[] h = new double[g.length];
                for (int i = 0; i < h.length; i++) {
                    h[i] = activation.applyAsDouble(g[i]) * u[i];
                }
                return h;
            }

            @Override
            public double[] down(double[] hidden) {
                return down.apply(hidden);
            }
        };
    }

    /** GPT-2: proj(act(fc(x))). */
    static Mlp plain(Linear fc, Linear proj, DoubleUnaryOperator activation) {
        return new Mlp() {
            @Override
            public double[] hidden(double[] x) {
                double[] h = fc.apply(x);
                for (int i = 0; i < h.length; i++) {
                    h[i] = activation.applyAsDouble(h[i]);
                }
                return h;
            }

            @Override
            public double[] down(double[] hidden) {
                return proj.apply(hidden);
            }
        };
    }
}
