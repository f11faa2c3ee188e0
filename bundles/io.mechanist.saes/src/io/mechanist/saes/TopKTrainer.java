package io.mechanist.saes;

import java.util.SplittableRandom;
import java.util.function.BooleanSupplier;

import io.mechanist.core.hooks.HookSite;

/**
 * Trains a TopK SAE (Gao et al. 2024) on rows in memory, in plain Java and single-threaded so that a seed gives the
 * same weights on every machine: mean-squared reconstruction error, Adam, decoder rows kept at unit norm, b_dec
 * started at the data mean, W_enc started as W_dec transposed. Features that have not fired for a while are
 * restarted on the worst-reconstructed rows of the batch (so few stay dead on small data).
 */
public final class TopKTrainer {

    /**
     * @param dSae number of features
     * @param k features kept per row
     * @param epochs passes over the rows
     * @param batchSize rows per step
     * @param learningRate Adam's step size
     * @param seed initialisation and batch order
     */
    public record Options(int dSae, int k, int epochs, int batchSize, double learningRate, long seed) {
        public Options {
            if (dSae < 1 || k < 1 || k > dSae || epochs < 1 || batchSize < 1 || !(learningRate > 0)) {
                throw new IllegalArgumentException("need 1 <= k <= dSae, epochs >= 1, batchSize >= 1, learningRate > 0");
            }
        }

        public static Options defaults() {
            return new Options(256, 8, 60, 128, 2e-3, 1);
        }
    }

    /** The trained SAE and the log10 feature densities on the training rows. */
    public record Result(SparseAutoencoder sae, float[] logDensity, ReconstructionStats stats, int steps) {
    }

    private TopKTrainer() {
    }

