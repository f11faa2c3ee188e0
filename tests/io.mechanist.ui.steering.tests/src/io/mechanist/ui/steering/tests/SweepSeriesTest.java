package io.mechanist.ui.steering.tests;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;

import org.junit.jupiter.api.Test;

import io.mechanist.steering.SweepConfig;
import io.mechanist.steering.SweepResult;
import io.mechanist.ui.steering.internal.SweepSeries;
import io.mechanist.ui.steering.internal.SweepSeries.Metric;

/**
 * Distribution statistics and axis labels against numpy (np.quantile, linear interpolation); the change histogram's
 * round bins.
 */
class SweepSeriesTest {

    @Test
    void quantilesMatchNumpy() {
        // np.quantile([0.3, -1.5, 2.25, 0, 7, 1, -0.25] as float32, [0, .25, .5, .75, 1]) and mean
        SweepSeries.Distribution d = SweepSeries.distribution(new float[] { 0.3f, -1.5f, 2.25f, 0f, 7f, 1f, -0.25f });
        assertEquals(-1.5, d.min(), 1e-12);
        assertEquals(-0.125, d.q1(), 1e-12);
        assertEquals(0.30000001192092896, d.median(), 1e-12);
        assertEquals(1.625, d.q3(), 1e-12);
        assertEquals(7.0, d.max(), 1e-12);
        assertEquals(1.257142858845847, d.mean(), 1e-12);
        SweepSeries.Distribution two = SweepSeries.distribution(new float[] { 4f, 1f });
        assertEquals(1.75, two.q1(), 1e-12);
        assertEquals(2.5, two.median(), 1e-12);
        assertEquals(3.25, two.q3(), 1e-12);
    }

    @Test
    void multiplierLabelsAreSignedAndShort() {
        assertEquals("-1", SweepSeries.multiplierLabel(-1));
        assertEquals("0", SweepSeries.multiplierLabel(0));
        assertEquals("+0.25", SweepSeries.multiplierLabel(0.25));
        assertEquals("-0.5", SweepSeries.multiplierLabel(-0.5));
        assertEquals("+2", SweepSeries.multiplierLabel(2));
        assertEquals("+0.1", SweepSeries.multiplierLabel(0.1));
    }

    /**
     * Logit-difference changes of -7.3, 0, +0.4, +0.6 and +2.5: the largest needs ten bins of 1 each side (0.73 rounds
     * up to 1), so the centres are -10..+10, 0 and +0.4 share the "no change" bin, +0.6 rounds to +1 and +2.5 to +3.
     */
    @Test
    void logitHistogramBinsAreCentredOnRoundValues() {
        float[] baseline = {1, -2, 0.5f, 3, -1};
        float[] change = {-7.3f, 0, 0.4f, 0.6f, 2.5f};
        int n = baseline.length;
        float[] logitDiff = new float[2 * n];
        for (int p = 0; p < n; p++) {
            logitDiff[p] = baseline[p];
            logitDiff[n + p] = baseline[p] + change[p];
        }
        float[] probability = new float[logitDiff.length];
        for (int i = 0; i < logitDiff.length; i++) {
            probability[i] = (float) (1 / (1 + Math.exp(-logitDiff[i])));
        }
        SweepResult result = new SweepResult(SweepConfig.of(List.of(0), 0, 1).withControl(false), n,
                new double[] {10}, new double[][] {{1}}, probability, probability.clone(), logitDiff, baseline);
        SweepSeries.Histogram h = new SweepSeries(result).shiftHistogram(Metric.LOGIT_DIFF, 0, 1);
        assertEquals(SweepSeries.HISTOGRAM_BINS, h.labels().size());
        assertEquals("-10", h.labels().get(0));
        assertEquals("-5", h.labels().get(SweepSeries.HISTOGRAM_LABEL_STEP));
        assertEquals("0", h.labels().get(10));
        assertEquals("+10", h.labels().get(20));
        double[] expected = new double[21];
        expected[10 - 7] = 0.2;
        expected[10] = 0.4;
        expected[11] = 0.2;
        expected[13] = 0.2;
        assertArrayEquals(expected, h.share()[0], 1e-12);

        SweepSeries.Histogram p = new SweepSeries(result).shiftHistogram(Metric.PROBABILITY, 0, 1);
        assertEquals(List.of("-1", "-0.9"), p.labels().subList(0, 2));
        assertEquals(List.of("-0.5", "0", "+0.5", "+1"), List.of(p.labels().get(5), p.labels().get(10),
                p.labels().get(15), p.labels().get(20)));
    }
}
