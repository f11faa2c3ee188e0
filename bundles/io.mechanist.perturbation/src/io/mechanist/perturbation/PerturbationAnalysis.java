package io.mechanist.perturbation;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.function.BooleanSupplier;

import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.OperationCanceledException;
import org.eclipse.core.runtime.SubMonitor;

import io.mechanist.core.activations.ActivationSet;
import io.mechanist.core.activations.PromptInfo;
import io.mechanist.core.analysis.Analysis;
import io.mechanist.core.analysis.AnalysisContext;
import io.mechanist.core.analysis.AnalysisException;
import io.mechanist.core.analysis.AnalysisOutput;
import io.mechanist.core.analysis.AnalysisParameters;
import io.mechanist.runtime.ModelTokenizer;
import io.mechanist.core.activations.StoredVectorData;
import io.mechanist.core.hooks.HookSite;
import io.mechanist.probes.InMemoryProbeData;
import io.mechanist.probes.ProbeAnalysis;
import io.mechanist.probes.ProbeConfig;
import io.mechanist.probes.ProbeMethod;
import io.mechanist.probes.ProbeProgress;
import io.mechanist.probes.ProbeResults;
import io.mechanist.runtime.intervention.AddVector;
import io.mechanist.runtime.weights.TensorSelection;
import io.mechanist.steering.AbPrompt;
import io.mechanist.steering.AnswerTokens;
import io.mechanist.steering.SteeringSweep;
import io.mechanist.steering.analysis.SweepAnalysis;

/**
 * The weight-noise sweep as a contributed analysis ({@value #ID}), optionally with a probe's accuracy and a stored
 * vector's steering effect read under every perturbation; inputs, parameters and outputs in plugin.xml.
 */
public final class PerturbationAnalysis implements Analysis {

    public static final String ID = "io.mechanist.perturbation.noiseSweep";

    @Override
    public AnalysisOutput run(AnalysisContext context, IProgressMonitor monitor) throws AnalysisException {
        AnalysisParameters p = context.parameters();
        SubMonitor progress = SubMonitor.convert(monitor, "Weight perturbation sweep", 1000);
        double[] scales = scales(p.getString("scales"));
        int seedCount = p.getInt("seeds");
        if (seedCount < 1) {
            throw new AnalysisException("seeds must be at least 1, not " + seedCount);
        }
        long[] seeds = new long[seedCount];
        Arrays.setAll(seeds, k -> p.getInt("seed") + k);
        TensorSelection tensors = tensors(p.getString("tensors"));
        HookSite probeSite = null;
        if (p.isSet("probeSite") && !p.getString("probeSite").isBlank()) {
            try {
                probeSite = HookSite.parse(p.getString("probeSite").strip());
            } catch (IllegalArgumentException e) {
                throw new AnalysisException("probeSite: " + e.getMessage(), e);
            }
            if (Arrays.stream(scales).noneMatch(x -> x == 0)) {
                throw new AnalysisException("the probe metric is trained on the unperturbed model: scales must include 0");
            }
        }
        AddVector steer = null;
        if (context.isBound("vector")) {
            StoredVectorData vector = context.vector("vector");
            try {
                steer = new AddVector(HookSite.parse(vector.siteId()), SteeringSweep.positions(p.getString("steerPositions")),
                        vector.values(), p.getDouble("steerCoefficient"));
            } catch (IllegalArgumentException e) {
                throw new AnalysisException("vector " + vector.id() + ": " + e.getMessage(), e);
            }
        }
        PerturbationSweep.Readouts readouts = new PerturbationSweep.Readouts(probeSite, steer);
        List<PromptInfo> chosen = new ArrayList<>();
        PerturbationSweep.Result result = sweep(context, progress, "perturbed models",
                (model, prompts, answers, loads, cancelled) -> PerturbationSweep.run(model, prompts, answers, tensors,
                        scales, seeds, readouts, p.getInt("batchSize"), loads, cancelled), chosen);
        double[][][] probeCorrect = result.probeRows() == null ? null : probeOutcomes(result, chosen, p);
        AnalysisOutput out = output(result, "scale", "x tensor RMS", p.getInt("bootstrap"), p.getInt("seed"),
                probeCorrect);
        if (probeSite != null) {
            out.note("probe", p.getString("probeMethod") + " probe for '" + p.getString("probeLabel") + "' at "
                    + probeSite.id() + ", last prompt token, trained on the unperturbed model's activations ("
                    + p.getInt("probeFolds") + "-fold grouped cross-validation: each prompt is read on the perturbed"
                    + " forward by the probe trained on the other folds)");
        }
        if (steer != null) {
            out.note("steering", "vector " + context.vector("vector").id() + " x " + steer.coefficient() + " added at "
                    + steer.site().id() + " (" + p.getString("steerPositions") + " positions); steerEffect = P(matching)"
                    + " steered - unsteered under the same weights");
        }
        out.note("seeds", Arrays.toString(result.seeds()));
        out.note("noise", "w + scale * rms(w) * z per selected tensor, z ~ N(0, 1) seeded by the seed and the tensor name");
        out.note("interval", "95%; seeds x prompts crossed: var = s_seed^2/K + s_prompt^2/P, t on Satterthwaite df");
        out.note("halfEffectInterval", "percentile bootstrap over seeds and prompts, " + p.getInt("bootstrap") + " replicates");
        return out;
    }

