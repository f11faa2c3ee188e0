package io.mechanist.ui.probes.tests;

import static io.mechanist.testing.ui.Workbench.page;
import static io.mechanist.testing.ui.Workbench.ui;
import static io.mechanist.testing.ui.Workbench.waitUntil;
import static io.mechanist.testing.ui.Workbench.window;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

import org.eclipse.core.runtime.NullProgressMonitor;
import org.eclipse.e4.core.services.events.IEventBroker;
import org.eclipse.e4.ui.model.application.ui.basic.MPart;
import org.eclipse.e4.ui.workbench.modeling.EPartService;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Event;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.swt.widgets.Table;
import org.eclipse.swt.widgets.TableItem;
import org.eclipse.ui.PlatformUI;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.osgi.service.event.EventHandler;

import io.mechanist.core.activations.ActivationSet;
import io.mechanist.core.analysis.AnalysisRegistry;
import io.mechanist.core.analysis.AnalysisRequest;
import io.mechanist.probes.ProbeCell;
import io.mechanist.probes.ProbeDirection;
import io.mechanist.probes.ProbeMethod;
import io.mechanist.probes.ProbeResults;
import io.mechanist.probes.StoredProbeResults;
import io.mechanist.store.ActivationStore;
import io.mechanist.store.AnalysisRunner;
import io.mechanist.testing.PlantedStore;
import io.mechanist.ui.events.SteerAlongProbe;
import io.mechanist.ui.events.StorePromptSelection;
import io.mechanist.ui.events.StoreResultSelection;
import io.mechanist.ui.events.TokenPositionSelection;
import io.mechanist.ui.probes.ProbeAccuracyView;
import io.mechanist.ui.store.OpenStores;

/**
 * A stored probe result opened from the Store Navigator's event shows in the view, and "Steer along this probe"
 * posts the request for the probe the user picked, with that probe's own direction.
 */
class StoredResultAndSteeringTest {

    @TempDir
    static Path dir;
    private static Path store;
    private static String resultId;
    private static ProbeResults stored;

    @BeforeAll
    static void runStoredAnalysis() throws Exception {
        store = dir.resolve("store");
        PlantedStore.write(store);
        try (ActivationStore s = ActivationStore.open(store)) {
            resultId = new AnalysisRunner(s, AnalysisRegistry.fromPlatform()).run(new AnalysisRequest(
                    StoredProbeResults.ANALYSIS_ID, Map.of("label", "answer", "anchor", "Answer", "before", "3",
                            "after", "1", "folds", "4"), Map.of("activations", PlantedStore.CAPTURE)),
                    new NullProgressMonitor());
        }
        try (ActivationStore s = ActivationStore.openReadOnly(store)) {
            stored = StoredProbeResults.read(s, resultId).results();
        }
    }

    private static ProbeAccuracyView openView() {
        return ui(() -> {
            try {
                page().showView(ProbeAccuracyView.ID);
            } catch (Exception e) {
                throw new AssertionError("cannot open " + ProbeAccuracyView.ID, e);
            }
            MPart part = window().getService(EPartService.class).findPart(ProbeAccuracyView.ID);
            assertNotNull(part);
            return (ProbeAccuracyView) part.getObject();
        });
    }

    private static ProbeAccuracyView viewShowingTheStoredResult() throws Exception {
        ProbeAccuracyView view = openView();
        ui(() -> view.showStoredResult(store, "no-such-result", null));
        waitUntil(() -> !view.isRunning() && ui(view::statusText).startsWith("Cannot read probe result no-such-result"),
                "a missing result is reported");
        IEventBroker broker = PlatformUI.getWorkbench().getService(IEventBroker.class);
        broker.post(StoreResultSelection.TOPIC, new StoreResultSelection(store, "result-of-another-analysis",
                "io.mechanist.steering.sweep", "summary"));
        broker.post(StoreResultSelection.TOPIC, new StoreResultSelection(store, resultId,
                StoredProbeResults.ANALYSIS_ID, "accuracy"));
        waitUntil(() -> !view.isRunning() && ui(view::statusText).startsWith(PlantedStore.CAPTURE + " (" + resultId),
                "the stored result is read and shown");
        return view;
    }

