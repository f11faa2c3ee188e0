package io.mechanist.heatmap.render;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.Locale;

/** Short, locale-independent number texts for colour bars, tooltips and axis labels. */
public final class ValueFormat {

    private ValueFormat() {
    }

    /**
     * {@code value} rounded to {@code digits} significant digits, without trailing zeros: {@code 2.5}, {@code -0.0123},
     * {@code 1230}; scientific ({@code 1.23e+05}) outside {@code [1e-4, 1e6)}; NaN as {@code "NaN"}.
     */
    public static String significant(double value, int digits) {
        if (Double.isNaN(value) || Double.isInfinite(value)) {
            return Double.toString(value);
        }
        if (value == 0) {
            return "0";
        }
        double a = Math.abs(value);
        if (a < 1e-4 || a >= 1e6) {
            return String.format(Locale.ROOT, "%." + (digits - 1) + "e", value);
        }
        BigDecimal rounded = new BigDecimal(value).round(new MathContext(digits, RoundingMode.HALF_EVEN))
                .stripTrailingZeros();
        return rounded.toPlainString();
    }

    /** A tick value: as many decimals as the tick step needs, so ticks 0.25, 0.5, 0.75 all print alike. */
    public static String tick(double value, double step) {
        if (Math.abs(value) < step * 1e-9) {
            return "0";
        }
        double a = Math.abs(value);
        if (a < 1e-4 || a >= 1e6) {
            return significant(value, 3);
        }
        int decimals = Math.max(0, (int) Math.ceil(-Math.log10(step) - 1e-9));
        return String.format(Locale.ROOT, "%." + decimals + "f", value);
    }
}
