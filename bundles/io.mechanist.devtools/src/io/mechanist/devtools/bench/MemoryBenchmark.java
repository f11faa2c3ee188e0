package io.mechanist.devtools.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.eclipse.core.runtime.NullProgressMonitor;

import io.mechanist.capture.CaptureJob;
import io.mechanist.capture.CaptureSummary;
import io.mechanist.capture.Capturer;
import io.mechanist.model.StorageType;
import io.mechanist.runtime.synthetic.PublishedShape;
import io.mechanist.runtime.synthetic.RandomCheckpoint;

/**
 * Resident memory over a long capture: {@code mechanist capture}'s own path (load, forward, F16 store of every
 * resid_post) over many prompts of a published shape with random weights, sampling the process's resident set
 * before every batch. A capture that leaks (arrays kept per prompt, native tensors never closed, a store model that
 * grows with its shards beyond their entries) shows as RSS rising with the prompts; a flat one levels off after the
 * first batches. Prints the RSS after the load, at tenths of the run, the growth over the second half (per 100
 * prompts), and the peak against the float32 size of the weights.
 *
 * <p>Usage: {@code MemoryBenchmark SHAPE [--layers N] [--prompts P] [--tokens T] [--batch B] [--dir DIR]
 * [--weights auto|f32|compact|SIZE] [--positions all|last]}; defaults 1,000 prompts of 64 tokens, batches of 8,
 * every position. The checkpoint is written once (bf16) into DIR; the store goes to a temporary folder and is
 * deleted at the end.
 */
public final class MemoryBenchmark {

    private static final Pattern BATCH = Pattern.compile("prompts (\\d+)\\.\\.(\\d+) of (\\d+)");

    private MemoryBenchmark() {
    }

    /** RSS and Java heap in use when the capture reached {@code prompts}. */
    record Sample(int prompts, long resident, long heapUsed) {
    }

