package io.mechanist.perturbation;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CancellationException;

import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.OperationCanceledException;
import org.eclipse.core.runtime.SubMonitor;

import io.mechanist.core.activations.ActivationSet;
import io.mechanist.core.analysis.Analysis;
import io.mechanist.core.analysis.AnalysisContext;
import io.mechanist.core.analysis.AnalysisException;
import io.mechanist.core.analysis.AnalysisOutput;
import io.mechanist.core.analysis.AnalysisParameters;
import io.mechanist.probes.AlignedProbeData;
import io.mechanist.probes.IntervalMethod;
import io.mechanist.probes.PositionAlignment;
import io.mechanist.probes.ProbeAnalysis;
import io.mechanist.probes.ProbeCell;
import io.mechanist.probes.ProbeConfig;
import io.mechanist.probes.ProbeMethod;
import io.mechanist.probes.ProbeResults;
import io.mechanist.probes.capture.CaptureProbes;
import io.mechanist.probes.capture.MonitorProgress;

/**
 * Probe transfer ({@value #ID}): do probes trained on one model read the other? Two captures of the same prompts,
 * one per model; at every (layer, aligned position) the probe analysis's grouped cross-validation is run three ways
 * with the same folds, seeds and interval method: trained and scored on the base capture (the original accuracy),
 * trained on the base capture and each held-out prompt scored on the other capture (transfer), and trained and
 * scored on the other capture (what the other model holds at all). A transfer far below both says the information
 * is still there but written differently. Inputs, parameters and outputs in plugin.xml.
 */
public final class ProbeTransferAnalysis implements Analysis {

    public static final String ID = "io.mechanist.perturbation.probeTransfer";

    @Override
    public AnalysisOutput run(AnalysisContext context, IProgressMonitor monitor) throws AnalysisException {
        ActivationSet base = context.capture("base");
        ActivationSet other = context.capture("other");
        ModelDiffAnalysis.checkSamePrompts(base, other);
        AnalysisParameters p = context.parameters();
        ProbeConfig config = config(p);
        String point = p.getString("point");
        String label = p.getString("label");
        PositionAlignment alignment = PositionAlignment.fromParameters(p.asMap());
        SubMonitor progress = SubMonitor.convert(monitor, "Probe transfer " + base.id() + " -> " + other.id(), 3);
        ProbeResults original;
        ProbeResults transfer;
        ProbeResults otherOwn;
        try {
            AlignedProbeData baseData = CaptureProbes.align(base, point, label, alignment);
            AlignedProbeData otherData = CaptureProbes.align(other, point, label, alignment);
            for (int l = 0; l < Math.min(baseData.layerCount(), otherData.layerCount()); l++) {
                if (!baseData.layerName(l).equals(otherData.layerName(l))) {
                    throw new AnalysisException("captures " + base.id() + " and " + other.id() + " differ in the sites"
                            + " of " + point + ": " + baseData.layerName(l) + " against " + otherData.layerName(l));
                }
            }
            original = ProbeAnalysis.run(baseData, config, MonitorProgress.of(progress.split(1), "Probes"));
            transfer = ProbeAnalysis.runTransfer(baseData, otherData, config, MonitorProgress.of(progress.split(1), "Probes"));
            otherOwn = ProbeAnalysis.run(otherData, config, MonitorProgress.of(progress.split(1), "Probes"));
        } catch (CancellationException e) {
            throw new OperationCanceledException(e.getMessage());
        } catch (IllegalArgumentException e) { // includes ProbeInputException
            throw new AnalysisException("probe transfer: " + e.getMessage(), e);
        }
        return output(original, transfer, otherOwn, base.id(), other.id());
    }

    static AnalysisOutput output(ProbeResults original, ProbeResults transfer, ProbeResults otherOwn, String baseId,
            String otherId) {
        List<String> layer = new ArrayList<>();
        List<String> position = new ArrayList<>();
        List<String> token = new ArrayList<>();
        List<String> method = new ArrayList<>();
        List<double[]> rows = new ArrayList<>();
        for (ProbeMethod m : original.methods()) {
            for (int l = 0; l < original.layerCount(); l++) {
                for (int k = 0; k < original.positionCount(); k++) {
                    ProbeCell a = original.cell(m, l, k);
                    ProbeCell t = transfer.cell(m, l, k);
                    ProbeCell b = otherOwn.cell(m, l, k);
                    layer.add(original.layerName(l));
                    position.add(original.positionLabel(k));
                    token.add(original.positionToken(k));
                    method.add(m.id());
                    rows.add(new double[] {a.n(), a.chance(), a.accuracy(), a.interval().low(), a.interval().high(),
                            t.accuracy(), t.interval().low(), t.interval().high(), b.accuracy(), b.interval().low(),
                            b.interval().high()});
                }
            }
        }
        String[] names = {"n", "chance", "accuracy", "accuracyLow", "accuracyHigh", "transferAccuracy", "transferLow",
                "transferHigh", "otherAccuracy", "otherLow", "otherHigh"};
        List<AnalysisOutput.Column> columns = new ArrayList<>();
        columns.add(AnalysisOutput.texts("layer", layer.toArray(String[]::new)));
        columns.add(AnalysisOutput.texts("position", position.toArray(String[]::new)));
        columns.add(AnalysisOutput.texts("token", token.toArray(String[]::new)));
        columns.add(AnalysisOutput.texts("method", method.toArray(String[]::new)));
        for (int c = 0; c < names.length; c++) {
            double[] values = new double[rows.size()];
            for (int r = 0; r < values.length; r++) {
                values[r] = rows.get(r)[c];
            }
            columns.add(AnalysisOutput.numbers(names[c], "", values));
        }
        AnalysisOutput out = new AnalysisOutput();
        out.table("cells", columns.toArray(AnalysisOutput.Column[]::new));
        out.note("base", baseId);
        out.note("other", otherId);
        out.note("label", original.negativeLabel() + " vs " + original.positiveLabel());
        out.note("interval", "95% " + original.intervalMethod().id() + " over held-out prompts, grouped "
                + original.config().folds() + "-fold cross-validation (the same folds for all three)");
        out.note("columns", "accuracy: trained and scored on " + baseId + "; transfer: trained on " + baseId
                + ", scored on " + otherId + "; other: trained and scored on " + otherId);
        return out;
    }

    private static ProbeConfig config(AnalysisParameters p) throws AnalysisException {
        Set<ProbeMethod> methods = EnumSet.noneOf(ProbeMethod.class);
        try {
            for (String id : p.getString("methods").split(",")) {
                methods.add(ProbeMethod.fromId(id.strip()));
            }
            return ProbeConfig.defaults().withFolds(p.getInt("folds")).withL2(p.getDouble("l2")).withMethods(methods)
                    .withInterval(IntervalMethod.fromId(p.getString("interval")), p.getInt("resamples"))
                    .withSeed(p.getInt("seed")).withThreads(p.getInt("threads")).withControlTask(false)
                    .withFoldRepeats(1).withFitDirections(false);
        } catch (IllegalArgumentException e) {
            throw new AnalysisException("probe transfer: " + e.getMessage(), e);
        }
    }
}
