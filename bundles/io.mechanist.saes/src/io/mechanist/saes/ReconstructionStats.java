package io.mechanist.saes;

/**
 * How well an SAE reconstructs a set of rows, in double precision.
 *
 * @param rows number of rows
 * @param mse mean squared error per element, {@code sum ||x - x^||^2 / (rows * d_in)}
 * @param explainedVariance fraction of variance explained, {@code 1 - sum ||x - x^||^2 / sum ||x - mean||^2}
 *     (mean over rows, per dimension)
 * @param meanL0 mean number of non-zero features per row
 * @param density per feature, the fraction of rows where it is non-zero
 * @param meanInputNorm mean of ||x||
 * @param meanReconstructionNorm mean of ||x^||
 * @param meanCosine mean cosine similarity of x and x^ (rows with a zero norm count as 0)
 */
public record ReconstructionStats(int rows, double mse, double explainedVariance, double meanL0, double[] density,
        double meanInputNorm, double meanReconstructionNorm, double meanCosine) {

    /** Features that never fire on these rows. */
    public double deadFraction() {
        int dead = 0;
        for (double d : density) {
            dead += d == 0 ? 1 : 0;
        }
        return (double) dead / density.length;
    }

    /** Features non-zero on more than {@code threshold} of the rows. */
    public double denseFraction(double threshold) {
        int dense = 0;
        for (double d : density) {
            dense += d > threshold ? 1 : 0;
        }
        return (double) dense / density.length;
    }

    /** Encodes and decodes {@code rows} ({@code [n, d_in]}) and measures the reconstruction. */
    public static ReconstructionStats measure(SparseAutoencoder sae, float[] rows) {
        int dIn = sae.dIn();
        int dSae = sae.dSae();
        if (rows.length % dIn != 0 || rows.length == 0) {
            throw new IllegalArgumentException(rows.length + " values are not a non-empty set of rows of d_in " + dIn);
        }
        int n = rows.length / dIn;
        float[] features = new float[dSae];
        float[] out = new float[dIn];
        long[] fires = new long[dSae];
        double[] sum = new double[dIn];
        double sumSquares = 0;
        double squaredError = 0;
        double l0 = 0;
        double inputNorms = 0;
        double outputNorms = 0;
        double cosines = 0;
        for (int r = 0; r < n; r++) {
            int offset = r * dIn;
            sae.decode(features, sae.encode(rows, offset, features), out, 0);
            for (int j = 0; j < dSae; j++) {
                if (features[j] != 0) {
                    fires[j]++;
                    l0++;
                }
            }
            double xx = 0;
            double yy = 0;
            double xy = 0;
            for (int i = 0; i < dIn; i++) {
                double x = rows[offset + i];
                double y = out[i];
                sum[i] += x;
                xx += x * x;
                yy += y * y;
                xy += x * y;
                squaredError += (x - y) * (x - y);
            }
            sumSquares += xx;
            inputNorms += Math.sqrt(xx);
            outputNorms += Math.sqrt(yy);
            cosines += xx > 0 && yy > 0 ? xy / Math.sqrt(xx * yy) : 0;
        }
        double centred = sumSquares;
        for (int i = 0; i < dIn; i++) {
            centred -= sum[i] * sum[i] / n;
        }
        double[] density = new double[dSae];
        for (int j = 0; j < dSae; j++) {
            density[j] = (double) fires[j] / n;
        }
        return new ReconstructionStats(n, squaredError / ((double) n * dIn),
                centred > 0 ? 1 - squaredError / centred : Double.NaN, l0 / n, density, inputNorms / n,
                outputNorms / n, cosines / n);
    }
}
