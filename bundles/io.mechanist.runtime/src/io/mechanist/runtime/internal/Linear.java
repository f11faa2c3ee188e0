package io.mechanist.runtime.internal;

import ai.djl.ndarray.NDArray;
import io.mechanist.djl.WeightMatmul;

/**
 * {@code y = x W^T + b}. {@code weight} is [out, in]; it may be a transposed view of a Conv1D-style [in, out]
 * matrix (GPT-2), which is multiplied without copying. The product runs on {@link WeightMatmul}.
 */
public record Linear(NDArray weight, NDArray bias) {

    /** x [..., in] -> [..., out]. */
    public NDArray apply(NDArray x) {
        return WeightMatmul.linear(x, weight, bias);
    }
}
