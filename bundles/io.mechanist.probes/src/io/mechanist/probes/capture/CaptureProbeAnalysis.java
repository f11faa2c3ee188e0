package io.mechanist.probes.capture;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.Set;
import java.util.concurrent.CancellationException;

import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.OperationCanceledException;

import io.mechanist.core.activations.ActivationSet;
import io.mechanist.core.analysis.Analysis;
import io.mechanist.core.analysis.AnalysisContext;
import io.mechanist.core.analysis.AnalysisException;
import io.mechanist.core.analysis.AnalysisOutput;
import io.mechanist.core.analysis.AnalysisParameters;
import io.mechanist.probes.IntervalMethod;
import io.mechanist.probes.PositionAlignment;
import io.mechanist.probes.ProbeConfig;
import io.mechanist.probes.ProbeInputException;
import io.mechanist.probes.ProbeMethod;
import io.mechanist.probes.StoredProbeResults;

/**
 * The probe analysis as contributed to {@code io.mechanist.core.analyses}: probes at every (layer, aligned position)
 * of one capture, see plugin.xml for parameters and outputs.
 */
public final class CaptureProbeAnalysis implements Analysis {

    @Override
    public AnalysisOutput run(AnalysisContext context, IProgressMonitor monitor) throws AnalysisException {
        ActivationSet capture = context.capture("activations");
        AnalysisParameters params = context.parameters();
        try {
            CaptureProbes.Run run = CaptureProbes.run(capture, params.getString("point"), params.getString("label"),
                    alignment(params), config(params), readoutRequest(params, capture),
                    MonitorProgress.of(monitor, "Probing " + capture.id()));
            return StoredProbeResults.output(run.results(), run.readout(), run.readoutNote(), run.dModel());
        } catch (CancellationException e) {
            throw new OperationCanceledException(e.getMessage());
        } catch (IOException e) {
            throw new AnalysisException("output read-out for capture " + capture.id() + ": " + e.getMessage(), e);
        } catch (IllegalArgumentException e) { // includes ProbeInputException
            throw new AnalysisException("probes: " + e.getMessage(), e);
        }
    }

    /**
     * The read-out request: the parameter {@code model}, else the checkpoint folder the capture records (when it
     * exists here); null when there is neither, and the probes run without a read-out.
     */
    private static ReadoutRequest readoutRequest(AnalysisParameters p, ActivationSet capture) {
        Path folder;
        if (p.isSet("model") && !p.getString("model").isBlank()) {
            folder = Path.of(p.getString("model"));
        } else {
            try {
                folder = capture.modelFolder().filter(Files::isDirectory).orElse(null);
            } catch (IllegalArgumentException notAFolder) {
                folder = null; // a Spark capture's Hadoop URI: not on this machine, as a moved folder
            }
            if (folder == null) {
                return null;
            }
        }
        return new ReadoutRequest(folder, p.getString("tokenA"), p.getString("tokenB"), p.getString("answerA"));
    }

    private static PositionAlignment alignment(AnalysisParameters p) {
        return PositionAlignment.fromParameters(p.asMap());
    }

    private static ProbeConfig config(AnalysisParameters p) {
        Set<ProbeMethod> methods = EnumSet.noneOf(ProbeMethod.class);
        for (String id : p.getString("methods").split(",")) {
            methods.add(ProbeMethod.fromId(id.strip()));
        }
        IntervalMethod interval = IntervalMethod.fromId(p.getString("interval"));
        return ProbeConfig.defaults().withFolds(p.getInt("folds")).withL2(p.getDouble("l2")).withMethods(methods)
                .withInterval(interval, p.getInt("resamples")).withSeed(p.getInt("seed"))
                .withThreads(p.getInt("threads")).withControlPermutations(p.getInt("controlPermutations"))
                .withFoldRepeats(p.getInt("foldRepeats"));
    }
}
