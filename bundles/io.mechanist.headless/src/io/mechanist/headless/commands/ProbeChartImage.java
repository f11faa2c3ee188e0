package io.mechanist.headless.commands;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.Stroke;
import java.awt.geom.AffineTransform;
import java.awt.geom.Path2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

import javax.imageio.ImageIO;

import io.mechanist.probes.chart.AccuracyChart;

/**
 * Draws the accuracy-by-position chart with java.awt, from the same {@link AccuracyChart} series as the workbench
 * view: lines per layer with translucent 95% bands, dashed control and chance, dotted read-out, token labels.
 */
final class ProbeChartImage {

    private static final int WIDTH = 1200;
    private static final int HEIGHT = 720;
    private static final int LEFT = 70;
    private static final int RIGHT = 30;
    private static final int TOP = 50;

    private ProbeChartImage() {
    }

    static BufferedImage draw(String title, List<String> categories, List<AccuracyChart.Series> series) {
        BufferedImage image = new BufferedImage(WIDTH, HEIGHT, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, WIDTH, HEIGHT);
            g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
            FontMetrics fm = g.getFontMetrics();
            int legendRows = (series.size() + 2) / 3;
            int labelSpace = 10 + categories.stream().mapToInt(fm::stringWidth).max().orElse(0);
            int bottom = HEIGHT - 30 - legendRows * (fm.getHeight() + 4) - Math.min(labelSpace, 160);
            int plotW = WIDTH - LEFT - RIGHT;
            int plotH = bottom - TOP;
            int n = categories.size();
            Axis axis = new Axis(LEFT, TOP, plotW, plotH, n);

            g.setColor(Color.BLACK);
            g.setFont(g.getFont().deriveFont(Font.BOLD, 14f));
            g.drawString(title, LEFT, TOP - 20);
            g.setFont(g.getFont().deriveFont(Font.PLAIN, 12f));
            for (int t = 0; t <= 5; t++) { // value grid every 0.2
                double v = t / 5.0;
                int y = axis.y(v);
                g.setColor(new Color(0xDDDDDD));
                g.drawLine(LEFT, y, LEFT + plotW, y);
                g.setColor(Color.DARK_GRAY);
                String text = String.format(java.util.Locale.ROOT, "%.1f", v);
                g.drawString(text, LEFT - 8 - fm.stringWidth(text), y + fm.getAscent() / 2);
            }
            g.setColor(Color.BLACK);
            g.drawRect(LEFT, TOP, plotW, plotH);
            AffineTransform plain = g.getTransform();
            for (int k = 0; k < n; k++) { // token labels, vertical
                int x = axis.x(k);
                g.drawLine(x, bottom, x, bottom + 4);
                g.translate(x + fm.getAscent() / 2 - 1, bottom + 8);
                g.rotate(Math.PI / 2);
                g.drawString(categories.get(k), 0, 0);
                g.setTransform(plain);
            }
            g.translate(18, TOP + plotH / 2);
            g.rotate(-Math.PI / 2);
            g.drawString("accuracy", -fm.stringWidth("accuracy") / 2, 0);
            g.setTransform(plain);

            for (AccuracyChart.Series s : series) { // bands behind lines
                if (s.hasBand()) {
                    g.setColor(new Color((s.rgb() >> 16) & 0xff, (s.rgb() >> 8) & 0xff, s.rgb() & 0xff, 60));
                    fillBand(g, axis, s.bandLow(), s.bandHigh());
                }
            }
            for (AccuracyChart.Series s : series) {
                g.setColor(new Color(s.rgb()));
                g.setStroke(stroke(s.stroke()));
                Path2D.Double path = new Path2D.Double();
                boolean pen = false;
                for (int k = 0; k < n; k++) {
                    double v = s.values()[k];
                    if (Double.isNaN(v)) {
                        pen = false;
                        continue;
                    }
                    if (pen) {
                        path.lineTo(axis.x(k), axis.y(v));
                    } else {
                        path.moveTo(axis.x(k), axis.y(v));
                        pen = true;
                    }
                }
                g.draw(path);
            }
            g.setStroke(new BasicStroke(1));
            int legendTop = HEIGHT - 20 - legendRows * (fm.getHeight() + 4) + fm.getAscent();
            int column = plotW / 3;
            for (int i = 0; i < series.size(); i++) {
                AccuracyChart.Series s = series.get(i);
                int x = LEFT + (i % 3) * column;
                int y = legendTop + (i / 3) * (fm.getHeight() + 4);
                g.setColor(new Color(s.rgb()));
                g.setStroke(stroke(s.stroke()));
                g.drawLine(x, y - fm.getAscent() / 2 + 1, x + 28, y - fm.getAscent() / 2 + 1);
                g.setStroke(new BasicStroke(1));
                g.setColor(Color.BLACK);
                g.drawString(s.legend(), x + 34, y);
            }
        } finally {
            g.dispose();
        }
        return image;
    }

    static void write(BufferedImage image, Path file) throws IOException {
        if (!ImageIO.write(image, "png", file.toFile())) {
            throw new IOException("no PNG writer available for " + file);
        }
    }

    private static Stroke stroke(AccuracyChart.Stroke kind) {
        return switch (kind) {
            case SOLID -> new BasicStroke(2.2f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND);
            case DASHED -> new BasicStroke(1.2f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_ROUND, 10, new float[] {6, 4},
                    0);
            case DOTTED -> new BasicStroke(1.4f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND, 10, new float[] {1, 3},
                    0);
        };
    }

    private static void fillBand(Graphics2D g, Axis axis, double[] low, double[] high) {
        int k = 0;
        while (k < low.length) {
            while (k < low.length && (Double.isNaN(low[k]) || Double.isNaN(high[k]))) {
                k++;
            }
            int end = k;
            while (end < low.length && !Double.isNaN(low[end]) && !Double.isNaN(high[end])) {
                end++;
            }
            if (end > k) {
                Path2D.Double band = new Path2D.Double();
                band.moveTo(axis.x(k) - (end - k == 1 ? 2 : 0), axis.y(high[k]));
                for (int i = k + 1; i < end; i++) {
                    band.lineTo(axis.x(i), axis.y(high[i]));
                }
                band.lineTo(axis.x(end - 1) + (end - k == 1 ? 2 : 0), axis.y(high[end - 1]));
                band.lineTo(axis.x(end - 1) + (end - k == 1 ? 2 : 0), axis.y(low[end - 1]));
                for (int i = end - 2; i > k; i--) {
                    band.lineTo(axis.x(i), axis.y(low[i]));
                }
                band.lineTo(axis.x(k) - (end - k == 1 ? 2 : 0), axis.y(low[k]));
                band.closePath();
                g.fill(band);
            }
            k = end;
        }
    }

    /** Category index and accuracy (0..1) to pixels. */
    private record Axis(int left, int top, int width, int height, int categories) {
        int x(int category) {
            return left + (int) Math.round((category + 0.5) * width / categories);
        }

        int y(double value) {
            return top + (int) Math.round((1 - value) * height);
        }
    }
}
