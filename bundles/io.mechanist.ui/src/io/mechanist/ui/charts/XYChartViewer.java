package io.mechanist.ui.charts;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.IntConsumer;

import org.eclipse.swt.SWT;
import org.eclipse.swt.events.PaintEvent;
import org.eclipse.swt.graphics.Color;
import org.eclipse.swt.graphics.GC;
import org.eclipse.swt.graphics.Image;
import org.eclipse.swt.graphics.ImageData;
import org.eclipse.swt.graphics.ImageLoader;
import org.eclipse.swt.graphics.Point;
import org.eclipse.swt.graphics.RGB;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swtchart.Chart;
import org.eclipse.swtchart.IAxis;
import org.eclipse.swtchart.ICustomPaintListener;
import org.eclipse.swtchart.ILineSeries;
import org.eclipse.swtchart.ILineSeries.PlotSymbolType;
import org.eclipse.swtchart.ISeries;
import org.eclipse.swtchart.ISeries.SeriesType;
import org.eclipse.swtchart.LineStyle;
import org.eclipse.swtchart.Range;

/**
 * The chart base of Mechanist's views: XY line series over a category axis (for example token strings at each
 * position), each series with an optional confidence band (the filled area between a low and a high curve), a
 * vertical marker at the selected category, and PNG/CSV export. Wraps an SWTChart {@link Chart}; concrete views only
 * describe their series.
 *
 * <p>All methods must run on the UI thread.
 */
public class XYChartViewer {

    /**
     * One line: {@code y[i]} at category {@code i}; NaN leaves a gap. {@code bandLow/bandHigh} (same length, or null)
     * are filled in a light tint of the line colour behind all lines.
     */
    public record Line(String id, String legend, double[] y, double[] bandLow, double[] bandHigh, RGB colour,
            LineStyle style, int width) {
    }

    private final Chart chart;
    private final List<Line> lines = new ArrayList<>();
    private final List<Color> colours = new ArrayList<>();
    private final List<IntConsumer> clickListeners = new CopyOnWriteArrayList<>();
    private List<String> categories = List.of();
    private int marker = -1;
    private int labelStep = 1;

    public XYChartViewer(Composite parent, int style) {
        chart = new Chart(parent, style);
        chart.getTitle().setVisible(false);
        chart.getLegend().setPosition(SWT.BOTTOM);
        IAxis x = xAxis();
        x.enableCategory(true);
        x.getTick().setTickLabelAngle(90);
        chart.getPlotArea().addCustomPaintListener(new Underlay());
        chart.getPlotArea().addCustomPaintListener(new Overlay());
        chart.getPlotArea().getControl().addListener(SWT.MouseUp, e -> {
            if (e.button == 1) {
                int category = categoryAt(e.x);
                if (category >= 0) {
                    setMarker(category);
                    clickListeners.forEach(l -> l.accept(category));
                }
            }
        });
        chart.addDisposeListener(e -> disposeColours());
    }

    public Chart chart() {
        return chart;
    }

    public Control control() {
        return chart;
    }

    public void setTitle(String title) {
        chart.getTitle().setText(title);
        chart.getTitle().setVisible(title != null && !title.isEmpty());
    }

    public void setAxisTitles(String xTitle, String yTitle) {
        xAxis().getTitle().setText(xTitle);
        yAxis().getTitle().setText(yTitle);
    }

    /** Replaces all lines and the category labels (one per x position); the marker is kept if still in range. */
    public void setLines(List<String> categoryLabels, List<Line> newLines) {
        for (ISeries<?> s : chart.getSeriesSet().getSeries()) {
            chart.getSeriesSet().deleteSeries(s.getId());
        }
        disposeColours();
        lines.clear();
        categories = List.copyOf(categoryLabels);
        xAxis().setCategorySeries(shownCategoryLabels().toArray(String[]::new));
        for (Line line : newLines) {
            if (line.y().length != categories.size()) {
                throw new IllegalArgumentException("line '" + line.id() + "' has " + line.y().length
                        + " values for " + categories.size() + " categories");
            }
            ILineSeries<?> series = (ILineSeries<?>) chart.getSeriesSet().createSeries(SeriesType.LINE, line.id());
            series.setDescription(line.legend());
            series.setYSeries(line.y());
            Color colour = colour(line.colour());
            series.setLineColor(colour);
            series.setSymbolColor(colour);
            series.setSymbolType(PlotSymbolType.NONE);
            series.setLineStyle(line.style());
            series.setLineWidth(line.width());
            series.setAntialias(SWT.ON);
            lines.add(line);
        }
        if (marker >= categories.size()) {
            marker = -1;
        }
        chart.getAxisSet().adjustRange(); // fit both axes to the data; setYRange may fix the value axis after
        chart.redraw();
    }

