package io.mechanist.probes.internal;

import io.mechanist.probes.ConfidenceIntervals;
import io.mechanist.probes.Interval;
import io.mechanist.probes.IntervalMethod;
import io.mechanist.probes.ProbeCell;
import io.mechanist.probes.ProbeConfig;
import io.mechanist.probes.ProbeData;
import io.mechanist.probes.ProbeDirection;
import io.mechanist.probes.ProbeMethod;

/**
 * Cross-validates every probe method at one (layer, aligned position). One instance per worker thread: it owns
 * the buffers, so a cell's result depends only on the data, the folds and the seed, never on the scheduling.
 */
public final class CellEvaluator {

    /** The results of one cell, indexed like {@link ProbeConfig#orderedMethods()}. */
    public record CellOutcome(ProbeCell[] cells, ProbeDirection[] directions) {
    }

    private final ProbeData data;
    private final ProbeConfig config;
    private final Labels labels;
    private final int[] foldOf;
    private final int[] controlClassOf;
    private final ProbeMethod[] methods;
    private final int n;
    private final int d;

    private final float[] activations;
    private final float[][] rowMajor;    // standardised training rows, rowMajor[t][0..d)
    private final float[][] columnMajor; // the same by feature, columnMajor[j][0..trainCount)
    private final int[] available;
    private final int[] train;
    private final int[] test;
    private final byte[] sign;
    private final double[] standardWeights;
    private final double[] weights;
    private final Standardizer standardizer;
    private final LogisticTrainer logistic;
    private final RowSpaceBasis basis;
    private final double[] coordinates;
    private final double[] scratch;
    private boolean basisReady;
    /** Sum of the label task's fold fits (original-space weights, then bias) and their count: a warm start. */
    private final double[] foldFitSum;
    private int foldFits;
    private final double[] warmStart;
    private final MassMeanTrainer massMean;

    /** Logistic L-BFGS iterations summed over this evaluator's fits (diagnostics). */
    private long logisticIterations;
    private long logisticFits;

    public CellEvaluator(ProbeData data, ProbeConfig config, Labels labels, int[] foldOf, int[] controlClassOf) {
        this.data = data;
        this.config = config;
        this.labels = labels;
        this.foldOf = foldOf;
        this.controlClassOf = controlClassOf;
        this.methods = config.orderedMethods();
        this.n = data.promptCount();
        this.d = data.dModel();
        activations = new float[n * d];
        boolean needsStandardised = config.methods().contains(ProbeMethod.LOGISTIC);
        rowMajor = needsStandardised ? new float[n][d] : null;
        columnMajor = needsStandardised ? new float[d][n] : null;
        available = new int[n];
        train = new int[n];
        test = new int[n];
        sign = new byte[n];
        standardWeights = new double[d];
        weights = new double[d];
        standardizer = new Standardizer(d);
        logistic = needsStandardised ? new LogisticTrainer(Math.max(d, n), n) : null;
        basis = needsStandardised && n > 1 ? new RowSpaceBasis(Math.min(n, d)) : null;
        coordinates = new double[n + 1];
        scratch = new double[n + 1];
        massMean = new MassMeanTrainer(d, n);
        foldFitSum = new double[d + 1];
        warmStart = new double[d + 1];
    }

    public long logisticIterations() {
        return logisticIterations;
    }

    public long logisticFits() {
        return logisticFits;
    }

