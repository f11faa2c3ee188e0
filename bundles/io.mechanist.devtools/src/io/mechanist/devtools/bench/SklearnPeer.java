package io.mechanist.devtools.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

import io.mechanist.probes.InMemoryProbeData;
import io.mechanist.probes.ProbeAnalysis;
import io.mechanist.probes.ProbeConfig;
import io.mechanist.probes.ProbeMethod;
import io.mechanist.probes.ProbeProgress;
import io.mechanist.probes.ProbeResults;
import io.mechanist.probes.internal.GroupedFolds;
import io.mechanist.probes.internal.Labels;

/**
 * The logistic probe against scikit-learn on the same arrays, as the peer of {@link ProbeBenchmark}: the
 * activations go to a file numpy maps; each cell is cross-validated on Mechanist's own grouped folds with
 * StandardScaler on the training rows and LogisticRegression (lbfgs, C = 1 / (lambda * n_train): Mechanist's
 * objective {@code mean log-loss + lambda/2 |w|^2}, bias unpenalised), cells spread over as many worker processes
 * as Mechanist has threads (joblib), BLAS single-threaded in each. Both sides: 5 folds, one fold assignment, no
 * control task, no all-prompt direction fit.
 */
final class SklearnPeer {

    private SklearnPeer() {
    }

    static void compare(InMemoryProbeData data, ProbeConfig base, String grid) throws Exception {
        int n = data.promptCount();
        int layers = data.layerCount();
        int positions = data.positionCount();
        int d = data.dModel();
        ProbeConfig config = base.withMethods(EnumSet.of(ProbeMethod.LOGISTIC)).withControlTask(false)
                .withFitDirections(false).withFoldRepeats(1);
        System.out.printf(Locale.ROOT, "logistic probe against scikit-learn on %s (%d x %d x %d x %d), %d folds, "
                + "lambda %.3g, %d threads%n", grid, n, layers, positions, d, config.folds(), config.l2(),
                config.threads());
        if (!Files.isExecutable(Path.of(TorchPeer.PYTHON))) {
            System.out.println("scikit-learn: skipped, " + TorchPeer.PYTHON + " is absent");
            return;
        }
        long start = System.nanoTime();
        double cpuStart = processCpuSeconds();
        ThreadUse threadUse = new ThreadUse(start);
        ProbeResults mechanist = ProbeAnalysis.run(data, config, threadUse);
        double mechanistSeconds = (System.nanoTime() - start) / 1e9;
        double mechanistCpu = processCpuSeconds() - cpuStart;
        System.out.println(threadUse.summary(mechanistSeconds));

        Labels labels = Labels.of(data);
        int[] folds = GroupedFolds.assign(labels, config.folds(), config.seed()); // repeat 0 of the analysis
        Path scratch = Files.createTempDirectory("mechanist-probe-peer");
        try {
            Path activations = scratch.resolve("activations.f32");
            writeActivations(data, activations);
            JsonObject meta = new JsonObject();
            meta.addProperty("n", n);
            meta.addProperty("layers", layers);
            meta.addProperty("positions", positions);
            meta.addProperty("d", d);
            meta.addProperty("l2", config.l2());
            meta.addProperty("folds", config.folds());
            meta.addProperty("threads", config.threads());
            meta.add("fold", array(folds));
            meta.add("label", array(labels.classOf()));
            Path metaFile = scratch.resolve("meta.json");
            Files.writeString(metaFile, meta.toString());
            Path script = scratch.resolve("sklearn_peer.py");
            Files.writeString(script, SCRIPT, StandardCharsets.UTF_8);
            ProcessBuilder builder = new ProcessBuilder(TorchPeer.PYTHON, script.toString(), activations.toString(),
                    metaFile.toString()).redirectErrorStream(true);
            for (String variable : new String[] {"OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS"}) {
                builder.environment().put(variable, "1"); // the workers are the parallelism, as Mechanist's threads
            }
            Process process = builder.start();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            int exit = process.waitFor();
            String last = output.lines().filter(l -> l.startsWith("{")).reduce((a, b) -> b).orElse(null);
            if (exit != 0 || last == null) {
                System.out.println("scikit-learn: skipped, " + (exit == 3
                        ? "scikit-learn is not installed (apt install python3-sklearn)"
                        : "the peer failed (exit " + exit + "): " + output.lines().reduce((a, b) -> b).orElse("")));
                return;
            }
            JsonObject result = JsonParser.parseString(last).getAsJsonObject();
            double sklearnSeconds = result.get("seconds").getAsDouble();
            double sklearnCpu = result.get("cpu_seconds").getAsDouble();
            JsonArray accuracies = result.getAsJsonArray("accuracy");
            double sumMechanist = 0;
            double sumSklearn = 0;
            double sumDiff = 0;
            double maxDiff = 0;
            int over = 0;
            for (int l = 0; l < layers; l++) {
                for (int p = 0; p < positions; p++) {
                    double ours = mechanist.cell(ProbeMethod.LOGISTIC, l, p).accuracy();
                    double theirs = accuracies.get(l * positions + p).getAsDouble();
                    double diff = Math.abs(ours - theirs) * 100;
                    sumMechanist += ours;
                    sumSklearn += theirs;
                    sumDiff += diff;
                    maxDiff = Math.max(maxDiff, diff);
                    over += diff > 1 ? 1 : 0;
                }
            }
            int cells = layers * positions;
            System.out.printf(Locale.ROOT, "mechanist logistic: %.2f s; scikit-learn %s (%d processes): %.2f s "
                    + "-> mechanist %.1fx faster (target >= 5x)%n", mechanistSeconds, result.get("version")
                            .getAsString(), config.threads(), sklearnSeconds, sklearnSeconds / mechanistSeconds);
            System.out.printf(Locale.ROOT, "accuracy: mean %.2f%% mechanist, %.2f%% scikit-learn; per cell |difference| "
                    + "mean %.2f, max %.2f points; %d of %d cells differ by more than 1 point%n",
                    100 * sumMechanist / cells, 100 * sumSklearn / cells, sumDiff / cells, maxDiff, over, cells);
            // CPU time is less sensitive than wall time to other work on a shared machine
            System.out.printf(Locale.ROOT, "CPU time: mechanist %.2f s (the whole process), scikit-learn %.2f s (the "
                    + "workers' fits) -> mechanist %.1fx less%n", mechanistCpu, sklearnCpu, sklearnCpu / mechanistCpu);
        } finally {
            try (var files = Files.list(scratch)) {
                for (Path f : files.toList()) {
                    Files.delete(f);
                }
            }
            Files.delete(scratch);
        }
    }

