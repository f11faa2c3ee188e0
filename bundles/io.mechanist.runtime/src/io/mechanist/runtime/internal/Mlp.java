package io.mechanist.runtime.internal;

import ai.djl.ndarray.NDArray;
import ai.djl.nn.Activation;
import io.mechanist.runtime.ModelSpec;

/**
 * The feed-forward block: {@code down(act(gate(x)) * up(x))} when gated (Llama family), else
 * {@code down(act(up(x)))} (GPT-2's c_fc / c_proj).
 */
public record Mlp(ModelSpec.Activation activation, Linear gate, Linear up, Linear down, NDArray[] geluConstants) {

    public Mlp(ModelSpec.Activation activation, Linear gate, Linear up, Linear down) {
        // 0-dim arrays: DJL's in-place ops with a Java number are several times slower than with an array.
        this(activation, gate, up, down, new NDArray[] {up.weight().getManager().create(0.044715f * 2 * SQRT_2_OVER_PI),
            up.weight().getManager().create(2 * SQRT_2_OVER_PI)});
    }

    /** x [batch, pos, d_model] -> [batch, pos, d_model]; the hidden activation passes through {@code hiddenSite}. */
    public NDArray apply(NDArray x, HookRuntime hooks, io.mechanist.core.hooks.HookSite hiddenSite) {
        // Autograd keeps the outputs of sigmoid and relu for the backward pass: no in-place ops on them then.
        boolean inPlace = !hooks.recordsGradients();
        if (!inPlace) {
            NDArray hidden = gate != null ? activate(gate.apply(x), false).mul(up.apply(x))
                    : activate(up.apply(x), false);
            return down.apply(hooks.apply(hiddenSite, hidden));
        }
        // The hidden activations are the largest tensors of a layer (d_mlp wide: 48-64 MB each for a batch of 8 x 256
        // at 1-2B shapes). Each is closed as soon as it is used rather than with the layer's scope, so a layer does
        // not hold them all at once.
        NDArray hidden;
        if (gate != null) {
            NDArray gated = gate.apply(x);
            hidden = activate(gated, true);
            closeIfOther(gated, hidden);
            try (NDArray upped = up.apply(x)) {
                hidden.muli(upped);
            }
        } else {
            NDArray upped = up.apply(x);
            hidden = activate(upped, true);
            closeIfOther(upped, hidden);
        }
        if (hooks.touches(hiddenSite)) { // an edit may hand back another array, or keep this one: the scope closes it
            return down.apply(hooks.apply(hiddenSite, hidden));
        }
        try (hidden) {
            return down.apply(hidden);
        }
    }

    private static void closeIfOther(NDArray used, NDArray result) {
        if (used != result) {
            used.close();
        }
    }

    private NDArray activate(NDArray x, boolean inPlace) {
        return switch (activation) {
            case SILU -> inPlace ? Activation.sigmoid(x).muli(x) : Activation.sigmoid(x).mul(x);
            case GELU -> Activation.gelu(x);
            case RELU -> Activation.relu(x);
            case GELU_TANH -> inPlace ? geluTanh(x, geluConstants[0], geluConstants[1])
                    : Activation.sigmoid(x.square().mul(geluConstants[0]).add(geluConstants[1]).mul(x)).mul(x);
        };
    }

    private static final float SQRT_2_OVER_PI = (float) Math.sqrt(2 / Math.PI);

    /**
     * 0.5 x (1 + tanh(c (x + 0.044715 x^3))) written as x * sigmoid(2c x (1 + 0.044715 x^2)), the same function
     * (0.5 (1 + tanh z) = sigmoid(2z)) in fewer element-wise passes.
     */
    static NDArray geluTanh(NDArray x, NDArray cubic, NDArray linear) {
        try (NDArray z = x.square().muli(cubic).addi(linear).muli(x)) {
            return Activation.sigmoid(z).muli(x);
        }
    }
}
