package io.mechanist.heatmap;

import io.mechanist.core.hooks.HookPoint;
import io.mechanist.core.hooks.HookSite;

/** Which heatmap to build from an {@link ActivationSource}; {@link HeatmapRequests#build} turns it into data. */
public sealed interface HeatmapRequest {

    /** What the layer x position map measures. */
    enum Measure {
        NORM, PROJECTION, COSINE
    }

    /**
     * Layer x position at one per-layer point (e.g. {@code resid_post}) of every layer.
     *
     * @param direction the name of an {@link ActivationSource.Direction} (ignored for {@link Measure#NORM})
     */
    record LayerByPosition(HookPoint point, Measure measure, String direction) implements HeatmapRequest {
        public LayerByPosition {
            if (!point.perLayer() || point == HookPoint.ATTN_PATTERN) {
                throw new IllegalArgumentException("Layer x position maps need a per-layer [pos, d_model] point, not "
                        + point.idPattern());
            }
            if (measure != Measure.NORM && (direction == null || direction.isEmpty())) {
                throw new IllegalArgumentException(measure + " needs a direction");
            }
        }
    }

    /** Neuron x position of one site. */
    record NeuronByPosition(HookSite site, NeuronFilter filter) implements HeatmapRequest {
        public NeuronByPosition {
            if (site.point() == HookPoint.ATTN_PATTERN || site.point() == HookPoint.LOGITS) {
                throw new IllegalArgumentException("Neuron maps need a [pos, d_model] site, not " + site.id());
            }
        }
    }

    /** Query x key attention pattern of one head. */
    record AttentionPattern(int layer, int head) implements HeatmapRequest {
    }
}
