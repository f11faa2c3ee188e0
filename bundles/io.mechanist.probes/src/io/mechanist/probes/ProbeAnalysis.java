package io.mechanist.probes;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

import io.mechanist.probes.internal.CellEvaluator;
import io.mechanist.probes.internal.CellEvaluator.CellOutcome;
import io.mechanist.probes.internal.Labels;

/**
 * Probes at every (layer, aligned position): grouped k-fold cross-validation by prompt group, accuracy with n and a
 * 95% interval that respects the groups, its spread over repeated fold assignments, majority-class chance, a control
 * task on labels permuted within each fold (averaged over several permutations) and selectivity with its interval.
 *
 * <p>The folds are assigned once per run and repeat (every cell uses the same prompt-to-fold maps; at a position a
 * prompt lacks, it is simply absent). Cells run on a fixed pool of {@link ProbeConfig#threads()} threads; each cell is computed by
 * one thread from its own inputs, so results are identical for any thread count.
 */
public final class ProbeAnalysis {

    private ProbeAnalysis() {
    }

    public static ProbeResults run(ProbeData data, ProbeConfig config) {
        return run(data, config, ProbeProgress.NONE);
    }

    /**
     * @throws ProbeInputException for missing labels (naming the prompts), a single class, more than two classes,
     *                             a class confined to one group, or fewer prompts/groups than folds
     */
    public static ProbeResults run(ProbeData data, ProbeConfig config, ProbeProgress progress) {
        return run(data, data, config, progress);
    }

    /**
     * Probe transfer: the same cross-validation as {@link #run}, folds, seeds and intervals included, but each
     * held-out prompt is scored on its row of {@code test} (the same prompts through another model) by the probe
     * trained on the other folds' rows of {@code train}. The labels, groups and positions are {@code train}'s; with
     * identical data the results equal {@link #run}'s.
     *
     * @throws ProbeInputException as {@link #run}, or when the two differ in prompts, layers, positions or width
     */
    public static ProbeResults runTransfer(ProbeData train, ProbeData test, ProbeConfig config, ProbeProgress progress) {
        if (train.promptCount() != test.promptCount() || train.layerCount() != test.layerCount()
                || train.positionCount() != test.positionCount() || train.dModel() != test.dModel()) {
            throw new ProbeInputException("probe transfer needs the same prompts, layers, positions and width on both"
                    + " sides: " + train.promptCount() + " x " + train.layerCount() + " x " + train.positionCount()
                    + " x " + train.dModel() + " against " + test.promptCount() + " x " + test.layerCount() + " x "
                    + test.positionCount() + " x " + test.dModel());
        }
        for (int p = 0; p < train.promptCount(); p++) {
            for (int k = 0; k < train.positionCount(); k++) {
                if (train.hasPosition(p, k) != test.hasPosition(p, k)) {
                    throw new ProbeInputException("prompt " + train.promptId(p) + " has aligned position "
                            + train.positionLabel(k) + " on one side of the probe transfer only");
                }
            }
        }
        return run(train, test, config, progress);
    }

    private static ProbeResults run(ProbeData data, ProbeData testData, ProbeConfig config, ProbeProgress progress) {
        Labels labels = Labels.of(data);
        CellEvaluator.Splits splits = CellEvaluator.Splits.of(labels, config);
        int layers = data.layerCount();
        int positions = data.positionCount();
        int methods = config.orderedMethods().length;
        ProbeCell[][] cells = new ProbeCell[methods][layers * positions];
        ProbeDirection[][] directions = new ProbeDirection[methods][layers * positions];
        byte[][][] outcomes = new byte[methods][layers * positions][];
        int total = layers * positions;
        AtomicInteger next = new AtomicInteger();
        AtomicInteger done = new AtomicInteger();
        Runnable worker = () -> {
            CellEvaluator evaluator = new CellEvaluator(data, testData, config, labels, splits);
            for (int cell = next.getAndIncrement(); cell < total; cell = next.getAndIncrement()) {
                if (progress.isCancelled() || Thread.currentThread().isInterrupted()) {
                    throw new CancellationException("probe analysis cancelled");
                }
                CellOutcome outcome = evaluator.evaluate(cell / positions, cell % positions);
                for (int m = 0; m < methods; m++) {
                    cells[m][cell] = outcome.cells()[m];
                    directions[m][cell] = outcome.directions()[m];
                    outcomes[m][cell] = outcome.outcomes()[m];
                }
                progress.cellsDone(done.incrementAndGet(), total);
            }
        };
        runWorkers(worker, Math.min(config.threads(), Math.max(1, total)));
        String[] layerNames = new String[layers];
        for (int l = 0; l < layers; l++) {
            layerNames[l] = data.layerName(l);
        }
        String[] positionLabels = new String[positions];
        String[] positionTokens = new String[positions];
        for (int k = 0; k < positions; k++) {
            positionLabels[k] = data.positionLabel(k);
            positionTokens[k] = data.positionToken(k);
        }
        return new ProbeResults(config, labels.negative(), labels.positive(), labels.promptCount(),
                labels.groupCount(), layerNames, positionLabels, positionTokens, cells, directions, outcomes,
                labels.groupOf());
    }

    /** Runs {@code threads} copies of the worker (the calling thread alone when 1) and rethrows the first failure. */
    static void runWorkers(Runnable worker, int threads) {
        if (threads == 1) {
            worker.run();
            return;
        }
        ExecutorService pool = Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "mechanist-probes");
            t.setDaemon(true);
            return t;
        });
        try {
            List<Future<?>> futures = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                futures.add(pool.submit(worker));
            }
            for (Future<?> f : futures) {
                f.get();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CancellationException("probe analysis interrupted");
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof RuntimeException re) {
                throw re;
            }
            if (cause instanceof Error err) {
                throw err;
            }
            throw new IllegalStateException("probe worker failed", cause);
        } finally {
            pool.shutdownNow();
        }
    }
}
