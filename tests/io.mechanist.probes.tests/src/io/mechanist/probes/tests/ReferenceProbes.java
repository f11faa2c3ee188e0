package io.mechanist.probes.tests;

/**
 * Plain double-precision reference probes written independently of the bundle's solvers: full-batch gradient
 * descent for logistic regression, brute-force threshold search for the difference-of-means probe, and a naive
 * loop over folds.
 */
final class ReferenceProbes {

    private ReferenceProbes() {
    }

    /** Cross-validated accuracy (correct count) for the given folds; rows are {@code x[p]}, classes {@code y[p]}. */
    static int crossValidatedCorrect(double[][] x, int[] y, int[] foldOf, int folds, boolean logistic,
            double lambda) {
        int n = x.length;
        int correct = 0;
        for (int f = 0; f < folds; f++) {
            int trainCount = 0;
            for (int p = 0; p < n; p++) {
                trainCount += foldOf[p] != f ? 1 : 0;
            }
            double[][] tx = new double[trainCount][];
            int[] ty = new int[trainCount];
            int t = 0;
            for (int p = 0; p < n; p++) {
                if (foldOf[p] != f) {
                    tx[t] = x[p];
                    ty[t++] = y[p];
                }
            }
            double[] model = logistic ? logistic(tx, ty, lambda) : massMean(tx, ty);
            for (int p = 0; p < n; p++) {
                if (foldOf[p] == f) {
                    int predicted = score(model, x[p]) > 0 ? 1 : 0;
                    correct += predicted == y[p] ? 1 : 0;
                }
            }
        }
        return correct;
    }

    /** {@code model[0..d)} weights in the original space, {@code model[d]} bias. */
    static double score(double[] model, double[] row) {
        double s = model[row.length];
        for (int j = 0; j < row.length; j++) {
            s += model[j] * row[j];
        }
        return s;
    }

    /** Standardise with training statistics, gradient descent to convergence, map back to original space. */
    static double[] logistic(double[][] x, int[] y, double lambda) {
        int n = x.length;
        int d = x[0].length;
        double[] mean = new double[d];
        double[] sd = new double[d];
        for (double[] row : x) {
            for (int j = 0; j < d; j++) {
                mean[j] += row[j] / n;
            }
        }
        for (double[] row : x) {
            for (int j = 0; j < d; j++) {
                sd[j] += (row[j] - mean[j]) * (row[j] - mean[j]) / n;
            }
        }
        double[][] z = new double[n][d];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < d; j++) {
                z[i][j] = sd[j] > 0 ? (x[i][j] - mean[j]) / Math.sqrt(sd[j]) : 0;
            }
        }
        double lipschitz = 0.25 * largestEigenvalue(z) / n + lambda + 0.25;
        double step = 1 / lipschitz;
        double[] w = new double[d];
        double b = 0;
        for (int iteration = 0; iteration < 200_000; iteration++) {
            double[] grad = new double[d];
            double gradB = 0;
            for (int i = 0; i < n; i++) {
                double m = b;
                for (int j = 0; j < d; j++) {
                    m += w[j] * z[i][j];
                }
                double p = 1 / (1 + Math.exp(-m));
                double r = (p - y[i]) / n;
                for (int j = 0; j < d; j++) {
                    grad[j] += r * z[i][j];
                }
                gradB += r;
            }
            double max = Math.abs(gradB);
            for (int j = 0; j < d; j++) {
                grad[j] += lambda * w[j];
                max = Math.max(max, Math.abs(grad[j]));
            }
            for (int j = 0; j < d; j++) {
                w[j] -= step * grad[j];
            }
            b -= step * gradB;
            if (max < 1e-9) {
                break;
            }
        }
        double[] model = new double[d + 1];
        model[d] = b;
        for (int j = 0; j < d; j++) {
            model[j] = sd[j] > 0 ? w[j] / Math.sqrt(sd[j]) : 0;
            model[d] -= model[j] * mean[j];
        }
        return model;
    }

    /** Largest eigenvalue of Z^T Z by power iteration. */
    private static double largestEigenvalue(double[][] z) {
        int d = z[0].length;
        double[] v = new double[d];
        java.util.Arrays.fill(v, 1 / Math.sqrt(d));
        double value = 0;
        for (int it = 0; it < 500; it++) {
            double[] u = new double[z.length];
            for (int i = 0; i < z.length; i++) {
                for (int j = 0; j < d; j++) {
                    u[i] += z[i][j] * v[j];
                }
            }
            double[] next = new double[d];
            for (int i = 0; i < z.length; i++) {
                for (int j = 0; j < d; j++) {
                    next[j] += z[i][j] * u[i];
                }
            }
            double norm = 0;
            for (double c : next) {
                norm += c * c;
            }
            norm = Math.sqrt(norm);
            value = norm;
            for (int j = 0; j < d; j++) {
                v[j] = next[j] / norm;
            }
        }
        return value;
    }

    /** Difference of class means; threshold by trying every midpoint between sorted training scores. */
    static double[] massMean(double[][] x, int[] y) {
        int n = x.length;
        int d = x[0].length;
        double[] mu1 = new double[d];
        double[] mu0 = new double[d];
        int n1 = 0;
        for (int i = 0; i < n; i++) {
            n1 += y[i];
        }
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < d; j++) {
                if (y[i] == 1) {
                    mu1[j] += x[i][j] / n1;
                } else {
                    mu0[j] += x[i][j] / (n - n1);
                }
            }
        }
        double[] theta = new double[d + 1];
        double mid = 0;
        for (int j = 0; j < d; j++) {
            theta[j] = mu1[j] - mu0[j];
            mid += theta[j] * (mu1[j] + mu0[j]) / 2;
        }
        double[] scores = new double[n];
        for (int i = 0; i < n; i++) {
            scores[i] = score(theta, x[i]);
        }
        double[] sorted = scores.clone();
        java.util.Arrays.sort(sorted);
        java.util.List<Double> candidates = new java.util.ArrayList<>();
        candidates.add(sorted[0] - 1);
        candidates.add(sorted[n - 1] + 1);
        for (int i = 0; i + 1 < n; i++) {
            if (sorted[i + 1] > sorted[i]) {
                candidates.add((sorted[i] + sorted[i + 1]) / 2);
            }
        }
        double bestThreshold = Double.NaN;
        int bestCorrect = -1;
        for (double t : candidates) {
            int correct = 0;
            for (int i = 0; i < n; i++) {
                correct += (scores[i] > t ? 1 : 0) == y[i] ? 1 : 0;
            }
            if (correct > bestCorrect
                    || (correct == bestCorrect && Math.abs(t - mid) < Math.abs(bestThreshold - mid))) {
                bestCorrect = correct;
                bestThreshold = t;
            }
        }
        theta[d] = -bestThreshold;
        return theta;
    }
}
