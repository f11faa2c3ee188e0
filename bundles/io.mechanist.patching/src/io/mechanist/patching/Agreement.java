package io.mechanist.patching;

import java.util.List;

/** How closely two sets of numbers agree (attribution vs activation patching over the cells of a grid). */
public final class Agreement {

    private Agreement() {
    }

    /** The Pearson correlation of the pairs {x, y}; NaN with fewer than two pairs or no spread. */
    public static double pearson(List<double[]> pairs) {
        int n = pairs.size();
        if (n < 2) {
            return Double.NaN;
        }
        double mx = pairs.stream().mapToDouble(p -> p[0]).average().orElseThrow();
        double my = pairs.stream().mapToDouble(p -> p[1]).average().orElseThrow();
        double sxy = 0;
        double sxx = 0;
        double syy = 0;
        for (double[] p : pairs) {
            sxy += (p[0] - mx) * (p[1] - my);
            sxx += (p[0] - mx) * (p[0] - mx);
            syy += (p[1] - my) * (p[1] - my);
        }
        return sxx == 0 || syy == 0 ? Double.NaN : sxy / Math.sqrt(sxx * syy);
    }
}
