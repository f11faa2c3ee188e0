package io.mechanist.heatmap.color;

import java.util.Objects;

import io.mechanist.heatmap.HeatmapData;
import io.mechanist.heatmap.ValueKind;
import io.mechanist.heatmap.ValueRange;

/** Maps values to colours: a {@link ColorMap} spread over a {@link ValueRange}; values outside clamp to the ends. */
public final class ColorScale {

    private final ColorMap map;
    private final ValueRange range;
    private final int[] lut;
    private final float min;
    private final float cellsPerUnit;

    public ColorScale(ColorMap map, ValueRange range) {
        this.map = Objects.requireNonNull(map);
        this.range = Objects.requireNonNull(range);
        this.lut = map.table();
        this.min = (float) range.min();
        this.cellsPerUnit = (float) ((lut.length - 1) / range.span());
    }

    /** The diverging map for {@link ValueKind#SIGNED} data, the sequential one otherwise, over its display range. */
    public static ColorScale forData(HeatmapData data) {
        return new ColorScale(data.kind() == ValueKind.SIGNED ? ColorMaps.BLUE_WHITE_RED : ColorMaps.VIRIDIS_LIKE,
                data.displayRange());
    }

    public ColorMap map() {
        return map;
    }

    public ValueRange range() {
        return range;
    }

    /** The opaque ARGB colour of {@code value} (nearest table entry; NaN gives the map's NaN colour). */
    public int argb(float value) {
        if (value != value) {
            return map.nanColor();
        }
        float index = (value - min) * cellsPerUnit + 0.5f;
        if (index <= 0) {
            return lut[0];
        }
        int i = (int) index;
        return i >= lut.length ? lut[lut.length - 1] : lut[i];
    }
}
