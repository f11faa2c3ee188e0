package io.mechanist.ui.patching;

import java.util.function.BiConsumer;

import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.Color;
import org.eclipse.swt.graphics.GC;
import org.eclipse.swt.graphics.Point;
import org.eclipse.swt.graphics.RGB;
import org.eclipse.swt.graphics.Rectangle;
import org.eclipse.swt.widgets.Canvas;
import org.eclipse.swt.widgets.Composite;

import io.mechanist.patching.StoredPatching;

/**
 * One patching grid as a heatmap: rows are layers, columns positions (labelled with their token) or heads. White is
 * 0 (the corrupted run), red 1 (the clean run), blue below 0. Hovering a cell shows its value with the interval;
 * clicking selects it.
 */
public final class PatchingGridCanvas extends Canvas {
    private static final int LEFT = 56;
    private static final int TOP = 8;
    private static final int BOTTOM = 70;
    private static final int LEGEND = 100;

    private StoredPatching.Grid grid;
    private int selectedRow = -1;
    private int selectedColumn = -1;
    private BiConsumer<Integer, Integer> onSelect = (r, c) -> { };

    public PatchingGridCanvas(Composite parent, int style) {
        super(parent, style | SWT.DOUBLE_BUFFERED);
        addPaintListener(e -> paint(e.gc, getClientArea()));
        addListener(SWT.MouseMove, e -> {
            int[] cell = cellAt(e.x, e.y);
            setToolTipText(cell == null ? null : grid.describe(cell[0], cell[1]));
        });
        addListener(SWT.MouseDown, e -> {
            int[] cell = cellAt(e.x, e.y);
            if (cell != null) {
                select(cell[0], cell[1]);
            }
        });
    }

    /** Shows {@code shown} (null: nothing), with no cell selected. */
    public void setGrid(StoredPatching.Grid shown) {
        this.grid = shown;
        selectedRow = -1;
        selectedColumn = -1;
        redraw();
    }

    public void onSelect(BiConsumer<Integer, Integer> listener) {
        this.onSelect = listener;
    }

    /** Selects a cell as a click does. */
    public void select(int row, int column) {
        selectedRow = row;
        selectedColumn = column;
        redraw();
        onSelect.accept(row, column);
    }

    /** The cell under a point of the canvas, as {row, column}, or null. */
    public int[] cellAt(int x, int y) {
        if (grid == null) {
            return null;
        }
        Rectangle plot = plot(getClientArea());
        if (!plot.contains(x, y)) {
            return null;
        }
        int column = (x - plot.x) * grid.columns() / plot.width;
        int row = (y - plot.y) * grid.rows() / plot.height;
        return new int[] {Math.min(row, grid.rows() - 1), Math.min(column, grid.columns() - 1)};
    }

    /** The centre of a cell in canvas coordinates (what a click on it hits). */
    public Point centre(int row, int column) {
        Rectangle plot = plot(getClientArea());
        return new Point(plot.x + (2 * column + 1) * plot.width / (2 * grid.columns()),
                plot.y + (2 * row + 1) * plot.height / (2 * grid.rows()));
    }

    private Rectangle plot(Rectangle area) {
        return new Rectangle(area.x + LEFT, area.y + TOP, Math.max(1, area.width - LEFT - LEGEND - 8),
                Math.max(1, area.height - TOP - BOTTOM));
    }

    /** Paints the grid into {@code area} of {@code gc} (the canvas, or an image for export). */
    public void paint(GC gc, Rectangle area) {
        gc.setBackground(getDisplay().getSystemColor(SWT.COLOR_WHITE));
        gc.fillRectangle(area);
        if (grid == null) {
            return;
        }
        Rectangle plot = plot(area);
        gc.setForeground(getDisplay().getSystemColor(SWT.COLOR_BLACK));
        for (int r = 0; r < grid.rows(); r++) {
            int y0 = plot.y + r * plot.height / grid.rows();
            int y1 = plot.y + (r + 1) * plot.height / grid.rows();
            for (int c = 0; c < grid.columns(); c++) {
                int x0 = plot.x + c * plot.width / grid.columns();
                int x1 = plot.x + (c + 1) * plot.width / grid.columns();
                Color color = new Color(colour(grid.value()[r][c]));
                gc.setBackground(color);
                gc.fillRectangle(x0, y0, x1 - x0, y1 - y0);
                color.dispose();
            }
            String label = grid.rowLabels()[r];
            Point size = gc.textExtent(label);
            gc.drawText(label, plot.x - size.x - 6, (y0 + y1 - size.y) / 2, true);
        }
        gc.drawRectangle(plot);
        for (int c = 0; c < grid.columns(); c++) {
            int x = plot.x + (2 * c + 1) * plot.width / (2 * grid.columns());
            String label = grid.tokens()[c].isEmpty() ? "h" + grid.columnLabels()[c] : grid.tokens()[c];
            gc.drawText(label, x - gc.textExtent(label).x / 2, plot.y + plot.height + 4, true);
            if (!grid.tokens()[c].isEmpty() && (c % 2 == 0 || grid.columns() <= 16)) {
                String position = grid.columnLabels()[c];
                gc.drawText(position, x - gc.textExtent(position).x / 2, plot.y + plot.height + 22, true);
            }
        }
        String axis = grid.tokens()[0].isEmpty() ? "head" : "position (from the end) and token";
        gc.drawText(axis, plot.x + (plot.width - gc.textExtent(axis).x) / 2, plot.y + plot.height + 44, true);
        if (selectedRow >= 0) {
            int x0 = plot.x + selectedColumn * plot.width / grid.columns();
            int x1 = plot.x + (selectedColumn + 1) * plot.width / grid.columns();
            int y0 = plot.y + selectedRow * plot.height / grid.rows();
            int y1 = plot.y + (selectedRow + 1) * plot.height / grid.rows();
            gc.setLineWidth(2);
            gc.drawRectangle(x0, y0, x1 - x0, y1 - y0);
            gc.setLineWidth(1);
        }
        paintLegend(gc, new Rectangle(plot.x + plot.width + 16, plot.y, 16, plot.height));
    }

    private void paintLegend(GC gc, Rectangle bar) {
        for (int y = 0; y < bar.height; y++) {
            double value = 1 - 2.0 * y / Math.max(1, bar.height - 1);
            Color color = new Color(colour(value));
            gc.setForeground(color);
            gc.drawLine(bar.x, bar.y + y, bar.x + bar.width, bar.y + y);
            color.dispose();
        }
        gc.setForeground(getDisplay().getSystemColor(SWT.COLOR_BLACK));
        gc.drawRectangle(bar);
        gc.drawText("1 clean", bar.x + bar.width + 4, bar.y - 2, true);
        gc.drawText("0", bar.x + bar.width + 4, bar.y + bar.height / 2 - 8, true);
        gc.drawText("-1", bar.x + bar.width + 4, bar.y + bar.height - 14, true);
    }

    /** White at 0, red toward 1 and blue toward -1 (clamped); grey for no value. */
    static RGB colour(double value) {
        if (Double.isNaN(value)) {
            return new RGB(200, 200, 200);
        }
        double t = Math.max(-1, Math.min(1, value));
        int fade = (int) Math.round(255 * (1 - Math.abs(t)));
        return t >= 0 ? new RGB(255, fade, fade) : new RGB(fade, fade, 255);
    }
}
