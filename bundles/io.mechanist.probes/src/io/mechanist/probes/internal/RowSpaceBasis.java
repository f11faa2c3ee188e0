package io.mechanist.probes.internal;

/**
 * The training rows' coordinates in their own row space, for fits with fewer rows than features.
 *
 * <p>With {@code X [n, d]} the standardised training rows and {@code K = X X^T = L L^T} a pivoted Cholesky
 * factorisation of rank r ({@code L [n, r]}, rows in pivot order), there is a {@code Q [d, r]} with orthonormal
 * columns and {@code X = L Q^T}. An L2-penalised linear model's optimal weights lie in the row space of X, so
 * {@code w = Q g} gives {@code X w = L g} and {@code |w| = |g|}: the logistic problem on the design {@code L}
 * (n x r) is exactly the d-dimensional one, at {@code n*r} instead of {@code n*d} per product. Weights come back as
 * {@code w = X_1^T L_11^-T g} where {@code X_1} are the r pivot rows and {@code L_11} their triangular block.
 * The Gram matrix and factor are shared by the real and the control fit of a fold.
 */
final class RowSpaceBasis {

    /** Pivots whose remaining variance is below this fraction of the largest diagonal are dropped (rank cut). */
    private static final double RANK_TOLERANCE = 1e-6;

    private final int maxRows;
    private final double[] gram;    // [n, n] row-major, symmetric once the factorisation starts
    private final GramKernel gramKernel;
    private final double[][] factor; // L [n, n] by columns (column k is factor[k]), rows in pivot order
    private final double[] column;  // the column being computed
    private final double[] remaining;
    private final int[] pivot;      // position -> training row (index into the train subset)
    final float[][] rowMajor;       // L [n, r] by rows, rows in pivot order (lower trapezoidal)
    final float[][] columnMajor;    // L [n, r] by columns
    final double[] inverseCurvature; // [r]
    int rows;
    int rank;

    RowSpaceBasis(int maxRows) {
        this.maxRows = maxRows;
        gram = new double[maxRows * maxRows];
        gramKernel = new GramKernel(maxRows);
        factor = new double[maxRows][maxRows];
        column = new double[maxRows];
        remaining = new double[maxRows];
        pivot = new int[maxRows];
        rowMajor = new float[maxRows][maxRows];
        columnMajor = new float[maxRows][maxRows];
        inverseCurvature = new double[maxRows];
    }

    /** Builds the basis from the standardised rows given as columns {@code columns[j][0..n)}, {@code j < d}. */
    void build(float[][] standardisedColumns, int n, int d, double lambda) {
        if (n > maxRows) {
            throw new IllegalArgumentException("basis sized for " + maxRows + " rows, got " + n);
        }
        rows = n;
        gramKernel.lowerGram(standardisedColumns, n, d, gram);
        pivotedCholesky(n);
        int r = rank;
        for (int k = 0; k < r; k++) { // pivot order: lower trapezoidal, row i is training row pivot[i]
            double[] source = factor[k];
            float[] column = columnMajor[k];
            for (int i = 0; i < n; i++) {
                float v = k <= i ? (float) source[i] : 0f;
                column[i] = v;
                rowMajor[i][k] = v;
            }
        }
        // diagonal of the loss Hessian at its largest (sigma' <= 1/4) plus the penalty
        for (int k = 0; k < r; k++) {
            double norm2 = 0;
            double[] source = factor[k];
            for (int i = k; i < n; i++) {
                norm2 += source[i] * source[i];
            }
            inverseCurvature[k] = 1 / (0.25 * norm2 / n + lambda);
        }
    }

    /** Copies the lower triangle onto the upper one, so a pivot's Gram column can be read as a contiguous row. */
    private void symmetrise(int n) {
        for (int i = 0; i < n; i++) {
            int row = i * n;
            for (int k = 0; k < i; k++) {
                gram[k * n + i] = gram[row + k];
            }
        }
    }

