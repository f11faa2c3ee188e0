package io.mechanist.devtools.bench;

import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.stream.IntStream;

import io.mechanist.heatmap.HeatmapData;
import io.mechanist.heatmap.ValueKind;
import io.mechanist.heatmap.color.ColorScale;
import io.mechanist.heatmap.render.DataWindow;
import io.mechanist.heatmap.render.RasterRenderer;
import io.mechanist.heatmap.render.RowPyramid;

/**
 * Cost of rendering a new window (first display, zoom, pan) with the raster renderer on the sizes the heatmap view
 * must handle, at a typical view size, reading every row and reading the {@link RowPyramid}, against two baselines
 * measured in the same run: filling the same int[] image with one colour, and one max() pass over every cell of the
 * grid (the memory traffic any renderer that looks at all cells must pay). Repaints that keep the window (expose,
 * tooltip, selection marker) only draw the cached image: see ImageDataBenchmark.
 * <p>
 * Usage: {@code java -cp <classes> io.mechanist.devtools.bench.HeatmapBenchmark [width height [repeats]]}
 */
public final class HeatmapBenchmark {

    private HeatmapBenchmark() {
    }

    public static void main(String[] args) {
        int width = args.length >= 2 ? Integer.parseInt(args[0]) : 1600;
        int height = args.length >= 2 ? Integer.parseInt(args[1]) : 900;
        int repeats = args.length >= 3 ? Integer.parseInt(args[2]) : 30;
        System.out.printf("Heatmap repaint benchmark: %d x %d px, %d repeats (median), %d cores, %s%n", width, height,
                repeats, Runtime.getRuntime().availableProcessors(), Runtime.version());
        int[] image = new int[width * height];
        double fill = median(repeats, () -> Arrays.fill(image, 0xFF123456 + (int) (System.nanoTime() & 1)));
        System.out.printf("baseline: fill of the %d x %d int[] image        %8.3f ms%n", width, height, fill);

        run("layer x position", grid(48, 4096, 1), width, height, repeats, fill);
        run("neuron x position", grid(8192, 2048, 2), width, height, repeats, fill);
    }

    private static void run(String name, HeatmapData data, int width, int height, int repeats, double fill) {
        int[] image = new int[width * height];
        ColorScale scale = ColorScale.forData(data);
        float[] values = data.valuesView();
        double[] sink = new double[1];
        double read = median(repeats, () -> sink[0] += maxAll(values));
        double build = median(Math.max(3, repeats / 3), () -> sink[0] += RowPyramid.of(data) == null ? 0 : 1);
        RowPyramid pyramid = RowPyramid.of(data);
        DataWindow all = DataWindow.all(data.rows(), data.columns());
        DataWindow quarter = all.zoom(2, 0.5, 0.5, true, true);
        DataWindow close = all.zoom(64, 0.5, 0.5, true, true);
        System.out.printf("%s, %d x %d cells (%.1f M):%n", name, data.rows(), data.columns(),
                data.rows() * (double) data.columns() / 1e6);
        System.out.printf("  baseline: one max() pass over every cell             %8.3f ms  (%.1fx fill)%n", read,
                read / fill);
        System.out.printf("  row pyramid, built once per heatmap                  %8.3f ms  (%.1fx fill)%s%n", build,
                build / fill, pyramid == null ? "  (grid too small: none built)" : "");
        for (DataWindow w : List.of(all, quarter, close)) {
            String what = w == all ? "whole grid" : w == quarter ? "zoom 2x" : "zoom 64x";
            double direct = median(repeats, () -> RasterRenderer.render(data, null, w, scale, width, height, image));
            double fast = median(repeats, () -> RasterRenderer.render(data, pyramid, w, scale, width, height, image));
            report(what + ", every row", w, direct, fill, read);
            report(what + ", pyramid", w, fast, fill, read);
        }
        // panning: a new window every frame, as a drag does
        DataWindow[] panned = new DataWindow[1];
        panned[0] = quarter;
        double pan = median(repeats, () -> {
            panned[0] = panned[0].pan(panned[0].rowCount() / 50 + 1, panned[0].columnCount() / 50 + 1);
            if (panned[0].firstRow() + panned[0].rowCount() == data.rows()) {
                panned[0] = quarter;
            }
            RasterRenderer.render(data, pyramid, panned[0], scale, width, height, image);
        });
        report("pan step of zoom 2x, pyramid", quarter, pan, fill, read);
        if (sink[0] == 42) {
            System.out.println();
        }
    }

    private static void report(String what, DataWindow w, double ms, double fill, double read) {
        System.out.printf("  new window: %-28s (%5d x %5d cells) %8.3f ms  (%.1fx fill, %.2fx read pass)%n", what,
                w.rowCount(), w.columnCount(), ms, ms / fill, ms / read);
    }

    private static double maxAll(float[] values) {
        float max = Float.NEGATIVE_INFINITY;
        for (float v : values) {
            max = Math.max(max, v);
        }
        return max;
    }

    private static HeatmapData grid(int rows, int columns, long seed) {
        float[] values = new float[rows * columns];
        IntStream.range(0, rows).parallel().forEach(r -> {
            Random random = new Random(seed * 1_000_003L + r);
            for (int c = 0; c < columns; c++) {
                values[r * columns + c] = (float) random.nextGaussian();
            }
        });
        List<String> rowLabels = IntStream.range(0, rows).mapToObj(Integer::toString).toList();
        return HeatmapData.builder("benchmark", values).rows("row", rowLabels)
                .columns("position", Collections.nCopies(columns, "tok")).kind(ValueKind.SIGNED).build();
    }

    private static double median(int repeats, Runnable work) {
        for (int i = 0; i < Math.max(5, repeats / 3); i++) {
            work.run(); // warm-up
        }
        double[] ms = new double[repeats];
        for (int i = 0; i < repeats; i++) {
            long t0 = System.nanoTime();
            work.run();
            ms[i] = (System.nanoTime() - t0) / 1e6;
        }
        Arrays.sort(ms);
        return ms[repeats / 2];
    }
}
