package io.mechanist.ui.probes.internal;

import java.util.ArrayList;
import java.util.List;

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
import io.mechanist.probes.ProbeMethod;
import io.mechanist.probes.ProbeResults;
import io.mechanist.probes.chart.AccuracyChart;
import io.mechanist.ui.charts.XYChartViewer;
import io.mechanist.ui.heatmap.HeatmapCanvas;

/**
 * The results of one capture: accuracy by aligned position (lines, CI bands, control, chance, read-out) above a
 * layer x position accuracy heatmap. The view shows one panel, or two side by side to compare captures.
 */
public final class ProbePanel {

    private final Group group;
    private final XYChartViewer chart;
    private final HeatmapCanvas heatmap;
    private String name;
    private ProbeResults results;
    private ReadoutResults readout;

    public ProbePanel(Composite parent) {
        group = new Group(parent, SWT.NONE);
        group.setLayout(new FillLayout());
        SashForm split = new SashForm(group, SWT.VERTICAL);
        chart = new XYChartViewer(split, SWT.NONE);
        chart.setAxisTitles("aligned position (token)", "accuracy");
        heatmap = new HeatmapCanvas(split, SWT.NONE);
        split.setWeights(3, 2);
    }

    /** Shows {@code probeResults} (and the read-out, or null) for the given method and layers. */
    public void show(String captureName, ProbeResults probeResults, ReadoutResults outputReadout, ProbeMethod method,
            int[] layers) {
        this.name = captureName;
        this.results = probeResults;
        this.readout = outputReadout;
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
