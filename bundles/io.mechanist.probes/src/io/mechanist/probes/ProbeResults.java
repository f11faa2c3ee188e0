package io.mechanist.probes;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Results of a probe analysis on a {@code [layer, aligned position]} grid, per probe method: cross-validated
 * {@link ProbeCell}s and, when requested, a {@link ProbeDirection} per cell in the original activation space.
 */
public final class ProbeResults {

    /** Per-prompt outcome codes of a cell on the reported split. */
    public static final byte ABSENT = 0;
    public static final byte WRONG = 1;
    public static final byte RIGHT = 2;

    /** Seed offset of the selection/held-out split of the groups, apart from the fold seeds. */
    private static final long SELECTION_SEED = 0x53454C4543544EL;

    /**
     * A selection-aware headline: the best cell chosen on one half of the prompt groups, its accuracy reported on the
     * other half (whose outcomes played no part in the choice).
     *
     * @param cell               the chosen cell (its full-data numbers are in it)
     * @param cellsSearched      cells the choice was made among (non-empty cells of the method)
     * @param selectionGroups    groups the choice was made on
     * @param selectionAccuracy  the chosen cell's accuracy on the selection groups (optimistic: the maximum of many)
     * @param heldOutGroups      groups the headline is reported on
     * @param heldOutN           prompts of the held-out groups at the chosen cell
     * @param heldOutCorrect     of them, predicted right
     * @param heldOutAccuracy    {@code heldOutCorrect / heldOutN}
     * @param heldOutInterval    its 95% interval, by the run's interval method
     */
    public record Headline(ProbeCell cell, int cellsSearched, int selectionGroups, double selectionAccuracy,
            int heldOutGroups, int heldOutN, int heldOutCorrect, double heldOutAccuracy, Interval heldOutInterval) {
    }

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
    private final byte[][][] outcomes; // [method][cell][prompt], null entries when not known
    private final int[] groupOf;

    ProbeResults(ProbeConfig config, String negativeLabel, String positiveLabel, int promptCount, int groupCount,
            String[] layerNames, String[] positionLabels, String[] positionTokens, ProbeCell[][] cells,
            ProbeDirection[][] directions, byte[][][] outcomes, int[] groupOf) {
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
        this.outcomes = outcomes;
        this.groupOf = groupOf;
    }

    /**
     * The interval method the numbers were computed with: the configured one, except that the group-aware Wilson
     * interval on prompts that are each their own group is exactly Wilson, and is named so.
     */
    public IntervalMethod intervalMethod() {
        IntervalMethod m = config.interval();
        return m == IntervalMethod.GROUP_WILSON && groupCount == promptCount ? IntervalMethod.WILSON : m;
    }

    /** Per prompt, whether the cell's probe got it right on the reported split: RIGHT, WRONG or ABSENT. */
    public byte[] outcomes(ProbeMethod method, int layer, int position) {
        byte[] o = outcomes == null ? null : outcomes[index(method)][layer * positionLabels.length + position];
        return o == null ? null : o.clone();
    }

    /** Dense group id of every prompt (null when not known, as for results stored before it was recorded). */
    public int[] groupOf() {
        return groupOf == null ? null : groupOf.clone();
    }

    /**
     * The selection-aware headline of a method: the groups are split in two halves with the run's seed; the cell with
     * the best accuracy on the first half (first in layer-major order on ties) is reported on the second. Null when
     * the per-prompt outcomes are not known, there are fewer than 4 groups, or every cell is empty.
     */
    public Headline headline(ProbeMethod method) {
        if (outcomes == null || groupOf == null || groupCount < 4) {
            return null;
        }
        int[] order = new int[groupCount];
        for (int g = 0; g < groupCount; g++) {
            order[g] = g;
        }
        java.util.SplittableRandom random = new java.util.SplittableRandom(config.seed() ^ SELECTION_SEED);
        for (int i = groupCount - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int t = order[i];
            order[i] = order[j];
            order[j] = t;
        }
        boolean[] selects = new boolean[groupCount];
        for (int i = 0; i < groupCount / 2; i++) {
            selects[order[i]] = true;
        }
        int m = index(method);
        ProbeCell chosen = null;
        double chosenAccuracy = Double.NaN;
        int searched = 0;
        for (int cell = 0; cell < cells[m].length; cell++) {
            byte[] o = outcomes[m][cell];
            if (o == null || cells[m][cell].n() == 0) {
                continue;
            }
            int n = 0;
            int right = 0;
            for (int p = 0; p < o.length; p++) {
                if (o[p] != ABSENT && selects[groupOf[p]]) {
                    n++;
                    right += o[p] == RIGHT ? 1 : 0;
                }
            }
            searched++;
            if (n > 0 && (chosen == null || (double) right / n > chosenAccuracy)) {
                chosen = cells[m][cell];
                chosenAccuracy = (double) right / n;
            }
        }
        if (chosen == null) {
            return null;
        }
        byte[] o = outcomes[m][chosen.layer() * positionLabels.length + chosen.position()];
        int count = 0;
        for (int p = 0; p < o.length; p++) {
            count += o[p] != ABSENT && !selects[groupOf[p]] ? 1 : 0;
        }
        boolean[] heldOut = new boolean[count];
        int[] heldOutGroup = new int[count];
        int right = 0;
        count = 0;
        for (int p = 0; p < o.length; p++) {
            if (o[p] != ABSENT && !selects[groupOf[p]]) {
                heldOut[count] = o[p] == RIGHT;
                heldOutGroup[count++] = groupOf[p];
                right += o[p] == RIGHT ? 1 : 0;
            }
        }
        Interval interval = ConfidenceIntervals.of(config.interval(), heldOut, heldOutGroup,
                config.bootstrapResamples(), config.seed() ^ SELECTION_SEED);
        return new Headline(chosen, searched, groupCount / 2, chosenAccuracy, groupCount - groupCount / 2, count,
                right, count == 0 ? Double.NaN : (double) right / count, interval);
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

    /**
     * CSV rows: per method, layer and position the numbers of its {@link ProbeCell}, then the settings they were
     * computed with (the same on every row, so any row can be read alone).
     */
    public List<String> toCsvLines() {
        List<String> lines = new ArrayList<>();
        lines.add("method,layer,position,token,n,groups,correct,accuracy,ci_low,ci_high,split_low,split_high,chance,"
                + "control,control_ci_low,control_ci_high,selectivity,selectivity_ci_low,selectivity_ci_high,"
                + "degenerate_folds,interval_method,folds,fold_seeds,lambda,control_permutations");
        String settings = String.join(",", intervalMethod().id(), Integer.toString(config.folds()),
                config.seed() + (config.foldRepeats() > 1 ? ".." + (config.seed() + config.foldRepeats() - 1) : ""),
                Double.toString(config.l2()), config.controlTask() ? Integer.toString(config.controlPermutations()) : "0");
        for (int m = 0; m < methods.length; m++) {
            for (ProbeCell c : cells[m]) {
                lines.add(String.join(",", methods[m].id(), csv(layerNames[c.layer()]),
                        csv(positionLabels[c.position()]), csv(positionTokens[c.position()]),
                        Integer.toString(c.n()), Integer.toString(groupCount), Integer.toString(c.correct()),
                        num(c.accuracy()), num(c.interval().low()), num(c.interval().high()), num(c.splitLow()),
                        num(c.splitHigh()), num(c.chance()), num(c.controlAccuracy()), num(c.controlInterval().low()),
                        num(c.controlInterval().high()), num(c.selectivity()), num(c.selectivityInterval().low()),
                        num(c.selectivityInterval().high()), Integer.toString(c.degenerateFolds()), settings));
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
