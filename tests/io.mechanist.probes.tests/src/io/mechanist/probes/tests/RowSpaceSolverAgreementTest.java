package io.mechanist.probes.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.EnumSet;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

import io.mechanist.probes.InMemoryProbeData;
import io.mechanist.probes.ProbeAnalysis;
import io.mechanist.probes.ProbeCell;
import io.mechanist.probes.ProbeConfig;
import io.mechanist.probes.ProbeDirection;
import io.mechanist.probes.ProbeMethod;
import io.mechanist.probes.ProbeResults;
import io.mechanist.probes.internal.CellEvaluator;
import io.mechanist.probes.internal.GroupedFolds;
import io.mechanist.probes.internal.Labels;

/**
 * The fast logistic paths (cross-validation folds: float Gram matrix in chunks, pivoted Cholesky, L-BFGS in the
 * training rows' own coordinates, or L-BFGS in feature space where {@link CellEvaluator#solvesInRowSpace} finds
 * that cheaper although there are fewer rows than features; all-prompt direction: L-BFGS in feature space started from the mean of the fold
 * fits) against the straightforward one ({@link NewtonReference}: double precision, dense Newton in the
 * d-dimensional feature space), on activations shaped like a residual stream: a few large shared directions plus
 * small isotropic noise, fewer prompts than features, d not a multiple of the kernels' blocks.
 *
 * <p>Stated tolerances: cross-validated correct counts of the label and the control task differ by at most one
 * prompt (a prompt on the decision boundary may flip); all-prompt directions have cosine >= 0.999 with the
 * reference, norms within 1% and the same predicted class for all prompts but at most one.
 */
class RowSpaceSolverAgreementTest {

    private static final int FACTORS = 6;

    /** Folds of about 120 rows in 333 features: the label and control fits solve in row space. */
    @Test
    void rowSpacePathMatchesDoublePrecisionNewton() {
        assertTrue(CellEvaluator.solvesInRowSpace(120, 333, 2), "this shape must exercise the row-space path");
        agreeWithNewton(150, 333);
    }

    /** Folds of about 280 rows in 300 features: fewer rows than features, but L-BFGS in feature space is cheaper. */
    @Test
    void featureSpacePathWithFewerRowsThanFeaturesMatchesDoublePrecisionNewton() {
        for (int rows = 270; rows <= 290; rows++) {
            assertFalse(CellEvaluator.solvesInRowSpace(rows, 300, 2), "this shape must exercise the feature path");
        }
        agreeWithNewton(350, 300);
    }

    private static void agreeWithNewton(int prompts, int d) {
        InMemoryProbeData data = residualLike(prompts, d);
        ProbeConfig config = ProbeConfig.defaults().withThreads(2).withL2(0.01)
                .withMethods(EnumSet.of(ProbeMethod.LOGISTIC)).withControlPermutations(1).withFoldRepeats(1);
        ProbeResults results = ProbeAnalysis.run(data, config);
        Labels labels = Labels.of(data);
        int[] folds = GroupedFolds.assign(labels, config.folds(), config.seed());
        int[] control = GroupedFolds.permutedWithinFolds(labels.classOf(), folds, config.seed(), 0);
        for (int position = 0; position < data.positionCount(); position++) {
            double[][] x = rows(data, position, prompts, d);
            ProbeCell cell = results.cell(ProbeMethod.LOGISTIC, 0, position);
            int reference = crossValidatedCorrect(x, labels.classOf(), folds, config.folds(), config.l2());
            int referenceControl = crossValidatedCorrect(x, control, folds, config.folds(), config.l2());
            int controlCorrect = (int) Math.round(cell.controlAccuracy() * cell.n());
            assertTrue(Math.abs(cell.correct() - reference) <= 1,
                    "position " + position + ": " + cell.correct() + " correct, reference " + reference);
            assertTrue(Math.abs(controlCorrect - referenceControl) <= 1,
                    "position " + position + " control: " + controlCorrect + " correct, reference " + referenceControl);

            double[] model = NewtonReference.fit(x, labels.classOf(), config.l2());
            ProbeDirection direction = results.direction(ProbeMethod.LOGISTIC, 0, position);
            double dot = 0;
            double referenceNorm2 = 0;
            for (int j = 0; j < d; j++) {
                dot += direction.weights()[j] * model[j];
                referenceNorm2 += model[j] * model[j];
            }
            double cosine = dot / (direction.norm() * Math.sqrt(referenceNorm2));
            assertTrue(cosine >= 0.999, "position " + position + ": direction cosine " + cosine);
            assertEquals(Math.sqrt(referenceNorm2), direction.norm(), 0.01 * Math.sqrt(referenceNorm2),
                    "position " + position + ": direction norm");
            int disagreements = 0;
            float[] raw = new float[d];
            for (int p = 0; p < prompts; p++) {
                for (int j = 0; j < d; j++) {
                    raw[j] = (float) x[p][j];
                }
                boolean ours = direction.score(raw, 0) > 0;
                boolean theirs = NewtonReference.score(model, x[p]) > 0;
                disagreements += ours == theirs ? 0 : 1;
            }
            assertTrue(disagreements <= 1, "position " + position + ": " + disagreements + " prompts classified "
                    + "differently by the all-prompt directions");
        }
    }