    public static void main(String[] args) throws Exception {
        BenchArguments arguments = BenchArguments.parse(args, "MemoryBenchmark SHAPE [--layers N] [--prompts P] "
                + "[--tokens T] [--batch B] [--dir DIR] [--weights auto|f32|compact|SIZE] [--positions all|last]",
                Set.of("--layers", "--prompts", "--tokens", "--batch", "--dir", "--positions"), Set.of());
        PublishedShape shape = arguments.shape();
        int layers = arguments.intOr("--layers", shape.publishedLayers());
        int prompts = arguments.intOr("--prompts", 1000);
        int tokens = arguments.intOr("--tokens", 64);
        int batch = arguments.intOr("--batch", 8);
        Path dir = arguments.dir();
        String positions = arguments.stringOr("--positions", "all");
        boolean lastOnly = switch (positions) {
            case "all" -> false;
            case "last" -> true;
            default -> throw new IllegalArgumentException("--positions is all or last, not " + positions);
        };
        RandomCheckpoint checkpoint = new RandomCheckpoint(shape).layers(layers);
        dir = ModelBenchmark.writtenOnce(checkpoint, shape, layers, dir);
        long f32Bytes = ModelBenchmark.loadedParameters(checkpoint, dir) * 4;
        System.out.printf("machine: %s, %d cores; load average %s%n", ModelBenchmark.cpuModel(),
                Runtime.getRuntime().availableProcessors(), ModelBenchmark.loadAverage());
        System.out.printf("model: %s, %d of %d layers (f32 weights %.2f GB); %d prompts x %d tokens, batch "
                + "%d, %s positions, every resid_post as f16; weight budget %s%n", shape.id(), layers,
                shape.publishedLayers(), f32Bytes / 1e9, prompts, tokens, batch, lastOnly ? "last" : "all",
                System.getProperty("io.mechanist.runtime.weightBudget", "auto"));

        Path scratch = Files.createTempDirectory("mechanist-memory-bench");
        try {
            Path dataset = scratch.resolve("prompts.jsonl");
            ModelBenchmark.writeDataset(dataset, prompts, tokens);
            long before = ModelBenchmark.residentBytes();
            List<Sample> samples = new ArrayList<>();
            // The capture names each batch before running it ("prompts A..B of N"): sample memory there.
            NullProgressMonitor sampler = new NullProgressMonitor() {
                @Override
                public void subTask(String name) {
                    Matcher batchName = BATCH.matcher(name == null ? "" : name);
                    if (batchName.find()) {
                        samples.add(sample(Integer.parseInt(batchName.group(1))));
                    }
                }
            };
            long start = System.nanoTime();
            CaptureJob.Builder job = CaptureJob.builder(scratch.resolve("store"), dir, dataset)
                    .sites("blocks.*.resid_post").batchSize(batch).storage(StorageType.F16);
            if (lastOnly) {
                job.positions(io.mechanist.capture.CapturePositions.last());
            }
            CaptureSummary result = Capturer.capture(job.build(), sampler);
            double seconds = (System.nanoTime() - start) / 1e9;
            samples.add(sample(prompts));
            long peak = ModelBenchmark.peakResidentBytes();
            if (samples.size() < 3) {
                throw new IllegalStateException("the capture reported " + samples.size() + " batches; expected one "
                        + "progress message 'prompts A..B of N' per batch");
            }
            System.out.printf("capture %s: %d prompts in %.1f s (%.1f tokens/s), store %.2f GB%n", result.captureId(),
                    prompts, seconds, prompts * (double) tokens / seconds, folderBytes(scratch.resolve("store")) / 1e9);
            System.out.printf("RSS before the capture %.2f GB; after the first batch (the model loaded) %.2f GB%n",
                    before / 1e9, samples.get(1).resident() / 1e9);
            System.out.println("prompts done | RSS GB | Java heap used GB");
            for (int tenth = 0; tenth <= 10; tenth++) {
                Sample s = nearest(samples, prompts * tenth / 10);
                System.out.printf("%12d | %6.2f | %6.2f%n", s.prompts(), s.resident() / 1e9, s.heapUsed() / 1e9);
            }
            Sample half = nearest(samples, prompts / 2);
            Sample end = samples.get(samples.size() - 1);
            long maxSecondHalf = samples.stream().filter(s -> s.prompts() >= half.prompts())
                    .mapToLong(Sample::resident).max().orElse(end.resident());
            long minSecondHalf = samples.stream().filter(s -> s.prompts() >= half.prompts())
                    .mapToLong(Sample::resident).min().orElse(end.resident());
            double growthPer100 = (end.resident() - half.resident()) / 1e6 * 100
                    / Math.max(1, end.prompts() - half.prompts());
            System.out.printf("second half (%d -> %d prompts): RSS %.2f -> %.2f GB, range %.2f-%.2f GB, growth "
                    + "%+.1f MB per 100 prompts%n", half.prompts(), end.prompts(), half.resident() / 1e9,
                    end.resident() / 1e9, minSecondHalf / 1e9, maxSecondHalf / 1e9, growthPer100);
            System.out.printf("peak RSS %.2f GB against the f32 weights %.2f GB -> %.2fx%n", peak / 1e9, f32Bytes / 1e9,
                    peak / (double) f32Bytes);
        } finally {
            ModelBenchmark.deleteTree(scratch);
            System.out.printf("load average at the end: %s%n", ModelBenchmark.loadAverage());
        }
    }

    private static Sample sample(int prompts) {
        try {
            Runtime runtime = Runtime.getRuntime();
            return new Sample(prompts, ModelBenchmark.residentBytes(), runtime.totalMemory() - runtime.freeMemory());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Sample nearest(List<Sample> samples, int prompts) {
        Sample best = samples.get(0);
        for (Sample s : samples) {
            if (Math.abs(s.prompts() - prompts) < Math.abs(best.prompts() - prompts)) {
                best = s;
            }
        }
        return best;
    }

    private static long folderBytes(Path folder) throws IOException {
        try (var walk = Files.walk(folder)) {
            return walk.filter(Files::isRegularFile).mapToLong(p -> p.toFile().length()).sum();
        }
    }
}
