package io.mechanist.core.analysis;

import java.util.Locale;
import java.util.Objects;

/**
 * An input an analysis needs, declared by an {@code input} element.
 *
 * @param role the name the analysis asks for it by, e.g. {@code activations}
 * @param kind what is bound to it
 * @param required whether a run without it is refused
 * @param description for users choosing what to bind
 */
public record InputSpec(String role, Kind kind, boolean required, String description) {

    /** What can be bound to an input. */
    public enum Kind {
        /** A capture of the store, read as an {@link io.mechanist.core.activations.ActivationSet}. */
        CAPTURE,
        /** A stored vector, read as {@link io.mechanist.core.activations.StoredVectorData}. */
        VECTOR;

        /** The lower-case name used in {@code plugin.xml}. */
        public String xmlName() {
            return name().toLowerCase(Locale.ROOT);
        }

        static Kind parse(String value) {
            for (Kind kind : values()) {
                if (kind.xmlName().equals(value)) {
                    return kind;
                }
            }
            throw new IllegalArgumentException("input kind '" + value + "' is not one of capture, vector");
        }
    }

    public InputSpec {
        Objects.requireNonNull(role, "role");
        Objects.requireNonNull(kind, "kind");
        description = description == null ? "" : description;
    }
}
