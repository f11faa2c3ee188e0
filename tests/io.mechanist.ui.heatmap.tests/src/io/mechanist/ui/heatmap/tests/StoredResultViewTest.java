package io.mechanist.ui.heatmap.tests;

import static io.mechanist.testing.ui.Workbench.page;
import static io.mechanist.testing.ui.Workbench.ui;
import static io.mechanist.testing.ui.Workbench.waitForJobs;
import static io.mechanist.testing.ui.Workbench.waitUntil;
import static io.mechanist.testing.ui.Workbench.window;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

import org.eclipse.core.runtime.NullProgressMonitor;
import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.e4.core.services.events.IEventBroker;
import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.GC;
import org.eclipse.swt.graphics.Image;
import org.eclipse.swt.graphics.ImageData;
import org.eclipse.swt.graphics.Point;
import org.eclipse.swt.graphics.RGB;
import org.eclipse.swt.widgets.Event;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.ui.PlatformUI;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.osgi.service.event.EventHandler;

import io.mechanist.core.analysis.AnalysisRegistry;
import io.mechanist.core.analysis.AnalysisRequest;
import io.mechanist.core.analysis.ViewBinding;
import io.mechanist.heatmap.HeatmapData;
import io.mechanist.heatmap.analysis.LayerPositionAnalysis;
import io.mechanist.heatmap.color.ColorScale;
import io.mechanist.store.ActivationStore;
import io.mechanist.store.AnalysisRunner;
import io.mechanist.testing.TinyStore;
import io.mechanist.testing.ui.Screenshots;
import io.mechanist.ui.charts.HeatmapCanvas;
import io.mechanist.ui.events.StoreResultSelection;
import io.mechanist.ui.events.TokenPositionSelection;
import io.mechanist.ui.heatmap.HeatmapView;
import io.mechanist.ui.store.OpenStores;

/**
 * A stored layer x position result, opened as the Store Navigator opens it (a {@link StoreResultSelection} on the
 * event broker), is read in the background and drawn: colour bar extremes and a cell's tooltip as a user sees them,
 * checked against double sums over the stored activations.
 */
class StoredResultViewTest {

    private static final int LAYER = 1;
    private static final int POSITION = 3;

    @TempDir
    static Path dir;

    @Test
    void theViewIsBoundToTheAnalysisValuesOnTheExtensionPoint() {
        List<ViewBinding> bindings = AnalysisRegistry.fromPlatform().viewsFor(LayerPositionAnalysis.ID);
        assertEquals(List.of(HeatmapView.ID), bindings.stream().map(ViewBinding::viewId).toList());
        assertEquals(LayerPositionAnalysis.VALUES_OUTPUT, bindings.get(0).outputId());
        assertEquals("io.mechanist.ui.heatmap", bindings.get(0).contributor());
    }

