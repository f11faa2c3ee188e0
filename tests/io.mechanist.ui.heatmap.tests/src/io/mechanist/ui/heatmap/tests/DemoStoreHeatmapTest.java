package io.mechanist.ui.heatmap.tests;

import static io.mechanist.testing.ui.Workbench.page;
import static io.mechanist.testing.ui.Workbench.ui;
import static io.mechanist.testing.ui.Workbench.waitUntil;
import static io.mechanist.testing.ui.Workbench.window;
import static io.mechanist.ui.heatmap.tests.HeatmapViews.screenshot;
import static io.mechanist.ui.heatmap.tests.HeatmapViews.shown;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;

import org.eclipse.core.runtime.NullProgressMonitor;
import org.eclipse.e4.core.services.events.IEventBroker;
import org.eclipse.e4.ui.workbench.modeling.EPartService;
import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.Point;
import org.eclipse.swt.widgets.Event;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.ui.PlatformUI;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.mechanist.core.activations.ActivationSet;
import io.mechanist.demo.EmbeddedDemo;
import io.mechanist.heatmap.HeatmapData;
import io.mechanist.store.ActivationStore;
import io.mechanist.ui.charts.HeatmapCanvas;
import io.mechanist.ui.events.StorePromptSelection;
import io.mechanist.ui.heatmap.HeatmapView;
import io.mechanist.ui.store.OpenStores;

/**
 * The heatmap view on the embedded demo store, as a user opens it: a held-out prompt of the demo model in all three
 * kinds of heatmap, every shown cell equal to what the store holds (read here with the store's own API and summed in
 * double precision), the colour bar's extremes and a cell's tooltip as they read on screen.
 */
class DemoStoreHeatmapTest {

    private static final int PROMPT = 0;
    private static final int LAYERS = 4;

    @TempDir
    static Path dir;

