package io.mechanist.ui.probes.tests;

import static io.mechanist.testing.ui.Workbench.showView;
import static io.mechanist.testing.ui.Workbench.ui;
import static io.mechanist.testing.ui.Workbench.waitUntil;
import static io.mechanist.testing.ui.Workbench.window;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

import org.eclipse.e4.core.services.events.IEventBroker;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Event;
import org.eclipse.ui.PlatformUI;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import org.osgi.service.event.EventHandler;

import io.mechanist.probes.InMemoryProbeData;
import io.mechanist.probes.OutputReadout.ReadoutResults;
import io.mechanist.probes.PositionAlignment;
import io.mechanist.probes.ProbeAnalysis;
import io.mechanist.probes.ProbeCell;
import io.mechanist.probes.ProbeConfig;
import io.mechanist.probes.ProbeMethod;
import io.mechanist.probes.ProbeResults;
import io.mechanist.probes.StoredProbeResults;
import io.mechanist.store.ActivationStore;
import io.mechanist.testing.PlantedStore;
import io.mechanist.testing.ui.Screenshots;
import io.mechanist.ui.charts.XYChartViewer;
import io.mechanist.ui.events.TokenPositionSelection;
import io.mechanist.ui.probes.ProbeAccuracyView;
import io.mechanist.ui.store.OpenStores;