    public CellOutcome evaluate(int layer, int position) {
        data.readMatrix(layer, position, activations);
        int count = 0;
        int positives = 0;
        for (int p = 0; p < n; p++) {
            if (data.hasPosition(p, position)) {
                available[count++] = p;
                positives += labels.classOf()[p];
            }
        }
        int tasks = config.controlTask() ? 2 : 1;
        boolean[][][] correct = new boolean[methods.length][tasks][n];
        int[] degenerate = new int[methods.length];
        java.util.Arrays.fill(foldFitSum, 0);
        foldFits = 0;
        for (int fold = 0; fold < config.folds(); fold++) {
            int trainCount = 0;
            int testCount = 0;
            for (int a = 0; a < count; a++) {
                int p = available[a];
                if (foldOf[p] == fold) {
                    test[testCount++] = p;
                } else {
                    train[trainCount++] = p;
                }
            }
            if (testCount == 0) {
                continue;
            }
            boolean standardised = false;
            for (int task = 0; task < tasks; task++) {
                int[] cls = task == 0 ? labels.classOf() : controlClassOf;
                int trainPositives = 0;
                for (int t = 0; t < trainCount; t++) {
                    trainPositives += cls[train[t]];
                }
                boolean singleClass = trainPositives == 0 || trainPositives == trainCount;
                for (int m = 0; m < methods.length; m++) {
                    double bias;
                    if (singleClass) {
                        // nothing to learn: predict the training majority (or the overall one if no training rows)
                        int majority = trainCount == 0 ? (2 * positives >= count ? 1 : 0) : (trainPositives > 0 ? 1 : 0);
                        java.util.Arrays.fill(weights, 0);
                        bias = majority == 1 ? 1 : -1;
                        if (task == 0) {
                            degenerate[m]++;
                        }
                    } else if (methods[m] == ProbeMethod.LOGISTIC) {
                        if (!standardised) {
                            standardizer.fit(activations, d, train, trainCount);
                            standardizer.transform(activations, d, train, trainCount, rowMajor, columnMajor);
                            standardised = true;
                            basisReady = false;
                        }
                        bias = fitLogistic(trainCount, cls);
                        if (task == 0) {
                            for (int j = 0; j < d; j++) {
                                foldFitSum[j] += weights[j];
                            }
                            foldFitSum[d] += bias;
                            foldFits++;
                        }
                    } else {
                        bias = massMean.fit(activations, train, trainCount, cls, weights);
                    }
                    for (int t = 0; t < testCount; t++) {
                        int p = test[t];
                        double score = FloatKernels.dot(activations, p * d, weights) + bias;
                        correct[m][task][p] = (score > 0 ? 1 : 0) == cls[p];
                    }
                }
            }
        }
        ProbeCell[] cells = new ProbeCell[methods.length];
        ProbeDirection[] directions = new ProbeDirection[methods.length];
        double chance = count == 0 ? Double.NaN : Math.max(positives, count - positives) / (double) count;
        for (int m = 0; m < methods.length; m++) {
            cells[m] = summarise(layer, position, m, count, chance, correct[m], degenerate[m]);
            if (config.fitDirections() && positives > 0 && positives < count) {
                directions[m] = fitDirection(layer, position, m, count);
            }
        }
        return new CellOutcome(cells, directions);
    }

    private double fitLogistic(int trainCount, int[] cls) {
        double b;
        if (trainCount < d) {
            // fewer rows than features: solve in the rows' own coordinates (exact, see RowSpaceBasis)
            if (!basisReady) {
                basis.build(columnMajor, trainCount, d, config.l2());
                basisReady = true;
            }
            for (int k = 0; k < trainCount; k++) {
                sign[k] = (byte) (cls[train[basis.pivotRow(k)]] == 1 ? 1 : -1);
            }
            b = logistic.fit(basis.rowMajor, basis.columnMajor, trainCount, basis.rank, true, sign, config.l2(),
                    basis.inverseCurvature, coordinates);
            basis.toFeatureWeights(coordinates, rowMajor, d, standardWeights, scratch);
        } else {
            for (int t = 0; t < trainCount; t++) {
                sign[t] = (byte) (cls[train[t]] == 1 ? 1 : -1);
            }
            b = logistic.fit(rowMajor, columnMajor, trainCount, d, false, sign, config.l2(), null, standardWeights);
        }
        logisticIterations += logistic.lastIterations;
        logisticFits++;
        return standardizer.toOriginal(standardWeights, b, weights);
    }

    /**
     * The all-prompt logistic fit in feature space, started from the mean of the cell's fold fits (which were
     * trained on 1 - 1/k of the same prompts, so they lie close to its optimum). Same objective and stopping rule as
     * {@link #fitLogistic}, at {@code O(n d)} per iteration and without the {@code O(n^2 d)} Gram matrix of all
     * prompts. Returns NaN, and leaves the fit to the row-space path, if it reaches the iteration limit.
     */
    private double fitLogisticFromFolds(int count, int[] cls) {
        double b = foldFitSum[d] / foldFits;
        for (int j = 0; j < d; j++) { // original space -> this standardisation: w' = w * sd, b' = b + w . mean
            double w = foldFitSum[j] / foldFits;
            warmStart[j] = standardizer.invScale[j] > 0 ? w / standardizer.invScale[j] : 0;
            b += w * standardizer.mean[j];
        }
        warmStart[d] = b;
        for (int t = 0; t < count; t++) {
            sign[t] = (byte) (cls[train[t]] == 1 ? 1 : -1);
        }
        double fitted = logistic.fit(rowMajor, columnMajor, count, d, false, sign, config.l2(), null, warmStart,
                standardWeights);
        logisticIterations += logistic.lastIterations;
        logisticFits++;
        if (!logistic.lastConverged) {
            return Double.NaN;
        }
        return standardizer.toOriginal(standardWeights, fitted, weights);
    }

