package io.mechanist.ui.results;

import java.util.List;

import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.Color;
import org.eclipse.swt.graphics.GC;
import org.eclipse.swt.graphics.Point;
import org.eclipse.swt.graphics.RGB;
import org.eclipse.swt.graphics.Rectangle;
import org.eclipse.swt.widgets.Canvas;
import org.eclipse.swt.widgets.Composite;

import io.mechanist.heatmap.color.ColorMap;
import io.mechanist.heatmap.color.ColorMaps;

/**
 * A 2-d slice of an array as coloured cells, rows down the first axis and columns along the second, with the axis
 * names, a colour bar and the value under the mouse as a tooltip. A diverging map when the values straddle zero,
 * else a sequential one; NaN is grey.
 */
final class ArrayHeatmap extends Canvas {

    private static final int MARGIN_LEFT = 70;
    private static final int MARGIN_TOP = 24;
    private static final int MARGIN_BOTTOM = 40;
    private static final int BAR_WIDTH = 120;

    private String rowAxis = "";
    private String columnAxis = "";
    private int rows;
    private int columns;
    private float[] values = new float[0];
    private double low;
    private double high;
    private ColorMap map = ColorMaps.VIRIDIS_LIKE;

    ArrayHeatmap(Composite parent) {
        super(parent, SWT.DOUBLE_BUFFERED);
        addPaintListener(e -> paint(e.gc));
        addListener(SWT.MouseMove, e -> {
            int[] cell = cellAt(e.x, e.y);
            setToolTipText(cell == null ? null : rowAxis + " " + cell[0] + ", " + columnAxis + " " + cell[1] + ": "
                    + ResultCsv.number(values[cell[0] * columns + cell[1]]));
        });
    }

    /** Shows {@code rows x columns} values (row-major). */
    void setData(String rowAxisName, String columnAxisName, int rowCount, int columnCount, float[] slice) {
        rowAxis = rowAxisName;
        columnAxis = columnAxisName;
        rows = rowCount;
        columns = columnCount;
        values = slice;
        low = Double.POSITIVE_INFINITY;
        high = Double.NEGATIVE_INFINITY;
        for (float v : slice) {
            if (!Float.isNaN(v)) {
                low = Math.min(low, v);
                high = Math.max(high, v);
            }
        }
        if (low > high) {
            low = 0;
            high = 1;
        }
        if (low < 0 && high > 0) {
            double bound = Math.max(-low, high);
            low = -bound;
            high = bound;
            map = ColorMaps.BLUE_WHITE_RED;
        } else {
            map = ColorMaps.VIRIDIS_LIKE;
        }
        redraw();
    }

    /** Draws the heatmap as it is shown into a PNG file. */
    void exportPng(java.nio.file.Path file) throws java.io.IOException {
        org.eclipse.swt.graphics.Rectangle area = getClientArea();
        if (area.width <= 0 || area.height <= 0) {
            throw new java.io.IOException("cannot export " + file + ": the heatmap has no size (is it visible?)");
        }
        org.eclipse.swt.graphics.Image image = new org.eclipse.swt.graphics.Image(getDisplay(), area.width,
                area.height);
        GC gc = new GC(image);
        try {
            gc.setBackground(getBackground());
            gc.fillRectangle(0, 0, area.width, area.height);
            paint(gc);
            org.eclipse.swt.graphics.ImageLoader loader = new org.eclipse.swt.graphics.ImageLoader();
            loader.data = new org.eclipse.swt.graphics.ImageData[] {image.getImageData()};
            loader.save(file.toString(), SWT.IMAGE_PNG);
        } catch (RuntimeException e) {
            throw new java.io.IOException("cannot write PNG " + file + ": " + e.getMessage(), e);
        } finally {
            gc.dispose();
            image.dispose();
        }
    }

    /** The value range the colours span. */
    List<Double> range() {
        return List.of(low, high);
    }

    private Rectangle plot() {
        Rectangle area = getClientArea();
        return new Rectangle(area.x + MARGIN_LEFT, area.y + MARGIN_TOP,
                Math.max(1, area.width - MARGIN_LEFT - BAR_WIDTH), Math.max(1, area.height - MARGIN_TOP - MARGIN_BOTTOM));
    }

    private int[] cellAt(int x, int y) {
        Rectangle plot = plot();
        if (rows == 0 || columns == 0 || !plot.contains(x, y)) {
            return null;
        }
        int r = (int) ((long) (y - plot.y) * rows / plot.height);
        int c = (int) ((long) (x - plot.x) * columns / plot.width);
        return r < rows && c < columns ? new int[] {r, c} : null;
    }

    private void paint(GC gc) {
        Rectangle plot = plot();
        gc.setForeground(getDisplay().getSystemColor(SWT.COLOR_WIDGET_FOREGROUND));
        if (rows == 0 || columns == 0) {
            gc.drawText("(empty)", plot.x, plot.y, true);
            return;
        }
        for (int r = 0; r < rows; r++) {
            int y0 = plot.y + (int) ((long) r * plot.height / rows);
            int y1 = plot.y + (int) ((long) (r + 1) * plot.height / rows);
            for (int c = 0; c < columns; c++) {
                int x0 = plot.x + (int) ((long) c * plot.width / columns);
                int x1 = plot.x + (int) ((long) (c + 1) * plot.width / columns);
                fill(gc, colour(values[r * columns + c]), x0, y0, Math.max(1, x1 - x0), Math.max(1, y1 - y0));
            }
        }
        gc.drawRectangle(plot.x - 1, plot.y - 1, plot.width + 1, plot.height + 1);
        // Axis names and the extreme indices.
        gc.drawText(rowAxis + " \u2193", 4, plot.y, true);
        gc.drawText("0", plot.x - 12, plot.y, true);
        gc.drawText(Integer.toString(rows - 1), 4, plot.y + plot.height - 14, true);
        String columnTitle = columnAxis + " \u2192  (0.." + (columns - 1) + ")";
        Point size = gc.textExtent(columnTitle);
        gc.drawText(columnTitle, plot.x + (plot.width - size.x) / 2, plot.y + plot.height + 8, true);
        // Colour bar.
        int barX = plot.x + plot.width + 16;
        for (int y = 0; y < plot.height; y++) {
            double t = 1 - (double) y / Math.max(1, plot.height - 1);
            fill(gc, map.colorAt(t), barX, plot.y + y, 16, 1);
        }
        gc.drawText(String.format("%.4g", high), barX + 20, plot.y, true);
        gc.drawText(String.format("%.4g", low), barX + 20, plot.y + plot.height - 14, true);
    }

    private int colour(float value) {
        if (Float.isNaN(value)) {
            return map.nanColor();
        }
        return map.colorAt(high == low ? 0.5 : (value - low) / (high - low));
    }

    private void fill(GC gc, int rgb, int x, int y, int w, int h) {
        Color colour = new Color(getDisplay(), new RGB((rgb >> 16) & 0xff, (rgb >> 8) & 0xff, rgb & 0xff));
        gc.setBackground(colour);
        gc.fillRectangle(x, y, w, h);
        colour.dispose();
    }
}
