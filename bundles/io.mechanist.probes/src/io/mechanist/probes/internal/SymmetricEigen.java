package io.mechanist.probes.internal;

/** Eigen-decomposition of a small symmetric matrix by cyclic Jacobi rotations (used for matrices up to 16 x 16). */
final class SymmetricEigen {

    private static final int MAX_SWEEPS = 60;

    private SymmetricEigen() {
    }

    /**
     * Decomposes the symmetric {@code a [n][n]} (overwritten): {@code values[k]} the eigenvalues, column k of
     * {@code vectors [n][n]} the unit eigenvector of value k.
     */
    static void decompose(double[][] a, int n, double[] values, double[][] vectors) {
        for (int i = 0; i < n; i++) {
            java.util.Arrays.fill(vectors[i], 0, n, 0);
            vectors[i][i] = 1;
        }
        for (int sweep = 0; sweep < MAX_SWEEPS; sweep++) {
            double off = 0;
            double diagonal = 0;
            for (int p = 0; p < n; p++) {
                diagonal += a[p][p] * a[p][p];
                for (int q = p + 1; q < n; q++) {
                    off += a[p][q] * a[p][q];
                }
            }
            if (off <= 1e-30 * diagonal || off == 0) {
                break;
            }
            for (int p = 0; p < n; p++) {
                for (int q = p + 1; q < n; q++) {
                    double apq = a[p][q];
                    if (apq == 0) {
                        continue;
                    }
                    // the rotation that zeroes a[p][q] (Golub and Van Loan, 8.5.2)
                    double theta = (a[q][q] - a[p][p]) / (2 * apq);
                    double t = Math.signum(theta) / (Math.abs(theta) + Math.sqrt(theta * theta + 1));
                    if (theta == 0) {
                        t = 1;
                    }
                    double c = 1 / Math.sqrt(t * t + 1);
                    double s = t * c;
                    for (int k = 0; k < n; k++) { // columns p and q
                        double akp = a[k][p];
                        double akq = a[k][q];
                        a[k][p] = c * akp - s * akq;
                        a[k][q] = s * akp + c * akq;
                    }
                    for (int k = 0; k < n; k++) { // rows p and q
                        double apk = a[p][k];
                        double aqk = a[q][k];
                        a[p][k] = c * apk - s * aqk;
                        a[q][k] = s * apk + c * aqk;
                    }
                    for (int k = 0; k < n; k++) {
                        double vkp = vectors[k][p];
                        double vkq = vectors[k][q];
                        vectors[k][p] = c * vkp - s * vkq;
                        vectors[k][q] = s * vkp + c * vkq;
                    }
                }
            }
        }
        for (int k = 0; k < n; k++) {
            values[k] = a[k][k];
        }
    }
}
