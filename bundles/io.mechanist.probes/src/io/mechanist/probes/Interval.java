package io.mechanist.probes;

/** A confidence interval {@code [low, high]} of a proportion; NaN bounds when there is no observation. */
public record Interval(double low, double high) {

    public static final Interval UNDEFINED = new Interval(Double.NaN, Double.NaN);

    public boolean contains(double value) {
        return value >= low && value <= high;
    }

    public double width() {
        return high - low;
    }
}
