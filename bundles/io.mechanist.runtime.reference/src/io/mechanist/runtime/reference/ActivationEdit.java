package io.mechanist.runtime.reference;

import java.util.Arrays;

/**
 * An edit of one hook site during a reference forward pass. It is called once per position with a private copy of
 * that position's activation ([d_model], or the site's row: [head * keys] for attention scores and patterns) and
 * returns the activation to use from there on (same length). The edited value is what is recorded at the site and
 * what flows downstream.
 */
@FunctionalInterface
public interface ActivationEdit {

    double[] apply(int position, double[] activation);

    /** Applies this edit, then {@code next}. */
    default ActivationEdit andThen(ActivationEdit next) {
        return (pos, x) -> next.apply(pos, apply(pos, x));
    }

    /** Adds {@code coefficient * vector} at the given positions (all positions when none are given). */
    static ActivationEdit addVector(double[] vector, double coefficient, int... positions) {
        double[] v = vector.clone();
        return (pos, x) -> {
            if (!selected(pos, positions)) {
                return x;
            }
            checkLength(v, x);
            double[] y = x.clone();
            for (int i = 0; i < y.length; i++) {
                y[i] += coefficient * v[i];
            }
            return y;
        };
    }

    /** Sets the activation to zero at the given positions (all positions when none are given). */
    static ActivationEdit zero(int... positions) {
        return (pos, x) -> selected(pos, positions) ? new double[x.length] : x;
    }

    /** Replaces the activation with a fixed vector (e.g. a mean, for mean ablation) at the given positions. */
    static ActivationEdit replaceWith(double[] vector, int... positions) {
        double[] v = vector.clone();
        return (pos, x) -> {
            if (!selected(pos, positions)) {
                return x;
            }
            checkLength(v, x);
            return v.clone();
        };
    }

    /**
     * Patching: replaces the activation at each given position with the same position of {@code source}
     * ([pos][d_model], e.g. the same site captured from another prompt).
     */
    static ActivationEdit patchFrom(double[][] source, int... positions) {
        return (pos, x) -> {
            if (!selected(pos, positions)) {
                return x;
            }
            if (pos >= source.length) {
                throw new IllegalArgumentException("patch source has " + source.length + " positions, needed " + pos);
            }
            checkLength(source[pos], x);
            return source[pos].clone();
        };
    }

    private static boolean selected(int position, int[] positions) {
        return positions.length == 0 || Arrays.stream(positions).anyMatch(p -> p == position);
    }

    private static void checkLength(double[] v, double[] x) {
        if (v.length != x.length) {
            throw new IllegalArgumentException("edit vector has length " + v.length + ", the site has " + x.length);
        }
    }
}
