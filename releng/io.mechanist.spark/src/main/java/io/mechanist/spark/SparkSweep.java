package io.mechanist.spark;

import java.io.IOException;
import java.io.InputStream;
import java.io.Serializable;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import java.util.function.IntFunction;

import org.apache.spark.api.java.JavaFutureAction;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.scheduler.SparkListener;
import org.apache.spark.scheduler.SparkListenerJobStart;
import org.apache.spark.scheduler.SparkListenerTaskEnd;
import org.apache.spark.util.SerializableConfiguration;
import org.eclipse.core.runtime.ContributorFactorySimple;
import org.eclipse.core.runtime.IExtensionRegistry;
import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.RegistryFactory;

import io.mechanist.core.analysis.AnalysisException;
import io.mechanist.core.analysis.AnalysisRegistry;
import io.mechanist.core.analysis.AnalysisRequest;

import io.mechanist.core.hooks.HookPoint;
import io.mechanist.core.hooks.HookSite;
import io.mechanist.runtime.HookedTransformer;
import io.mechanist.runtime.ModelSpec;
import io.mechanist.runtime.ModelTokenizer;
import io.mechanist.runtime.RunRequest;
import io.mechanist.runtime.RunResult;
import io.mechanist.runtime.SiteActivations;
import io.mechanist.runtime.intervention.AddVector;
import io.mechanist.runtime.intervention.InterventionPlan;
import io.mechanist.runtime.intervention.Positions;
import io.mechanist.steering.AbPrompt;
import io.mechanist.steering.AnswerTokens;
import io.mechanist.steering.CausalVerdict;
import io.mechanist.steering.RandomNull;
import io.mechanist.steering.SteeringScale;
import io.mechanist.steering.SteeringSweep;
import io.mechanist.steering.SteeringVector;
import io.mechanist.steering.SteeringVectors;
import io.mechanist.steering.SweepConfig;
import io.mechanist.steering.SweepResult;
import io.mechanist.steering.analysis.SweepAnalysis;
import io.mechanist.store.ActivationStore;
import io.mechanist.store.AnalysisRunner;

/**
 * {@link SteeringSweep#run} on Apache Spark: the same grid and numbers, computed as Spark tasks. First one task per
 * block of prompts runs them unsteered (the answers' baseline and each layer's residual norm, summed over the
 * blocks into the mean that scales the multipliers); then one task per (vector, layer, multiplier, prompt block)
 * cell runs the block under that cell's intervention. The driver merges the cells into one {@link SweepResult}.
 * With blocks a multiple of the sweep's batch size, every forward pass sees the same batches as on one machine.
 */
public final class SparkSweep {

    private SparkSweep() {
    }

    /** A stored sweep: the result's id in the store, its grid and its causal verdicts (null without a random null). */
    public record Stored(String resultId, SweepResult result, List<CausalVerdict.Verdict> causal) {
    }

