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
    private final double[] gram;    // [n, n], lower triangle used
    private final GramKernel gramKernel;
    private final double[] factor;  // L [n, n] column-major (column k at k * n), rows in pivot order
    private final double[] column;  // the column being computed
    private final double[] remaining;
    private final int[] pivot;      // position -> training row (index into the train subset)
    final float[] rowMajor;         // L [n, r], rows in pivot order (lower trapezoidal)
    final float[] columnMajor;      // L^T [r, n], columns in pivot order
    final double[] inverseCurvature; // [r]
    int rows;
    int rank;

    RowSpaceBasis(int maxRows) {
        this.maxRows = maxRows;
        gram = new double[maxRows * maxRows];
        gramKernel = new GramKernel(maxRows);
        factor = new double[maxRows * maxRows];
        column = new double[maxRows];
        remaining = new double[maxRows];
        pivot = new int[maxRows];
        rowMajor = new float[maxRows * maxRows];
        columnMajor = new float[maxRows * maxRows];
        inverseCurvature = new double[maxRows];
    }

    /** Builds the basis from the column-major standardised rows {@code [d, n]}. */
    void build(float[] standardisedColumnMajor, int n, int d, double lambda) {
        if (n > maxRows) {
            throw new IllegalArgumentException("basis sized for " + maxRows + " rows, got " + n);
        }
        rows = n;
        gramKernel.lowerGram(standardisedColumnMajor, n, d, gram);
        pivotedCholesky(n);
        int r = rank;
        for (int i = 0; i < n; i++) { // pivot order: lower trapezoidal, row i is training row pivot[i]
            for (int k = 0; k < r; k++) {
                float v = k <= i ? (float) factor[k * n + i] : 0f;
                rowMajor[i * r + k] = v;
                columnMajor[k * n + i] = v;
            }
        }
        // diagonal of the loss Hessian at its largest (sigma' <= 1/4) plus the penalty
        for (int k = 0; k < r; k++) {
            double norm2 = 0;
            for (int i = k; i < n; i++) {
                norm2 += factor[k * n + i] * factor[k * n + i];
            }
            inverseCurvature[k] = 1 / (0.25 * norm2 / n + lambda);
        }
    }

    private double gramAt(int a, int b) {
        return a >= b ? gram[a * rows + b] : gram[b * rows + a];
    }

    private void pivotedCholesky(int n) {
        double largest = 0;
        for (int i = 0; i < n; i++) {
            pivot[i] = i;
            remaining[i] = gramAt(i, i);
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
            factor[k * n + k] = diagonal;
            // column k below the diagonal: K[i,k] - sum_j L[i,j] L[k,j], subtracting in j order (as a row-wise dot
            // would) but as unit-stride sweeps down the earlier columns, which the JIT vectorises
            for (int i = k + 1; i < n; i++) {
                column[i] = gramAt(pivot[i], pivot[k]);
            }
            for (int j = 0; j < k; j++) {
                int base = j * n;
                double lkj = factor[base + k];
                for (int i = k + 1; i < n; i++) {
                    column[i] -= factor[base + i] * lkj;
                }
            }
            int colK = k * n;
            for (int i = k + 1; i < n; i++) {
                double v = column[i] / diagonal;
                factor[colK + i] = v;
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
            double f = factor[j * n + a];
            factor[j * n + a] = factor[j * n + b];
            factor[j * n + b] = f;
        }
    }

    /** Training-row position of pivot {@code k} (index into the rows the basis was built from). */
    int pivotRow(int k) {
        return pivot[k];
    }

    /**
     * Maps coordinates {@code g [r]} to row-space weights {@code w [d] = X_1^T L_11^-T g}, with the standardised
     * training rows given row-major {@code [n, d]}.
     */
    void toFeatureWeights(double[] coordinates, float[] standardisedRowMajor, int d, double[] weightsOut,
            double[] scratch) {
        int n = rows;
        int r = rank;
        // back substitution: L_11^T v = g
        for (int k = r - 1; k >= 0; k--) {
            double sum = coordinates[k];
            for (int i = k + 1; i < r; i++) {
                sum -= factor[k * n + i] * scratch[i];
            }
            scratch[k] = sum / factor[k * n + k];
        }
        java.util.Arrays.fill(weightsOut, 0, d, 0);
        for (int k = 0; k < r; k++) {
            double v = scratch[k];
            int base = pivot[k] * d;
            for (int j = 0; j < d; j++) {
                weightsOut[j] += v * standardisedRowMajor[base + j];
            }
        }
    }
}