    @Test
    void showsAStoredResultOpenedInTheStoreNavigator() throws Exception {
        ProbeAccuracyView view = viewShowingTheStoredResult();
        String status = ui(view::statusText);
        assertTrue(status.contains("n = " + PlantedStore.PROMPTS + " prompts"), status);
        assertTrue(status.contains("best blocks.2.resid_post"), status);
        assertTrue(status.contains("output read-out"), "the note says why there is no read-out: " + status);
        ProbeCell best = stored.best(ProbeMethod.LOGISTIC);
        ui(() -> {
            view.selectLayers(best.layer());
            return null;
        });
        double shown = ui(() -> view.chart().lines().get(0).y()[best.position()]);
        assertEquals(best.accuracy(), shown);
        assertEquals(" Answer", ui(() -> view.chart().categoryLabels().get(3)));
    }

    /**
     * A token picked in one stored prompt (as the heatmap publishes it) lands on the probes' anchor-aligned axis at
     * its offset from that prompt's answer marker; a token outside the aligned window, or of no known prompt, clears
     * the marker.
     */
    @Test
    void aPickedTokenIsPlacedByItsOffsetFromTheAnchor() throws Exception {
        ProbeAccuracyView view = viewShowingTheStoredResult();
        int prompt = -1;
        List<String> tokens = null;
        try (ActivationStore s = ActivationStore.openReadOnly(store);
                ActivationSet capture = s.openCapture(PlantedStore.CAPTURE)) {
            for (int p = 0; p < capture.promptCount() && prompt < 0; p++) {
                if (capture.prompts().get(p).tokens().size() >= 8) {
                    prompt = p;
                    tokens = capture.prompts().get(p).tokens();
                }
            }
        }
        assertNotNull(tokens, "a prompt with at least 8 tokens");
        int anchor = tokens.lastIndexOf(" Answer"); // the stored result aligns 3 before .. 1 after it
        OpenStores.instance().open(store).join(); // a prompt is picked in a store the navigator shows
        StorePromptSelection picked = new StorePromptSelection(store, PlantedStore.CAPTURE, prompt, "prompt " + prompt);
        IEventBroker broker = PlatformUI.getWorkbench().getService(IEventBroker.class);
        List<String> labels = ui(() -> view.chart().categoryLabels());

        broker.post(TokenPositionSelection.TOPIC,
                new TokenPositionSelection("heatmap", anchor - 1, tokens.get(anchor - 1), picked));
        waitUntil(() -> ui(() -> view.chart().marker()) == 2, "the token before the anchor is offset -1: " + labels);
        broker.post(TokenPositionSelection.TOPIC, new TokenPositionSelection("heatmap", anchor, tokens.get(anchor)));
        waitUntil(() -> ui(() -> view.chart().marker()) == -1, "a token of no known prompt clears the marker");
        broker.post(TokenPositionSelection.TOPIC,
                new TokenPositionSelection("heatmap", anchor + 1, tokens.get(anchor + 1), picked));
        waitUntil(() -> ui(() -> view.chart().marker()) == 4, "the token after the anchor is offset +1");
        broker.post(TokenPositionSelection.TOPIC, new TokenPositionSelection("heatmap", 0, tokens.get(0), picked));
        waitUntil(() -> ui(() -> view.chart().marker()) == -1, "the first token is outside the aligned window");
    }

    @Test
    void steerAlongTheBestProbeAndAlongAMarkedOne() throws Exception {
        ProbeAccuracyView view = viewShowingTheStoredResult();
        IEventBroker broker = PlatformUI.getWorkbench().getService(IEventBroker.class);
        AtomicReference<SteerAlongProbe> received = new AtomicReference<>();
        EventHandler handler = event -> received.set((SteerAlongProbe) event.getProperty(IEventBroker.DATA));
        broker.subscribe(SteerAlongProbe.TOPIC, handler);
        try {
            ui(() -> {
                view.chart().setMarker(-1);
                return view.steerAlongSelectedProbe();
            });
            waitUntil(() -> received.get() != null, "the steering request is posted");
            ProbeCell best = stored.best(ProbeMethod.LOGISTIC);
            SteerAlongProbe request = received.get();
            assertEquals(store, request.storeFolder());
            assertEquals(PlantedStore.CAPTURE, request.captureId());
            assertEquals("answer", request.labelKey());
            assertEquals(stored.negativeLabel(), request.negativeLabel());
            assertEquals("blocks.2.resid_post", request.hookSiteId());
            assertEquals(stored.layerName(best.layer()), request.hookSiteId());
            assertEquals(stored.positionLabel(best.position()), request.positionLabel());
            ProbeDirection expected = stored.direction(ProbeMethod.LOGISTIC, best.layer(), best.position());
            assertArrayEquals(expected.weights(), request.weights());
            assertEquals(ProbeMethod.LOGISTIC.id(), request.method());
            assertEquals(stored.positiveLabel(), request.positiveLabel());

            // a marked position before the signal, with only layer 0 shown: that layer's probe there
            received.set(null);
            ui(() -> {
                view.selectLayers(0);
                view.chart().setMarker(1);
                return view.steerAlongSelectedProbe();
            });
            waitUntil(() -> received.get() != null, "the second request is posted");
            assertEquals("blocks.0.resid_post", received.get().hookSiteId());
            assertEquals(stored.positionLabel(1), received.get().positionLabel());
            assertArrayEquals(stored.direction(ProbeMethod.LOGISTIC, 0, 1).weights(),
                    received.get().weights());
        } finally {
            broker.unsubscribe(handler);
        }
    }

