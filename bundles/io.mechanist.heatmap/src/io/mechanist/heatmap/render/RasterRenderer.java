package io.mechanist.heatmap.render;

import java.util.Arrays;
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
        check(data, window, width, height, out.length);
        int[] rowStart = edges(window.firstRow(), window.rowCount(), height);
        int[] colStart = edges(window.firstColumn(), window.columnCount(), width);
        float[] values = data.valuesView();
        int columns = data.columns();
        IntStream lines = IntStream.range(0, height).filter(y -> y == 0 || rowStart[y] != rowStart[y - 1]);
        if ((long) window.rowCount() * window.columnCount() >= PARALLEL_CELLS) {
            lines = lines.parallel();
        }
        lines.forEach(y -> {
            float[] line = new float[width];
            reduceLine(values, columns, rowStart[y], end(rowStart, y, window.firstRow() + window.rowCount()),
                    colStart, window.firstColumn() + window.columnCount(), line);
            int offset = y * width;
            for (int x = 0; x < width; x++) {
                out[offset + x] = scale.argb(line[x]);
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
        int[] colStart = edges(window.firstColumn(), window.columnCount(), width);
        float[] result = new float[width * height];
        float[] line = new float[width];
        for (int y = 0; y < height; y++) {
            reduceLine(data.valuesView(), data.columns(), rowStart[y],
                    end(rowStart, y, window.firstRow() + window.rowCount()), colStart,
                    window.firstColumn() + window.columnCount(), line);
            System.arraycopy(line, 0, result, y * width, width);
        }
        return result;
    }

    /**
     * The cell that pixel {@code (x, y)} shows: among the cells it covers, the one with the largest |value| (the
     * first such in row-major order), as {@code {row, column}}; for hit tests and tooltips.
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
        int[] best = { rowStart[y], colStart[x] };
        float bestAbs = -1f;
        for (int r = rowStart[y]; r < rowTo; r++) {
            for (int c = colStart[x]; c < colTo; c++) {
                float a = Math.abs(data.value(r, c));
                if (a > bestAbs) {
                    bestAbs = a;
                    best = new int[] { r, c };
                }
            }
        }
        return best;
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

    private static void reduceLine(float[] values, int columns, int rowFrom, int rowTo, int[] colStart, int colLimit,
            float[] line) {
        Arrays.fill(line, Float.NaN);
        int width = line.length;
        for (int r = rowFrom; r < rowTo; r++) {
            int base = r * columns;
            for (int x = 0; x < width; x++) {
                int from = colStart[x];
                int to = end(colStart, x, colLimit);
                float best = line[x];
                float bestAbs = best == best ? Math.abs(best) : -1f;
                for (int c = from; c < to; c++) {
                    float v = values[base + c];
                    float a = Math.abs(v);
                    if (a > bestAbs) { // false for NaN
                        best = v;
                        bestAbs = a;
                    }
                }
                line[x] = best;
            }
        }
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