    /**
     * Runs the steering-sweep analysis of {@code mechanist steer} ({@link SweepAnalysis}, request parameters and
     * inputs as there) with its grid computed on Spark by {@link #run}, and stores its result in {@code store} as
     * a single-machine run does: the same result type, tables, arrays, random-direction null, verdicts and
     * provenance, written by the same code ({@link AnalysisRunner}). The driver does not load the weights: it reads
     * the checkpoint's shape and tokenizer ({@link DriverCheckpoint}), which is all {@link SweepAnalysis} needs of it
     * (the layer count, {@code d_model}, the vocabulary and the answer tokens); every forward pass runs on Spark. The
     * driver alone writes {@code store.xmi}, once, when the result is complete; a cancelled or failed sweep writes
     * nothing.
     *
     * @param executorModel the checkpoint as the executors load it (a Hadoop URI, see {@link #run}), or null for
     *     the request's model folder, at the same path on every executor. A Hadoop URI is also the request's
     *     {@code model}, as the stored result records it; the driver reads its partial copy
     *     ({@link HadoopCheckpoints#forDriver})
     */
    public static Stored store(JavaSparkContext spark, ActivationStore store, AnalysisRequest request,
            String executorModel, int promptsPerTask, Consumer<String> log, IProgressMonitor monitor)
            throws AnalysisException, IOException {
        boolean remote = executorModel != null && HadoopCheckpoints.isUri(executorModel);
        SweepAnalysis analysis = new SweepAnalysis(modelFolder -> {
            if (remote && !modelFolder.equals(Path.of(executorModel))) {
                throw new IllegalArgumentException("the sweep's model " + modelFolder + " is not the executors' "
                        + executorModel);
            }
            // a Hadoop URI, recorded as the request gives it, is read from the driver's copy
            DriverCheckpoint shape = remote
                    ? DriverCheckpoint.read(HadoopCheckpoints.forDriver(executorModel, spark.hadoopConfiguration()),
                            executorModel)
                    : DriverCheckpoint.read(modelFolder);
            String model = onExecutors(executorModel, modelFolder);
            return new SweepAnalysis.Checkpoint() {
                @Override
                public ModelSpec spec() {
                    return shape.spec();
                }

                @Override
                public ModelTokenizer tokenizer() {
                    return shape.tokenizer();
                }

                @Override
                public SweepResult grid(List<AbPrompt> prompts, AnswerTokens answers,
                        IntFunction<SteeringVector> vectorForLayer, SweepConfig config,
                        SteeringSweep.Progress progress, BooleanSupplier cancelled) {
                    return run(spark, model, prompts, answers, vectorForLayer, config, promptsPerTask, log, progress,
                            cancelled);
                }

                @Override
                public RandomNull.Runs nullRuns(List<AbPrompt> prompts, AnswerTokens answers, SweepConfig config) {
                    return SparkSweep.nullRuns(spark, model, prompts, answers, config, promptsPerTask, log);
                }

                @Override
                public void close() {
                    shape.close();
                }
            };
        });
        AnalysisRegistry registry = analyses();
        String resultId = new AnalysisRunner(store, registry).run(registry.get(SweepAnalysis.ID), analysis, request,
                monitor);
        return new Stored(resultId, analysis.lastResult(), analysis.lastCausal());
    }

    /**
     * Runs cells as Spark jobs of a job group of their own: each finished cell goes to the driver's log and the
     * progress; when {@code cancelled} turns true, the job group is cancelled (its running tasks interrupted) and a
     * {@link CancellationException} says how far it got. Progress counts over every job of one sweep or null.
     */
    private static final class CellJobs {
        private final JavaSparkContext spark;
        private final String what;
        private final int total;
        private final Consumer<String> log;
        private final SteeringSweep.Progress progress;
        private final BooleanSupplier cancelled;
        private final long started = System.nanoTime();
        private int done;

        CellJobs(JavaSparkContext spark, String what, int total, Consumer<String> log, SteeringSweep.Progress progress,
                BooleanSupplier cancelled) {
            this.spark = spark;
            this.what = what;
            this.total = total;
            this.log = log == null ? line -> { } : log;
            this.progress = progress;
            this.cancelled = cancelled == null ? () -> false : cancelled;
        }

        List<Outcome> run(List<Cell> cells, Grid grid, String description, java.util.function.Function<Cell, String> describe) {
            if (cancelled.getAsBoolean()) {
                throw new CancellationException(what + " cancelled after " + done + " of " + total + " cells; nothing"
                        + " is stored");
            }
            if (cells.isEmpty()) {
                return List.of();
            }
            String group = "mechanist-sweep-" + java.util.UUID.randomUUID();
            FinishedTasks finished = new FinishedTasks(group);
            spark.sc().addSparkListener(finished);
            spark.setJobGroup(group, what + ": " + description, true);
            try {
                JavaFutureAction<List<Outcome>> job = spark.parallelize(cells, cells.size()).map(grid::run).collectAsync();
                while (true) {
                    try {
                        List<Outcome> outcomes = job.get(200, TimeUnit.MILLISECONDS);
                        finished.allDone(cells.size()); // the listener bus may not have told of the last ones yet
                        report(finished, cells, describe);
                        return outcomes;
                    } catch (TimeoutException running) {
                        report(finished, cells, describe);
                        if (cancelled.getAsBoolean()) {
                            spark.cancelJobGroup(group);
                            throw new CancellationException(what + " cancelled after " + done + " of " + total
                                    + " cells; its Spark job is cancelled and nothing is stored");
                        }
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        spark.cancelJobGroup(group);
                        throw new CancellationException(what + " interrupted after " + done + " of " + total
                                + " cells; its Spark job is cancelled and nothing is stored");
                    } catch (java.util.concurrent.ExecutionException e) {
                        throw e.getCause() instanceof RuntimeException runtime ? runtime
                                : new IllegalStateException(what + ": " + description + " failed", e.getCause());
                    }
                }
            } finally {
                spark.clearJobGroup();
                spark.sc().removeSparkListener(finished);
            }
        }

