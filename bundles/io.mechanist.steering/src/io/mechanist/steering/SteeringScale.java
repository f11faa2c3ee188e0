package io.mechanist.steering;

import io.mechanist.runtime.SiteActivations;

/**
 * The one definition of Mechanist's relative steering strength, shared by the sweep, the random null, steered
 * generation and the Steering view's interactive read-out (if they computed it apart, their numbers would disagree
 * silently): multiplier {@code m} adds a vector of norm {@code m x} the mean residual norm at the steered site,
 * averaged over every token except a prompt's first (the first token's residual norm is atypically large in most
 * models), so the raw coefficient on a vector {@code v} is {@code m * meanNorm / |v|}.
 */
public final class SteeringScale {

    private SteeringScale() {
    }

    /** The raw coefficient on a vector of norm {@code vectorNorm} for {@code multiplier} at a site of mean norm {@code meanResidNorm}. */
    public static double coefficient(double multiplier, double meanResidNorm, double vectorNorm) {
        return multiplier * meanResidNorm / vectorNorm;
    }

    /** Accumulates the mean residual norm over prompts' tokens, leaving out each prompt's first token. */
    public static final class MeanNorm implements java.io.Serializable {

        private static final long serialVersionUID = 1L;

        private double sum;
        private long count;

        /** Adds the rows of one prompt's activations at the steered site. */
        public void add(SiteActivations activations) {
            int[] positions = activations.positions();
            for (int i = 0; i < positions.length; i++) {
                // a one-token prompt has nothing but its first token: it counts then
                if (positions[i] == 0 && positions.length > 1) {
                    continue;
                }
                double squares = 0;
                for (float x : activations.row(i)) {
                    squares += (double) x * x;
                }
                sum += Math.sqrt(squares);
                count++;
            }
        }

        /** Adds the rows another accumulator saw (prompts measured elsewhere, e.g. by another process). */
        public void add(MeanNorm other) {
            sum += other.sum;
            count += other.count;
        }

        /** The mean so far; NaN before any row was added. */
        public double mean() {
            return count == 0 ? Double.NaN : sum / count;
        }
    }
}