    /**
     * @param rows training rows {@code [n, d_in]}
     * @param site the site the rows were captured at (recorded in the SAE's config)
     * @param cancelled polled between steps
     */
    public static Result train(float[] rows, int dIn, HookSite site, String modelName, Options options,
            BooleanSupplier cancelled) {
        int n = rows.length / dIn;
        if (n < 2 || rows.length % dIn != 0) {
            throw new IllegalArgumentException("need at least two rows of width " + dIn + ", got " + rows.length
                    + " values");
        }
        int dSae = options.dSae();
        int k = options.k();
        SplittableRandom random = new SplittableRandom(options.seed());
        float[] wDec = new float[dSae * dIn];
        for (int j = 0; j < dSae; j++) {
            for (int i = 0; i < dIn; i++) {
                wDec[j * dIn + i] = (float) gaussian(random);
            }
        }
        normaliseRows(wDec, dSae, dIn);
        float[] wEnc = new float[dIn * dSae];
        transpose(wDec, wEnc, dSae, dIn);
        float[] bEnc = new float[dSae];
        float[] bDec = new float[dIn];
        for (int r = 0; r < n; r++) {
            for (int i = 0; i < dIn; i++) {
                bDec[i] += rows[r * dIn + i] / n;
            }
        }
        Adam adamEnc = new Adam(wEnc.length);
        Adam adamDec = new Adam(wDec.length);
        Adam adamBEnc = new Adam(dSae);
        Adam adamBDec = new Adam(dIn);
        float[] gEnc = new float[wEnc.length];
        float[] gDec = new float[wDec.length];
        float[] gBEnc = new float[dSae];
        float[] gBDec = new float[dIn];
        int[] order = new int[n];
        for (int r = 0; r < n; r++) {
            order[r] = r;
        }
        int batch = Math.min(options.batchSize(), n);
        double[] input = new double[dIn];
        double[] pre = new double[dSae];
        double[] residual = new double[dIn];
        int[][] chosen = new int[batch][];
        double[][] acts = new double[batch][k];
        double[][] inputs = new double[batch][dIn];
        double[] errors = new double[batch];
        long[] lastFired = new long[dSae];
        int deadAfter = Math.max(1, 2 * n / batch);
        int step = 0;
        for (int epoch = 0; epoch < options.epochs(); epoch++) {
            shuffle(order, random);
            for (int start = 0; start + batch <= n; start += batch) {
                if (cancelled != null && cancelled.getAsBoolean()) {
                    throw new java.util.concurrent.CancellationException("SAE training cancelled");
                }
                step++;
                java.util.Arrays.fill(gEnc, 0);
                java.util.Arrays.fill(gDec, 0);
                java.util.Arrays.fill(gBEnc, 0);
                java.util.Arrays.fill(gBDec, 0);
                for (int b = 0; b < batch; b++) {
                    int offset = order[start + b] * dIn;
                    for (int i = 0; i < dIn; i++) {
                        input[i] = rows[offset + i] - bDec[i];
                    }
                    for (int j = 0; j < dSae; j++) {
                        pre[j] = bEnc[j];
                    }
                    for (int i = 0; i < dIn; i++) {
                        double v = input[i];
                        int row = i * dSae;
                        for (int j = 0; j < dSae; j++) {
                            pre[j] += v * wEnc[row + j];
                        }
                    }
                    int[] top = SparseAutoencoder.topK(pre, k);
                    chosen[b] = top;
                    for (int i = 0; i < dIn; i++) {
                        residual[i] = bDec[i] - rows[offset + i];
                    }
                    for (int t = 0; t < k; t++) {
                        int j = top[t];
                        double a = Math.max(pre[j], 0);
                        acts[b][t] = a;
                        if (a > 0) {
                            lastFired[j] = step;
                            int row = j * dIn;
                            for (int i = 0; i < dIn; i++) {
                                residual[i] += a * wDec[row + i];
                            }
                        }
                    }
                    // loss = mean over the batch of ||x^ - x||^2; d loss / d x^ = 2 (x^ - x) / batch
                    double scale = 2.0 / batch;
                    double error = 0;
                    for (int i = 0; i < dIn; i++) {
                        error += residual[i] * residual[i];
                        residual[i] *= scale;
                        gBDec[i] += (float) residual[i];
                    }
                    errors[b] = error;
                    System.arraycopy(input, 0, inputs[b], 0, dIn);
                    for (int t = 0; t < k; t++) {
                        int j = top[t];
                        double a = acts[b][t];
                        if (a <= 0) {
                            continue;
                        }
                        int row = j * dIn;
                        double dPre = 0;
                        for (int i = 0; i < dIn; i++) {
                            gDec[row + i] += (float) (a * residual[i]);
                            dPre += residual[i] * wDec[row + i];
                        }
                        gBEnc[j] += (float) dPre;
                        for (int i = 0; i < dIn; i++) {
                            gEnc[i * dSae + j] += (float) (input[i] * dPre);
                            // the input is x - b_dec, so b_dec also moves through the encoder
                            gBDec[i] -= (float) (dPre * wEnc[i * dSae + j]);
                        }
                    }
                }
                adamEnc.step(wEnc, gEnc, options.learningRate(), step);
                adamDec.step(wDec, gDec, options.learningRate(), step);
                adamBEnc.step(bEnc, gBEnc, options.learningRate(), step);
                adamBDec.step(bDec, gBDec, options.learningRate(), step);
                normaliseRows(wDec, dSae, dIn);
                if (step % deadAfter == 0) {
                    restartDead(lastFired, step, deadAfter, inputs, errors, wEnc, wDec, bEnc, dIn, dSae, adamEnc,
                            adamDec, adamBEnc);
                }
            }
        }
        SaeConfig provisional = SaeConfig.trained(Architecture.TOPK, dIn, dSae, k, site, modelName, Double.NaN);
        SparseAutoencoder sae = new SparseAutoencoder(provisional, wEnc, wDec, bEnc, bDec, null);
        ReconstructionStats stats = ReconstructionStats.measure(sae, rows);
        SparseAutoencoder recordedSae = new SparseAutoencoder(SaeConfig.trained(Architecture.TOPK, dIn, dSae, k,
                site, modelName, stats.explainedVariance()), wEnc, wDec, bEnc, bDec, null);
        float[] logDensity = new float[dSae];
        for (int j = 0; j < dSae; j++) {
            // SAELens records log10(density + 1e-10)
            logDensity[j] = (float) StrictMath.log10(stats.density()[j] + 1e-10);
        }
        return new Result(recordedSae, logDensity, stats, step);
    }

