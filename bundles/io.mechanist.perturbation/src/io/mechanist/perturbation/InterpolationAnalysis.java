package io.mechanist.perturbation;

import java.nio.file.Files;
import java.nio.file.Path;

import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.SubMonitor;

import io.mechanist.core.analysis.Analysis;
import io.mechanist.core.analysis.AnalysisContext;
import io.mechanist.core.analysis.AnalysisException;
import io.mechanist.core.analysis.AnalysisOutput;
import io.mechanist.core.analysis.AnalysisParameters;
import io.mechanist.runtime.weights.TensorSelection;
import io.mechanist.steering.analysis.SweepAnalysis;

/**
 * The interpolation sweep as a contributed analysis ({@value #ID}): the model's selected tensors moved towards another
 * checkpoint of the same architecture, {@code (1 - t) * A + t * B}, for each t, with the behaviour read on held-out
 * A/B prompts (intervals over prompts) and the t at which it falls to half its effect. Inputs, parameters and outputs
 * in plugin.xml.
 */
public final class InterpolationAnalysis implements Analysis {

    public static final String ID = "io.mechanist.perturbation.interpolationSweep";

    @Override
    public AnalysisOutput run(AnalysisContext context, IProgressMonitor monitor) throws AnalysisException {
        AnalysisParameters p = context.parameters();
        SubMonitor progress = SubMonitor.convert(monitor, "Interpolation sweep", 1000);
        double[] ts = PerturbationAnalysis.points("ts", p.getString("ts"), true);
        TensorSelection tensors = PerturbationAnalysis.tensors(p.getString("tensors"));
        if (!p.isSet("other") || p.getString("other").isBlank()) {
            throw new AnalysisException("parameter 'other' (the checkpoint folder to interpolate towards) is required");
        }
        Path other = Path.of(p.getString("other"));
        if (!Files.isDirectory(other)) {
            throw new AnalysisException("other checkpoint " + other + " is not a folder");
        }
        Path model = SweepAnalysis.modelFolder(context);
        PerturbationSweep.Result result = PerturbationAnalysis.sweep(context, progress, "interpolated models",
                (folder, prompts, answers, loads, cancelled) -> PerturbationSweep.interpolate(folder, other, prompts,
                        answers, tensors, ts, p.getInt("batchSize"), loads, cancelled));
        AnalysisOutput out = PerturbationAnalysis.output(result, "t", "(1 - t) * model + t * other", p.getInt("bootstrap"),
                p.getInt("seed"));
        out.note("model", model.toString());
        out.note("other", other.toString());
        out.note("interval", "95% t interval over prompts (the weights at each t are fixed: no seeds)");
        out.note("halfEffectInterval", "percentile bootstrap over prompts, " + p.getInt("bootstrap") + " replicates");
        return out;
    }
}