    private ProbeDirection fitDirection(int layer, int position, int m, int count) {
        System.arraycopy(available, 0, train, 0, count);
        double bias;
        if (methods[m] == ProbeMethod.LOGISTIC) {
            standardizer.fit(activations, d, train, count);
            standardizer.transform(activations, d, train, count, rowMajor, columnMajor);
            basisReady = false;
            bias = foldFits > 0 ? fitLogisticFromFolds(count, labels.classOf()) : Double.NaN;
            if (Double.isNaN(bias)) {
                bias = fitLogistic(count, labels.classOf());
            }
        } else {
            bias = massMean.fit(activations, train, count, labels.classOf(), weights);
        }
        float[] w = new float[d];
        for (int j = 0; j < d; j++) {
            w[j] = (float) weights[j];
        }
        return new ProbeDirection(methods[m], layer, position, labels.positive(), w, bias, count);
    }

    private ProbeCell summarise(int layer, int position, int m, int count, double chance, boolean[][] correct,
            int degenerate) {
        int right = countCorrect(correct[0], count);
        double accuracy = count == 0 ? Double.NaN : (double) right / count;
        Interval interval = interval(correct[0], count, right, seed(layer, position, m, 0));
        double control = Double.NaN;
        Interval controlInterval = Interval.UNDEFINED;
        if (correct.length > 1) {
            int controlRight = countCorrect(correct[1], count);
            control = count == 0 ? Double.NaN : (double) controlRight / count;
            controlInterval = interval(correct[1], count, controlRight, seed(layer, position, m, 1));
        }
        return new ProbeCell(layer, position, methods[m], count, right, accuracy, interval, chance, control,
                controlInterval, accuracy - control, degenerate);
    }

    private int countCorrect(boolean[] correct, int count) {
        int right = 0;
        for (int a = 0; a < count; a++) {
            right += correct[available[a]] ? 1 : 0;
        }
        return right;
    }

    private Interval interval(boolean[] correct, int count, int right, long seed) {
        if (config.interval() == IntervalMethod.WILSON || count == 0) {
            return ConfidenceIntervals.wilson(right, count);
        }
        if (config.interval() == IntervalMethod.BOOTSTRAP_PROMPTS) {
            boolean[] outcomes = new boolean[count];
            for (int a = 0; a < count; a++) {
                outcomes[a] = correct[available[a]];
            }
            return ConfidenceIntervals.bootstrapPrompts(outcomes, config.bootstrapResamples(), seed);
        }
        int[] successes = new int[labels.groupCount()];
        int[] totals = new int[labels.groupCount()];
        for (int a = 0; a < count; a++) {
            int p = available[a];
            successes[labels.groupOf()[p]] += correct[p] ? 1 : 0;
            totals[labels.groupOf()[p]]++;
        }
        return ConfidenceIntervals.bootstrap(compact(successes, totals), compact(totals, totals),
                config.bootstrapResamples(), seed);
    }

    /** Keeps the groups that have prompts at this position. */
    private static int[] compact(int[] values, int[] totals) {
        int k = 0;
        for (int total : totals) {
            k += total > 0 ? 1 : 0;
        }
        int[] out = new int[k];
        k = 0;
        for (int g = 0; g < totals.length; g++) {
            if (totals[g] > 0) {
                out[k++] = values[g];
            }
        }
        return out;
    }

    private long seed(int layer, int position, int method, int task) {
        long h = config.seed();
        h = h * 0x9E3779B97F4A7C15L + layer;
        h = h * 0x9E3779B97F4A7C15L + position;
        h = h * 0x9E3779B97F4A7C15L + method;
        return h * 0x9E3779B97F4A7C15L + task;
    }
}
