package io.mechanist.core.analysis;

import java.util.List;
import java.util.Objects;

/**
 * An analysis as contributed on the extension point: everything but the code.
 *
 * @param id unique id, e.g. {@code io.mechanist.examples.tokenstats.norms}
 * @param name display name
 * @param description what it computes
 * @param category grouping for menus, e.g. {@code Probes}; empty if none
 * @param contributor symbolic name of the contributing bundle
 * @param inputs declared inputs, in declaration order
 * @param parameters declared parameters, in declaration order
 * @param outputs declared outputs, in declaration order
 */
public record AnalysisDescriptor(String id, String name, String description, String category, String contributor,
        List<InputSpec> inputs, List<ParameterSpec> parameters, List<OutputSpec> outputs) {

    public AnalysisDescriptor {
        Objects.requireNonNull(id, "id");
        name = name == null || name.isBlank() ? id : name;
        description = description == null ? "" : description;
        category = category == null ? "" : category;
        contributor = contributor == null ? "" : contributor;
        inputs = List.copyOf(inputs);
        parameters = List.copyOf(parameters);
        outputs = List.copyOf(outputs);
    }

    /** The declared input {@code role}, or null. */
    public InputSpec input(String role) {
        return inputs.stream().filter(i -> i.role().equals(role)).findFirst().orElse(null);
    }

    /** The declared parameter {@code name}, or null. */
    public ParameterSpec parameter(String name) {
        return parameters.stream().filter(p -> p.name().equals(name)).findFirst().orElse(null);
    }

    /** The declared output {@code outputId}, or null. */
    public OutputSpec output(String outputId) {
        return outputs.stream().filter(o -> o.id().equals(outputId)).findFirst().orElse(null);
    }
}
