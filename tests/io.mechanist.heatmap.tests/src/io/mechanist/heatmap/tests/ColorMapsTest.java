package io.mechanist.heatmap.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

import io.mechanist.heatmap.ValueRange;
import io.mechanist.heatmap.color.ColorMap;
import io.mechanist.heatmap.color.ColorMaps;
import io.mechanist.heatmap.color.ColorScale;

class ColorMapsTest {

    @Test
    void divergingMapsZeroToWhiteAndTheSignsToBlueAndRed() {
        ColorScale scale = new ColorScale(ColorMaps.BLUE_WHITE_RED, ValueRange.symmetric(3.7));
        assertEquals(0xFFFFFFFF, scale.argb(0f));
        assertEquals(0xFF053061, scale.argb(-3.7f), "the darkest blue at the minimum");
        assertEquals(0xFF67001F, scale.argb(3.7f), "the darkest red at the maximum");
        assertEquals(0xFF67001F, scale.argb(100f), "clamped");
        int negative = scale.argb(-1f);
        int positive = scale.argb(1f);
        assertTrue(blue(negative) > red(negative), hex(negative));
        assertTrue(red(positive) > blue(positive), hex(positive));
        // symmetric: equal |value| gives equal lightness on both sides (within the map's own asymmetry)
        assertEquals(ColorMaps.lightness(negative), ColorMaps.lightness(positive), 8);
        assertEquals(0xFF9A9A9A, scale.argb(Float.NaN));
    }

    @Test
    void divergingLightnessPeaksAtTheCentre() {
        ColorMap map = ColorMaps.BLUE_WHITE_RED;
        int centre = (map.size() - 1) / 2;
        for (int i = 1; i <= centre; i++) {
            assertTrue(ColorMaps.lightness(map.entry(i)) >= ColorMaps.lightness(map.entry(i - 1)) - 1e-9, "entry " + i);
        }
        for (int i = centre + 1; i < map.size(); i++) {
            assertTrue(ColorMaps.lightness(map.entry(i)) <= ColorMaps.lightness(map.entry(i - 1)) + 1e-9, "entry " + i);
        }
    }

    @Test
    void sequentialMapRisesMonotonicallyInLightness() {
        ColorMap map = ColorMaps.VIRIDIS_LIKE;
        // L* is linear between control points before 8-bit rounding; rounding may cost neighbours up to ~0.05 L*
        // (invisible: one just-noticeable difference is about 1 L*), so: never darker by more than that, and
        // strictly lighter every 4 entries
        for (int i = 1; i < map.size(); i++) {
            double l = ColorMaps.lightness(map.entry(i));
            double before = ColorMaps.lightness(map.entry(i - 1));
            assertTrue(l >= before - 0.05, "entry " + i + " L*=" + l + " after " + before);
            if (i >= 4) {
                assertTrue(l > ColorMaps.lightness(map.entry(i - 4)), "entry " + i);
            }
        }
        assertTrue(ColorMaps.lightness(map.entry(map.size() - 1)) - ColorMaps.lightness(map.entry(0)) > 70);
        assertEquals(0xFF440154, map.entry(0));
        assertEquals(0xFFFDE725, map.entry(map.size() - 1));
        ColorScale scale = new ColorScale(map, new ValueRange(2, 10));
        assertEquals(map.entry(0), scale.argb(2f));
        assertEquals(map.entry(map.size() - 1), scale.argb(10f));
    }

    private static int red(int argb) {
        return (argb >> 16) & 0xFF;
    }

    private static int blue(int argb) {
        return argb & 0xFF;
    }

    private static String hex(int argb) {
        return Integer.toHexString(argb);
    }
}