    /**
     * Points features silent for {@code window} steps at the batch's worst-reconstructed inputs (largest error
     * first), with a small encoder norm so they start near the firing threshold; their Adam moments restart too.
     */
    private static void restartDead(long[] lastFired, int step, int window, double[][] inputs, double[] errors,
            float[] wEnc, float[] wDec, float[] bEnc, int dIn, int dSae, Adam adamEnc, Adam adamDec, Adam adamBEnc) {
        Integer[] worst = new Integer[errors.length];
        for (int b = 0; b < worst.length; b++) {
            worst[b] = b;
        }
        java.util.Arrays.sort(worst, (a, b) -> Double.compare(errors[b], errors[a]));
        int next = 0;
        for (int j = 0; j < dSae && next < worst.length; j++) {
            if (step - lastFired[j] < window) {
                continue;
            }
            double[] direction = inputs[worst[next++]];
            double norm = 0;
            for (double v : direction) {
                norm += v * v;
            }
            norm = Math.sqrt(norm);
            if (norm == 0) {
                continue;
            }
            for (int i = 0; i < dIn; i++) {
                float unit = (float) (direction[i] / norm);
                wDec[j * dIn + i] = unit;
                wEnc[i * dSae + j] = 0.2f * unit;
                adamDec.reset(j * dIn + i);
                adamEnc.reset(i * dSae + j);
            }
            bEnc[j] = 0;
            adamBEnc.reset(j);
            lastFired[j] = step;
        }
    }

    private static void normaliseRows(float[] matrix, int rows, int cols) {
        for (int r = 0; r < rows; r++) {
            double norm = 0;
            for (int c = 0; c < cols; c++) {
                norm += (double) matrix[r * cols + c] * matrix[r * cols + c];
            }
            norm = Math.sqrt(norm);
            if (norm > 0) {
                for (int c = 0; c < cols; c++) {
                    matrix[r * cols + c] = (float) (matrix[r * cols + c] / norm);
                }
            }
        }
    }

    private static void transpose(float[] source, float[] target, int rows, int cols) {
        for (int r = 0; r < rows; r++) {
            for (int c = 0; c < cols; c++) {
                target[c * rows + r] = source[r * cols + c];
            }
        }
    }

    private static void shuffle(int[] order, SplittableRandom random) {
        for (int i = order.length - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int t = order[i];
            order[i] = order[j];
            order[j] = t;
        }
    }

    private static double gaussian(SplittableRandom random) {
        // Box-Muller from the splittable stream (StrictMath: the same weights on every JVM)
        double u = 1 - random.nextDouble();
        double v = random.nextDouble();
        return StrictMath.sqrt(-2 * StrictMath.log(u)) * StrictMath.cos(2 * Math.PI * v);
    }

    /** Adam with the usual defaults (beta1 0.9, beta2 0.999, eps 1e-8); a restarted feature's moments go to zero. */
    private static final class Adam {
        private final double[] m;
        private final double[] v;

        Adam(int size) {
            m = new double[size];
            v = new double[size];
        }

        void reset(int index) {
            m[index] = 0;
            v[index] = 0;
        }

        void step(float[] weights, float[] gradient, double learningRate, int step) {
            double correction1 = 1 - StrictMath.pow(0.9, step);
            double correction2 = 1 - StrictMath.pow(0.999, step);
            for (int i = 0; i < weights.length; i++) {
                double g = gradient[i];
                m[i] = 0.9 * m[i] + 0.1 * g;
                v[i] = 0.999 * v[i] + 0.001 * g * g;
                weights[i] -= (float) (learningRate * (m[i] / correction1) / (Math.sqrt(v[i] / correction2) + 1e-8));
            }
        }
    }
}
