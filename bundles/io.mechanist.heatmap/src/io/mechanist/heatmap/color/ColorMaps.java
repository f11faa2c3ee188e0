package io.mechanist.heatmap.color;

/** The colour maps of Mechanist's heatmaps. */
public final class ColorMaps {

    /** Neutral grey for undefined cells: not part of either map's ramp. */
    private static final int NAN_GREY = 0x9A9A9A;

    /**
     * Diverging blue - white - red for signed values: the eleven colours of ColorBrewer's RdBu scheme (Brewer,
     * colorbrewer2.org), reversed so that negative is blue, with the light-grey centre replaced by pure white. With
     * an odd table size the middle entry is exactly the centre, so 0 on a symmetric range maps to white.
     */
    public static final ColorMap BLUE_WHITE_RED = ColorMap.fromControlPoints("blue-white-red", new int[] {
            0x053061, 0x2166AC, 0x4393C3, 0x92C5DE, 0xD1E5F0, 0xFFFFFF, 0xFDDBC7, 0xF4A582, 0xD6604D, 0xB2182B,
            0x67001F }, 257, NAN_GREY);

    /**
     * Sequential dark-violet - teal - yellow for magnitudes, from the ten published sample colours of the viridis
     * map (van der Walt and Smith, matplotlib 2.0) at {@code t = 0, 1/9, ..., 1}; lightness rises monotonically.
     */
    public static final ColorMap VIRIDIS_LIKE = ColorMap.fromControlPoints("viridis-like", new int[] {
            0x440154, 0x482878, 0x3E4989, 0x31688E, 0x26828E, 0x1F9E89, 0x35B779, 0x6ECE58, 0xB5DE2B, 0xFDE725 },
            256, NAN_GREY);

    private ColorMaps() {
    }

    /** CIE L* lightness (0..100) of an RGB/ARGB colour, e.g. to check a map's lightness ramp. */
    public static double lightness(int rgb) {
        return Lab.lightness(rgb & 0xFFFFFF);
    }
}
