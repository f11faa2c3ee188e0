package io.mechanist.devtools.bench;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import org.eclipse.core.runtime.NullProgressMonitor;

import io.mechanist.capture.CaptureJob;
import io.mechanist.capture.Capturer;
import io.mechanist.capture.SiteSelection;
import io.mechanist.core.hooks.HookSite;
import io.mechanist.djl.DjlEngines;
import io.mechanist.djl.OpenBlas;
import io.mechanist.djl.WeightMatmul;
import io.mechanist.runtime.HookedTransformer;
import io.mechanist.runtime.Padding;
import io.mechanist.runtime.RunRequest;
import io.mechanist.runtime.synthetic.PublishedShape;
import io.mechanist.runtime.synthetic.RandomCheckpoint;
import io.mechanist.store.ActivationStore;
import io.mechanist.model.StorageType;

/**
 * Mechanist at a published model shape with random weights, against baselines measured in the same run:
 * <ul>
 * <li>load time against reading the same bytes from the page cache;</li>
 * <li>peak resident memory against the float32 size of the weights;</li>
 * <li>forward tokens/s (last-token logits) against PyTorch eager with the same threads ({@link TorchPeer});</li>
 * <li>capture overhead: every resid_post into an F16 store as {@code mechanist capture} writes it (shards hashed,
 * forced to disk and committed), from its first batch to the capture's completion, with the model the forward
 * passes ran on, round by round after them: the same memory and the same moment of the machine, so the difference
 * is the capture's own cost;</li>
 * <li>capture tokens/s against PyTorch eager writing the same activations as f16 to a file. Both sides capture as a
 * capture command runs: right after loading the model again, with no warm-up batch (the first batch after a load
 * runs slower than later ones: its activations' memory is new to the process);</li>
 * <li>the whole {@code mechanist capture} path (load, registrations, forward, F16 store) for the same prompts.</li>
 * </ul>
 *
 * <p>Usage: {@code ModelBenchmark SHAPE [--layers N] [--prompts P] [--tokens T] [--batch B] [--dir DIR]
 * [--no-peer] [--weights auto|f32|compact|SIZE]}. The checkpoint is written once (bf16) into DIR, by default under
 * java.io.tmpdir. {@code --weights} sets the weight budget (io.mechanist.runtime.weightBudget): float32 weights, or
 * bf16 kept compact and widened layer by layer; by default the runtime decides from the machine's memory.
 */
public final class ModelBenchmark {

    private ModelBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        BenchArguments arguments = BenchArguments.parse(args, "ModelBenchmark SHAPE [--layers N] [--prompts P] "
                + "[--tokens T] [--batch B] [--dir DIR] [--rounds N] [--no-peer] [--weights auto|f32|compact|SIZE]",
                Set.of("--layers", "--prompts", "--tokens", "--batch", "--dir", "--rounds"), Set.of("--no-peer"));
        PublishedShape shape = arguments.shape();
        int layers = arguments.intOr("--layers", shape.publishedLayers());
        int requestedPrompts = arguments.intOr("--prompts", 32);
        int tokens = arguments.intOr("--tokens", 256);
        int batch = arguments.intOr("--batch", 8);
        int rounds = Math.max(1, arguments.intOr("--rounds", 2));
        Path dir = arguments.dir();
        boolean peer = !arguments.has("--no-peer");
        int prompts = Math.max(batch, requestedPrompts / batch * batch);
        RandomCheckpoint checkpoint = new RandomCheckpoint(shape).layers(layers);
        dir = writtenOnce(checkpoint, shape, layers, dir);
        long parameters = loadedParameters(checkpoint, dir);
        int threads = torchThreads();
        System.out.printf("machine: %s, %d cores; load average %s; %s%n", cpuModel(),
                Runtime.getRuntime().availableProcessors(), loadAverage(), DjlEngines.threadSettings());
        System.out.printf("model: %s, %d of %d layers, %.3f G parameters loaded (bf16 %.2f GB, f32 %.2f GB); %d prompts "
                + "x %d"
                + " tokens, batch %d%n", shape.id(), layers, shape.publishedLayers(), parameters / 1e9,
                parameters * 2 / 1e9, parameters * 4 / 1e9, prompts, tokens, batch);
        System.out.println("weight products: " + (OpenBlas.available() ? OpenBlas.describe()
                : "libtorch (" + OpenBlas.describe() + ")"));