/** Opens the probe accuracy view in the real workbench with real probe results and checks what a user sees. */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ProbeAccuracyViewTest {

    private static ProbeResults larger;
    private static ReadoutResults largerReadout;
    private static ProbeResults smaller;

    @BeforeAll
    static void runProbes() {
        InMemoryProbeData data = PlantedProbes.data(500, 1);
        larger = ProbeAnalysis.run(data, ProbeConfig.defaults().withThreads(2));
        largerReadout = PlantedProbes.readout(data);
        smaller = PlantedProbes.run(250, 2);
    }

    private static ProbeAccuracyView openView() {
        return showView(ProbeAccuracyView.ID, ProbeAccuracyView.class);
    }

    @Test
    @Order(1)
    void showsAccuracyByPositionWithBandsControlChanceAndTokens() throws Exception {
        ProbeAccuracyView view = openView();
        ui(() -> {
            view.show("model-a", larger, largerReadout);
            view.selectLayers(1, 3);
            return null;
        });
        XYChartViewer chart = ui(view::chart);
        assertEquals(List.of("L1 logistic (95% CI of one split)", "L1 control task", "L1 output read-out",
                "L3 logistic (95% CI of one split)", "L3 control task", "L3 output read-out",
                "chance (majority class)"), ui(chart::legendEntries));
        assertEquals(List.of("Q", ":", " Is", " it", " true", "?", " Let", " me", " think", "<eot>", " Answer", ":"),
                ui(chart::categoryLabels));
        String status = ui(view::statusText);
        assertTrue(status.contains("n = 500 prompts (250 groups)"), status);
        assertTrue(ui(() -> view.primaryPanel().title()).contains("n = 500"));
        // the planted signal: layer 3 rises to the answer marker, layer 1 stays near chance
        double[] l3 = larger.accuracyByPosition(ProbeMethod.LOGISTIC, 3);
        assertTrue(l3[10] > 0.9 && l3[0] < 0.65, java.util.Arrays.toString(l3));
        XYChartViewer.Line shown = ui(() -> chart.lines().get(3));
        assertEquals(l3[10], shown.y()[10]);
        // the 95% band contains the accuracy and has a width (at 100% accuracy its top is 1)
        assertTrue(shown.bandLow()[10] < l3[10] && shown.bandHigh()[10] >= l3[10], shown.bandLow()[10] + " "
                + shown.bandHigh()[10]);
        assertTrue(shown.bandLow()[5] < l3[5] && shown.bandHigh()[5] > l3[5]);
        waitUntil(() -> ui(() -> chart.control().getSize().x > 200), "the chart is laid out");
        Path shot = ui(() -> {
            chart.control().update();
            try {
                return Screenshots.save(window().getShell(), "probe-accuracy-view");
            } catch (Exception e) {
                throw new AssertionError(e);
            }
        });
        assertTrue(Files.size(shot) > 5000, "screenshot written to " + shot);
    }

    @Test
    @Order(2)
    void comparesTwoCapturesSideBySideWithTheirNAndWiderIntervalsForFewerPrompts() throws Exception {
        ProbeAccuracyView view = openView();
        ui(() -> {
            view.show("model-a", larger, null);
            view.selectLayers(3);
            view.compare("model-b", smaller, null);
            return null;
        });
        assertTrue(ui(() -> view.comparisonPanel().title()).startsWith("model-b: n = 250 prompts"));
        assertTrue(ui(view::statusText).contains("model-b: n = 250 prompts"));
        XYChartViewer.Line a = ui(() -> view.chart().lines().get(0));
        XYChartViewer.Line b = ui(() -> view.comparisonChart().lines().get(0));
        double widthA = a.bandHigh()[0] - a.bandLow()[0];
        double widthB = b.bandHigh()[0] - b.bandLow()[0];
        assertTrue(widthB > 1.2 * widthA, "interval with 250 prompts " + widthB + " vs 500 prompts " + widthA);
        waitUntil(() -> ui(() -> view.comparisonChart().control().getSize().x > 200), "both charts are laid out");
        ui(() -> {
            try {
                return Screenshots.save(window().getShell(), "probe-accuracy-compare");
            } catch (Exception e) {
                throw new AssertionError(e);
            }
        });
        ui(() -> {
            view.compare(null, null, null);
            return null;
        });
    }

    @Test
    @Order(3)
    void followsPositionSelectionsAndPublishesClicks() throws Exception {
        ProbeAccuracyView view = openView();
        ui(() -> {
            view.show("model-a", larger, null);
            return null;
        });
        IEventBroker broker = PlatformUI.getWorkbench().getService(IEventBroker.class);
        broker.post(TokenPositionSelection.TOPIC, new TokenPositionSelection("heatmap: prompt 0", 5, "?"));
        waitUntil(() -> ui(() -> view.chart().marker()) == 5, "the marker follows the heatmap's selection");

        AtomicReference<TokenPositionSelection> received = new AtomicReference<>();
        EventHandler handler = event -> {
            TokenPositionSelection s = (TokenPositionSelection) event.getProperty(IEventBroker.DATA);
            if (s.source().startsWith(ProbeAccuracyView.SOURCE_PREFIX)) {
                received.set(s);
            }
        };
        broker.subscribe(TokenPositionSelection.TOPIC, handler);
        try {
            ui(() -> {
                XYChartViewer chart = view.chart();
                Event up = new Event();
                up.x = chart.pixelOf(10);
                up.y = 20;
                up.button = 1;
                chart.plotControl().notifyListeners(SWT.MouseUp, up);
                return null;
            });
            waitUntil(() -> received.get() != null, "the click is published");
            assertEquals(10, received.get().position());
            assertEquals(" Answer", received.get().token());
            assertEquals(10, ui(() -> view.chart().marker()));
        } finally {
            broker.unsubscribe(handler);
        }
    }

    @Test
    @Order(4)
    void exportsPngAndCsv(@TempDir Path dir) throws Exception {
        ProbeAccuracyView view = openView();
        Path png = dir.resolve("chart.png");
        Path csv = dir.resolve("chart.csv");
        ui(() -> {
            view.show("model-a", larger, null);
            view.selectLayers(3);
            try {
                view.exportTo(png);
                view.exportTo(csv);
            } catch (java.io.IOException e) {
                throw new AssertionError(e);
            }
            return null;
        });
        assertTrue(Files.size(png) > 2000);
        List<String> lines = Files.readAllLines(csv, StandardCharsets.UTF_8);
        assertEquals(1 + PlantedProbes.TOKENS.size(), lines.size());
        assertTrue(lines.get(0).startsWith(
                "index,category,L3 logistic (95% CI of one split),L3 logistic (95% CI of one split) low"),
                lines.get(0));
        assertTrue(lines.get(11).startsWith("10, Answer,"), lines.get(11));
    }

    /**
     * "Run probes..." runs the probe analysis in a background job and stores its result in the store, with the
     * parameters of the run: the result is listed in the Store Navigator and shown here from the store.
     */
    @Test
    @Order(5)
    void runsProbesOnAStoredCaptureInABackgroundJobAndStoresTheResult(@TempDir Path dir) throws Exception {
        Path store = dir.resolve("store").toAbsolutePath().normalize();
        PlantedStore.write(store);
        ProbeAccuracyView view = openView();
        try {
            ui(() -> view.runProbes(store, PlantedStore.CAPTURE, "resid_post", "answer",
                    PositionAlignment.relativeToAnchor("Answer", 3, 1),
                    ProbeConfig.defaults().withFolds(4).withThreads(2)));
            waitUntil(() -> !view.isRunning() && ui(view::statusText).startsWith(PlantedStore.CAPTURE + " (result-"),
                    "the probe job finishes and its stored result is shown");
            String status = ui(view::statusText);
            assertTrue(status.contains("n = " + PlantedStore.PROMPTS + " prompts"), status);
            assertTrue(status.contains("best blocks.2.resid_post"), status);
            assertEquals(" Answer", ui(() -> view.chart().categoryLabels().get(3)));
            assertEquals("blocks.2.resid_post logistic (95% CI of one split)",
                    ui(() -> view.chart().legendEntries().get(0)));

            String resultId = status.substring((PlantedStore.CAPTURE + " (").length(), status.indexOf(')'));
            try (ActivationStore s = ActivationStore.openReadOnly(store)) {
                java.util.Map<String, String> parameters = s.read(m -> {
                    var r = m.getResults().stream().filter(x -> x.getId().equals(resultId)).findFirst().orElseThrow();
                    assertEquals(StoredProbeResults.ANALYSIS_ID, r.getAnalysisId());
                    java.util.Map<String, String> p = new java.util.HashMap<>();
                    r.getParameters().forEach(e -> p.put(e.getKey(), e.getValue()));
                    return p;
                });
                assertEquals("anchor", parameters.get("alignment"));
                assertEquals("Answer", parameters.get("anchor"));
                assertEquals("3", parameters.get("before"));
                assertEquals("1", parameters.get("after"));
                assertEquals("4", parameters.get("folds"));
                assertEquals(PlantedStore.CAPTURE, parameters.get("input.activations"));
                // what the view shows is what the store holds
                ProbeResults stored = StoredProbeResults.read(s, resultId).results();
                ProbeCell best = stored.best(ProbeMethod.LOGISTIC);
                ui(() -> {
                    view.selectLayers(best.layer());
                    return null;
                });
                assertEquals(best.accuracy(), ui(() -> view.chart().lines().get(0).y()[best.position()]));
            }
            waitUntil(() -> ProbeAccuracyView.storedProbeResults().stream().anyMatch(c -> c.resultId().equals(resultId)),
                    "the store is open in the navigator with the new result listed");
        } finally {
            OpenStores.instance().close(store);
        }
    }
}
