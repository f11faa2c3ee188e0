package io.mechanist.probes.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.EnumSet;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import io.mechanist.probes.InMemoryProbeData;
import io.mechanist.probes.ProbeAnalysis;
import io.mechanist.probes.ProbeCell;
import io.mechanist.probes.ProbeConfig;
import io.mechanist.probes.ProbeDirection;
import io.mechanist.probes.ProbeMethod;
import io.mechanist.probes.ProbeResults;
import io.mechanist.probes.internal.GroupedFolds;
import io.mechanist.probes.internal.Labels;

/** Cross-validated accuracies equal the independent double-precision reference within one point. */
class ReferenceAgreementTest {

    @ParameterizedTest(name = "n={0} d={1} (more rows than features: {2})")
    @CsvSource({"160, 24, true", "90, 150, false"})
    void accuraciesMatchReference(int n, int d, boolean primal) {
        double[][] planted = {{0, 0.6, 1.2}};
        InMemoryProbeData data = Synthetic.data(n, d, 3, planted, 11 + n);
        ProbeConfig config = ProbeConfig.defaults().withThreads(2).withL2(0.02);
        ProbeResults results = ProbeAnalysis.run(data, config);

        Labels labels = Labels.of(data);
        int[] folds = GroupedFolds.assign(labels, config.folds(), config.seed());
        for (int k = 0; k < planted[0].length; k++) {
            double[][] x = rows(data, 0, k);
            for (ProbeMethod method : ProbeMethod.values()) {
                boolean logistic = method == ProbeMethod.LOGISTIC;
                ProbeCell cell = results.cell(method, 0, k);
                int reference = ReferenceProbes.crossValidatedCorrect(x, labels.classOf(), folds, config.folds(),
                        logistic, config.l2());
                double referenceControl = 0; // the mean over the permutations, each within the folds
                for (int permutation = 0; permutation < config.controlPermutations(); permutation++) {
                    int[] control = GroupedFolds.permutedWithinFolds(labels.classOf(), folds, config.seed(),
                            permutation);
                    referenceControl += ReferenceProbes.crossValidatedCorrect(x, control, folds, config.folds(),
                            logistic, config.l2());
                }
                referenceControl /= config.controlPermutations();
                assertEquals(n, cell.n());
                assertEquals((double) reference / n, cell.accuracy(), 0.01,
                        method.id() + " accuracy at position " + k);
                assertEquals(referenceControl / n, cell.controlAccuracy(), 0.01,
                        method.id() + " control accuracy at position " + k);
            }
        }
    }

    @ParameterizedTest(name = "n={0} d={1}")
    @CsvSource({"160, 24", "90, 150"})
    void directionsAreInOriginalSpaceAndMatchReference(int n, int d) {
        InMemoryProbeData data = Synthetic.data(n, d, 3, new double[][] {{1.0}}, 5 + d);
        ProbeConfig config = ProbeConfig.defaults().withThreads(1).withL2(0.02).withControlTask(false);
        ProbeResults results = ProbeAnalysis.run(data, config);
        Labels labels = Labels.of(data);
        double[][] x = rows(data, 0, 0);
        for (ProbeMethod method : ProbeMethod.values()) {
            ProbeDirection direction = results.direction(method, 0, 0);
            double[] reference = method == ProbeMethod.LOGISTIC ? ReferenceProbes.logistic(x, labels.classOf(),
                    config.l2()) : ReferenceProbes.massMean(x, labels.classOf());
            double cosine = 0;
            double na = 0;
            double nb = 0;
            for (int j = 0; j < d; j++) {
                cosine += direction.weights()[j] * reference[j];
                na += direction.weights()[j] * direction.weights()[j];
                nb += reference[j] * reference[j];
            }
            cosine /= Math.sqrt(na * nb);
            assertTrue(cosine > 0.999, method.id() + " direction cosine with reference " + cosine);
            assertEquals(Math.sqrt(nb), direction.norm(), 0.01 * Math.sqrt(nb), method.id() + " direction norm");
            // the stored direction scores raw activations exactly like the reference model
            float[] raw = new float[n * d];
            data.readMatrix(0, 0, raw);
            int agree = 0;
            for (int p = 0; p < n; p++) {
                agree += (direction.score(raw, p * d) > 0) == (ReferenceProbes.score(reference, x[p]) > 0) ? 1 : 0;
            }
            assertTrue(agree >= n - 1, method.id() + " predictions agree on " + agree + " of " + n);
            assertEquals("yes", direction.positiveLabel());
        }
    }

    @ParameterizedTest(name = "methods subset {0}")
    @CsvSource({"LOGISTIC", "MASS_MEAN"})
    void singleMethodRunsAlone(ProbeMethod method) {
        InMemoryProbeData data = Synthetic.data(60, 8, 2, new double[][] {{1.5}}, 3);
        ProbeResults results = ProbeAnalysis.run(data, ProbeConfig.defaults().withMethods(EnumSet.of(method)));
        assertEquals(1, results.methods().size());
        assertTrue(results.cell(method, 0, 0).accuracy() > 0.7);
    }

    static double[][] rows(InMemoryProbeData data, int layer, int position) {
        int n = data.promptCount();
        int d = data.dModel();
        float[] m = new float[n * d];
        data.readMatrix(layer, position, m);
        double[][] x = new double[n][d];
        for (int p = 0; p < n; p++) {
            for (int j = 0; j < d; j++) {
                x[p][j] = m[p * d + j];
            }
        }
        return x;
    }
}
