package io.mechanist.runtime.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.function.ToDoubleFunction;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import io.mechanist.core.hooks.HookPoint;
import io.mechanist.core.hooks.HookSite;
import io.mechanist.runtime.Family;
import io.mechanist.runtime.HookedTransformer;
import io.mechanist.runtime.LogitMetric;
import io.mechanist.runtime.RunResult;
import io.mechanist.runtime.SiteActivations;
import io.mechanist.runtime.intervention.InterventionPlan;
import io.mechanist.runtime.reference.ActivationEdit;
import io.mechanist.runtime.reference.ReferenceModel;

/**
 * Gradients of metrics other than a logit difference: the log-probability of a token, and a metric a plug-in
 * supplies (here the probability of a token, written as a caller would: value and derivative by the logits in plain
 * Java), against central finite differences of the same metric in the double-precision reference.
 */
class MetricGradientTest {
    private static final double H = 1e-3;
    private static final int TOKEN = 7;

    /** The probability of TOKEN, as a plug-in would supply it: d p_t / d l_v = p_t (1[v = t] - p_v). */
    private static final LogitMetric PROBABILITY = (prompt, logits) -> {
        double[] p = softmax(logits);
        float[] g = new float[logits.length];
        for (int v = 0; v < g.length; v++) {
            g[v] = (float) (p[TOKEN] * ((v == TOKEN ? 1 : 0) - p[v]));
        }
        return g;
    };

    @ParameterizedTest
    @EnumSource(Family.class)
    void logProbabilityAndAPlugInMetricMatchFiniteDifferences(Family family) throws Exception {
        Path dir = Fixtures.checkpoint(family);
        long[] tokens = Fixtures.sampleTokens(family);
        int n = tokens.length;
        ReferenceModel reference = ReferenceModel.load(dir);
        List<HookSite> sites = List.of(HookSite.global(HookPoint.EMBED), HookSite.of(HookPoint.ATTN_Z, 1),
                HookSite.of(HookPoint.MLP_POST, 0), HookSite.of(HookPoint.RESID_POST, 1));
        ToDoubleFunction<double[]> logProb = last -> Math.log(softmax(last)[TOKEN]);
        ToDoubleFunction<double[]> probability = last -> softmax(last)[TOKEN];
        try (HookedTransformer model = HookedTransformer.load(dir)) {
            double worst = 0;
            double largest = 0;
            for (var metric : List.of(Map.entry(LogitMetric.logProbability(new long[] {TOKEN}), logProb),
                    Map.entry(PROBABILITY, probability))) {
                RunResult gradients = model.gradients(List.of(tokens), metric.getKey(), new LinkedHashSet<>(sites),
                        InterventionPlan.none(), 2);
                java.util.Random random = new java.util.Random(family.ordinal());
                for (HookSite site : sites) {
                    SiteActivations g = gradients.capture(site, 0);
                    for (int position : new int[] {n - 1, 0, n / 2}) {
                        int index = random.nextInt(g.width());
                        double numeric = finiteDifference(reference, tokens, site.id(), position, index,
                                metric.getValue());
                        double autograd = g.rowAt(position)[index];
                        double diff = Math.abs(numeric - autograd);
                        largest = Math.max(largest, Math.abs(numeric));
                        worst = Math.max(worst, diff);
                        if (!(diff <= 2e-4 + 1e-3 * Math.abs(numeric))) {
                            throw new AssertionError(family + " " + site.id() + " pos " + position + " [" + index
                                    + "]: autograd " + autograd + " finite difference " + numeric);
                        }
                    }
                }
            }
            assertTrue(largest > 1e-2, "the compared gradients are not all near zero: largest " + largest);
            System.out.printf("metric gradients %-12s max |autograd - finite difference| = %.3g (largest gradient "
                    + "compared %.3g)%n", family, worst, largest);
        }
    }

    @Test
    void aMetricGradientOfTheWrongLengthIsRefused() throws Exception {
        Path dir = Fixtures.checkpoint(Family.GPT2);
        try (HookedTransformer model = HookedTransformer.load(dir)) {
            IllegalStateException e = assertThrows(IllegalStateException.class, () -> model.gradients(
                    List.of(Fixtures.sampleTokens(Family.GPT2)), (prompt, logits) -> new float[3],
                    java.util.Set.of(HookSite.of(HookPoint.RESID_PRE, 1)), InterventionPlan.none(), 1));
            assertTrue(e.getMessage().contains("has 3 values; the vocabulary has"), e.getMessage());
            // the log-probability's derivative sums to zero over the vocabulary (softmax's constraint)
            float[] g = LogitMetric.logProbability(new long[] {TOKEN}).gradient(0, new float[] {1, 2, 3, 4, 5, 6, 7, 8});
            double sum = 0;
            for (float v : g) {
                sum += v;
            }
            assertEquals(0, sum, 1e-6);
        }
    }

    static double finiteDifference(ReferenceModel reference, long[] tokens, String site, int position, int index,
            ToDoubleFunction<double[]> metric) {
        double[] values = new double[2];
        for (int s = 0; s < 2; s++) {
            double step = s == 0 ? H : -H;
            ActivationEdit nudge = (pos, x) -> {
                if (pos == position) {
                    x[index] += step;
                }
                return x;
            };
            double[][] logits = reference.run(Fixtures.toInts(tokens), Map.of(site, nudge)).logits();
            values[s] = metric.applyAsDouble(logits[logits.length - 1]);
        }
        return (values[0] - values[1]) / (2 * H);
    }

    private static double[] softmax(double[] logits) {
        double max = Double.NEGATIVE_INFINITY;
        for (double l : logits) {
            max = Math.max(max, l);
        }
        double sum = 0;
        double[] p = new double[logits.length];
        for (int v = 0; v < p.length; v++) {
            p[v] = Math.exp(logits[v] - max);
            sum += p[v];
        }
        for (int v = 0; v < p.length; v++) {
            p[v] /= sum;
        }
        return p;
    }

    private static double[] softmax(float[] logits) {
        double[] d = new double[logits.length];
        for (int v = 0; v < d.length; v++) {
            d[v] = logits[v];
        }
        return softmax(d);
    }
}