        /** Logs and counts the cells finished since the last call; on the calling thread, as the monitor wants. */
        private void report(FinishedTasks finished, List<Cell> cells, java.util.function.Function<Cell, String> describe) {
            for (Integer partition = finished.next(); partition != null; partition = finished.next()) {
                done++;
                log.accept(String.format("%s: cell %d of %d done (%s), %.1f s", what, done, total,
                        describe.apply(cells.get(partition)), (System.nanoTime() - started) / 1e9));
                if (progress != null) {
                    progress.done(done, total);
                }
            }
        }
    }

    /** The partitions whose task succeeded, once each, in the jobs of one job group (Spark's listener bus). */
    private static final class FinishedTasks extends SparkListener {
        private final String group;
        private final java.util.Set<Integer> stages = java.util.concurrent.ConcurrentHashMap.newKeySet();
        private final java.util.Set<Integer> seen = java.util.concurrent.ConcurrentHashMap.newKeySet();
        private final java.util.Queue<Integer> fresh = new java.util.concurrent.ConcurrentLinkedQueue<>();

        FinishedTasks(String group) {
            this.group = group;
        }

        @Override
        public void onJobStart(SparkListenerJobStart start) {
            if (start.properties() != null && group.equals(start.properties().getProperty("spark.jobGroup.id"))) {
                for (Object stage : scala.jdk.javaapi.CollectionConverters.asJava(start.stageIds())) {
                    stages.add((Integer) stage);
                }
            }
        }

        @Override
        public void onTaskEnd(SparkListenerTaskEnd end) {
            // a retried or speculative partition finishes once
            if (stages.contains(end.stageId()) && end.taskInfo().successful() && seen.add(end.taskInfo().index())) {
                fresh.add(end.taskInfo().index());
            }
        }

        Integer next() {
            return fresh.poll();
        }

        /** Every partition of the job finished: those not told of yet, in order. */
        void allDone(int partitions) {
            for (int p = 0; p < partitions; p++) {
                if (seen.add(p)) {
                    fresh.add(p);
                }
            }
        }
    }

    private static String onExecutors(String executorModel, Path driverFolder) {
        return executorModel != null ? executorModel : driverFolder.toAbsolutePath().normalize().toString();
    }

    /**
     * The analyses of the bundles whose plugin.xml this jar carries (pom.xml), read into an extension registry of
     * its own: outside OSGi there is no platform registry.
     */
    static AnalysisRegistry analyses() throws IOException {
        Object token = new Object();
        IExtensionRegistry registry = RegistryFactory.createRegistry(null, token, null);
        for (String bundle : List.of("io.mechanist.core", "io.mechanist.steering")) {
            String resource = "plugins/" + bundle + "/plugin.xml";
            try (InputStream in = SparkSweep.class.getResourceAsStream(resource)) {
                if (in == null || !registry.addContribution(in, ContributorFactorySimple.createContributor(bundle),
                        false, bundle, null, token)) {
                    throw new IOException("cannot read " + resource + " of the application jar (" + bundle + ")");
                }
            }
        }
        return new AnalysisRegistry(registry);
    }

