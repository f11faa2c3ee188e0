package io.mechanist.heatmap;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.function.BooleanSupplier;

import io.mechanist.core.hooks.HookPoint;
import io.mechanist.core.hooks.HookSite;

/** Reads what a {@link HeatmapRequest} needs from an {@link ActivationSource} and builds the heatmap. */
public final class HeatmapRequests {

    private HeatmapRequests() {
    }

    /**
     * Builds the heatmap; may block on I/O (run it in a job).
     *
     * @param cancelled polled between reads; when it turns true a {@link CancellationException} is thrown
     */
    public static HeatmapData build(ActivationSource source, HeatmapRequest request, BooleanSupplier cancelled)
            throws IOException {
        List<String> tokens = source.tokens();
        return switch (request) {
            case HeatmapRequest.LayerByPosition r -> layerByPosition(source, r, tokens, cancelled);
            case HeatmapRequest.NeuronByPosition r -> {
                ActivationSource.Slice slice = read(source, r.site(), 2, tokens.size());
                yield NeuronPositionMaps.neurons(slice.values(), slice.shape()[1], tokens, r.site().id(), r.filter());
            }
            case HeatmapRequest.AttentionPattern r -> {
                HookSite site = HookSite.of(HookPoint.ATTN_PATTERN, r.layer());
                ActivationSource.Slice slice = read(source, site, 3, tokens.size());
                yield AttentionMaps.pattern(slice.values(), slice.shape()[0], tokens, r.layer(), r.head());
            }
        };
    }

    private static HeatmapData layerByPosition(ActivationSource source, HeatmapRequest.LayerByPosition r,
            List<String> tokens, BooleanSupplier cancelled) throws IOException {
        int layers = source.layerCount();
        float[][] perLayer = new float[layers][];
        List<String> labels = new ArrayList<>();
        int dModel = -1;
        for (int layer = 0; layer < layers; layer++) {
            if (cancelled.getAsBoolean()) {
                throw new CancellationException("cancelled at layer " + layer);
            }
            ActivationSource.Slice slice = read(source, HookSite.of(r.point(), layer), 2, tokens.size());
            if (dModel >= 0 && slice.shape()[1] != dModel) {
                throw new IllegalArgumentException(source.description() + ": layer " + layer + " has width "
                        + slice.shape()[1] + ", earlier layers " + dModel);
            }
            dModel = slice.shape()[1];
            perLayer[layer] = slice.values();
            labels.add(Integer.toString(layer));
        }
        String site = "blocks.*." + r.point().idName();
        if (r.measure() == HeatmapRequest.Measure.NORM) {
            return LayerPositionMaps.residualNorm(perLayer, dModel, tokens, labels, site);
        }
        ActivationSource.Direction direction = source.directions().stream()
                .filter(d -> d.name().equals(r.direction())).findFirst()
                .orElseThrow(() -> new IllegalArgumentException(source.description() + " has no direction named '"
                        + r.direction() + "'; it has " + source.directions().stream().map(ActivationSource.Direction::name)
                                .toList()));
        return r.measure() == HeatmapRequest.Measure.PROJECTION
                ? LayerPositionMaps.projection(perLayer, dModel, tokens, labels, site, direction.vector(),
                        direction.name())
                : LayerPositionMaps.cosine(perLayer, dModel, tokens, labels, site, direction.vector(), direction.name());
    }

    private static ActivationSource.Slice read(ActivationSource source, HookSite site, int rank, int positions)
            throws IOException {
        if (!source.capturedSites().contains(site)) {
            throw new IllegalArgumentException(source.description() + " has no capture of " + site.id());
        }
        ActivationSource.Slice slice = source.activations(site);
        int[] shape = slice.shape();
        boolean positionsMatch = rank == 2 ? shape.length == 2 && shape[0] == positions
                : shape.length == 3 && shape[1] == positions && shape[2] == positions;
        if (!positionsMatch) {
            throw new IllegalArgumentException(source.description() + ": " + site.id() + " has shape "
                    + java.util.Arrays.toString(shape) + "; expected " + (rank == 2 ? "[pos=" + positions + ", width]"
                            : "[head, query=" + positions + ", key=" + positions + "]"));
        }
        return slice;
    }
}
