package io.mechanist.probes.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

import io.mechanist.probes.internal.DominantDirections;
import io.mechanist.probes.internal.LogisticTrainer;

/**
 * The feature-space preconditioner ({@link DominantDirections}) against double-precision references, on standardised
 * rows shaped like a residual stream (a few large shared directions plus small isotropic noise, fewer rows than
 * features, d not a multiple of the kernels' blocks of 4).
 *
 * <p>Stated tolerances: every one of the top {@value #FACTORS} eigenvectors of {@code X^T X} (power iteration with
 * deflation in double) lies in the span of the directions found up to 1e-3 of its norm, the direction closest
 * to it has {@code ||X u||^2} within 1e-3 of the eigenvalue, and its scale brings the starting curvature along it
 * ({@code ||X u||^2 / (4 n) + lambda}) down to at most the next eigen-direction's; the preconditioned L-BFGS fit lands on the dense
 * double-precision Newton optimum ({@link NewtonReference}) as the plain one does: weights (max-norm) and bias within
 * 5e-3 (largest weights 0.7-1.6; both stop at a gradient max-norm of 1e-4, and the curvature can be as low as lambda
 * = 0.01), the same predicted class for every row; and it takes fewer iterations than the plain fit.
 */
class DominantDirectionsTest {

    private static final int FACTORS = 5;
    private static final double LAMBDA = 0.01;

    @Test
    void directionsSpanTheDominantEigenvectors() {
        int n = 90;
        int d = 203;
        double[][] x = standardisedResidualLike(n, d, 0, new int[n], 11);
        DominantDirections dominant = build(x, n, d);
        assertTrue(dominant.rank() >= FACTORS, "found " + dominant.rank() + " directions");
        double[][] gram = new double[d][d];
        for (double[] row : x) {
            for (int a = 0; a < d; a++) {
                for (int b = 0; b < d; b++) {
                    gram[a][b] += row[a] * row[b];
                }
            }
        }
        SplittableRandom random = new SplittableRandom(5);
        double[] values = new double[FACTORS + 1];
        double[][] vectors = new double[FACTORS + 1][];
        for (int k = 0; k <= FACTORS; k++) { // power iteration with deflation; the last one: the next eigenvalue
            double[] v = new double[d];
            for (int j = 0; j < d; j++) {
                v[j] = random.nextGaussian();
            }
            for (int iteration = 0; iteration < 2000; iteration++) {
                double[] next = multiply(gram, v);
                values[k] = Math.sqrt(dot(next, next));
                for (int j = 0; j < d; j++) {
                    v[j] = next[j] / values[k];
                }
            }
            for (int a = 0; a < d; a++) {
                for (int b = 0; b < d; b++) {
                    gram[a][b] -= values[k] * v[a] * v[b];
                }
            }
            vectors[k] = v;
        }
        double nextCurvature = values[FACTORS] / (4.0 * n) + LAMBDA;
        for (int k = 0; k < FACTORS; k++) {
            double[] v = vectors[k];
            double inSpan = 0;
            int closest = -1;
            double best = 0;
            for (int c = 0; c < dominant.rank(); c++) {
                double p = dot(dominant.direction(c), v);
                inSpan += p * p;
                if (Math.abs(p) > best) {
                    best = Math.abs(p);
                    closest = c;
                }
            }
            assertEquals(1, Math.sqrt(inSpan), 1e-3, "eigenvector " + k + " outside the directions found");
            double[] u = dominant.direction(closest);
            double image = 0;
            for (double[] row : x) {
                double p = dot(row, u);
                image += p * p;
            }
            assertEquals(values[k], image, 1e-3 * values[k], "eigenvalue " + k);
            // at the start (D = 1/4), the preconditioned curvature along the direction is no more than the next
            // eigen-direction's
            double along = values[k] / (4.0 * n) + LAMBDA;
            double scale = dominant.scale(closest);
            assertTrue(scale > 0 && scale * along <= 1.01 * nextCurvature, "direction " + k + ": scale " + scale
                    + " on curvature " + along + ", next eigen-direction's " + nextCurvature);
        }
    }

