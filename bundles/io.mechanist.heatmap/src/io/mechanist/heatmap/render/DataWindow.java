package io.mechanist.heatmap.render;

/**
 * The part of a heatmap on screen: rows {@code [firstRow, firstRow + rowCount)} and columns
 * {@code [firstColumn, firstColumn + columnCount)} of a grid of {@code totalRows x totalColumns}. Zooming and panning
 * produce new windows, always clamped to the grid and at least one cell in each direction.
 */
public record DataWindow(int firstRow, int rowCount, int firstColumn, int columnCount, int totalRows,
        int totalColumns) {

    public DataWindow {
        if (totalRows <= 0 || totalColumns <= 0) {
            throw new IllegalArgumentException("Empty grid " + totalRows + " x " + totalColumns);
        }
        if (rowCount < 1 || firstRow < 0 || firstRow + rowCount > totalRows || columnCount < 1 || firstColumn < 0
                || firstColumn + columnCount > totalColumns) {
            throw new IllegalArgumentException("Window rows [" + firstRow + ", +" + rowCount + ") columns ["
                    + firstColumn + ", +" + columnCount + ") is outside the grid " + totalRows + " x " + totalColumns);
        }
    }

    /** The whole grid. */
    public static DataWindow all(int rows, int columns) {
        return new DataWindow(0, rows, 0, columns, rows, columns);
    }

    public boolean isAll() {
        return rowCount == totalRows && columnCount == totalColumns;
    }

    /**
     * Zooms by {@code factor} (> 1 shows fewer cells) in the chosen directions, keeping the cell under the anchor
     * fixed on screen. Anchors are fractions of the window (0 = first row/column shown, 1 = end).
     */
    public DataWindow zoom(double factor, double rowAnchor, double columnAnchor, boolean rows, boolean columns) {
        if (!(factor > 0)) {
            throw new IllegalArgumentException("zoom factor must be > 0, got " + factor);
        }
        int[] r = rows ? zoomAxis(firstRow, rowCount, totalRows, factor, rowAnchor)
                : new int[] { firstRow, rowCount };
        int[] c = columns ? zoomAxis(firstColumn, columnCount, totalColumns, factor, columnAnchor)
                : new int[] { firstColumn, columnCount };
        return new DataWindow(r[0], r[1], c[0], c[1], totalRows, totalColumns);
    }

    /** Moves the window by whole cells (positive = towards higher rows/columns), stopping at the grid's edges. */
    public DataWindow pan(int rowDelta, int columnDelta) {
        int r = clamp(firstRow + rowDelta, 0, totalRows - rowCount);
        int c = clamp(firstColumn + columnDelta, 0, totalColumns - columnCount);
        return new DataWindow(r, rowCount, c, columnCount, totalRows, totalColumns);
    }

    private static int[] zoomAxis(int first, int count, int total, double factor, double anchor) {
        double a = Math.max(0, Math.min(1, anchor));
        int newCount = clamp((int) Math.round(count / factor), 1, total);
        if (newCount == count && factor != 1) {
            newCount = clamp(factor > 1 ? count - 1 : count + 1, 1, total);
        }
        double anchorCell = first + a * count;
        int newFirst = (int) Math.round(anchorCell - a * newCount);
        return new int[] { clamp(newFirst, 0, total - newCount), newCount };
    }

    private static int clamp(int v, int lo, int hi) {
        return Math.max(lo, Math.min(hi, v));
    }
}
