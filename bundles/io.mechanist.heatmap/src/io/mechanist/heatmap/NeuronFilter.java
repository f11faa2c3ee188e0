package io.mechanist.heatmap;

/**
 * Which neurons (components of a site's activation vector) a neuron x position heatmap shows, and in which order.
 * The score of a neuron is its largest absolute activation over the prompt's positions.
 *
 * @param order     row order
 * @param threshold keep only neurons whose score is {@code >= threshold} (0 keeps all)
 * @param topK      then keep only the {@code topK} highest-scoring neurons (0 keeps all); ties go to the lower index
 */
public record NeuronFilter(Order order, double threshold, int topK) {

    /** Row order of the neurons that pass the filter. */
    public enum Order {
        /** By neuron index, ascending. */
        INDEX,
        /** By max |activation|, descending (ties by index). */
        MAX_ABS_DESCENDING
    }

    public NeuronFilter {
        if (order == null) {
            throw new IllegalArgumentException("order must not be null");
        }
        if (!(threshold >= 0) || Double.isInfinite(threshold)) {
            throw new IllegalArgumentException("threshold must be a finite number >= 0, got " + threshold);
        }
        if (topK < 0) {
            throw new IllegalArgumentException("topK must be >= 0 (0 keeps all), got " + topK);
        }
    }

    /** Every neuron, in index order. */
    public static NeuronFilter all() {
        return new NeuronFilter(Order.INDEX, 0, 0);
    }
}
