package io.mechanist.ui.tests;

import static io.mechanist.testing.ui.Workbench.page;
import static io.mechanist.testing.ui.Workbench.ui;
import static io.mechanist.testing.ui.Workbench.waitUntil;
import static io.mechanist.testing.ui.Workbench.window;
import static io.mechanist.ui.tests.Ui.controls;
import static io.mechanist.ui.tests.Ui.item;
import static io.mechanist.ui.tests.Ui.labels;
import static io.mechanist.ui.tests.Ui.shell;
import static io.mechanist.ui.tests.Ui.withData;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.eclipse.jface.action.ActionContributionItem;
import org.eclipse.jface.viewers.StructuredSelection;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Combo;
import org.eclipse.swt.widgets.Event;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Menu;
import org.eclipse.swt.widgets.MenuItem;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.swt.widgets.Text;
import org.eclipse.swt.widgets.Tree;
import org.eclipse.swt.widgets.TreeItem;
import org.eclipse.ui.IPageLayout;
import org.eclipse.ui.IWorkbenchPage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

import io.mechanist.model.AnalysisResult;
import io.mechanist.store.ActivationStore;
import io.mechanist.testing.TinyStore;
import io.mechanist.testing.ui.Screenshots;
import io.mechanist.ui.application.MechanistPerspective;
import io.mechanist.ui.store.OpenStores;
import io.mechanist.ui.store.RunAnalysisDialog;
import io.mechanist.ui.store.StoreElement;
import io.mechanist.ui.store.StoreNavigator;

