package io.mechanist.ui.probes.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.eclipse.swt.SWT;
import org.eclipse.swt.custom.SashForm;
import org.eclipse.swt.graphics.RGB;
import org.eclipse.swt.layout.FillLayout;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Group;
import org.eclipse.swtchart.LineStyle;

import io.mechanist.heatmap.HeatmapData;
import io.mechanist.heatmap.ValueKind;
import io.mechanist.heatmap.ValueRange;
import io.mechanist.probes.OutputReadout.ReadoutResults;
import io.mechanist.probes.ProbeCell;
import io.mechanist.probes.ProbeMethod;
import io.mechanist.probes.ProbeResults;
import io.mechanist.probes.chart.AccuracyChart;
import io.mechanist.ui.charts.HeatmapCanvas;
import io.mechanist.ui.charts.XYChartViewer;

/**
 * The results of one capture: accuracy by aligned position (lines, CI bands, control, chance, read-out) above a
 * layer x position accuracy heatmap. The view shows one panel, or two side by side to compare captures. The band is
 * the interval of the reported fold split; the tooltip at a position gives it with the range over all splits.
 */
public final class ProbePanel {

    private final Group group;
    private final XYChartViewer chart;
    private final HeatmapCanvas heatmap;
    private String name;
    private ProbeResults results;
    private ReadoutResults readout;
    private ProbeMethod method;
    private int[] layers = new int[0];

    public ProbePanel(Composite parent) {
        group = new Group(parent, SWT.NONE);
        group.setLayout(new FillLayout());
        SashForm split = new SashForm(group, SWT.VERTICAL);
        chart = new XYChartViewer(split, SWT.NONE);
        chart.setAxisTitles("aligned position (token)", "accuracy");
        heatmap = new HeatmapCanvas(split, SWT.NONE);
        split.setWeights(3, 2);
        chart.plotControl().addListener(SWT.MouseMove, e -> {
            String tip = tooltipAt(chart.categoryAt(e.x));
            tip = tip.isEmpty() ? null : tip;
            if (!java.util.Objects.equals(tip, chart.plotControl().getToolTipText())) {
                chart.plotControl().setToolTipText(tip);
            }
        });
    }

    /**
     * What the tooltip says at aligned position {@code category}: per shown layer, the accuracy with the band's
     * interval (of the reported split) and the range over all fold splits, n and the control; empty outside.
     */
    public String tooltipAt(int category) {
        if (results == null || category < 0 || category >= results.positionCount()) {
            return "";
        }
        StringBuilder tip = new StringBuilder(AccuracyChart.axisLabel(results.positionLabel(category),
                results.positionToken(category)));
        int splits = results.config().foldRepeats();
        for (int layer : layers) {
            ProbeCell c = results.cell(method, layer, category);
            tip.append(String.format(Locale.ROOT, "%n%s %s: %.1f%% [%.1f, %.1f] (band: 95%% CI of the reported split)"
                    + ", range over %d fold split%s %.1f-%.1f%%, n = %d", results.layerName(layer), method.id(),
                    100 * c.accuracy(), 100 * c.interval().low(), 100 * c.interval().high(), splits,
                    splits == 1 ? "" : "s", 100 * c.splitLow(), 100 * c.splitHigh(), c.n()));
            if (results.config().controlTask()) {
                tip.append(String.format(Locale.ROOT, ", control %.1f%%", 100 * c.controlAccuracy()));
            }
        }
        return tip.toString();
    }

    /** Shows {@code probeResults} (and the read-out, or null) for the given method and layers. */
    public void show(String captureName, ProbeResults probeResults, ReadoutResults outputReadout, ProbeMethod method,
            int[] layers) {
        this.name = captureName;
        this.results = probeResults;
        this.readout = outputReadout;
        this.method = method;
        this.layers = layers.clone();
        group.setText(title());
        List<XYChartViewer.Line> lines = new ArrayList<>();
        for (AccuracyChart.Series s : AccuracyChart.series(probeResults, method, layers, outputReadout)) {
            LineStyle style = switch (s.stroke()) {
                case SOLID -> LineStyle.SOLID;
                case DASHED -> LineStyle.DASH;
                case DOTTED -> LineStyle.DOT;
            };
            int width = s.stroke() == AccuracyChart.Stroke.SOLID ? 2 : 1;
            lines.add(new XYChartViewer.Line(s.id(), s.legend(), s.values(), s.bandLow(), s.bandHigh(),
                    new RGB(s.rgb() >> 16 & 0xff, s.rgb() >> 8 & 0xff, s.rgb() & 0xff), style, width));
        }
        chart.setLines(AccuracyChart.positionLabels(probeResults), lines);
        chart.setYRange(0, 1.02);
        heatmap.setData(heatmapData(captureName, probeResults, method));
        group.layout(true, true);
    }

    /** "name: n = 500 prompts (250 groups)". */
    public String title() {
        return results == null ? "" : name + ": n = " + results.promptCount() + " prompts (" + results.groupCount()
                + " groups)";
    }

    private static HeatmapData heatmapData(String captureName, ProbeResults r, ProbeMethod method) {
        int layers = r.layerCount();
        int positions = r.positionCount();
        float[] values = new float[layers * positions];
        List<String> rows = new ArrayList<>();
        for (int l = 0; l < layers; l++) {
            rows.add(r.layerName(l));
            for (int k = 0; k < positions; k++) {
                values[l * positions + k] = (float) r.cell(method, l, k).accuracy();
            }
        }
        return HeatmapData.builder(method.id() + " probe accuracy", values).subject(captureName)
                .rows("layer", rows).columns("position", AccuracyChart.positionLabels(r)).kind(ValueKind.MAGNITUDE)
                .range(new ValueRange(0, 1)).units("accuracy").build();
    }

    public Group control() {
        return group;
    }

    public XYChartViewer chart() {
        return chart;
    }

    public HeatmapCanvas heatmap() {
        return heatmap;
    }

    public ProbeResults results() {
        return results;
    }

    public ReadoutResults readout() {
        return readout;
    }

    public String name() {
        return name;
    }
}
