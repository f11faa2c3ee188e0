package io.mechanist.probes.internal;

import java.util.SplittableRandom;

/**
 * A preconditioner for the logistic fits: the few directions that carry most of the standardised rows' variance,
 * with how much more curvature the objective has along them than elsewhere.
 *
 * <p>Residual-stream activations put most of their variance in a few shared directions, so the Hessian of the L2
 * logistic objective, {@code X^T D X / n + lambda I} with {@code D <= 1/4}, has a few eigenvalues hundreds of times
 * the rest: L-BFGS spends most of its iterations on them. As the initial inverse Hessian of its two-loop recursion
 * the solver uses {@code gamma M} with {@code M = I + sum_k (c_k - 1) u_k u_k^T}, {@code u_k} the dominant directions
 * (orthonormal) and {@code c_k = min(1, h / h_k)}: {@code h_k = ||X u_k||^2 / (4 n) + lambda} the curvature along
 * {@code u_k} at the start (D = 1/4) and {@code h} the mean curvature along the remaining directions of the row
 * space. M is symmetric positive definite, so the objective, its unique optimum and the stopping rule (on the true
 * gradient) are unchanged; only the path is shorter.
 *
 * <p>Found by one step of randomized subspace iteration: {@code Z = X^T X Omega} for {@value #RANK} Gaussian
 * directions (fixed seed), orthonormalised, then the Rayleigh-Ritz rotation from the eigenvectors of
 * {@code (X Q)^T (X Q)}. Four passes over the rows, each a float axpy sweep; the directions of a cell's first fold
 * serve its other folds (their training rows overlap by three quarters, and a slightly stale M is still SPD).
 */
public final class DominantDirections {

    /** Directions sought: twice the few dominant ones of the benchmark's activations, so they are all caught. */
    static final int RANK = 16;
    /** Sampled directions whose image after the power step is this small, relative to the largest, are dropped. */
    private static final double DROP = 1e-6;

    private final int maxFeatures;
    private final float[][] omega;    // [RANK][maxFeatures], the Gaussian test directions
    private final float[][] image;    // [RANK][maxRows], X times a block of directions
    private final float[][] back;     // [RANK][maxFeatures], X^T times image
    private final double[][] basis;   // [RANK][maxFeatures], orthonormal
    private final float[][] basisF;
    private final double[][] directions; // u_k, [RANK][maxFeatures]
    private final double[] scale;        // c_k
    private final double[] projection;
    private int rank;

    public DominantDirections(int maxFeatures, int maxRows) {
        this.maxFeatures = maxFeatures;
        omega = new float[RANK][maxFeatures];
        SplittableRandom random = new SplittableRandom(0x5EED_D1EC_7104L);
        for (float[] row : omega) {
            for (int j = 0; j < maxFeatures; j++) {
                row[j] = (float) random.nextGaussian();
            }
        }
        image = new float[RANK][maxRows];
        back = new float[RANK][maxFeatures];
        basis = new double[RANK][maxFeatures];
        basisF = new float[RANK][maxFeatures];
        directions = new double[RANK][maxFeatures];
        scale = new double[RANK];
        projection = new double[RANK];
    }

    /** The number of directions found by the last {@link #build} (at most {@value #RANK}). */
    public int rank() {
        return rank;
    }

    /** Direction k (orthonormal, {@code [features]} entries used). */
    public double[] direction(int k) {
        return directions[k];
    }

    /** {@code c_k}: the factor the preconditioner applies along direction k, in (0, 1]. */
    public double scale(int k) {
        return scale[k];
    }

