package io.mechanist.heatmap.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.mechanist.heatmap.HeatmapData;
import io.mechanist.heatmap.ValueKind;
import io.mechanist.heatmap.ValueRange;
import io.mechanist.heatmap.color.ColorScale;
import io.mechanist.heatmap.export.HeatmapExport;
import io.mechanist.heatmap.export.HeatmapImage;
import io.mechanist.heatmap.render.ColorBar;

class ColorBarAndExportTest {

    @Test
    void colourBarLabelsBothEndsExactlyAndNiceValuesBetween() {
        List<ColorBar.Tick> ticks = ColorBar.ticks(ValueRange.symmetric(2.5), 7);
        assertEquals("-2.5", ticks.get(0).label());
        assertEquals("2.5", ticks.get(ticks.size() - 1).label());
        List<String> labels = ticks.stream().map(ColorBar.Tick::label).toList();
        assertEquals(List.of("-2.5", "-2", "-1", "0", "1", "2", "2.5"), labels);
        assertEquals(0.5, ticks.get(3).fraction(), 1e-12);
        assertEquals(List.of("-2.5", "0", "2.5"), ColorBar.ticks(ValueRange.symmetric(2.5), 3).stream()
                .map(ColorBar.Tick::label).toList());

        List<String> norms = ColorBar.ticks(new ValueRange(12.3456, 87.6543), 7).stream().map(ColorBar.Tick::label)
                .toList();
        assertEquals("12.3", norms.get(0));
        assertEquals("87.7", norms.get(norms.size() - 1));
        assertEquals(List.of("12.3", "20", "40", "60", "80", "87.7"), norms);

        int[] bar = new int[2 * 11];
        ColorScale scale = new ColorScale(io.mechanist.heatmap.color.ColorMaps.BLUE_WHITE_RED, ValueRange.symmetric(1));
        ColorBar.render(scale, 2, 11, bar);
        assertEquals(scale.argb(1f), bar[0], "top is the maximum");
        assertEquals(0xFFFFFFFF, bar[5 * 2], "middle is 0 = white");
        assertEquals(scale.argb(-1f), bar[10 * 2 + 1]);
    }

    @Test
    void pngIsReadableWithTheExpectedSizeAndCellColours(@TempDir Path folder) throws Exception {
        float[] values = { -3, 0, 1.5f, 3, 2, -1 };
        HeatmapData data = HeatmapData.builder("Projection onto refusal", values).subject("blocks.*.resid_post")
                .rows("layer", List.of("0", "1")).columns("position", List.of("<bos>", " Hello", ",")).units("projection")
                .kind(ValueKind.SIGNED).build();
        Path file = folder.resolve("map.png");
        HeatmapImage.Options options = new HeatmapImage.Options(300, 200);
        HeatmapImage.Rendered drawn = HeatmapExport.writePng(data, options, file);
        BufferedImage read = ImageIO.read(file.toFile());
        assertEquals(drawn.image().getWidth(), read.getWidth());
        assertEquals(drawn.image().getHeight(), read.getHeight());
        assertEquals(300, drawn.plot().width);
        assertTrue(read.getWidth() > 300 + drawn.colorBar().width, "labels and bar around the plot");
        ColorScale scale = ColorScale.forData(data);
        for (int r = 0; r < 2; r++) {
            for (int c = 0; c < 3; c++) {
                int x = drawn.plot().x + c * 100 + 50;
                int y = drawn.plot().y + r * 100 + 50;
                assertEquals(Integer.toHexString(scale.argb(values[r * 3 + c])), Integer.toHexString(read.getRGB(x, y)),
                        "cell " + r + "," + c);
            }
        }
        assertEquals(0xFFFFFFFF, read.getRGB(drawn.plot().x + 150, drawn.plot().y + 50), "0 is white");
        int barTop = read.getRGB(drawn.colorBar().x + 5, drawn.colorBar().y);
        assertEquals(scale.argb(3f), barTop);
        assertEquals("-3", drawn.ticks().get(0).label());
        assertEquals("3", drawn.ticks().get(drawn.ticks().size() - 1).label());
        // text was drawn: dark pixels left of the plot (row labels) and below it (token labels)
        assertTrue(hasDarkPixel(read, 0, drawn.plot().y, drawn.plot().x - 1, drawn.plot().y + 200));
        assertTrue(hasDarkPixel(read, drawn.plot().x, drawn.plot().y + 201, drawn.plot().x + 300, read.getHeight()));
    }

    @Test
    void csvHoldsLabelsAndExactValues(@TempDir Path folder) throws Exception {
        float[] values = { 0.1f, Float.NaN, -7.25f, 1e-8f };
        HeatmapData data = HeatmapData.builder("t", values).rows("layer", List.of("0", "1"))
                .columns("position", List.of(" a,b", "\"q\"")).build();
        Path file = folder.resolve("map.csv");
        HeatmapExport.writeCsv(data, file);
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        assertEquals(List.of("layer\\position,\"0: a,b\",\"1:\"\"q\"\"\"", "0,0.1,", "1,-7.25,1.0E-8"), lines);
        assertEquals(-7.25f, Float.parseFloat(lines.get(2).split(",")[1]));
    }

    private static boolean hasDarkPixel(BufferedImage image, int x0, int y0, int x1, int y1) {
        for (int y = y0; y < Math.min(y1, image.getHeight()); y++) {
            for (int x = x0; x < Math.min(x1, image.getWidth()); x++) {
                int rgb = image.getRGB(x, y);
                if (((rgb >> 16) & 0xFF) < 100 && ((rgb >> 8) & 0xFF) < 100 && (rgb & 0xFF) < 100) {
                    return true;
                }
            }
        }
        return false;
    }
}
