package io.mechanist.spark;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.apache.spark.SparkConf;
import org.apache.spark.api.java.JavaSparkContext;

import io.mechanist.capture.CaptureJob;
import io.mechanist.capture.CapturePositions;
import io.mechanist.capture.CaptureSummary;
import io.mechanist.model.StorageType;
import io.mechanist.steering.CausalVerdict;
import io.mechanist.steering.SteeringVectorFiles;
import io.mechanist.steering.analysis.SweepAnalysis;
import io.mechanist.store.ActivationStore;

/**
 * The application's entry point, {@code spark-submit --class io.mechanist.spark.SparkCaptureMain mechanist-spark.jar
 * MODE ...}:
 * <ul>
 * <li>{@code capture --store DIR|URI --model DIR|URI --dataset FILE [--sites LIST] [--positions SEL] [--batch N]
 * [--dtype f32|f16] [--shard-mb N] [--id ID] [--name NAME] [--staging URI]}: the options of {@code mechanist
 * capture} (docs/capture.md), plus the shard size, which is also the size of one Spark task, and a Hadoop folder
 * where executors stage shards for the driver when they cannot write into the store; the checkpoint may be a Hadoop
 * URI ({@code hdfs://}, {@code s3a://}, {@code file:}), copied once per JVM, and so may the store ({@link RemoteStore});</li>
 * <li>{@code sweep ...}: the options of {@code mechanist steer} ({@link SweepArguments}), plus the prompts per task;
 * the grid runs on Spark ({@link SparkSweep#store}) and the result is stored as {@code mechanist steer} stores it,
 * in a folder or a store given as a Hadoop URI ({@link RemoteStore}).</li>
 * </ul>
 */
public final class SparkCaptureMain {

    private static final String USAGE = "usage: spark-submit [spark options] --class " + SparkCaptureMain.class.getName()
            + " mechanist-spark.jar capture --store DIR|URI --model DIR|URI --dataset FILE [--sites LIST] [--positions SEL]"
            + " [--batch N] [--dtype f32|f16] [--shard-mb N] [--id ID] [--name NAME] [--staging URI]"
            + "\n   or: ... mechanist-spark.jar "
            + SweepArguments.USAGE + "\n(docs/scale-out.md)";

    private SparkCaptureMain() {
    }

    public static void main(String[] args) throws Exception {
        String mode = args.length == 0 ? "" : args[0];
        if (!mode.equals("capture") && !mode.equals("sweep")) {
            System.err.println(USAGE);
            System.exit(2);
        }
        List<String> options = Arrays.asList(args).subList(1, args.length);
        CaptureArguments capture = null;
        SweepArguments sweep = null;
        try {
            if (mode.equals("capture")) {
                capture = parse(options);
            } else {
                sweep = SweepArguments.parse(options);
            }
        } catch (IllegalArgumentException e) {
            System.err.println("mechanist-spark: " + e.getMessage());
            System.err.println(USAGE);
            System.exit(2);
            return;
        }
        if (sweep != null) {
            sweep(sweep);
            return;
        }
        SparkConf conf = new SparkConf().setAppName("mechanist capture " + capture.dataset().getFileName());
        try (JavaSparkContext spark = new JavaSparkContext(conf)) {
            String uri = capture.where().model();
            CaptureJob job = capture.job(uri != null ? HadoopCheckpoints.forDriver(uri, spark.hadoopConfiguration())
                    .folder() : Path.of(capture.model()));
            CaptureSummary summary = SparkCapture.capture(spark, job, capture.where(), System.out::println);
            System.out.println("captured " + summary.promptCount() + " prompts into capture " + summary.captureId()
                    + " of " + (capture.where().store() != null ? capture.where().store() : job.store()));
        }
    }

    private static void sweep(SweepArguments sweep) throws Exception {
        SparkConf conf = new SparkConf().setAppName("mechanist steering sweep of " + sweep.inputs().get("heldOut"));
        try (JavaSparkContext spark = new JavaSparkContext(conf)) {
            sweep(spark, sweep, System.out::println);
        }
    }

    /**
     * Runs and stores {@code sweep} on {@code spark}, telling {@code out} what it did. A store given as a Hadoop URI
     * is worked on through a local copy of its metadata ({@link RemoteStore}) holding the files the sweep reads (its
     * captures' shards, the stored vectors); the files it stores are then uploaded and store.xmi published.
     */
    static SparkSweep.Stored sweep(JavaSparkContext spark, SweepArguments sweep, java.util.function.Consumer<String> out)
            throws Exception {
        if (!RemoteStore.isUri(sweep.store())) {
            try (ActivationStore store = ActivationStore.open(Path.of(sweep.store()))) {
                return sweep(spark, store, sweep, out);
            }
        }
        try (RemoteStore remote = RemoteStore.open(sweep.store(), spark.hadoopConfiguration(), out)) {
            remote.download(sweep.inputs().values());
            SparkSweep.Stored stored;
            try (ActivationStore store = ActivationStore.open(remote.workingCopy())) {
                stored = sweep(spark, store, sweep, out);
            }
            remote.uploadNewFilesAndPublish();
            return stored;
        }
    }