    /**
     * @param model the checkpoint as the executors load it: a folder at the same path on every executor, or a
     *     Hadoop URI each executor copies once ({@link HadoopCheckpoints})
     * @param promptsPerTask prompts per block (rounded up to a multiple of the sweep's batch size)
     * @param log the driver's log: one line per finished cell
     * @param progress told of every finished cell (may be null)
     * @param cancelled polled while the cells run (may be null); when it turns true the running Spark job is
     *     cancelled, its tasks interrupted, and a {@link CancellationException} says so
     * @see SteeringSweep#run
     */
    public static SweepResult run(JavaSparkContext spark, String model, List<AbPrompt> prompts,
            AnswerTokens answers, IntFunction<SteeringVector> vectorForLayer, SweepConfig config, int promptsPerTask,
            Consumer<String> log, SteeringSweep.Progress progress, BooleanSupplier cancelled) {
        if (prompts.isEmpty()) {
            throw new IllegalArgumentException("a steering sweep needs at least one held-out prompt");
        }
        int layers = config.layers().size();
        int multipliers = config.multipliers().length;
        int kinds = config.control() ? 2 : 1;
        int n = prompts.size();
        float[][][] vectors = new float[kinds][layers][];
        double[][] norms = new double[kinds][layers];
        for (int l = 0; l < layers; l++) {
            SteeringVector v = vectorForLayer.apply(config.layers().get(l));
            vectors[0][l] = v.values();
            norms[0][l] = v.norm();
            if (config.control()) {
                SteeringVector control = SteeringVectors.randomLike(v, config.controlSeed() + config.layers().get(l));
                vectors[1][l] = control.values();
                norms[1][l] = control.norm();
            }
        }
        Blocks plan = Blocks.of(spark, model, prompts, answers, config, promptsPerTask);
        int blockSize = plan.size();
        List<long[][]> blocks = plan.tokens();
        List<boolean[]> matching = plan.matchingIsA();
        Grid grid = plan.grid();
        long steeredMultipliers = java.util.Arrays.stream(config.multipliers()).filter(m -> m != 0).count();
        CellJobs jobs = new CellJobs(spark, "steering sweep",
                (int) (blocks.size() + kinds * layers * steeredMultipliers * blocks.size()), log, progress, cancelled);

        // Unsteered: baseline metrics and the residual norms, per block.
        List<Cell> baselineCells = new ArrayList<>();
        for (int b = 0; b < blocks.size(); b++) {
            baselineCells.add(new Cell(b, blocks.get(b), matching.get(b), -1, -1, -1, null, 0));
        }
        List<Outcome> baseline = jobs.run(baselineCells, grid, "unsteered baseline, " + blocks.size()
                + " block(s) of " + blockSize, cell -> "unsteered, " + plan.prompts(cell.block()));
        SteeringScale.MeanNorm[] norm = new SteeringScale.MeanNorm[layers];
        for (int l = 0; l < layers; l++) {
            norm[l] = new SteeringScale.MeanNorm();
            for (Outcome outcome : baseline) {
                norm[l].add(outcome.norms()[l]);
            }
        }
        double[] meanNorm = new double[layers];
        for (int l = 0; l < layers; l++) {
            meanNorm[l] = norm[l].mean();
        }
        int cells = kinds * layers * multipliers * n;
        SweepResult result = new SweepResult(config, n, meanNorm, norms, new float[cells], new float[cells],
                new float[cells], new float[n]);
        for (Outcome outcome : baseline) {
            int from = outcome.block() * blockSize;
            System.arraycopy(outcome.metrics()[2], 0, result.baselineLogitDiff(), from, outcome.metrics()[2].length);
            for (int k = 0; k < kinds; k++) {
                for (int l = 0; l < layers; l++) {
                    for (int m = 0; m < multipliers; m++) {
                        if (config.multipliers()[m] == 0) {
                            copy(outcome.metrics(), result, result.index(k, l, m, from));
                        }
                    }
                }
            }
        }

        // Steered: one task per (vector, layer, multiplier, block) cell.
        List<Cell> steered = new ArrayList<>();
        for (int k = 0; k < kinds; k++) {
            for (int l = 0; l < layers; l++) {
                for (int m = 0; m < multipliers; m++) {
                    if (config.multipliers()[m] == 0) {
                        continue;
                    }
                    for (int b = 0; b < blocks.size(); b++) {
                        steered.add(new Cell(b, blocks.get(b), matching.get(b), k, l, m, vectors[k][l],
                                result.coefficient(k, l, m)));
                    }
                }
            }
        }
        for (Outcome outcome : jobs.run(steered, grid, steered.size() + " cells (vector x layer x multiplier x block)",
                cell -> SweepResult.VECTOR_KINDS.get(cell.kind()) + ", layer " + config.layers().get(cell.layer())
                        + ", multiplier " + config.multipliers()[cell.multiplier()] + ", " + plan.prompts(cell.block()))) {
            copy(outcome.metrics(), result, result.index(outcome.kind(), outcome.layer(), outcome.multiplier(),
                    outcome.block() * blockSize));
        }
        return result;
    }