    @Test
    void showsTheDemoModelsActivationsOfAHeldOutPrompt() throws Exception {
        Path folder = dir.resolve("demo-store");
        EmbeddedDemo.createStore(folder, new NullProgressMonitor());
        OpenStores.instance().open(folder).join();
        HeatmapView view = ui(() -> {
            try {
                page().showView(HeatmapView.ID);
            } catch (Exception e) {
                throw new AssertionError(e);
            }
            Shell shell = window().getShell();
            shell.setBounds(shell.getDisplay().getPrimaryMonitor().getClientArea());
            return (HeatmapView) window().getService(EPartService.class).findPart(HeatmapView.ID).getObject();
        });
        IEventBroker broker = PlatformUI.getWorkbench().getService(IEventBroker.class);
        ui(() -> {
            view.controls().selectKind(0);
            broker.send(StorePromptSelection.TOPIC,
                    new StorePromptSelection(folder, EmbeddedDemo.TEST_CAPTURE, PROMPT, "prompt " + PROMPT));
            return null;
        });
        HeatmapCanvas canvas = ui(view::canvas);

        try (ActivationStore store = ActivationStore.openReadOnly(folder);
                ActivationSet capture = store.openCapture(EmbeddedDemo.TEST_CAPTURE)) {
            int tokens = capture.tokenCount(PROMPT);
            int d = capture.rowWidth("blocks.0.resid_post");
            float[] row = new float[d];

            // layer x position: residual norms, the colour bar spanning their range, a cell's tooltip
            HeatmapData norms = shown(view, "Residual norm");
            assertEquals(LAYERS, norms.rows());
            assertEquals(tokens, norms.columns());
            assertEquals(capture.prompts().get(PROMPT).tokens(), norms.columnLabels(), "tokens along the axis");
            double min = Double.POSITIVE_INFINITY;
            double max = 0;
            double[][] expected = new double[LAYERS][tokens];
            for (int layer = 0; layer < LAYERS; layer++) {
                for (int pos = 0; pos < tokens; pos++) {
                    capture.readRow("blocks." + layer + ".resid_post", PROMPT, pos, row, 0);
                    double sum = 0;
                    for (float v : row) {
                        sum += (double) v * v;
                    }
                    expected[layer][pos] = Math.sqrt(sum);
                    assertEquals(expected[layer][pos], norms.value(layer, pos), 1e-5 * expected[layer][pos],
                            "norm at layer " + layer + ", position " + pos);
                    min = Math.min(min, expected[layer][pos]);
                    max = Math.max(max, expected[layer][pos]);
                }
            }
            waitUntil(() -> ui(() -> canvas.plotArea().width > 50 && canvas.isVisible()), "the canvas is laid out");
            List<String> bar = ui(canvas::colorBarLabels);
            assertEquals(min, Double.parseDouble(bar.get(0)), 5e-3 * max, "colour bar minimum " + bar);
            assertEquals(max, Double.parseDouble(bar.get(bar.size() - 1)), 5e-3 * max, "colour bar maximum " + bar);
            int layer = 3;
            int pos = 1;
            String tooltip = tooltip(canvas, layer, pos);
            String[] lines = tooltip.split("\n");
            assertEquals("token '" + capture.prompts().get(PROMPT).tokens().get(pos) + "' (position " + pos + ")",
                    lines[0], tooltip);
            assertEquals("layer " + layer, lines[1], tooltip);
            String value = lines[lines.length - 1];
            assertTrue(value.startsWith("value "), tooltip);
            assertEquals(expected[layer][pos], Double.parseDouble(value.substring(6).split(" ")[0]),
                    1e-3 * expected[layer][pos], tooltip);
            screenshot(canvas, "heatmap-demo-norm");

            // neuron x position of layer 2, sorted by max |activation|
            ui(() -> {
                view.controls().selectKind(1);
                view.controls().selectLayerAndHead(2, 0);
                view.refresh();
                return null;
            });
            HeatmapData neurons = shown(view, "Neurons");
            assertEquals(d, neurons.rows(), "all " + d + " neurons of the demo model");
            double previousMax = Double.POSITIVE_INFINITY;
            for (int r = 0; r < neurons.rows(); r++) {
                int neuron = neurons.rowId(r);
                double rowMax = 0;
                for (int p = 0; p < tokens; p++) {
                    capture.readRow("blocks.2.resid_post", PROMPT, p, row, 0);
                    assertEquals(row[neuron], neurons.value(r, p), "neuron " + neuron + " at position " + p);
                    rowMax = Math.max(rowMax, Math.abs(row[neuron]));
                }
                assertTrue(rowMax <= previousMax, "rows sorted by max |activation|: neuron " + neuron);
                previousMax = rowMax;
            }
            screenshot(canvas, "heatmap-demo-neurons");

            // attention pattern of layer 1, head 1: the prompt's own keys of the stored rows
            int[] shape = capture.rowShape("blocks.1.attn_pattern");
            float[] pattern = new float[capture.rowWidth("blocks.1.attn_pattern")];
            ui(() -> {
                view.controls().selectKind(2);
                view.controls().selectLayerAndHead(1, 1);
                view.refresh();
                return null;
            });
            HeatmapData attention = shown(view, "Attention pattern");
            assertEquals(tokens, attention.rows());
            assertEquals(tokens, attention.columns());
            for (int q = 0; q < tokens; q++) {
                capture.readRow("blocks.1.attn_pattern", PROMPT, q, pattern, 0);
                double rowSum = 0;
                for (int k = 0; k < tokens; k++) {
                    float stored = pattern[shape[1] + k]; // head 1 of [head, key]
                    assertEquals(stored, attention.value(q, k), 1e-6, "query " + q + ", key " + k);
                    rowSum += stored;
                }
                assertEquals(1.0, rowSum, 1e-4, "softmax probabilities of query " + q);
            }
            screenshot(canvas, "heatmap-demo-attention");
        }
        ui(() -> {
            page().hideView(page().findView(HeatmapView.ID)); // the other view tests start from an empty view
            return null;
        });
    }

    private static String tooltip(HeatmapCanvas canvas, int row, int column) throws Exception {
        String text = ui(() -> {
            Point centre = canvas.centreOf(row, column);
            Event move = new Event();
            move.x = centre.x;
            move.y = centre.y;
            canvas.notifyListeners(SWT.MouseMove, move);
            return canvas.getToolTipText();
        });
        assertNotNull(text, "a tooltip over row " + row + ", column " + column);
        return text;
    }
}
