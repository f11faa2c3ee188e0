package io.mechanist.probes.chart;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import io.mechanist.probes.AlignedProbeData;
import io.mechanist.probes.OutputReadout.ReadoutResults;
import io.mechanist.probes.ProbeCell;
import io.mechanist.probes.ProbeMethod;
import io.mechanist.probes.ProbeResults;

/**
 * What the accuracy-by-position chart draws, independent of the drawing toolkit: the workbench view (SWTChart) and
 * the headless {@code probe} verb (java.awt) both render this list, so they show the same series, bands and colours.
 *
 * <p>Per selected layer: the probe accuracy with its 95% band (the interval of the reported fold split, not the
 * spread over repeated splits), the control-task accuracy (dashed) and, when a
 * read-out is given, the output read-out accuracy (dotted); one chance line (majority class) for all layers.
 */
public final class AccuracyChart {

    /** How a series' line is drawn. */
    public enum Stroke { SOLID, DASHED, DOTTED }

    /**
     * One line of the chart, over the aligned positions (x = position index).
     *
     * @param id       unique id
     * @param legend   legend text
     * @param values   y per position; NaN where no prompt has the position
     * @param bandLow  lower edge of the confidence band per position, or null for none
     * @param bandHigh upper edge of the confidence band, or null
     * @param rgb      colour as 0xRRGGBB
     */
    public record Series(String id, String legend, double[] values, double[] bandLow, double[] bandHigh, int rgb,
            Stroke stroke) {
        public boolean hasBand() {
            return bandLow != null && bandHigh != null;
        }
    }

    /** Colour-blind-safe line colours (Okabe-Ito); a layer keeps its colour whichever layers are shown. */
    private static final int[] PALETTE = {0x0072B2, 0xD55E00, 0x009E73, 0xCC79A7, 0xE69F00, 0x56B4E9, 0xF0E442,
        0x000000};
    public static final int CHANCE_RGB = 0x808080;

    private AccuracyChart() {
    }

    public static int layerColour(int index) {
        return PALETTE[Math.floorMod(index, PALETTE.length)];
    }

    /**
     * The series for {@code layers} of {@code results} under {@code method}.
     *
     * @param readout the model's output read-out on the same grid, or null
     */
    public static List<Series> series(ProbeResults results, ProbeMethod method, int[] layers, ReadoutResults readout) {
        int positions = results.positionCount();
        List<Series> out = new ArrayList<>();
        for (int i = 0; i < layers.length; i++) {
            int layer = layers[i];
            double[] acc = new double[positions];
            double[] low = new double[positions];
            double[] high = new double[positions];
            double[] control = new double[positions];
            for (int k = 0; k < positions; k++) {
                ProbeCell c = results.cell(method, layer, k);
                acc[k] = c.accuracy();
                low[k] = c.interval().low();
                high[k] = c.interval().high();
                control[k] = c.controlAccuracy();
            }
            String name = results.layerName(layer);
            int rgb = layerColour(layer);
            // the band is the interval of the reported fold split; the split range is in the summary and the CSV
            out.add(new Series("acc-" + layer, name + " " + method.id() + " (95% CI of one split)", acc, low, high,
                    rgb, Stroke.SOLID));
            if (results.config().controlTask()) {
                out.add(new Series("control-" + layer, name + " control task", control, null, null, rgb,
                        Stroke.DASHED));
            }
            if (readout != null && layer < readout.layers() && readout.positions() == positions) {
                double[] r = new double[positions];
                for (int k = 0; k < positions; k++) {
                    r[k] = readout.cell(layer, k).accuracy();
                }
                out.add(new Series("readout-" + layer, name + " output read-out", r, null, null, rgb,
                        Stroke.DOTTED));
            }
        }
        double[] chance = new double[positions];
        for (int k = 0; k < positions; k++) {
            chance[k] = results.cell(method, 0, k).chance();
        }
        out.add(new Series("chance", "chance (majority class)", chance, null, null, CHANCE_RGB, Stroke.DASHED));
        return out;
    }

    /**
     * Axis labels: the token at each aligned position when all prompts share it, else the position label (e.g. the
     * offset from the anchor), which says more than "mixed".
     */
    public static List<String> positionLabels(ProbeResults results) {
        List<String> labels = new ArrayList<>();
        for (int k = 0; k < results.positionCount(); k++) {
            labels.add(axisLabel(results.positionLabel(k), results.positionToken(k)));
        }
        return labels;
    }

    /** The axis label of one aligned position: its shared token made visible, else its position label. */
    public static String axisLabel(String positionLabel, String token) {
        boolean unknown = token == null || token.isEmpty() || token.equals(AlignedProbeData.MIXED);
        return unknown ? positionLabel : visible(token);
    }

    /** Token text with leading word-boundary markers and whitespace made visible. */
    public static String visible(String token) {
        return token.replace('\u0120', ' ').replace('\u2581', ' ').replace("\n", "\\n").replace("\t", "\\t");
    }

    /**
     * The sentence under the chart: prompts, groups, labels, the interval method; the selection-aware headline (best
     * cell chosen on half of the groups, reported on the others) when known; and the best cell of all (optimistic)
     * with its interval, split range, control and selectivity.
     */
    public static String summary(ProbeResults results, ProbeMethod method) {
        ProbeCell best = results.best(method);
        String head = String.format(Locale.ROOT, "n = %d prompts (%d groups), %s vs %s, 95%% intervals %s",
                results.promptCount(), results.groupCount(), results.negativeLabel(), results.positiveLabel(),
                results.intervalMethod().id());
        if (best == null) {
            return head;
        }
        ProbeResults.Headline h = results.headline(method);
        if (h != null) {
            ProbeCell c = h.cell();
            head += String.format(Locale.ROOT, "; headline %s at %s '%s' (chosen among %d cells on %d groups): %.1f%% "
                    + "[%.1f, %.1f] on the %d held-out groups, n = %d", results.layerName(c.layer()),
                    results.positionLabel(c.position()), visible(results.positionToken(c.position())),
                    h.cellsSearched(), h.selectionGroups(), 100 * h.heldOutAccuracy(),
                    100 * h.heldOutInterval().low(), 100 * h.heldOutInterval().high(), h.heldOutGroups(),
                    h.heldOutN());
        }
        return head + String.format(Locale.ROOT, "; best %s at %s '%s' of all cells (optimistic): %.1f%% [%.1f, %.1f], "
                + "split range %.1f-%.1f%%, n = %d, control %.1f%%, selectivity %+.1f [%+.1f, %+.1f]",
                results.layerName(best.layer()), results.positionLabel(best.position()),
                visible(results.positionToken(best.position())), 100 * best.accuracy(),
                100 * best.interval().low(), 100 * best.interval().high(), 100 * best.splitLow(),
                100 * best.splitHigh(), best.n(), 100 * best.controlAccuracy(), 100 * best.selectivity(),
                100 * best.selectivityInterval().low(), 100 * best.selectivityInterval().high());
    }
}
