package io.mechanist.heatmap.color;

/** sRGB (D65) to and from CIE L*a*b*, with the standard formulas of IEC 61966-2-1 and CIE 15. */
final class Lab {

    private static final double XN = 0.95047;
    private static final double YN = 1.0;
    private static final double ZN = 1.08883;

    private Lab() {
    }

    static double[] fromRgb(int rgb) {
        double r = toLinear(((rgb >> 16) & 0xFF) / 255.0);
        double g = toLinear(((rgb >> 8) & 0xFF) / 255.0);
        double b = toLinear((rgb & 0xFF) / 255.0);
        double x = 0.4124564 * r + 0.3575761 * g + 0.1804375 * b;
        double y = 0.2126729 * r + 0.7151522 * g + 0.0721750 * b;
        double z = 0.0193339 * r + 0.1191920 * g + 0.9503041 * b;
        double fx = f(x / XN);
        double fy = f(y / YN);
        double fz = f(z / ZN);
        return new double[] { 116 * fy - 16, 500 * (fx - fy), 200 * (fy - fz) };
    }

    /** CIE lightness L* (0 black .. 100 white) of an sRGB colour. */
    static double lightness(int rgb) {
        return fromRgb(rgb)[0];
    }

    static int toRgb(double l, double a, double bStar) {
        double fy = (l + 16) / 116;
        double fx = fy + a / 500;
        double fz = fy - bStar / 200;
        double x = XN * fInverse(fx);
        double y = YN * fInverse(fy);
        double z = ZN * fInverse(fz);
        double r = 3.2404542 * x - 1.5371385 * y - 0.4985314 * z;
        double g = -0.9692660 * x + 1.8760108 * y + 0.0415560 * z;
        double b = 0.0556434 * x - 0.2040259 * y + 1.0572252 * z;
        return (channel(r) << 16) | (channel(g) << 8) | channel(b);
    }

    private static int channel(double linear) {
        double c = linear <= 0.0031308 ? 12.92 * linear : 1.055 * Math.pow(linear, 1 / 2.4) - 0.055;
        return (int) Math.round(Math.max(0, Math.min(1, c)) * 255);
    }

    private static double toLinear(double c) {
        return c <= 0.04045 ? c / 12.92 : Math.pow((c + 0.055) / 1.055, 2.4);
    }

    private static double f(double t) {
        double d = 6.0 / 29;
        return t > d * d * d ? Math.cbrt(t) : t / (3 * d * d) + 4.0 / 29;
    }

    private static double fInverse(double t) {
        double d = 6.0 / 29;
        return t > d ? t * t * t : 3 * d * d * (t - 4.0 / 29);
    }
}
