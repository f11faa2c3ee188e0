package io.mechanist.runtime.reference.internal;

/**
 * A dense row-major weight matrix [rows, cols]. Values from f32/f16/bf16 checkpoints are kept as float (every such
 * value is exactly a float, so nothing is lost and memory is halved); f64 values are kept as double.
 */
public final class Matrix {
    private final int rows;
    private final int cols;
    private final float[] floats;
    private final double[] doubles;

    private Matrix(int rows, int cols, float[] floats, double[] doubles) {
        this.rows = rows;
        this.cols = cols;
        this.floats = floats;
        this.doubles = doubles;
    }

    public static Matrix ofFloats(int rows, int cols, float[] values) {
        checkLength(rows, cols, values.length);
        return new Matrix(rows, cols, values, null);
    }

    public static Matrix ofDoubles(int rows, int cols, double[] values) {
        checkLength(rows, cols, values.length);
        return new Matrix(rows, cols, null, values);
    }

    private static void checkLength(int rows, int cols, int length) {
        if ((long) rows * cols != length) {
            throw new IllegalArgumentException(rows + "x" + cols + " matrix needs " + (long) rows * cols
                    + " values, got " + length);
        }
    }

    public int rows() {
        return rows;
    }

    public int cols() {
        return cols;
    }

    public double get(int row, int col) {
        int i = row * cols + col;
        return floats != null ? floats[i] : doubles[i];
    }

    /** A copy of one row, widened to double. */
    public double[] row(int row) {
        double[] out = new double[cols];
        for (int c = 0; c < cols; c++) {
            out[c] = get(row, c);
        }
        return out;
    }

    /** {@code W x} for a vector x of length cols; result length rows. */
    public double[] multiply(double[] x) {
        if (x.length != cols) {
            throw new IllegalArgumentException("vector of length " + x.length + " for a " + rows + "x" + cols + " matrix");
        }
        double[] y = new double[rows];
        for (int r = 0; r < rows; r++) {
            double sum = 0;
            int base = r * cols;
            if (floats != null) {
                for (int c = 0; c < cols; c++) {
                    sum += floats[base + c] * x[c];
                }
            } else {
                for (int c = 0; c < cols; c++) {
                    sum += doubles[base + c] * x[c];
                }
            }
            y[r] = sum;
        }
        return y;
    }

    /** The transpose, used to turn GPT-2's Conv1D layout [in, out] into the [out, in] layout of a linear layer. */
    public Matrix transpose() {
        if (floats != null) {
            float[] t = new float[floats.length];
            for (int r = 0; r < rows; r++) {
                for (int c = 0; c < cols; c++) {
                    t[c * rows + r] = floats[r * cols + c];
                }
            }
            return new Matrix(cols, rows, t, null);
        }
        double[] t = new double[doubles.length];
        for (int r = 0; r < rows; r++) {
            for (int c = 0; c < cols; c++) {
                t[c * rows + r] = doubles[r * cols + c];
            }
        }
        return new Matrix(cols, rows, null, t);
    }

    /** Rows [from, to) as a new matrix (used to split GPT-2's fused q/k/v projection). */
    public Matrix rowRange(int from, int to) {
        int n = to - from;
        if (floats != null) {
            float[] part = new float[n * cols];
            System.arraycopy(floats, from * cols, part, 0, part.length);
            return new Matrix(n, cols, part, null);
        }
        double[] part = new double[n * cols];
        System.arraycopy(doubles, from * cols, part, 0, part.length);
        return new Matrix(n, cols, null, part);
    }
}