    /**
     * Labels only every {@code step}-th category on the axis, from the first (SWTChart draws every category label,
     * and many short numeric ones run into each other); the others stay in {@link #categoryLabels()}, tooltips and
     * the CSV.
     */
    public void setCategoryLabelStep(int step) {
        if (step < 1) {
            throw new IllegalArgumentException("label step must be >= 1, got " + step);
        }
        labelStep = step;
        xAxis().setCategorySeries(shownCategoryLabels().toArray(String[]::new));
        chart.redraw();
    }

    /** The category labels as the axis draws them: every label-step-th one, blanks between. */
    public List<String> shownCategoryLabels() {
        List<String> shown = new ArrayList<>(categories.size());
        for (int i = 0; i < categories.size(); i++) {
            shown.add(i % labelStep == 0 ? categories.get(i) : "");
        }
        return shown;
    }

    /** Fixes the value axis (e.g. 0..1 for accuracies); call after {@link #setLines}. */
    public void setYRange(double low, double high) {
        yAxis().setRange(new Range(low, high));
        chart.redraw();
    }

    /** Draws a vertical marker at {@code category} (-1 removes it). */
    public void setMarker(int category) {
        marker = category >= 0 && category < categories.size() ? category : -1;
        chart.redraw();
    }

    public int marker() {
        return marker;
    }

    /** Called with the category a user clicked (the marker moves there first). */
    public void addCategoryClickListener(IntConsumer listener) {
        clickListeners.add(listener);
    }

    /** The category under plot-area x coordinate {@code x}, or -1. */
    public int categoryAt(int x) {
        if (categories.isEmpty()) {
            return -1;
        }
        int category = (int) Math.round(xAxis().getDataCoordinate(x));
        return category >= 0 && category < categories.size() ? category : -1;
    }

    /** The plot-area x pixel of a category's centre (for tests and overlays). */
    public int pixelOf(int category) {
        return xAxis().getPixelCoordinate(category);
    }

    /** Control holding the plot (where clicks land). */
    public Control plotControl() {
        return chart.getPlotArea().getControl();
    }

    public List<String> categoryLabels() {
        return categories;
    }

    /** The legend texts in drawing order, as a user reads them. */
    public List<String> legendEntries() {
        List<String> out = new ArrayList<>();
        for (ISeries<?> s : chart.getSeriesSet().getSeries()) {
            if (s.isVisibleInLegend()) {
                out.add(s.getDescription() != null ? s.getDescription() : s.getId());
            }
        }
        return out;
    }

    public List<Line> lines() {
        return List.copyOf(lines);
    }

    /** Saves what is on screen as a PNG: a GC copy of the chart widget, written with SWT's ImageLoader. */
    public void exportPng(Path file) throws IOException {
        Point size = chart.getSize();
        if (size.x <= 0 || size.y <= 0) {
            throw new IOException("cannot export " + file + ": the chart has no size (is it visible?)");
        }
        chart.update();
        Image image = new Image(chart.getDisplay(), size.x, size.y);
        GC gc = new GC(chart);
        try {
            gc.copyArea(image, 0, 0);
            ImageLoader loader = new ImageLoader();
            loader.data = new ImageData[] { image.getImageData() };
            loader.save(file.toString(), SWT.IMAGE_PNG);
        } catch (RuntimeException e) {
            throw new IOException("cannot write PNG " + file + ": " + e.getMessage(), e);
        } finally {
            gc.dispose();
            image.dispose();
        }
    }