    /** One kind of sweep over the held-out prompts. */
    interface Sweeper {
        PerturbationSweep.Result run(Path modelFolder, List<AbPrompt> prompts, AnswerTokens answers,
                PerturbationSweep.Progress loads, BooleanSupplier cancelled) throws IOException;
    }

    /**
     * Runs {@code sweeper} on the held-out prompts of the capture {@code heldOut} and the model of parameter
     * {@code model} (or the capture's), with the answer tokens of the parameters.
     */
    static PerturbationSweep.Result sweep(AnalysisContext context, SubMonitor progress, String loadsName,
            Sweeper sweeper) throws AnalysisException {
        return sweep(context, progress, loadsName, sweeper, new ArrayList<>());
    }

    /** @param chosen receives the held-out prompts evaluated, in the order of the result's prompt axis */
    static PerturbationSweep.Result sweep(AnalysisContext context, SubMonitor progress, String loadsName,
            Sweeper sweeper, List<PromptInfo> chosen) throws AnalysisException {
        AnalysisParameters p = context.parameters();
        Path modelFolder = SweepAnalysis.modelFolder(context);
        ActivationSet heldOut = context.capture("heldOut");
        List<AbPrompt> prompts = SweepAnalysis.heldOutPrompts(heldOut, p, null, chosen);
        if (prompts.size() < 2) {
            throw new AnalysisException("capture " + heldOut.id() + " has " + prompts.size()
                    + " held-out prompt(s); the intervals need at least 2");
        }
        try (ModelTokenizer tokenizer = ModelTokenizer.load(modelFolder)) {
            AnswerTokens answers = AnswerTokens.of(tokenizer, SweepAnalysis.unescape(p.getString("tokenA")),
                    SweepAnalysis.unescape(p.getString("tokenB")));
            SubMonitor sweep = progress.split(980);
            sweep.beginTask("Model loads", 1000);
            int[] reported = {0};
            return sweeper.run(modelFolder, prompts, answers, (done, total) -> {
                int now = 1000 * done / total;
                sweep.worked(now - reported[0]);
                reported[0] = now;
                sweep.subTask(done + " of " + total + " " + loadsName);
            }, progress::isCanceled);
        } catch (CancellationException e) {
            throw new OperationCanceledException(e.getMessage());
        } catch (IOException | IllegalArgumentException e) {
            throw new AnalysisException(e.getMessage(), e);
        }
    }

    /**
     * The tables and arrays of a sweep along {@code axis} (the summary's first column and the half-effect point's
     * column): per point the three behaviour metrics with their intervals, the half-effect point, the raw arrays.
     */
    static AnalysisOutput output(PerturbationSweep.Result r, String axis, String axisUnit, int bootstrap,
            long bootstrapSeed) {
        return output(r, axis, axisUnit, bootstrap, bootstrapSeed, null);
    }

