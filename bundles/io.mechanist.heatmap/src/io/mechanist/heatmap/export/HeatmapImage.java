package io.mechanist.heatmap.export;

import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.Rectangle;
import java.awt.RenderingHints;
import java.awt.geom.AffineTransform;
import java.awt.image.BufferedImage;
import java.util.List;

import io.mechanist.heatmap.HeatmapData;
import io.mechanist.heatmap.TokenText;
import io.mechanist.heatmap.color.ColorScale;
import io.mechanist.heatmap.render.ColorBar;
import io.mechanist.heatmap.render.DataWindow;
import io.mechanist.heatmap.render.RasterRenderer;

/**
 * The picture of a heatmap as an image file shows it: title, row labels on the left, the raster, token labels along
 * the position axis (every token when a column is at least a line high, otherwise every k-th), and the colour bar
 * with its labels on the right. Drawn with java.awt into a {@link BufferedImage}; needs no display.
 */
public final class HeatmapImage {

    /**
     * Pixel size of the plot area; the whole image adds the margins for labels and the colour bar.
     *
     * @param plotWidth  pixels for the columns (fewer than columns: pixels show max-|value| aggregates)
     * @param plotHeight pixels for the rows
     */
    public record Options(int plotWidth, int plotHeight) {
        public Options {
            if (plotWidth <= 0 || plotHeight <= 0 || plotWidth > 16384 || plotHeight > 16384) {
                throw new IllegalArgumentException("Plot size must be in 1..16384, got " + plotWidth + " x "
                        + plotHeight);
            }
        }

        /**
         * Up to 16 px per column and 12 px per row, at most 2400 x 1600 px (beyond that, cells aggregate).
         * With few cells the plot still gets at least 160 px each way.
         */
        public static Options forData(HeatmapData data) {
            return new Options(size(data.columns(), 16, 2400), size(data.rows(), 12, 1600));
        }

        private static int size(int cells, int maxCellPx, int maxPx) {
            int cell = Math.max(1, Math.min(maxCellPx, maxPx / cells));
            int px = Math.min(cells * cell, maxPx);
            return px >= 160 ? px : cells * Math.max(cell, (160 + cells - 1) / cells);
        }
    }

    /** A drawn image and where its plot area and colour bar lie in it. */
    public record Rendered(BufferedImage image, Rectangle plot, Rectangle colorBar, List<ColorBar.Tick> ticks) {
    }

    private static final int MARGIN = 10;
    private static final int BAR_WIDTH = 18;
    private static final int MAX_LABEL_PX = 110;
    private static final Font FONT = new Font(Font.SANS_SERIF, Font.PLAIN, 12);
    private static final Font TITLE_FONT = new Font(Font.SANS_SERIF, Font.BOLD, 14);

    private HeatmapImage() {
    }

