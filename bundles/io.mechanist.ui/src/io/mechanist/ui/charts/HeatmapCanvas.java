package io.mechanist.ui.charts;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.Color;
import org.eclipse.swt.graphics.GC;
import org.eclipse.swt.graphics.Image;
import org.eclipse.swt.graphics.Point;
import org.eclipse.swt.graphics.Rectangle;
import org.eclipse.swt.graphics.Transform;
import org.eclipse.swt.widgets.Canvas;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Event;

import io.mechanist.heatmap.HeatmapData;
import io.mechanist.heatmap.TokenText;
import io.mechanist.heatmap.color.ColorScale;
import io.mechanist.heatmap.render.ColorBar;
import io.mechanist.heatmap.render.DataWindow;
import io.mechanist.heatmap.render.RasterRenderer;
import io.mechanist.heatmap.render.RowPyramid;

/**
 * Draws a {@link HeatmapData}: the raster of the visible {@link DataWindow}, row labels, token strings along the
 * position axis (each token when its column is a line high, otherwise position numbers), and a colour bar with its
 * values. Mouse wheel zooms around the pointer (Shift: positions only, Ctrl: rows only), +/- zoom, 0 resets, arrows
 * and dragging pan; hovering shows the cell in a tooltip; a click (press and release without dragging) selects the
 * cell and notifies the {@link #addCellClickListener listeners}.
 */
public final class HeatmapCanvas extends Canvas {

    /** A clicked cell. */
    public record CellClick(HeatmapData data, int row, int column) {
        /** The prompt position of the clicked column. */
        public int position() {
            return data.columnPosition(column);
        }

        public String token() {
            return data.columnLabels().get(column);
        }
    }

    private static final double ZOOM_STEP = 1.25;
    private static final int DRAG_SLOP = 3;
    private static final int BAR_WIDTH = 16;
    private static final int MAX_LABEL_PX = 90;

    private HeatmapData data;
    private ColorScale scale;
    private DataWindow window;
    private RowPyramid pyramid;
    private boolean pyramidChecked;
    private Image raster;
    private Rectangle rasterBounds;
    private DataWindow rasterWindow;
    private Image colorBar;
    private Rectangle plot = new Rectangle(0, 0, 0, 0);
    private List<ColorBar.Tick> ticks = List.of();
    private int selectedColumn = -1;
    private Point pressedAt;
    private DataWindow pressedWindow;
    private boolean dragging;
    private final List<Consumer<CellClick>> clickListeners = new ArrayList<>();

    public HeatmapCanvas(Composite parent, int style) {
        super(parent, style | SWT.DOUBLE_BUFFERED | SWT.NO_BACKGROUND);
        addListener(SWT.Paint, e -> paint(e.gc));
        addListener(SWT.Resize, e -> redraw());
        addListener(SWT.MouseVerticalWheel, this::onWheel);
        addListener(SWT.MouseDown, this::onMouseDown);
        addListener(SWT.MouseMove, this::onMouseMove);
        addListener(SWT.MouseUp, this::onMouseUp);
        addListener(SWT.KeyDown, this::onKey);
        addListener(SWT.Dispose, e -> disposeRaster());
    }

    /**
     * Shows {@code heatmap} whole (null clears the canvas); its {@link RowPyramid} is built on the first paint. Must
     * run on the UI thread.
     */
    public void setData(HeatmapData heatmap) {
        setData(heatmap, null);
    }

    /**
     * Shows {@code heatmap} whole with its {@link RowPyramid} built beforehand (e.g. in the job that built the data;
     * null: built on the first paint if the grid is large). Must run on the UI thread.
     */
    public void setData(HeatmapData heatmap, RowPyramid rows) {
        checkWidget();
        if (rows != null && rows.data() != heatmap) {
            throw new IllegalArgumentException("row pyramid of " + rows.data() + " given for " + heatmap);
        }
        this.data = heatmap;
        this.pyramid = rows;
        this.pyramidChecked = rows != null;
        this.scale = heatmap == null ? null : ColorScale.forData(heatmap);
        this.window = heatmap == null ? null : DataWindow.all(heatmap.rows(), heatmap.columns());
        this.ticks = heatmap == null ? List.of() : ColorBar.ticks(scale.range(), 9);
        this.selectedColumn = -1;
        disposeRaster();
        setToolTipText(null);
        redraw();
    }

    public HeatmapData data() {
        return data;
    }

    /** The part of the data on screen. */
    public DataWindow window() {
        return window;
    }

