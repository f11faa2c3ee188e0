package io.mechanist.core.analysis;

import java.util.Map;
import java.util.Objects;

/**
 * What to run: an analysis id, parameter values (text, validated against the declaration) and the store object
 * bound to each input role (a capture id or a vector id).
 */
public record AnalysisRequest(String analysisId, Map<String, String> parameters, Map<String, String> inputs) {

    public AnalysisRequest {
        Objects.requireNonNull(analysisId, "analysisId");
        parameters = Map.copyOf(parameters);
        inputs = Map.copyOf(inputs);
    }
}
