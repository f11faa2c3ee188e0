package io.mechanist.heatmap;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.stream.IntStream;

/**
 * Neuron x position heatmaps of one site of one layer: row = a component of the activation vector (a "neuron" of
 * {@code d_model} or of the MLP's hidden layer), column = prompt position. Pure functions over arrays.
 * <p>
 * Input shape: {@code activations} is row-major {@code [pos, width]} (one prompt of a {@code [batch, pos, d_model]}
 * site), so the heatmap is its transpose, restricted to the neurons a {@link NeuronFilter} keeps.
 */
public final class NeuronPositionMaps {

    private NeuronPositionMaps() {
    }

    /** {@code max over pos of |activations[pos, n]|} for each neuron {@code n}; NaN entries are skipped. */
    public static float[] maxAbsPerNeuron(float[] activations, int positions, int width) {
        checkShape(activations, positions, width);
        float[] score = new float[width];
        for (int pos = 0; pos < positions; pos++) {
            int base = pos * width;
            for (int n = 0; n < width; n++) {
                float a = Math.abs(activations[base + n]);
                if (a > score[n]) {
                    score[n] = a;
                }
            }
        }
        return score;
    }

    /** The neuron indices a filter keeps, in its order. May be empty. */
    public static int[] selectNeurons(float[] score, NeuronFilter filter) {
        Comparator<Integer> byScore = (a, b) -> Float.compare(score[b], score[a]);
        List<Integer> kept = new ArrayList<>();
        for (int n = 0; n < score.length; n++) {
            if (score[n] >= filter.threshold()) {
                kept.add(n);
            }
        }
        if (filter.topK() > 0 && kept.size() > filter.topK()) {
            kept.sort(byScore.thenComparing(Comparator.naturalOrder()));
            kept = new ArrayList<>(kept.subList(0, filter.topK()));
        }
        kept.sort(filter.order() == NeuronFilter.Order.INDEX ? Comparator.naturalOrder()
                : byScore.thenComparing(Comparator.naturalOrder()));
        return kept.stream().mapToInt(Integer::intValue).toArray();
    }

    /**
     * The heatmap of the neurons {@code filter} keeps ({@link ValueKind#SIGNED}, rows labelled by neuron index).
     *
     * @throws IllegalArgumentException if the shape does not match or no neuron passes the filter (the message gives
     *                                  the largest score, so the user can lower the threshold)
     */
    public static HeatmapData neurons(float[] activations, int width, List<String> tokens, String site,
            NeuronFilter filter) {
        int positions = tokens.size();
        float[] score = maxAbsPerNeuron(activations, positions, width);
        int[] neurons = selectNeurons(score, filter);
        if (neurons.length == 0) {
            float best = 0;
            for (float s : score) {
                best = Math.max(best, s);
            }
            throw new IllegalArgumentException("No neuron of " + site + " reaches |activation| >= "
                    + filter.threshold() + "; the largest is " + best);
        }
        float[] out = new float[neurons.length * positions];
        IntStream.range(0, neurons.length).parallel().forEach(row -> {
            int n = neurons[row];
            int rowBase = row * positions;
            for (int pos = 0; pos < positions; pos++) {
                out[rowBase + pos] = activations[pos * width + n];
            }
        });
        List<String> labels = Arrays.stream(neurons).mapToObj(Integer::toString).toList();
        return HeatmapData.builder("Neurons of " + site, out).subject(site).rows("neuron", labels).rowIds(neurons)
                .columns("position", tokens).kind(ValueKind.SIGNED).units("activation").build();
    }

    private static void checkShape(float[] activations, int positions, int width) {
        if (width <= 0 || positions <= 0) {
            throw new IllegalArgumentException("Need positive pos and width, got [" + positions + ", " + width + "]");
        }
        if (activations.length != (long) positions * width) {
            throw new IllegalArgumentException("Expected activations of shape [pos=" + positions + ", width=" + width
                    + "] = " + (long) positions * width + " values, got " + activations.length);
        }
    }
}
