package io.mechanist.heatmap.render;

import java.util.ArrayList;
import java.util.List;

import io.mechanist.heatmap.ValueRange;
import io.mechanist.heatmap.color.ColorScale;

/**
 * A vertical colour bar (maximum at the top) and its labels: both ends of the range, labelled with their exact values
 * (3 significant digits), and "nice" values (1, 2, 5 x 10^k steps) in between that do not crowd the ends.
 */
public final class ColorBar {

    /** One label on the bar. {@code fraction} is 0 at the bottom (range min) and 1 at the top (range max). */
    public record Tick(double value, double fraction, String label) {
    }

    private ColorBar() {
    }

    /** Fills {@code out[y * width + x]}: row 0 is the range maximum, the last row the minimum. */
    public static void render(ColorScale scale, int width, int height, int[] out) {
        if (width <= 0 || height <= 0 || out.length < width * height) {
            throw new IllegalArgumentException("Bad colour bar size " + width + " x " + height);
        }
        ValueRange range = scale.range();
        for (int y = 0; y < height; y++) {
            double t = height == 1 ? 1 : 1 - (double) y / (height - 1);
            int argb = scale.argb((float) (range.min() + t * range.span()));
            int offset = y * width;
            for (int x = 0; x < width; x++) {
                out[offset + x] = argb;
            }
        }
    }

    /**
     * Labels for a bar showing {@code range}, at most about {@code maxTicks} of them (at least the two ends), sorted
     * from the minimum to the maximum.
     */
    public static List<Tick> ticks(ValueRange range, int maxTicks) {
        List<Tick> ticks = new ArrayList<>();
        ticks.add(new Tick(range.min(), 0, ValueFormat.significant(range.min(), 3)));
        int inner = Math.max(0, maxTicks - 2);
        if (inner > 0) {
            double step = niceStep(range.span() / (inner + 1));
            double first = Math.ceil(range.min() / step) * step;
            double gap = 0.08 * range.span(); // keep inner labels from crowding the end labels
            for (double v = first; v <= range.max() + step * 1e-9; v += step) {
                double value = Math.abs(v) < step * 1e-9 ? 0 : v;
                if (value - range.min() >= gap && range.max() - value >= gap) {
                    ticks.add(new Tick(value, (value - range.min()) / range.span(), ValueFormat.tick(value, step)));
                }
            }
        }
        ticks.add(new Tick(range.max(), 1, ValueFormat.significant(range.max(), 3)));
        return ticks;
    }

    /** The smallest of 1, 2, 5 x 10^k that is {@code >= rough}. */
    static double niceStep(double rough) {
        double exponent = Math.floor(Math.log10(rough));
        double base = Math.pow(10, exponent);
        double f = rough / base;
        double nice = f <= 1 ? 1 : f <= 2 ? 2 : f <= 5 ? 5 : 10;
        return nice * base;
    }
}
