package io.mechanist.runtime.intervention;

import java.util.Arrays;
import java.util.Objects;

import io.mechanist.core.hooks.HookSite;

/** Adds {@code coefficient * vector} (length d_model) to the activation at the selected positions (steering). */
public record AddVector(HookSite site, Positions positions, float[] vector, double coefficient) implements Intervention {

    public AddVector {
        Objects.requireNonNull(site, "site");
        Objects.requireNonNull(positions, "positions");
        vector = Objects.requireNonNull(vector, "vector").clone();
    }

    @Override
    public float[] vector() {
        return vector.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof AddVector a && a.site.equals(site) && a.positions.equals(positions)
                && Arrays.equals(a.vector, vector) && Double.compare(a.coefficient, coefficient) == 0;
    }

    @Override
    public int hashCode() {
        return Objects.hash(site, positions, Arrays.hashCode(vector), coefficient);
    }

    @Override
    public String toString() {
        return "AddVector[" + site.id() + " @" + positions + " x" + coefficient + ", |v|=" + vector.length + "]";
    }
}