    /**
     * Per worker thread: cells done, its CPU time and when it finished its last cell, to see whether every thread
     * works until the end (work distribution, stragglers, setup on one thread).
     */
    private static final class ThreadUse implements ProbeProgress {

        private final long start;
        /** Per thread id: cells, thread CPU nanoseconds, nanoseconds from the start to its last cell. */
        private final Map<Long, long[]> byThread = new ConcurrentHashMap<>();

        ThreadUse(long start) {
            this.start = start;
        }

        @Override
        public void cellsDone(int done, int total) {
            long[] use = byThread.computeIfAbsent(Thread.currentThread().threadId(), id -> new long[3]);
            use[0]++; // each entry is written by its own thread only, read after the run joined them
            use[1] = ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime();
            use[2] = System.nanoTime() - start;
        }

        String summary(double wallSeconds) {
            StringBuilder line = new StringBuilder("mechanist threads (cells, CPU s, last cell done at s):");
            double firstDone = Double.MAX_VALUE;
            for (long[] use : byThread.values()) {
                line.append(String.format(Locale.ROOT, " [%d, %.2f, %.2f]", use[0], use[1] / 1e9, use[2] / 1e9));
                firstDone = Math.min(firstDone, use[2] / 1e9);
            }
            return line.append(String.format(Locale.ROOT, " of %.2f s wall; the first thread finished %.2f s "
                    + "before the end", wallSeconds, wallSeconds - firstDone)).toString();
        }
    }

    private static double processCpuSeconds() {
        return ProcessHandle.current().info().totalCpuDuration().map(t -> t.toNanos() / 1e9).orElse(Double.NaN);
    }

    private static JsonArray array(int[] values) {
        JsonArray out = new JsonArray();
        Arrays.stream(values).forEach(out::add);
        return out;
    }

    /** float32 little-endian [layers, positions, prompts, d]. */
    private static void writeActivations(InMemoryProbeData data, Path file) throws IOException {
        int n = data.promptCount();
        int d = data.dModel();
        float[] matrix = new float[n * d];
        ByteBuffer bytes = ByteBuffer.allocateDirect(n * d * 4).order(ByteOrder.LITTLE_ENDIAN);
        try (FileChannel out = FileChannel.open(file, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
            for (int l = 0; l < data.layerCount(); l++) {
                for (int p = 0; p < data.positionCount(); p++) {
                    data.readMatrix(l, p, matrix);
                    bytes.clear();
                    bytes.asFloatBuffer().put(matrix);
                    bytes.limit(matrix.length * 4);
                    while (bytes.hasRemaining()) {
                        out.write(bytes);
                    }
                }
            }
        }
    }

    private static final String SCRIPT = """
            import json, sys, time, warnings
            try:
                import numpy as np
                import sklearn
                from joblib import Parallel, delayed
                from sklearn.linear_model import LogisticRegression
                from sklearn.preprocessing import StandardScaler
            except ImportError:
                sys.exit(3)

            path, meta = sys.argv[1], json.load(open(sys.argv[2]))
            n, L, P, d = meta["n"], meta["layers"], meta["positions"], meta["d"]
            fold, y = np.array(meta["fold"]), np.array(meta["label"])

            def cell(c):
                cpu = time.process_time()
                # mapped in each worker (a mapped array passed to a worker would be pickled as a copy)
                X = np.memmap(path, dtype="<f4", mode="r", shape=(L * P, n, d))
                x = np.asarray(X[c], dtype=np.float64)
                correct = 0
                for k in range(meta["folds"]):
                    train, test = fold != k, fold == k
                    scaler = StandardScaler().fit(x[train])
                    model = LogisticRegression(C=1.0 / (meta["l2"] * train.sum()), solver="lbfgs", max_iter=1000)
                    with warnings.catch_warnings():
                        warnings.simplefilter("ignore")
                        model.fit(scaler.transform(x[train]), y[train])
                    correct += int((model.predict(scaler.transform(x[test])) == y[test]).sum())
                return correct / n, time.process_time() - cpu

            with Parallel(n_jobs=meta["threads"]) as parallel:
                parallel(delayed(cell)(0) for _ in range(meta["threads"]))  # start the workers, import sklearn
                start = time.perf_counter()
                cells = parallel(delayed(cell)(c) for c in range(L * P))
                seconds = time.perf_counter() - start
            print(json.dumps({"version": sklearn.__version__, "seconds": seconds,
                              "cpu_seconds": sum(cpu for _, cpu in cells), "accuracy": [a for a, _ in cells]}))
            """;
}
