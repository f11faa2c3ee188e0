package io.mechanist.core.activations;

import java.util.Map;
import java.util.Objects;

/**
 * A direction in activation space as analyses see it (steering vector, probe direction, random control).
 *
 * @param id the vector's id in its store
 * @param name display name
 * @param siteId the hook site the vector belongs to, e.g. {@code blocks.6.resid_post}
 * @param method how it was made, e.g. {@code mean-difference}, {@code probe}, {@code random}
 * @param values the vector, shape {@code [d_model]}
 * @param parameters provenance parameters (layer, position, source capture...)
 */
public record StoredVectorData(String id, String name, String siteId, String method, float[] values,
        Map<String, String> parameters) {

    public StoredVectorData {
        Objects.requireNonNull(values, "values");
        parameters = Map.copyOf(parameters);
    }

    /** Euclidean norm of the vector, computed in double precision. */
    public double norm() {
        double sum = 0;
        for (float v : values) {
            sum += (double) v * v;
        }
        return Math.sqrt(sum);
    }
}
