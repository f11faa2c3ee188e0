package io.mechanist.devtools.verify;

/**
 * A difference-of-means ("mass-mean") linear probe: direction = mean(positives) - mean(negatives), threshold at the
 * projection of the midpoint of the two means. Predicts positive when {@code x . direction > threshold}.
 */
public final class DifferenceOfMeansProbe {

    private final double[] direction;
    private final double threshold;

    private DifferenceOfMeansProbe(double[] direction, double threshold) {
        this.direction = direction;
        this.threshold = threshold;
    }

    /**
     * @param activations [example][dim]
     * @param positive the binary label of each example; both classes must occur
     */
    public static DifferenceOfMeansProbe fit(double[][] activations, boolean[] positive) {
        double[] meanPositive = Vectors.mean(activations, positive, true);
        double[] meanNegative = Vectors.mean(activations, positive, false);
        double[] direction = Vectors.subtract(meanPositive, meanNegative);
        double[] midpoint = Vectors.scale(Vectors.add(meanPositive, meanNegative), 0.5);
        return new DifferenceOfMeansProbe(direction, Vectors.dot(midpoint, direction));
    }

    public boolean predict(double[] activation) {
        return Vectors.dot(activation, direction) > threshold;
    }

    /** Number of examples classified correctly. */
    public int correct(double[][] activations, boolean[] positive) {
        int correct = 0;
        for (int i = 0; i < activations.length; i++) {
            correct += predict(activations[i]) == positive[i] ? 1 : 0;
        }
        return correct;
    }

    public double[] direction() {
        return direction.clone();
    }
}