    /**
     * Per {@code [scale][seed][prompt]}: 1 where the probe trained on the unperturbed model's activations (on the
     * other folds) classifies the prompt's perturbed activation right.
     */
    static double[][][] probeOutcomes(PerturbationSweep.Result r, List<PromptInfo> prompts, AnalysisParameters p)
            throws AnalysisException {
        String label = p.getString("probeLabel");
        int n = r.promptCount();
        String[] ids = new String[n];
        String[] labels = new String[n];
        String[] groups = new String[n];
        for (int i = 0; i < n; i++) {
            PromptInfo prompt = prompts.get(i);
            ids[i] = "prompt " + prompt.index();
            labels[i] = prompt.label(label);
            groups[i] = prompt.groupId();
        }
        ProbeMethod method;
        try {
            method = ProbeMethod.fromId(p.getString("probeMethod"));
        } catch (IllegalArgumentException e) {
            throw new AnalysisException("probeMethod: " + e.getMessage(), e);
        }
        ProbeConfig config = ProbeConfig.defaults().withMethods(java.util.EnumSet.of(method))
                .withFolds(p.getInt("probeFolds")).withSeed(p.getInt("seed")).withControlTask(false)
                .withFoldRepeats(1).withFitDirections(false).withThreads(1);
        int zero = 0;
        while (r.scales()[zero] != 0) {
            zero++;
        }
        int d = r.probeRows()[zero][0][0].length;
        InMemoryProbeData unperturbed = rows(r.probeRows()[zero][0], ids, labels, groups, d);
        double[][][] correct = new double[r.scales().length][r.seeds().length][n];
        try {
            for (int s = 0; s < r.scales().length; s++) {
                for (int k = 0; k < r.seeds().length; k++) {
                    byte[] outcomes = ProbeAnalysis.runTransfer(unperturbed, rows(r.probeRows()[s][k], ids, labels,
                            groups, d), config, ProbeProgress.NONE).outcomes(method, 0, 0);
                    for (int i = 0; i < n; i++) {
                        correct[s][k][i] = outcomes[i] == ProbeResults.RIGHT ? 1 : 0;
                    }
                }
            }
        } catch (IllegalArgumentException e) { // ProbeInputException: missing labels, one class, too few groups
            throw new AnalysisException("probe metric: " + e.getMessage(), e);
        }
        return correct;
    }

    private static InMemoryProbeData rows(float[][] rows, String[] ids, String[] labels, String[] groups, int d) {
        InMemoryProbeData data = new InMemoryProbeData(1, 1, d, ids, labels, groups);
        float[] matrix = new float[rows.length * d];
        for (int i = 0; i < rows.length; i++) {
            System.arraycopy(rows[i], 0, matrix, i * d, d);
        }
        data.setMatrix(0, 0, matrix);
        return data;
    }

    static AnalysisOutput output(PerturbationSweep.Result r, String axis, String axisUnit, int bootstrap,
            long bootstrapSeed, double[][][] probeCorrect) {
        int s = r.scales().length;
        double[][] columns = new double[10][s];
        double[][][] correct = new double[s][][];
        for (int i = 0; i < s; i++) {
            correct[i] = r.correct(i);
            CrossedMean p = CrossedMean.of(r.probability(i));
            CrossedMean accuracy = CrossedMean.of(correct[i]);
            CrossedMean diff = CrossedMean.of(r.logitDiff(i));
            double[] row = {r.scales()[i], p.mean(), p.interval().low(), p.interval().high(), accuracy.mean(),
                    accuracy.interval().low(), accuracy.interval().high(), diff.mean(), diff.interval().low(),
                    diff.interval().high()};
            for (int c = 0; c < row.length; c++) {
                columns[c][i] = row[c];
            }
        }
        AnalysisOutput out = new AnalysisOutput();
        List<AnalysisOutput.Column> summary = new ArrayList<>(List.of(AnalysisOutput.numbers(axis, axisUnit, columns[0]),
                AnalysisOutput.numbers("meanP", "", columns[1]), AnalysisOutput.numbers("pLow", "", columns[2]),
                AnalysisOutput.numbers("pHigh", "", columns[3]), AnalysisOutput.numbers("accuracy", "", columns[4]),
                AnalysisOutput.numbers("accuracyLow", "", columns[5]), AnalysisOutput.numbers("accuracyHigh", "", columns[6]),
                AnalysisOutput.numbers("meanLogitDiff", "", columns[7]),
                AnalysisOutput.numbers("logitDiffLow", "", columns[8]),
                AnalysisOutput.numbers("logitDiffHigh", "", columns[9])));
        if (probeCorrect != null) {
            summary.addAll(intervalColumns(probeCorrect, "probeAccuracy", "probeLow", "probeHigh"));
        }
        if (r.steeredProbability() != null) {
            double[][][] effect = new double[s][r.seeds().length][r.promptCount()];
            for (int i = 0; i < s; i++) {
                for (int k = 0; k < r.seeds().length; k++) {
                    for (int q = 0; q < r.promptCount(); q++) {
                        effect[i][k][q] = (double) r.steeredProbability()[i][k][q] - r.probability()[i][k][q];
                    }
                }
            }
            summary.addAll(intervalColumns(effect, "steerEffect", "steerLow", "steerHigh"));
        }
        out.table("summary", summary.toArray(AnalysisOutput.Column[]::new));
        HalfEffect half = HalfEffect.of(r.scales(), correct, bootstrapSeed, bootstrap);
        out.table("halfEffect", AnalysisOutput.numbers("baselineEffect", "accuracy - 0.5", half.baselineEffect()),
                AnalysisOutput.numbers(axis, axisUnit, half.scale()),
                AnalysisOutput.numbers("low", axisUnit, half.interval().low()),
                AnalysisOutput.numbers("high", axisUnit, half.interval().high()));
        int[] shape = {s, r.seeds().length, r.promptCount()};
        out.array("probability", List.of(axis, "seed", "prompt"), shape, flatten(r.probability()));
        out.array("logitDiff", List.of(axis, "seed", "prompt"), shape, flatten(r.logitDiff()));
        if (r.steeredProbability() != null) {
            out.array("steeredProbability", List.of(axis, "seed", "prompt"), shape, flatten(r.steeredProbability()));
        }
        out.note("tensors", r.tensors().description());
        return out;
    }

