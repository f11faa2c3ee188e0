package io.mechanist.ui.steering.tests;

import static io.mechanist.testing.ui.Workbench.showView;
import static io.mechanist.testing.ui.Workbench.ui;
import static io.mechanist.testing.ui.Workbench.waitUntil;
import static io.mechanist.testing.ui.Workbench.window;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Event;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

import io.mechanist.steering.SteeredGeneration;
import io.mechanist.steering.SteeredGeneration.Side;
import io.mechanist.steering.SweepResult;
import io.mechanist.testing.ui.Screenshots;
import io.mechanist.ui.charts.XYChartViewer;
import io.mechanist.ui.steering.SteeringView;
import io.mechanist.ui.steering.internal.InteractivePanel;
import io.mechanist.ui.steering.internal.SweepSeries.Metric;

/** Opens the steering view in the real workbench with a real sweep of the demo model and checks what a user sees. */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SteeringViewTest {
    /** A held-out-style prompt whose trace the model writes itself; the right answer is B. */
    private static final String PROMPT = "Q : 3 vs 7 . which is larger ? A = 3 B = 7 . think :";

    private static DemoSweep sweep;

    @BeforeAll
    static void runSweep() throws Exception {
        sweep = DemoSweep.run();
    }

    private static SteeringView openView() {
        return showView(SteeringView.ID, SteeringView.class);
    }

    @Test
    @Order(1)
    void sweepChartShowsOneLinePerLayerAndTheDashedRandomControl() throws Exception {
        SweepResult r = sweep.result;
        SteeringView view = openView();
        ui(() -> {
            view.show(r, sweep.vectors);
            return null;
        });
        XYChartViewer chart = ui(view::chart);
        assertEquals(List.of("layer 0", "layer 1", "layer 2", "layer 3", "layer 0 random control",
                "layer 1 random control", "layer 2 random control", "layer 3 random control"),
                ui(chart::legendEntries));
        assertEquals(List.of("-1", "-0.5", "-0.25", "0", "+0.25", "+0.5", "+1"), ui(chart::categoryLabels));
        List<XYChartViewer.Line> lines = ui(chart::lines);
        for (int l = 0; l < 4; l++) {
            for (int m = 0; m < DemoSweep.MULTIPLIERS.length; m++) {
                assertEquals(r.meanProbability(0, l, m), lines.get(l).y()[m], 1e-12);
                assertEquals(r.meanProbability(1, l, m), lines.get(4 + l).y()[m], 1e-12);
            }
            assertEquals(org.eclipse.swtchart.LineStyle.DASH, lines.get(4 + l).style());
        }
        // the demo model's last layer: the effect rises with the multiplier, the random control stays flat
        int zero = 3;
        assertTrue(r.meanProbability(0, 3, 6) > r.meanProbability(0, 3, zero) + 0.3
                && r.meanProbability(0, 3, 0) < r.meanProbability(0, 3, zero) - 0.3, "layer 3 steers");
        for (int m = 0; m < DemoSweep.MULTIPLIERS.length; m++) {
            assertEquals(r.meanProbability(0, 3, zero), r.meanProbability(1, 3, m), 0.1, "control at " + m);
        }
        // histogram of per-prompt P changes of the most steerable layer at +1, and the share moving the wrong way
        assertEquals(List.of("layer 3 share of prompts", "layer 3 random control share of prompts"),
                ui(() -> view.sweepPanel().distributionChart().legendEntries()));
        List<XYChartViewer.Line> distribution = ui(() -> view.sweepPanel().distributionChart().lines());
        double[] expected = new double[21]; // bins of 0.1 centred at -1.0, -0.9, ..., +1.0, recounted here
        for (int p = 0; p < r.promptCount(); p++) {
            double change = r.probability()[r.index(0, 3, 6, p)] - 1 / (1 + Math.exp(-r.baselineLogitDiff()[p]));
            expected[(int) Math.max(0, Math.min(20, Math.round(change / 0.1) + 10))] += 1.0 / r.promptCount();
        }
        assertArrayEquals(expected, distribution.get(0).y(), 1e-9);
        // the axis labels every fifth bin centre, readable side by side
        XYChartViewer histogram = ui(() -> view.sweepPanel().distributionChart());
        assertEquals(21, ui(histogram::categoryLabels).size());
        assertEquals("-0.9", ui(histogram::categoryLabels).get(1));
        assertEquals(List.of("-1", "-0.5", "0", "+0.5", "+1"),
                ui(histogram::shownCategoryLabels).stream().filter(label -> !label.isEmpty()).toList());
        assertEquals(1.0, java.util.Arrays.stream(distribution.get(1).y()).sum(), 1e-9);
        String wrongWay = ui(() -> view.sweepPanel().wrongWayText());
        assertTrue(wrongWay.startsWith("Share of prompts moving the wrong way (layer 3): -1: "), wrongWay);
        assertTrue(wrongWay.contains(String.format(java.util.Locale.ROOT, "+1: %.0f%%", 100 * r.wrongWayShare(0, 3, 6))),
                wrongWay);
        // the tooltip gives the raw coefficients behind a relative multiplier
        String tip = ui(() -> {
            Event move = new Event();
            move.x = chart.pixelOf(6);
            move.y = 20;
            chart.plotControl().notifyListeners(SWT.MouseMove, move);
            return chart.plotControl().getToolTipText();
        });
        assertTrue(tip.startsWith("multiplier +1 \u00d7 mean residual norm"), tip);
        assertTrue(tip.contains(String.format(java.util.Locale.ROOT, "layer 3: coefficient %.4g", r.coefficient(0, 3, 6))),
                tip);

        waitUntil(() -> ui(() -> chart.control().getSize().x > 300), "the chart is laid out");
        Path shot = ui(() -> {
            chart.control().update();
            try {
                return Screenshots.save(window().getShell(), "steering-view-sweep");
            } catch (Exception e) {
                throw new AssertionError(e);
            }
        });
        assertTrue(Files.size(shot) > 5000, "screenshot written to " + shot);

        ui(() -> {
            view.sweepPanel().selectMetric(Metric.LOGIT_DIFF);
            return null;
        });
        assertEquals(r.meanLogitDiff(0, 2, 1), ui(() -> chart.lines().get(2).y()[1]), 1e-12);
        assertEquals(Metric.LOGIT_DIFF.label(), ui(() -> chart.chart().getAxisSet().getYAxis(0).getTitle().getText()));
        ui(() -> {
            view.sweepPanel().selectMetric(Metric.PROBABILITY);
            return null;
        });
    }

    @Test
    @Order(2)
    void exportsThePngAndTheNumbersWithRawCoefficients(@TempDir Path dir) throws Exception {
        SteeringView view = openView();
        Path png = dir.resolve("sweep.png");
        Path csv = dir.resolve("sweep.csv");
        ui(() -> {
            view.show(sweep.result);
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
        assertEquals(1 + 2 * 4 * DemoSweep.MULTIPLIERS.length, lines.size());
        assertTrue(lines.get(0).startsWith("vector,layer,multiplier,coefficient,"), lines.get(0));
        assertTrue(lines.get(1).startsWith("steering,0,-1.0," + sweep.result.coefficient(0, 0, 0) + ","), lines.get(1));
    }

    @Test
    @Order(3)
    void interactiveSteeringStreamsBothSidesIdenticalAtZeroAndDifferentWhenStrong() throws Exception {
        SteeringView view = openView();
        InteractivePanel panel = ui(() -> {
            view.show(sweep.result, sweep.vectors);
            InteractivePanel p = view.interactive();
            p.setModelFolder(sweep.model);
            p.setLayer(3);
            p.setPrompt(PROMPT);
            p.setAnswers(" A", " B");
            p.setSampling(16, 0.8, 0.95, 7);
            p.setMultiplier(0);
            return p;
        });
        SteeredGeneration.Pair atZero = generate(panel);
        assertTrue(atZero.unsteered().generatedTokens().length > 3);
        assertArrayEquals(atZero.unsteered().generatedTokens(), atZero.steered().generatedTokens(),
                "multiplier 0 with the same seed gives the same tokens");
        assertEquals(ui(() -> panel.text(Side.UNSTEERED)), ui(() -> panel.text(Side.STEERED)));
        assertTrue(ui(() -> panel.settingsText()).startsWith("Both sides: seed 7, temperature 0.8, top-p 0.95"),
                ui(() -> panel.settingsText()));

        ui(() -> {
            panel.setMultiplier(2.5);
            return null;
        });
        SteeredGeneration.Pair strong = generate(panel);
        assertArrayEquals(atZero.unsteered().generatedTokens(), strong.unsteered().generatedTokens(),
                "the unsteered side does not depend on the multiplier");
        assertFalse(ui(() -> panel.text(Side.UNSTEERED)).equals(ui(() -> panel.text(Side.STEERED))),
                "a strong vector changes the steered text");
        assertEquals("Steered: blocks.3.resid_post \u00d7 +2.50", ui(panel::steeredTitle));

        // the read-out follows the multiplier: steering towards A raises logit(A) - logit(B)
        waitUntil(() -> ui(() -> panel.readout() != null && panel.readout().multiplier() == 2.5),
                "the read-out of multiplier 2.5 arrives");
        var readout = ui(panel::readout);
        assertTrue(readout.steered() > readout.unsteered() + 1, readout.toString());
        assertTrue(ui(panel::readoutText).startsWith("logit diff A \u2212 B: steered "), ui(panel::readoutText));
        waitUntil(() -> ui(() -> view.chart().control().getSize().x > 300), "the view is laid out");
        ui(() -> {
            try {
                return Screenshots.save(window().getShell(), "steering-view-generation");
            } catch (Exception e) {
                throw new AssertionError(e);
            }
        });
    }

    /** Clicks "Generate" and waits until both sides have streamed the whole generation into their text boxes. */
    private static SteeredGeneration.Pair generate(InteractivePanel panel) throws InterruptedException {
        assertNotNull(ui(panel::generate), "generation started");
        waitUntil(() -> !panel.isGenerating() && panel.lastPair() != null, "the generation job ends");
        SteeredGeneration.Pair pair = panel.lastPair();
        waitUntil(() -> ui(() -> panel.text(Side.UNSTEERED).equals(pair.unsteered().text())
                && panel.text(Side.STEERED).equals(pair.steered().text())), "both texts are shown");
        for (Side side : Side.values()) {
            var result = side == Side.STEERED ? pair.steered() : pair.unsteered();
            assertEquals(result.generatedTokens().length, panel.tokensStreamed(side), side + " tokens streamed");
            assertTrue(ui(() -> panel.uiUpdates(side)) >= 1, side + " text updated while streaming");
        }
        return pair;
    }
}
