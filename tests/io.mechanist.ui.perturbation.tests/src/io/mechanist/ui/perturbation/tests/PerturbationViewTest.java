package io.mechanist.ui.perturbation.tests;

import static io.mechanist.testing.ui.Workbench.showView;
import static io.mechanist.testing.ui.Workbench.ui;
import static io.mechanist.testing.ui.Workbench.waitUntil;
import static io.mechanist.testing.ui.Workbench.window;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.eclipse.core.runtime.NullProgressMonitor;
import org.eclipse.e4.core.services.events.IEventBroker;
import org.eclipse.ui.PlatformUI;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.mechanist.capture.CaptureJob;
import io.mechanist.capture.Capturer;
import io.mechanist.core.analysis.AnalysisRegistry;
import io.mechanist.core.analysis.AnalysisRequest;
import io.mechanist.demo.EmbeddedDemo;
import io.mechanist.store.ActivationStore;
import io.mechanist.store.AnalysisRunner;
import io.mechanist.testing.ui.Screenshots;
import io.mechanist.ui.charts.XYChartViewer;
import io.mechanist.ui.perturbation.PerturbationView;
import io.mechanist.ui.store.OpenStores;
import io.mechanist.ui.events.StoreResultSelection;

/**
 * The Perturbation view in the real workbench on real results: the demo model against its always-A fine-tune (the
 * demo's own interpolation, diff and transfer requests on a share of the held-out prompts), each opened from a
 * store-result selection as the Store Navigator sends it.
 */
class PerturbationViewTest {

    private static final int PROMPTS = 80;

    @TempDir
    static Path temp;
    static Path store;
    static String interpolation;
    static String diff;
    static String transfer;

    @BeforeAll
    static void compareTheDemoModels() throws Exception {
        store = temp.resolve("store");
        List<String> lines = Files.readAllLines(EmbeddedDemo.dataset(EmbeddedDemo.TEST_SET));
        Path dataset = Files.write(temp.resolve("held-out.jsonl"), lines.subList(0, PROMPTS));
        Path model = EmbeddedDemo.modelFolder();
        Path alwaysA = EmbeddedDemo.alwaysAModelFolder();
        for (var capture : Map.of(EmbeddedDemo.TEST_CAPTURE, model, EmbeddedDemo.ALWAYS_A_CAPTURE, alwaysA).entrySet()) {
            Capturer.capture(CaptureJob.builder(store, capture.getValue(), dataset).sites("blocks.*.resid_post")
                    .captureId(capture.getKey()).build(), new NullProgressMonitor());
        }
        try (ActivationStore writable = ActivationStore.open(store)) {
            AnalysisRunner runner = new AnalysisRunner(writable, AnalysisRegistry.fromPlatform());
            AnalysisRequest sweep = EmbeddedDemo.interpolationRequest(model, alwaysA);
            Map<String, String> parameters = new java.util.HashMap<>(sweep.parameters());
            parameters.put("bootstrap", "200");
            interpolation = runner.run(new AnalysisRequest(sweep.analysisId(), parameters, sweep.inputs()),
                    new NullProgressMonitor());
            diff = runner.run(EmbeddedDemo.diffRequest(), new NullProgressMonitor());
            transfer = runner.run(EmbeddedDemo.transferRequest(), new NullProgressMonitor());
        }
    }

    @AfterAll
    static void closeStores() {
        OpenStores.instance().closeAll();
    }

    private static PerturbationView open(String resultId, String analysisId, String output) throws Exception {
        OpenStores.instance().open(store).join();
        PerturbationView view = showView(PerturbationView.ID, PerturbationView.class);
        ui(() -> {
            var page = window().getActivePage();
            page.setPartState(page.findViewReference(PerturbationView.ID), org.eclipse.ui.IWorkbenchPage.STATE_MAXIMIZED);
            PlatformUI.getWorkbench().getService(IEventBroker.class).send(StoreResultSelection.TOPIC,
                    new StoreResultSelection(store, resultId, analysisId, output));
            return null;
        });
        waitUntil(() -> ui(() -> view.shown() != null && view.shown().id().equals(resultId)), "the result is loaded");
        return view;
    }

    @Test
    void showsTheInterpolationCurveWithBandsAndTheHalfEffectPoint() throws Exception {
        PerturbationView view = open(interpolation, PerturbationView.INTERPOLATION, "summary");
        List<String> categories = ui(() -> view.chart().categoryLabels());
        assertEquals(List.of("0", "0.125", "0.25", "0.375", "0.5", "0.625", "0.75", "0.875", "1"), categories);
        XYChartViewer.Line accuracy = ui(() -> view.chart().lines()).get(0);
        assertEquals(1.0, accuracy.y()[0], 0.05, "the demo model answers its held-out prompts");
        assertEquals(0.5, accuracy.y()[8], 0.1, "the always-A model answers A: right on half the prompts");
        assertTrue(accuracy.bandLow()[4] <= accuracy.y()[4] && accuracy.y()[4] <= accuracy.bandHigh()[4]);
        int marker = ui(() -> view.chart().marker());
        assertTrue(marker > 0, "the half-effect point is marked: " + ui(view::statusText));
        assertTrue(ui(view::statusText).contains("half the effect is lost at t = "), ui(view::statusText));
        System.out.println("demo -> always-A, " + PROMPTS + " held-out prompts, accuracy by t: "
                + java.util.Arrays.toString(accuracy.y()) + "; " + ui(view::statusText));
        Screenshots.painted(window().getShell(), "perturbation-interpolation");
    }

    @Test
    void showsTheDiffPerSiteAndTheTransferBesideTheOriginalProbes() throws Exception {
        PerturbationView view = open(diff, PerturbationView.DIFF, "sites");
        assertEquals(List.of("blocks.0.resid_post", "blocks.1.resid_post", "blocks.2.resid_post", "blocks.3.resid_post"),
                ui(() -> view.chart().categoryLabels()));
        assertTrue(ui(() -> view.chart().legendEntries()).contains("relative difference sum |b - a| / sum |a|"));
        Screenshots.painted(window().getShell(), "perturbation-diff");

        PerturbationView again = open(transfer, PerturbationView.TRANSFER, "cells");
        List<String> choices = ui(again::transferChoices);
        assertEquals(4, choices.size(), choices.toString());
        assertTrue(ui(again::statusText).contains("mass-mean, blocks.3.resid_post"), ui(again::statusText));
        List<XYChartViewer.Line> lines = ui(() -> again.chart().lines());
        assertEquals(List.of("original", "transfer", "own", "chance"), lines.stream().map(XYChartViewer.Line::id).toList());
        int marker = ui(() -> again.chart().categoryLabels()).size() - 1; // the answer marker
        assertTrue(lines.get(0).y()[marker] > 0.9, "the demo model's answer is readable at the marker");
        System.out.printf("probe transfer at the marker, blocks.3.resid_post, mass-mean: original %.3f [%.3f, %.3f],"
                + " transfer %.3f [%.3f, %.3f], always-A's own %.3f [%.3f, %.3f]%n", lines.get(0).y()[marker],
                lines.get(0).bandLow()[marker], lines.get(0).bandHigh()[marker], lines.get(1).y()[marker],
                lines.get(1).bandLow()[marker], lines.get(1).bandHigh()[marker], lines.get(2).y()[marker],
                lines.get(2).bandLow()[marker], lines.get(2).bandHigh()[marker]);
        Screenshots.painted(window().getShell(), "perturbation-transfer");
    }
}
