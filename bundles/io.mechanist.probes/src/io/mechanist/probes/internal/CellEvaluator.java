package io.mechanist.probes.internal;

import io.mechanist.probes.ConfidenceIntervals;
import io.mechanist.probes.Interval;
import io.mechanist.probes.ProbeCell;
import io.mechanist.probes.ProbeConfig;
import io.mechanist.probes.ProbeData;
import io.mechanist.probes.ProbeDirection;
import io.mechanist.probes.ProbeMethod;
import io.mechanist.probes.ProbeResults;

/**
 * Cross-validates every probe method at one (layer, aligned position). One instance per worker thread: it owns
 * the buffers, so a cell's result depends only on the data, the folds and the seed, never on the scheduling.
 */
public final class CellEvaluator {

    /** The results of one cell, indexed like {@link ProbeConfig#orderedMethods()}. */
    /**
     * @param outcomes per method, per prompt: {@link ProbeResults#RIGHT}, {@link ProbeResults#WRONG} or
     *                 {@link ProbeResults#ABSENT} on the reported split
     */
    public record CellOutcome(ProbeCell[] cells, ProbeDirection[] directions, byte[][] outcomes) {
    }

    private final ProbeData data;
    /** Where the held-out fold is scored: {@code data} itself, or another model's activations of the same prompts. */
    private final ProbeData testData;
    private final ProbeConfig config;
    private final Labels labels;
    /** The fold of every prompt, per repeated fold assignment; repeat 0 is the reported split. */
    private final int[][] foldOf;
    /** Control-task classes, per permutation (each within the folds of repeat 0). */
    private final int[][] controlClassOf;
    private final ProbeMethod[] methods;
    private final int n;
    private final int d;

    private final float[] activations;
    private final float[] testActivations;
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
    /** The dominant directions of the cell's first standardised training rows: the feature-space preconditioner. */
    private final DominantDirections dominant;
    private boolean dominantReady;
    /** Sum of the label task's fold fits (original-space weights, then bias) and their count: a warm start. */
    private final double[] foldFitSum;
    private int foldFits;
    private final double[] warmStart;
    /** The previous fold's real-label fit (original-space weights, then bias), when {@link #previousFold} is set. */
    private final double[] previousFoldFit;
    private boolean previousFold;
    private final MassMeanTrainer massMean;

    /** Logistic L-BFGS iterations summed over this evaluator's fits (diagnostics). */
    private long logisticIterations;
    private long logisticFits;

    /** The fold assignments and control labels of a run, shared by every cell. */
    public record Splits(int[][] foldOf, int[][] controlClassOf) {

        /** Repeats use the seeds {@code seed, seed + 1, ...}; the control permutations keep repeat 0's folds. */
        public static Splits of(Labels labels, ProbeConfig config) {
            int[][] folds = new int[config.foldRepeats()][];
            for (int r = 0; r < folds.length; r++) {
                folds[r] = GroupedFolds.assign(labels, config.folds(), config.seed() + r);
            }
            int[][] controls = new int[config.controlTask() ? config.controlPermutations() : 0][];
            for (int k = 0; k < controls.length; k++) {
                controls[k] = GroupedFolds.permutedWithinFolds(labels.classOf(), folds[0], config.seed(), k);
            }
            return new Splits(folds, controls);
        }
    }

    public CellEvaluator(ProbeData data, ProbeConfig config, Labels labels, Splits splits) {
        this(data, data, config, labels, splits);
    }

    /**
     * Probes trained on {@code data} and scored on {@code testData} (the same prompts, positions and width, e.g. the
     * same dataset through another checkpoint): every held-out prompt is scored on its {@code testData} row with the
     * probe fitted to the other folds' {@code data} rows, so with {@code testData == data} this is the ordinary
     * cross-validation.
     */
    public CellEvaluator(ProbeData data, ProbeData testData, ProbeConfig config, Labels labels, Splits splits) {
        this.data = data;
        this.testData = testData;
        this.config = config;
        this.labels = labels;
        this.foldOf = splits.foldOf();
        this.controlClassOf = splits.controlClassOf();
        this.methods = config.orderedMethods();
        this.n = data.promptCount();
        this.d = data.dModel();
        activations = new float[n * d];
        testActivations = testData == data ? activations : new float[n * d];
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
        dominant = needsStandardised ? new DominantDirections(d, n) : null;
        coordinates = new double[n + 1];
        scratch = new double[n + 1];
        massMean = new MassMeanTrainer(d, n);
        foldFitSum = new double[d + 1];
        warmStart = new double[d + 1];
        previousFoldFit = new double[d + 1];
    }

