package io.mechanist.runtime.reference.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

final class Checks {

    private Checks() {
    }

    static double maxAbsDiff(double[][] a, double[][] b) {
        assertEquals(a.length, b.length, "row count");
        double max = 0;
        for (int i = 0; i < a.length; i++) {
            assertEquals(a[i].length, b[i].length, "row " + i + " length");
            for (int j = 0; j < a[i].length; j++) {
                max = Math.max(max, Math.abs(a[i][j] - b[i][j]));
            }
        }
        return max;
    }

    static double maxAbs(double[][] a) {
        double max = 0;
        for (double[] row : a) {
            for (double v : row) {
                max = Math.max(max, Math.abs(v));
            }
        }
        return max;
    }

    static void assertClose(double[][] expected, double[][] actual, double tolerance, String what) {
        if (expected == null) {
            fail(what + ": missing on the expected side");
        }
        double diff = maxAbsDiff(expected, actual);
        if (!(diff <= tolerance)) {
            fail(what + ": max abs difference " + diff + " exceeds " + tolerance);
        }
    }
}
