package io.mechanist.spark;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

import org.apache.spark.SparkConf;
import org.apache.spark.api.java.JavaSparkContext;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

import io.mechanist.capture.CaptureJob;
import io.mechanist.capture.Capturer;
import io.mechanist.djl.DjlEngines;

/**
 * Benchmark, not a test: the demo dataset repeated {@code copies} times (fresh prompt ids), captured at every
 * position of every layer's resid_post, first in this process with {@link Capturer} (libtorch on all cores), then
 * on Spark {@code local[N]} with {@link SparkCapture} (N tasks, cores/N libtorch threads each), alternately, in
 * the same JVM, and on Spark again with the shards staged through Hadoop's local filesystem ({@code --staging
 * file:...}: written by the executors through Hadoop's API, copied, hashed and committed by the driver), and with
 * the store itself given as a {@code file:} URI ({@link RemoteStore}: executors write into it through Hadoop's API,
 * the driver reads each shard once, renames it and publishes store.xmi). Prints each run's seconds and the ratios. Run with {@code ./mechanist spark bench [copies] [N]}.
 */
public final class SparkCaptureBenchmark {

    private SparkCaptureBenchmark() {
    }

    public static void main(String[] args) throws IOException {
        int copies = args.length > 0 ? Integer.parseInt(args[0]) : 5;
        int slots = args.length > 1 ? Integer.parseInt(args[1]) : 2;
        int rounds = 2;
        Path work = Files.createTempDirectory("mechanist-spark-bench");
        Path dataset = repeatedDemo(work.resolve("demo-x" + copies + ".jsonl"), copies);
        int cores = Runtime.getRuntime().availableProcessors();
        System.out.printf("dataset %s (%d prompts), sites blocks.*.resid_post, all positions, batch 8, shards of 4 MiB;"
                + " %d cores, OMP_WAIT_POLICY=%s, java %s%n", dataset.getFileName(), 400 * copies, cores,
                System.getenv("OMP_WAIT_POLICY"), System.getProperty("java.version"));
        try (JavaSparkContext spark = new JavaSparkContext(new SparkConf().setMaster("local[" + slots + "]")
                .setAppName("mechanist capture benchmark").set("spark.ui.enabled", "false")
                .set("spark.driver.host", "127.0.0.1").set("spark.driver.bindAddress", "127.0.0.1"))) {
            // warm-up: the engine, the tokenizer, Spark's first job
            String staging = Files.createDirectories(work.resolve("staging")).toUri().toString();
            Function<Path, SparkCapture.Locations> shared = store -> SparkCapture.Locations.SHARED;
            Function<Path, SparkCapture.Locations> staged = store -> new SparkCapture.Locations(null, staging);
            Function<Path, SparkCapture.Locations> uri = store -> new SparkCapture.Locations(null, null,
                    store.toUri().toString());
            run(work, "warmup-single", dataset, null, cores, null);
            run(work, "warmup-spark", dataset, spark, cores, shared);
            run(work, "warmup-staged", dataset, spark, cores, staged);
            run(work, "warmup-uri", dataset, spark, cores, uri);
            List<String> lines = new ArrayList<>();
            for (int round = 1; round <= rounds; round++) {
                double single = run(work, "single-" + round, dataset, null, cores, null);
                double distributed = run(work, "spark-" + round, dataset, spark, cores, shared);
                double viaStaging = run(work, "staged-" + round, dataset, spark, cores, staged);
                double viaUri = run(work, "uri-" + round, dataset, spark, cores, uri);
                lines.add(String.format("round %d: single process %.2f s, Spark local[%d] %.2f s, ratio spark/single"
                        + " %.2f; staged through file: %.2f s, ratio staged/spark %.2f; store as a file: URI %.2f s,"
                        + " ratio uri/spark %.2f", round, single, slots, distributed, distributed / single, viaStaging,
                        viaStaging / distributed, viaUri, viaUri / distributed));
            }
            lines.forEach(System.out::println);
        } finally {
            deleteTree(work); // every run's store: hundreds of MB
        }
    }

    private static void deleteTree(Path folder) throws IOException {
        try (java.util.stream.Stream<Path> files = Files.walk(folder)) {
            for (Path file : files.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(file);
            }
        }
    }

    /** One capture into a fresh store {@code work/name}: in this process without {@code spark}, else on it. */
    private static double run(Path work, String name, Path dataset, JavaSparkContext spark, int cores,
            Function<Path, SparkCapture.Locations> where) throws IOException {
        CaptureJob job = CaptureJob.builder(work.resolve(name), SparkCaptureTest.MODEL, dataset)
                .sites("blocks.*.resid_post").batchSize(8).shardBytes(4L << 20).build();
        long start = System.nanoTime();
        if (spark == null) {
            DjlEngines.engine();
            ai.djl.pytorch.jni.JniUtils.setNumThreads(cores);
            Capturer.capture(job, null);
        } else {
            SparkCapture.capture(spark, job, where.apply(work.resolve(name)), line -> { });
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        System.out.printf("%-14s %.2f s%n", name, seconds);
        return seconds;
    }

    private static Path repeatedDemo(Path target, int copies) throws IOException {
        List<String> lines = Files.readAllLines(SparkCaptureTest.DATASET);
        List<String> out = new ArrayList<>();
        for (int c = 0; c < copies; c++) {
            for (String line : lines) {
                if (line.isBlank()) {
                    continue;
                }
                JsonObject prompt = JsonParser.parseString(line).getAsJsonObject();
                prompt.addProperty("id", prompt.get("id").getAsString() + "-copy" + c);
                out.add(prompt.toString());
            }
        }
        return Files.write(target, out);
    }
}
