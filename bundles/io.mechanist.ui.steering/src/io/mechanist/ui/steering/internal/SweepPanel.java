package io.mechanist.ui.steering.internal;

import java.util.ArrayList;
import java.util.List;

import org.eclipse.swt.SWT;
import org.eclipse.swt.custom.SashForm;
import org.eclipse.swt.graphics.RGB;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.layout.RowLayout;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Combo;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swtchart.LineStyle;

import io.mechanist.steering.SweepResult;
import io.mechanist.ui.charts.XYChartViewer;
import io.mechanist.ui.steering.internal.SweepSeries.Metric;

/**
 * The sweep: effect vs multiplier with one line per layer (random control dashed), and beside it the histogram of
 * one layer's per-prompt changes from unsteered at the largest multiplier (random control dashed) with the share of
 * prompts moving the wrong way.
 */
public final class SweepPanel {
    private static final RGB[] PALETTE = { new RGB(31, 119, 180), new RGB(214, 39, 40), new RGB(44, 160, 44),
            new RGB(148, 103, 189), new RGB(255, 127, 14), new RGB(23, 190, 207), new RGB(140, 86, 75),
            new RGB(227, 119, 194), new RGB(127, 127, 127), new RGB(188, 189, 34) };
    private static final RGB CONTROL_GREY = new RGB(110, 110, 110);

    private final Composite root;
    private final Combo metric;
    private final Combo layer;
    private final Button showControl;
    private final XYChartViewer sweepChart;
    private final XYChartViewer distributionChart;
    private final Label wrongWay;
    private SweepSeries series;

    public SweepPanel(Composite parent, Runnable exportPng, Runnable exportCsv) {
        root = new Composite(parent, SWT.NONE);
        root.setLayout(new GridLayout(1, false));
        // A row that wraps: a narrow view puts the export buttons on a second line instead of clipping them.
        Composite bar = new Composite(root, SWT.NONE);
        RowLayout barLayout = new RowLayout(SWT.HORIZONTAL);
        barLayout.wrap = true;
        barLayout.center = true;
        bar.setLayout(barLayout);
        bar.setLayoutData(new GridData(SWT.FILL, SWT.TOP, true, false));
        new Label(bar, SWT.NONE).setText("Effect:");
        metric = new Combo(bar, SWT.READ_ONLY);
        for (Metric m : Metric.values()) {
            metric.add(m.label());
        }
        metric.select(0);
        showControl = new Button(bar, SWT.CHECK);
        showControl.setText("Random control");
        showControl.setSelection(true);
        new Label(bar, SWT.NONE).setText("Per-prompt distribution of:");
        layer = new Combo(bar, SWT.READ_ONLY);
        Button png = new Button(bar, SWT.PUSH);
        png.setText("Export PNG...");
        png.addListener(SWT.Selection, e -> exportPng.run());
        Button csv = new Button(bar, SWT.PUSH);
        csv.setText("Export CSV...");
        csv.addListener(SWT.Selection, e -> exportCsv.run());
        metric.addListener(SWT.Selection, e -> redraw());
        layer.addListener(SWT.Selection, e -> redraw());
        showControl.addListener(SWT.Selection, e -> redraw());

        SashForm charts = new SashForm(root, SWT.HORIZONTAL);
        charts.setLayoutData(new GridData(SWT.FILL, SWT.FILL, true, true));
        sweepChart = new XYChartViewer(charts, SWT.NONE);
        sweepChart.setAxisTitles("Multiplier (\u00d7 mean residual norm of the layer)", Metric.PROBABILITY.label());
        sweepChart.chart().getAxisSet().getXAxis(0).getTick().setTickLabelAngle(0);
        Composite right = new Composite(charts, SWT.NONE);
        GridLayout rightLayout = new GridLayout(1, false);
        rightLayout.marginWidth = 0;
        rightLayout.marginHeight = 0;
        right.setLayout(rightLayout);
        distributionChart = new XYChartViewer(right, SWT.NONE);
        distributionChart.control().setLayoutData(new GridData(SWT.FILL, SWT.FILL, true, true));
        distributionChart.setAxisTitles("Multiplier (\u00d7 mean residual norm)", Metric.PROBABILITY.label());
        distributionChart.chart().getAxisSet().getXAxis(0).getTick().setTickLabelAngle(0);
        // 21 bin centres side by side overlap: label every fifth (-1, -0.5, 0, +0.5, +1 for P changes)
        distributionChart.setCategoryLabelStep(SweepSeries.HISTOGRAM_LABEL_STEP);
        wrongWay = new Label(right, SWT.WRAP);
        GridData wrongWayData = new GridData(SWT.FILL, SWT.TOP, true, false);
        wrongWayData.widthHint = 150; // wraps to the column instead of widening it
        wrongWay.setLayoutData(wrongWayData);
        charts.setWeights(3, 2);
        sweepChart.plotControl().addListener(SWT.MouseMove, e -> {
            int category = series == null ? -1 : sweepChart.categoryAt(e.x);
            String tip = category < 0 ? null : series.tooltip(category);
            if (!java.util.Objects.equals(tip, sweepChart.plotControl().getToolTipText())) {
                sweepChart.plotControl().setToolTipText(tip);
            }
        });
    }

