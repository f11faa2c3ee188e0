package io.mechanist.probes.capture;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
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
import io.mechanist.core.hooks.HookPoint;
import io.mechanist.core.hooks.HookSite;
import io.mechanist.probes.AlignedProbeData;
import io.mechanist.probes.AnchorLocator;
import io.mechanist.probes.IntervalMethod;
import io.mechanist.probes.PositionAlignment;
import io.mechanist.probes.ProbeAnalysis;
import io.mechanist.probes.ProbeCell;
import io.mechanist.probes.ProbeConfig;
import io.mechanist.probes.ProbeDirection;
import io.mechanist.probes.ProbeInputException;
import io.mechanist.probes.ProbeMethod;
import io.mechanist.probes.ProbeProgress;
import io.mechanist.probes.ProbeResults;
import io.mechanist.probes.SpanLocator;

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
            List<String> sites = sites(capture, params.getString("point"));
            CaptureActivations source = new CaptureActivations(capture, sites, params.getString("label"));
            AlignedProbeData data = AlignedProbeData.align(source, alignment(params));
            ProbeConfig config = config(params);
            SubMonitor progress = SubMonitor.convert(monitor, "Probing " + capture.id(),
                    data.layerCount() * data.positionCount());
            Object lock = new Object();
            ProbeResults results = ProbeAnalysis.run(data, config, new ProbeProgress() {
                @Override
                public void cellsDone(int done, int total) {
                    synchronized (lock) {
                        progress.worked(1);
                    }
                }

                @Override
                public boolean isCancelled() {
                    return monitor != null && monitor.isCanceled();
                }
            });
            return output(results, data);
        } catch (CancellationException e) {
            throw new OperationCanceledException(e.getMessage());
        } catch (IllegalArgumentException e) { // includes ProbeInputException
            throw new AnalysisException("probes on capture " + capture.id() + ": " + e.getMessage(), e);
        }
    }

    private static List<String> sites(ActivationSet capture, String point) {
        List<String> sites = new ArrayList<>();
        for (String id : capture.siteIds()) {
            HookSite site = HookSite.parse(id);
            if (site.point().perLayer() && site.point().name().equalsIgnoreCase(point)) {
                sites.add(id);
            }
        }
        sites.sort((a, b) -> HookSite.parse(a).compareTo(HookSite.parse(b)));
        if (sites.isEmpty()) {
            throw new ProbeInputException("no per-layer sites of point '" + point + "' in the capture; it has "
                    + capture.siteIds() + " (points: " + List.of(HookPoint.values()) + ")");
        }
        return sites;
    }

    private static PositionAlignment alignment(AnalysisParameters p) {
        String kind = p.getString("alignment").toLowerCase(Locale.ROOT);
        return switch (kind) {
            case "start" -> PositionAlignment.fromStart(p.getInt("positions"));
            case "anchor" -> PositionAlignment.relativeToAnchor(p.getString("anchor"), p.getInt("before"),
                    p.getInt("after"));
            case "span" -> {
                AnchorLocator after = p.isSet("spanAfter")
                        ? AnchorLocator.token(p.getString("spanAfter"), AnchorLocator.Occurrence.FIRST) : null;
                AnchorLocator before = p.isSet("anchor")
                        ? AnchorLocator.token(p.getString("anchor"), AnchorLocator.Occurrence.FIRST) : null;
                yield PositionAlignment.spanFraction(SpanLocator.between(after, before),
                        "after '" + (p.isSet("spanAfter") ? p.getString("spanAfter") : "start") + "' before '"
                                + (p.isSet("anchor") ? p.getString("anchor") : "end") + "'", p.getInt("bins"));
            }
            default -> throw new ProbeInputException("alignment '" + kind + "' is not one of start, anchor, span");
        };
    }

    private static ProbeConfig config(AnalysisParameters p) {
        Set<ProbeMethod> methods = EnumSet.noneOf(ProbeMethod.class);
        for (String id : p.getString("methods").split(",")) {
            methods.add(ProbeMethod.fromId(id.strip()));
        }
        IntervalMethod interval = switch (p.getString("interval").toLowerCase(Locale.ROOT)) {
            case "wilson" -> IntervalMethod.WILSON;
            case "bootstrap" -> IntervalMethod.BOOTSTRAP_PROMPTS;
            case "bootstrap-groups" -> IntervalMethod.BOOTSTRAP_GROUPS;
            default -> throw new ProbeInputException("interval '" + p.getString("interval")
                    + "' is not one of wilson, bootstrap, bootstrap-groups");
        };
        return ProbeConfig.defaults().withFolds(p.getInt("folds")).withL2(p.getDouble("l2")).withMethods(methods)
                .withInterval(interval, p.getInt("resamples")).withSeed(p.getInt("seed"))
                .withThreads(p.getInt("threads"));
    }

    private static AnalysisOutput output(ProbeResults r, AlignedProbeData data) {
        int layers = r.layerCount();
        int positions = r.positionCount();
        List<ProbeMethod> methods = r.methods();
        int rows = methods.size() * layers * positions;
        String[] method = new String[rows];
        String[] layer = new String[rows];
        String[] positionLabel = new String[rows];
        String[] token = new String[rows];
        double[][] numbers = new double[12][rows];
        int d = data.dModel();
        float[] directions = new float[rows * d];
        float[] biases = new float[rows];
        int row = 0;
        for (ProbeMethod m : methods) {
            for (int l = 0; l < layers; l++) {
                for (int k = 0; k < positions; k++, row++) {
                    ProbeCell c = r.cell(m, l, k);
                    method[row] = m.id();
                    layer[row] = r.layerName(l);
                    positionLabel[row] = r.positionLabel(k);
                    token[row] = r.positionToken(k);
                    double[] values = {l, k, c.n(), c.correct(), c.accuracy(), c.interval().low(),
                        c.interval().high(), c.chance(), c.controlAccuracy(), c.controlInterval().low(),
                        c.controlInterval().high(), c.selectivity()};
                    for (int v = 0; v < values.length; v++) {
                        numbers[v][row] = values[v];
                    }
                    ProbeDirection dir = r.direction(m, l, k);
                    if (dir != null) {
                        System.arraycopy(dir.weights(), 0, directions, row * d, d);
                        biases[row] = (float) dir.bias();
                    } else {
                        java.util.Arrays.fill(directions, row * d, (row + 1) * d, Float.NaN);
                        biases[row] = Float.NaN;
                    }
                }
            }
        }
        AnalysisOutput out = new AnalysisOutput()
                .table("accuracy",
                        AnalysisOutput.texts("method", method),
                        AnalysisOutput.texts("site", layer),
                        AnalysisOutput.numbers("layer", "index", numbers[0]),
                        AnalysisOutput.numbers("position", "index", numbers[1]),
                        AnalysisOutput.texts("positionLabel", positionLabel),
                        AnalysisOutput.texts("token", token),
                        AnalysisOutput.numbers("n", "prompts", numbers[2]),
                        AnalysisOutput.numbers("correct", "prompts", numbers[3]),
                        AnalysisOutput.numbers("accuracy", "fraction", numbers[4]),
                        AnalysisOutput.numbers("ciLow", "fraction", numbers[5]),
                        AnalysisOutput.numbers("ciHigh", "fraction", numbers[6]),
                        AnalysisOutput.numbers("chance", "fraction", numbers[7]),
                        AnalysisOutput.numbers("control", "fraction", numbers[8]),
                        AnalysisOutput.numbers("controlCiLow", "fraction", numbers[9]),
                        AnalysisOutput.numbers("controlCiHigh", "fraction", numbers[10]),
                        AnalysisOutput.numbers("selectivity", "fraction", numbers[11]))
                .array("directions", List.of("method", "layer", "position", "d_model"),
                        new int[] {methods.size(), layers, positions, d}, directions)
                .array("biases", List.of("method", "layer", "position"),
                        new int[] {methods.size(), layers, positions}, biases)
                .note("positiveLabel", r.positiveLabel())
                .note("negativeLabel", r.negativeLabel())
                .note("prompts", Integer.toString(r.promptCount()))
                .note("groups", Integer.toString(r.groupCount()))
                .note("methods", String.join(",", methods.stream().map(ProbeMethod::id).toList()));
        // the best cell of each method as a stored vector, ready for steering (all cells are in "directions")
        for (ProbeMethod m : methods) {
            ProbeCell best = r.best(m);
            ProbeDirection direction = best == null ? null : r.direction(m, best.layer(), best.position());
            if (direction != null) {
                Map<String, String> provenance = new LinkedHashMap<>();
                provenance.put("site", r.layerName(best.layer()));
                provenance.put("position", r.positionLabel(best.position()));
                provenance.put("token", r.positionToken(best.position()));
                provenance.put("positiveLabel", direction.positiveLabel());
                provenance.put("bias", Double.toString(direction.bias()));
                provenance.put("accuracy", Double.toString(best.accuracy()));
                provenance.put("n", Integer.toString(best.n()));
                out.vector(m == ProbeMethod.LOGISTIC ? "bestLogisticDirection" : "bestMassMeanDirection",
                        r.layerName(best.layer()), "probe-" + m.id(), direction.weights(), provenance);
            }
        }
        return out;
    }
}