    public void setWindow(DataWindow visible) {
        checkWidget();
        if (data == null || visible.totalRows() != data.rows() || visible.totalColumns() != data.columns()) {
            throw new IllegalArgumentException("window " + visible + " does not fit " + data);
        }
        window = visible;
        redraw();
    }

    /** Where the raster is drawn, in canvas pixels (valid after the first layout or paint). */
    public Rectangle plotArea() {
        layoutPlot();
        return new Rectangle(plot.x, plot.y, plot.width, plot.height);
    }

    /** The colour bar's labels from the minimum to the maximum, as drawn. */
    public List<String> colorBarLabels() {
        return ticks.stream().map(ColorBar.Tick::label).toList();
    }

    /** The cell drawn at canvas pixel {@code (x, y)} as {@code {row, column}}, or null outside the raster. */
    public int[] cellAt(int x, int y) {
        layoutPlot();
        if (data == null || !plot.contains(x, y)) {
            return null;
        }
        return RasterRenderer.shownCell(data, window, plot.width, plot.height, x - plot.x, y - plot.y);
    }

    /** The canvas pixel at the centre of cell {@code (row, column)} if it is visible, else null (for tests). */
    public Point centreOf(int row, int column) {
        layoutPlot();
        if (data == null || row < window.firstRow() || row >= window.firstRow() + window.rowCount()
                || column < window.firstColumn() || column >= window.firstColumn() + window.columnCount()) {
            return null;
        }
        int x = plot.x + (int) ((column - window.firstColumn() + 0.5) * plot.width / window.columnCount());
        int y = plot.y + (int) ((row - window.firstRow() + 0.5) * plot.height / window.rowCount());
        return new Point(x, y);
    }

    public void addCellClickListener(Consumer<CellClick> listener) {
        clickListeners.add(listener);
    }

    /** The column marked as selected, or -1. */
    public int selectedColumn() {
        return selectedColumn;
    }

    // ---- layout and painting ----

    private void layoutPlot() {
        Rectangle area = getClientArea();
        if (data == null) {
            plot = new Rectangle(0, 0, 0, 0);
            return;
        }
        GC gc = new GC(this);
        try {
            int line = gc.getFontMetrics().getHeight();
            int rowLabels = 0;
            for (int r = window.firstRow(); r < window.firstRow() + window.rowCount(); r += Math.max(1,
                    window.rowCount() / 64)) {
                rowLabels = Math.max(rowLabels, gc.textExtent(rowLabel(r)).x);
            }
            rowLabels = Math.min(rowLabels, MAX_LABEL_PX);
            int tickLabels = 0;
            for (ColorBar.Tick t : ticks) {
                tickLabels = Math.max(tickLabels, gc.textExtent(t.label()).x);
            }
            int left = 6 + rowLabels + 6;
            int right = 12 + BAR_WIDTH + 6 + Math.max(tickLabels, gc.textExtent(data.units()).x - BAR_WIDTH - 6) + 6;
            int top = line + 6;
            int bottom = tokenAxisHeight(gc, area.width - left - right, line) + 6;
            plot = new Rectangle(left, top, Math.max(1, area.width - left - right),
                    Math.max(1, area.height - top - bottom));
        } finally {
            gc.dispose();
        }
    }

    private int tokenAxisHeight(GC gc, int plotWidth, int line) {
        if (plotWidth / (double) window.columnCount() >= line) {
            int longest = 0;
            for (int c = window.firstColumn(); c < window.firstColumn() + window.columnCount(); c++) {
                longest = Math.max(longest, gc.textExtent(TokenText.label(data.columnLabels().get(c))).x);
            }
            return Math.min(longest, MAX_LABEL_PX) + 4;
        }
        return line + 4;
    }

    private void paint(GC gc) {
        Rectangle area = getClientArea();
        gc.setBackground(getDisplay().getSystemColor(SWT.COLOR_WHITE));
        gc.fillRectangle(area);
        if (data == null || area.width < 40 || area.height < 40) {
            return;
        }
        layoutPlot();
        // Only a new window, size or heatmap renders; expose, hover and selection repaints draw the cached images.
        if (raster == null || !plot.equals(rasterBounds) || !window.equals(rasterWindow)) {
            disposeRaster();
            if (!pyramidChecked) {
                pyramid = RowPyramid.of(data);
                pyramidChecked = true;
            }
            int[] argb = new int[plot.width * plot.height];
            RasterRenderer.render(data, pyramid, window, scale, plot.width, plot.height, argb);
            raster = new Image(getDisplay(), RasterImages.toImageData(argb, plot.width, plot.height));
            rasterBounds = new Rectangle(plot.x, plot.y, plot.width, plot.height);
            rasterWindow = window;
            int[] bar = new int[BAR_WIDTH * plot.height];
            ColorBar.render(scale, BAR_WIDTH, plot.height, bar);
            colorBar = new Image(getDisplay(), RasterImages.toImageData(bar, BAR_WIDTH, plot.height));
        }
        gc.drawImage(raster, plot.x, plot.y);
        gc.setForeground(getDisplay().getSystemColor(SWT.COLOR_BLACK));
        String heading = data.title().contains(data.subject()) ? data.title() : data.title() + "   " + data.subject();
        gc.drawText(heading + (window.isAll() ? "" : "   (zoomed; 0 shows all)"), plot.x, 2, true);
        paintRowLabels(gc);
        paintColumnLabels(gc);
        paintSelection(gc);
        paintColorBar(gc);
    }

