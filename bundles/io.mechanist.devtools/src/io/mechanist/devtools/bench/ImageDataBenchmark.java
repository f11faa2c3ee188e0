package io.mechanist.devtools.bench;

import java.util.Arrays;
import java.util.Collections;
import java.util.Random;
import java.util.stream.IntStream;

import org.eclipse.swt.graphics.GC;
import org.eclipse.swt.graphics.Image;
import org.eclipse.swt.widgets.Display;

import io.mechanist.heatmap.HeatmapData;
import io.mechanist.heatmap.ValueKind;
import io.mechanist.heatmap.color.ColorScale;
import io.mechanist.heatmap.render.DataWindow;
import io.mechanist.heatmap.render.RasterRenderer;
import io.mechanist.heatmap.render.RowPyramid;
import io.mechanist.ui.charts.RasterImages;

/**
 * The two paint paths of the heatmap canvas on the benchmark sizes, against a plain fill of the same int[] image
 * measured in the same run: a new window (first display, zoom, pan: render the raster, wrap it as ImageData, create
 * the SWT image, draw it into an off-screen image) and a repaint of the same window (expose, tooltip, selection
 * marker: draw the cached image). Needs a display (e.g. Xvfb). Usage:
 * {@code ImageDataBenchmark [width height [repeats]]}.
 */
public final class ImageDataBenchmark {

    private ImageDataBenchmark() {
    }

    public static void main(String[] args) {
        int width = args.length >= 2 ? Integer.parseInt(args[0]) : 1600;
        int height = args.length >= 2 ? Integer.parseInt(args[1]) : 900;
        int repeats = args.length >= 3 ? Integer.parseInt(args[2]) : 20;
        Display display = new Display();
        Image target = new Image(display, width, height);
        GC gc = new GC(target);
        try {
            int[] image = new int[width * height];
            double fill = median(repeats, () -> Arrays.fill(image, 0xFF000000 | (int) (System.nanoTime() & 0xFF)));
            double swtOnly = median(repeats, () -> drawImage(display, gc, image, width, height));
            System.out.printf("SWT repaint benchmark, %d x %d px, median of %d%n", width, height, repeats);
            System.out.printf("baseline: fill of the int[] image                  %8.3f ms%n", fill);
            System.out.printf("ImageData + Image + drawImage of a ready raster    %8.3f ms  (%.1fx fill)%n", swtOnly,
                    swtOnly / fill);
            for (int[] size : new int[][] { { 48, 4096 }, { 8192, 2048 } }) {
                HeatmapData data = grid(size[0], size[1]);
                ColorScale scale = ColorScale.forData(data);
                RowPyramid pyramid = RowPyramid.of(data);
                DataWindow all = DataWindow.all(data.rows(), data.columns());
                double direct = median(repeats, () -> {
                    RasterRenderer.render(data, null, all, scale, width, height, image);
                    drawImage(display, gc, image, width, height);
                });
                double fresh = median(repeats, () -> {
                    RasterRenderer.render(data, pyramid, all, scale, width, height, image);
                    drawImage(display, gc, image, width, height);
                });
                Image cached = new Image(display, RasterImages.toImageData(image, width, height));
                double repaint;
                try {
                    repaint = median(repeats, () -> gc.drawImage(cached, 0, 0));
                } finally {
                    cached.dispose();
                }
                System.out.printf("%5d x %5d cells:%n", size[0], size[1]);
                System.out.printf("  new window, every row read + Image + draw       %8.3f ms  (%.1fx fill)%n", direct,
                        direct / fill);
                System.out.printf("  new window, row pyramid + Image + draw          %8.3f ms  (%.1fx fill)%n", fresh,
                        fresh / fill);
                System.out.printf("  repaint, same window: draw of the cached Image  %8.3f ms  (%.1fx fill)%n",
                        repaint, repaint / fill);
            }
        } finally {
            gc.dispose();
            target.dispose();
            display.dispose();
        }
    }

    private static void drawImage(Display display, GC gc, int[] argb, int width, int height) {
        Image image = new Image(display, RasterImages.toImageData(argb, width, height));
        try {
            gc.drawImage(image, 0, 0);
        } finally {
            image.dispose();
        }
    }

    private static HeatmapData grid(int rows, int columns) {
        float[] values = new float[rows * columns];
        IntStream.range(0, rows).parallel().forEach(r -> {
            Random random = new Random(r);
            for (int c = 0; c < columns; c++) {
                values[r * columns + c] = (float) random.nextGaussian();
            }
        });
        return HeatmapData.builder("benchmark", values)
                .rows("row", IntStream.range(0, rows).mapToObj(Integer::toString).toList())
                .columns("position", Collections.nCopies(columns, "tok")).kind(ValueKind.SIGNED).build();
    }

    private static double median(int repeats, Runnable work) {
        for (int i = 0; i < Math.max(3, repeats / 3); i++) {
            work.run();
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