    public Control control() {
        return root;
    }

    /** Shows a sweep; the distribution follows the layer whose effect at the largest multiplier is strongest. */
    public void show(SweepResult result) {
        series = new SweepSeries(result);
        layer.removeAll();
        for (int layerNumber : result.config().layers()) {
            layer.add("layer " + layerNumber);
        }
        layer.select(strongestLayer(result));
        layer.requestLayout(); // its width follows the new items
        redraw();
    }

    public SweepSeries series() {
        return series;
    }

    public void selectMetric(Metric m) {
        metric.select(m.ordinal());
        redraw();
    }

    /** Shows the per-prompt distribution of this layer index. */
    public void selectDistributionLayer(int layerIndex) {
        layer.select(layerIndex);
        redraw();
    }

    /** Index (into the sweep's layers) of the layer whose distribution is shown. */
    public int distributionLayerIndex() {
        return Math.max(0, layer.getSelectionIndex());
    }

    public XYChartViewer sweepChart() {
        return sweepChart;
    }

    public XYChartViewer distributionChart() {
        return distributionChart;
    }

    public String wrongWayText() {
        return wrongWay.getText();
    }

    private Metric selectedMetric() {
        return Metric.values()[Math.max(0, metric.getSelectionIndex())];
    }

    private void redraw() {
        if (series == null) {
            return;
        }
        SweepResult result = series.result();
        Metric m = selectedMetric();
        List<String> categories = series.categories();
        List<XYChartViewer.Line> lines = new ArrayList<>();
        List<Integer> layers = result.config().layers();
        for (int l = 0; l < layers.size(); l++) {
            RGB colour = PALETTE[l % PALETTE.length];
            lines.add(new XYChartViewer.Line("layer" + layers.get(l), "layer " + layers.get(l), series.means(m, 0, l),
                    null, null, colour, LineStyle.SOLID, 2));
        }
        if (result.kinds() > 1 && showControl.getSelection()) {
            for (int l = 0; l < layers.size(); l++) {
                lines.add(new XYChartViewer.Line("control" + layers.get(l), "layer " + layers.get(l)
                        + " random control", series.means(m, 1, l), null, null, PALETTE[l % PALETTE.length],
                        LineStyle.DASH, 1));
            }
        }
        sweepChart.setAxisTitles("Multiplier (\u00d7 mean residual norm of the layer)", m.label());
        sweepChart.setLines(categories, lines);
        if (m == Metric.PROBABILITY) {
            sweepChart.setYRange(0, 1);
        }

        int l = Math.max(0, layer.getSelectionIndex());
        RGB colour = PALETTE[l % PALETTE.length];
        // the distribution of per-prompt changes (often bimodal: a median or a min-max band would hide that)
        int largest = largestMultiplierIndex(result.config().multipliers());
        SweepSeries.Histogram histogram = series.shiftHistogram(m, l, largest);
        String name = "layer " + layers.get(l);
        List<XYChartViewer.Line> dist = new ArrayList<>();
        dist.add(new XYChartViewer.Line("shift", name + " share of prompts", histogram.share()[0], null, null, colour,
                LineStyle.SOLID, 2));
        if (result.kinds() > 1 && showControl.getSelection()) {
            dist.add(new XYChartViewer.Line("control", name + " random control share of prompts",
                    histogram.share()[1], null, null, CONTROL_GREY, LineStyle.DASH, 1));
        }
        distributionChart.setAxisTitles("Change from unsteered at multiplier "
                + SweepSeries.multiplierLabel(histogram.multiplier()), "Share of prompts");
        distributionChart.setTitle(name + ": " + result.promptCount() + " prompts");
        distributionChart.setLines(histogram.labels(), dist);
        wrongWay.setText("Share of prompts moving the wrong way (" + name + "): " + series.wrongWaySummary(l));
        root.layout(true, true);
    }

    /** The multiplier of largest magnitude (the largest positive one on ties): where the histogram is taken. */
    static int largestMultiplierIndex(double[] multipliers) {
        int best = 0;
        for (int i = 1; i < multipliers.length; i++) {
            double a = Math.abs(multipliers[i]);
            double b = Math.abs(multipliers[best]);
            if (a > b || (a == b && multipliers[i] > multipliers[best])) {
                best = i;
            }
        }
        return best;
    }

    /** The layer whose mean logit difference spans the widest range over the multipliers. */
    static int strongestLayer(SweepResult result) {
        int best = 0;
        double bestSpan = -1;
        for (int l = 0; l < result.config().layers().size(); l++) {
            double lo = Double.POSITIVE_INFINITY;
            double hi = Double.NEGATIVE_INFINITY;
            for (int m = 0; m < result.config().multipliers().length; m++) {
                double v = result.meanLogitDiff(0, l, m);
                lo = Math.min(lo, v);
                hi = Math.max(hi, v);
            }
            if (hi - lo > bestSpan) {
                bestSpan = hi - lo;
                best = l;
            }
        }
        return best;
    }
}
