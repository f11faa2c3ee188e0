package io.mechanist.core.analysis;

import java.util.Locale;
import java.util.Objects;

import io.mechanist.core.hooks.HookSite;

/**
 * A parameter of an analysis, declared by a {@code parameter} element.
 *
 * @param name the parameter's name, e.g. {@code site}
 * @param type how its text value is interpreted and validated
 * @param defaultValue the value used when a run gives none; null if there is no default
 * @param required whether a run must give a value (only meaningful without a default)
 * @param description for users and {@code --help}
 */
public record ParameterSpec(String name, Type type, String defaultValue, boolean required, String description) {

    /** Parameter value types. */
    public enum Type {
        STRING, INT, DOUBLE, BOOLEAN,
        /** A canonical hook-site id such as {@code blocks.3.resid_post}. */
        HOOK_SITE;

        /** The name used in {@code plugin.xml}: lower case, {@code hookSite} for {@link #HOOK_SITE}. */
        public String xmlName() {
            return this == HOOK_SITE ? "hookSite" : name().toLowerCase(Locale.ROOT);
        }

        static Type parse(String value) {
            for (Type type : values()) {
                if (type.xmlName().equals(value)) {
                    return type;
                }
            }
            throw new IllegalArgumentException(
                    "parameter type '" + value + "' is not one of string, int, double, boolean, hookSite");
        }
    }

    public ParameterSpec {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(type, "type");
        description = description == null ? "" : description;
        if (defaultValue != null) {
            String problem = check(type, defaultValue);
            if (problem != null) {
                throw new IllegalArgumentException("default of parameter '" + name + "': " + problem);
            }
        }
    }

    /** Null if {@code value} is valid for this parameter, else what is wrong with it. */
    public String problemWith(String value) {
        return check(type, value);
    }

    private static String check(Type type, String value) {
        try {
            switch (type) {
                case INT -> Integer.parseInt(value.strip());
                case DOUBLE -> {
                    double d = Double.parseDouble(value.strip());
                    if (Double.isNaN(d)) {
                        return "'" + value + "' is not a number";
                    }
                }
                case BOOLEAN -> {
                    if (!value.strip().equals("true") && !value.strip().equals("false")) {
                        return "'" + value + "' is not true or false";
                    }
                }
                case HOOK_SITE -> HookSite.parse(value.strip());
                case STRING -> {
                    // any text
                }
            }
            return null;
        } catch (IllegalArgumentException e) {
            return "'" + value + "' is not a valid " + type.xmlName() + ": " + e.getMessage();
        }
    }
}
