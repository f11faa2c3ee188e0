package io.mechanist.heatmap.render;

import java.util.stream.IntStream;

import io.mechanist.heatmap.HeatmapData;
import io.mechanist.heatmap.color.ColorScale;

/**
 * Turns a {@link DataWindow} of a {@link HeatmapData} into an ARGB raster of {@code width x height} pixels.
 * <p>
 * Pixel column {@code x} covers data columns {@code [first + floor(x * n / width), first + floor((x + 1) * n / width))}
 * (at least one), and likewise for rows. When a pixel covers several cells (more cells than pixels) it shows the
 * cell with the <b>largest absolute value</b>, sign kept: a single spike among thousands of near-zero cells stays
 * visible instead of being averaged away. NaN cells are skipped unless every covered cell is NaN. When there are
 * fewer cells than pixels, cells are repeated (nearest cell).
 */
public final class RasterRenderer {

    /** Below this many covered cells the work is too small to be worth splitting across threads. */
    private static final long PARALLEL_CELLS = 1 << 18;

    private RasterRenderer() {
    }

    /**
     * Fills {@code out[y * width + x]} with opaque ARGB colours.
     *
     * @throws IllegalArgumentException if the window does not belong to {@code data} or {@code out} is too small
     */
    public static void render(HeatmapData data, DataWindow window, ColorScale scale, int width, int height,
            int[] out) {
        render(data, null, window, scale, width, height, out);
    }

    /**
     * {@link #render(HeatmapData, DataWindow, ColorScale, int, int, int[])} reading pixels that cover many rows from
     * {@code pyramid} (built from {@code data}; null reads every row). The pixels are the same either way.
     */
    public static void render(HeatmapData data, RowPyramid pyramid, DataWindow window, ColorScale scale, int width,
            int height, int[] out) {
        check(data, window, width, height, out.length);
        if (pyramid != null && pyramid.data() != data) {
            throw new IllegalArgumentException("The row pyramid was built for " + pyramid.data() + ", not " + data);
        }
        int[] rowStart = edges(window.firstRow(), window.rowCount(), height);
        Bins bins = new Bins(window.firstColumn(), window.columnCount(), width, pyramid);
        float[] values = data.valuesView();
        int columns = data.columns();
        int rowLimit = window.firstRow() + window.rowCount();
        IntStream lines = IntStream.range(0, height).filter(y -> y == 0 || rowStart[y] != rowStart[y - 1]);
        if ((long) window.rowCount() * window.columnCount() >= PARALLEL_CELLS) {
            lines = lines.parallel();
        }
        int[] pixelBin = bins.pixelBin;
        boolean skipNaN = data.hasUndefined();
        lines.forEach(y -> {
            float[] line = bins.reduce(values, columns, skipNaN, rowStart[y], end(rowStart, y, rowLimit));
            int offset = y * width;
            for (int x = 0; x < width; x++) {
                out[offset + x] = scale.argb(line[pixelBin[x]]);
            }
        });
        for (int y = 1; y < height; y++) {
            if (rowStart[y] == rowStart[y - 1]) {
                System.arraycopy(out, (y - 1) * width, out, y * width, width);
            }
        }
    }

    /**
     * The value each pixel shows (the covered cell with the largest |value|), row-major {@code [height, width]}:
     * what {@link #render} colours, for tooltips of aggregated pixels and for tests.
     */
    public static float[] pixelValues(HeatmapData data, DataWindow window, int width, int height) {
        check(data, window, width, height, (long) width * height);
        int[] rowStart = edges(window.firstRow(), window.rowCount(), height);
        Bins bins = new Bins(window.firstColumn(), window.columnCount(), width, null);
        float[] result = new float[width * height];
        for (int y = 0; y < height; y++) {
            float[] line = bins.reduce(data.valuesView(), data.columns(), data.hasUndefined(), rowStart[y],
                    end(rowStart, y, window.firstRow() + window.rowCount()));
            for (int x = 0; x < width; x++) {
                result[y * width + x] = line[bins.pixelBin[x]];
            }
        }
        return result;
    }