    /**
     * The random null's runs ({@link RandomNull#run(RandomNull.Runs, SweepResult, IntFunction, int, long,
     * SteeringSweep.Progress, BooleanSupplier)}) on Spark: one task per (run, prompt block), in the blocks and
     * batches of the grid.
     */
    static RandomNull.Runs nullRuns(JavaSparkContext spark, String model, List<AbPrompt> prompts,
            AnswerTokens answers, SweepConfig config, int promptsPerTask, Consumer<String> log) {
        Blocks plan = Blocks.of(spark, model, prompts, answers, config, promptsPerTask);
        return (steers, progress, cancelled) -> {
            List<Cell> cells = new ArrayList<>();
            for (int run = 0; run < steers.size(); run++) {
                RandomNull.Steer steer = steers.get(run);
                int layer = config.layers().indexOf(steer.site().layer());
                if (layer < 0 || steer.site().point() != config.point()) {
                    throw new IllegalArgumentException("random-null run " + steer.name() + " is not at a swept site");
                }
                for (int b = 0; b < plan.tokens().size(); b++) {
                    cells.add(new Cell(b, plan.tokens().get(b), plan.matchingIsA().get(b), 0, layer, run,
                            steer.values(), steer.coefficient()));
                }
            }
            CellJobs jobs = new CellJobs(spark, "random null", cells.size(), log, progress, cancelled);
            float[][] logitDiffs = new float[steers.size()][prompts.size()];
            for (Outcome outcome : jobs.run(cells, plan.grid(), steers.size() + " run(s) x " + plan.tokens().size()
                    + " block(s)", cell -> "run " + steers.get(cell.multiplier()).name() + ", layer "
                            + config.layers().get(cell.layer()) + ", " + plan.prompts(cell.block()))) {
                float[] diff = outcome.metrics()[2];
                System.arraycopy(diff, 0, logitDiffs[outcome.multiplier()], outcome.block() * plan.size(), diff.length);
            }
            return List.of(logitDiffs);
        };
    }

    /** The prompts cut into blocks of whole batches, and the settings every task needs. */
    private record Blocks(int size, List<long[][]> tokens, List<boolean[]> matchingIsA, Grid grid) {

        /** The held-out prompts of block {@code b}, for the log. */
        String prompts(int b) {
            return "prompts " + b * size + ".." + (b * size + tokens.get(b).length - 1);
        }

        static Blocks of(JavaSparkContext spark, String model, List<AbPrompt> prompts, AnswerTokens answers,
                SweepConfig config, int promptsPerTask) {
            int n = prompts.size();
            int blockSize = Math.max(1, (promptsPerTask + config.batchSize() - 1) / config.batchSize())
                    * config.batchSize();
            List<long[][]> blocks = new ArrayList<>();
            List<boolean[]> matching = new ArrayList<>();
            for (int from = 0; from < n; from += blockSize) {
                List<AbPrompt> block = prompts.subList(from, Math.min(n, from + blockSize));
                blocks.add(block.stream().map(AbPrompt::tokens).toArray(long[][]::new));
                boolean[] isA = new boolean[block.size()];
                for (int i = 0; i < isA.length; i++) {
                    isA[i] = block.get(i).matchingIsA();
                }
                matching.add(isA);
            }
            Grid grid = new Grid(model, SerializableConfiguration.broadcast(spark.sc(), spark.hadoopConfiguration()),
                    config.point().name(),
                    config.layers().stream().mapToInt(Integer::intValue).toArray(),
                    config.steerPositions().everyPosition(), config.steerPositions().indices(), config.batchSize(),
                    answers.textA(), answers.idA(), answers.textB(), answers.idB(),
                    spark.getConf().getInt(SparkCapture.INTRA_OP_THREADS, 0));
            return new Blocks(blockSize, blocks, matching, grid);
        }
    }

