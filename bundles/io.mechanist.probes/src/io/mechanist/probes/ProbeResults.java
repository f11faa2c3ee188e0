package io.mechanist.probes;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Results of a probe analysis on a {@code [layer, aligned position]} grid, per probe method: cross-validated
 * {@link ProbeCell}s and, when requested, a {@link ProbeDirection} per cell in the original activation space.
 */
public final class ProbeResults {

    private final ProbeConfig config;
    private final ProbeMethod[] methods;
    private final String negativeLabel;
    private final String positiveLabel;
    private final int promptCount;
    private final int groupCount;
    private final String[] layerNames;
    private final String[] positionLabels;
    private final String[] positionTokens;
    private final ProbeCell[][] cells; // [method][layer * positions + position]
    private final ProbeDirection[][] directions;

    ProbeResults(ProbeConfig config, String negativeLabel, String positiveLabel, int promptCount, int groupCount,
            String[] layerNames, String[] positionLabels, String[] positionTokens, ProbeCell[][] cells,
            ProbeDirection[][] directions) {
        this.config = config;
        this.methods = config.orderedMethods();
        this.negativeLabel = negativeLabel;
        this.positiveLabel = positiveLabel;
        this.promptCount = promptCount;
        this.groupCount = groupCount;
        this.layerNames = layerNames;
        this.positionLabels = positionLabels;
        this.positionTokens = positionTokens;
        this.cells = cells;
        this.directions = directions;
    }

    public ProbeConfig config() { return config; }
    public List<ProbeMethod> methods() { return List.of(methods); }
    public String negativeLabel() { return negativeLabel; }
    /** The class that probe directions point to (the later of the two label values in string order). */
    public String positiveLabel() { return positiveLabel; }
    public int promptCount() { return promptCount; }
    public int groupCount() { return groupCount; }
    public int layerCount() { return layerNames.length; }
    public int positionCount() { return positionLabels.length; }
    public String layerName(int layer) { return layerNames[layer]; }
    public String positionLabel(int position) { return positionLabels[position]; }
    /** Token text at the aligned position, or "mixed". */
    public String positionToken(int position) { return positionTokens[position]; }

    public ProbeCell cell(ProbeMethod method, int layer, int position) {
        return cells[index(method)][layer * positionLabels.length + position];
    }

    /** The direction fitted on all prompts of the cell, or null when directions were off or the cell had one class. */
    public ProbeDirection direction(ProbeMethod method, int layer, int position) {
        return directions[index(method)][layer * positionLabels.length + position];
    }

    /** All cells of one method, layer-major. */
    public List<ProbeCell> cells(ProbeMethod method) {
        return List.of(cells[index(method)]);
    }

    /** Accuracy by position at one layer (one line of the accuracy-vs-position chart). */
    public double[] accuracyByPosition(ProbeMethod method, int layer) {
        double[] out = new double[positionLabels.length];
        for (int k = 0; k < out.length; k++) {
            out[k] = cell(method, layer, k).accuracy();
        }
        return out;
    }

    /** The cell with the highest accuracy (first in layer-major order on ties), or null when all are empty. */
    public ProbeCell best(ProbeMethod method) {
        ProbeCell best = null;
        for (ProbeCell c : cells[index(method)]) {
            if (c.n() > 0 && (best == null || c.accuracy() > best.accuracy())) {
                best = c;
            }
        }
        return best;
    }

    private int index(ProbeMethod method) {
        for (int m = 0; m < methods.length; m++) {
            if (methods[m] == method) {
                return m;
            }
        }
        throw new IllegalArgumentException("method " + method.id() + " was not run; ran " + Arrays.toString(methods));
    }

    /** CSV rows {@code method,layer,position,token,n,correct,accuracy,ci_low,ci_high,chance,control,selectivity}. */
    public List<String> toCsvLines() {
        List<String> lines = new ArrayList<>();
        lines.add("method,layer,position,token,n,correct,accuracy,ci_low,ci_high,chance,control,control_ci_low,"
                + "control_ci_high,selectivity,degenerate_folds");
        for (int m = 0; m < methods.length; m++) {
            for (ProbeCell c : cells[m]) {
                lines.add(String.join(",", methods[m].id(), csv(layerNames[c.layer()]),
                        csv(positionLabels[c.position()]), csv(positionTokens[c.position()]),
                        Integer.toString(c.n()), Integer.toString(c.correct()), num(c.accuracy()),
                        num(c.interval().low()), num(c.interval().high()), num(c.chance()),
                        num(c.controlAccuracy()), num(c.controlInterval().low()), num(c.controlInterval().high()),
                        num(c.selectivity()), Integer.toString(c.degenerateFolds())));
            }
        }
        return lines;
    }

    private static String num(double v) {
        return Double.isNaN(v) ? "" : String.format(java.util.Locale.ROOT, "%.6f", v);
    }

    private static String csv(String s) {
        if (s.contains(",") || s.contains("\"") || s.contains("\n")) {
            return "\"" + s.replace("\"", "\"\"") + "\"";
        }
        return s;
    }
}
