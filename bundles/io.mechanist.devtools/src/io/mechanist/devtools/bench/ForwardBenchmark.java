package io.mechanist.devtools.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

import io.mechanist.core.hooks.HookPoint;
import io.mechanist.core.hooks.HookSite;
import io.mechanist.core.tensor.DType;
import io.mechanist.djl.DjlEngines;
import io.mechanist.djl.OpenBlas;
import io.mechanist.runtime.HookedTransformer;
import io.mechanist.runtime.RunRequest;
import io.mechanist.runtime.synthetic.PublishedShape;
import io.mechanist.runtime.synthetic.RandomCheckpoint;

/**
 * Forward throughput on a GPT-2-small-shaped checkpoint with random weights (12 layers, d_model 768, 12 heads,
 * vocab 50257), at B=1 and B=8 with T=128, reported against the matmul floor measured in the same run: the FLOPs
 * of the forward divided by the sgemm rate of the path the forward multiplies its weights with. Also reports the
 * sgemm rates (the forward's, libtorch's, PyTorch eager's: the best is the machine's measured peak), the cost of
 * capturing every layer's resid_post, tokens/s against PyTorch eager ({@link TorchPeer}) on the same checkpoint and
 * threads, and whether native memory stays flat over many passes.
 *
 * <p>Usage: {@code ForwardBenchmark [checkpointFolder] [repeats] [memoryPasses]}; the folder is written once
 * (about 500 MB, by RandomCheckpoint) when it has no model.safetensors.
 */
public final class ForwardBenchmark {
    private static final int LAYERS = 12;
    private static final int D = 768;
    private static final int VOCAB = 50257;
    private static final int T = 128;