    private static void copy(float[][] metrics, SweepResult into, int at) {
        System.arraycopy(metrics[0], 0, into.probability(), at, metrics[0].length);
        System.arraycopy(metrics[1], 0, into.probabilityFull(), at, metrics[1].length);
        System.arraycopy(metrics[2], 0, into.logitDiff(), at, metrics[2].length);
    }

    /**
     * One task: a block of prompts, unsteered ({@code kind < 0}) or under the vector of one grid cell with its raw
     * coefficient ({@code multiplier}: the multiplier's index; in a run of the random null, the run's index).
     */
    record Cell(int block, long[][] tokens, boolean[] matchingIsA, int kind, int layer, int multiplier,
            float[] vector, double coefficient) implements Serializable {
        private static final long serialVersionUID = 1L;
    }

    /** A task's answer: {@code metrics} as {@link SteeringSweep#metrics}; {@code norms} per layer (unsteered only). */
    record Outcome(int block, int kind, int layer, int multiplier, float[][] metrics, SteeringScale.MeanNorm[] norms)
            implements Serializable {
        private static final long serialVersionUID = 1L;
    }

    /** The sweep's settings as plain data, shipped with every task. */
    record Grid(String model, Broadcast<SerializableConfiguration> hadoop, String point, int[] layers,
            boolean everyPosition, int[] positions, int batchSize, String textA, long idA, String textB, long idB,
            int intraOpThreads) implements Serializable {
        private static final long serialVersionUID = 1L;

        Outcome run(Cell cell) throws java.io.IOException {
            List<AbPrompt> prompts = new ArrayList<>();
            for (int i = 0; i < cell.tokens().length; i++) {
                prompts.add(new AbPrompt(cell.tokens()[i], cell.matchingIsA()[i]));
            }
            AnswerTokens answers = new AnswerTokens(textA, idA, textB, idB);
            HookPoint hookPoint = HookPoint.valueOf(point);
            List<long[]> tokens = Arrays.asList(cell.tokens());
            try (ExecutorModels.Lease lease = ExecutorModels.borrow(model, hadoop.value().value(), intraOpThreads)) {
                HookedTransformer model = lease.model();
                if (cell.kind() < 0) {
                    List<HookSite> sites = Arrays.stream(layers).mapToObj(l -> HookSite.of(hookPoint, l)).toList();
                    SteeringScale.MeanNorm[] norms = new SteeringScale.MeanNorm[layers.length];
                    for (int l = 0; l < layers.length; l++) {
                        norms[l] = new SteeringScale.MeanNorm();
                    }
                    RunResult result = model.run(RunRequest.builder(tokens).batchSize(batchSize).capture(sites)
                            .sink((site, batch) -> {
                                SteeringScale.MeanNorm siteNorm = norms[sites.indexOf(site)];
                                for (SiteActivations a : batch) {
                                    siteNorm.add(a);
                                }
                            }).build());
                    return new Outcome(cell.block(), -1, -1, -1, SteeringSweep.metrics(result, prompts, answers), norms);
                }
                HookSite site = HookSite.of(hookPoint, layers[cell.layer()]);
                Positions steer = everyPosition ? Positions.all() : Positions.of(positions);
                InterventionPlan plan = InterventionPlan.of(SweepResult.VECTOR_KINDS.get(cell.kind()) + "@" + site.id(),
                        new AddVector(site, steer, cell.vector(), cell.coefficient()));
                RunResult result = model.sweep(RunRequest.builder(tokens).batchSize(batchSize).build(), List.of(plan))
                        .get(0);
                return new Outcome(cell.block(), cell.kind(), cell.layer(), cell.multiplier(),
                        SteeringSweep.metrics(result, prompts, answers), null);
            }
        }
    }
}
