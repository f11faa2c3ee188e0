package io.mechanist.ui.heatmap.tests;

import static io.mechanist.testing.ui.Workbench.page;
import static io.mechanist.testing.ui.Workbench.ui;
import static io.mechanist.testing.ui.Workbench.window;
import static io.mechanist.ui.heatmap.tests.HeatmapViews.screenshot;
import static io.mechanist.ui.heatmap.tests.HeatmapViews.shown;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;

import org.eclipse.e4.core.services.events.IEventBroker;
import org.eclipse.e4.ui.model.application.ui.basic.MPart;
import org.eclipse.e4.ui.workbench.modeling.EPartService;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.ui.PlatformUI;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.mechanist.heatmap.HeatmapData;
import io.mechanist.testing.TinyStore;
import io.mechanist.ui.charts.HeatmapCanvas;
import io.mechanist.ui.events.StorePromptSelection;
import io.mechanist.ui.heatmap.HeatmapView;
import io.mechanist.ui.store.OpenStores;

/**
 * A prompt picked in the Store Navigator (a {@link StorePromptSelection} on the event broker) of a store captured from
 * a real (tiny) model: the view opens the capture in the background and shows all three kinds of heatmap, each
 * checked cell by cell against the model's stored activations and attention patterns.
 */
class StorePromptViewTest {

    private static final int PROMPT = 1;

    @TempDir
    static Path dir;

    @Test
    void showsLayerNeuronAndAttentionMapsOfAStoredPrompt() throws Exception {
        TinyStore tiny = TinyStore.create(dir);
        OpenStores.instance().open(tiny.folder).join();
        assertNotNull(OpenStores.instance().store(tiny.folder), "the store is open in the workbench");
        List<String> tokens = tiny.tokens.get(PROMPT);
        HeatmapView view = ui(() -> {
            try {
                page().showView(HeatmapView.ID);
            } catch (Exception e) {
                throw new AssertionError(e);
            }
            Shell shell = window().getShell();
            shell.setBounds(shell.getDisplay().getPrimaryMonitor().getClientArea());
            MPart part = window().getService(EPartService.class).findPart(HeatmapView.ID);
            return (HeatmapView) part.getObject();
        });
        HeatmapCanvas canvas = ui(view::canvas);
        IEventBroker broker = PlatformUI.getWorkbench().getService(IEventBroker.class);
        ui(() -> {
            view.controls().selectKind(0);
            broker.send(StorePromptSelection.TOPIC,
                    new StorePromptSelection(tiny.folder, TinyStore.CAPTURE, PROMPT, "prompt " + PROMPT));
            return null;
        });

        // layer x position: residual norm
        HeatmapData norms = shown(view, "Residual norm");
        assertEquals(tokens, norms.columnLabels(), "token strings along the position axis");
        assertEquals(tiny.layers, norms.rows());
        for (int layer = 0; layer < tiny.layers; layer++) {
            for (int pos = 0; pos < tokens.size(); pos++) {
                double sum = 0;
                for (int j = 0; j < tiny.dModel; j++) {
                    double v = tiny.resid(PROMPT, layer, pos, j);
                    sum += v * v;
                }
                assertEquals(Math.sqrt(sum), norms.value(layer, pos), 1e-5 * Math.sqrt(sum),
                        "norm at layer " + layer + ", position " + pos);
            }
        }
        screenshot(canvas, "heatmap-store-norm");

        // neuron x position of layer 1, sorted by max |activation| (the default order)
        ui(() -> {
            view.controls().selectKind(1);
            view.controls().selectLayerAndHead(1, 0);
            view.refresh();
            return null;
        });
        HeatmapData neurons = shown(view, "Neurons");
        assertEquals(Math.min(256, tiny.dModel), neurons.rows(), "every neuron (fewer than the top 256)");
        double previousMax = Double.POSITIVE_INFINITY;
        for (int row = 0; row < neurons.rows(); row++) {
            int neuron = neurons.rowId(row);
            double rowMax = 0;
            for (int pos = 0; pos < tokens.size(); pos++) {
                float stored = tiny.resid(PROMPT, 1, pos, neuron);
                assertEquals(stored, neurons.value(row, pos), "neuron " + neuron + " at position " + pos);
                rowMax = Math.max(rowMax, Math.abs(stored));
            }
            assertTrue(rowMax <= previousMax, "rows sorted by max |activation|: neuron " + neuron);
            previousMax = rowMax;
        }
        screenshot(canvas, "heatmap-store-neurons");

        // attention pattern of layer 0, last head
        int head = tiny.heads - 1;
        ui(() -> {
            view.controls().selectKind(2);
            view.controls().selectLayerAndHead(0, head);
            view.refresh();
            return null;
        });
        HeatmapData pattern = shown(view, "Attention pattern");
        double[][] expected = tiny.forwards.get(PROMPT).attentionPattern(0)[head];
        assertEquals(tokens, pattern.rowLabels(), "query tokens");
        for (int q = 0; q < tokens.size(); q++) {
            for (int k = 0; k < tokens.size(); k++) {
                assertEquals(expected[q][k], pattern.value(q, k), 1e-6, "query " + q + ", key " + k);
            }
        }
        screenshot(canvas, "heatmap-store-attention");

        // As after a restart: the view comes back before its store and shows the prompt once the store is open.
        ui(() -> {
            page().hideView(page().findView(HeatmapView.ID));
            return null;
        });
        OpenStores.instance().close(tiny.folder);
        HeatmapView reopened = ui(() -> {
            try {
                page().showView(HeatmapView.ID);
            } catch (Exception e) {
                throw new AssertionError(e);
            }
            return (HeatmapView) window().getService(EPartService.class).findPart(HeatmapView.ID).getObject();
        });
        assertEquals(OpenStores.instance().trees().isEmpty() ? HeatmapView.EMPTY_STATE : HeatmapView.PICK_A_PROMPT,
                ui(reopened::emptyStateText), "no store of the shown prompt is open: the view waits");
        OpenStores.instance().open(tiny.folder).join();
        ui(() -> {
            reopened.controls().selectKind(0);
            return null;
        });
        HeatmapData restored = shown(reopened, "Residual norm");
        assertEquals(tokens, restored.columnLabels());
        for (int layer = 0; layer < tiny.layers; layer++) {
            for (int pos = 0; pos < tokens.size(); pos++) {
                assertEquals(norms.value(layer, pos), restored.value(layer, pos));
            }
        }
        OpenStores.instance().close(tiny.folder); // the other view tests start from an empty view
        ui(() -> {
            page().hideView(page().findView(HeatmapView.ID));
            return null;
        });
    }
}
