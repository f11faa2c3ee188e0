package io.mechanist.heatmap.color;

import java.util.Objects;

/**
 * A colour map as a lookup table of opaque ARGB colours, built from evenly spaced control colours by linear
 * interpolation in CIE L*a*b* (so lightness changes linearly between control points and a map whose control points
 * rise in lightness is monotonic in lightness).
 */
public final class ColorMap {

    private final String name;
    private final int[] lut;
    private final int nanColor;

    private ColorMap(String name, int[] lut, int nanColor) {
        this.name = name;
        this.lut = lut;
        this.nanColor = nanColor;
    }

    /**
     * Builds a map of {@code size} entries from {@code controlRgb} (0xRRGGBB, at least 2), placed at
     * {@code t = i / (controlRgb.length - 1)}; entry {@code k} holds the colour at {@code t = k / (size - 1)}.
     */
    public static ColorMap fromControlPoints(String name, int[] controlRgb, int size, int nanRgb) {
        Objects.requireNonNull(name);
        if (controlRgb.length < 2 || size < 2) {
            throw new IllegalArgumentException("A colour map needs >= 2 control points and >= 2 entries");
        }
        double[][] lab = new double[controlRgb.length][];
        for (int i = 0; i < controlRgb.length; i++) {
            lab[i] = Lab.fromRgb(controlRgb[i]);
        }
        int segments = controlRgb.length - 1;
        int[] lut = new int[size];
        for (int k = 0; k < size; k++) {
            double t = (double) k / (size - 1) * segments;
            int seg = Math.min((int) Math.floor(t), segments - 1);
            double f = t - seg;
            double[] a = lab[seg];
            double[] b = lab[seg + 1];
            if (f == 0) {
                lut[k] = 0xFF000000 | controlRgb[seg];
            } else if (f == 1) {
                lut[k] = 0xFF000000 | controlRgb[seg + 1];
            } else {
                lut[k] = 0xFF000000 | Lab.toRgb(a[0] + f * (b[0] - a[0]), a[1] + f * (b[1] - a[1]),
                        a[2] + f * (b[2] - a[2]));
            }
        }
        return new ColorMap(name, lut, 0xFF000000 | nanRgb);
    }

    public String name() {
        return name;
    }

    public int size() {
        return lut.length;
    }

    /** The ARGB colour of entry {@code index}. */
    public int entry(int index) {
        return lut[index];
    }

    /** The colour for {@code t} in [0, 1] (clamped; nearest entry); NaN gives {@link #nanColor()}. */
    public int colorAt(double t) {
        if (Double.isNaN(t)) {
            return nanColor;
        }
        int i = (int) Math.round(t * (lut.length - 1));
        return lut[Math.max(0, Math.min(lut.length - 1, i))];
    }

    /** The colour drawn for undefined (NaN) cells. */
    public int nanColor() {
        return nanColor;
    }

    /** The table itself (shared; do not modify). */
    int[] table() {
        return lut;
    }
}