    private void pivotedCholesky(int n) {
        symmetrise(n);
        double largest = 0;
        for (int i = 0; i < n; i++) {
            pivot[i] = i;
            remaining[i] = gram[i * n + i];
            largest = Math.max(largest, remaining[i]);
        }
        double cut = RANK_TOLERANCE * largest;
        rank = 0;
        for (int k = 0; k < n; k++) {
            int best = k;
            for (int i = k + 1; i < n; i++) {
                if (remaining[i] > remaining[best]) {
                    best = i;
                }
            }
            if (!(remaining[best] > cut)) {
                break;
            }
            if (best != k) {
                swap(k, best, n);
            }
            double diagonal = Math.sqrt(remaining[k]);
            double[] target = factor[k];
            target[k] = diagonal;
            // column k below the diagonal: K[i,k] - sum_j L[i,j] L[k,j], as unit-stride sweeps down eight earlier
            // columns at a time (distinct arrays, which the JIT vectorises)
            int pivotRow = pivot[k] * n;
            for (int i = k + 1; i < n; i++) {
                column[i] = gram[pivotRow + pivot[i]];
            }
            int j = 0;
            for (; j + 8 <= k; j += 8) {
                double[] f0 = factor[j];
                double[] f1 = factor[j + 1];
                double[] f2 = factor[j + 2];
                double[] f3 = factor[j + 3];
                double[] f4 = factor[j + 4];
                double[] f5 = factor[j + 5];
                double[] f6 = factor[j + 6];
                double[] f7 = factor[j + 7];
                double l0 = f0[k], l1 = f1[k], l2 = f2[k], l3 = f3[k];
                double l4 = f4[k], l5 = f5[k], l6 = f6[k], l7 = f7[k];
                for (int i = k + 1; i < n; i++) {
                    column[i] -= f0[i] * l0 + f1[i] * l1 + f2[i] * l2 + f3[i] * l3 + f4[i] * l4 + f5[i] * l5
                            + f6[i] * l6 + f7[i] * l7;
                }
            }
            for (; j < k; j++) {
                double[] f = factor[j];
                double lkj = f[k];
                for (int i = k + 1; i < n; i++) {
                    column[i] -= f[i] * lkj;
                }
            }
            for (int i = k + 1; i < n; i++) {
                double v = column[i] / diagonal;
                target[i] = v;
                remaining[i] -= v * v;
            }
            rank = k + 1;
        }
    }

    private void swap(int a, int b, int n) {
        int t = pivot[a];
        pivot[a] = pivot[b];
        pivot[b] = t;
        double r = remaining[a];
        remaining[a] = remaining[b];
        remaining[b] = r;
        for (int j = 0; j < a; j++) { // the computed part of both rows
            double[] c = factor[j];
            double f = c[a];
            c[a] = c[b];
            c[b] = f;
        }
    }

    /** Training-row position of pivot {@code k} (index into the rows the basis was built from). */
    int pivotRow(int k) {
        return pivot[k];
    }

    /**
     * Maps coordinates {@code g [r]} to row-space weights {@code w [d] = X_1^T L_11^-T g}, with the standardised
     * training rows given as rows {@code rows[i][0..d)}.
     */
    void toFeatureWeights(double[] coordinates, float[][] standardisedRows, int d, double[] weightsOut,
            double[] scratch) {
        int n = rows;
        int r = rank;
        // back substitution: L_11^T v = g
        for (int k = r - 1; k >= 0; k--) {
            double sum = coordinates[k];
            for (int i = k + 1; i < r; i++) {
                sum -= factor[k][i] * scratch[i];
            }
            scratch[k] = sum / factor[k][k];
        }
        java.util.Arrays.fill(weightsOut, 0, d, 0);
        for (int k = 0; k < r; k++) {
            double v = scratch[k];
            float[] row = standardisedRows[pivot[k]];
            for (int j = 0; j < d; j++) {
                weightsOut[j] += v * row[j];
            }
        }
    }
}
