package io.mechanist.runtime.intervention;

import java.util.Arrays;
import java.util.Objects;

import io.mechanist.core.hooks.HookSite;

/**
 * Replaces the activation at the selected positions by zero ({@link #zero}) or by a fixed mean vector of length
 * d_model ({@link #mean}), e.g. the site's mean over a reference dataset.
 */
public record Ablate(HookSite site, Positions positions, float[] meanVector) implements Intervention {

    public Ablate {
        Objects.requireNonNull(site, "site");
        Objects.requireNonNull(positions, "positions");
        meanVector = meanVector == null ? null : meanVector.clone();
    }

    public static Ablate zero(HookSite site, Positions positions) {
        return new Ablate(site, positions, null);
    }

    public static Ablate mean(HookSite site, Positions positions, float[] meanVector) {
        return new Ablate(site, positions, Objects.requireNonNull(meanVector, "meanVector"));
    }

    public boolean isZero() {
        return meanVector == null;
    }

    @Override
    public float[] meanVector() {
        return meanVector == null ? null : meanVector.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Ablate a && a.site.equals(site) && a.positions.equals(positions)
                && Arrays.equals(a.meanVector, meanVector);
    }

    @Override
    public int hashCode() {
        return Objects.hash(site, positions, Arrays.hashCode(meanVector));
    }

    @Override
    public String toString() {
        return "Ablate[" + site.id() + " @" + positions + (isZero() ? ", zero]" : ", mean]");
    }
}
