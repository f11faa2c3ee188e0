package io.mechanist.devtools.bench;

import java.util.EnumSet;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicInteger;

import io.mechanist.probes.InMemoryProbeData;
import io.mechanist.probes.ProbeAnalysis;
import io.mechanist.probes.ProbeCell;
import io.mechanist.probes.ProbeConfig;
import io.mechanist.probes.ProbeMethod;
import io.mechanist.probes.ProbeResults;
import io.mechanist.probes.internal.CellEvaluator;
import io.mechanist.probes.internal.Labels;

/**
 * Probe analysis speed on synthetic activations (default 500 prompts x 13 layers x 64 positions x d_model 768,
 * 5 folds, logistic + mass-mean, control task and directions on).
 *
 * <p>Baseline measured in the same run: one parallel sweep over every cell computing the two class means (reads
 * each activation once: the memory-bandwidth floor of any probe; the best of three sweeps). Prints seconds and the
 * ratio to the baseline.
 *
 * <p>Arguments (all optional): {@code prompts layers positions dModel threads [--no-peer] [--peer-layers L]}. Needs
 * about {@code 4 * prompts * layers * positions * dModel} bytes of heap (1.3 GB by default: run with -Xmx3g).
 *
 * <p>Then the logistic probe against scikit-learn on the very same arrays ({@link SklearnPeer}): the same
 * standardisation, L2 penalty, grouped folds and threads, cross-validated accuracy per cell; prints both times,
 * the ratio and the accuracy differences. {@code --peer-layers L} runs both on the first L layers only (a
 * sub-grid, said so in the output); {@code --no-peer} skips it; {@code --peer-only} skips the class-mean baseline, the
 * mass-mean and the logistic + mass-mean runs and goes straight to the comparison (after the same warm-up).
 *
 * <p>Run from the repository root after the Tycho build, with Java 21 or newer (the bundle jar alone suffices):
 * {@code java -Xmx3g -cp bundles/io.mechanist.probes/target/io.mechanist.probes-0.1.0-SNAPSHOT.jar
 * io.mechanist.devtools.bench.ProbeBenchmark}. Target (issue #7): logistic + mass-mean in at most 60 s on 2 cores.
 */
public final class ProbeBenchmark {

    private ProbeBenchmark() {
    }

    public static void main(String[] arguments) throws Exception {
        java.util.List<String> flags = new java.util.ArrayList<>();
        java.util.List<String> positional = new java.util.ArrayList<>();
        for (int i = 0; i < arguments.length; i++) {
            if (arguments[i].equals("--peer-layers")) {
                flags.add(arguments[i] + "=" + arguments[++i]);
            } else if (arguments[i].startsWith("--")) {
                flags.add(arguments[i]);
            } else {
                positional.add(arguments[i]);
            }
        }
        String[] args = positional.toArray(String[]::new);
        int n = arg(args, 0, 500);
        int layers = arg(args, 1, 13);
        int positions = arg(args, 2, 64);
        int d = arg(args, 3, 768);
        int threads = arg(args, 4, Runtime.getRuntime().availableProcessors());
        System.out.printf(Locale.ROOT, "probe benchmark: %d prompts x %d layers x %d positions x d_model %d, "
                + "%d threads, %d cores available, load average %.2f%n", n, layers, positions, d, threads,
                Runtime.getRuntime().availableProcessors(), loadAverage());
        long t0 = System.nanoTime();
        InMemoryProbeData data = synthetic(n, layers, positions, d, threads);
        System.out.printf(Locale.ROOT, "generated %.2f GB of activations in %.1f s%n",
                4.0 * n * layers * positions * d / 1e9, seconds(t0));

        // the workload the 60 s target was set for: one fold assignment and one control permutation (the defaults
        // repeat the split 3 times and average 5 permutations, for honest intervals rather than speed)
        ProbeConfig base = ProbeConfig.defaults().withThreads(threads).withFolds(5).withFoldRepeats(1)
                .withControlPermutations(1);
        // warm-up on a slice so the JIT has compiled the kernels before timing
        ProbeAnalysis.run(slice(data, n, Math.min(2, layers), Math.min(4, positions), d), base);
        if (flags.contains("--peer-only")) {
            compareWithPeer(data, base, flags, n, layers, positions, d);
            System.out.printf(Locale.ROOT, "load average at the end %.2f%n", loadAverage());
            return;
        }

        // best of three sweeps: the first can run while the JIT is still compiling the warm-up's methods
        double baseline = Double.MAX_VALUE;
        for (int sweep = 0; sweep < 3; sweep++) {
            baseline = Math.min(baseline, classMeanSweep(data, threads));
        }
        System.out.printf(Locale.ROOT, "baseline (class means over every cell, one pass, best of 3): %6.3f s%n",
                baseline);

        long t1 = System.nanoTime();
        ProbeResults massMean = ProbeAnalysis.run(data, base.withMethods(EnumSet.of(ProbeMethod.MASS_MEAN)));
        double massMeanSeconds = seconds(t1);
        System.out.printf(Locale.ROOT, "mass-mean (5 folds + control + direction):        %7.2f s  (%.1fx baseline)%n",
                massMeanSeconds, massMeanSeconds / baseline);

        long t2 = System.nanoTime();
        ProbeResults both = ProbeAnalysis.run(data, base);
        double bothSeconds = seconds(t2);
        System.out.printf(Locale.ROOT, "logistic + mass-mean (5 folds + control + direction): %7.2f s  (%.1fx baseline)%n",
                bothSeconds, bothSeconds / baseline);

        iterationStatistics(data, base);
        summarise(both, ProbeMethod.LOGISTIC, layers, positions);
        summarise(massMean, ProbeMethod.MASS_MEAN, layers, positions);
        if (flags.contains("--no-peer")) {
            System.out.println("scikit-learn: not run (--no-peer)");
        } else {
            compareWithPeer(data, base, flags, n, layers, positions, d);
        }
        System.out.printf(Locale.ROOT, "load average at the end %.2f%n", loadAverage());
    }

