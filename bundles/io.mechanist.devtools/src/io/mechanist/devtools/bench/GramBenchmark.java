package io.mechanist.devtools.bench;

import java.util.Arrays;
import java.util.Locale;
import java.util.SplittableRandom;

import io.mechanist.probes.internal.GramKernel;

/**
 * Speed of the Gram kernel of the logistic fits ({@code X X^T} of a fold's standardised rows, default 400 rows x
 * d_model 768, the training part of a 500-prompt, 5-fold cell) against a baseline measured in the same run: the
 * row-by-row sweep over one flat column-major array (eight features per block, block sums accumulated in double).
 * The kernel reads one array per feature and sums chunks of 16 features in float before accumulating in double, so
 * the two differ by rounding only; the benchmark checks that every entry agrees to 1e-6 of
 * {@code sqrt(G_ii G_kk)} and prints the ratio.
 *
 * <p>Arguments (optional): {@code rows dModel repetitions}.
 */
public final class GramBenchmark {

    private static final int BLOCK = 8;

    private GramBenchmark() {
    }

    public static void main(String[] args) {
        int n = args.length > 0 ? Integer.parseInt(args[0]) : 400;
        int d = args.length > 1 ? Integer.parseInt(args[1]) : 768;
        int repetitions = args.length > 2 ? Integer.parseInt(args[2]) : 20;
        SplittableRandom random = new SplittableRandom(11);
        float[] columns = new float[n * d];
        for (int i = 0; i < columns.length; i++) {
            columns[i] = (float) random.nextGaussian();
        }
        float[][] byFeature = new float[d][];
        for (int j = 0; j < d; j++) {
            byFeature[j] = Arrays.copyOfRange(columns, j * n, j * n + n);
        }
        double[] expected = new double[n * n];
        double[] actual = new double[n * n];
        GramKernel kernel = new GramKernel(n);
        for (int warm = 0; warm < 5; warm++) {
            rowSweepGram(columns, n, d, expected);
            kernel.lowerGram(byFeature, n, d, actual);
        }
        double worst = 0;
        for (int i = 0; i < n; i++) {
            for (int k = 0; k <= i; k++) {
                double scale = Math.sqrt(expected[i * n + i] * expected[k * n + k]);
                worst = Math.max(worst, Math.abs(expected[i * n + k] - actual[i * n + k]) / scale);
            }
        }
        if (!(worst <= 1e-6)) {
            throw new AssertionError("Gram kernel differs from the row sweep by " + worst + " of sqrt(G_ii G_kk)");
        }
        double baselineBest = Double.MAX_VALUE;
        double tiledBest = Double.MAX_VALUE;
        double baselineTotal = 0;
        double tiledTotal = 0;
        for (int r = 0; r < repetitions; r++) { // interleaved, so both see the same machine load
            long t0 = System.nanoTime();
            rowSweepGram(columns, n, d, expected);
            double b = (System.nanoTime() - t0) / 1e6;
            long t1 = System.nanoTime();
            kernel.lowerGram(byFeature, n, d, actual);
            double t = (System.nanoTime() - t1) / 1e6;
            baselineBest = Math.min(baselineBest, b);
            tiledBest = Math.min(tiledBest, t);
            baselineTotal += b;
            tiledTotal += t;
        }
        double macs = (double) n * (n + 1) / 2 * d;
        System.out.printf(Locale.ROOT, "Gram %d x %d (lower triangle), %d repetitions, load average %.2f%n", n, d,
                repetitions, java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
        System.out.printf(Locale.ROOT, "baseline row sweep: best %7.2f ms, mean %7.2f ms (%.2f GMAC/s)%n", baselineBest,
                baselineTotal / repetitions, macs / baselineBest / 1e6);
        System.out.printf(Locale.ROOT, "chunked kernel:     best %7.2f ms, mean %7.2f ms (%.2f GMAC/s)%n", tiledBest,
                tiledTotal / repetitions, macs / tiledBest / 1e6);
        System.out.printf(Locale.ROOT, "speed-up: %.2fx (best), %.2fx (mean); largest difference %.1e of "
                + "sqrt(G_ii G_kk)%n", baselineBest / tiledBest, baselineTotal / tiledTotal, worst);
    }

    /** The baseline: one row at a time, 8 features per block, float block sums accumulated in double. */
    static void rowSweepGram(float[] columns, int n, int d, double[] gram) {
        Arrays.fill(gram, 0, n * n, 0);
        float[] partial = new float[n];
        int j = 0;
        for (; j + BLOCK <= d; j += BLOCK) {
            int c0 = j * n;
            for (int i = 0; i < n; i++) {
                float a0 = columns[c0 + i];
                float a1 = columns[c0 + n + i];
                float a2 = columns[c0 + 2 * n + i];
                float a3 = columns[c0 + 3 * n + i];
                float a4 = columns[c0 + 4 * n + i];
                float a5 = columns[c0 + 5 * n + i];
                float a6 = columns[c0 + 6 * n + i];
                float a7 = columns[c0 + 7 * n + i];
                for (int k = 0; k <= i; k++) {
                    partial[k] = a0 * columns[c0 + k] + a1 * columns[c0 + n + k] + a2 * columns[c0 + 2 * n + k]
                            + a3 * columns[c0 + 3 * n + k] + a4 * columns[c0 + 4 * n + k]
                            + a5 * columns[c0 + 5 * n + k] + a6 * columns[c0 + 6 * n + k]
                            + a7 * columns[c0 + 7 * n + k];
                }
                int base = i * n;
                for (int k = 0; k <= i; k++) {
                    gram[base + k] += partial[k];
                }
            }
        }
        for (; j < d; j++) {
            int c = j * n;
            for (int i = 0; i < n; i++) {
                float a = columns[c + i];
                int base = i * n;
                for (int k = 0; k <= i; k++) {
                    gram[base + k] += a * columns[c + k];
                }
            }
        }
    }
}