    private static SparkSweep.Stored sweep(JavaSparkContext spark, ActivationStore store, SweepArguments sweep,
            java.util.function.Consumer<String> out) throws Exception {
        String imported = null;
        if (sweep.vectorFile() != null) {
            imported = SteeringVectorFiles.save(store, sweep.vectorFile().getFileName().toString(),
                    SteeringVectorFiles.importVector(sweep.vectorFile(), null, null));
            out.accept("imported " + sweep.vectorFile() + " as stored vector " + imported);
        }
        String model = sweep.parameters().get("model");
        SparkSweep.Stored stored = SparkSweep.store(spark, store, sweep.request(imported),
                HadoopCheckpoints.isUri(model) ? model : null, sweep.promptsPerTask(), out, null);
        out.accept("steering sweep of " + stored.result().promptCount() + " prompts stored as result "
                + stored.resultId() + " of " + sweep.store() + " (mechanist steer's analysis " + SweepAnalysis.ID + ")");
        if (stored.causal() == null) {
            out.accept("no causal verdict: --null-directions 0, or no positive multiplier");
        } else {
            for (CausalVerdict.Verdict v : stored.causal()) {
                out.accept(v.vector() + ", layer " + v.layer() + ", multiplier " + v.multiplier() + ": " + v.reason());
            }
        }
        return stored;
    }

    /**
     * The {@code capture} mode's command line: the job for the driver's copy of the checkpoint ({@code --model}
     * itself when it is a local path), and where the executors find the checkpoint and stage shards.
     */
    record CaptureArguments(String model, Path dataset, SparkCapture.Locations where,
            java.util.function.Function<Path, CaptureJob> jobForModel) {
        CaptureJob job(Path driverModel) {
            return jobForModel.apply(driverModel);
        }
    }

    static CaptureArguments parse(List<String> args) {
        Map<String, String> options = new HashMap<>();
        for (int i = 0; i < args.size(); i += 2) {
            String key = args.get(i);
            if (!key.startsWith("--") || i + 1 >= args.size()) {
                throw new IllegalArgumentException("expected --option value, got '" + key + "'");
            }
            options.put(key.substring(2), args.get(i + 1));
        }
        for (String required : List.of("store", "model", "dataset")) {
            if (!options.containsKey(required)) {
                throw new IllegalArgumentException("--" + required + " is required");
            }
        }
        String storeOption = options.remove("store");
        // a store on a Hadoop filesystem: the driver works on a local copy of its metadata (RemoteStore), which
        // takes the job's store folder's place
        String remoteStore = RemoteStore.isUri(storeOption) ? storeOption : null;
        Path store = Path.of(remoteStore != null ? "." : storeOption);
        String model = options.remove("model");
        Path dataset = Path.of(options.remove("dataset"));
        String staging = options.remove("staging");
        if (staging != null && !HadoopCheckpoints.isUri(staging)) {
            throw new IllegalArgumentException("--staging must be a Hadoop URI (hdfs://..., s3a://..., file:/...), was "
                    + staging);
        }
        Map<String, String> rest = new HashMap<>(options);
        options.clear();
        java.util.function.Function<Path, CaptureJob> jobForModel = folder -> job(store, folder, dataset,
                new HashMap<>(rest));
        jobForModel.apply(Path.of(".")); // refuses bad options before anything starts
        return new CaptureArguments(model, dataset,
                new SparkCapture.Locations(HadoopCheckpoints.isUri(model) ? model : null, staging, remoteStore),
                jobForModel);
    }

    private static CaptureJob job(Path store, Path model, Path dataset, Map<String, String> options) {
        CaptureJob.Builder job = CaptureJob.builder(store, model, dataset);
        if (options.containsKey("sites")) {
            job.sites(Arrays.stream(options.remove("sites").split(",")).map(String::trim).toList());
        }
        if (options.containsKey("positions")) {
            job.positions(CapturePositions.parse(options.remove("positions")));
        }
        if (options.containsKey("batch")) {
            job.batchSize(Integer.parseInt(options.remove("batch")));
        }
        if (options.containsKey("dtype")) {
            String dtype = options.remove("dtype");
            job.storage(switch (dtype.toLowerCase()) {
                case "f32" -> StorageType.F32;
                case "f16" -> StorageType.F16;
                default -> throw new IllegalArgumentException("--dtype must be f32 or f16, was " + dtype);
            });
        }
        if (options.containsKey("shard-mb")) {
            job.shardBytes((long) (Double.parseDouble(options.remove("shard-mb")) * (1 << 20)));
        }
        if (options.containsKey("id")) {
            job.captureId(options.remove("id"));
        }
        if (options.containsKey("name")) {
            job.name(options.remove("name"));
        }
        if (!options.isEmpty()) {
            throw new IllegalArgumentException("unknown option(s) " + options.keySet().stream().map(k -> "--" + k).toList());
        }
        return job.build();
    }
}