    @Test
    void showsAStoredProjectionResultWithItsTokensColourBarAndTooltip() throws Exception {
        TinyStore tiny = TinyStore.create(dir);
        String resultId;
        try (ActivationStore store = ActivationStore.open(tiny.folder)) {
            String vectorId = store.read(s -> s.getVectors().get(0).getId());
            resultId = new AnalysisRunner(store, AnalysisRegistry.fromPlatform()).run(
                    new AnalysisRequest(LayerPositionAnalysis.ID, Map.of("prompt", "0", "measure", "projection"),
                            Map.of(LayerPositionAnalysis.CAPTURE_INPUT, TinyStore.CAPTURE,
                                    LayerPositionAnalysis.VECTOR_INPUT, vectorId)),
                    new NullProgressMonitor());
        }
        // the expected picture, from the stored activations in double precision
        List<String> tokens = tiny.tokens.get(0);
        double directionNorm = 0;
        for (int j = 0; j < tiny.dModel; j++) {
            directionNorm += Math.pow((j % 3) - 1, 2);
        }
        directionNorm = Math.sqrt(directionNorm);
        double maxAbs = 0;
        double known = 0;
        for (int layer = 0; layer < tiny.layers; layer++) {
            for (int pos = 0; pos < tokens.size(); pos++) {
                double dot = 0;
                for (int j = 0; j < tiny.dModel; j++) {
                    dot += (double) tiny.resid(0, layer, pos, j) * ((j % 3) - 1);
                }
                double projection = dot / directionNorm;
                maxAbs = Math.max(maxAbs, Math.abs(projection));
                if (layer == LAYER && pos == POSITION) {
                    known = projection;
                }
            }
        }

        Job opening = OpenStores.instance().open(tiny.folder);
        opening.join();
        assertNotNull(OpenStores.instance().store(tiny.folder), "the store is open in the workbench");
        HeatmapView view = ui(() -> {
            try {
                return (HeatmapView) ((org.eclipse.e4.ui.model.application.ui.basic.MPart) window()
                        .getService(org.eclipse.e4.ui.workbench.modeling.EPartService.class)
                        .findPart(viewPartId())).getObject();
            } catch (Exception e) {
                throw new AssertionError(e);
            }
        });
        ui(() -> { // the whole window on the (virtual) screen, so the screenshot shows the colour bar too
            Shell shell = window().getShell();
            shell.setBounds(shell.getDisplay().getPrimaryMonitor().getClientArea());
            return null;
        });
        IEventBroker broker = PlatformUI.getWorkbench().getService(IEventBroker.class);
        ui(() -> broker.send(StoreResultSelection.TOPIC,
                new StoreResultSelection(tiny.folder, resultId, LayerPositionAnalysis.ID,
                        LayerPositionAnalysis.VALUES_OUTPUT)));
        HeatmapCanvas canvas = ui(view::canvas);
        waitUntil(() -> ui(() -> canvas.data() != null && canvas.data().title().startsWith("Projection")),
                "the stored result is shown");
        waitUntil(() -> ui(() -> canvas.plotArea().width > 50 && canvas.isVisible()), "the canvas is laid out");
        HeatmapData shown = ui(canvas::data);
        assertEquals(tokens, shown.columnLabels(), "token strings along the position axis");

        // the colour bar's ends are labelled with 3 significant digits: within half a unit of the third digit
        List<String> labels = ui(canvas::colorBarLabels);
        assertEquals(-maxAbs, Double.parseDouble(labels.get(0)), 5e-3 * maxAbs, "colour bar minimum " + labels);
        assertEquals(maxAbs, Double.parseDouble(labels.get(labels.size() - 1)), 5e-3 * maxAbs,
                "colour bar maximum " + labels);

        // the cell is drawn in its value's colour on the diverging scale
        int expectedColour = ColorScale.forData(shown).argb(shown.value(LAYER, POSITION));
        // what is on screen: the first copy of the screen can precede the paint of a just laid-out canvas
        AtomicReference<Integer> drawn = new AtomicReference<>();
        waitUntil(() -> {
            drawn.set(ui(() -> pixelAtCentre(canvas, LAYER, POSITION)));
            return sameColour(expectedColour, drawn.get());
        }, Duration.ofSeconds(30), () -> String.format("the cell is drawn in its colour: drawn %06x, expected %06x",
                drawn.get() & 0xFFFFFF, expectedColour & 0xFFFFFF));
        for (int shift : new int[] { 16, 8, 0 }) {
            assertEquals((expectedColour >> shift) & 0xFF, (drawn.get() >> shift) & 0xFF, 2, String.format(
                    "colour of the cell: drawn %06x, expected %06x", drawn.get(), expectedColour & 0xFFFFFF));
        }
        assertTrue(known > 0 ? ((expectedColour >> 16) & 0xFF) > (expectedColour & 0xFF)
                : ((expectedColour >> 16) & 0xFF) < (expectedColour & 0xFF), "positive values red, negative blue");

        String tooltip = ui(() -> {
            Point centre = canvas.centreOf(LAYER, POSITION);
            Event move = new Event();
            move.x = centre.x;
            move.y = centre.y;
            canvas.notifyListeners(SWT.MouseMove, move);
            return canvas.getToolTipText();
        });
        assertNotNull(tooltip, "a tooltip over the cell");
        String[] lines = tooltip.split("\n");
        assertEquals("token '" + tokens.get(POSITION) + "' (position " + POSITION + ")", lines[0], tooltip);
        assertEquals("layer " + LAYER, lines[1], tooltip);
        String valueLine = lines[lines.length - 1];
        assertTrue(valueLine.startsWith("value ") && valueLine.endsWith(" projection"), tooltip);
        double value = Double.parseDouble(valueLine.substring("value ".length(), valueLine.length()
                - " projection".length()));
        assertEquals(known, value, 1e-3 * Math.max(1e-3, Math.abs(known)), tooltip);

        assertTrue(ui(view::statusText).startsWith(TinyStore.CAPTURE + " \u2013 prompt 0: Projection"),
                ui(view::statusText));

        // a click on the cell selects its position for the other views
        AtomicReference<TokenPositionSelection> received = new AtomicReference<>();
        EventHandler handler = event -> received.set((TokenPositionSelection) event.getProperty(IEventBroker.DATA));
        broker.subscribe(TokenPositionSelection.TOPIC, handler);
        try {
            ui(() -> {
                Point centre = canvas.centreOf(LAYER, POSITION);
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
            assertEquals(new TokenPositionSelection(TinyStore.CAPTURE + " \u2013 prompt 0", POSITION,
                    tokens.get(POSITION)), received.get());
        } finally {
            broker.unsubscribe(handler);
        }

        // a result of another analysis is not this view's to show
        ui(() -> broker.send(StoreResultSelection.TOPIC,
                new StoreResultSelection(tiny.folder, resultId, "io.mechanist.examples.tokenstats.norms", "norms")));
        waitForJobs("Reading heatmap result");
        assertSame(shown, ui(canvas::data), "the heatmap stays");

        Path shot = ui(() -> {
            canvas.update();
            try {
                return Screenshots.save(window().getShell(), "heatmap-stored-result");
            } catch (Exception e) {
                throw new AssertionError(e);
            }
        });
        assertTrue(Files.size(shot) > 1000, "screenshot written to " + shot);
        ui(() -> {
            page().hideView(page().findView(HeatmapView.ID)); // the other view tests start from an empty view
            return null;
        });
    }

    private static String viewPartId() throws Exception {
        page().showView(HeatmapView.ID);
        return HeatmapView.ID;
    }

    /** The RGB of the screen pixel at the centre of a cell, after the canvas has painted. UI thread only. */
    private static int pixelAtCentre(HeatmapCanvas canvas, int row, int column) {
        canvas.redraw();
        canvas.update();
        Point centre = canvas.centreOf(row, column);
        Image pixel = new Image(canvas.getDisplay(), 1, 1);
        GC gc = new GC(canvas);
        try {
            gc.copyArea(pixel, centre.x, centre.y);
            ImageData data = pixel.getImageData();
            RGB rgb = data.palette.getRGB(data.getPixel(0, 0));
            return (rgb.red << 16) | (rgb.green << 8) | rgb.blue;
        } finally {
            gc.dispose();
            pixel.dispose();
        }
    }

    private static boolean sameColour(int expected, int drawn) {
        for (int shift : new int[] { 16, 8, 0 }) {
            if (Math.abs(((expected >> shift) & 0xFF) - ((drawn >> shift) & 0xFF)) > 2) {
                return false;
            }
        }
        return true;
    }
}