    /**
     * Finds the dominant directions of {@code n} standardised rows of {@code d} features, given in both layouts
     * ({@code rows[i][0..d)}, {@code columns[j][0..n)}), for the penalty {@code lambda}.
     */
    public void build(float[][] rows, float[][] columns, int n, int d, double lambda) {
        if (d > maxFeatures) {
            throw new IllegalArgumentException("directions sized for " + maxFeatures + " features, got " + d);
        }
        int sampled = Math.min(RANK, Math.min(n, d));
        multiply(columns, n, d, omega, sampled);          // image = X Omega
        multiplyTransposed(rows, n, d, sampled);          // back = X^T X Omega
        // orthonormalise in double, twice (Gram-Schmidt loses orthogonality on a spectrum this steep)
        double largest = 0;
        int kept = 0;
        for (int c = 0; c < sampled; c++) {
            double[] q = basis[kept];
            for (int j = 0; j < d; j++) {
                q[j] = back[c][j];
            }
            double norm = Math.sqrt(FloatKernels.dot(q, q, d));
            largest = Math.max(largest, norm);
            for (int pass = 0; pass < 2; pass++) {
                for (int k = 0; k < kept; k++) {
                    double p = FloatKernels.dot(basis[k], q, d);
                    for (int j = 0; j < d; j++) {
                        q[j] -= p * basis[k][j];
                    }
                }
            }
            double remaining = Math.sqrt(FloatKernels.dot(q, q, d));
            if (remaining <= DROP * largest || remaining == 0) {
                continue;
            }
            for (int j = 0; j < d; j++) {
                q[j] /= remaining;
                basisF[kept][j] = (float) q[j];
            }
            kept++;
        }
        rank = kept;
        if (kept == 0) {
            return;
        }
        multiply(columns, n, d, basisF, kept); // image = X Q
        // Rayleigh-Ritz: the eigenvectors of (X Q)^T (X Q) rotate Q onto the dominant directions
        double[][] small = new double[kept][kept];
        for (int a = 0; a < kept; a++) {
            for (int b = 0; b <= a; b++) {
                double s = 0;
                for (int i = 0; i < n; i++) {
                    s += (double) image[a][i] * image[b][i];
                }
                small[a][b] = s;
                small[b][a] = s;
            }
        }
        double[][] vectors = new double[kept][kept];
        double[] values = new double[kept];
        SymmetricEigen.decompose(small, kept, values, vectors);
        for (int k = 0; k < kept; k++) {
            double[] u = directions[k];
            java.util.Arrays.fill(u, 0, d, 0);
            for (int a = 0; a < kept; a++) {
                double v = vectors[a][k];
                double[] q = basis[a];
                for (int j = 0; j < d; j++) {
                    u[j] += v * q[j];
                }
            }
        }
        // curvatures at the start (D = 1/4): along each direction, and on average along the rest of the row space
        double total = 0;
        for (int i = 0; i < n; i++) {
            float[] x = rows[i];
            for (int j = 0; j < d; j++) {
                total += x[j] * x[j];
            }
        }
        double dominant = 0;
        for (int k = 0; k < kept; k++) {
            dominant += Math.max(0, values[k]);
        }
        int restDimensions = Math.min(n - 1, d) - kept; // standardised rows are centred: rank <= n - 1
        double rest = restDimensions > 0 ? Math.max(0, total - dominant) / (4.0 * n * restDimensions) + lambda
                : lambda;
        for (int k = 0; k < kept; k++) {
            double along = Math.max(0, values[k]) / (4.0 * n) + lambda;
            scale[k] = Math.min(1, rest / along);
        }
    }

    /** {@code v[0..d) <- M v[0..d)}; entries from d on (the bias) are left as they are. */
    void apply(double[] v, int d) {
        for (int k = 0; k < rank; k++) {
            projection[k] = (scale[k] - 1) * FloatKernels.dot(directions[k], v, d);
        }
        for (int k = 0; k < rank; k++) {
            double p = projection[k];
            double[] u = directions[k];
            for (int j = 0; j < d; j++) {
                v[j] += p * u[j];
            }
        }
    }

    /** {@code y^T M y} over the first {@code dim} entries (the bias, at d, weighs 1). */
    double quadratic(double[] y, int d, int dim) {
        double q = FloatKernels.dot(y, y, dim);
        for (int k = 0; k < rank; k++) {
            double p = FloatKernels.dot(directions[k], y, d);
            q += (scale[k] - 1) * p * p;
        }
        return q;
    }

    /** {@code image[c][0..n) = X m_c} for the first {@code count} rows of {@code m} (X's columns: its features). */
    private void multiply(float[][] columns, int n, int d, float[][] m, int count) {
        combine(columns, d, n, m, image, count);
    }

    /** {@code back[c][0..d) = X^T image[c]} (X's rows: its examples). */
    private void multiplyTransposed(float[][] rows, int n, int d, int count) {
        combine(rows, n, d, image, back, count);
    }

    /**
     * {@code out[c][0..length) = sum_k weights[c][k] vectors[k]} over the {@code vectorCount} vectors, for the first
     * {@code count} outputs: four vectors per sweep over each output, so each output row is read and written a
     * quarter as often.
     */
    private static void combine(float[][] vectors, int vectorCount, int length, float[][] weights, float[][] out,
            int count) {
        for (int c = 0; c < count; c++) {
            java.util.Arrays.fill(out[c], 0, length, 0f);
        }
        int k = 0;
        for (; k + 3 < vectorCount; k += 4) {
            float[] x0 = vectors[k];
            float[] x1 = vectors[k + 1];
            float[] x2 = vectors[k + 2];
            float[] x3 = vectors[k + 3];
            for (int c = 0; c < count; c++) {
                float[] o = out[c];
                float[] w = weights[c];
                float w0 = w[k];
                float w1 = w[k + 1];
                float w2 = w[k + 2];
                float w3 = w[k + 3];
                for (int i = 0; i < length; i++) {
                    o[i] += w0 * x0[i] + w1 * x1[i] + w2 * x2[i] + w3 * x3[i];
                }
            }
        }
        for (; k < vectorCount; k++) {
            float[] x = vectors[k];
            for (int c = 0; c < count; c++) {
                float[] o = out[c];
                float w = weights[c][k];
                for (int i = 0; i < length; i++) {
                    o[i] += w * x[i];
                }
            }
        }
    }
}
