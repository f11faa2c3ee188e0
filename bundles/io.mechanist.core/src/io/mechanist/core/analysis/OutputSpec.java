package io.mechanist.core.analysis;

import java.util.Locale;
import java.util.Objects;

/**
 * A result an analysis produces, declared by an {@code output} element; views are bound to it by
 * {@code analysis id + output id}.
 *
 * @param id the output's id, unique within the analysis; the name of the table, array or vector it produces
 * @param kind what is produced
 * @param name display name
 * @param description what the numbers mean (units, axes)
 */
public record OutputSpec(String id, Kind kind, String name, String description) {

    /** The shapes of output an analysis can produce. */
    public enum Kind {
        /** A small table of equally long columns (series are tables with an x column). */
        TABLE,
        /** An n-d float array with named axes, stored in a safetensors file of the store. */
        ARRAY,
        /** A direction in activation space, stored as a vector of the store. */
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
            throw new IllegalArgumentException("output kind '" + value + "' is not one of table, array, vector");
        }
    }

    public OutputSpec {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(kind, "kind");
        name = name == null || name.isBlank() ? id : name;
        description = description == null ? "" : description;
    }
}