    private static void compareWithPeer(InMemoryProbeData data, ProbeConfig base, java.util.List<String> flags, int n,
            int layers, int positions, int d) throws Exception {
        int peerLayers = flags.stream().filter(f -> f.startsWith("--peer-layers=")).findFirst()
                .map(f -> Integer.parseInt(f.substring(f.indexOf('=') + 1))).orElse(layers);
        InMemoryProbeData grid = peerLayers < layers ? slice(data, n, peerLayers, positions, d) : data;
        SklearnPeer.compare(grid, base, peerLayers < layers ? "sub-grid: the first " + peerLayers + " of "
                + layers + " layers" : "the full grid");
    }

    /** Planted label direction in layers >= layers/2 at positions >= positions/2, growing with position. */
    static InMemoryProbeData synthetic(int n, int layers, int positions, int d, int threads) throws Exception {
        String[] ids = new String[n];
        String[] labels = new String[n];
        String[] groups = new String[n];
        SplittableRandom meta = new SplittableRandom(7);
        for (int p = 0; p < n; p++) {
            ids[p] = "prompt-" + p;
            groups[p] = "g" + (p / 4);
            labels[p] = meta.nextBoolean() ? "A" : "B";
        }
        InMemoryProbeData data = new InMemoryProbeData(layers, positions, d, ids, labels, groups);
        int factors = 8;
        AtomicInteger next = new AtomicInteger();
        Runnable fill = () -> {
            for (int cell = next.getAndIncrement(); cell < layers * positions; cell = next.getAndIncrement()) {
                int layer = cell / positions;
                int position = cell % positions;
                SplittableRandom random = new SplittableRandom(1000003L * layer + position);
                float[][] basis = new float[factors + 1][d];
                for (float[] v : basis) {
                    for (int j = 0; j < d; j++) {
                        v[j] = (float) (random.nextGaussian() / Math.sqrt(d));
                    }
                }
                boolean planted = layer >= layers / 2 && position >= positions / 2;
                double strength = planted ? 0.6 + 2.0 * (position - positions / 2) / positions : 0;
                float[] m = new float[n * d];
                for (int p = 0; p < n; p++) {
                    double y = labels[p].equals("B") ? 1 : -1;
                    for (int j = 0; j < d; j++) {
                        m[p * d + j] = (float) random.nextGaussian() * 0.05f;
                    }
                    for (int f = 0; f < factors; f++) {
                        float z = (float) (random.nextGaussian() * 4);
                        for (int j = 0; j < d; j++) {
                            m[p * d + j] += z * basis[f][j];
                        }
                    }
                    float s = (float) (y * strength);
                    for (int j = 0; j < d; j++) {
                        m[p * d + j] += s * basis[factors][j];
                    }
                }
                data.setMatrix(layer, position, m);
            }
        };
        Thread[] workers = new Thread[threads];
        for (int t = 0; t < threads; t++) {
            workers[t] = new Thread(fill);
            workers[t].start();
        }
        for (Thread t : workers) {
            t.join();
        }
        return data;
    }

