package io.mechanist.ui.tests;

import static io.mechanist.testing.ui.Workbench.page;
import static io.mechanist.testing.ui.Workbench.ui;
import static io.mechanist.testing.ui.Workbench.waitUntil;
import static io.mechanist.testing.ui.Workbench.window;
import static io.mechanist.ui.tests.Ui.controls;
import static io.mechanist.ui.tests.Ui.item;
import static io.mechanist.ui.tests.Ui.shell;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;

import org.eclipse.swt.SWT;
import org.eclipse.swt.custom.CTabFolder;
import org.eclipse.swt.custom.CTabItem;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Combo;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Event;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Menu;
import org.eclipse.swt.widgets.MenuItem;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.swt.widgets.Table;
import org.eclipse.swt.widgets.Text;
import org.eclipse.swt.widgets.Tree;
import org.eclipse.swt.widgets.TreeItem;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

import io.mechanist.demo.EmbeddedDemo;
import io.mechanist.model.AnalysisResult;
import io.mechanist.model.ResultColumn;
import io.mechanist.model.ResultTable;
import io.mechanist.store.ActivationStore;
import io.mechanist.testing.ui.Screenshots;
import io.mechanist.ui.application.MechanistPerspective;
import io.mechanist.ui.heatmap.HeatmapView;
import io.mechanist.ui.models.ModelLibraryView;
import io.mechanist.ui.probes.ProbeAccuracyView;
import io.mechanist.ui.results.ResultView;
import io.mechanist.ui.steering.SteeringView;
import io.mechanist.ui.store.OpenStores;
import io.mechanist.ui.store.RunAnalysisDialog;
import io.mechanist.ui.store.StoreElement;
import io.mechanist.ui.store.StoreNavigator;
import io.mechanist.ui.workflow.AddModelDialog;
import io.mechanist.ui.workflow.CaptureDialog;
import io.mechanist.ui.workflow.GettingStartedDialog;
import io.mechanist.ui.workflow.ImportDatasetDialog;
import io.mechanist.ui.workflow.NewStoreDialog;
import io.mechanist.ui.workflow.PathField;

