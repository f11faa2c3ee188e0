package io.mechanist.heatmap.analysis;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.IntStream;

import io.mechanist.heatmap.HeatmapData;
import io.mechanist.heatmap.ValueKind;
import io.mechanist.heatmap.ValueRange;

/**
 * Turns a stored result of {@link LayerPositionAnalysis} back into the {@link HeatmapData} it was computed as: the
 * {@code values} array {@code [layer, position]}, the token strings of the {@code tokens} table and the result's
 * parameters (measure, point) and provenance notes (title, units, kind). Reading the store is the caller's part.
 */
public final class LayerPositionResults {

    private LayerPositionResults() {
    }

    /**
     * @param values     the {@code values} array, row-major {@code [layers, positions]}
     * @param shape      its shape as stored
     * @param tokens     the {@code token} column of the {@code tokens} table, one per position
     * @param parameters the result's parameters and provenance notes
     * @param subject    what the map is of, shown next to its title (e.g. the capture and prompt)
     * @throws IllegalArgumentException if the array, tokens and shape do not fit together
     */
    public static HeatmapData heatmap(float[] values, int[] shape, List<String> tokens, Map<String, String> parameters,
            String subject) {
        if (shape.length != 2) {
            throw new IllegalArgumentException("A layer x position result is 2-d [layer, position], got "
                    + java.util.Arrays.toString(shape));
        }
        if (shape[1] != tokens.size()) {
            throw new IllegalArgumentException("The result has " + shape[1] + " positions but " + tokens.size()
                    + " tokens");
        }
        String measure = parameters.getOrDefault("measure", "norm").toLowerCase(Locale.ROOT);
        boolean signed = parameters.containsKey("kind") ? "signed".equals(parameters.get("kind"))
                : !"norm".equals(measure);
        String point = parameters.getOrDefault("point", "resid_post");
        HeatmapData.Builder builder = HeatmapData.builder(parameters.getOrDefault("title", title(measure)), values)
                .subject(subject.isEmpty() ? "blocks.*." + point : subject + "   blocks.*." + point)
                .rows("layer", IntStream.range(0, shape[0]).mapToObj(Integer::toString).toList())
                .columns("position", tokens)
                .kind(signed ? ValueKind.SIGNED : ValueKind.MAGNITUDE)
                .units(parameters.getOrDefault("units", measure));
        if ("cosine".equals(measure)) {
            builder.range(new ValueRange(-1, 1));
        }
        return builder.build();
    }

    private static String title(String measure) {
        return switch (measure) {
            case "projection" -> "Projection";
            case "cosine" -> "Cosine";
            default -> "Residual norm";
        };
    }
}
