package io.mechanist.ui.saes.tests;

import static io.mechanist.testing.ui.Workbench.showView;
import static io.mechanist.testing.ui.Workbench.ui;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.eclipse.core.runtime.NullProgressMonitor;
import org.eclipse.swt.SWT;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.mechanist.capture.CaptureJob;
import io.mechanist.capture.Capturer;
import io.mechanist.demo.EmbeddedDemo;
import io.mechanist.core.analysis.AnalysisRegistry;
import io.mechanist.core.analysis.AnalysisRequest;
import io.mechanist.saes.DemoSae;
import io.mechanist.saes.analysis.FeatureResult;
import io.mechanist.saes.analysis.SaeFeaturesAnalysis;
import io.mechanist.store.ActivationStore;
import io.mechanist.store.AnalysisRunner;
import io.mechanist.store.StoredResults;
import io.mechanist.testing.ui.Screenshots;
import io.mechanist.ui.saes.FeaturesView;

/** The SAE Features view in the real workbench, on the shipped demo SAE's features of the demo model. */
class FeaturesViewTest {
    private static Path dir;
    private static FeatureResult result;
    private static int rows;

    @BeforeAll
    static void runFeatures() throws Exception {
        dir = Files.createTempDirectory("features-view");
        Path store = dir.resolve("store");
        Capturer.capture(CaptureJob.builder(store, EmbeddedDemo.modelFolder(), EmbeddedDemo.dataset(EmbeddedDemo.TEST_SET))
                .sites("blocks.2.resid_post").captureId("demo-test").build(), new NullProgressMonitor());
        try (ActivationStore opened = ActivationStore.open(store)) {
            String id = new AnalysisRunner(opened, AnalysisRegistry.fromPlatform()).run(new AnalysisRequest(
                    SaeFeaturesAnalysis.ID, Map.of("sae", DemoSae.folder().toString()), Map.of("activations",
                            "demo-test")), new NullProgressMonitor());
            result = FeatureResult.read(new StoredResults(opened), id);
            rows = Integer.parseInt(new StoredResults(opened).result(id).notes().get("rows"));
        }
    }

    @AfterAll
    static void cleanUp() throws Exception {
        try (var paths = Files.walk(dir)) {
            paths.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }

    @Test
    void showsEveryFeatureAndTheSelectedOnesExamplesAndHistogram() throws Exception {
        FeaturesView view = showView(FeaturesView.ID, FeaturesView.class);
        ui(() -> {
            view.show(result);
            return null;
        });
        assertEquals(256, (int) ui(() -> view.featuresTable().getItemCount()));
        int densest = ui(view::selectedFeature);
        for (int j = 0; j < result.features(); j++) {
            assertTrue(result.density()[j] <= result.density()[densest]);
        }
        assertEquals(10, (int) ui(() -> view.examplesTable().getItemCount()));
        assertTrue(ui(() -> view.examplesTable().getItem(0).getText(4)).contains("["), "the token in brackets");
        double[] counts = ui(() -> view.histogram().lines().get(0).y());
        double total = 0;
        for (double c : counts) {
            total += c;
        }
        assertEquals(result.density()[densest] * rows, total, 1e-6, "the histogram counts every firing token");

        // typing an index selects that feature
        int wanted = densest == 7 ? 8 : 7;
        ui(() -> {
            org.eclipse.swt.widgets.Text search = findSearch(view);
            search.setText(Integer.toString(wanted));
            search.notifyListeners(SWT.DefaultSelection, new org.eclipse.swt.widgets.Event());
            return null;
        });
        assertEquals(wanted, (int) ui(view::selectedFeature));
        assertEquals(result.examples().get(wanted).size(), (int) ui(() -> view.examplesTable().getItemCount()));
        Screenshots.painted(ui(() -> view.featuresTable().getShell()), "sae-features-view");
    }

    private static org.eclipse.swt.widgets.Text findSearch(FeaturesView view) {
        org.eclipse.swt.widgets.Composite top = (org.eclipse.swt.widgets.Composite) view.featuresTable().getParent()
                .getParent().getChildren()[0];
        for (org.eclipse.swt.widgets.Control c : top.getChildren()) {
            if (c instanceof org.eclipse.swt.widgets.Text t) {
                return t;
            }
        }
        throw new AssertionError("no search field");
    }
}
