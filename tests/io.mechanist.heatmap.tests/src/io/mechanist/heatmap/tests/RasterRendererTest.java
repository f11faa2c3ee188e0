package io.mechanist.heatmap.tests;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Collections;
import java.util.Random;
import java.util.List;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

import io.mechanist.heatmap.HeatmapData;
import io.mechanist.heatmap.ValueKind;
import io.mechanist.heatmap.color.ColorScale;
import io.mechanist.heatmap.render.DataWindow;
import io.mechanist.heatmap.render.RasterRenderer;
import io.mechanist.heatmap.render.RowPyramid;

class RasterRendererTest {

    static HeatmapData grid(int rows, int columns, float[] values, ValueKind kind) {
        return HeatmapData.builder("test", values)
                .rows("row", IntStream.range(0, rows).mapToObj(Integer::toString).toList())
                .columns("position", Collections.nCopies(columns, "t")).kind(kind).build();
    }

    @Test
    void eachCellGetsItsColourWhenPixelsOutnumberCells() {
        float[] values = { -2, -1, 0, 1, 2, 0.5f };
        HeatmapData data = grid(2, 3, values, ValueKind.SIGNED);
        ColorScale scale = ColorScale.forData(data);
        int[] out = new int[30 * 20];
        RasterRenderer.render(data, DataWindow.all(2, 3), scale, 30, 20, out);
        for (int r = 0; r < 2; r++) {
            for (int c = 0; c < 3; c++) {
                for (int y = r * 10; y < r * 10 + 10; y++) {
                    for (int x = c * 10; x < c * 10 + 10; x++) {
                        assertEquals(scale.argb(values[r * 3 + c]), out[y * 30 + x], "pixel " + x + "," + y);
                    }
                }
            }
        }
    }

    @Test
    void aggregationKeepsASingleSpikeOfEitherSign() {
        int columns = 10_000;
        int rows = 64;
        float[] values = new float[rows * columns];
        for (int i = 0; i < values.length; i++) {
            values[i] = 0.01f * (float) Math.sin(i);
        }
        values[37 * columns + 7_777] = -50f;
        values[5 * columns + 123] = 20f;
        HeatmapData data = grid(rows, columns, values, ValueKind.SIGNED);
        ColorScale scale = ColorScale.forData(data);
        int width = 100;
        int height = 8;
        int[] out = new int[width * height];
        RasterRenderer.render(data, DataWindow.all(rows, columns), scale, width, height, out);
        float[] shown = RasterRenderer.pixelValues(data, DataWindow.all(rows, columns), width, height);
        // pixel x covers columns [100x, 100x + 100), pixel y covers rows [8y, 8y + 8)
        assertEquals(-50f, shown[4 * width + 77]);
        assertEquals(scale.argb(-50f), out[4 * width + 77]);
        assertEquals(20f, shown[0 * width + 1]);
        assertEquals(scale.argb(20f), out[1]);
        assertArrayEquals(new int[] { 37, 7_777 }, RasterRenderer.shownCell(data, DataWindow.all(rows, columns),
                width, height, 77, 4));
        // everywhere else the small values stay near white
        assertTrue(Math.abs(shown[2 * width + 50]) <= 0.01f);
        // an average would have lost the spike: mean over its pixel is about -50 / 800
        assertTrue(Math.abs(-50f / 800) < 0.1f);
    }

    @Test
    void zoomedWindowShowsOnlyItsCells() {
        float[] values = new float[10 * 10];
        for (int i = 0; i < values.length; i++) {
            values[i] = i;
        }
        HeatmapData data = grid(10, 10, values, ValueKind.MAGNITUDE);
        DataWindow window = new DataWindow(2, 2, 5, 4, 10, 10);
        float[] shown = RasterRenderer.pixelValues(data, window, 8, 4);
        assertEquals(25f, shown[0]);
        assertEquals(28f, shown[7]);
        assertEquals(38f, shown[3 * 8 + 7]);
        assertThrows(IllegalArgumentException.class,
                () -> RasterRenderer.render(data, DataWindow.all(3, 3), ColorScale.forData(data), 4, 4, new int[16]));
        assertThrows(IllegalArgumentException.class,
                () -> RasterRenderer.render(data, window, ColorScale.forData(data), 4, 4, new int[15]));
    }

    @Test
    void undefinedCellsAreGreyUnlessANeighbourIsDefined() {
        float[] values = { Float.NaN, Float.NaN, Float.NaN, 3f };
        HeatmapData data = grid(1, 4, values, ValueKind.MAGNITUDE);
        ColorScale scale = ColorScale.forData(data);
        int[] out = new int[2];
        RasterRenderer.render(data, DataWindow.all(1, 4), scale, 2, 1, out);
        assertEquals(scale.map().nanColor(), out[0]);
        assertEquals(scale.argb(3f), out[1]);
    }

