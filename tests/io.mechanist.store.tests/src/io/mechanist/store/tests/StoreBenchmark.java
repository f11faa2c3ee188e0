package io.mechanist.store.tests;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.nio.FloatBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import io.mechanist.core.activations.ActivationSet;
import io.mechanist.core.activations.FloatMatrix;
import io.mechanist.core.activations.PromptInfo;
import io.mechanist.core.tensor.SafetensorsFile;
import io.mechanist.model.MechanistFactory;
import io.mechanist.model.ModelRef;
import io.mechanist.store.ActivationStore;
import io.mechanist.store.CaptureSpec;
import io.mechanist.store.CaptureWriter;

/**
 * Store benchmarks (a main, not a test). {@code column}: reads the (site, position) column across 10,000 prompts
 * at d_model 768 from page cache and compares with a sequential bulk read of the same number of bytes from the
 * same mapped file, measured in the same run. {@code write <GiB>}: streams a capture of that size (run with
 * -Xmx1g) and reports throughput and the peak heap in use.
 * <p>
 * Usage: {@code java -cp ... io.mechanist.store.tests.StoreBenchmark column|write [GiB] [folder]}
 */
public final class StoreBenchmark {

    private static final int D_MODEL = 768;

    private StoreBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        String mode = args.length > 0 ? args[0] : "column";
        Path folder = Files.createTempDirectory(args.length > 2 ? Path.of(args[2]) : Path.of(System.getProperty("java.io.tmpdir")),
                "mechanist-bench");
        try {
            if (mode.equals("write")) {
                write(folder, args.length > 1 ? Double.parseDouble(args[1]) : 4.0);
            } else {
                column(folder);
            }
        } finally {
            try (Stream<Path> paths = Files.walk(folder)) {
                for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                    Files.delete(p);
                }
            }
        }
    }

    private static ActivationStore store(Path folder, int prompts, int tokens) throws Exception {
        ActivationStore store = ActivationStore.create(folder, "benchmark");
        store.update(s -> {
            ModelRef model = MechanistFactory.eINSTANCE.createModelRef();
            model.setId("m");
            model.setDModel(D_MODEL);
            s.getModels().add(model);
        });
        List<PromptInfo> list = new ArrayList<>();
        for (int p = 0; p < prompts; p++) {
            list.add(new PromptInfo(p, "", new int[tokens], List.of(), Map.of(), null, null));
        }
        store.addDataset("d", "d", list);
        return store;
    }

    private static void column(Path folder) throws Exception {
        int prompts = 10_000;
        int tokens = 16;
        String site = "blocks.6.resid_post";
        try (ActivationStore store = store(folder, prompts, tokens);
                CaptureWriter writer = store.beginCapture(CaptureSpec.of("m", "d").id("c").site(site, D_MODEL))) {
            float[] rows = new float[tokens * D_MODEL];
            for (int p = 0; p < prompts; p++) {
                rows[p % rows.length] = p;
                writer.writePrompt(p, Map.of(site, rows));
            }
            writer.complete();
        }
        try (ActivationStore store = ActivationStore.openReadOnly(folder); ActivationSet set = store.openCapture("c")) {
            set.column(site, 0); // verify checksums and map once
            long bytes = (long) prompts * D_MODEL * 4;
            double best = Double.MAX_VALUE;
            for (int round = 0; round < 20; round++) {
                long start = System.nanoTime();
                FloatMatrix column = set.column(site, 1 + round % 14);
                best = Math.min(best, (System.nanoTime() - start) / 1e9);
                if (column.rows() != prompts) {
                    throw new IllegalStateException();
                }
            }
            // baseline: one contiguous bulk read of the same byte count from the first shard's mapping
            Path shard = folder.resolve("captures/c/shard-00000.safetensors");
            double baseline = Double.MAX_VALUE;
            try (SafetensorsFile file = SafetensorsFile.open(shard)) {
                FloatBuffer floats = file.buffer(site).asFloatBuffer();
                int count = (int) Math.min(floats.capacity(), bytes / 4);
                float[] target = new float[count];
                for (int round = 0; round < 20; round++) {
                    long start = System.nanoTime();
                    floats.get(0, target, 0, count);
                    baseline = Math.min(baseline, (System.nanoTime() - start) / 1e9 * (bytes / 4.0 / count));
                }
            }
            System.out.printf("column read: %d prompts x d_model %d = %.1f MB in %.2f ms -> %.2f GB/s%n", prompts, D_MODEL,
                    bytes / 1e6, best * 1e3, bytes / best / 1e9);
            System.out.printf("baseline contiguous bulk read of the same bytes: %.2f GB/s; column/baseline = %.2f%n",
                    bytes / baseline / 1e9, baseline / best);
        }
    }

    private static void write(Path folder, double gib) throws Exception {
        int tokens = 128;
        String[] sites = {"blocks.0.resid_post", "blocks.1.resid_post", "blocks.2.resid_post", "blocks.3.resid_post"};
        long bytesPerPrompt = (long) tokens * D_MODEL * 4 * sites.length;
        int prompts = (int) Math.ceil(gib * (1L << 30) / bytesPerPrompt);
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        long peak = 0;
        long start;
        try (ActivationStore store = store(folder, prompts, tokens)) {
            CaptureSpec spec = CaptureSpec.of("m", "d").id("big");
            for (String site : sites) {
                spec.site(site, D_MODEL);
            }
            float[] rows = new float[tokens * D_MODEL];
            start = System.nanoTime();
            try (CaptureWriter writer = store.beginCapture(spec)) {
                for (int p = 0; p < prompts; p++) {
                    rows[p % rows.length] = p;
                    Map<String, float[]> bySite = new java.util.LinkedHashMap<>();
                    for (String site : sites) {
                        bySite.put(site, rows);
                    }
                    writer.writePrompt(p, bySite);
                    peak = Math.max(peak, memory.getHeapMemoryUsage().getUsed());
                }
                writer.complete();
            }
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        long total = bytesPerPrompt * prompts;
        System.out.printf("wrote %.2f GiB (%d prompts x %d tokens x %d sites x d_model %d, f32) in %.1f s -> %.0f MB/s%n",
                total / (double) (1L << 30), prompts, tokens, sites.length, D_MODEL, seconds, total / seconds / 1e6);
        System.out.printf("max heap %d MiB, peak heap in use %d MiB%n", Runtime.getRuntime().maxMemory() >> 20, peak >> 20);
    }
}