    public long logisticIterations() {
        return logisticIterations;
    }

    public long logisticFits() {
        return logisticFits;
    }

    public CellOutcome evaluate(int layer, int position) {
        data.readMatrix(layer, position, activations);
        if (testActivations != activations) {
            testData.readMatrix(layer, position, testActivations);
        }
        int count = 0;
        int positives = 0;
        for (int p = 0; p < n; p++) {
            if (data.hasPosition(p, position)) {
                available[count++] = p;
                positives += labels.classOf()[p];
            }
        }
        // repeat 0: the real labels (task 0) and every control permutation share one split and its standardisation
        int[][] tasks = new int[1 + controlClassOf.length][];
        tasks[0] = labels.classOf();
        System.arraycopy(controlClassOf, 0, tasks, 1, controlClassOf.length);
        boolean[][][] correct = new boolean[methods.length][tasks.length][n];
        int[] degenerate = new int[methods.length];
        java.util.Arrays.fill(foldFitSum, 0);
        foldFits = 0;
        dominantReady = false;
        crossValidate(foldOf[0], tasks, count, positives, correct, degenerate, true);
        double[][] repeatAccuracy = new double[methods.length][foldOf.length];
        for (int m = 0; m < methods.length; m++) {
            repeatAccuracy[m][0] = count == 0 ? Double.NaN : (double) countCorrect(correct[m][0], count) / count;
        }
        boolean[][][] repeatCorrect = new boolean[methods.length][1][n];
        for (int r = 1; r < foldOf.length; r++) {
            crossValidate(foldOf[r], new int[][] {labels.classOf()}, count, positives, repeatCorrect, null, false);
            for (int m = 0; m < methods.length; m++) {
                repeatAccuracy[m][r] = count == 0 ? Double.NaN
                        : (double) countCorrect(repeatCorrect[m][0], count) / count;
            }
        }
        ProbeCell[] cells = new ProbeCell[methods.length];
        ProbeDirection[] directions = new ProbeDirection[methods.length];
        byte[][] outcomes = new byte[methods.length][];
        double chance = count == 0 ? Double.NaN : Math.max(positives, count - positives) / (double) count;
        for (int m = 0; m < methods.length; m++) {
            cells[m] = summarise(layer, position, m, count, chance, correct[m], repeatAccuracy[m], degenerate[m]);
            outcomes[m] = new byte[n]; // ProbeResults.ABSENT where the prompt lacks the position
            for (int a = 0; a < count; a++) {
                int p = available[a];
                outcomes[m][p] = correct[m][0][p] ? ProbeResults.RIGHT : ProbeResults.WRONG;
            }
            if (config.fitDirections() && positives > 0 && positives < count) {
                directions[m] = fitDirection(layer, position, m, count);
            }
        }
        return new CellOutcome(cells, directions, outcomes);
    }