    /**
     * Position 0: no label signal; position 1: a weak planted label direction under the shared directions and
     * noise (about 75% accuracy); position 2: a strong one without isotropic noise, so the training rows span only
     * 7 dimensions (rank cut of the pivoted Cholesky).
     */
    private static InMemoryProbeData residualLike(int prompts, int d) {
        String[] ids = new String[prompts];
        String[] labels = new String[prompts];
        String[] groups = new String[prompts];
        SplittableRandom random = new SplittableRandom(424242);
        for (int p = 0; p < prompts; p++) {
            ids[p] = "p" + p;
            labels[p] = random.nextBoolean() ? "yes" : "no";
            groups[p] = "g" + p / 3;
        }
        double[][] strengths = {{0, 0.05}, {0.02, 0.05}, {0.5, 0}};
        InMemoryProbeData data = new InMemoryProbeData(1, strengths.length, d, ids, labels, groups);
        for (int position = 0; position < strengths.length; position++) {
            double[][] basis = new double[FACTORS + 1][d];
            for (double[] v : basis) {
                for (int j = 0; j < d; j++) {
                    v[j] = random.nextGaussian() / Math.sqrt(d);
                }
            }
            float[] m = new float[prompts * d];
            for (int p = 0; p < prompts; p++) {
                double y = labels[p].equals("yes") ? 1 : -1;
                double[] z = new double[FACTORS];
                for (int f = 0; f < FACTORS; f++) {
                    z[f] = 4 * random.nextGaussian();
                }
                for (int j = 0; j < d; j++) {
                    double v = 3.0 + strengths[position][1] * random.nextGaussian()
                            + strengths[position][0] * y * basis[FACTORS][j] * Math.sqrt(d) / 4;
                    for (int f = 0; f < FACTORS; f++) {
                        v += z[f] * basis[f][j];
                    }
                    m[p * d + j] = (float) v;
                }
            }
            data.setMatrix(0, position, m);
        }
        return data;
    }

    private static double[][] rows(InMemoryProbeData data, int position, int prompts, int d) {
        float[] m = new float[prompts * d];
        data.readMatrix(0, position, m);
        double[][] x = new double[prompts][d];
        for (int p = 0; p < prompts; p++) {
            for (int j = 0; j < d; j++) {
                x[p][j] = m[p * d + j];
            }
        }
        return x;
    }

    private static int crossValidatedCorrect(double[][] x, int[] y, int[] foldOf, int folds, double lambda) {
        int correct = 0;
        for (int f = 0; f < folds; f++) {
            int trainCount = 0;
            for (int p = 0; p < x.length; p++) {
                trainCount += foldOf[p] != f ? 1 : 0;
            }
            double[][] tx = new double[trainCount][];
            int[] ty = new int[trainCount];
            int t = 0;
            for (int p = 0; p < x.length; p++) {
                if (foldOf[p] != f) {
                    tx[t] = x[p];
                    ty[t++] = y[p];
                }
            }
            double[] model = NewtonReference.fit(tx, ty, lambda);
            for (int p = 0; p < x.length; p++) {
                if (foldOf[p] == f) {
                    correct += (NewtonReference.score(model, x[p]) > 0 ? 1 : 0) == y[p] ? 1 : 0;
                }
            }
        }
        return correct;
    }
}
