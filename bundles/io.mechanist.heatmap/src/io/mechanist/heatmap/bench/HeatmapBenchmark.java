package io.mechanist.heatmap.bench;

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

/**
 * Repaint cost of the raster renderer on the sizes the heatmap view must handle, at a typical view size, against
 * two baselines measured in the same run: filling the same int[] image with one colour, and one max() pass over
 * every cell of the grid (the memory traffic any renderer that looks at all cells must pay).
 * <p>
 * Usage: {@code java -cp <classes> io.mechanist.heatmap.bench.HeatmapBenchmark [width height [repeats]]}
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
        DataWindow all = DataWindow.all(data.rows(), data.columns());
        DataWindow quarter = all.zoom(2, 0.5, 0.5, true, true);
        DataWindow close = all.zoom(64, 0.5, 0.5, true, true);
        double whole = median(repeats, () -> RasterRenderer.render(data, all, scale, width, height, image));
        double zoomed = median(repeats, () -> RasterRenderer.render(data, quarter, scale, width, height, image));
        double near = median(repeats, () -> RasterRenderer.render(data, close, scale, width, height, image));
        System.out.printf("%s, %d x %d cells (%.1f M):%n", name, data.rows(), data.columns(),
                data.rows() * (double) data.columns() / 1e6);
        System.out.printf("  baseline: one max() pass over every cell         %8.3f ms  (%.1fx fill)%n", read,
                read / fill);
        report("whole grid", all, whole, fill, read);
        report("zoom 2x", quarter, zoomed, fill, read);
        report("zoom 64x", close, near, fill, read);
        if (sink[0] == 42) {
            System.out.println();
        }
    }

    private static void report(String what, DataWindow w, double ms, double fill, double read) {
        System.out.printf("  render %-10s (%5d x %5d cells)         %8.3f ms  (%.1fx fill, %.2fx read pass)%n", what,
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
