package io.mechanist.heatmap.export;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import javax.imageio.ImageIO;

import io.mechanist.heatmap.HeatmapData;

/** Writes heatmaps as PNG pictures (what the view shows, with labels and colour bar) and as CSV tables. */
public final class HeatmapExport {

    private HeatmapExport() {
    }

    /** Writes the picture of {@link HeatmapImage#render} to {@code file} as PNG; returns the layout drawn. */
    public static HeatmapImage.Rendered writePng(HeatmapData data, HeatmapImage.Options options, Path file)
            throws IOException {
        HeatmapImage.Rendered rendered = HeatmapImage.render(data, options);
        if (!ImageIO.write(rendered.image(), "png", file.toFile())) {
            throw new IOException("No PNG writer available to write " + file);
        }
        return rendered;
    }

    /**
     * Writes the values as CSV (RFC 4180, UTF-8): a header of {@code "<rowAxis>\<columnAxis>"} followed by one cell per
     * column, {@code "<position>:<token>"} (the token exactly as decoded, quoted when needed); then one line per row,
     * its label followed by the values ({@link Float#toString}, which reads back to the same float; empty for NaN).
     */
    public static void writeCsv(HeatmapData data, Path file) throws IOException {
        try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            writeCsv(data, out);
        }
    }

    public static void writeCsv(HeatmapData data, Writer out) throws IOException {
        StringBuilder line = new StringBuilder();
        line.append(cell(data.rowAxis() + "\\" + data.columnAxis()));
        for (int c = 0; c < data.columns(); c++) {
            line.append(',').append(cell(data.columnPosition(c) + ":" + data.columnLabels().get(c)));
        }
        out.write(line.append("\r\n").toString());
        float[] values = data.valuesView();
        for (int r = 0; r < data.rows(); r++) {
            line.setLength(0);
            line.append(cell(data.rowLabels().get(r)));
            int base = r * data.columns();
            for (int c = 0; c < data.columns(); c++) {
                float v = values[base + c];
                line.append(',');
                if (v == v) {
                    line.append(v);
                }
            }
            out.write(line.append("\r\n").toString());
        }
    }

    static String cell(String text) {
        boolean quote = text.indexOf(',') >= 0 || text.indexOf('"') >= 0 || text.indexOf('\n') >= 0
                || text.indexOf('\r') >= 0 || (!text.isEmpty()
                        && (Character.isWhitespace(text.charAt(0)) || Character.isWhitespace(text.charAt(text.length() - 1))));
        return quote ? '"' + text.replace("\"", "\"\"") + '"' : text;
    }

}
