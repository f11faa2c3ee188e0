package io.mechanist.core.tensor;

import java.util.Arrays;

/** Shape arithmetic shared by the reader and the writer; overflow and negative dimensions are errors. */
final class Shapes {

    private Shapes() {
    }

    static long elementCount(long[] shape, String tensorName) {
        long count = 1;
        for (long dim : shape) {
            if (dim < 0) {
                throw new IllegalArgumentException(
                        "Tensor '" + tensorName + "': negative dimension in shape " + Arrays.toString(shape));
            }
            try {
                count = Math.multiplyExact(count, dim);
            } catch (ArithmeticException e) {
                throw new IllegalArgumentException(
                        "Tensor '" + tensorName + "': shape " + Arrays.toString(shape) + " overflows 64 bits");
            }
        }
        return count;
    }

    static long byteLength(long[] shape, DType dtype, String tensorName) {
        try {
            return Math.multiplyExact(elementCount(shape, tensorName), (long) dtype.byteSize());
        } catch (ArithmeticException e) {
            throw new IllegalArgumentException(
                    "Tensor '" + tensorName + "': byte size of shape " + Arrays.toString(shape) + " overflows 64 bits");
        }
    }
}
