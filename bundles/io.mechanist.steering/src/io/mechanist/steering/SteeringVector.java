package io.mechanist.steering;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

import io.mechanist.core.hooks.HookSite;

/**
 * A direction to add to the residual stream, with where it lives and how it was made.
 *
 * @param siteId the hook site it was computed at, e.g. {@code blocks.3.resid_post}
 * @param method how it was made: {@code mean-difference}, {@code pca-difference}, {@code probe-*}, {@code random},
 *     {@code imported}
 * @param values the vector, {@code [d_model]}
 * @param provenance method parameters: layer, position, source capture, pairs used, seed ...
 */
public record SteeringVector(String siteId, String method, float[] values, Map<String, String> provenance) {

    public SteeringVector {
        Objects.requireNonNull(siteId, "siteId");
        Objects.requireNonNull(method, "method");
        values = Objects.requireNonNull(values, "values").clone();
        provenance = Map.copyOf(provenance);
    }

    @Override
    public float[] values() {
        return values.clone();
    }

    public int width() {
        return values.length;
    }

    /** The site parsed. */
    public HookSite site() {
        return HookSite.parse(siteId);
    }

    /** Euclidean norm, computed in double precision. */
    public double norm() {
        double sum = 0;
        for (float v : values) {
            sum += (double) v * v;
        }
        return Math.sqrt(sum);
    }

    /** This vector with one more provenance entry. */
    public SteeringVector withProvenance(String key, String value) {
        Map<String, String> more = new LinkedHashMap<>(provenance);
        more.put(key, value);
        return new SteeringVector(siteId, method, values, more);
    }
}
