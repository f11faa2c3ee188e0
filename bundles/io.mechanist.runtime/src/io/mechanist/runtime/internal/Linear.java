package io.mechanist.runtime.internal;

import ai.djl.ndarray.NDArray;

/**
 * {@code y = x W^T + b}. {@code weight} is [out, in]; it may be a transposed view of a Conv1D-style [in, out]
 * matrix (GPT-2), which PyTorch multiplies without copying.
 */
public record Linear(NDArray weight, NDArray bias) {

    /** x [..., in] -> [..., out]. */
    public NDArray apply(NDArray x) {
        return ai.djl.nn.core.Linear.linear(x, weight, bias).singletonOrThrow();
    }
}