    private String rowLabel(int row) {
        String label = data.rowLabels().get(row);
        return data.rowsAreTokens() ? TokenText.label(label) : label;
    }

    private void paintRowLabels(GC gc) {
        int line = gc.getFontMetrics().getHeight();
        double rowPx = plot.height / (double) window.rowCount();
        int every = (int) Math.ceil(line / rowPx);
        for (int i = 0; i < window.rowCount(); i += every) {
            String text = clip(gc, rowLabel(window.firstRow() + i), MAX_LABEL_PX);
            int y = plot.y + (int) ((i + 0.5) * rowPx) - line / 2;
            gc.drawText(text, plot.x - 6 - gc.textExtent(text).x, y, true);
        }
    }

    private void paintColumnLabels(GC gc) {
        int line = gc.getFontMetrics().getHeight();
        double columnPx = plot.width / (double) window.columnCount();
        int axisY = plot.y + plot.height + 4;
        if (columnPx >= line) {
            Transform transform = new Transform(getDisplay());
            try {
                for (int i = 0; i < window.columnCount(); i++) {
                    int c = window.firstColumn() + i;
                    String text = clip(gc, TokenText.label(data.columnLabels().get(c)), MAX_LABEL_PX);
                    int x = plot.x + (int) ((i + 0.5) * columnPx) + line / 2;
                    transform.identity();
                    transform.translate(x, axisY);
                    transform.rotate(90);
                    gc.setTransform(transform);
                    gc.drawText(text, 0, 0, true);
                }
            } finally {
                gc.setTransform(null);
                transform.dispose();
            }
        } else {
            // too narrow for tokens: position numbers at a readable spacing
            int widest = gc.textExtent(Integer.toString(data.columnPosition(data.columns() - 1))).x + 12;
            int every = (int) Math.ceil(widest / columnPx);
            for (int i = 0; i < window.columnCount(); i += every) {
                int c = window.firstColumn() + i;
                int x = plot.x + (int) ((i + 0.5) * columnPx);
                gc.drawLine(x, plot.y + plot.height, x, plot.y + plot.height + 3);
                gc.drawText(Integer.toString(data.columnPosition(c)), x + 2, axisY, true);
            }
        }
    }

    private void paintSelection(GC gc) {
        if (selectedColumn < window.firstColumn() || selectedColumn >= window.firstColumn() + window.columnCount()) {
            return;
        }
        int x0 = plot.x + (int) ((selectedColumn - window.firstColumn()) * (double) plot.width / window.columnCount());
        int x1 = plot.x + (int) ((selectedColumn - window.firstColumn() + 1) * (double) plot.width
                / window.columnCount());
        gc.setForeground(getDisplay().getSystemColor(SWT.COLOR_BLACK));
        gc.setLineWidth(2);
        gc.drawRectangle(x0, plot.y, Math.max(2, x1 - x0), plot.height);
        gc.setLineWidth(1);
    }

    private void paintColorBar(GC gc) {
        int barX = plot.x + plot.width + 12;
        gc.drawImage(colorBar, barX, plot.y);
        Color black = getDisplay().getSystemColor(SWT.COLOR_BLACK);
        gc.setForeground(black);
        gc.drawRectangle(barX - 1, plot.y - 1, BAR_WIDTH + 1, plot.height + 1);
        int line = gc.getFontMetrics().getHeight();
        for (ColorBar.Tick t : ticks) {
            int y = plot.y + (int) Math.round((1 - t.fraction()) * (plot.height - 1));
            gc.drawLine(barX + BAR_WIDTH, y, barX + BAR_WIDTH + 3, y);
            int textY = Math.max(plot.y - line / 2, Math.min(plot.y + plot.height - line / 2, y - line / 2));
            gc.drawText(t.label(), barX + BAR_WIDTH + 6, textY, true);
        }
        gc.drawText(data.units(), barX, Math.max(0, plot.y - line - 2), true);
    }

