package io.mechanist.runtime.internal;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.Shape;
import io.mechanist.runtime.ModelSpec.NormKind;

/**
 * Normalisation over the last axis. For {@link NormKind#RMS_NORM_PLUS_ONE} the stored weight w is turned into
 * (1 + w) once at load time, so that every kind of RMS norm is {@code x * rsqrt(mean(x^2) + eps) * scale}.
 */
public final class Norm {
    private final NormKind kind;
    private final NDArray scale;
    private final NDArray bias;
    private final NDArray eps;
    private final NDArray width;
    private final Shape normalizedShape;
    private final float layerNormEps;

    public Norm(NormKind kind, NDArray weight, NDArray bias, double eps) {
        this.kind = kind;
        this.scale = kind == NormKind.RMS_NORM_PLUS_ONE ? weight.add(1f) : weight;
        this.bias = bias;
        // A 0-dim array: DJL's in-place ops with a Java number are several times slower.
        this.eps = weight.getManager().create((float) eps);
        this.width = weight.getManager().create((float) weight.getShape().get(0));
        this.layerNormEps = (float) eps;
        this.normalizedShape = new Shape(weight.getShape().get(0));
    }

    /** x [..., width] -> [..., width]. */
    public NDArray apply(NDArray x) {
        if (kind == NormKind.LAYER_NORM) {
            return ai.djl.nn.norm.LayerNorm.layerNorm(x, normalizedShape, scale, bias, layerNormEps)
                    .singletonOrThrow();
        }
        // mean(x^2) as ||x||^2 / width: one reduction that reads x, where x.square() made a full-size temporary
        // (fresh memory the kernel zeroes on every pass) only to average it
        NDArray rms = x.norm(2, new int[] {-1}, true).square().divi(width).addi(eps).sqrt();
        return x.div(rms).muli(scale);
    }
}
