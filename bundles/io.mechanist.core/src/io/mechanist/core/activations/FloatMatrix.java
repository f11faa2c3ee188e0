package io.mechanist.core.activations;

import java.util.Arrays;
import java.util.Objects;

/**
 * A dense row-major matrix of floats, shape {@code [rows, cols]}; element {@code (r, c)} is
 * {@code data[r * cols + c]}. The array is shared, not copied: treat it as owned by whoever holds the matrix.
 */
public record FloatMatrix(int rows, int cols, float[] data) {

    public FloatMatrix {
        Objects.requireNonNull(data, "data");
        if (rows < 0 || cols < 0 || (long) rows * cols != data.length) {
            throw new IllegalArgumentException("a [" + rows + ", " + cols + "] matrix needs " + (long) rows * cols
                    + " values, got " + data.length);
        }
    }

    /** A zero matrix {@code [rows, cols]}. */
    public static FloatMatrix zeros(int rows, int cols) {
        return new FloatMatrix(rows, cols, new float[Math.multiplyExact(rows, cols)]);
    }

    public float get(int row, int col) {
        Objects.checkIndex(row, rows);
        Objects.checkIndex(col, cols);
        return data[row * cols + col];
    }

    /** A copy of row {@code row}, length {@code cols}. */
    public float[] row(int row) {
        Objects.checkIndex(row, rows);
        return Arrays.copyOfRange(data, row * cols, (row + 1) * cols);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof FloatMatrix m && m.rows == rows && m.cols == cols && Arrays.equals(m.data, data);
    }

    @Override
    public int hashCode() {
        return 31 * (31 * rows + cols) + Arrays.hashCode(data);
    }

    @Override
    public String toString() {
        return "FloatMatrix[" + rows + ", " + cols + "]";
    }
}
