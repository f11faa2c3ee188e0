package io.mechanist.heatmap.render;

import java.util.stream.IntStream;

import io.mechanist.heatmap.HeatmapData;

/**
 * Pre-reduced blocks of rows of a {@link HeatmapData}, so that a pixel covering many rows reads a few block rows
 * instead of every data row. Level {@code k} holds, for every aligned block of {@code 2^(k + 2)} rows and every
 * column, the largest and the smallest value in the block (NaN skipped); the last block of a level may be short.
 * Levels stop when one block covers every row. Memory: about the data's own (max and min of blocks of 4, 8, ...).
 * <p>
 * Built once per heatmap (one pass over the data) and read concurrently by {@link RasterRenderer}; immutable.
 */
public final class RowPyramid {

    private static final int FIRST_LEVEL = 2;
    /** Below this many cells a pyramid saves less than it costs to build. */
    private static final long WORTH_BUILDING_CELLS = 1 << 16;

    private final HeatmapData data;
    private final int rows;
    private final int columns;
    private final boolean skipNaN;
    private final float[][] maxLevels;
    private final float[][] minLevels;

    private RowPyramid(HeatmapData data) {
        this.data = data;
        this.rows = data.rows();
        this.columns = data.columns();
        this.skipNaN = data.hasUndefined();
        int count = 0;
        while ((1 << (count + FIRST_LEVEL)) < rows) {
            count++;
        }
        maxLevels = new float[count][];
        minLevels = new float[count][];
        float[] belowMax = data.valuesView();
        float[] belowMin = belowMax;
        int belowBlock = 1;
        for (int k = 0; k < count; k++) {
            int block = 1 << (k + FIRST_LEVEL);
            int blocks = (rows + block - 1) / block;
            int merge = block / belowBlock; // source rows per block: 4 from the data, then 2 from the level below
            int belowRows = (rows + belowBlock - 1) / belowBlock;
            float[] sourceMax = belowMax;
            float[] sourceMin = belowMin;
            float[] levelMax = new float[blocks * columns];
            float[] levelMin = new float[blocks * columns];
            IntStream range = IntStream.range(0, blocks);
            if ((long) belowRows * columns >= WORTH_BUILDING_CELLS) {
                range = range.parallel();
            }
            range.forEach(b -> {
                int first = b * merge;
                int last = Math.min(belowRows, first + merge);
                System.arraycopy(sourceMax, first * columns, levelMax, b * columns, columns);
                System.arraycopy(sourceMin, first * columns, levelMin, b * columns, columns);
                for (int r = first + 1; r < last; r++) {
                    reduceInto(sourceMax, sourceMin, r * columns, levelMax, levelMin, b * columns, columns, skipNaN);
                }
            });
            maxLevels[k] = levelMax;
            minLevels[k] = levelMin;
            belowMax = levelMax;
            belowMin = levelMin;
            belowBlock = block;
        }
    }

    /** The pyramid of {@code data}, or null when the grid is too small for one to pay off. */
    public static RowPyramid of(HeatmapData data) {
        return (long) data.rows() * data.columns() >= WORTH_BUILDING_CELLS && data.rows() > (1 << FIRST_LEVEL)
                ? new RowPyramid(data)
                : null;
    }

    /** The heatmap this pyramid was built from. */
    public HeatmapData data() {
        return data;
    }

    /**
     * Reduces rows {@code [from, to)} of columns {@code [firstColumn, firstColumn + count)} into {@code max} and
     * {@code min} (overwritten): the largest and smallest value of each column over those rows (NaN skipped; NaN
     * when every value is NaN), exactly as a pass over every row gives them.
     */
    void reduceRows(int from, int to, int firstColumn, int count, float[] max, float[] min) {
        boolean first = true;
        int r = from;
        while (r < to) {
            float[] sourceMax = data.valuesView();
            float[] sourceMin = sourceMax;
            int sourceRow = r;
            int next = r + 1;
            for (int k = maxLevels.length - 1; k >= 0; k--) {
                int block = 1 << (k + FIRST_LEVEL);
                int end = Math.min(rows, r + block);
                if (r % block == 0 && end <= to) {
                    sourceMax = maxLevels[k];
                    sourceMin = minLevels[k];
                    sourceRow = r / block;
                    next = end;
                    break;
                }
            }
            int offset = sourceRow * columns + firstColumn;
            if (first) {
                System.arraycopy(sourceMax, offset, max, 0, count);
                System.arraycopy(sourceMin, offset, min, 0, count);
                first = false;
            } else {
                reduceInto(sourceMax, sourceMin, offset, max, min, 0, count, skipNaN);
            }
            r = next;
        }
    }

    /** The same reduction over every row (no pyramid). */
    static void reduceRows(float[] values, int columns, boolean skipNaN, int from, int to, int firstColumn,
            int count, float[] max, float[] min) {
        int offset = from * columns + firstColumn;
        System.arraycopy(values, offset, max, 0, count);
        System.arraycopy(values, offset, min, 0, count);
        for (int r = from + 1; r < to; r++) {
            reduceInto(values, values, r * columns + firstColumn, max, min, 0, count, skipNaN);
        }
    }

    private static void reduceInto(float[] sourceMax, float[] sourceMin, int sourceOffset, float[] max, float[] min,
            int targetOffset, int count, boolean skipNaN) {
        if (skipNaN) {
            for (int c = 0; c < count; c++) {
                float hi = sourceMax[sourceOffset + c];
                float lo = sourceMin[sourceOffset + c];
                float m = max[targetOffset + c];
                float n = min[targetOffset + c];
                max[targetOffset + c] = hi > m || m != m ? hi : m; // a NaN never wins over a number
                min[targetOffset + c] = lo < n || n != n ? lo : n;
            }
        } else {
            // Math.max/min compile to vector instructions; without NaN in the data they are exact
            for (int c = 0; c < count; c++) {
                max[targetOffset + c] = Math.max(max[targetOffset + c], sourceMax[sourceOffset + c]);
                min[targetOffset + c] = Math.min(min[targetOffset + c], sourceMin[sourceOffset + c]);
            }
        }
    }
}
