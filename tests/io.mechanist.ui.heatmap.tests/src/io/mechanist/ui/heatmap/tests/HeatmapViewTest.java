package io.mechanist.ui.heatmap.tests;

import static io.mechanist.testing.ui.Workbench.showView;
import static io.mechanist.testing.ui.Workbench.ui;
import static io.mechanist.testing.ui.Workbench.waitForJobs;
import static io.mechanist.testing.ui.Workbench.waitUntil;
import static io.mechanist.testing.ui.Workbench.window;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;

import org.eclipse.e4.core.services.events.IEventBroker;
import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.Point;
import org.eclipse.swt.widgets.Event;
import org.eclipse.ui.PlatformUI;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.osgi.service.event.EventHandler;

import io.mechanist.core.hooks.HookPoint;
import io.mechanist.core.hooks.HookSite;
import io.mechanist.heatmap.ActivationSource;
import io.mechanist.heatmap.HeatmapData;
import io.mechanist.heatmap.ValueKind;
import io.mechanist.testing.ui.Screenshots;
import io.mechanist.ui.charts.HeatmapCanvas;
import io.mechanist.ui.events.TokenPositionSelection;
import io.mechanist.ui.heatmap.HeatmapView;
import io.mechanist.ui.store.OpenStores;

/** Opens the heatmap view in the real workbench and checks what a user sees and what a click publishes. */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class HeatmapViewTest {

    private static final List<String> TOKENS = List.of("<bos>", "The", " cat", " sat", " on", " the", " mat", ".");
    private static final int LAYERS = 4;

    /** Layer x position values with known extremes -2.5 and 2.5 and a recognisable cell (layer 2, " sat") = 1.25. */
    private static HeatmapData knownMap() {
        float[] values = new float[LAYERS * TOKENS.size()];
        for (int i = 0; i < values.length; i++) {
            values[i] = (float) (Math.sin(i * 0.7) * 2);
        }
        values[0] = -2.5f;
        values[values.length - 1] = 2.5f;
        values[2 * TOKENS.size() + 3] = 1.25f;
        return HeatmapData.builder("Projection onto test direction", values).subject("blocks.*.resid_post")
                .rows("layer", List.of("0", "1", "2", "3")).columns("position", TOKENS).kind(ValueKind.SIGNED)
                .units("projection").build();
    }

    /**
     * A prompt or result load that an earlier test class started in this workbench may land after this class's first
     * show() and replace what it shows (or clear it, when its store has been closed meanwhile): wait for them.
     */
    @BeforeAll
    static void noLoadOfAnEarlierTestIsInFlight() throws InterruptedException {
        for (String job : List.of("Opening ", "Reading heatmap result", "Building activation heatmap")) {
            waitForJobs(job);
        }
    }

    private static HeatmapView openView() {
        return showView(HeatmapView.ID, HeatmapView.class);
    }

    @Test
    @Order(1)
    void withoutAStoreTheViewSaysSoAndShowsNothing() {
        HeatmapView view = openView();
        assertEquals(OpenStores.instance().trees().isEmpty() ? HeatmapView.EMPTY_STATE : HeatmapView.PICK_A_PROMPT,
                ui(view::emptyStateText));
        assertEquals(null, ui(() -> view.canvas().data()));
    }

    @Test
    @Order(2)
    void showsAHeatmapWithItsColourBarAndTooltips() throws Exception {
        HeatmapView view = openView();
        // Opening the view may start a load of the prompt selected by an earlier test class (and queue its
        // result on the display): let it land before showing the known map, or it replaces (or clears) it.
        noLoadOfAnEarlierTestIsInFlight();
        ui(() -> null);
        HeatmapData known = knownMap();
        ui(() -> {
            view.show(known);
            return null;
        });
        HeatmapCanvas canvas = ui(view::canvas);
        assertEquals(known, ui(canvas::data), "the shown map is still the one this test showed");
        List<String> labels = ui(canvas::colorBarLabels);
        assertEquals("-2.5", labels.get(0));
        assertEquals("2.5", labels.get(labels.size() - 1));
        waitUntil(() -> ui(() -> canvas.plotArea().width > 50 && canvas.isVisible()), "the canvas is laid out");

        String tooltip = ui(() -> {
            Point centre = canvas.centreOf(2, 3);
            Event move = new Event();
            move.x = centre.x;
            move.y = centre.y;
            canvas.notifyListeners(SWT.MouseMove, move);
            return canvas.getToolTipText();
        });
        assertEquals("token ' sat' (position 3)\nlayer 2\nblocks.*.resid_post\nvalue 1.25 projection", tooltip);

        Path shot = ui(() -> {
            canvas.update();
            try {
                return Screenshots.save(window().getShell(), "heatmap-view");
            } catch (Exception e) {
                throw new AssertionError(e);
            }
        });
        assertTrue(Files.size(shot) > 1000, "screenshot written to " + shot);
    }

    @Test
    @Order(3)
    void aClickPublishesThePosition() throws Exception {
        HeatmapView view = openView();
        IEventBroker broker = PlatformUI.getWorkbench().getService(IEventBroker.class);
        AtomicReference<TokenPositionSelection> received = new AtomicReference<>();
        EventHandler handler = event -> received.set((TokenPositionSelection) event.getProperty(IEventBroker.DATA));
        broker.subscribe(TokenPositionSelection.TOPIC, handler);
        try {
            ui(() -> {
                view.show(knownMap());
                HeatmapCanvas canvas = view.canvas();
                Point centre = canvas.centreOf(1, 6);
                for (int type : new int[] { SWT.MouseDown, SWT.MouseUp }) {
                    Event e = new Event();
                    e.x = centre.x;
                    e.y = centre.y;
                    e.button = 1;
                    canvas.notifyListeners(type, e);
                }
                return null;
            });
            waitUntil(() -> received.get() != null, "the position selection arrives");
            assertEquals(6, received.get().position());
            assertEquals(" mat", received.get().token());
            assertEquals(6, ui(() -> view.canvas().selectedColumn()));
        } finally {
            broker.unsubscribe(handler);
        }
    }

    @Test
    @Order(4)
    void loadsFromASourceInTheBackgroundWithTheSourcesValues() throws Exception {
        HeatmapView view = openView();
        int dModel = 3;
        float[][] resid = new float[LAYERS][TOKENS.size() * dModel];
        for (int layer = 0; layer < LAYERS; layer++) {
            for (int i = 0; i < resid[layer].length; i++) {
                resid[layer][i] = (layer + 1) * 0.5f + i % 5;
            }
        }
        Map<HookSite, ActivationSource.Slice> slices = new java.util.HashMap<>();
        for (int layer = 0; layer < LAYERS; layer++) {
            slices.put(HookSite.of(HookPoint.RESID_POST, layer),
                    new ActivationSource.Slice(resid[layer], new int[] { TOKENS.size(), dModel }));
        }
        ActivationSource source = new ActivationSource() {
            @Override
            public String description() {
                return "in-memory prompt";
            }

            @Override
            public List<String> tokens() {
                return TOKENS;
            }

            @Override
            public int layerCount() {
                return LAYERS;
            }

            @Override
            public int headCount() {
                return 0;
            }

            @Override
            public Set<HookSite> capturedSites() {
                return slices.keySet();
            }

            @Override
            public Slice activations(HookSite site) {
                return slices.get(site);
            }

            @Override
            public List<Direction> directions() {
                return List.of();
            }
        };
        ui(() -> {
            view.controls().selectKind(0);
            view.setSource(source);
            return null;
        });
        waitUntil(() -> ui(() -> view.canvas().data() != null && view.canvas().data().title().equals("Residual norm")),
                "the residual norm map is built");
        HeatmapData shown = ui(() -> view.canvas().data());
        double expected = 0;
        for (int i = 0; i < dModel; i++) {
            double v = resid[2][5 * dModel + i];
            expected += v * v;
        }
        assertEquals(Math.sqrt(expected), shown.value(2, 5), 1e-5);
        assertTrue(ui(view::statusText).startsWith("in-memory prompt"), ui(view::statusText));
        ui(() -> {
            view.setSource(null);
            return null;
        });
        assertEquals(OpenStores.instance().trees().isEmpty() ? HeatmapView.EMPTY_STATE : HeatmapView.PICK_A_PROMPT,
                ui(view::emptyStateText));
    }
}