    public static Rendered render(HeatmapData data, Options options) {
        ColorScale scale = ColorScale.forData(data);
        List<ColorBar.Tick> ticks = ColorBar.ticks(scale.range(), 7);
        BufferedImage scratch = new BufferedImage(1, 1, BufferedImage.TYPE_INT_ARGB);
        Graphics2D measure = scratch.createGraphics();
        FontMetrics fm = measure.getFontMetrics(FONT);
        FontMetrics titleFm = measure.getFontMetrics(TITLE_FONT);
        int rowLabelWidth = 0;
        for (String label : data.rowLabels()) {
            rowLabelWidth = Math.max(rowLabelWidth, fm.stringWidth(rowLabel(data, label)));
        }
        rowLabelWidth = Math.min(rowLabelWidth, MAX_LABEL_PX);
        int tokenLabelHeight = 0;
        for (String token : data.columnLabels()) {
            tokenLabelHeight = Math.max(tokenLabelHeight, fm.stringWidth(TokenText.label(token)));
        }
        tokenLabelHeight = Math.min(tokenLabelHeight, MAX_LABEL_PX);
        int tickWidth = 0;
        for (ColorBar.Tick t : ticks) {
            tickWidth = Math.max(tickWidth, fm.stringWidth(t.label()));
        }
        measure.dispose();

        int lineHeight = fm.getHeight();
        int titleHeight = titleFm.getHeight() + lineHeight + 6;
        Rectangle plot = new Rectangle(MARGIN + rowLabelWidth + 6, MARGIN + titleHeight, options.plotWidth(),
                options.plotHeight());
        Rectangle bar = new Rectangle(plot.x + plot.width + 16, plot.y, BAR_WIDTH, plot.height);
        int width = bar.x + bar.width + 6 + Math.max(tickWidth, fm.stringWidth(data.units())) + MARGIN;
        int height = plot.y + plot.height + 6 + tokenLabelHeight + lineHeight + MARGIN;

        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_ARGB);
        Graphics2D g = image.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, width, height);
            g.setColor(Color.BLACK);
            g.setFont(TITLE_FONT);
            g.drawString(data.title(), MARGIN, MARGIN + titleFm.getAscent());
            g.setFont(FONT);
            g.drawString(data.subject() + "  (" + data.rows() + " " + data.rowAxis() + " x " + data.columns() + " "
                    + data.columnAxis() + ")", MARGIN, MARGIN + titleFm.getHeight() + fm.getAscent());

            int[] raster = new int[plot.width * plot.height];
            RasterRenderer.render(data, DataWindow.all(data.rows(), data.columns()), scale, plot.width, plot.height,
                    raster);
            image.setRGB(plot.x, plot.y, plot.width, plot.height, raster, 0, plot.width);
            int[] barPixels = new int[bar.width * bar.height];
            ColorBar.render(scale, bar.width, bar.height, barPixels);
            image.setRGB(bar.x, bar.y, bar.width, bar.height, barPixels, 0, bar.width);
            g.setColor(Color.GRAY);
            g.drawRect(bar.x - 1, bar.y - 1, bar.width + 1, bar.height + 1);

            g.setColor(Color.BLACK);
            drawRowLabels(g, fm, data, plot, rowLabelWidth);
            drawTokenLabels(g, fm, data, plot, tokenLabelHeight);
            for (ColorBar.Tick t : ticks) {
                int y = bar.y + (int) Math.round((1 - t.fraction()) * (bar.height - 1));
                g.drawLine(bar.x + bar.width, y, bar.x + bar.width + 3, y);
                int baseline = Math.max(bar.y + fm.getAscent() - 2,
                        Math.min(bar.y + bar.height, y + fm.getAscent() / 2));
                g.drawString(t.label(), bar.x + bar.width + 6, baseline);
            }
            g.drawString(data.units(), bar.x, bar.y - 4);
            g.drawString(data.columnAxis(), plot.x, height - MARGIN - fm.getDescent());
        } finally {
            g.dispose();
        }
        return new Rendered(image, plot, bar, ticks);
    }

    private static String rowLabel(HeatmapData data, String label) {
        return data.rowsAreTokens() ? TokenText.label(label) : label;
    }

    private static void drawRowLabels(Graphics2D g, FontMetrics fm, HeatmapData data, Rectangle plot, int maxWidth) {
        double rowPx = (double) plot.height / data.rows();
        int every = (int) Math.ceil(fm.getHeight() / rowPx);
        for (int r = 0; r < data.rows(); r += every) {
            String text = fit(fm, rowLabel(data, data.rowLabels().get(r)), maxWidth);
            int y = plot.y + (int) ((r + 0.5) * rowPx) + fm.getAscent() / 2 - 1;
            g.drawString(text, plot.x - 6 - fm.stringWidth(text), y);
        }
    }

    private static void drawTokenLabels(Graphics2D g, FontMetrics fm, HeatmapData data, Rectangle plot,
            int maxLength) {
        double columnPx = (double) plot.width / data.columns();
        int every = (int) Math.ceil(fm.getHeight() / columnPx);
        AffineTransform saved = g.getTransform();
        for (int c = 0; c < data.columns(); c += every) {
            String text = fit(fm, TokenText.label(data.columnLabels().get(c)), maxLength);
            int x = plot.x + (int) ((c + 0.5) * columnPx) + fm.getAscent() / 2 - 1;
            g.setTransform(saved);
            g.translate(x, plot.y + plot.height + 6);
            g.rotate(Math.PI / 2);
            g.drawString(text, 0, 0);
        }
        g.setTransform(saved);
    }

    private static String fit(FontMetrics fm, String text, int maxWidth) {
        if (fm.stringWidth(text) <= maxWidth) {
            return text;
        }
        String t = text;
        while (!t.isEmpty() && fm.stringWidth(t + "\u2026") > maxWidth) {
            t = t.substring(0, t.length() - 1);
        }
        return t + "\u2026";
    }
}
