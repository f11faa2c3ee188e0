package io.mechanist.heatmap;

/**
 * A closed value interval {@code [min, max]} that a colour scale spreads over its colours.
 *
 * @param min the value shown with the first colour
 * @param max the value shown with the last colour, {@code > min}
 */
public record ValueRange(double min, double max) {

    public ValueRange {
        if (!Double.isFinite(min) || !Double.isFinite(max) || !(max > min)) {
            throw new IllegalArgumentException("A value range needs finite min < max, got [" + min + ", " + max + "]");
        }
    }

    /** {@code [-extent, extent]}; an extent of 0 (all values 0) becomes 1 so the scale stays defined. */
    public static ValueRange symmetric(double extent) {
        double e = Math.abs(extent);
        return new ValueRange(-(e > 0 ? e : 1), e > 0 ? e : 1);
    }

    /** {@code [min, max]}, widened to {@code [min, min + 1]} when all values are equal. */
    public static ValueRange spanning(double min, double max) {
        return max > min ? new ValueRange(min, max) : new ValueRange(min, min + 1);
    }

    public double span() {
        return max - min;
    }
}