        readFiles(dir);
        double readCpu = cpuSeconds();
        double readSeconds = readFiles(dir);
        readCpu = cpuSeconds() - readCpu;
        long prefault = prefaultBytes(parameters);
        touchAndFree(prefault);
        List<long[]> promptTokens = randomPrompts(prompts, tokens);
        Path scratch = Files.createTempDirectory("mechanist-model-bench");
        try {
            Path dataset = scratch.resolve("prompts.jsonl");
            writeDataset(dataset, prompts, tokens);
            FirstLoad first = onFirstLoad(dir, parameters, prefault, readSeconds, readCpu, promptTokens, tokens, batch,
                    rounds, dataset, scratch);
            double loadSeconds = first.loadSeconds();
            Rate forward = first.forward();
            Rate hooked = first.hooked();
            Rate captureOnModel = first.captureOnModel();
            long forwardPeak = first.forwardPeak();
            awaitUnmapped(dir);
            System.gc(); // lets G1 give back the heap the runtime line grew before the capture's peak is measured
            resetPeak();
            long residentBeforeCapture = residentBytes();

            // Capture as `mechanist capture` does it: every resid_post into an F16 store (shards written, hashed,
            // forced to disk and committed), timed from its first batch, after its load and registrations.
            Rate capture = Rate.NONE;
            double storeSeconds = Double.MAX_VALUE;
            for (int round = 0; round < rounds; round++) {
                Path store = scratch.resolve("store-" + round);
                long started = System.nanoTime();
                capture = capture.best(captureIntoStore(store, dir, dataset, batch, null));
                storeSeconds = Math.min(storeSeconds, seconds(started));
                deleteTree(store);
            }
            String best = rounds == 1 ? "" : " (best of " + rounds + " rounds)";
            System.out.printf("mechanist%s: forward %.1f tokens/s (%.1f per CPU-second%s); capture of %d x resid_post "
                    + "into an F16 store on the same model %.1f tokens/s (%.1f per CPU-second%s) -> capture overhead "
                    + "%+.1f%% wall, %+.1f%% CPU%n", best, forward.wall(), forward.perCpu(), forward.kernel(), layers,
                    captureOnModel.wall(), captureOnModel.perCpu(), captureOnModel.kernel(),
                    100 * (forward.wall() / captureOnModel.wall() - 1),
                    100 * (forward.perCpu() / captureOnModel.perCpu() - 1));
            System.out.printf("of which the runtime (the forward reading every resid_post into Java arrays as float16, "
                    + "no store): %.1f tokens/s (%.1f per CPU-second%s) -> %+.1f%% wall, %+.1f%% CPU over the "
                    + "forward%n", hooked.wall(), hooked.perCpu(), hooked.kernel(),
                    100 * (forward.wall() / hooked.wall() - 1), 100 * (forward.perCpu() / hooked.perCpu() - 1));
            System.out.printf("capture after loading again (as `mechanist capture` runs) %.1f tokens/s (%.1f per "
                    + "CPU-second%s) -> %+.1f%% wall, %+.1f%% CPU against the forward%n", capture.wall(),
                    capture.perCpu(), capture.kernel(), 100 * (forward.wall() / capture.wall() - 1),
                    100 * (forward.perCpu() / capture.perCpu() - 1));
            long capturePeak = peakResidentBytes();
            System.out.printf("mechanist capture path (load, registrations, forward, F16 store, %d prompts): %.2f s; "
                    + "peak RSS %.2f GB (%.2fx the f32 weights; it started from %.2f GB)%n", prompts, storeSeconds,
                    capturePeak / 1e9, capturePeak / (parameters * 4.0), residentBeforeCapture / 1e9);

            SgemmRates.Rates rates = SgemmRates.measure(8);
            if (!peer) {
                System.out.println(SgemmRates.report(rates, Double.NaN, Double.NaN));
                System.out.println("pytorch eager: not run (--no-peer)");
                return;
            }
            TorchPeer.Result torch = TorchPeer.run(dir, batch, tokens, prompts, threads, prefault, rounds, scratch);
            System.out.println(SgemmRates.report(rates, torch.get("sgemmGflops"), torch.get("sgemmPerCpu")));
            if (torch.skipped() != null) {
                System.out.println("pytorch eager: skipped, " + torch.skipped());
                return;
            }
            System.out.printf("pytorch eager %.2f (%d threads, OpenBLAS %s): sgemm %.0f GFLOP/s; load %.2f s; forward "
                    + "%.1f tokens/s (%.1f per CPU-second (%.1f%% of its CPU in the kernel)); capture after loading "
                    + "again %.1f tokens/s (%.1f per CPU-second (%.1f%% in the kernel)) -> %+.1f%% wall, %+.1f%% CPU "
                    + "over its forward%n",
                    torch.get("torch"), (int) torch.get("threads"),
                    torch.get("openblasOpenmp") > 0 ? "openmp" : "default", torch.get("sgemmGflops"),
                    torch.get("loadSeconds"), torch.get("forwardTokensPerSecond"), torch.get("forwardPerCpuSecond"),
                    100 * torch.get("forwardKernelShare"), torch.get("captureTokensPerSecond"),
                    torch.get("capturePerCpuSecond"), 100 * torch.get("captureKernelShare"),
                    100 * (torch.get("forwardTokensPerSecond") / torch.get("captureTokensPerSecond") - 1),
                    100 * (torch.get("forwardPerCpuSecond") / torch.get("capturePerCpuSecond") - 1));
            System.out.printf("ratio mechanist / pytorch eager (>= 1.0 is as fast): forward %.2fx wall, %.2fx CPU; "
                    + "capture %.2fx wall, %.2fx CPU; load %.2fx%n", forward.wall() / torch.get("forwardTokensPerSecond"),
                    forward.perCpu() / torch.get("forwardPerCpuSecond"),
                    capture.wall() / torch.get("captureTokensPerSecond"),
                    capture.perCpu() / torch.get("capturePerCpuSecond"), torch.get("loadSeconds") / loadSeconds);
            System.out.printf("peak RSS / f32 weights: load and forward %.2fx (pytorch eager %.2fx), capture path %.2fx "
                    + "(pytorch eager %.2fx, writing f16 bytes to one file)%n", forwardPeak / (parameters * 4.0),
                    torch.get("forwardPeakBytes") / (parameters * 4.0), capturePeak / (parameters * 4.0),
                    torch.get("capturePeakBytes") / (parameters * 4.0));
        } finally {
            deleteTree(scratch);
            System.out.printf("load average at the end: %s%n", loadAverage());
        }
    }

    /** The first load's time and the rates measured on that model. */
    private record FirstLoad(double loadSeconds, Rate forward, Rate hooked, Rate captureOnModel, long forwardPeak) {
    }

    /**
     * Loads the checkpoint and prints the load's figures; then, round by round on that model, the bare forward, the
     * runtime line and the capture into a store; closes the model. Only this frame holds the model, so once it returns
     * the collector can unmap a compact model's mapped file ({@link #awaitUnmapped}).
     */
    private static FirstLoad onFirstLoad(Path dir, long parameters, long prefault, double readSeconds, double readCpu,
            List<long[]> promptTokens, int tokens, int batch, int rounds, Path dataset, Path scratch)
            throws IOException {
        int prompts = promptTokens.size();
        long residentBefore = residentBytes();
        double loadCpu = cpuSeconds();
        long start = System.nanoTime();
        HookedTransformer model = HookedTransformer.load(dir);
        double loadSeconds = seconds(start);
        loadCpu = cpuSeconds() - loadCpu;
        long residentAfterLoad = residentBytes();
        long peakAfterLoad = peakResidentBytes();
        System.out.println("weights: " + (model.compactWeightsReason() == null ? "float32"
                : "bf16 kept compact, widened layer by layer (" + model.compactWeightsReason() + ")"));
        // On a shared machine the wall time includes waiting for a core; the process's CPU time does not.
        System.out.printf("load (right after touching and freeing %.1f GB, as the peer's): %.2f s (CPU %.2f s); reading "
                + "the same bytes from the page cache %.2f s (CPU %.2f s) -> %.1fx wall, %.1fx CPU%n", prefault / 1e9,
                loadSeconds, loadCpu, readSeconds, readCpu, loadSeconds / readSeconds, loadCpu / Math.max(readCpu, 1e-3));

        model.run(RunRequest.builder(promptTokens.subList(0, batch)).batchSize(batch).build());
        long[] productsBefore = WeightMatmul.productCounts();
        long tokenCount = prompts * (long) tokens;
        // The runtime's share of the capture overhead: the same forward with every resid_post narrowed to float16
        // and read into Java arrays for the store's writer, as the F16 capture does, but no store.
        List<HookSite> residPost = SiteSelection.resolve(List.of("blocks.*.resid_post"), model.hookSites());
        List<int[]> everyPosition = new ArrayList<>();
        for (int b = 0; b < batch; b++) {
            everyPosition.add(IntStream.range(0, tokens).toArray());
        }
        Rate forward = Rate.NONE;
        Rate hooked = Rate.NONE;
        Rate captureOnModel = Rate.NONE;
        long forwardPeak = -1;
        for (int round = 0; round < rounds; round++) {
            for (int step = 0; step < 3; step++) {
                // Odd rounds run the three in reverse order: on a shared machine the rate drifts within a round,
                // and neither the forward nor the capture should always come first.
                switch (round % 2 == 0 ? step : 2 - step) {
                    case 0 -> {
                        forward = forward.best(Rate.of(tokenCount,
                                () -> model.run(RunRequest.builder(promptTokens).batchSize(batch).build())));
                        if (round == 0) { // the load and bare forward passes only: captures grow the Java heap
                            forwardPeak = peakResidentBytes();
                        }
                    }
                    case 1 -> hooked = hooked.best(Rate.of(tokenCount, () -> {
                        for (int from = 0; from < prompts; from += batch) {
                            Capturer.captureBatchRows(model, residPost, Padding.RIGHT, true, tokens,
                                    promptTokens.subList(from, from + batch), everyPosition, true);
                        }
                    }));
                    default -> {
                        Path store = scratch.resolve("store-on-model-" + round);
                        captureOnModel = captureOnModel.best(captureIntoStore(store, dir, dataset, batch, model));
                        deleteTree(store);
                    }
                }
            }
        }
        long[] productsAfter = WeightMatmul.productCounts();
        // each round runs the prompts three times: the forward, the runtime line, the capture
        System.out.printf("the forward's weight products: %d on OpenBLAS, %d on libtorch%n",
                (productsAfter[0] - productsBefore[0]) / (3 * rounds),
                (productsAfter[1] - productsBefore[1]) / (3 * rounds));
        long peak = peakResidentBytes();
        // Huge pages held: fewer of them (a fragmented machine) means more page faults and TLB misses, and
        // forward passes that run slower per CPU-second.
        System.out.printf("RSS: before the load %.2f GB (the JVM and libtorch), after it %.2f GB (peak %.2f GB), "
                + "after the forward passes %.2f GB (peak %.2f GB; Java heap committed %.2f GB; in transparent "
                + "huge pages %.2f GB)%n",
                residentBefore / 1e9, residentAfterLoad / 1e9, peakAfterLoad / 1e9, residentBytes() / 1e9,
                peak / 1e9, Runtime.getRuntime().totalMemory() / 1e9, hugePageBytes() / 1e9);
        System.out.printf("peak RSS of the load and the forward passes %.2f GB against the f32 weights %.2f GB -> "
                + "%.2fx (%.2fx the bf16 weights); with the captures' Java arrays %.2f GB (%.2fx)%n",
                forwardPeak / 1e9, parameters * 4 / 1e9, forwardPeak / (parameters * 4.0),
                forwardPeak / (parameters * 2.0), peak / 1e9, peak / (parameters * 4.0));
        model.close();
        return new FirstLoad(loadSeconds, forward, hooked, captureOnModel, forwardPeak);
    }

    /**
     * Waits (at most 30 s) until no file of {@code dir} is mapped into this process: compact weights map the
     * checkpoint, and a MappedByteBuffer is unmapped only once the collector has freed it. RSS counts a file's pages
     * once per mapping, so a capture path measured beside the first model's mapping would count the file twice.
     */
    private static void awaitUnmapped(Path dir) throws IOException, InterruptedException {
        String folder = dir.toRealPath() + "/";
        Path maps = Path.of("/proc/self/maps");
        for (int attempt = 0; attempt < 150 && Files.isReadable(maps); attempt++) {
            try (var lines = Files.lines(maps)) {
                if (lines.noneMatch(line -> line.contains(folder))) {
                    return;
                }
            }
            System.gc();
            Thread.sleep(200);
        }
        if (Files.isReadable(maps)) {
            System.out.println("warning: " + dir + " is still mapped 30 s after the model was closed; the capture "
                    + "path's peak RSS below counts its pages twice");
        }
    }

    /**
     * A throughput, wall and per CPU-second of the whole process. Rounds keep the best of each: another process
     * on the machine only ever slows a round down, so the best is the closest to the code's own speed.
     */
    record Rate(double wall, double perCpu, double kernelShare) {
        static final Rate NONE = new Rate(0, 0, Double.NaN);

        static Rate of(long tokens, Runnable run) {
            double cpu = cpuSeconds();
            double kernel = kernelSeconds();
            long start = System.nanoTime();
            run.run();
            double used = cpuSeconds() - cpu;
            return new Rate(tokens / seconds(start), tokens / used, (kernelSeconds() - kernel) / used);
        }

        /** The best wall and per-CPU rates; the kernel's share of CPU of the round with the best per-CPU rate. */
        Rate best(Rate other) {
            return new Rate(Math.max(wall, other.wall), Math.max(perCpu, other.perCpu),
                    other.perCpu > perCpu ? other.kernelShare : kernelShare);
        }

        /** " (N% of its CPU in the kernel)": page faults and zeroing fresh memory are most of it. */
        String kernel() {
            return String.format(" (%.1f%% of its CPU in the kernel)", 100 * kernelShare);
        }
    }

    /**
     * {@code mechanist capture}'s path into a new F16 store, timed from its first batch to its completion: with
     * {@code model} when given (loaded from {@code checkpoint}), else loading the checkpoint as the command does.
     */
    private static Rate captureIntoStore(Path store, Path checkpoint, Path dataset, int batch, HookedTransformer model)
            throws IOException {
        double[] batchesStart = new double[3];
        // wall and CPU seconds at the start of each batch: the first batch after a load runs slower than the rest
        List<double[]> batchStarts = new ArrayList<>();
        // the least memory in huge pages at a batch's start (the model loaded): a reload into fragmented memory
        // gets fewer, and its batches run slower per CPU-second
        long[] fewestHugePages = {Long.MAX_VALUE};
        NullProgressMonitor firstBatch = new NullProgressMonitor() {
            @Override
            public void subTask(String name) {
                if (name.startsWith("prompts 0..")) {
                    batchesStart[0] = System.nanoTime();
                    batchesStart[1] = cpuSeconds();
                    batchesStart[2] = kernelSeconds();
                }
                if (name.startsWith("prompts ")) {
                    batchStarts.add(new double[] {System.nanoTime() / 1e9, cpuSeconds()});
                    fewestHugePages[0] = Math.min(fewestHugePages[0], hugePageBytes());
                }
            }
        };
        CaptureJob job = CaptureJob.builder(store, checkpoint, dataset).sites("blocks.*.resid_post").batchSize(batch)
                .storage(StorageType.F16).build();
        if (model == null) {
            Capturer.capture(job, firstBatch);
        } else {
            Capturer.capture(job, model, firstBatch);
        }
        double batchesCpu = cpuSeconds() - batchesStart[1];
        double batchesKernel = kernelSeconds() - batchesStart[2];
        double batchesSeconds = (System.nanoTime() - batchesStart[0]) / 1e9;
        batchStarts.add(new double[] {System.nanoTime() / 1e9, cpuSeconds()});
        StringBuilder perBatch = new StringBuilder();
        for (int i = 1; i < batchStarts.size(); i++) {
            perBatch.append(String.format(" %.2f (%.2f)", batchStarts.get(i)[0] - batchStarts.get(i - 1)[0],
                    batchStarts.get(i)[1] - batchStarts.get(i - 1)[1]));
        }
        System.out.println("capture batches " + (model == null ? "after loading again" : "on the same model")
                + ", s wall (CPU), the last with the final shard's writing:" + perBatch
                + String.format("; in transparent huge pages at their starts, at least %.2f GB", fewestHugePages[0] / 1e9));
        long storedTokens;
        try (ActivationStore opened = ActivationStore.openReadOnly(store)) {
            storedTokens = opened.read(s -> s.getDatasets().get(0).getPrompts().stream()
                    .mapToLong(p -> p.getTokenIds().size()).sum());
        }
        return new Rate(storedTokens / batchesSeconds, storedTokens / batchesCpu, batchesKernel / batchesCpu);
    }

    /**
     * How much memory each side touches and frees right before its load: one and a half times the float32 weights
     * (the load's transients too), at most 60% of what the machine has available. On a virtual machine the first
     * write to memory the guest has not used lately costs several times a plain page fault, and that state decays
     * within seconds: a Llama 3.2 1B load took 11.5 s cold against 3.7 s right after another process touched and
     * freed 6 GB (docs/performance.md). Putting both loads in the same state makes their ratio a comparison of the
     * loaders, not of the order they ran in.
     */
    static long prefaultBytes(long parameters) throws IOException {
        long available = -1;
        for (String line : Files.readAllLines(Path.of("/proc/meminfo"))) {
            if (line.startsWith("MemAvailable:")) {
                available = Long.parseLong(line.replaceAll("\\D", "")) * 1024;
            }
        }
        return available < 0 ? 0 : Math.min(parameters * 6, (long) (available * 0.6));
    }

    /**
     * Writes {@code bytes} of fresh libtorch memory and gives it back to the kernel (a block this size is mapped and
     * unmapped whole), then resets the process's peak RSS so the load's peak is its own.
     */
    static void touchAndFree(long bytes) {
        if (bytes <= 0) {
            return;
        }
        // through libtorch, so the pages are transparent huge pages as the load's (and the peer's) are
        try (ai.djl.ndarray.NDManager manager = ai.djl.ndarray.NDManager.newBaseManager()) {
            manager.ones(new ai.djl.ndarray.types.Shape(bytes / Float.BYTES)).close();
        }
        resetPeak();
    }

    /** Resets the process's peak RSS (VmHWM) to its current RSS, so the next peak read is that of what follows. */
    static void resetPeak() {
        try {
            Files.writeString(Path.of("/proc/self/clear_refs"), "5"); // 5: reset VmHWM to the current RSS
        } catch (IOException e) {
            System.out.println("warning: cannot reset the peak RSS (" + e.getMessage() + "); later peaks include "
                    + "what ran before");
        }
    }

    /** Seconds to read every file of the folder (the second call reads from the page cache). */
    private static double readFiles(Path dir) throws IOException {
        ByteBuffer buffer = ByteBuffer.allocateDirect(8 << 20);
        long start = System.nanoTime();
        try (Stream<Path> files = Files.list(dir)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".safetensors")).toList()) {
                try (FileChannel in = FileChannel.open(file)) {
                    while (in.read(buffer.clear()) > 0) {
                        // only the reading is measured
                    }
                }
            }
        }
        return seconds(start);
    }

    /** Random byte tokens (the generated tokenizer is byte-level, so any id under 256 is a valid token). */
    private static List<long[]> randomPrompts(int count, int tokens) {
        Random random = new Random(1);
        List<long[]> prompts = new ArrayList<>();
        for (int p = 0; p < count; p++) {
            long[] ids = new long[tokens];
            for (int t = 0; t < tokens; t++) {
                ids[t] = random.nextInt(256);
            }
            prompts.add(ids);
        }
        return prompts;
    }

    /** Prompts of {@code tokens - 1} bytes (letters, then the answer marker) plus the beginning-of-text token. */
    static void writeDataset(Path file, int count, int tokens) throws IOException {
        Random random = new Random(2);
        StringBuilder lines = new StringBuilder();
        for (int p = 0; p < count; p++) {
            StringBuilder text = new StringBuilder();
            for (int t = 0; t < tokens - 1; t++) { // and the marker: as many byte tokens as the forward's prompts
                text.append((char) ('a' + random.nextInt(26)));
            }
            lines.append("{\"id\": \"p").append(p).append("\", \"text\": \"").append(text)
                    .append(":\", \"labels\": {\"answer\": \"").append(p % 2 == 0 ? "A" : "B")
                    .append("\"}, \"answer_marker\": \":\"}\n");
        }
        Files.writeString(file, lines, StandardCharsets.UTF_8);
    }

    /**
     * The benchmarks' checkpoint folder: {@code dir}, or one per shape and layer count under java.io.tmpdir when it
     * is null; written (bf16) unless it already holds a config.json.
     */
    static Path writtenOnce(RandomCheckpoint checkpoint, PublishedShape shape, int layers, Path dir)
            throws IOException {
        Path folder = dir != null ? dir
                : Path.of(System.getProperty("java.io.tmpdir"), "mechanist-bench-" + shape.id() + "-" + layers + "L");
        if (!Files.isRegularFile(folder.resolve("config.json"))) {
            System.out.printf("writing %s (%d of %d layers, bf16, %.2f GB) to %s%n", shape.id(), layers,
                    shape.publishedLayers(), checkpoint.weightBytes() / 1e9, folder);
            checkpoint.write(folder);
        }
        return folder;
    }

    /** Parameters the model loads: tied checkpoints that also store lm_head.weight (Qwen3-1.7B) load it once. */
    static long loadedParameters(RandomCheckpoint checkpoint, Path dir) throws IOException {
        boolean tied = com.google.gson.JsonParser.parseString(Files.readString(dir.resolve("config.json")))
                .getAsJsonObject().get("tie_word_embeddings") instanceof com.google.gson.JsonPrimitive tie
                && tie.getAsBoolean();
        return checkpoint.tensors().stream().filter(t -> !(tied && t.name().equals("lm_head.weight")))
                .mapToLong(PublishedShape.Tensor::elementCount).sum();
    }

    private static int torchThreads() {
        return DjlEngines.intraOpThreads();
    }

    static long peakResidentBytes() throws IOException {
        return statusBytes("VmHWM:");
    }

    static long residentBytes() throws IOException {
        return statusBytes("VmRSS:");
    }

    /** Anonymous memory of this process in transparent huge pages (smaps_rollup), -1 where unreadable. */
    static long hugePageBytes() {
        try {
            return procBytes("/proc/self/smaps_rollup", "AnonHugePages:");
        } catch (IOException | RuntimeException e) {
            return -1; // not Linux, or an older kernel
        }
    }

    private static long statusBytes(String key) throws IOException {
        return procBytes("/proc/self/status", key);
    }

    /** The "KEY: N kB" field of a /proc file in bytes, -1 where it is missing. */
    private static long procBytes(String file, String key) throws IOException {
        for (String line : Files.readAllLines(Path.of(file))) {
            if (line.startsWith(key)) {
                return Long.parseLong(line.replaceAll("\\D", "")) * 1024;
            }
        }
        return -1;
    }

    /**
     * System (kernel) CPU seconds of the whole process, from /proc/self/stat (field 15, in clock ticks of 1/100 s,
     * the value on Linux), NaN where that is unreadable.
     */
    static double kernelSeconds() {
        try {
            String stat = Files.readString(Path.of("/proc/self/stat"));
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return Long.parseLong(fields[12]) / 100.0; // fields after the name start at field 3: stime is 15
        } catch (IOException | RuntimeException e) {
            return Double.NaN;
        }
    }

    /** CPU time of the whole process (all threads, user and system). */
    private static double cpuSeconds() {
        return ProcessHandle.current().info().totalCpuDuration().map(d -> d.toNanos() / 1e9).orElse(Double.NaN);
    }

    static String cpuModel() throws IOException {
        return Files.readAllLines(Path.of("/proc/cpuinfo")).stream().filter(l -> l.startsWith("model name"))
                .map(l -> l.substring(l.indexOf(':') + 1).trim()).findFirst().orElse("unknown CPU");
    }

    static String loadAverage() throws IOException {
        String[] parts = Files.readString(Path.of("/proc/loadavg")).split(" ");
        return parts[0] + " " + parts[1] + " " + parts[2];
    }

    private static double seconds(long start) {
        return (System.nanoTime() - start) / 1e9;
    }

    static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(root)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
