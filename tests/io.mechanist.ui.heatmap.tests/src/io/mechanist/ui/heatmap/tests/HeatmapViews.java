package io.mechanist.ui.heatmap.tests;

import static io.mechanist.testing.ui.Workbench.ui;
import static io.mechanist.testing.ui.Workbench.waitUntil;
import static io.mechanist.testing.ui.Workbench.window;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;

import io.mechanist.heatmap.HeatmapData;
import io.mechanist.testing.ui.Screenshots;
import io.mechanist.ui.charts.HeatmapCanvas;
import io.mechanist.ui.heatmap.HeatmapView;

/** Reading and photographing what a heatmap view shows, from a test thread. */
final class HeatmapViews {

    private HeatmapViews() {
    }

    /** Waits until {@code view} draws a heatmap whose title starts with {@code titlePrefix}, and returns its data. */
    static HeatmapData shown(HeatmapView view, String titlePrefix) throws InterruptedException {
        waitUntil(() -> ui(() -> view.canvas().data() != null && view.canvas().data().title().startsWith(titlePrefix)
                && view.canvas().plotArea().width > 50), titlePrefix + " is shown");
        return ui(() -> view.canvas().data());
    }

    /** Repaints {@code canvas} and saves the workbench window as {@code name}.png. */
    static void screenshot(HeatmapCanvas canvas, String name) throws Exception {
        Path shot = ui(() -> {
            canvas.redraw();
            canvas.update();
            try {
                return Screenshots.save(window().getShell(), name);
            } catch (Exception e) {
                throw new AssertionError(e);
            }
        });
        assertTrue(Files.size(shot) > 1000, "screenshot written to " + shot);
    }
}
