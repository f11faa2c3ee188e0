package io.mechanist.runtime.intervention;

import java.util.Objects;

import io.mechanist.core.hooks.HookSite;

/**
 * A plug-in's own edit at a site: {@code function} replaces the activation at each selected position. Unlike the
 * other interventions it holds code, not only data, so two plans with it compare equal only when they share the
 * function object; {@code name} says what it does in logs and errors.
 */
public record FunctionEdit(HookSite site, Positions positions, String name, ActivationFunction function)
        implements Intervention {

    public FunctionEdit {
        Objects.requireNonNull(site, "site");
        Objects.requireNonNull(positions, "positions");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(function, "function");
    }

    @Override
    public String toString() {
        return "FunctionEdit[" + name + " at " + site.id() + " @" + positions + "]";
    }
}
