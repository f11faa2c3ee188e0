package io.mechanist.ui.steering.tests;

import static io.mechanist.testing.ui.Workbench.showView;
import static io.mechanist.testing.ui.Workbench.ui;
import static io.mechanist.testing.ui.Workbench.waitUntil;
import static io.mechanist.testing.ui.Workbench.window;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.eclipse.core.runtime.NullProgressMonitor;
import org.eclipse.e4.core.services.events.IEventBroker;
import org.eclipse.ui.PlatformUI;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

import io.mechanist.core.activations.ActivationSet;
import io.mechanist.core.activations.PromptInfo;
import io.mechanist.core.analysis.AnalysisRegistry;
import io.mechanist.core.analysis.AnalysisRequest;
import io.mechanist.demo.EmbeddedDemo;
import io.mechanist.probes.ProbeDirection;
import io.mechanist.probes.ProbeMethod;
import io.mechanist.steering.ProbeCausalSweep;
import io.mechanist.steering.RandomNull;
import io.mechanist.steering.SweepResult;
import io.mechanist.steering.analysis.StoredSweeps;
import io.mechanist.steering.analysis.SweepAnalysis;
import io.mechanist.store.ActivationStore;
import io.mechanist.store.AnalysisRunner;
import io.mechanist.testing.ui.Screenshots;
import io.mechanist.ui.charts.XYChartViewer;
import io.mechanist.ui.events.SteerAlongProbe;
import io.mechanist.ui.events.StoreResultSelection;
import io.mechanist.ui.steering.SteeringView;

