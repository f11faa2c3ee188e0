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
import io.mechanist.runtime.weights.TensorSelection;
import io.mechanist.steering.AbPrompt;
import io.mechanist.steering.AnswerTokens;
import io.mechanist.steering.analysis.SweepAnalysis;

/** The weight-noise sweep as a contributed analysis ({@value #ID}); inputs, parameters and outputs in plugin.xml. */
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
        PerturbationSweep.Result result = sweep(context, progress, "perturbed models",
                (model, prompts, answers, loads, cancelled) -> PerturbationSweep.run(model, prompts, answers, tensors,
                        scales, seeds, p.getInt("batchSize"), loads, cancelled));
        AnalysisOutput out = output(result, "scale", "x tensor RMS", p.getInt("bootstrap"), p.getInt("seed"));
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
        AnalysisParameters p = context.parameters();
        Path modelFolder = SweepAnalysis.modelFolder(context);
        ActivationSet heldOut = context.capture("heldOut");
        List<PromptInfo> chosen = new ArrayList<>();
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
        out.table("summary", AnalysisOutput.numbers(axis, axisUnit, columns[0]),
                AnalysisOutput.numbers("meanP", "", columns[1]), AnalysisOutput.numbers("pLow", "", columns[2]),
                AnalysisOutput.numbers("pHigh", "", columns[3]), AnalysisOutput.numbers("accuracy", "", columns[4]),
                AnalysisOutput.numbers("accuracyLow", "", columns[5]), AnalysisOutput.numbers("accuracyHigh", "", columns[6]),
                AnalysisOutput.numbers("meanLogitDiff", "", columns[7]),
                AnalysisOutput.numbers("logitDiffLow", "", columns[8]),
                AnalysisOutput.numbers("logitDiffHigh", "", columns[9]));
        HalfEffect half = HalfEffect.of(r.scales(), correct, bootstrapSeed, bootstrap);
        out.table("halfEffect", AnalysisOutput.numbers("baselineEffect", "accuracy - 0.5", half.baselineEffect()),
                AnalysisOutput.numbers(axis, axisUnit, half.scale()),
                AnalysisOutput.numbers("low", axisUnit, half.interval().low()),
                AnalysisOutput.numbers("high", axisUnit, half.interval().high()));
        int[] shape = {s, r.seeds().length, r.promptCount()};
        out.array("probability", List.of(axis, "seed", "prompt"), shape, flatten(r.probability()));
        out.array("logitDiff", List.of(axis, "seed", "prompt"), shape, flatten(r.logitDiff()));
        out.note("tensors", r.tensors().description());
        return out;
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