    /**
     * "Compare with..." lists the stored probe results of the open stores (not a run dialog); the one picked shows
     * beside the shown result.
     */
    @Test
    void comparesTheStoredResultWithAStoredResultPickedFromAList() throws Exception {
        ProbeAccuracyView view = viewShowingTheStoredResult();
        Path second = dir.resolve("second-store").toAbsolutePath().normalize();
        PlantedStore.write(second);
        String secondId;
        try (ActivationStore s = ActivationStore.open(second)) {
            secondId = new AnalysisRunner(s, AnalysisRegistry.fromPlatform()).run(new AnalysisRequest(
                    StoredProbeResults.ANALYSIS_ID, Map.of("label", "answer", "anchor", "Answer", "before", "2",
                            "after", "1", "folds", "3"), Map.of("activations", PlantedStore.CAPTURE)),
                    new NullProgressMonitor());
        }
        OpenStores.instance().open(second).join();
        try {
            List<ProbeAccuracyView.StoredProbeChoice> choices = ProbeAccuracyView.storedProbeResults();
            assertTrue(choices.stream().anyMatch(c -> c.resultId().equals(secondId)), choices.toString());

            ui(() -> {
                Button compare = buttons(window().getShell(), "Compare with...").get(0);
                compare.getDisplay().asyncExec(() -> compare.notifyListeners(SWT.Selection, new Event()));
                return null;
            });
            waitUntil(() -> ui(() -> shell(ProbeAccuracyView.COMPARE_TITLE)) != null, "the list of stored results opens");
            ui(() -> {
                Shell list = shell(ProbeAccuracyView.COMPARE_TITLE);
                Table table = controls(list, Table.class).get(0);
                List<String> items = java.util.Arrays.stream(table.getItems()).map(TableItem::getText).toList();
                int row = -1;
                for (int i = 0; i < items.size(); i++) {
                    if (items.get(i).contains(secondId)) {
                        row = i;
                    }
                }
                assertTrue(row >= 0, "the second store's result is offered: " + items);
                assertTrue(items.get(row).startsWith("second-store: "), items.get(row));
                table.setSelection(row);
                table.notifyListeners(SWT.Selection, new Event());
                buttons(list, "OK").get(0).notifyListeners(SWT.Selection, new Event());
                return null;
            });
            // the panel may still show a comparison an earlier test left in the shared view: wait for the picked one
            waitUntil(() -> !view.isRunning() && ui(() -> view.comparisonPanel().title()).contains(secondId),
                    "the picked result is read and shown beside the first");
            assertTrue(ui(() -> view.comparisonPanel().title()).startsWith(PlantedStore.CAPTURE + " (" + secondId
                    + "): n = " + PlantedStore.PROMPTS + " prompts"), ui(() -> view.comparisonPanel().title()));
            assertTrue(ui(view::statusText).contains("\n" + PlantedStore.CAPTURE + " (" + secondId + "): n = "),
                    ui(view::statusText));
            ui(() -> {
                view.compare(null, null, null);
                return null;
            });
        } finally {
            OpenStores.instance().close(second);
        }
    }

    private static Shell shell(String title) {
        for (Shell s : PlatformUI.getWorkbench().getDisplay().getShells()) {
            if (!s.isDisposed() && s.isVisible() && title.equals(s.getText())) {
                return s;
            }
        }
        return null;
    }

    private static List<Button> buttons(Composite root, String text) {
        return controls(root, Button.class).stream().filter(b -> text.equals(b.getText())).toList();
    }

    private static <T extends Control> List<T> controls(Composite root, Class<T> type) {
        List<T> found = new java.util.ArrayList<>();
        for (Control c : root.getChildren()) {
            if (type.isInstance(c)) {
                found.add(type.cast(c));
            }
            if (c instanceof Composite inner) {
                found.addAll(controls(inner, type));
            }
        }
        return found;
    }
}