/**
 * "Run Analysis..." in the Store Navigator, driven as a user: pick a capture, open the dialog from the view's
 * toolbar, choose the example plug-in's analysis, type its site, run it; the result appears in the tree, opens in
 * its bound view, and holds the right numbers.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class RunAnalysisTest {

    /** Longer than {@link io.mechanist.testing.ui.Workbench#TIMEOUT}: waits include running an analysis. */
    private static final Duration TIMEOUT = Duration.ofSeconds(180);

    private static final String NORMS = "io.mechanist.examples.tokenstats.norms";
    private static final String NORMS_NAME = "Activation norm by token position";
    private static final int LAYER = 1;

    @TempDir
    static Path dir;
    private static TinyStore tiny;
    private static StoreNavigator navigator;

    @BeforeAll
    static void openTinyStore() throws Exception {
        tiny = TinyStore.create(dir.resolve("tiny"));
        navigator = ui(() -> {
            try {
                return (StoreNavigator) page().showView(MechanistPerspective.STORE_NAVIGATOR);
            } catch (Exception e) {
                throw new AssertionError(e);
            }
        });
        OpenStores.instance().open(tiny.folder).join();
        waitUntil(() -> storeTree() != null, TIMEOUT, () -> "the navigator shows the tiny store");
    }

    @AfterAll
    static void closeTinyStore() {
        OpenStores.instance().close(tiny.folder);
    }

    @Test
    @Order(1)
    void runsAPlugInAnalysisFromTheDialogAndOpensItsResult() throws Exception {
        openDialogOnCapture();
        Shell dialog = ui(() -> shell(RunAnalysisDialog.TITLE));

        // The analysis chooser lists the installed analyses by category; pick the example plug-in's.
        List<String> chooser = ui(() -> labels(controls(dialog, Tree.class, t -> true).get(0)));
        assertTrue(chooser.contains("Statistics") && chooser.contains("  " + NORMS_NAME), chooser.toString());
        assertTrue(chooser.contains("Probes") && chooser.contains("Steering"), chooser.toString());
        choose(dialog, NORMS_NAME);

        // The capture selected in the navigator is bound; the site is required and has no default: no run yet.
        String bound = ui(() -> withData(dialog, Combo.class, RunAnalysisDialog.INPUT_KEY, "activations").getText());
        assertTrue(bound.startsWith(TinyStore.CAPTURE), bound);
        assertFalse(ui(() -> runButton(dialog).isEnabled()), "no run without the required site");
        assertTrue(ui(() -> errorText(dialog)).contains("'site'"), ui(() -> errorText(dialog)));
        assertEquals("4096", ui(() -> withData(dialog, Text.class, RunAnalysisDialog.PARAMETER_KEY, "maxPositions")
                .getText()), "parameters start at their defaults");
        String tooltip = ui(() -> withData(dialog, Text.class, RunAnalysisDialog.PARAMETER_KEY, "maxPositions")
                .getToolTipText());
        assertTrue(tooltip.contains("Type int") && tooltip.contains("default 4096"), tooltip);

        // The site field offers the capture's sites; a wrong value is refused as the runner would refuse it.
        Combo site = ui(() -> withData(dialog, Combo.class, RunAnalysisDialog.PARAMETER_KEY, "site"));
        List<String> offered = ui(() -> List.of(site.getItems()));
        assertTrue(offered.contains("blocks." + LAYER + ".resid_post"), offered.toString());
        type(site, "blocks.one.resid_post");
        assertFalse(ui(() -> runButton(dialog).isEnabled()));
        assertTrue(ui(() -> errorText(dialog)).contains("is not a valid hookSite"), ui(() -> errorText(dialog)));
        Text maxPositions = ui(() -> withData(dialog, Text.class, RunAnalysisDialog.PARAMETER_KEY, "maxPositions"));
        type(site, "blocks." + LAYER + ".resid_post");
        type(maxPositions, "many");
        assertFalse(ui(() -> runButton(dialog).isEnabled()));
        assertTrue(ui(() -> errorText(dialog)).contains("'maxPositions'"), ui(() -> errorText(dialog)));
        type(maxPositions, "4096");
        assertTrue(ui(() -> runButton(dialog).isEnabled()), ui(() -> errorText(dialog)));
        screenshot(dialog, "run-analysis-dialog");

        int resultsBefore = results().size();
        ui(() -> {
            runButton(dialog).notifyListeners(SWT.Selection, new Event());
            return null;
        });

        // The job runs; the new result shows in the tree, is selected and opened in its bound view.
        waitUntil(() -> results().size() == resultsBefore + 1, TIMEOUT, () -> "the new result shows: " + results());
        StoreElement result = results().get(results().size() - 1);
        assertEquals(NORMS, result.property("Result", "Analysis"));
        assertEquals("blocks." + LAYER + ".resid_post", result.property("Parameters", "site"));
        assertEquals(TinyStore.CAPTURE, result.property("Result", "Input captures"));
        waitUntil(() -> ResultTestView.RECEIVED.get() != null
                && result.id().equals(ResultTestView.RECEIVED.get().resultId()),
                TIMEOUT, () -> "the bound view is asked to show the new result");
        assertEquals(NORMS, ResultTestView.RECEIVED.get().analysisId());
        assertEquals(List.of(result), ui(() -> ((StructuredSelection) navigator.viewer().getSelection()).toList()),
                "the new result is selected");
        List<String> shown = ui(() -> labels(navigator.viewer().getTree()));
        assertTrue(shown.contains("    " + NORMS_NAME + " \u2013 " + NORMS), String.join("\n", shown));

        // Its numbers are in the store: the L2 norm of resid_post at every (prompt, position), computed here
        // independently from the tiny model's reference forward.
        try (ActivationStore store = ActivationStore.openReadOnly(tiny.folder)) {
            int[] shape = store.read(s -> s.getResults().stream().filter(r -> r.getId().equals(result.id()))
                    .findFirst().map(RunAnalysisTest::normsShape).orElseThrow());
            float[] norms = store.readResultArray(result.id(), "norms");
            int prompts = tiny.tokens.size();
            int positions = tiny.tokens.stream().mapToInt(List::size).max().orElseThrow();
            assertEquals(prompts, shape[0]);
            assertEquals(positions, shape[1]);
            // The Properties view's summary of the result: the analysis, its outputs and their shapes.
            assertEquals(NORMS_NAME, result.property("Result", "Analysis name"));
            assertEquals("array [" + prompts + ", " + positions + "] (prompt \u00d7 position)",
                    result.property("Outputs", "norms"));
            assertTrue(result.property("Outputs", "normByPosition").startsWith("table, " + positions + " rows"),
                    result.property("Outputs", "normByPosition"));
            for (int p = 0; p < prompts; p++) {
                for (int pos = 0; pos < positions; pos++) {
                    float stored = norms[p * positions + pos];
                    if (pos >= tiny.tokens.get(p).size()) {
                        assertTrue(Float.isNaN(stored), "no token at prompt " + p + " position " + pos);
                        continue;
                    }
                    double sum = 0;
                    for (int j = 0; j < tiny.dModel; j++) {
                        double v = tiny.resid(p, LAYER, pos, j);
                        sum += v * v;
                    }
                    assertEquals(Math.sqrt(sum), stored, 1e-5 * Math.sqrt(sum), "prompt " + p + " position " + pos);
                }
            }
        }
        // The Properties view summarises the selected result (analysis, parameters, outputs with shapes).
        ui(() -> {
            navigator.viewer().reveal(result);
            try {
                page().showView(IPageLayout.ID_PROP_SHEET, null, IWorkbenchPage.VIEW_VISIBLE);
            } catch (Exception e) {
                throw new AssertionError(e);
            }
            return null;
        });
        screenshot(window().getShell(), "run-analysis-result");
    }

    @Test
    @Order(2)
    void aStoreWrittenElsewhereIsReportedWithTheAnalysisAndTheStore() throws Exception {
        int resultsBefore = results().size();
        // Another writer holds the store (as a capture running in the command line would).
        try (ActivationStore writer = ActivationStore.open(tiny.folder)) {
            openDialogOnCapture();
            Shell dialog = ui(() -> shell(RunAnalysisDialog.TITLE));
            choose(dialog, NORMS_NAME);
            type(ui(() -> withData(dialog, Combo.class, RunAnalysisDialog.PARAMETER_KEY, "site")),
                    "blocks.0.resid_post");
            ui(() -> {
                runButton(dialog).notifyListeners(SWT.Selection, new Event());
                return null;
            });
            waitUntil(() -> ui(() -> shell(RunAnalysisDialog.TITLE)) != null
                    && ui(() -> shell(RunAnalysisDialog.TITLE)) != dialog, TIMEOUT, () -> "an error dialog opens");
            Shell error = ui(() -> shell(RunAnalysisDialog.TITLE));
            String message = ui(() -> String.join("\n", controls(error, Label.class, l -> true).stream()
                    .map(Label::getText).toList()));
            assertTrue(message.contains(NORMS_NAME) && message.contains(tiny.folder.toAbsolutePath().normalize().toString())
                    && message.contains("open for writing elsewhere"), message);
            screenshot(error, "run-analysis-error");
            ui(() -> {
                error.close();
                return null;
            });
        }
        // Any run that was started has finished before the check (a refused one starts none).
        org.eclipse.core.runtime.jobs.Job.getJobManager().join(io.mechanist.ui.store.AnalysisJob.FAMILY, null);
        assertEquals(resultsBefore, results().size(), "a refused run adds no result");
    }

    @Test
    @Order(3)
    void theContextMenuOfAStoreAndOfACaptureOffersRunAnalysis() {
        for (String node : List.of("store", "capture")) {
            List<String> items = ui(() -> {
                StoreElement tree = storeTree();
                StoreElement element = node.equals("store") ? tree : tree.child("Captures").child("Tiny capture");
                navigator.viewer().setSelection(new StructuredSelection(element), true);
                Menu menu = navigator.viewer().getTree().getMenu();
                menu.notifyListeners(SWT.Show, new Event());
                List<String> texts = java.util.Arrays.stream(menu.getItems()).map(MenuItem::getText).toList();
                menu.notifyListeners(SWT.Hide, new Event());
                return texts;
            });
            assertTrue(items.contains("Run Analysis..."), node + ": " + items);
        }
    }

    @Test
    @Order(4)
    void switchingBetweenFormsLogsNothingAndAFormRemembersItsLastValues() throws Exception {
        List<org.eclipse.core.runtime.IStatus> logged = new java.util.concurrent.CopyOnWriteArrayList<>();
        org.eclipse.core.runtime.ILogListener listener = (status, plugin) -> logged.add(status);
        org.eclipse.core.runtime.Platform.addLogListener(listener);
        try {
            openDialogOnCapture();
            Shell dialog = ui(() -> shell(RunAnalysisDialog.TITLE));
            List<String> names = ui(() -> labels(controls(dialog, Tree.class, t -> true).get(0))).stream()
                    .filter(n -> n.startsWith("  ")).map(String::strip).toList();
            for (int round = 0; round < 3; round++) {
                for (String name : names) {
                    choose(dialog, name);
                }
                choose(dialog, NORMS_NAME);
            }
            type(ui(() -> withData(dialog, Text.class, RunAnalysisDialog.PARAMETER_KEY, "maxPositions")), "77");
            type(ui(() -> withData(dialog, Combo.class, RunAnalysisDialog.PARAMETER_KEY, "site")),
                    "blocks.0.resid_post");
            ui(() -> {
                runButton(dialog).notifyListeners(SWT.Selection, new Event());
                return null;
            });
            waitUntil(() -> ui(() -> shell(RunAnalysisDialog.TITLE)) == null, TIMEOUT, () -> "the dialog closes");

            openDialogOnCapture();
            Shell again = ui(() -> shell(RunAnalysisDialog.TITLE));
            choose(again, NORMS_NAME);
            assertEquals("77", ui(() -> withData(again, Text.class, RunAnalysisDialog.PARAMETER_KEY, "maxPositions")
                    .getText()), "the form starts from the values of the last run");
            assertEquals("blocks.0.resid_post", ui(() -> withData(again, Combo.class, RunAnalysisDialog.PARAMETER_KEY,
                    "site").getText()));
            screenshot(again, "run-analysis-remembered");
            ui(() -> {
                again.close();
                return null;
            });
        } finally {
            org.eclipse.core.runtime.Platform.removeLogListener(listener);
        }
        assertEquals(List.of(), logged.stream().filter(s -> s.getSeverity() == org.eclipse.core.runtime.IStatus.ERROR)
                .map(s -> s.getMessage() + (s.getException() == null ? "" : ": " + s.getException())).toList(),
                "switching forms and running logs no error");
    }

    /** Selects the tiny store's capture in the navigator and clicks "Run Analysis..." in the view's toolbar. */
    private static void openDialogOnCapture() throws InterruptedException {
        ui(() -> {
            StoreElement capture = storeTree().child("Captures").child("Tiny capture");
            navigator.viewer().setSelection(new StructuredSelection(capture), true);
            ActionContributionItem run = (ActionContributionItem) navigator.getViewSite().getActionBars()
                    .getToolBarManager().find(StoreNavigator.RUN_ANALYSIS);
            assertNotNull(run, "the navigator's toolbar has Run Analysis");
            // The dialog is modal: open it after this call returns.
            navigator.viewer().getControl().getDisplay().asyncExec(() -> run.getAction().run());
            return null;
        });
        waitUntil(() -> ui(() -> shell(RunAnalysisDialog.TITLE)) != null, TIMEOUT,
                () -> "the Run Analysis dialog opens");
    }

    private static void choose(Shell dialog, String analysisName) {
        ui(() -> {
            Tree tree = controls(dialog, Tree.class, t -> true).get(0);
            TreeItem item = item(tree, analysisName);
            assertNotNull(item, analysisName + " is listed");
            tree.setSelection(item);
            Event click = new Event();
            click.item = item;
            tree.notifyListeners(SWT.Selection, click);
            return null;
        });
    }

    /** Replaces a field's text as typing does (a Modify event follows). */
    private static void type(org.eclipse.swt.widgets.Control field, String text) {
        ui(() -> {
            if (field instanceof Combo combo) {
                combo.setText(text);
            } else {
                ((Text) field).setText(text);
            }
            return null;
        });
    }

    private static Button runButton(Shell dialog) {
        return controls(dialog, Button.class, b -> "Run".equals(b.getText())).get(0);
    }

    /** The message line of the dialog's title area (the error when there is one). */
    private static String errorText(Shell dialog) {
        return String.join("\n", controls(dialog, Text.class, t -> (t.getStyle() & SWT.READ_ONLY) != 0
                && t.getData(RunAnalysisDialog.PARAMETER_KEY) == null).stream().map(Text::getText).toList());
    }

    private static StoreElement storeTree() {
        return OpenStores.instance().trees().stream().filter(t -> t.storeFolder().equals(tiny.folder.toAbsolutePath()
                .normalize())).findFirst().orElse(null);
    }

    private static List<StoreElement> results() {
        StoreElement tree = storeTree();
        return tree == null ? List.of() : tree.child("Analysis results").children();
    }

    private static int[] normsShape(AnalysisResult result) {
        return result.getArrays().stream().filter(a -> a.getName().equals("norms")).findFirst().orElseThrow()
                .getShape().stream().mapToInt(Integer::intValue).toArray();
    }

    private static Path screenshot(Shell shell, String name) throws Exception {
        return Screenshots.painted(shell, name);
    }
}
