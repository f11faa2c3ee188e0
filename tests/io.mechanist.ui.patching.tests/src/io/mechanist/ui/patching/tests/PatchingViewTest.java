package io.mechanist.ui.patching.tests;

import static io.mechanist.testing.ui.Workbench.showView;
import static io.mechanist.testing.ui.Workbench.ui;
import static io.mechanist.testing.ui.Workbench.waitUntil;
import static io.mechanist.testing.ui.Workbench.window;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

import org.eclipse.core.runtime.NullProgressMonitor;
import org.eclipse.e4.core.services.events.IEventBroker;
import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.Point;
import org.eclipse.swt.widgets.Event;
import org.eclipse.ui.PlatformUI;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.mechanist.capture.CaptureJob;
import io.mechanist.capture.Capturer;
import io.mechanist.core.analysis.AnalysisRegistry;
import io.mechanist.demo.EmbeddedDemo;
import io.mechanist.patching.StoredPatching;
import io.mechanist.store.ActivationStore;
import io.mechanist.store.AnalysisRunner;
import io.mechanist.testing.ui.Screenshots;
import io.mechanist.ui.events.StoreResultSelection;
import io.mechanist.ui.patching.PatchingView;
import io.mechanist.ui.store.OpenStores;

/**
 * The Patching view in the real workbench on a real result: the demo model patched on its contrast pairs (the
 * demo's own patching request), opened from a store-result selection as the Store Navigator sends it.
 */
class PatchingViewTest {

    @TempDir
    static Path temp;
    static Path store;
    static String resultId;

    @BeforeAll
    static void patchTheDemo() throws Exception {
        store = temp.resolve("store");
        Path model = EmbeddedDemo.modelFolder();
        Capturer.capture(CaptureJob.builder(store, model, EmbeddedDemo.dataset(EmbeddedDemo.CONTRAST_PAIRS))
                .sites("blocks.0.resid_post").captureId(EmbeddedDemo.PAIRS_CAPTURE).build(), new NullProgressMonitor());
        try (ActivationStore writable = ActivationStore.open(store)) {
            resultId = new AnalysisRunner(writable, AnalysisRegistry.fromPlatform())
                    .run(EmbeddedDemo.patchingRequest(model), new NullProgressMonitor());
        }
    }

    @AfterAll
    static void closeStores() {
        OpenStores.instance().closeAll();
    }

    @Test
    void showsTheGridWithIntervalsAndThePairsOfAClickedCell() throws Exception {
        OpenStores.instance().open(store).join();
        PatchingView view = showView(PatchingView.ID, PatchingView.class);
        ui(() -> {
            var page = window().getActivePage();
            page.setPartState(page.findViewReference(PatchingView.ID), org.eclipse.ui.IWorkbenchPage.STATE_MAXIMIZED);
            return null;
        });
        ui(() -> {
            PlatformUI.getWorkbench().getService(IEventBroker.class).send(StoreResultSelection.TOPIC,
                    new StoreResultSelection(store, resultId, EmbeddedDemo.PATCHING_ANALYSIS, "cells"));
            return null;
        });
        waitUntil(() -> ui(view::grid) != null, "the result is loaded");
        StoredPatching.Grid grid = ui(view::grid);
        assertEquals("activation patching: denoising/resid_pre", grid.title());
        assertEquals(List.of("L0", "L1", "L2", "L3"), List.of(grid.rowLabels()));
        assertTrue(ui(view::statusText).contains("200 pairs"), ui(view::statusText));

        // Hovering the answer marker's column of the last layer shows the value with its interval.
        int last = grid.columns() - 1;
        assertEquals(":", grid.tokens()[last]);
        String tip = ui(() -> {
            Point centre = view.canvas().centre(3, last);
            Event move = new Event();
            move.x = centre.x;
            move.y = centre.y;
            view.canvas().notifyListeners(SWT.MouseMove, move);
            return view.canvas().getToolTipText();
        });
        assertEquals(grid.describe(3, last), tip);
        assertTrue(tip.matches("L3 position -1 ':': \\d\\.\\d{3} \\[\\d\\.\\d{3}, \\d\\.\\d{3}\\], n = 200 pairs"), tip);

        // Clicking option A's number at layer 0 (position -17) lists its 200 pairs, lowest first, and bins them.
        int optionA = grid.columns() - 17;
        ui(() -> {
            Point centre = view.canvas().centre(0, optionA);
            Event down = new Event();
            down.x = centre.x;
            down.y = centre.y;
            view.canvas().notifyListeners(SWT.MouseDown, down);
            return null;
        });
        String[][] listed = ui(view::listedPairs);
        assertEquals(200, listed.length);
        double[] values = Arrays.stream(listed).mapToDouble(r -> Double.parseDouble(r[1])).toArray();
        for (int i = 1; i < values.length; i++) {
            assertTrue(values[i - 1] <= values[i], "sorted");
        }
        assertEquals(200, Arrays.stream(ui(() -> view.histogram().counts())).sum());
        // each pair's own tokens: the two option numbers swapped, e.g. "-17 26/0, -14 0/26"
        for (String[] pair : listed) {
            assertTrue(pair[2].matches("-17 (\\d+)/(\\d+), -14 \\2/\\1"), pair[2]);
        }
        assertTrue(grid.value()[0][optionA] > 0.3, grid.describe(0, optionA));
        Path shot = Screenshots.painted(window().getShell(), "patching-view");
        assertNotNull(shot);

        Path csv = temp.resolve("grid.csv");
        Path png = temp.resolve("grid.png");
        ui(() -> {
            try {
                view.exportCsv(csv);
                view.exportPng(png);
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
            return null;
        });
        assertEquals(1 + 4 * grid.columns(), Files.readAllLines(csv).size());
        byte[] header = Arrays.copyOf(Files.readAllBytes(png), 4);
        assertEquals("\u0089PNG", new String(header, java.nio.charset.StandardCharsets.ISO_8859_1));

        // The head grid: layer x head.
        ui(() -> {
            view.showGrid(3);
            return null;
        });
        assertEquals("activation patching: denoising/attn_z", ui(view::grid).title());
        assertEquals(4, ui(view::grid).columns());
        Screenshots.painted(window().getShell(), "patching-view-heads");
    }
}