    /** Writes one row per category: index, label, then value (and band low/high) of every line. */
    public void exportCsv(Path file) throws IOException {
        try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            StringBuilder header = new StringBuilder("index,category");
            for (Line line : lines) {
                header.append(',').append(csv(line.legend()));
                if (line.bandLow() != null) {
                    header.append(',').append(csv(line.legend() + " low")).append(',')
                            .append(csv(line.legend() + " high"));
                }
            }
            w.write(header.append('\n').toString());
            for (int i = 0; i < categories.size(); i++) {
                StringBuilder row = new StringBuilder().append(i).append(',').append(csv(categories.get(i)));
                for (Line line : lines) {
                    row.append(',').append(num(line.y()[i]));
                    if (line.bandLow() != null) {
                        row.append(',').append(num(line.bandLow()[i])).append(',').append(num(line.bandHigh()[i]));
                    }
                }
                w.write(row.append('\n').toString());
            }
        }
    }

    private IAxis xAxis() {
        return chart.getAxisSet().getXAxis(0);
    }

    private IAxis yAxis() {
        return chart.getAxisSet().getYAxis(0);
    }

    private Color colour(RGB rgb) {
        Color c = new Color(chart.getDisplay(), rgb);
        colours.add(c);
        return c;
    }

    private void disposeColours() {
        colours.forEach(Color::dispose);
        colours.clear();
    }

    private static String num(double v) {
        return Double.isNaN(v) ? "" : String.format(Locale.ROOT, "%.6f", v);
    }

    private static String csv(String s) {
        return s.contains(",") || s.contains("\"") || s.contains("\n") ? "\"" + s.replace("\"", "\"\"") + "\"" : s;
    }

    /** Confidence bands, behind the lines: one polygon per run of defined values. */
    private final class Underlay implements ICustomPaintListener {
        @Override
        public void paintControl(PaintEvent e) {
            GC gc = e.gc;
            gc.setAdvanced(true);
            gc.setAlpha(60);
            for (Line line : lines) {
                if (line.bandLow() == null || line.bandHigh() == null) {
                    continue;
                }
                Color tint = new Color(chart.getDisplay(), line.colour());
                gc.setBackground(tint);
                int start = 0;
                while (start < categories.size()) {
                    while (start < categories.size() && !defined(line, start)) {
                        start++;
                    }
                    int end = start;
                    while (end < categories.size() && defined(line, end)) {
                        end++;
                    }
                    if (end - start >= 1) {
                        fillBand(gc, line, start, end);
                    }
                    start = end;
                }
                tint.dispose();
            }
            gc.setAlpha(255);
        }

        private boolean defined(Line line, int i) {
            return !Double.isNaN(line.bandLow()[i]) && !Double.isNaN(line.bandHigh()[i]);
        }

        private void fillBand(GC gc, Line line, int from, int to) {
            IAxis x = xAxis();
            IAxis y = yAxis();
            int n = to - from;
            if (n == 1) { // a lone position: a narrow bar
                int px = x.getPixelCoordinate(from);
                int top = y.getPixelCoordinate(line.bandHigh()[from]);
                int bottom = y.getPixelCoordinate(line.bandLow()[from]);
                gc.fillRectangle(px - 2, top, 5, Math.max(1, bottom - top));
                return;
            }
            int[] polygon = new int[4 * n];
            for (int i = 0; i < n; i++) {
                polygon[2 * i] = x.getPixelCoordinate(from + i);
                polygon[2 * i + 1] = y.getPixelCoordinate(line.bandHigh()[from + i]);
                int back = 2 * (2 * n - 1 - i);
                polygon[back] = x.getPixelCoordinate(from + i);
                polygon[back + 1] = y.getPixelCoordinate(line.bandLow()[from + i]);
            }
            gc.fillPolygon(polygon);
        }

        @Override
        public boolean drawBehindSeries() {
            return true;
        }
    }

    /** The selected-category marker, in front of the lines. */
    private final class Overlay implements ICustomPaintListener {
        @Override
        public void paintControl(PaintEvent e) {
            if (marker < 0) {
                return;
            }
            int px = xAxis().getPixelCoordinate(marker);
            e.gc.setForeground(e.display.getSystemColor(SWT.COLOR_DARK_RED));
            e.gc.setLineWidth(2);
            e.gc.setLineStyle(SWT.LINE_SOLID);
            e.gc.drawLine(px, 0, px, chart.getPlotArea().getSize().y);
            e.gc.setLineWidth(1);
        }

        @Override
        public boolean drawBehindSeries() {
            return false;
        }
    }
}
