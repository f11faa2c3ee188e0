package io.mechanist.runtime.reference.internal;

import java.util.function.DoubleUnaryOperator;

/** The feed-forward part of a block, applied to one position. */
public interface Mlp {

    double[] apply(double[] x);

    /** Llama family: down(act(gate(x)) * up(x)). */
    static Mlp gated(Linear gate, Linear up, Linear down, DoubleUnaryOperator activation) {
        return x -> {
            double[] g = gate.apply(x);
            double[] u = up.apply(x);
            double[] h = new double[g.length];
            for (int i = 0; i < h.length; i++) {
                h[i] = activation.applyAsDouble(g[i]) * u[i];
            }
            return down.apply(h);
        };
    }

    /** GPT-2: proj(act(fc(x))). */
    static Mlp plain(Linear fc, Linear proj, DoubleUnaryOperator activation) {
        return x -> {
            double[] h = fc.apply(x);
            for (int i = 0; i < h.length; i++) {
                h[i] = activation.applyAsDouble(h[i]);
            }
            return proj.apply(h);
        };
    }
}