    private ForwardBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        Path dir = Path.of(args.length > 0 ? args[0] : System.getProperty("java.io.tmpdir") + "/mechanist-bench-gpt2");
        int repeats = args.length > 1 ? Integer.parseInt(args[1]) : 5;
        int memoryPasses = args.length > 2 ? Integer.parseInt(args[2]) : 200;
        if (!Files.isRegularFile(dir.resolve("model.safetensors"))) {
            System.out.println("writing random GPT-2-small checkpoint to " + dir);
            new RandomCheckpoint(PublishedShape.GPT2_SMALL).dtype(DType.F32).write(dir);
        }
        System.out.println("threads: " + DjlEngines.threadSettings() + "; load average " + ModelBenchmark.loadAverage());
        System.out.println("weight products: " + (OpenBlas.available() ? OpenBlas.describe()
                : "libtorch (" + OpenBlas.describe() + ")"));
        SgemmRates.Rates rates = SgemmRates.measure(12);
        System.out.printf("sgemm floor: %.1f GFLOP/s (best of [1024x768]x[768x3072] products on the forward's path)%n",
                rates.forwardPath());
        double[] bare;
        try (HookedTransformer model = HookedTransformer.load(dir)) {
            for (int batch : new int[] {1, 8}) {
                long[][] tokens = randomTokens(batch, 1);
                double flops = forwardFlops(batch);
                model.forwardAllLogits(tokens);
                // The floor is re-measured right before each pass, so a machine shared with other work is compared
                // with itself at the same moment.
                double[] ratios = new double[repeats];
                double[] times = new double[repeats];
                for (int i = 0; i < repeats; i++) {
                    double floorSeconds = flops / (SgemmRates.measure(3).forwardPath() * 1e9);
                    long start = System.nanoTime();
                    model.forwardAllLogits(tokens);
                    times[i] = (System.nanoTime() - start) / 1e9;
                    ratios[i] = floorSeconds / times[i];
                }
                Arrays.sort(ratios);
                Arrays.sort(times);
                System.out.printf("forward B=%d T=%d (%.1f GFLOP, logits at every position): median %.3f s, best "
                        + "%.3f s; fraction of the sgemm floor: median %.0f%%, best %.0f%%%n", batch, T, flops / 1e9,
                        times[repeats / 2], times[0], 100 * ratios[repeats / 2], 100 * ratios[repeats - 1]);
            }
            bare = captureOverhead(model, repeats);
            memoryFlat(model, memoryPasses);
        }
        SgemmRates.Rates after = SgemmRates.measure(12);
        System.out.printf("sgemm floor re-measured at the end: %.1f GFLOP/s (a large change means a busy machine)%n",
                after.forwardPath());
        Path scratch = Files.createTempDirectory("mechanist-forward-bench");
        try {
            TorchPeer.Result torch = TorchPeer.run(dir, 8, T, 8, DjlEngines.intraOpThreads(), 0, 1, scratch);
            System.out.println(SgemmRates.report(after, torch.get("sgemmGflops"), torch.get("sgemmPerCpu")));
            if (torch.skipped() != null) {
                System.out.println("pytorch eager: skipped, " + torch.skipped());
                return;
            }
            double mechanist = 8.0 * T / bare[0];
            double mechanistPerCpu = 8.0 * T / bare[1];
            System.out.printf("run B=8 T=%d (last-token logits), tokens/s wall (per CPU-second): mechanist %.1f (%.1f), "
                    + "pytorch eager %.2f (%d threads) %.1f (%.1f) -> ratio %.2fx wall, %.2fx CPU (>= 1.0 is as "
                    + "fast)%n", T, mechanist, mechanistPerCpu, torch.get("torch"), (int) torch.get("threads"),
                    torch.get("forwardTokensPerSecond"), torch.get("forwardPerCpuSecond"),
                    mechanist / torch.get("forwardTokensPerSecond"),
                    mechanistPerCpu / torch.get("forwardPerCpuSecond"));
        } finally {
            try (var files = Files.list(scratch)) {
                for (Path file : files.toList()) {
                    Files.delete(file);
                }
            }
            Files.delete(scratch);
        }
    }

    /**
     * Run API, last-token logits, with and without every layer's resid_post captured: the bare run's median wall
     * seconds and its mean CPU seconds.
     */
    private static double[] captureOverhead(HookedTransformer model, int repeats) {
        List<long[]> prompts = List.of(randomTokens(8, 2));
        List<HookSite> residPosts = new ArrayList<>();
        for (int layer = 0; layer < LAYERS; layer++) {
            residPosts.add(HookSite.of(HookPoint.RESID_POST, layer));
        }
        RunRequest bare = RunRequest.builder(prompts).batchSize(8).build();
        RunRequest capturing = RunRequest.builder(prompts).batchSize(8).capture(residPosts)
                .sink((site, batch) -> { }).build();
        model.run(bare);
        model.run(capturing);
        double[] bareTimes = new double[repeats];
        double[] captureTimes = new double[repeats];
        double bareCpu = 0;
        double captureCpu = 0;
        for (int i = 0; i < repeats; i++) {
            double cpu = SgemmRates.cpuSeconds();
            long start = System.nanoTime();
            model.run(bare);
            bareTimes[i] = (System.nanoTime() - start) / 1e9;
            bareCpu += SgemmRates.cpuSeconds() - cpu;
            cpu = SgemmRates.cpuSeconds();
            start = System.nanoTime();
            model.run(capturing);
            captureTimes[i] = (System.nanoTime() - start) / 1e9;
            captureCpu += SgemmRates.cpuSeconds() - cpu;
        }
        Arrays.sort(bareTimes);
        Arrays.sort(captureTimes);
        System.out.printf("run B=8 T=%d (last-token logits): bare median %.3f s (CPU %.3f s), capturing 12 x "
                + "resid_post %.3f s (CPU %.3f s) -> capture overhead %+.1f%% wall, %+.1f%% CPU%n", T,
                bareTimes[repeats / 2], bareCpu / repeats, captureTimes[repeats / 2], captureCpu / repeats,
                100 * (captureTimes[repeats / 2] / bareTimes[repeats / 2] - 1), 100 * (captureCpu / bareCpu - 1));
        return new double[] {bareTimes[repeats / 2], bareCpu / repeats};
    }

    /** Native arrays and resident memory before and after many passes. */
    private static void memoryFlat(HookedTransformer model, int passes) throws IOException {
        List<long[]> prompts = List.of(randomTokens(1, 3)[0]);
        RunRequest request = RunRequest.builder(prompts).capture(HookSite.of(HookPoint.RESID_POST, 5)).build();
        for (int i = 0; i < 10; i++) {
            model.run(request);
        }
        int arrays = model.liveArrayCount();
        StringBuilder rss = new StringBuilder(String.format("%.0f", residentBytes() / 1e6));
        for (int quarter = 1; quarter <= 4; quarter++) {
            for (int i = 0; i < passes / 4; i++) {
                model.run(request);
            }
            rss.append(String.format(" -> %.0f", residentBytes() / 1e6));
        }
        System.out.printf("memory over %d passes (B=1, T=%d, one site captured): native arrays %d -> %d; "
                + "RSS by quarters (MB, includes the Java heap): %s%n", passes, T, arrays, model.liveArrayCount(),
                rss);
    }

    private static long residentBytes() throws IOException {
        String[] statm = Files.readString(Path.of("/proc/self/statm")).trim().split("\\s+");
        return Long.parseLong(statm[1]) * 4096;
    }

    /** Matmul FLOPs of one forward (projections, attention scores and mixing, unembedding). */
    private static double forwardFlops(int batch) {
        double perLayer = 2.0 * T * D * (3 * D) + 2.0 * T * D * D + 2.0 * T * D * (4 * D) + 2.0 * T * (4 * D) * D
                + 2 * 2.0 * T * T * D;
        return batch * (LAYERS * perLayer + 2.0 * T * D * VOCAB);
    }

    private static long[][] randomTokens(int batch, long seed) {
        Random random = new Random(seed);
        long[][] tokens = new long[batch][T];
        for (long[] row : tokens) {
            for (int t = 0; t < T; t++) {
                row[t] = random.nextInt(VOCAB);
            }
        }
        return tokens;
    }
}
