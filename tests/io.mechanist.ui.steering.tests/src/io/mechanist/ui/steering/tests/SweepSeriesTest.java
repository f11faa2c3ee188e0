package io.mechanist.ui.steering.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

import io.mechanist.ui.steering.internal.SweepSeries;

/** Distribution statistics and axis labels against numpy (np.quantile, linear interpolation). */
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
}
