package io.mechanist.probes.tests;

/**
 * The straightforward logistic probe, written independently of the bundle's solver: standardise the training rows
 * in double with their own statistics (population sd, constant features dropped), then Newton's method with a
 * dense (d+1) x (d+1) Hessian and backtracking on the objective
 * {@code mean_i log(1 + exp(-y_i (w.z_i + b))) + lambda/2 |w|^2} until the largest gradient entry is below 1e-10,
 * and map the weights back to the raw activations.
 */
final class NewtonReference {

    private NewtonReference() {
    }

    /** {@code model[0..d)} weights on raw activations, {@code model[d]} bias; classes {@code y} in {0, 1}. */
    static double[] fit(double[][] x, int[] y, double lambda) {
        int n = x.length;
        int d = x[0].length;
        double[] mean = new double[d];
        double[] scale = new double[d];
        for (double[] row : x) {
            for (int j = 0; j < d; j++) {
                mean[j] += row[j];
            }
        }
        for (int j = 0; j < d; j++) {
            mean[j] /= n;
        }
        for (double[] row : x) {
            for (int j = 0; j < d; j++) {
                scale[j] += (row[j] - mean[j]) * (row[j] - mean[j]);
            }
        }
        for (int j = 0; j < d; j++) {
            double sd = Math.sqrt(scale[j] / n);
            scale[j] = sd > 1e-12 * Math.max(1, Math.abs(mean[j])) ? 1 / sd : 0;
        }
        double[][] z = new double[n][d + 1];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < d; j++) {
                z[i][j] = (x[i][j] - mean[j]) * scale[j];
            }
            z[i][d] = 1;
        }
        double[] theta = new double[d + 1];
        for (int iteration = 0; iteration < 100; iteration++) {
            double[] gradient = new double[d + 1];
            double[][] hessian = new double[d + 1][d + 1];
            for (int i = 0; i < n; i++) {
                double p = sigmoid(dot(theta, z[i]));
                double r = (p - y[i]) / n;
                double curvature = p * (1 - p) / n;
                for (int a = 0; a <= d; a++) {
                    gradient[a] += r * z[i][a];
                    double za = curvature * z[i][a];
                    for (int b = 0; b <= a; b++) {
                        hessian[a][b] += za * z[i][b];
                    }
                }
            }
            double largest = 0;
            for (int a = 0; a < d; a++) {
                gradient[a] += lambda * theta[a];
                hessian[a][a] += lambda;
            }
            for (int a = 0; a <= d; a++) {
                largest = Math.max(largest, Math.abs(gradient[a]));
            }
            if (largest < 1e-10) {
                break;
            }
            double[] step = solve(hessian, gradient);
            double f = objective(z, y, theta, lambda);
            double t = 1;
            double[] next = new double[d + 1];
            for (int trial = 0; trial < 60; trial++) {
                for (int a = 0; a <= d; a++) {
                    next[a] = theta[a] - t * step[a];
                }
                if (objective(z, y, next, lambda) <= f) {
                    break;
                }
                t /= 2;
            }
            System.arraycopy(next, 0, theta, 0, d + 1);
        }
        double[] model = new double[d + 1];
        model[d] = theta[d];
        for (int j = 0; j < d; j++) {
            model[j] = theta[j] * scale[j];
            model[d] -= model[j] * mean[j];
        }
        return model;
    }

    static double score(double[] model, double[] row) {
        double s = model[row.length];
        for (int j = 0; j < row.length; j++) {
            s += model[j] * row[j];
        }
        return s;
    }

    private static double objective(double[][] z, int[] y, double[] theta, double lambda) {
        double loss = 0;
        for (int i = 0; i < z.length; i++) {
            double m = (2 * y[i] - 1) * dot(theta, z[i]);
            loss += m > 0 ? Math.log1p(Math.exp(-m)) : -m + Math.log1p(Math.exp(m));
        }
        double penalty = 0;
        for (int a = 0; a < theta.length - 1; a++) {
            penalty += theta[a] * theta[a];
        }
        return loss / z.length + 0.5 * lambda * penalty;
    }

    private static double sigmoid(double m) {
        return m >= 0 ? 1 / (1 + Math.exp(-m)) : Math.exp(m) / (1 + Math.exp(m));
    }

    private static double dot(double[] a, double[] b) {
        double s = 0;
        for (int k = 0; k < a.length; k++) {
            s += a[k] * b[k];
        }
        return s;
    }

    /** Solves {@code H s = g} for the symmetric positive definite H given by its lower triangle (Cholesky). */
    private static double[] solve(double[][] h, double[] g) {
        int m = g.length;
        double[][] l = new double[m][m];
        for (int a = 0; a < m; a++) {
            for (int b = 0; b <= a; b++) {
                double s = h[a][b];
                for (int k = 0; k < b; k++) {
                    s -= l[a][k] * l[b][k];
                }
                l[a][b] = a == b ? Math.sqrt(s) : s / l[b][b];
            }
        }
        double[] v = new double[m];
        for (int a = 0; a < m; a++) {
            double s = g[a];
            for (int k = 0; k < a; k++) {
                s -= l[a][k] * v[k];
            }
            v[a] = s / l[a][a];
        }
        double[] out = new double[m];
        for (int a = m - 1; a >= 0; a--) {
            double s = v[a];
            for (int k = a + 1; k < m; k++) {
                s -= l[k][a] * out[k];
            }
            out[a] = s / l[a][a];
        }
        return out;
    }
}
