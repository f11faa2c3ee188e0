package io.mechanist.runtime.intervention;

import java.util.Arrays;
import java.util.Objects;

import io.mechanist.core.hooks.HookSite;

/**
 * Activation patching: at the selected positions, replaces the activation by the one another run produced at the
 * same site. {@code source} is that run's activation, [sourceLength, d_model] row-major, one row per position of the
 * source prompt. A non-negative position p takes source row p; a negative one counts from the end of each prompt
 * (so -1 patches the target's last token with the source's last token).
 */
public record Patch(HookSite site, Positions positions, int sourceLength, float[] source) implements Intervention {

    public Patch {
        Objects.requireNonNull(site, "site");
        Objects.requireNonNull(positions, "positions");
        source = Objects.requireNonNull(source, "source").clone();
        if (sourceLength <= 0 || source.length % sourceLength != 0) {
            throw new IllegalArgumentException("source of " + source.length + " values is not [" + sourceLength
                    + ", d_model]");
        }
    }

    /** Width of one source row (d_model). */
    public int width() {
        return source.length / sourceLength;
    }

    @Override
    public float[] source() {
        return source.clone();
    }

    /** The source row used for a target position given by {@code index} in {@link #positions()}. */
    public int sourceRow(int index) {
        int row = Positions.absolute(index, sourceLength);
        if (row >= sourceLength) {
            throw new IllegalArgumentException("patch position " + index + " is outside the source run of "
                    + sourceLength + " positions");
        }
        return row;
    }

    /** Copies source row {@code row} into {@code target} at {@code offset}. */
    public void copyRow(int row, float[] target, int offset) {
        int width = width();
        System.arraycopy(source, row * width, target, offset, width);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Patch p && p.site.equals(site) && p.positions.equals(positions)
                && p.sourceLength == sourceLength && Arrays.equals(p.source, source);
    }

    @Override
    public int hashCode() {
        return Objects.hash(site, positions, sourceLength, Arrays.hashCode(source));
    }

    @Override
    public String toString() {
        return "Patch[" + site.id() + " @" + positions + " from " + sourceLength + " positions]";
    }
}