    /** Mean and 95% crossed interval of {@code values[scale][seed][prompt]} per scale, as three columns. */
    private static List<AnalysisOutput.Column> intervalColumns(double[][][] values, String mean, String low,
            String high) {
        double[][] columns = new double[3][values.length];
        for (int i = 0; i < values.length; i++) {
            CrossedMean m = CrossedMean.of(values[i]);
            columns[0][i] = m.mean();
            columns[1][i] = m.interval().low();
            columns[2][i] = m.interval().high();
        }
        return List.of(AnalysisOutput.numbers(mean, "", columns[0]), AnalysisOutput.numbers(low, "", columns[1]),
                AnalysisOutput.numbers(high, "", columns[2]));
    }

    private static float[] flatten(float[][][] values) {
        int n = 0;
        for (float[][] a : values) {
            for (float[] b : a) {
                n += b.length;
            }
        }
        float[] out = new float[n];
        int at = 0;
        for (float[][] a : values) {
            for (float[] b : a) {
                System.arraycopy(b, 0, out, at, b.length);
                at += b.length;
            }
        }
        return out;
    }

    /** {@code all}, {@code layers:1,3} or {@code regex:<pattern>}. */
    static TensorSelection tensors(String spec) throws AnalysisException {
        try {
            if (spec.equals("all")) {
                return TensorSelection.all();
            }
            if (spec.startsWith("layers:")) {
                return TensorSelection.layers(Arrays.stream(spec.substring("layers:".length()).split(","))
                        .mapToInt(part -> Integer.parseInt(part.strip())).toArray());
            }
            if (spec.startsWith("regex:")) {
                return TensorSelection.matching(spec.substring("regex:".length()));
            }
        } catch (IllegalArgumentException e) { // NumberFormatException and PatternSyntaxException included
            throw new AnalysisException("tensors '" + spec + "': " + e.getMessage(), e);
        }
        throw new AnalysisException("tensors must be all, layers:<l,l,...> or regex:<pattern>, not '" + spec + "'");
    }

    /** Ascending, finite, comma-separated; negative values are allowed only when {@code allowNegative}. */
    static double[] points(String name, String spec, boolean allowNegative) throws AnalysisException {
        double[] points;
        try {
            points = SweepAnalysis.multipliers(spec);
        } catch (IllegalArgumentException e) {
            throw new AnalysisException(e.getMessage().replace("multipliers", name), e);
        }
        for (int i = 0; i < points.length; i++) {
            if (!Double.isFinite(points[i]) || (!allowNegative && points[i] < 0)
                    || (i > 0 && points[i] <= points[i - 1])) {
                throw new AnalysisException(name + " must be finite" + (allowNegative ? "" : ", >= 0") + " and ascending, got "
                        + spec);
            }
        }
        return points;
    }

    /** Ascending, non-negative, comma-separated. */
    static double[] scales(String spec) throws AnalysisException {
        return points("scales", spec, false);
    }
}
