package io.mechanist.probes.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

import io.mechanist.probes.ConfidenceIntervals;
import io.mechanist.probes.InMemoryProbeData;
import io.mechanist.probes.OutputReadout;
import io.mechanist.probes.OutputReadout.AnswerTokens;
import io.mechanist.probes.OutputReadout.ReadoutCell;
import io.mechanist.probes.OutputReadout.ReadoutResults;
import io.mechanist.probes.ProbeInputException;

class OutputReadoutTest {

    /** log P(A)/P(B) from a full softmax over a small vocabulary, computed the long way. */
    private static double viaSoftmax(float[] h, float[][] unembed, double[] bias, double cap, int a, int b) {
        double[] logits = new double[unembed.length];
        double max = Double.NEGATIVE_INFINITY;
        for (int v = 0; v < unembed.length; v++) {
            double z = bias[v];
            for (int j = 0; j < h.length; j++) {
                z += (double) h[j] * unembed[v][j];
            }
            logits[v] = cap > 0 ? cap * Math.tanh(z / cap) : z;
            max = Math.max(max, logits[v]);
        }
        double sum = 0;
        for (double z : logits) {
            sum += Math.exp(z - max);
        }
        double logPa = logits[a] - max - Math.log(sum);
        double logPb = logits[b] - max - Math.log(sum);
        return logPa - logPb;
    }

    @Test
    void logRatioEqualsSoftmaxLogProbabilityDifference() {
        SplittableRandom random = new SplittableRandom(3);
        int d = 16;
        int vocab = 50;
        float[][] unembed = new float[vocab][d];
        double[] bias = new double[vocab];
        for (int v = 0; v < vocab; v++) {
            for (int j = 0; j < d; j++) {
                unembed[v][j] = (float) random.nextGaussian();
            }
            bias[v] = random.nextGaussian();
        }
        int n = 5;
        float[] normed = new float[n * d];
        for (int i = 0; i < normed.length; i++) {
            normed[i] = (float) (3 * random.nextGaussian());
        }
        for (double cap : new double[] {0, 30}) {
            AnswerTokens tokens = new AnswerTokens("A", unembed[7], unembed[11], bias[7], bias[11], cap);
            double[] ratios = OutputReadout.logRatios(normed, n, d, tokens);
            for (int p = 0; p < n; p++) {
                float[] h = java.util.Arrays.copyOfRange(normed, p * d, (p + 1) * d);
                assertEquals(viaSoftmax(h, unembed, bias, cap, 7, 11), ratios[p], 1e-9, "prompt " + p + " cap " + cap);
            }
        }
    }

    @Test
    void accuracyOfTheSignAgainstTheLabelWithWilsonInterval() {
        int n = 40;
        int d = 3;
        String[] ids = new String[n];
        String[] labels = new String[n];
        for (int p = 0; p < n; p++) {
            ids[p] = "r" + p;
            labels[p] = p % 2 == 0 ? "left" : "right";
        }
        InMemoryProbeData normed = new InMemoryProbeData(1, 2, d, ids, labels, null);
        float[] early = new float[n * d];
        float[] late = new float[n * d];
        for (int p = 0; p < n; p++) {
            boolean left = p % 2 == 0;
            early[p * d] = 1; // favours A for everyone
            late[p * d] = left ? 2 : -2; // favours the right answer ...
            if (p < 4) {
                late[p * d] = -late[p * d]; // ... except for four prompts
            }
        }
        normed.setMatrix(0, 0, early);
        normed.setMatrix(0, 1, late);
        normed.setPresent(39, 1, false);
        AnswerTokens tokens = new AnswerTokens("left", new float[] {1, 0, 0}, new float[] {-1, 0, 0}, 0, 0, 0);
        ReadoutResults results = OutputReadout.evaluate(normed, tokens);
        ReadoutCell first = results.cell(0, 0);
        assertEquals(40, first.n());
        assertEquals(0.5, first.accuracy(), 1e-12);
        assertEquals(0.0, first.meanLogRatio(), 1e-9);
        ReadoutCell second = results.cell(0, 1);
        assertEquals(39, second.n());
        assertEquals(35, second.correct());
        assertEquals(ConfidenceIntervals.wilson(35, 39), second.interval());
        assertEquals((35 * 4.0 - 4 * 4.0) / 39, second.meanLogRatio(), 1e-6);
        assertTrue(Float.isNaN(results.logRatios(0, 1)[39]));
        assertEquals(4.0, results.logRatios(0, 1)[10], 1e-6);
    }

    @Test
    void unknownAnswerLabelIsRejected() {
        InMemoryProbeData normed = new InMemoryProbeData(1, 1, 1, new String[] {"a", "b", "c", "d"},
                new String[] {"x", "y", "x", "y"}, null);
        normed.setMatrix(0, 0, new float[4]);
        String m = assertThrows(ProbeInputException.class, () -> OutputReadout.evaluate(normed,
                new AnswerTokens("z", new float[1], new float[1], 0, 0, 0))).getMessage();
        assertTrue(m.contains("'z'") && m.contains("'x' and 'y'"), m);
    }
}
