package io.mechanist.saes.tests;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;

import org.junit.jupiter.api.Test;

import io.mechanist.core.activations.ActivationSet;
import io.mechanist.saes.DemoSae;
import io.mechanist.saes.SaeFolder;
import io.mechanist.saes.fit.FitCheck;
import io.mechanist.store.ActivationStore;

/** The SAE shipped with the demo is what training with the defaults gives, and it fits the demo model. */
class ShippedDemoSaeTest {

    @Test
    void shippedSaeIsReproducibleAndFits() throws Exception {
        DemoSaes demo = DemoSaes.shared();
        SaeFolder shipped = SaeFolder.load(DemoSae.folder());
        assertEquals(DemoSaes.SITE, shipped.sae().config().site());
        assertArrayEquals(demo.training.sae().decoderWeights(), shipped.sae().decoderWeights(),
                "mechanist sae train --seed 1 on the demo's training prompts reproduces the shipped weights");
        assertArrayEquals(demo.training.sae().encoderWeights(), shipped.sae().encoderWeights());
        try (ActivationStore store = ActivationStore.open(demo.storeFolder);
                ActivationSet test = store.openCapture(DemoSaes.TEST)) {
            FitCheck.Report report = FitCheck.check(shipped, test, null, Integer.MAX_VALUE, Optional.empty(),
                    FitCheck.Thresholds.defaults());
            assertEquals("fits", report.verdict(), () -> report.findings().toString());
            assertTrue(report.stats().explainedVariance() > 0.9);
        }
    }
}