    /**
     * The cell that pixel {@code (x, y)} shows: among the cells it covers, the first (row-major) holding the value
     * the pixel shows, as {@code {row, column}}; for hit tests and tooltips.
     */
    public static int[] shownCell(HeatmapData data, DataWindow window, int width, int height, int x, int y) {
        check(data, window, width, height, (long) width * height);
        if (x < 0 || x >= width || y < 0 || y >= height) {
            throw new IllegalArgumentException("Pixel (" + x + ", " + y + ") outside " + width + " x " + height);
        }
        int[] rowStart = edges(window.firstRow(), window.rowCount(), height);
        int[] colStart = edges(window.firstColumn(), window.columnCount(), width);
        int rowTo = end(rowStart, y, window.firstRow() + window.rowCount());
        int colTo = end(colStart, x, window.firstColumn() + window.columnCount());
        float max = Float.NEGATIVE_INFINITY;
        float min = Float.POSITIVE_INFINITY;
        for (int r = rowStart[y]; r < rowTo; r++) {
            for (int c = colStart[x]; c < colTo; c++) {
                float v = data.value(r, c);
                max = v > max ? v : max;
                min = v < min ? v : min;
            }
        }
        float shown = pick(max, min);
        for (int r = rowStart[y]; r < rowTo; r++) {
            for (int c = colStart[x]; c < colTo; c++) {
                float v = data.value(r, c);
                if (v == shown || (shown != shown && v != v)) {
                    return new int[] { r, c };
                }
            }
        }
        throw new IllegalStateException("the shown value must come from a covered cell");
    }

    /** The value of largest magnitude, given the largest and smallest value seen (NaN if none was seen). */
    private static float pick(float max, float min) {
        if (max == Float.NEGATIVE_INFINITY && min == Float.POSITIVE_INFINITY) {
            return Float.NaN;
        }
        return max >= -min ? max : min;
    }

    /**
     * The window's columns grouped into bins: one per pixel when there are more columns than pixels, one per column
     * otherwise. {@link #reduce} first takes the max and min of each column over a band of rows (a sequential,
     * vectorisable sweep over the data or its {@link RowPyramid}), then of each bin over its columns, and keeps the
     * one of larger magnitude.
     */
    private static final class Bins {
        final int firstColumn;
        final int columnCount;
        final int binCount;
        final int[] binStart;
        final int[] pixelBin;
        final RowPyramid pyramid;

        Bins(int firstColumn, int columnCount, int width, RowPyramid pyramid) {
            this.firstColumn = firstColumn;
            this.columnCount = columnCount;
            this.pyramid = pyramid;
            int[] start = edges(0, columnCount, width);
            pixelBin = new int[width];
            if (columnCount >= width) {
                binCount = width;
                binStart = start;
                for (int x = 0; x < width; x++) {
                    pixelBin[x] = x;
                }
            } else {
                binCount = columnCount;
                binStart = null;
                System.arraycopy(start, 0, pixelBin, 0, width);
            }
        }

        float[] reduce(float[] values, int columns, boolean skipNaN, int rowFrom, int rowTo) {
            float[] max = new float[columnCount];
            float[] min = new float[columnCount];
            if (pyramid != null) {
                pyramid.reduceRows(rowFrom, rowTo, firstColumn, columnCount, max, min);
            } else {
                RowPyramid.reduceRows(values, columns, skipNaN, rowFrom, rowTo, firstColumn, columnCount, max, min);
            }
            float[] shown = new float[binCount];
            for (int b = 0; b < binCount; b++) {
                int from = binStart == null ? b : binStart[b];
                int to = binStart == null ? b + 1 : b + 1 < binCount ? binStart[b + 1] : columnCount;
                float hi = Float.NEGATIVE_INFINITY;
                float lo = Float.POSITIVE_INFINITY;
                for (int c = from; c < to; c++) {
                    hi = max[c] > hi ? max[c] : hi; // NaN (an all-NaN column) compares false: skipped
                    lo = min[c] < lo ? min[c] : lo;
                }
                shown[b] = pick(hi, lo);
            }
            return shown;
        }
    }

    /** The first data index covered by each of {@code pixels} pixels over {@code [first, first + count)}. */
    static int[] edges(int first, int count, int pixels) {
        int[] start = new int[pixels];
        for (int p = 0; p < pixels; p++) {
            start[p] = first + (int) ((long) p * count / pixels);
        }
        return start;
    }

    /** The end (exclusive) of pixel {@code p}'s span: the next pixel's start, but at least one cell. */
    private static int end(int[] start, int p, int limit) {
        int next = p + 1 < start.length ? start[p + 1] : limit;
        return Math.max(next, start[p] + 1);
    }

    private static void check(HeatmapData data, DataWindow window, int width, int height, long outLength) {
        if (window.totalRows() != data.rows() || window.totalColumns() != data.columns()) {
            throw new IllegalArgumentException("Window over a " + window.totalRows() + " x " + window.totalColumns()
                    + " grid used for " + data);
        }
        if (width <= 0 || height <= 0) {
            throw new IllegalArgumentException("Raster size must be positive, got " + width + " x " + height);
        }
        if (outLength < (long) width * height) {
            throw new IllegalArgumentException("Output holds " + outLength + " pixels; " + width + " x " + height
                    + " needed");
        }
    }
}