    /**
     * Cross-validates every method on one fold assignment for each labelling in {@code tasks}, writing whether each
     * available prompt was predicted right into {@code correct[method][task][prompt]}. Folds are the outer loop so
     * the standardisation (and row-space basis) of a fold's training rows serves every labelling.
     *
     * @param degenerate  counts, per method, folds whose training rows had one real class (null: not counted)
     * @param warmStart   whether the real-label logistic fits are summed as the all-prompt fit's warm start
     */
    private void crossValidate(int[] folds, int[][] tasks, int count, int positives, boolean[][][] correct,
            int[] degenerate, boolean warmStart) {
        previousFold = false;
        for (int fold = 0; fold < config.folds(); fold++) {
            int trainCount = 0;
            int testCount = 0;
            for (int a = 0; a < count; a++) {
                int p = available[a];
                if (folds[p] == fold) {
                    test[testCount++] = p;
                } else {
                    train[trainCount++] = p;
                }
            }
            if (testCount == 0) {
                continue;
            }
            boolean standardised = false;
            for (int task = 0; task < tasks.length; task++) {
                int[] cls = tasks[task];
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
                        if (task == 0 && degenerate != null) {
                            degenerate[m]++;
                        }
                    } else if (methods[m] == ProbeMethod.LOGISTIC) {
                        if (!standardised) {
                            standardizer.fit(activations, d, train, trainCount);
                            standardizer.transform(activations, d, train, trainCount, rowMajor, columnMajor);
                            standardised = true;
                            basisReady = false;
                        }
                        bias = fitLogistic(trainCount, cls, solvesInRowSpace(trainCount, d, tasks.length),
                                task == 0 && previousFold);
                        if (task == 0) {
                            System.arraycopy(weights, 0, previousFoldFit, 0, d);
                            previousFoldFit[d] = bias;
                            previousFold = true;
                        }
                        if (task == 0 && warmStart) {
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
                        double score = FloatKernels.dot(testActivations, p * d, weights) + bias;
                        correct[m][task][p] = (score > 0 ? 1 : 0) == cls[p];
                    }
                }
            }
        }
    }

    /**
     * Whether {@code fits} logistic fits on the same {@code rows} standardised training rows of {@code features}
     * features are cheaper in the rows' own coordinates ({@link RowSpaceBasis}) than by L-BFGS in feature space.
     * Both minimise the same strictly convex objective to the same gradient tolerance, so the choice moves the
     * optimum only within that tolerance. Multiply-adds, counting a double one as two float ones: the row-space
     * path pays a float Gram matrix ({@code n^2 d / 2}) and a double pivoted Cholesky ({@code n^3 / 3}) once, then
     * about 50 iterations of {@code n^2} per fit; the feature-space path about 70 iterations of {@code 2 n d} per
     * fit (iteration counts measured on the probe benchmark's chance-level cells, its worst case; cells with a
     * signal converge in about 15 feature-space iterations against about 75 row-space ones). Those counts predate
     * the feature-space preconditioner ({@link DominantDirections}: about 12 iterations at chance level), so this
     * choice now leans towards the row space more than the costs do.
     */
    public static boolean solvesInRowSpace(int rows, int features, int fits) {
        if (rows >= features) {
            return false;
        }
        double n = rows;
        double rowSpace = n * n * features / 2 + 2 * n * n * n / 3 + fits * 50 * n * n;
        double featureSpace = fits * 70 * 2 * n * features;
        return rowSpace < featureSpace;
    }

    /**
     * @param fromPreviousFold in feature space, start from the previous fold's fit (trained on mostly the same
     *                         prompts): the objective is strictly convex, so the start changes the path, not the
     *                         optimum, and cells with a signal converge in about half the iterations
     */
    private double fitLogistic(int trainCount, int[] cls, boolean rowSpace, boolean fromPreviousFold) {
        double b = Double.NaN;
        if (!rowSpace) {
            for (int t = 0; t < trainCount; t++) {
                sign[t] = (byte) (cls[train[t]] == 1 ? 1 : -1);
            }
            double[] start = null;
            if (fromPreviousFold) {
                toStandardised(previousFoldFit, 1, warmStart);
                start = warmStart;
            }
            b = logistic.fit(rowMajor, columnMajor, trainCount, d, false, sign, config.l2(), null,
                    dominantDirections(trainCount), start, standardWeights);
            logisticIterations += logistic.lastIterations;
            // fewer rows than features and the iteration limit reached: the better conditioned row space finishes
            rowSpace = trainCount < d && !logistic.lastConverged;
        }
        if (rowSpace) {
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
            logisticIterations += logistic.lastIterations;
        }
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
        toStandardised(foldFitSum, foldFits, warmStart);
        for (int t = 0; t < count; t++) {
            sign[t] = (byte) (cls[train[t]] == 1 ? 1 : -1);
        }
        double fitted = logistic.fit(rowMajor, columnMajor, count, d, false, sign, config.l2(), null,
                dominantDirections(count), warmStart, standardWeights);
        logisticIterations += logistic.lastIterations;
        logisticFits++;
        if (!logistic.lastConverged) {
            return Double.NaN;
        }
        return standardizer.toOriginal(standardWeights, fitted, weights);
    }

    /**
     * The preconditioner, built from the current standardised rows the first time a cell needs it: the other folds'
     * training rows share most prompts, and the all-prompt fit's rows contain them, so one build serves the cell.
     */
    private DominantDirections dominantDirections(int rows) {
        if (!dominantReady) {
            dominant.build(rowMajor, columnMajor, rows, d, config.l2());
            dominantReady = true;
        }
        return dominant;
    }

    /** Original-space {@code fit / count} (weights, then bias) in the current standardisation. */
    private void toStandardised(double[] fit, int count, double[] out) {
        double b = fit[d] / count;
        for (int j = 0; j < d; j++) { // original space -> this standardisation: w' = w * sd, b' = b + w . mean
            double w = fit[j] / count;
            out[j] = standardizer.invScale[j] > 0 ? w / standardizer.invScale[j] : 0;
            b += w * standardizer.mean[j];
        }
        out[d] = b;
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
                bias = fitLogistic(count, labels.classOf(), count < d, false);
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
            double[] repeatAccuracy, int degenerate) {
        int right = countCorrect(correct[0], count);
        double accuracy = count == 0 ? Double.NaN : (double) right / count;
        Interval interval = interval(correct[0], count, seed(layer, position, m, 0));
        double control = Double.NaN;
        Interval controlInterval = Interval.UNDEFINED;
        Interval selectivityInterval = Interval.UNDEFINED;
        int permutations = correct.length - 1;
        if (permutations > 0) {
            // per prompt: the share of permutations it was right in, and the probe's advantage over it
            double[] controlScore = new double[count];
            double[] advantage = new double[count];
            int[] groups = new int[count];
            double controlSum = 0;
            for (int a = 0; a < count; a++) {
                int p = available[a];
                int rightInControls = 0;
                for (int k = 1; k <= permutations; k++) {
                    rightInControls += correct[k][p] ? 1 : 0;
                }
                controlScore[a] = (double) rightInControls / permutations;
                advantage[a] = (correct[0][p] ? 1 : 0) - controlScore[a];
                groups[a] = labels.groupOf()[p];
                controlSum += controlScore[a];
            }
            control = count == 0 ? Double.NaN : controlSum / count;
            controlInterval = ConfidenceIntervals.meanInterval(controlScore, groups);
            selectivityInterval = ConfidenceIntervals.meanInterval(advantage, groups);
        }
        double splitLow = Double.NaN;
        double splitHigh = Double.NaN;
        for (double a : repeatAccuracy) {
            splitLow = Double.isNaN(splitLow) ? a : Math.min(splitLow, a);
            splitHigh = Double.isNaN(splitHigh) ? a : Math.max(splitHigh, a);
        }
        return new ProbeCell(layer, position, methods[m], count, right, accuracy, interval, chance, control,
                controlInterval, accuracy - control, selectivityInterval, splitLow, splitHigh, degenerate);
    }

    private int countCorrect(boolean[] correct, int count) {
        int right = 0;
        for (int a = 0; a < count; a++) {
            right += correct[available[a]] ? 1 : 0;
        }
        return right;
    }

    private Interval interval(boolean[] correct, int count, long seed) {
        boolean[] outcomes = new boolean[count];
        int[] groups = new int[count];
        for (int a = 0; a < count; a++) {
            outcomes[a] = correct[available[a]];
            groups[a] = labels.groupOf()[available[a]];
        }
        return ConfidenceIntervals.of(config.interval(), outcomes, groups, config.bootstrapResamples(), seed);
    }

    private long seed(int layer, int position, int method, int task) {
        long h = config.seed();
        h = h * 0x9E3779B97F4A7C15L + layer;
        h = h * 0x9E3779B97F4A7C15L + position;
        h = h * 0x9E3779B97F4A7C15L + method;
        return h * 0x9E3779B97F4A7C15L + task;
    }
}
