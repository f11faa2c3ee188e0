package io.mechanist.devtools.bench;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import io.mechanist.djl.DjlEngines;
import io.mechanist.djl.OpenBlas;
import io.mechanist.djl.WeightMatmul;

/**
 * Single-precision matmul rates in this process, on an MLP-shaped product [1024 x 768] x [768 x 3072] (the shape
 * {@link TorchPeer} measures PyTorch's sgemm on): the path the forward multiplies its weights with
 * ({@link WeightMatmul#linear}) and libtorch's own. With the peer's rate, the best of them is the machine's measured
 * sgemm peak.
 */
final class SgemmRates {
    static final int M = 1024;
    static final int K = 768;
    static final int N = 3072;

    /**
     * GFLOP/s: the forward's weight product and libtorch's linear on the same arrays, best wall time, and per
     * CPU-second of the whole process over all tries (steadier on a shared machine: waiting for a core is not
     * counted).
     */
    record Rates(double forwardPath, double libtorch, double forwardPathPerCpu, double libtorchPerCpu) {
    }

    private SgemmRates() {
    }

    /** Best of {@code tries} for each path. */
    static Rates measure(int tries) {
        try (NDManager manager = DjlEngines.withBundleLoader(() -> DjlEngines.engine().newBaseManager())) {
            NDArray x = manager.randomNormal(new Shape(M, K));
            NDArray weight = manager.randomNormal(new Shape(N, K));
            double forward = 0;
            double libtorch = 0;
            double forwardCpu = 0;
            double libtorchCpu = 0;
            for (int i = 0; i < tries; i++) {
                double cpu = cpuSeconds();
                forward = Math.max(forward, rate(() -> WeightMatmul.linear(x, weight, null)));
                forwardCpu += cpuSeconds() - cpu;
                cpu = cpuSeconds();
                libtorch = Math.max(libtorch, rate(() -> WeightMatmul.libtorch(x, weight, null)));
                libtorchCpu += cpuSeconds() - cpu;
            }
            double flops = 2.0 * M * K * N * tries / 1e9;
            return new Rates(forward, libtorch, flops / forwardCpu, flops / libtorchCpu);
        }
    }

    static double cpuSeconds() {
        return ProcessHandle.current().info().totalCpuDuration().map(d -> d.toNanos() / 1e9).orElse(Double.NaN);
    }

    private static double rate(java.util.function.Supplier<NDArray> product) {
        long start = System.nanoTime();
        try (NDArray c = product.get()) {
            c.getFloat(0, 0); // the product is complete once an element can be read
        }
        return 2.0 * M * K * N / ((System.nanoTime() - start) / 1e9) / 1e9;
    }

    /**
     * The report: each rate, the peak (the best of them, the peer's included when it ran: NaN otherwise) and the
     * forward path's fraction of it.
     */
    static String report(Rates rates, double peerRate, double peerPerCpu) {
        double peak = Math.max(Math.max(rates.forwardPath, rates.libtorch), Double.isNaN(peerRate) ? 0 : peerRate);
        double peakPerCpu = Math.max(Math.max(rates.forwardPathPerCpu, rates.libtorchPerCpu),
                Double.isNaN(peerPerCpu) ? 0 : peerPerCpu);
        return String.format("sgemm [%dx%d]x[%dx%d], GFLOP/s wall (per CPU-second): the forward's weight products "
                + "%.0f (%.0f) on %s; libtorch %.0f (%.0f); PyTorch eager %s (%s) -> measured peak %.0f (%.0f); the "
                + "forward's sgemm at %.0f%% of it wall, %.0f%% per CPU-second", M, K, K, N, rates.forwardPath,
                rates.forwardPathPerCpu, OpenBlas.available() ? OpenBlas.describe() : "libtorch", rates.libtorch,
                rates.libtorchPerCpu, format(peerRate), format(peerPerCpu), peak, peakPerCpu,
                100 * rates.forwardPath / peak, 100 * rates.forwardPathPerCpu / peakPerCpu);
    }

    private static String format(double rate) {
        return Double.isNaN(rate) ? "not measured" : String.format("%.0f", rate);
    }
}
