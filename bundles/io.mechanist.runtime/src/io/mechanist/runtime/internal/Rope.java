package io.mechanist.runtime.internal;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.Shape;
import io.mechanist.runtime.RopeSpec;

/**
 * Rotary embedding in Hugging Face's "rotate half" layout: the head vector is split into halves (x1, x2) and
 * rotated to (x1 cos - x2 sin, x2 cos + x1 sin) with angle position * inverse frequency.
 * The angles are computed in double precision in Java for each token's own position id.
 */
public final class Rope {
    private final NDArray cos;
    private final NDArray sin;
    private final int half;

    /**
     * @param positions position ids [batch][chunk]
     */
    public Rope(RopeSpec spec, int[][] positions, NDManager manager) {
        double[] inv = spec.inverseFrequencies();
        half = inv.length;
        int batch = positions.length;
        int length = positions[0].length;
        float[] c = new float[batch * length * half];
        float[] s = new float[c.length];
        int k = 0;
        for (int[] row : positions) {
            for (int p : row) {
                for (double f : inv) {
                    double angle = p * f;
                    c[k] = (float) Math.cos(angle);
                    s[k++] = (float) Math.sin(angle);
                }
            }
        }
        Shape shape = new Shape(batch, length, 1, half);
        cos = manager.create(c, shape);
        sin = manager.create(s, shape);
    }

    /** x [batch, pos, heads, headDim] -> rotated, same shape. */
    public NDArray apply(NDArray x) {
        NDArray x1 = x.get(new NDIndex(":, :, :, 0:" + half));
        NDArray x2 = x.get(new NDIndex(":, :, :, " + half + ":" + 2 * half));
        NDArray first = x1.mul(cos).subi(x2.mul(sin));
        NDArray second = x2.mul(cos).addi(x1.mul(sin));
        return first.concat(second, -1);
    }
}
