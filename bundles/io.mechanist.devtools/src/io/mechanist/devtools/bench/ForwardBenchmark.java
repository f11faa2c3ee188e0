package io.mechanist.devtools.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import io.mechanist.core.hooks.HookPoint;
import io.mechanist.core.hooks.HookSite;
import io.mechanist.core.tensor.DType;
import io.mechanist.djl.DjlEngines;
import io.mechanist.runtime.HookedTransformer;
import io.mechanist.runtime.RunRequest;
import io.mechanist.runtime.synthetic.PublishedShape;
import io.mechanist.runtime.synthetic.RandomCheckpoint;

/**
 * Forward throughput on a GPT-2-small-shaped checkpoint with random weights (12 layers, d_model 768, 12 heads,
 * vocab 50257), at B=1 and B=8 with T=128, reported against the matmul floor measured in the same run: the FLOPs
 * of the forward divided by the best sgemm rate DJL reaches on this machine. Also reports the cost of capturing
 * every layer's resid_post and whether native memory stays flat over many passes.
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
        System.out.println("threads: " + DjlEngines.threadSettings());
        double gflops = sgemmRate(12);
        System.out.printf("sgemm floor: %.1f GFLOP/s (best of [1024x768]x[768x3072] matmuls)%n", gflops);
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
                    double floorSeconds = flops / (sgemmRate(3) * 1e9);
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
            captureOverhead(model, repeats);
            memoryFlat(model, memoryPasses);
        }
        double after = sgemmRate(12);
        System.out.printf("sgemm floor re-measured at the end: %.1f GFLOP/s (a large change means a busy machine)%n",
                after);
    }

    /** Run API, last-token logits, with and without every layer's resid_post captured. */
    private static void captureOverhead(HookedTransformer model, int repeats) {
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
        for (int i = 0; i < repeats; i++) {
            long start = System.nanoTime();
            model.run(bare);
            bareTimes[i] = (System.nanoTime() - start) / 1e9;
            start = System.nanoTime();
            model.run(capturing);
            captureTimes[i] = (System.nanoTime() - start) / 1e9;
        }
        Arrays.sort(bareTimes);
        Arrays.sort(captureTimes);
        System.out.printf("run B=8 T=%d (last-token logits): bare median %.3f s, capturing 12 x resid_post %.3f s "
                + "-> capture overhead %+.1f%%%n", T, bareTimes[repeats / 2], captureTimes[repeats / 2],
                100 * (captureTimes[repeats / 2] / bareTimes[repeats / 2] - 1));
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

    /** The best sgemm rate DJL reaches on an MLP-shaped product. */
    private static double sgemmRate(int tries) {
        try (NDManager manager = DjlEngines.withBundleLoader(() -> DjlEngines.engine().newBaseManager())) {
            NDArray a = manager.randomNormal(new Shape(1024, D));
            NDArray b = manager.randomNormal(new Shape(D, 4 * D));
            double best = 0;
            for (int i = 0; i < tries; i++) {
                long start = System.nanoTime();
                try (NDArray c = a.matMul(b)) {
                    c.toFloatArray();
                }
                double seconds = (System.nanoTime() - start) / 1e9;
                best = Math.max(best, 2.0 * 1024 * D * 4 * D / seconds / 1e9);
            }
            return best;
        }
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