    private static String clip(GC gc, String text, int maxWidth) {
        if (gc.textExtent(text).x <= maxWidth) {
            return text;
        }
        String t = text;
        while (!t.isEmpty() && gc.textExtent(t + "\u2026").x > maxWidth) {
            t = t.substring(0, t.length() - 1);
        }
        return t + "\u2026";
    }

    private void disposeRaster() {
        if (raster != null) {
            raster.dispose();
            raster = null;
        }
        if (colorBar != null) {
            colorBar.dispose();
            colorBar = null;
        }
    }

    // ---- interaction ----

    private void onWheel(Event e) {
        if (data == null || e.count == 0) {
            return;
        }
        layoutPlot();
        double factor = e.count > 0 ? ZOOM_STEP : 1 / ZOOM_STEP;
        boolean rowsOnly = (e.stateMask & SWT.CTRL) != 0;
        boolean columnsOnly = (e.stateMask & SWT.SHIFT) != 0;
        zoom(factor, e.x, e.y, !columnsOnly, !rowsOnly);
    }

    private void zoom(double factor, int x, int y, boolean rows, boolean columns) {
        double rowAnchor = (y - plot.y) / (double) Math.max(1, plot.height);
        double columnAnchor = (x - plot.x) / (double) Math.max(1, plot.width);
        window = window.zoom(factor, rowAnchor, columnAnchor, rows, columns);
        redraw();
    }

    private void onKey(Event e) {
        if (data == null) {
            return;
        }
        layoutPlot();
        int cx = plot.x + plot.width / 2;
        int cy = plot.y + plot.height / 2;
        int rowStep = Math.max(1, window.rowCount() / 10);
        int columnStep = Math.max(1, window.columnCount() / 10);
        switch (e.keyCode) {
            case '+', '=', SWT.KEYPAD_ADD -> zoom(ZOOM_STEP, cx, cy, true, true);
            case '-', SWT.KEYPAD_SUBTRACT -> zoom(1 / ZOOM_STEP, cx, cy, true, true);
            case '0', SWT.KEYPAD_0 -> setWindow(DataWindow.all(data.rows(), data.columns()));
            case SWT.ARROW_LEFT -> setWindow(window.pan(0, -columnStep));
            case SWT.ARROW_RIGHT -> setWindow(window.pan(0, columnStep));
            case SWT.ARROW_UP -> setWindow(window.pan(-rowStep, 0));
            case SWT.ARROW_DOWN -> setWindow(window.pan(rowStep, 0));
            default -> {
                // other keys are not ours
            }
        }
    }

    private void onMouseDown(Event e) {
        if (e.button == 1 && data != null) {
            setFocus();
            pressedAt = new Point(e.x, e.y);
            pressedWindow = window;
            dragging = false;
        }
    }

    private void onMouseMove(Event e) {
        if (data == null) {
            return;
        }
        if (pressedAt != null && (e.stateMask & SWT.BUTTON1) != 0) {
            int dx = e.x - pressedAt.x;
            int dy = e.y - pressedAt.y;
            if (dragging || Math.abs(dx) > DRAG_SLOP || Math.abs(dy) > DRAG_SLOP) {
                dragging = true;
                layoutPlot();
                int columns = (int) Math.round(-dx * (double) pressedWindow.columnCount() / plot.width);
                int rows = (int) Math.round(-dy * (double) pressedWindow.rowCount() / plot.height);
                DataWindow moved = pressedWindow.pan(rows, columns);
                if (!moved.equals(window)) {
                    window = moved;
                    redraw();
                }
                return;
            }
        }
        int[] cell = cellAt(e.x, e.y);
        String text = cell == null ? null : TokenText.describeCell(data, cell[0], cell[1]);
        if (text == null ? getToolTipText() != null : !text.equals(getToolTipText())) {
            setToolTipText(text);
        }
    }

    private void onMouseUp(Event e) {
        if (e.button != 1 || pressedAt == null) {
            return;
        }
        boolean click = !dragging;
        pressedAt = null;
        dragging = false;
        if (click) {
            int[] cell = cellAt(e.x, e.y);
            if (cell != null) {
                selectedColumn = cell[1];
                redraw();
                CellClick clicked = new CellClick(data, cell[0], cell[1]);
                for (Consumer<CellClick> listener : List.copyOf(clickListeners)) {
                    listener.accept(clicked);
                }
            }
        }
    }
}