    @Test
    void windowsZoomAroundTheAnchorAndPanWithinTheGrid() {
        DataWindow all = DataWindow.all(48, 4096);
        DataWindow zoomed = all.zoom(4, 0.5, 0.25, false, true);
        assertEquals(48, zoomed.rowCount());
        assertEquals(1024, zoomed.columnCount());
        assertEquals(1024 - 256, zoomed.firstColumn(), "column 1024 stays under the anchor at a quarter");
        DataWindow panned = zoomed.pan(0, 10_000);
        assertEquals(4096 - 1024, panned.firstColumn());
        assertEquals(0, panned.pan(-5, -10_000).firstColumn());
        DataWindow tiny = DataWindow.all(3, 3).zoom(1000, 0.5, 0.5, true, true);
        assertEquals(1, tiny.rowCount());
        assertEquals(1, tiny.columnCount());
        assertTrue(tiny.zoom(0.001, 0.5, 0.5, true, true).isAll());
    }

    @Test
    void rowPyramidGivesTheSamePixelsAsReadingEveryCell() {
        Random random = new Random(11);
        for (boolean withNaN : new boolean[] { false, true }) {
            int rows = 1_000;
            int columns = 97;
            float[] values = new float[rows * columns];
            for (int i = 0; i < values.length; i++) {
                values[i] = (float) random.nextGaussian();
            }
            values[123 * columns + 5] = 9f;
            values[124 * columns + 5] = -9f; // a tie of magnitudes: the positive value is shown
            if (withNaN) {
                for (int i = 0; i < values.length; i += 7) {
                    values[i] = Float.NaN;
                }
                for (int r = 600; r < 700; r++) {
                    values[r * columns + 40] = Float.NaN; // a column undefined over a whole band
                }
            }
            HeatmapData data = grid(rows, columns, values, ValueKind.SIGNED);
            RowPyramid pyramid = RowPyramid.of(data);
            assertTrue(pyramid != null, "a grid of 97,000 cells gets a pyramid");
            ColorScale scale = ColorScale.forData(data);
            DataWindow all = DataWindow.all(rows, columns);
            List<DataWindow> windows = List.of(all, new DataWindow(3, 997, 1, 90, rows, columns),
                    new DataWindow(117, 301, 0, columns, rows, columns), new DataWindow(600, 100, 40, 1, rows, columns));
            for (DataWindow window : windows) {
                for (int[] size : new int[][] { { 40, 37 }, { 97, 9 }, { 13, 200 }, { 200, 1 } }) {
                    int width = size[0];
                    int height = size[1];
                    int[] direct = new int[width * height];
                    int[] fast = new int[width * height];
                    RasterRenderer.render(data, null, window, scale, width, height, direct);
                    RasterRenderer.render(data, pyramid, window, scale, width, height, fast);
                    float[] expected = largestMagnitudePerPixel(values, columns, window, width, height);
                    for (int p = 0; p < expected.length; p++) {
                        String where = window + " at " + width + "x" + height + " pixel " + p;
                        assertEquals(scale.argb(expected[p]), direct[p], where);
                        assertEquals(scale.argb(expected[p]), fast[p], where);
                    }
                }
            }
            assertThrows(IllegalArgumentException.class, () -> RasterRenderer.render(
                    grid(rows, columns, values.clone(), ValueKind.SIGNED), pyramid, all, scale, 10, 10, new int[100]));
        }
    }

    /** Independent reference: every covered cell read in double, largest |v| kept (ties: positive), NaN skipped. */
    private static float[] largestMagnitudePerPixel(float[] values, int columns, DataWindow w, int width,
            int height) {
        float[] out = new float[width * height];
        for (int y = 0; y < height; y++) {
            int r0 = w.firstRow() + (int) ((long) y * w.rowCount() / height);
            int r1 = Math.max(r0 + 1, w.firstRow() + (int) ((long) (y + 1) * w.rowCount() / height));
            for (int x = 0; x < width; x++) {
                int c0 = w.firstColumn() + (int) ((long) x * w.columnCount() / width);
                int c1 = Math.max(c0 + 1, w.firstColumn() + (int) ((long) (x + 1) * w.columnCount() / width));
                double best = Double.NaN;
                for (int r = r0; r < r1; r++) {
                    for (int c = c0; c < c1; c++) {
                        double v = values[r * columns + c];
                        if (!Double.isNaN(v) && (Double.isNaN(best) || Math.abs(v) > Math.abs(best)
                                || (Math.abs(v) == Math.abs(best) && v > best))) {
                            best = v;
                        }
                    }
                }
                out[y * width + x] = (float) best;
            }
        }
        return out;
    }
}
