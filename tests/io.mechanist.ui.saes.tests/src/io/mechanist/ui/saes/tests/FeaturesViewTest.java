package io.mechanist.ui.saes.tests;

import static io.mechanist.testing.ui.Workbench.showView;
import static io.mechanist.testing.ui.Workbench.ui;
import static io.mechanist.testing.ui.Workbench.waitUntil;
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

import org.eclipse.e4.core.services.events.IEventBroker;
import org.eclipse.ui.PlatformUI;

import io.mechanist.capture.CaptureJob;
import io.mechanist.capture.Capturer;
import io.mechanist.demo.EmbeddedDemo;
import io.mechanist.core.analysis.AnalysisRegistry;
import io.mechanist.core.analysis.AnalysisRequest;
import io.mechanist.core.activations.ActivationSet;
import io.mechanist.core.activations.FloatMatrix;
import io.mechanist.heatmap.HeatmapData;
import io.mechanist.saes.DemoSae;
import io.mechanist.saes.SaeFolder;
import io.mechanist.saes.SparseAutoencoder;
import io.mechanist.saes.analysis.FeatureResult;
import io.mechanist.saes.analysis.SaeFeaturesAnalysis;
import io.mechanist.store.ActivationStore;
import io.mechanist.store.AnalysisRunner;
import io.mechanist.store.StoredResults;
import io.mechanist.testing.ui.Screenshots;
import io.mechanist.ui.charts.HeatmapCanvas;
import io.mechanist.ui.heatmap.HeatmapView;
import io.mechanist.ui.saes.FeaturesView;
import io.mechanist.ui.store.OpenStores;
import io.mechanist.ui.events.StoreResultSelection;

/** The SAE Features view in the real workbench, on the shipped demo SAE's features of the demo model. */
class FeaturesViewTest {
    private static Path dir;
    private static Path store;
    private static String resultId;
    private static FeatureResult result;
    private static int rows;

    @BeforeAll
    static void runFeatures() throws Exception {
        dir = Files.createTempDirectory("features-view");
        store = dir.resolve("store");
        Capturer.capture(CaptureJob.builder(store, EmbeddedDemo.modelFolder(), EmbeddedDemo.dataset(EmbeddedDemo.TEST_SET))
                .sites("blocks.2.resid_post").captureId("demo-test").build(), new NullProgressMonitor());
        try (ActivationStore opened = ActivationStore.open(store)) {
            String id = resultId = new AnalysisRunner(opened, AnalysisRegistry.fromPlatform()).run(new AnalysisRequest(
                    SaeFeaturesAnalysis.ID, Map.of("sae", DemoSae.folder().toString(), "prompt", "3"), Map.of("activations",
                            "demo-test")), new NullProgressMonitor());
            result = FeatureResult.read(new StoredResults(opened), id);
            rows = Integer.parseInt(new StoredResults(opened).result(id).notes().get("rows"));
        }
    }

    @AfterAll
    static void cleanUp() throws Exception {
        OpenStores.instance().close(store);
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

    @Test
    void theSelectedFeatureIsARowOverThePromptInTheHeatmap() throws Exception {
        FeaturesView view = showView(FeaturesView.ID, FeaturesView.class);
        HeatmapView heatmap = showView(HeatmapView.ID, HeatmapView.class);
        OpenStores.instance().open(store).join();
        IEventBroker broker = PlatformUI.getWorkbench().getService(IEventBroker.class);
        ui(() -> {
            view.show(new FeatureResult("none", "", new double[1], new double[1], new double[1], new String[] {""},
                    new String[] {""}, new String[] {""}, java.util.List.of(java.util.List.of()),
                    new float[][] {{0}}), null); // something else first, so the store's result is seen to arrive
            broker.send(StoreResultSelection.TOPIC, new StoreResultSelection(store, resultId, SaeFeaturesAnalysis.ID,
                    "features"));
            return null;
        });
        waitUntil(() -> ui(() -> view.featuresTable().getItemCount()) == 256, "the stored features are shown");
        HeatmapCanvas canvas = ui(heatmap::canvas);
        int densest = ui(view::selectedFeature);
        waitUntil(() -> ui(() -> canvas.data() != null && canvas.data().title().equals("SAE feature " + densest + " on prompt 3")),
                "selecting shows the feature in the open heatmap");

        // a feature that fires on prompt 3, independently: the capture's rows encoded with the SAE
        SparseAutoencoder sae = SaeFolder.load(DemoSae.folder()).sae();
        float[][] encoded;
        java.util.List<String> tokens = new java.util.ArrayList<>();
        try (ActivationStore opened = ActivationStore.openReadOnly(store);
                ActivationSet capture = opened.openCapture("demo-test")) {
            FloatMatrix x = capture.prompt("blocks.2.resid_post", 3);
            encoded = new float[x.rows()][sae.dSae()];
            for (int r = 0; r < x.rows(); r++) {
                sae.encode(x.data(), r * sae.dIn(), encoded[r]);
            }
            for (int p : capture.positions(3)) {
                tokens.add(capture.prompts().get(3).tokens().get(p));
            }
        }
        int firing = -1;
        for (int f = 0; f < sae.dSae() && firing < 0; f++) {
            for (float[] row : encoded) {
                if (row[f] > 0 && f != densest) {
                    firing = f;
                    break;
                }
            }
        }
        int feature = firing;
        ui(() -> {
            view.selectFeature(feature);
            return null;
        });
        waitUntil(() -> ui(() -> canvas.data().title().equals("SAE feature " + feature + " on prompt 3")),
                "the newly selected feature is shown");
        HeatmapData shown = ui(canvas::data);
        assertEquals("feature " + feature, shown.rowLabels().get(0));
        assertEquals(tokens, shown.columnLabels(), "the prompt's tokens along the positions");
        for (int c = 0; c < shown.columns(); c++) {
            assertEquals(encoded[c][feature], shown.value(0, c), 1e-5f, "position " + c);
        }
        for (int r = 1; r < shown.rows(); r++) { // the other rows fire somewhere on the prompt
            float max = 0;
            for (int c = 0; c < shown.columns(); c++) {
                max = Math.max(max, shown.value(r, c));
            }
            assertTrue(max > 0, shown.rowLabels().get(r));
        }
        Screenshots.painted(ui(() -> canvas.getShell()), "sae-feature-heatmap");
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