    private static InMemoryProbeData slice(InMemoryProbeData data, int n, int layers, int positions, int d) {
        String[] ids = new String[n];
        String[] labels = new String[n];
        String[] groups = new String[n];
        for (int p = 0; p < n; p++) {
            ids[p] = data.promptId(p);
            labels[p] = data.label(p);
            groups[p] = data.group(p);
        }
        InMemoryProbeData out = new InMemoryProbeData(layers, positions, d, ids, labels, groups);
        for (int l = 0; l < layers; l++) {
            for (int k = 0; k < positions; k++) {
                float[] m = new float[n * d];
                data.readMatrix(l, k, m);
                out.setMatrix(l, k, m);
            }
        }
        return out;
    }

    /** One pass over every cell summing the rows of each class, on the same number of threads. */
    private static double classMeanSweep(InMemoryProbeData data, int threads) throws Exception {
        int n = data.promptCount();
        int d = data.dModel();
        int cells = data.layerCount() * data.positionCount();
        boolean[] positive = new boolean[n];
        for (int p = 0; p < n; p++) {
            positive[p] = "B".equals(data.label(p));
        }
        double[] checksum = new double[threads];
        AtomicInteger next = new AtomicInteger();
        long start = System.nanoTime();
        Thread[] workers = new Thread[threads];
        for (int t = 0; t < threads; t++) {
            int id = t;
            workers[t] = new Thread(() -> {
                float[] m = new float[n * d];
                float[] pos = new float[d];
                float[] neg = new float[d];
                for (int c = next.getAndIncrement(); c < cells; c = next.getAndIncrement()) {
                    data.readMatrix(c / data.positionCount(), c % data.positionCount(), m);
                    java.util.Arrays.fill(pos, 0);
                    java.util.Arrays.fill(neg, 0);
                    for (int p = 0; p < n; p++) {
                        float[] acc = positive[p] ? pos : neg;
                        for (int j = 0; j < d; j++) {
                            acc[j] += m[p * d + j];
                        }
                    }
                    checksum[id] += pos[0] - neg[0];
                }
            });
            workers[t].start();
        }
        for (Thread t : workers) {
            t.join();
        }
        double seconds = seconds(start);
        if (Double.isNaN(checksum[0])) {
            System.out.println("checksum NaN");
        }
        return seconds;
    }

    private static void iterationStatistics(InMemoryProbeData data, ProbeConfig config) {
        Labels labels = Labels.of(data);
        ProbeConfig logistic = config.withMethods(EnumSet.of(ProbeMethod.LOGISTIC));
        CellEvaluator evaluator = new CellEvaluator(data, logistic, labels, CellEvaluator.Splits.of(labels, logistic));
        int[][] sample = {{0, 0}, {data.layerCount() - 1, data.positionCount() - 1},
            {data.layerCount() / 2, data.positionCount() / 2}, {data.layerCount() - 1, 0}};
        for (int[] cell : sample) {
            evaluator.evaluate(cell[0], cell[1]);
        }
        System.out.printf(Locale.ROOT, "L-BFGS: %.1f iterations per logistic fit (mean over %d fits in 4 sample cells)%n",
                (double) evaluator.logisticIterations() / evaluator.logisticFits(), evaluator.logisticFits());
    }

    private static void summarise(ProbeResults results, ProbeMethod method, int layers, int positions) {
        double planted = 0;
        double elsewhere = 0;
        double control = 0;
        int plantedCells = 0;
        int otherCells = 0;
        for (ProbeCell c : results.cells(method)) {
            boolean isPlanted = c.layer() >= layers / 2 && c.position() >= positions / 2;
            if (isPlanted) {
                planted += c.accuracy();
                plantedCells++;
            } else {
                elsewhere += c.accuracy();
                otherCells++;
            }
            control += c.controlAccuracy();
        }
        ProbeCell last = results.cell(method, layers - 1, positions - 1);
        System.out.printf(Locale.ROOT, "%s: mean accuracy %.3f in planted cells, %.3f elsewhere, control %.3f; "
                + "last cell %.3f [%.3f, %.3f] n=%d chance %.3f selectivity %.3f%n", method.id(),
                planted / Math.max(1, plantedCells), elsewhere / Math.max(1, otherCells),
                control / (plantedCells + otherCells), last.accuracy(), last.interval().low(), last.interval().high(),
                last.n(), last.chance(), last.selectivity());
    }

    private static int arg(String[] args, int index, int fallback) {
        return args.length > index ? Integer.parseInt(args[index]) : fallback;
    }

    private static double seconds(long start) {
        return (System.nanoTime() - start) / 1e9;
    }

    private static double loadAverage() {
        return java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
    }
}