    @Test
    void preconditionedFitMatchesDoublePrecisionNewton() {
        for (double strength : new double[] {0, 0.3, 1.5}) {
            int n = 150;
            int d = 203;
            int[] y = new int[n];
            double[][] x = standardisedResidualLike(n, d, strength, y, 23);
            float[][] rows = new float[n][d];
            float[][] columns = new float[d][n];
            byte[] sign = new byte[n];
            for (int i = 0; i < n; i++) {
                for (int j = 0; j < d; j++) {
                    rows[i][j] = (float) x[i][j];
                    columns[j][i] = (float) x[i][j];
                }
                sign[i] = (byte) (y[i] == 1 ? 1 : -1);
            }
            DominantDirections dominant = new DominantDirections(d, n);
            dominant.build(rows, columns, n, d, LAMBDA);
            LogisticTrainer trainer = new LogisticTrainer(d, n);
            double[] plain = new double[d];
            double plainBias = trainer.fit(rows, columns, n, d, false, sign, LAMBDA, null, null, null, plain);
            int plainIterations = trainer.iterations();
            double[] preconditioned = new double[d];
            double preconditionedBias = trainer.fit(rows, columns, n, d, false, sign, LAMBDA, null, dominant, null,
                    preconditioned);
            int preconditionedIterations = trainer.iterations();

            double[] model = NewtonReference.fit(x, y, LAMBDA); // re-standardises: the identity up to rounding
            double plainError = 0;
            double preconditionedError = 0;
            double largest = 0;
            for (int j = 0; j < d; j++) {
                plainError = Math.max(plainError, Math.abs(plain[j] - model[j]));
                preconditionedError = Math.max(preconditionedError, Math.abs(preconditioned[j] - model[j]));
                largest = Math.max(largest, Math.abs(model[j]));
            }
            // both stop at a gradient max-norm of 1e-4 with curvature >= lambda: a few 1e-3 from the optimum
            String fits = "strength " + strength + ": plain weights within " + plainError + " (bias "
                    + Math.abs(plainBias - model[d]) + "), preconditioned within " + preconditionedError + " (bias "
                    + Math.abs(preconditionedBias - model[d]) + ") of the Newton optimum, largest weight " + largest;
            assertTrue(plainError <= 5e-3 && Math.abs(plainBias - model[d]) <= 5e-3, fits);
            assertTrue(preconditionedError <= 5e-3 && Math.abs(preconditionedBias - model[d]) <= 5e-3, fits);
            for (int i = 0; i < n; i++) {
                double ours = preconditionedBias;
                for (int j = 0; j < d; j++) {
                    ours += preconditioned[j] * x[i][j];
                }
                assertEquals(NewtonReference.score(model, x[i]) > 0, ours > 0, "strength " + strength + ": row " + i);
            }
            assertTrue(preconditionedIterations < plainIterations, "strength " + strength + ": "
                    + preconditionedIterations + " preconditioned iterations against " + plainIterations + " plain");
        }
    }

    private static DominantDirections build(double[][] x, int n, int d) {
        float[][] rows = new float[n][d];
        float[][] columns = new float[d][n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < d; j++) {
                rows[i][j] = (float) x[i][j];
                columns[j][i] = (float) x[i][j];
            }
        }
        DominantDirections dominant = new DominantDirections(d, n);
        dominant.build(rows, columns, n, d, LAMBDA);
        return dominant;
    }

    /**
     * {@code FACTORS} shared directions with scales 8 down to 4, isotropic noise 0.05 and a label direction of the
     * given strength; columns then standardised in double (mean 0, population sd 1). Writes the classes to y.
     */
    private static double[][] standardisedResidualLike(int n, int d, double strength, int[] y, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        double[][] basis = new double[FACTORS + 1][d];
        for (double[] v : basis) {
            for (int j = 0; j < d; j++) {
                v[j] = random.nextGaussian() / Math.sqrt(d);
            }
        }
        double[][] x = new double[n][d];
        for (int i = 0; i < n; i++) {
            y[i] = random.nextBoolean() ? 1 : 0;
            for (int j = 0; j < d; j++) {
                x[i][j] = 0.05 * random.nextGaussian() + strength * (2 * y[i] - 1) * basis[FACTORS][j];
            }
            for (int f = 0; f < FACTORS; f++) {
                double z = (8 - f) * random.nextGaussian();
                for (int j = 0; j < d; j++) {
                    x[i][j] += z * basis[f][j];
                }
            }
        }
        for (int j = 0; j < d; j++) {
            double mean = 0;
            for (double[] row : x) {
                mean += row[j];
            }
            mean /= n;
            double squares = 0;
            for (double[] row : x) {
                squares += (row[j] - mean) * (row[j] - mean);
            }
            double sd = Math.sqrt(squares / n);
            for (double[] row : x) {
                row[j] = (row[j] - mean) / sd;
            }
        }
        return x;
    }

    private static double[] multiply(double[][] m, double[] v) {
        double[] out = new double[v.length];
        for (int a = 0; a < v.length; a++) {
            out[a] = dot(m[a], v);
        }
        return out;
    }

    private static double dot(double[] a, double[] b) {
        double s = 0;
        for (int k = 0; k < a.length; k++) {
            s += a[k] * b[k];
        }
        return s;
    }
}