/**
 * A researcher's whole loop through the GUI only, on a copy of the demo checkpoint outside the product folder:
 * File > New Store, Add Model, Import Dataset, Capture Activations, Run Analysis (probes) on the capture, the result
 * in the generic Result view, steering along the probe. Asserts on what is on screen (dialog messages, detail
 * labels, tree items, table cells against the numbers in the store, the verdict); a screenshot of every step goes to
 * target/screenshots/loop-*.png.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ResearcherLoopTest {

    /** Waits include a capture, a probe run and a steering sweep on a busy machine. */
    private static final Duration TIMEOUT = Duration.ofSeconds(300);
    private static final String PROBES = "Probe accuracy by layer and position";
    private static final String PROBES_ID = "io.mechanist.probes.accuracyByPosition";
    private static final String SWEEP_ID = "io.mechanist.steering.sweep";

    @TempDir
    static Path dir;
    private static Path model;
    private static Path dataset;
    private static Path storeFolder;

    @AfterAll
    static void closeStore() {
        if (storeFolder != null) {
            OpenStores.instance().close(storeFolder);
        }
    }

    @Test
    @Order(1)
    void helpGettingStartedListsTheSteps() throws Exception {
        menu("Help", "Getting Started");
        Shell help = waitForShell(GettingStartedDialog.TITLE);
        String text = ui(() -> controls(help, Text.class, t -> true).get(0).getText());
        assertTrue(text.contains("File > New Store...") && text.contains("Capture Activations...")
                && text.contains("Steer along this probe..."), text);
        screenshot(help, "loop-0-getting-started");
        close(help);
    }

    @Test
    @Order(2)
    void newStoreRefusesAForeignFolderAndCreatesOneInAnEmptyFolder() throws Exception {
        Path foreign = Files.createDirectories(dir.resolve("notes"));
        Files.writeString(foreign.resolve("todo.txt"), "not a store");
        navigator();
        menu("File", "New Store...");
        Shell dialog = waitForShell(NewStoreDialog.TITLE);
        type(field(dialog, Text.class, "folder"), foreign.toString());
        assertTrue(ui(() -> message(dialog)).contains("is not empty and holds no store"), ui(() -> message(dialog)));
        assertFalse(ui(() -> button(dialog, "Create").isEnabled()));
        screenshot(dialog, "loop-1-new-store-refused");

        storeFolder = dir.resolve("my-store").toAbsolutePath().normalize();
        type(field(dialog, Text.class, "folder"), storeFolder.toString());
        assertTrue(ui(() -> button(dialog, "Create").isEnabled()), ui(() -> message(dialog)));
        screenshot(dialog, "loop-1-new-store");
        press(dialog, "Create");
        waitUntil(() -> storeTree() != null && storeTree().property("Store", "Problem") == null, TIMEOUT,
                () -> "the navigator shows the new store: " + OpenStores.instance().trees());
        assertTrue(Files.isRegularFile(storeFolder.resolve("store.xmi")));
        screenshot(window().getShell(), "loop-1-store-open");
    }

    @Test
    @Order(3)
    void addModelShowsWhatTheCheckpointIsAndPutsItInTheLibrary() throws Exception {
        model = dir.resolve("models").resolve("my-gpt2");
        copyFolder(EmbeddedDemo.modelFolder(), model);
        menu("File", "Add Model...");
        Shell dialog = waitForShell(AddModelDialog.TITLE);
        type(field(dialog, Text.class, "folder"), dir.resolve("notes").toString());
        assertTrue(ui(() -> message(dialog)).contains("has no config.json"), ui(() -> message(dialog)));
        type(field(dialog, Text.class, "folder"), model.toString());
        assertEquals("GPT2LMHeadModel", ui(() -> field(dialog, Label.class, "Architecture").getText()));
        assertEquals("4", ui(() -> field(dialog, Label.class, "Layers").getText()));
        assertEquals("F32", ui(() -> field(dialog, Label.class, "Weights dtype").getText()));
        assertEquals("ready", ui(() -> field(dialog, Label.class, "Status").getText()));
        assertTrue(ui(() -> field(dialog, Label.class, "Weights size").getText()).endsWith("MB"));
        screenshot(dialog, "loop-2-add-model");
        press(dialog, "Add");
        ModelLibraryView library = io.mechanist.testing.ui.Workbench.showView(ModelLibraryView.ID,
                ModelLibraryView.class);
        waitUntil(() -> ui(() -> library.rows().stream().anyMatch(r -> r.folder().equals(model.toAbsolutePath()
                .normalize()))), TIMEOUT, () -> "the Model Library lists " + model);

        // Verify: the fidelity check runs as a job and its verdict shows in the row.
        Table table = ui(() -> controls(window().getShell(), Table.class, t -> Arrays.stream(t.getColumns())
                .anyMatch(c -> c.getText().equals(ModelLibraryView.FIDELITY))).get(0));
        int fidelityColumn = ui(() -> Arrays.stream(table.getColumns()).map(c -> c.getText()).toList()
                .indexOf(ModelLibraryView.FIDELITY));
        ui(() -> {
            for (int i = 0; i < table.getItemCount(); i++) {
                if (table.getItem(i).getText(0).equals("my-gpt2")) {
                    table.setSelection(i);
                }
            }
            controls(window().getShell(), Button.class, b -> b.getText().equals(ModelLibraryView.VERIFY)).get(0)
                    .notifyListeners(SWT.Selection, new Event());
            return null;
        });
        waitUntil(() -> ui(() -> Arrays.stream(table.getItems()).filter(i -> i.getText(0).equals("my-gpt2"))
                .map(i -> i.getText(fidelityColumn)).findFirst().orElse("").startsWith("pass")), TIMEOUT,
                () -> "the fidelity check passes: " + ui(() -> Arrays.stream(table.getItems())
                        .map(i -> i.getText(0) + " " + i.getText(fidelityColumn)).toList()));
        zoom(ModelLibraryView.ID);
        screenshot(window().getShell(), "loop-2-model-library");
        zoom(ModelLibraryView.ID);
    }

    @Test
    @Order(4)
    void importDatasetNamesTheBadLineAndPreviewsAGoodFile() throws Exception {
        List<String> lines = Files.readAllLines(EmbeddedDemo.dataset(EmbeddedDemo.TEST_SET));
        dataset = dir.resolve("data").resolve("questions.jsonl");
        Files.createDirectories(dataset.getParent());
        Files.write(dataset, lines);
        Path bad = dataset.resolveSibling("bad.jsonl");
        Files.write(bad, List.of(lines.get(0), "{\"id\": \"x\", \"text\": \"no labels\"}"));

        menu("File", "Import Dataset...");
        Shell dialog = waitForShell(ImportDatasetDialog.TITLE);
        type(field(dialog, Text.class, "file"), bad.toString());
        // The file is read in a job; the dialog says so until it is read.
        waitUntil(() -> ui(() -> message(dialog)).contains("bad.jsonl:2:"), TIMEOUT,
                () -> "the bad line is named: " + ui(() -> message(dialog)));
        String error = ui(() -> message(dialog));
        assertTrue(error.contains("bad.jsonl:2:") && error.contains("labels"), error);
        assertFalse(ui(() -> button(dialog, "Import").isEnabled()));
        screenshot(dialog, "loop-3-import-dataset-error");

        type(field(dialog, Text.class, "file"), dataset.toString());
        waitUntil(() -> ui(() -> button(dialog, "Import").isEnabled()), TIMEOUT,
                () -> "the dataset is read: " + ui(() -> message(dialog)));
        String summary = ui(() -> field(dialog, Label.class, "summary").getText());
        assertTrue(summary.startsWith(lines.size() + " prompts") && summary.contains("answer (A, B)")
                && summary.contains("answer marker ':'"), summary);
        Table preview = ui(() -> controls(dialog, Table.class, t -> true).get(0));
        List<String> headers = ui(() -> Arrays.stream(preview.getColumns()).map(c -> c.getText()).toList());
        assertTrue(headers.containsAll(List.of("id", "text", "answer", "group")), headers.toString());
        assertEquals("test-0000", ui(() -> preview.getItem(0).getText(0)));
        assertTrue(ui(() -> button(dialog, "Import").isEnabled()));
        screenshot(dialog, "loop-3-import-dataset");
        press(dialog, "Import");
    }

    @Test
    @Order(5)
    void captureRunsAsAJobIntoTheStore() throws Exception {
        menu("File", "Capture Activations...");
        Shell dialog = waitForShell(CaptureDialog.TITLE);
        choose(field(dialog, Combo.class, "store"), storeFolder.toString());
        choose(field(dialog, Combo.class, "model"), model.toAbsolutePath().normalize().toString());
        choose(field(dialog, Combo.class, "dataset"), dataset.toAbsolutePath().normalize().toString());
        ui(() -> {
            for (String point : List.of("resid_pre", "attn_out", "resid_mid", "mlp_out", "attn_pattern")) {
                field(dialog, Button.class, point).setSelection(false);
            }
            Button post = field(dialog, Button.class, "resid_post");
            post.setSelection(true);
            post.notifyListeners(SWT.Selection, new Event());
            return null;
        });
        type(field(dialog, Text.class, "positions"), "all");
        assertEquals("3", ui(() -> Integer.toString(field(dialog, org.eclipse.swt.widgets.Spinner.class, "toLayer")
                .getMaximum())), "the layer range ends at the model's last layer");
        // The estimate counts tokens with the model's tokenizer (in a job), as the capture will.
        waitUntil(() -> ui(() -> field(dialog, Label.class, "estimate").getText()).contains(CaptureDialog.BY_TOKENIZER),
                TIMEOUT, () -> "the tokenizer counts: " + ui(() -> field(dialog, Label.class, "estimate").getText()));
        String estimate = ui(() -> field(dialog, Label.class, "estimate").getText());
        long tokens = 0;
        try (io.mechanist.runtime.ModelTokenizer tokenizer = io.mechanist.runtime.ModelTokenizer.load(model)) {
            for (io.mechanist.core.datasets.DatasetRecord record : io.mechanist.core.datasets.DatasetParser.parse(
                    dataset)) {
                tokens += tokenizer.encode(record.text()).length;
            }
        }
        long bytes = tokens * 4 /* sites */ * io.mechanist.ui.models.CheckpointSummary.read(model).dModel()
                * 4 /* F32 */;
        assertTrue(estimate.startsWith("400 prompts \u00d7 4 hook sites: about " + String.format("%.1f MB", bytes / 1e6)
                + " on disk"), estimate + " vs " + tokens + " tokens");
        assertTrue(ui(() -> button(dialog, "Capture").isEnabled()), ui(() -> message(dialog)));
        screenshot(dialog, "loop-4-capture");
        press(dialog, "Capture");
        waitUntil(() -> capture() != null && "complete".equals(capture().property("Capture", "Status")), TIMEOUT,
                () -> "the capture completes: " + (capture() == null ? "none" : capture().properties()));
        assertTrue(capture().property("Capture", "Sites").contains("blocks.3.resid_post"),
                capture().property("Capture", "Sites"));
        screenshot(window().getShell(), "loop-4-captured");
    }

    @Test
    @Order(6)
    void probesRunFromTheNavigatorAndTheResultOpensInTheResultView() throws Exception {
        StoreNavigator navigator = navigator();
        ui(() -> {
            navigator.viewer().setSelection(new org.eclipse.jface.viewers.StructuredSelection(capture()), true);
            navigator.viewer().getControl().getDisplay().asyncExec(navigator::runAnalysis);
            return null;
        });
        Shell dialog = waitForShell(RunAnalysisDialog.TITLE);
        ui(() -> {
            Tree tree = controls(dialog, Tree.class, t -> true).get(0);
            TreeItem item = item(tree, PROBES);
            assertNotNull(item, PROBES + " is listed");
            tree.setSelection(item);
            Event click = new Event();
            click.item = item;
            tree.notifyListeners(SWT.Selection, click);
            return null;
        });
        // Defaults from the data: the dataset's answer label and its answer marker (declared default "Answer").
        assertEquals("answer", ui(() -> ((Text) parameter(dialog, "label")).getText()));
        assertEquals(":", ui(() -> ((Text) parameter(dialog, "anchor")).getText()));
        type(parameter(dialog, "before"), "8");
        type(parameter(dialog, "after"), "0");
        assertTrue(ui(() -> button(dialog, "Run").isEnabled()), ui(() -> message(dialog)));
        screenshot(dialog, "loop-5-run-probes");
        press(dialog, "Run");
        waitUntil(() -> results().size() == 1, TIMEOUT, () -> "the probe result is listed: " + results());
        StoreElement result = results().get(0);

        // The generic view, from the result's context menu.
        ui(() -> {
            navigator.viewer().setSelection(new org.eclipse.jface.viewers.StructuredSelection(result), true);
            Menu menu = navigator.viewer().getTree().getMenu();
            menu.notifyListeners(SWT.Show, new Event());
            MenuItem open = Arrays.stream(menu.getItems()).filter(i -> i.getText().equals(
                    StoreNavigator.OPEN_IN_RESULT_VIEW)).findFirst().orElseThrow();
            menu.notifyListeners(SWT.Hide, new Event());
            open.notifyListeners(SWT.Selection, new Event());
            return null;
        });
        ResultView view = ui(() -> (ResultView) page().findView(ResultView.ID));
        assertNotNull(view, "the Result view opened");
        waitUntil(() -> ui(() -> view.result() != null), TIMEOUT, () -> "the Result view shows the result");
        List<String> tabs = ui(view::tabTitles);
        assertEquals(ResultView.SUMMARY, tabs.get(0), tabs.toString());
        assertTrue(tabs.stream().anyMatch(t -> t.startsWith("Probe accuracy (")) && tabs.contains("Probe biases"),
                tabs.toString());

        // The accuracy table on screen holds the stored numbers, row by row.
        CTabFolder folder = ui(() -> controls(window().getShell(), CTabFolder.class,
                f -> Arrays.stream(f.getItems()).anyMatch(i -> ResultView.SUMMARY.equals(i.getText()))).get(0));
        Table table = ui(() -> {
            CTabItem accuracy = Arrays.stream(folder.getItems()).filter(i -> i.getText().startsWith("Probe accuracy ("))
                    .findFirst().orElseThrow();
            folder.setSelection(accuracy);
            return (Table) accuracy.getControl();
        });
        try (ActivationStore store = ActivationStore.openReadOnly(storeFolder)) {
            List<ResultColumn> stored = store.read(s -> {
                AnalysisResult r = s.getResults().stream().filter(x -> x.getId().equals(result.id())).findFirst()
                        .orElseThrow();
                ResultTable accuracy = r.getTables().stream().filter(t -> t.getName().equals("accuracy")).findFirst()
                        .orElseThrow();
                return new ArrayList<>(accuracy.getColumns());
            });
            List<String> headers = ui(() -> Arrays.stream(table.getColumns()).map(c -> c.getText()).toList());
            int rows = stored.get(0).getNumbers().isEmpty() ? stored.get(0).getTexts().size()
                    : stored.get(0).getNumbers().size();
            assertEquals(rows, ui(table::getItemCount).intValue());
            int accuracyColumn = headers.indexOf("accuracy [fraction]");
            int methodColumn = headers.indexOf("method");
            assertTrue(accuracyColumn > 0 && methodColumn > 0, headers.toString());
            ResultColumn accuracy = stored.stream().filter(c -> c.getName().equals("accuracy")).findFirst()
                    .orElseThrow();
            ResultColumn method = stored.stream().filter(c -> c.getName().equals("method")).findFirst().orElseThrow();
            for (int row = 0; row < rows; row++) {
                int r = row;
                String[] cells = ui(() -> new String[] {table.getItem(r).getText(0),
                    table.getItem(r).getText(methodColumn), table.getItem(r).getText(accuracyColumn)});
                int storedRow = Integer.parseInt(cells[0]);
                assertEquals(method.getTexts().get(storedRow), cells[1], "row " + row);
                // shown to 6 significant digits (the CSV below keeps every digit)
                double value = accuracy.getNumbers().get(storedRow);
                assertEquals(ResultView.display(value), cells[2], "row " + row);
                assertEquals(value, Double.parseDouble(cells[2]), 5e-6 * Math.abs(value), "row " + row);
            }
        }
        zoom(ResultView.ID);
        screenshot(window().getShell(), "loop-6-result-view-table");

        // Sorting by accuracy (a click on its header) puts the best probe first.
        ui(() -> {
            table.getColumn(Arrays.asList(table.getColumns()).stream().map(c -> c.getText()).toList()
                    .indexOf("accuracy [fraction]")).notifyListeners(SWT.Selection, new Event());
            table.getColumn(Arrays.asList(table.getColumns()).stream().map(c -> c.getText()).toList()
                    .indexOf("accuracy [fraction]")).notifyListeners(SWT.Selection, new Event());
            return null;
        });
        double first = Double.parseDouble(ui(() -> table.getItem(0).getText(
                Arrays.stream(table.getColumns()).map(c -> c.getText()).toList().indexOf("accuracy [fraction]"))));
        double last = Double.parseDouble(ui(() -> table.getItem(table.getItemCount() - 1).getText(
                Arrays.stream(table.getColumns()).map(c -> c.getText()).toList().indexOf("accuracy [fraction]"))));
        assertTrue(first >= last && first > 0.8, first + " then " + last);

        // An array as a heatmap over its named axes.
        ui(() -> {
            CTabItem biases = Arrays.stream(folder.getItems()).filter(i -> i.getText().equals("Probe biases"))
                    .findFirst().orElseThrow();
            folder.setSelection(biases);
            return null;
        });
        String about = ui(() -> controls(folder, Label.class, l -> l.getText().startsWith("[method 2 \u00d7 layer 4"))
                .stream().map(Label::getText).findFirst().orElse(""));
        assertTrue(about.contains("position 9"), about);
        screenshot(window().getShell(), "loop-6-result-view-heatmap");
        zoom(ResultView.ID);
        Path png = dir.resolve("biases.png");
        ui(() -> {
            try {
                view.exportPng("biases", png);
            } catch (Exception e) {
                throw new AssertionError(e);
            }
            return null;
        });
        org.eclipse.swt.graphics.ImageData written = new org.eclipse.swt.graphics.ImageData(png.toString());
        assertTrue(written.width > 300 && written.height > 200, written.width + " x " + written.height);

        Path csv = dir.resolve("accuracy.csv");
        ui(() -> {
            try {
                view.exportCsv("accuracy", csv);
            } catch (Exception e) {
                throw new AssertionError(e);
            }
            return null;
        });
        List<String> csvLines = Files.readAllLines(csv);
        assertEquals(ui(table::getItemCount) + 1, csvLines.size());
        assertTrue(csvLines.get(0).startsWith("method,site,layer,position,positionLabel,token,n,correct,accuracy"),
                csvLines.get(0));
    }

    @Test
    @Order(7)
    void steeringAlongTheProbeShowsAVerdict() throws Exception {
        // The user opens the probe result in its bound view (double-click in the navigator); "Steer along this
        // probe..." takes the best cell when none is marked, and the hint says how to mark one.
        StoreNavigator navigator = navigator();
        ui(() -> {
            navigator.viewer().setSelection(new org.eclipse.jface.viewers.StructuredSelection(results().get(0)), true);
            navigator.viewer().getTree().notifyListeners(SWT.DefaultSelection, new Event());
            return null;
        });
        String hint = ui(() -> controls(window().getShell(), Label.class,
                l -> l.getText().startsWith("Click the chart at a position")).size() == 1 ? "shown" : "missing");
        assertEquals("shown", hint);
        Button steer = ui(() -> controls(window().getShell(), Button.class,
                b -> b.getText().equals("Steer along this probe...")).get(0));
        waitUntil(() -> ui(steer::isEnabled), TIMEOUT, () -> "steering is offered");
        ui(() -> {
            steer.notifyListeners(SWT.Selection, new Event());
            return null;
        });
        waitUntil(() -> !verdict().isEmpty(), TIMEOUT, () -> "the causal verdict is shown");
        // The verdict is on what a user cares about (P and flipped answers against a random null), yes or no.
        assertTrue(verdict().matches("(?s).*layer 3 direction at multiplier \\S+: causal (yes|no): P change .*"),
                verdict());
        assertTrue(verdict().contains("random null of 20 directions"), verdict());
        screenshot(window().getShell(), "loop-7-steering-verdict");
    }

    /**
     * A restart, as far as one test JVM allows: the views are closed (their state goes to the workbench model as at
     * shutdown), the stores are closed, the views come back before the stores (as a restart restores its parts), then
     * the remembered stores are reopened by the call the Store Navigator makes when it is created (the navigator
     * itself stays: its activity log is what the first-start test reads). The stored results are listed again and
     * every view shows what it showed, with the same numbers.
     */
    @Test
    @Order(8)
    void afterARestartTheResultsAreListedAndTheViewsShowWhatTheyShowed() throws Exception {
        // Before: a prompt in the heatmap (picked in the navigator), the probe result, the causal test, the Result view.
        StoreNavigator navigator = navigator();
        // The first start's demo store is built meanwhile, and it shows its own first prompt when built: let it end.
        waitUntil(() -> ui(navigator::activityText) == null, TIMEOUT, () -> "the demo store is ready");
        assertTrue(ui(() -> navigator.revealFirstPrompt(storeFolder)), "a prompt of the capture is picked");
        HeatmapView heatmap = view(HeatmapView.ID, HeatmapView.class);
        String captureId = capture().id();
        waitUntil(() -> ui(() -> heatmap.canvas().data() != null && !heatmap.isLoading()
                && heatmap.statusText().startsWith(captureId + " \u2013 prompt 0: ")), TIMEOUT,
                () -> "the heatmap shows the picked prompt: " + ui(heatmap::statusText));
        org.eclipse.swt.graphics.Point heatmapSize = ui(() -> new org.eclipse.swt.graphics.Point(
                heatmap.canvas().data().rows(), heatmap.canvas().data().columns()));
        String heatmapBefore = ui(heatmap::statusText);
        ProbeAccuracyView probes = view(ProbeAccuracyView.ID, ProbeAccuracyView.class);
        String probesBefore = ui(probes::statusText);
        double[] probeLineBefore = ui(() -> probes.chart().lines().get(0).y());
        SteeringView steering = view(SteeringView.ID, SteeringView.class);
        String verdictBefore = ui(steering::verdictText);
        double[] sweepLineBefore = ui(() -> steering.chart().lines().get(0).y());
        ResultView resultView = view(ResultView.ID, ResultView.class);
        String shownResultBefore = ui(() -> resultView.result().id());
        List<String> tabsBefore = ui(resultView::tabTitles);
        StoreElement probeResult = results().stream().filter(r -> PROBES_ID.equals(r.property("Result", "Analysis")))
                .findFirst().orElseThrow(() -> new AssertionError("the probe result is listed: " + results()));
        StoreElement causalTest = results().stream().filter(r -> SWEEP_ID.equals(r.property("Result", "Analysis")))
                .findFirst().orElseThrow(() -> new AssertionError("the causal test is listed: " + results()));
        assertTrue(probesBefore.contains("(" + probeResult.id() + ")"),
                probesBefore);
        assertTrue(verdictBefore.contains("Stored as " + causalTest.id()), verdictBefore);
        String causalBefore = causalVerdict(verdictBefore);

        List<String> views = List.of(ProbeAccuracyView.ID, SteeringView.ID, ResultView.ID, HeatmapView.ID);
        ui(() -> {
            for (String id : views) {
                page().hideView(page().findViewReference(id));
            }
            return null;
        });
        OpenStores.instance().closeAll();
        assertTrue(OpenStores.instance().trees().isEmpty());
        assertTrue(OpenStores.rememberedFolders().contains(storeFolder), OpenStores.rememberedFolders().toString());

        // The views come back first and wait for their stores; then the navigator reopens the remembered ones.
        ui(() -> {
            for (String id : views) {
                try {
                    page().showView(id, null, org.eclipse.ui.IWorkbenchPage.VIEW_VISIBLE);
                } catch (Exception e) {
                    throw new AssertionError(e);
                }
            }
            return null;
        });
        ProbeAccuracyView probesAfter = view(ProbeAccuracyView.ID, ProbeAccuracyView.class);
        assertTrue(probesAfter != probes, "a new view");
        assertTrue(ui(probesAfter::statusText).contains("is shown when the store is open"), ui(probesAfter::statusText));
        // What the Store Navigator does when it is created: reopen the remembered stores.
        OpenStores.instance().restore();
        waitUntil(() -> results().size() == 2, TIMEOUT, () -> "the stored results are listed again: " + results());

        waitUntil(() -> ui(probesAfter::statusText).equals(probesBefore), TIMEOUT,
                () -> "the probe view shows its result again: " + ui(probesAfter::statusText));
        assertArrayEquals(probeLineBefore, ui(() -> probesAfter.chart().lines().get(0).y()));

        SteeringView steeringAfter = view(SteeringView.ID, SteeringView.class);
        waitUntil(() -> ui(steeringAfter::verdictText).startsWith("Result " + causalTest.id()), TIMEOUT,
                () -> "the Steering view shows the stored causal test: " + ui(steeringAfter::statusText));
        assertEquals(causalBefore, causalVerdict(ui(steeringAfter::verdictText)));
        assertArrayEquals(sweepLineBefore, ui(() -> steeringAfter.chart().lines().get(0).y()), 1e-6);

        ResultView resultAfter = view(ResultView.ID, ResultView.class);
        waitUntil(() -> ui(() -> resultAfter.result() != null), TIMEOUT, () -> "the Result view shows its result");
        assertEquals(shownResultBefore, ui(() -> resultAfter.result().id()));
        assertEquals(tabsBefore, ui(resultAfter::tabTitles));

        HeatmapView heatmapAfter = view(HeatmapView.ID, HeatmapView.class);
        waitUntil(() -> ui(heatmapAfter::statusText).equals(heatmapBefore), TIMEOUT,
                () -> "the heatmap shows the prompt again: " + ui(heatmapAfter::statusText) + " / "
                        + ui(heatmapAfter::emptyStateText) + ", before: " + heatmapBefore);
        assertEquals(heatmapSize, ui(() -> new org.eclipse.swt.graphics.Point(heatmapAfter.canvas().data().rows(),
                heatmapAfter.canvas().data().columns())));
        ui(() -> {
            page().activate(page().findView(HeatmapView.ID));
            return null;
        });
        screenshot(window().getShell(), "loop-8-heatmap-restored");
        ui(() -> {
            page().activate(page().findView(ProbeAccuracyView.ID));
            return null;
        });
        screenshot(window().getShell(), "loop-8-probes-restored");

        // A smaller window: the views' buttons and combos wrap or keep their size, none is cut at the right edge.
        org.eclipse.swt.graphics.Rectangle bounds = ui(() -> window().getShell().getBounds());
        try {
            ui(() -> {
                window().getShell().setSize(1000, 720);
                return null;
            });
            for (String id : List.of(ProbeAccuracyView.ID, SteeringView.ID, HeatmapView.ID, ModelLibraryView.ID)) {
                ui(() -> {
                    page().activate(page().findView(id));
                    window().getShell().layout(true, true);
                    return null;
                });
                screenshot(window().getShell(), "loop-8-narrow-" + id.substring(id.lastIndexOf('.') + 1));
                List<String> clipped = ui(() -> controls(window().getShell(), Control.class,
                        c -> (c instanceof Button || c instanceof Combo) && c.isVisible()).stream()
                        .filter(ResearcherLoopTest::clipped).map(c -> c.getClass().getSimpleName() + " '"
                                + (c instanceof Button b ? b.getText() : ((Combo) c).getText()) + "' " + c.getBounds()
                                + " in " + c.getParent().getClientArea()).toList());
                assertTrue(clipped.isEmpty(), id + ": " + clipped);
            }
        } finally {
            ui(() -> {
                window().getShell().setBounds(bounds);
                return null;
            });
        }

        // "Run probes..." starts from the data: the anchor is the dataset's answer marker.
        ui(() -> {
            page().activate(page().findView(ProbeAccuracyView.ID));
            Button run = controls(window().getShell(), Button.class, b -> b.getText().equals("Run probes...")).get(0);
            run.getDisplay().asyncExec(() -> run.notifyListeners(SWT.Selection, new Event()));
            return null;
        });
        Shell runProbes = waitForShell("Run probes");
        String anchor = ui(() -> {
            List<Control> fields = controls(runProbes, Control.class, c -> c instanceof Label || c instanceof Text);
            for (int i = 0; i + 1 < fields.size(); i++) {
                if (fields.get(i) instanceof Label l && l.getText().startsWith("Anchor token")
                        && fields.get(i + 1) instanceof Text t) {
                    return t.getText();
                }
            }
            return null;
        });
        assertEquals(":", anchor);
        screenshot(runProbes, "loop-8-run-probes-from-the-view");
        close(runProbes);

        // "Compare with..." offers the stored probe results, not a run dialog.
        ui(() -> {
            page().activate(page().findView(ProbeAccuracyView.ID));
            Button compare = controls(window().getShell(), Button.class, b -> b.getText().equals("Compare with..."))
                    .get(0);
            compare.getDisplay().asyncExec(() -> compare.notifyListeners(SWT.Selection, new Event()));
            return null;
        });
        Shell list = waitForShell(ProbeAccuracyView.COMPARE_TITLE);
        Table offered = ui(() -> controls(list, Table.class, t -> true).get(0));
        List<String> items = ui(() -> Arrays.stream(offered.getItems()).map(i -> i.getText()).toList());
        // every stored probe result of the open stores (the demo store's too), newest first within a store
        int mine = items.indexOf(items.stream().filter(i -> i.startsWith("my-store: ")).findFirst().orElse(null));
        assertTrue(mine >= 0 && items.get(mine).contains(probeResult.id()), items.toString());
        screenshot(list, "loop-8-compare-with-stored");
        ui(() -> {
            offered.setSelection(mine);
            offered.notifyListeners(SWT.Selection, new Event());
            return null;
        });
        press(list, "OK");
        waitUntil(() -> ui(() -> probesAfter.comparisonPanel().results() != null), TIMEOUT,
                () -> "the picked result shows beside the first");
        assertArrayEquals(probeLineBefore, ui(() -> probesAfter.comparisonChart().lines().get(0).y()));
    }

    /**
     * Whether a button or combo is narrower than it wants to be, or reaches past its parent's right edge (a parent
     * that scrolls sideways, a table's editor or a toolbar aside).
     */
    private static boolean clipped(Control c) {
        if (c.getParent() instanceof org.eclipse.swt.custom.ScrolledComposite || c.getShell() != window().getShell()) {
            return false;
        }
        int wanted = c.computeSize(SWT.DEFAULT, SWT.DEFAULT).x;
        return c.getSize().x < wanted - 1 || c.getBounds().x + c.getBounds().width > c.getParent().getClientArea().width + 1;
    }

    /** "causal yes" or "causal no" of the first layer a verdict line names. */
    private static String causalVerdict(String verdict) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("causal (yes|no)").matcher(verdict);
        assertTrue(m.find(), verdict);
        return m.group();
    }

    /** The open view {@code id} (its part's object for an e4 view). */
    private static <V> V view(String id, Class<V> type) {
        return ui(() -> {
            org.eclipse.ui.IViewPart part = page().findView(id);
            if (type.isInstance(part)) {
                return type.cast(part);
            }
            org.eclipse.e4.ui.model.application.ui.basic.MPart model = window().getService(
                    org.eclipse.e4.ui.workbench.modeling.EPartService.class).findPart(id);
            assertNotNull(model, id + " is open");
            return type.cast(model.getObject());
        });
    }

    @Test
    @Order(9)
    void aStoreThatCannotBeOpenedIsReportedOnceAndCanBeForgotten() throws Exception {
        Path broken = Files.createDirectories(dir.resolve("broken-store"));
        Files.writeString(broken.resolve("store.xmi"), "not xmi");
        StoreNavigator navigator = navigator();
        OpenStores.instance().open(broken).join();
        waitUntil(() -> ui(() -> !controls(navigator.viewer().getControl().getParent(), Label.class,
                l -> "message".equals(l.getData(StoreNavigator.NOTICE_KEY)) && l.isVisible()).isEmpty()), TIMEOUT,
                () -> "the navigator reports the broken store");
        String notice = ui(() -> controls(navigator.viewer().getControl().getParent(), Label.class,
                l -> "message".equals(l.getData(StoreNavigator.NOTICE_KEY))).get(0).getText());
        assertTrue(notice.contains(broken.toAbsolutePath().normalize().toString()) && notice.contains("cannot be opened"),
                notice);
        assertTrue(ui(navigator::summaryText).contains("1 cannot be opened"), ui(navigator::summaryText));
        screenshot(window().getShell(), "loop-8-store-cannot-be-opened");
        ui(() -> {
            controls(navigator.viewer().getControl().getParent(), Button.class,
                    b -> "forget".equals(b.getData(StoreNavigator.NOTICE_KEY))).get(0)
                    .notifyListeners(SWT.Selection, new Event());
            return null;
        });
        waitUntil(() -> OpenStores.instance().trees().stream()
                .noneMatch(t -> t.storeFolder().equals(broken.toAbsolutePath().normalize())), TIMEOUT,
                () -> "the broken store is forgotten");
        assertFalse(OpenStores.rememberedFolders().contains(broken.toAbsolutePath().normalize()));
        assertTrue(ui(() -> controls(navigator.viewer().getControl().getParent(), Label.class,
                l -> "message".equals(l.getData(StoreNavigator.NOTICE_KEY)) && l.isVisible()).isEmpty()),
                "the report is gone");
    }

    @Test
    @Order(10)
    void theCaptureDialogResumesAnInterruptedCapture() throws Exception {
        // A capture of the same settings interrupted after its first batch (as a cancel or a crash leaves it).
        Path resumeStore = dir.resolve("resume-store").toAbsolutePath().normalize();
        List<String> sites = List.of("blocks.0.resid_post", "blocks.1.resid_post", "blocks.2.resid_post",
                "blocks.3.resid_post");
        io.mechanist.capture.CaptureJob interrupted = io.mechanist.capture.CaptureJob.builder(resumeStore,
                model.toAbsolutePath().normalize(), dataset.toAbsolutePath().normalize()).sites(sites).build();
        org.eclipse.core.runtime.IProgressMonitor cancelAfterFirstBatch = new org.eclipse.core.runtime.NullProgressMonitor() {
            private boolean batchStarted;

            @Override
            public void subTask(String name) {
                batchStarted |= name.startsWith("prompts ");
            }

            @Override
            public boolean isCanceled() {
                return batchStarted;
            }
        };
        org.junit.jupiter.api.Assertions.assertThrows(org.eclipse.core.runtime.OperationCanceledException.class,
                () -> io.mechanist.capture.Capturer.capture(interrupted, cancelAfterFirstBatch));
        OpenStores.instance().open(resumeStore).join();

        menu("File", "Capture Activations...");
        Shell dialog = waitForShell(CaptureDialog.TITLE);
        choose(field(dialog, Combo.class, "store"), resumeStore.toString());
        choose(field(dialog, Combo.class, "model"), model.toAbsolutePath().normalize().toString());
        choose(field(dialog, Combo.class, "dataset"), dataset.toAbsolutePath().normalize().toString());
        String estimate = ui(() -> field(dialog, Label.class, "estimate").getText());
        assertTrue(estimate.contains("interrupted capture") && estimate.contains("resume"), estimate);
        screenshot(dialog, "loop-9-capture-resume");
        press(dialog, "Capture");
        waitUntil(() -> {
            StoreElement tree = OpenStores.instance().trees().stream()
                    .filter(t -> t.storeFolder().equals(resumeStore)).findFirst().orElse(null);
            StoreElement captures = tree == null ? null : tree.child("Captures");
            return captures != null && captures.children().size() == 1
                    && "complete".equals(captures.children().get(0).property("Capture", "Status"));
        }, TIMEOUT, () -> "the interrupted capture completes");
        StoreElement resumed = OpenStores.instance().trees().stream().filter(t -> t.storeFolder().equals(resumeStore))
                .findFirst().orElseThrow().child("Captures").children().get(0);
        assertEquals("400 of 400", resumed.property("Capture", "Prompts written"));
        OpenStores.instance().close(resumeStore);
    }

    /** Maximises the view {@code id} in the window, or restores it (double-clicking its tab does the same). */
    private static void zoom(String id) {
        ui(() -> {
            page().toggleZoom(page().findViewReference(id));
            return null;
        });
    }

    private static String verdict() {
        return ui(() -> controls(window().getShell(), Control.class, c -> true).stream()
                .map(c -> c instanceof Label l ? l.getText() : c instanceof Text t ? t.getText() : "")
                .filter(t -> t.startsWith("Causal test of")).findFirst().orElse(""));
    }

    // --- driving the workbench as a user ---------------------------------------------------------------------

    /** Chooses {@code item} of the menu bar's {@code top} menu (after the dialog it opens, this returns). */
    private static void menu(String top, String item) {
        ui(() -> {
            Menu bar = window().getShell().getMenuBar();
            MenuItem topItem = Arrays.stream(bar.getItems()).filter(i -> plain(i.getText()).equals(top)).findFirst()
                    .orElseThrow(() -> new AssertionError("no menu " + top));
            Menu menu = topItem.getMenu();
            menu.notifyListeners(SWT.Show, new Event());
            List<String> texts = Arrays.stream(menu.getItems()).map(i -> plain(i.getText())).toList();
            MenuItem target = Arrays.stream(menu.getItems()).filter(i -> plain(i.getText()).equals(item)).findFirst()
                    .orElseThrow(() -> new AssertionError(top + " has no " + item + ": " + texts));
            menu.notifyListeners(SWT.Hide, new Event());
            // The dialog it opens is modal: choose it after this call returns.
            menu.getDisplay().asyncExec(() -> target.notifyListeners(SWT.Selection, new Event()));
            return null;
        });
    }

    private static String plain(String menuText) {
        int tab = menuText.indexOf('\t');
        return (tab >= 0 ? menuText.substring(0, tab) : menuText).replace("&", "");
    }

    private static Shell waitForShell(String title) throws InterruptedException {
        waitUntil(() -> ui(() -> shell(title)) != null, TIMEOUT, () -> "the dialog '" + title + "' opens");
        return ui(() -> shell(title));
    }

    /** The control of a dialog whose field name is {@code name} (any thread). */
    private static <T extends Control> T field(Shell dialog, Class<T> type, String name) {
        return ui(() -> Ui.withData(dialog, type, PathField.KEY, name));
    }

    private static StoreNavigator navigator() {
        return ui(() -> {
            try {
                return (StoreNavigator) page().showView(MechanistPerspective.STORE_NAVIGATOR);
            } catch (Exception e) {
                throw new AssertionError(e);
            }
        });
    }

    private static Control parameter(Shell dialog, String name) {
        return ui(() -> Ui.withData(dialog, Control.class, RunAnalysisDialog.PARAMETER_KEY, name));
    }

    /** Replaces a field's text as typing does (a Modify event follows). */
    private static void type(Control field, String text) {
        ui(() -> {
            if (field instanceof Combo combo) {
                combo.setText(text);
            } else {
                ((Text) field).setText(text);
            }
            return null;
        });
    }

    /** Selects the item of a read-only combo that starts with {@code prefix} or ends with it, as a click does. */
    private static void choose(Combo combo, String text) {
        ui(() -> {
            List<String> items = List.of(combo.getItems());
            int index = -1;
            for (int i = 0; i < items.size(); i++) {
                if (items.get(i).equals(text) || items.get(i).contains("(" + text + ")")) {
                    index = i;
                }
            }
            assertTrue(index >= 0, text + " is offered: " + items);
            combo.select(index);
            combo.notifyListeners(SWT.Selection, new Event());
            return null;
        });
    }

    private static Button button(Shell dialog, String text) {
        return controls(dialog, Button.class, b -> text.equals(b.getText())).get(0);
    }

    private static void press(Shell dialog, String text) {
        ui(() -> {
            button(dialog, text).notifyListeners(SWT.Selection, new Event());
            return null;
        });
    }

    private static void close(Shell shell) {
        ui(() -> {
            shell.close();
            return null;
        });
    }

    /** The title area's message line (the error when there is one). */
    private static String message(Shell dialog) {
        return String.join("\n", controls(dialog, Text.class, t -> (t.getStyle() & SWT.READ_ONLY) != 0
                && t.getData(PathField.KEY) == null && t.getData(RunAnalysisDialog.PARAMETER_KEY) == null).stream()
                .map(Text::getText).toList());
    }

    private static StoreElement storeTree() {
        return OpenStores.instance().trees().stream().filter(t -> t.storeFolder().equals(storeFolder)).findFirst()
                .orElse(null);
    }

    private static StoreElement capture() {
        StoreElement tree = storeTree();
        StoreElement captures = tree == null ? null : tree.child("Captures");
        return captures == null || captures.children().isEmpty() ? null : captures.children().get(0);
    }

    private static List<StoreElement> results() {
        StoreElement tree = storeTree();
        StoreElement results = tree == null ? null : tree.child("Analysis results");
        return results == null ? List.of() : results.children();
    }

    private static void copyFolder(Path from, Path to) throws Exception {
        Files.createDirectories(to);
        try (Stream<Path> files = Files.list(from)) {
            for (Path file : (Iterable<Path>) files::iterator) {
                Files.copy(file, to.resolve(file.getFileName().toString()));
            }
        }
    }

    private static Path screenshot(Shell shell, String name) throws Exception {
        return Screenshots.painted(shell, name);
    }
}
