package io.mechanist.headless.commands;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

import javax.imageio.ImageIO;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;

/**
 * A steering sweep as a PNG without SWT: mean P(matching answer) against the multiplier (in units of the layer's
 * mean residual norm), one solid line per layer for the steering vector, dashed in the same colour for its random
 * control of equal norm.
 */
final class SweepChartImage {

    private static final Color[] LAYER_COLOURS = { new Color(0x0072B2), new Color(0xD55E00), new Color(0x009E73),
            new Color(0xCC79A7), new Color(0xE69F00), new Color(0x56B4E9), new Color(0x000000), new Color(0xF0E442) };

    private SweepChartImage() {
    }

    /** {@code rows}: the steer verb's JSON rows (vector, layer, multiplier, meanP). */
    static void write(JsonArray rows, String title, Path png) throws IOException {
        Map<String, TreeMap<Double, Double>> series = new TreeMap<>();
        double minX = Double.POSITIVE_INFINITY;
        double maxX = Double.NEGATIVE_INFINITY;
        for (JsonElement e : rows) {
            JsonObject row = e.getAsJsonObject();
            String key = String.format(Locale.ROOT, "%03d %s", row.get("layer").getAsInt(),
                    row.get("vector").getAsString());
            double x = row.get("multiplier").getAsDouble();
            series.computeIfAbsent(key, k -> new TreeMap<>()).put(x, row.get("meanP").getAsDouble());
            minX = Math.min(minX, x);
            maxX = Math.max(maxX, x);
        }
        int width = 1000;
        int height = 640;
        int left = 70;
        int right = 230;
        int top = 50;
        int bottom = 60;
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, width, height);
            g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 15));
            g.setColor(Color.BLACK);
            g.drawString(title, left, 28);
            g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
            int plotW = width - left - right;
            int plotH = height - top - bottom;
            double spanX = maxX > minX ? maxX - minX : 1;
            for (int i = 0; i <= 10; i++) {
                double p = i / 10.0;
                int y = top + (int) Math.round((1 - p) * plotH);
                g.setColor(new Color(0xE0E0E0));
                g.drawLine(left, y, left + plotW, y);
                g.setColor(Color.DARK_GRAY);
                g.drawString(String.format(Locale.ROOT, "%.1f", p), left - 30, y + 4);
            }
            List<Double> ticks = new ArrayList<>(series.isEmpty() ? List.of() : series.values().iterator().next()
                    .keySet());
            for (double x : ticks) {
                int px = left + (int) Math.round((x - minX) / spanX * plotW);
                g.setColor(Color.DARK_GRAY);
                g.drawString(String.format(Locale.ROOT, "%.1f", x), px - 10, top + plotH + 18);
            }
            g.drawRect(left, top, plotW, plotH);
            g.drawString("multiplier (x mean residual norm at the layer)", left + plotW / 2 - 130, height - 20);
            g.drawString("mean P(matching answer)", 5, top - 10);
            int legendY = top + 10;
            for (Map.Entry<String, TreeMap<Double, Double>> entry : series.entrySet()) {
                String[] key = entry.getKey().split(" ");
                int layer = Integer.parseInt(key[0]);
                boolean control = key[1].equals("control");
                Color colour = LAYER_COLOURS[layer % LAYER_COLOURS.length];
                g.setColor(colour);
                g.setStroke(control ? new BasicStroke(1.5f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_ROUND, 1,
                        new float[] { 6, 4 }, 0) : new BasicStroke(2.5f));
                int lastX = -1;
                int lastY = -1;
                for (Map.Entry<Double, Double> point : entry.getValue().entrySet()) {
                    int px = left + (int) Math.round((point.getKey() - minX) / spanX * plotW);
                    int py = top + (int) Math.round((1 - point.getValue()) * plotH);
                    if (lastX >= 0) {
                        g.drawLine(lastX, lastY, px, py);
                    }
                    lastX = px;
                    lastY = py;
                }
                g.drawLine(left + plotW + 15, legendY, left + plotW + 45, legendY);
                g.setColor(Color.BLACK);
                g.drawString("layer " + layer + (control ? " random control" : " steering"), left + plotW + 52,
                        legendY + 4);
                legendY += 20;
            }
        } finally {
            g.dispose();
        }
        ImageIO.write(image, "png", png.toFile());
    }
}
