package io.mechanist.heatmap;

import java.util.List;

/**
 * Layer x position heatmaps of the residual stream: its L2 norm, or its projection / cosine onto one direction (a
 * steering vector, a probe direction). Pure functions over arrays; sums run in double precision.
 * <p>
 * Input shape: {@code perLayer[layer]} is the activation of one prompt at one site of that layer, row-major
 * {@code [pos, d_model]} (the {@code [batch, pos, d_model]} tensor of a hook site with batch index fixed).
 */
public final class LayerPositionMaps {

    private LayerPositionMaps() {
    }

    /** {@code ||x[layer, pos, :]||_2}: a {@link ValueKind#MAGNITUDE} map, units "L2 norm". */
    public static HeatmapData residualNorm(float[][] perLayer, int dModel, List<String> tokens,
            List<String> layerLabels, String site) {
        check(perLayer, dModel, tokens, layerLabels, null);
        int positions = tokens.size();
        float[] out = new float[perLayer.length * positions];
        for (int layer = 0; layer < perLayer.length; layer++) {
            float[] x = perLayer[layer];
            for (int pos = 0; pos < positions; pos++) {
                double sum = 0;
                int base = pos * dModel;
                for (int i = 0; i < dModel; i++) {
                    double v = x[base + i];
                    sum += v * v;
                }
                out[layer * positions + pos] = (float) Math.sqrt(sum);
            }
        }
        return HeatmapData.builder("Residual norm", out).subject(site).rows("layer", layerLabels)
                .columns("position", tokens).kind(ValueKind.MAGNITUDE).units("L2 norm").build();
    }

    /**
     * The scalar projection {@code <x, v> / ||v||} of each residual onto {@code direction} (so the value is in the
     * residual's own units, whatever the direction's length): a {@link ValueKind#SIGNED} map.
     */
    public static HeatmapData projection(float[][] perLayer, int dModel, List<String> tokens,
            List<String> layerLabels, String site, float[] direction, String directionName) {
        check(perLayer, dModel, tokens, layerLabels, direction);
        double directionNorm = norm(direction, directionName);
        float[] out = new float[perLayer.length * tokens.size()];
        for (int layer = 0; layer < perLayer.length; layer++) {
            for (int pos = 0; pos < tokens.size(); pos++) {
                out[layer * tokens.size() + pos] = (float) (dot(perLayer[layer], pos * dModel, direction)
                        / directionNorm);
            }
        }
        return HeatmapData.builder("Projection onto " + directionName, out).subject(site).rows("layer", layerLabels)
                .columns("position", tokens).kind(ValueKind.SIGNED).units("projection").build();
    }

    /**
     * The cosine similarity {@code <x, v> / (||x|| ||v||)} of each residual with {@code direction}: a
     * {@link ValueKind#SIGNED} map with fixed range [-1, 1]. A zero residual has no direction: its cell is NaN.
     */
    public static HeatmapData cosine(float[][] perLayer, int dModel, List<String> tokens, List<String> layerLabels,
            String site, float[] direction, String directionName) {
        check(perLayer, dModel, tokens, layerLabels, direction);
        double directionNorm = norm(direction, directionName);
        float[] out = new float[perLayer.length * tokens.size()];
        for (int layer = 0; layer < perLayer.length; layer++) {
            float[] x = perLayer[layer];
            for (int pos = 0; pos < tokens.size(); pos++) {
                int base = pos * dModel;
                double xx = 0;
                for (int i = 0; i < dModel; i++) {
                    xx += (double) x[base + i] * x[base + i];
                }
                out[layer * tokens.size() + pos] = xx == 0 ? Float.NaN
                        : (float) (dot(x, base, direction) / (Math.sqrt(xx) * directionNorm));
            }
        }
        return HeatmapData.builder("Cosine with " + directionName, out).subject(site).rows("layer", layerLabels)
                .columns("position", tokens).kind(ValueKind.SIGNED).units("cosine").range(new ValueRange(-1, 1))
                .build();
    }

    private static double dot(float[] x, int base, float[] v) {
        double sum = 0;
        for (int i = 0; i < v.length; i++) {
            sum += (double) x[base + i] * v[i];
        }
        return sum;
    }

    private static double norm(float[] v, String name) {
        double sum = 0;
        for (float f : v) {
            sum += (double) f * f;
        }
        if (!(sum > 0) || Double.isInfinite(sum)) {
            throw new IllegalArgumentException("Direction '" + name + "' has norm " + Math.sqrt(sum)
                    + "; a projection needs a finite, non-zero direction");
        }
        return Math.sqrt(sum);
    }

    private static void check(float[][] perLayer, int dModel, List<String> tokens, List<String> layerLabels,
            float[] direction) {
        if (dModel <= 0) {
            throw new IllegalArgumentException("d_model must be positive, got " + dModel);
        }
        if (perLayer.length != layerLabels.size()) {
            throw new IllegalArgumentException(perLayer.length + " layers of activations but " + layerLabels.size()
                    + " layer labels");
        }
        long expected = (long) tokens.size() * dModel;
        for (int layer = 0; layer < perLayer.length; layer++) {
            if (perLayer[layer].length != expected) {
                throw new IllegalArgumentException("Layer " + layerLabels.get(layer) + ": expected [pos=" + tokens.size()
                        + ", d_model=" + dModel + "] = " + expected + " values, got " + perLayer[layer].length);
            }
        }
        if (direction != null && direction.length != dModel) {
            throw new IllegalArgumentException("Direction has " + direction.length + " components; d_model is "
                    + dModel);
        }
    }
}