/**
 * The probe -> steering action and opening a stored sweep, in the real workbench on the embedded demo model: the
 * requests arrive on the event broker as the probe view and the Store Navigator send them.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SteerAlongProbeTest {
    private static final String SITE = "blocks.3.resid_post";

    @TempDir
    static Path dir;
    static Path storeFolder;
    static ProbeDirection direction;

    /** A demo store and a mass-mean probe for answer A at layer 3's last position (the answer marker ':'). */
    @BeforeAll
    static void captureAndFitProbe() throws Exception {
        storeFolder = dir.resolve("demo-store");
        EmbeddedDemo.createStore(storeFolder, new NullProgressMonitor());
        try (ActivationStore store = ActivationStore.openReadOnly(storeFolder);
                ActivationSet capture = store.openCapture(EmbeddedDemo.TEST_CAPTURE)) {
            int width = capture.rowWidth(SITE);
            double[] sumA = new double[width];
            double[] sumB = new double[width];
            float[] row = new float[width];
            int a = 0;
            int b = 0;
            for (PromptInfo p : capture.prompts()) {
                capture.readRow(SITE, p.index(), p.tokenCount() - 1, row, 0);
                boolean isA = p.label("answer").equals("A");
                double[] sum = isA ? sumA : sumB;
                a += isA ? 1 : 0;
                b += isA ? 0 : 1;
                for (int j = 0; j < width; j++) {
                    sum[j] += row[j];
                }
            }
            float[] weights = new float[width];
            double bias = 0;
            for (int j = 0; j < width; j++) {
                double meanA = sumA[j] / a;
                double meanB = sumB[j] / b;
                weights[j] = (float) (meanA - meanB);
                bias -= weights[j] * (meanA + meanB) / 2;
            }
            direction = new ProbeDirection(ProbeMethod.MASS_MEAN, 3, 0, "A", weights, bias, a + b);
        }
    }

    private static SteeringView openView() {
        return showView(SteeringView.ID, SteeringView.class);
    }

    private static void send(String topic, Object data) {
        ui(() -> PlatformUI.getWorkbench().getService(IEventBroker.class).send(topic, data));
    }

    @Test
    @Order(1)
    void steeringAlongTheProbeShowsTheSweepTheVerdictAndOffersTheDirection() throws Exception {
        SteeringView view = openView();
        send(SteerAlongProbe.TOPIC, new SteerAlongProbe(storeFolder, EmbeddedDemo.TEST_CAPTURE, "answer", "A", "B",
                SITE, "anchor+0", "mass-mean", direction.weights()));
        assertTrue(ui(view::statusText).startsWith("Steering along the mass-mean probe at blocks.3.resid_post"),
                ui(view::statusText));
        waitUntil(() -> !ui(view::verdictText).isEmpty(), "the causal test's verdict is shown");
        String verdict = ui(view::verdictText);
        assertTrue(verdict.startsWith("Causal test of the mass-mean probe at blocks.3.resid_post, anchor+0 (label "
                + "answer: A vs B, capture demo-test) on 400 prompts, target ' A' vs ' B': "), verdict);
        assertTrue(verdict.contains("Logit trend: probe direction logit trend as predicted: yes (slope +"), verdict);
        assertTrue(verdict.contains("layer 3 direction at multiplier 1: causal "), verdict);
        assertTrue(verdict.contains("random null of 20 directions"), verdict);
        // the demo's held-out prompts come in 60 groups: the verdict's intervals are taken over them
        assertTrue(verdict.contains("intervals cluster-robust t over 60 prompt groups"), verdict);
        System.out.println("Steer along the demo's mass-mean probe: " + verdict);
        assertTrue(verdict.contains("x the random control's effect of "), verdict);
        assertTrue(verdict.contains("random control of equal norm: slope "), verdict);

        // what is drawn is the sweep along the probe: recompute it independently of the view
        ProbeCausalSweep.Outcome expected;
        try (ActivationStore store = ActivationStore.openReadOnly(storeFolder)) {
            expected = ProbeCausalSweep.run(store, new ProbeCausalSweep.Request(EmbeddedDemo.TEST_CAPTURE, "answer",
                    "A", "B", SITE, "mass-mean", direction.weights(), null), null, null);
        }
        SweepResult r = expected.result();
        assertTrue(expected.probe().movesAsPredicted(), expected.probe().toString());
        assertTrue(expected.randomNull().shamMaxDifference() <= RandomNull.SHAM_TOLERANCE);
        assertTrue(verdict.contains("causal " + (expected.causal().get(0).yes() ? "yes" : "no")), verdict);
        assertTrue(expected.probe().slope() > 2 * expected.probe().controlEffect(), expected.probe().toString());
        XYChartViewer chart = ui(view::chart);
        assertEquals(List.of("layer 3", "layer 3 random control"), ui(chart::legendEntries));
        List<XYChartViewer.Line> lines = ui(chart::lines);
        int last = r.config().multipliers().length - 1;
        for (int m = 0; m <= last; m++) {
            assertEquals(r.meanProbability(0, 0, m), lines.get(0).y()[m], 1e-6, "probe line at " + m);
            assertEquals(r.meanProbability(1, 0, m), lines.get(1).y()[m], 1e-6, "control line at " + m);
        }
        assertTrue(lines.get(0).y()[last] > lines.get(0).y()[0] + 0.3, "P(A) rises along the probe direction");

        // the direction is offered for interactive steering at the probe's layer, with the capture's model
        assertEquals(3, (int) ui(() -> view.interactive().layer()));
        assertTrue(ui(() -> view.interactive().vectorText()).startsWith("probe-mass-mean from blocks.3.resid_post"),
                ui(() -> view.interactive().vectorText()));
        assertEquals(EmbeddedDemo.modelFolder().toString(), ui(() -> view.interactive().modelFolderText()));

        waitUntil(() -> ui(() -> chart.control().getSize().x > 300), "the chart is laid out");
        Path shot = ui(() -> {
            chart.control().update();
            try {
                return Screenshots.save(window().getShell(), "steering-view-probe-causal-test");
            } catch (Exception e) {
                throw new AssertionError(e);
            }
        });
        assertTrue(Files.size(shot) > 5000, "screenshot written to " + shot);
    }

    /**
     * The causal test is stored in the probe's store as a steering sweep result (target probe, at the probe's layer):
     * read back, it has the numbers that were shown, and opened from the navigator it shows the same verdict.
     */
    @Test
    @Order(2)
    void theCausalTestIsStoredAndReopensWithTheSameVerdict() throws Exception {
        SteeringView view = openView();
        String verdict = ui(view::verdictText);
        java.util.regex.Matcher stored = java.util.regex.Pattern.compile("Stored as (result-[0-9a-f]+) in ")
                .matcher(verdict);
        assertTrue(stored.find(), verdict);
        String resultId = stored.group(1);
        List<XYChartViewer.Line> shown = ui(() -> view.chart().lines());
        StoredSweeps.Loaded loaded;
        try (ActivationStore store = ActivationStore.openReadOnly(storeFolder)) {
            loaded = StoredSweeps.read(store, resultId);
        }
        assertEquals("probe", loaded.parameters().get("target"));
        assertEquals("3", loaded.parameters().get("layers"));
        assertEquals(EmbeddedDemo.TEST_CAPTURE, loaded.parameters().get("input.heldOut"));
        assertEquals(List.of(3), loaded.result().config().layers());
        for (int m = 0; m < loaded.result().config().multipliers().length; m++) {
            assertEquals(shown.get(0).y()[m], loaded.result().meanProbability(0, 0, m), 1e-6, "probe line at " + m);
            assertEquals(shown.get(1).y()[m], loaded.result().meanProbability(1, 0, m), 1e-6, "control at " + m);
        }
        String yes = loaded.causal().get(0).yes() ? "yes" : "no";
        assertTrue(verdict.contains("layer 3 direction at multiplier 1: causal " + yes), verdict);

        send(StoreResultSelection.TOPIC, new StoreResultSelection(storeFolder, resultId, SweepAnalysis.ID, "summary"));
        waitUntil(() -> ui(view::verdictText).startsWith("Result " + resultId), "the stored causal test is shown");
        String reopened = ui(view::verdictText);
        assertTrue(reopened.startsWith("Result " + resultId + " (target: probe): "), reopened);
        assertTrue(reopened.contains("layer 3 direction at multiplier 1: causal " + yes), reopened);
    }

    @Test
    @Order(3)
    void aFailingRequestSaysWhy() throws Exception {
        SteeringView view = openView();
        send(SteerAlongProbe.TOPIC, new SteerAlongProbe(storeFolder, "no-such-capture", "answer", "A", "B", SITE,
                "anchor+0", "mass-mean", direction.weights()));
        waitUntil(() -> ui(view::statusText).contains("failed"), "the failure is shown");
        assertTrue(ui(view::statusText).contains("has no capture 'no-such-capture'"), ui(view::statusText));
        assertEquals("", ui(view::verdictText));
    }

    @Test
    @Order(4)
    void openingAStoredSweepShowsItsNumbersAndOffersItsVectors() throws Exception {
        String resultId;
        SweepResult computed;
        try (ActivationStore store = ActivationStore.open(storeFolder)) {
            SweepAnalysis analysis = new SweepAnalysis();
            AnalysisRegistry registry = AnalysisRegistry.fromPlatform();
            resultId = new AnalysisRunner(store, registry).run(registry.get(SweepAnalysis.ID), analysis,
                    new AnalysisRequest(SweepAnalysis.ID, Map.of("model", EmbeddedDemo.modelFolder().toString(),
                            "layers", "2,3", "multipliers", "-1,-0.5,0,0.5,1", "target", "fixed:A", "pairLabel",
                            "answer", "pairPositive", "A"), Map.of("heldOut", EmbeddedDemo.TEST_CAPTURE, "contrast",
                                    EmbeddedDemo.PAIRS_CAPTURE)), new NullProgressMonitor());
            computed = analysis.lastResult();
        }
        SteeringView view = openView();
        // other analyses' results are not this view's
        send(StoreResultSelection.TOPIC, new StoreResultSelection(storeFolder, resultId, "io.mechanist.probes.accuracy",
                "accuracy"));
        assertTrue(ui(() -> view.runningJob() == null || !view.statusText().startsWith("Loading steering sweep " + resultId)));
        send(StoreResultSelection.TOPIC, new StoreResultSelection(storeFolder, resultId, SweepAnalysis.ID, "summary"));
        waitUntil(() -> ui(view::verdictText).startsWith("Result " + resultId), "the stored sweep is shown");
        String verdict = ui(view::verdictText);
        assertTrue(verdict.contains("layer 3: steering vector logit trend as predicted: yes"), verdict);
        XYChartViewer chart = ui(view::chart);
        assertEquals(List.of("layer 2", "layer 3", "layer 2 random control", "layer 3 random control"),
                ui(chart::legendEntries));
        List<XYChartViewer.Line> lines = ui(chart::lines);
        for (int l = 0; l < 2; l++) {
            for (int m = 0; m < 5; m++) {
                assertEquals(computed.meanProbability(0, l, m), lines.get(l).y()[m], 1e-12);
                assertEquals(computed.meanProbability(1, l, m), lines.get(2 + l).y()[m], 1e-12);
            }
        }
        // the stored per-layer vectors are what interactive steering uses
        try (ActivationStore store = ActivationStore.openReadOnly(storeFolder)) {
            StoredSweeps.Loaded loaded = StoredSweeps.read(store, resultId);
            ui(() -> {
                view.interactive().setLayer(2);
                return null;
            });
            assertTrue(ui(() -> view.interactive().vectorText()).startsWith("mean-difference from blocks.2.resid_post"),
                    ui(() -> view.interactive().vectorText()));
            assertArrayEquals(store.readResultArray(resultId, "vectors"), concat(loaded.vectors().get(2).values(),
                    loaded.vectors().get(3).values()));
        }
        assertEquals(EmbeddedDemo.modelFolder().toString(), ui(() -> view.interactive().modelFolderText()));
    }

    /**
     * A sweep run on Spark records its checkpoint's Hadoop URI as the parameter {@code model}: opened, it keeps the
     * interactive read-out's local model folder and says where the sweep ran.
     */
    @Test
    @Order(5)
    void aStoredSparkSweepKeepsTheLocalModelFolderAndNamesItsUri() throws Exception {
        String uri = "hdfs://nn:8020/models/demo-gpt2";
        String resultId;
        try (ActivationStore store = ActivationStore.open(storeFolder)) {
            AnalysisRegistry registry = AnalysisRegistry.fromPlatform();
            resultId = new AnalysisRunner(store, registry).run(registry.get(SweepAnalysis.ID), new SweepAnalysis(),
                    new AnalysisRequest(SweepAnalysis.ID, Map.of("model", EmbeddedDemo.modelFolder().toString(),
                            "layers", "3", "multipliers", "-1,0,1", "target", "fixed:A", "pairLabel", "answer",
                            "pairPositive", "A"), Map.of("heldOut", EmbeddedDemo.TEST_CAPTURE, "contrast",
                                    EmbeddedDemo.PAIRS_CAPTURE)), new NullProgressMonitor());
            // as SparkSweep stores it: the URI the executors loaded the checkpoint from
            store.update(s -> s.getResults().stream().filter(r -> r.getId().equals(resultId)).findFirst()
                    .orElseThrow().getParameters().put("model", uri));
        }
        SteeringView view = openView();
        String before = ui(() -> view.interactive().modelFolderText());
        send(StoreResultSelection.TOPIC, new StoreResultSelection(storeFolder, resultId, SweepAnalysis.ID, "summary"));
        waitUntil(() -> ui(view::verdictText).startsWith("Result " + resultId), "the stored sweep is shown");
        String verdict = ui(view::verdictText);
        assertTrue(verdict.contains("Swept on " + uri + ", which the interactive read-out cannot open"), verdict);
        assertEquals(before, ui(() -> view.interactive().modelFolderText()));
    }

    private static float[] concat(float[] a, float[] b) {
        float[] out = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
