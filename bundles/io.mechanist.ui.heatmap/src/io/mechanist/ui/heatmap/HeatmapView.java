package io.mechanist.ui.heatmap;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CancellationException;
import java.util.function.Consumer;

import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.Status;
import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.e4.core.di.annotations.Optional;
import org.eclipse.e4.core.services.events.IEventBroker;
import org.eclipse.e4.ui.di.UIEventTopic;
import org.eclipse.e4.ui.model.application.ui.basic.MPart;
import org.eclipse.swt.SWT;
import org.eclipse.swt.custom.StackLayout;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.FileDialog;
import org.eclipse.swt.widgets.Label;

import io.mechanist.heatmap.ActivationSource;
import io.mechanist.heatmap.HeatmapData;
import io.mechanist.heatmap.HeatmapRequest;
import io.mechanist.heatmap.HeatmapRequests;
import io.mechanist.heatmap.export.HeatmapExport;
import io.mechanist.heatmap.export.HeatmapImage;
import io.mechanist.heatmap.render.RowPyramid;
import io.mechanist.ui.events.ShowInHeatmap;
import io.mechanist.ui.events.StorePromptSelection;
import io.mechanist.ui.events.StoreResultSelection;
import io.mechanist.ui.heatmap.internal.HeatmapControls;
import io.mechanist.ui.store.OpenStores;
import io.mechanist.ui.store.StoreElement;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Inject;
import io.mechanist.ui.charts.HeatmapCanvas;
import io.mechanist.ui.events.TokenPositionSelection;

/**
 * Activation heatmaps of one prompt of a capture: layer x position, neuron x position, attention pattern. Heatmaps
 * are built in a background job from an {@link ActivationSource}; the UI thread only draws. Clicking a cell publishes
 * a {@link TokenPositionSelection}. Without a source the view says so and shows nothing.
 */
public class HeatmapView {

    public static final String ID = ShowInHeatmap.VIEW_ID;
    /** What the view says while it has nothing to show and no store is open. */
    public static final String EMPTY_STATE = "No activations to show. Open a store to see activations.";
    /** What the view says while it has nothing to show and stores are open. */
    public static final String PICK_A_PROMPT = "No activations to show. Pick a prompt of a capture in the Store "
            + "Navigator to see its activations.";
    /** Keys of the part's persisted state: the shown prompt or stored result, shown again after a restart. */
    static final String STORE_KEY = "io.mechanist.heatmap.store";
    static final String CAPTURE_KEY = "io.mechanist.heatmap.capture";
    static final String PROMPT_KEY = "io.mechanist.heatmap.prompt";
    static final String LABEL_KEY = "io.mechanist.heatmap.label";
    static final String RESULT_KEY = "io.mechanist.heatmap.result";
    static final String ANALYSIS_KEY = "io.mechanist.heatmap.analysis";
    static final String OUTPUT_KEY = "io.mechanist.heatmap.output";

    @Inject
    @Optional
    private IEventBroker eventBroker;
    /** The part in the workbench model: its persisted state names what is shown across restarts. */
    @Inject
    @Optional
    private MPart part;
    /** Stops waiting for the store of the restored content; null when not waiting. */
    private Runnable restoreWait;
    /** Keeps the empty state's advice in step with the open stores. */
    private final Consumer<List<StoreElement>> storesChanged = trees -> ui(this::adviseWhenEmpty);

    private Composite stackHolder;
    private StackLayout stack;
    private Label emptyState;
    private HeatmapCanvas canvas;
    private HeatmapControls controls;
    private Label status;
    private Button exportPng;
    private Button exportCsv;
    private ActivationSource source;
    /** The stored prompt behind {@link #source}, when it is one. */
    private StorePromptSelection shownPrompt;
    /** What a shown stored result belongs to (capture and prompt), or null. */
    private String shownResult;
    private Job loading;
    private final StorePromptLoader storePrompts = new StorePromptLoader(this);
    private final StoredResultLoader storedResults = new StoredResultLoader(this);

    @PostConstruct
    public void createPartControl(Composite parent) {
        parent.setLayout(new GridLayout(1, false));
        controls = new HeatmapControls(parent, this::refresh);
        Composite statusRow = new Composite(parent, SWT.NONE);
        statusRow.setLayout(new GridLayout(3, false));
        statusRow.setLayoutData(new GridData(SWT.FILL, SWT.TOP, true, false));
        status = new Label(statusRow, SWT.NONE);
        GridData statusData = new GridData(SWT.FILL, SWT.CENTER, true, false);
        statusData.widthHint = 100; // a long status shortens instead of pushing the export buttons out of the view
        status.setLayoutData(statusData);
        exportPng = new Button(statusRow, SWT.PUSH);
        exportPng.setText("Export PNG...");
        exportPng.addListener(SWT.Selection, e -> export("*.png"));
        exportCsv = new Button(statusRow, SWT.PUSH);
        exportCsv.setText("Export CSV...");
        exportCsv.addListener(SWT.Selection, e -> export("*.csv"));

        stackHolder = new Composite(parent, SWT.NONE);
        stackHolder.setLayoutData(new GridData(SWT.FILL, SWT.FILL, true, true));
        stack = new StackLayout();
        stackHolder.setLayout(stack);
        emptyState = new Label(stackHolder, SWT.CENTER | SWT.WRAP);
        emptyState.setText(EMPTY_STATE);
        canvas = new HeatmapCanvas(stackHolder, SWT.NONE);
        canvas.addCellClickListener(this::publish);
        setSource(null);
        OpenStores.instance().addListener(storesChanged);
        restoreShown();
    }

    /** After a restart: shows the prompt or stored result shown before, once its store is open again. */
    private void restoreShown() {
        Map<String, String> state = part == null ? Map.of() : part.getPersistedState();
        String folder = state.get(STORE_KEY);
        if (folder == null) {
            return;
        }
        Path store = Path.of(folder);
        StorePromptSelection prompt = null;
        StoreResultSelection result = null;
        try {
            if (state.get(RESULT_KEY) != null) {
                result = new StoreResultSelection(store, state.get(RESULT_KEY), state.get(ANALYSIS_KEY),
                        state.get(OUTPUT_KEY));
            } else if (state.get(CAPTURE_KEY) != null) {
                prompt = new StorePromptSelection(store, state.get(CAPTURE_KEY),
                        Integer.parseInt(state.get(PROMPT_KEY)), state.getOrDefault(LABEL_KEY, ""));
            }
        } catch (NumberFormatException e) {
            return; // not written by this view: nothing to restore
        }
        if (prompt == null && result == null) {
            return;
        }
        StorePromptSelection promptToShow = prompt;
        StoreResultSelection resultToShow = result;
        restoreWait = OpenStores.instance().whenOpen(store, canvas.getDisplay(), () -> {
            restoreWait = null;
            if (canvas.isDisposed() || source != null || canvas.data() != null || isLoading()) {
                return; // something else was picked meanwhile
            }
            if (resultToShow != null) {
                onResult(resultToShow);
            } else {
                showStorePrompt(promptToShow);
            }
        });
    }

    /** The empty state's advice: open a store, or pick a prompt of an open one. */
    private void adviseWhenEmpty() {
        if (stack.topControl == emptyState
                && (emptyState.getText().equals(EMPTY_STATE) || emptyState.getText().equals(PICK_A_PROMPT))) {
            showEmpty(emptyAdvice());
        }
    }

    private static String emptyAdvice() {
        return OpenStores.instance().trees().isEmpty() ? EMPTY_STATE : PICK_A_PROMPT;
    }

    private void remember(Map<String, String> shown) {
        if (part != null) {
            Map<String, String> state = part.getPersistedState();
            for (String key : List.of(STORE_KEY, CAPTURE_KEY, PROMPT_KEY, LABEL_KEY, RESULT_KEY, ANALYSIS_KEY,
                    OUTPUT_KEY)) {
                state.remove(key);
            }
            state.putAll(shown);
        }
    }

    /**
     * The prompt whose activations the view shows; null shows the empty state. Loads the current choice of map in
     * the background. Must run on the UI thread.
     */
    public void setSource(ActivationSource activations) {
        setSource(activations, null);
    }

    /** As {@link #setSource(ActivationSource)}, for a prompt of a store picked in the Store Navigator. */
    void setSource(ActivationSource activations, StorePromptSelection storePrompt) {
        this.shownPrompt = storePrompt;
        this.source = activations;
        controls.setSource(activations);
        if (activations == null) {
            cancelLoading();
            showEmpty(emptyAdvice());
            status.setText("");
        } else {
            status.setText(activations.description());
            refresh();
        }
    }

    /** Shows the prompt picked in the Store Navigator; its capture is opened in a job. */
    @Inject
    @Optional
    void showStorePrompt(@UIEventTopic(StorePromptSelection.TOPIC) StorePromptSelection selection) {
        if (canvas != null && !canvas.isDisposed() && selection != null) {
            storedResults.cancel();
            storePrompts.load(selection);
            remember(Map.of(STORE_KEY, selection.storeFolder().toString(), CAPTURE_KEY, selection.captureId(),
                    PROMPT_KEY, Integer.toString(selection.prompt()), LABEL_KEY, java.util.Objects.toString(selection.label(), "")));
        }
    }

    /**
     * Shows a stored result of the layer x position analysis opened in the Store Navigator (results of other
     * analyses are not ours); it is read in a job.
     */
    @Inject
    @Optional
    void showRows(@UIEventTopic(ShowInHeatmap.TOPIC) ShowInHeatmap request) {
        if (canvas != null && !canvas.isDisposed() && request != null) {
            show(request.data());
        }
    }

    @Inject
    @Optional
    void onResult(@UIEventTopic(StoreResultSelection.TOPIC) StoreResultSelection selection) {
        if (canvas != null && !canvas.isDisposed() && StoredResultLoader.accepts(selection)) {
            storedResults.load(selection);
            remember(Map.of(STORE_KEY, selection.storeFolder().toString(), RESULT_KEY, selection.resultId(),
                    ANALYSIS_KEY, selection.analysisId(), OUTPUT_KEY, java.util.Objects.toString(selection.outputId(), "")));
        }
    }

    /** Shows a stored result's heatmap, with no activation source behind it. Must run on the UI thread. */
    void showResult(HeatmapData data, RowPyramid rows, String description) {
        this.source = null;
        this.shownPrompt = null;
        controls.setSource(null);
        show(data, rows);
        shownResult = description;
        status.setText(description + ": " + status.getText());
        status.getParent().layout();
    }

    /** Clears the view and says why (e.g. the picked prompt cannot be shown). Must run on the UI thread. */
    void showMessage(String message) {
        this.source = null;
        this.shownPrompt = null;
        controls.setSource(null);
        cancelLoading();
        showEmpty(message);
        status.setText("");
    }

    /**
     * Shows {@code data} directly, without a source (data built elsewhere, e.g. an SAE feature over a prompt's
     * positions; tests). Must run on the UI thread.
     */
    public void show(HeatmapData data) {
        this.source = null;
        this.shownPrompt = null;
        controls.setSource(null);
        show(data, null);
    }

    private void show(HeatmapData data, RowPyramid rows) {
        cancelLoading();
        shownResult = null;
        canvas.setData(data, rows);
        stack.topControl = canvas;
        stackHolder.layout();
        exportPng.setEnabled(true);
        exportCsv.setEnabled(true);
        status.setText((source != null ? source.description() + ": " : "") + data.title() + " (" + data.rows() + " "
                + data.rowAxis() + " \u00D7 " + data.columns() + " " + data.columnAxis() + ")");
        status.getParent().layout();
    }

    /** Rebuilds the heatmap the controls describe, in a job; the previous load is cancelled. */
    public void refresh() {
        if (source == null) {
            return;
        }
        HeatmapRequest request;
        try {
            request = controls.request();
        } catch (IllegalArgumentException e) {
            status.setText(e.getMessage());
            return;
        }
        cancelLoading();
        ActivationSource from = source;
        status.setText("Loading " + from.description() + "...");
        Job job = Job.create("Building activation heatmap", (IProgressMonitor monitor) -> {
            try {
                HeatmapData data = HeatmapRequests.build(from, request, monitor::isCanceled);
                RowPyramid rows = RowPyramid.of(data);
                ui(() -> {
                    if (from == source && !monitor.isCanceled()) {
                        show(data, rows);
                    }
                });
                return Status.OK_STATUS;
            } catch (CancellationException e) {
                return Status.CANCEL_STATUS;
            } catch (IllegalArgumentException e) {
                ui(() -> status.setText(e.getMessage()));
                return Status.OK_STATUS;
            } catch (IOException | RuntimeException e) {
                ui(() -> status.setText("Could not read activations: " + e.getMessage()));
                return Status.error("Could not build the heatmap for " + from.description(), e);
            }
        });
        job.setUser(false);
        loading = job;
        job.schedule();
    }

    /** Runs {@code work} on the UI thread later unless the view was closed. */
    void ui(Runnable work) {
        if (!status.isDisposed()) {
            status.getDisplay().asyncExec(() -> {
                if (!status.isDisposed()) {
                    work.run();
                    status.getParent().layout();
                }
            });
        }
    }

    private void cancelLoading() {
        if (loading != null) {
            loading.cancel();
            loading = null;
        }
    }

    private void showEmpty(String message) {
        canvas.setData(null);
        emptyState.setText(message);
        stack.topControl = emptyState;
        stackHolder.layout();
        exportPng.setEnabled(false);
        exportCsv.setEnabled(false);
    }

    private void publish(HeatmapCanvas.CellClick click) {
        String of = source != null ? source.description() : shownResult != null ? shownResult : click.data().title();
        TokenPositionSelection selection = new TokenPositionSelection(of, click.position(), click.token(),
                source != null ? shownPrompt : null);
        if (eventBroker != null) {
            eventBroker.post(TokenPositionSelection.TOPIC, selection);
        }
    }

    private void export(String pattern) {
        HeatmapData data = canvas.data();
        if (data == null) {
            return;
        }
        FileDialog dialog = new FileDialog(canvas.getShell(), SWT.SAVE);
        dialog.setFilterExtensions(new String[] { pattern });
        dialog.setOverwrite(true);
        String file = dialog.open();
        if (file == null) {
            return;
        }
        Path target = Path.of(file);
        Job.create("Exporting heatmap to " + target.getFileName(), monitor -> {
            try {
                if (pattern.endsWith("png")) {
                    HeatmapExport.writePng(data, HeatmapImage.Options.forData(data), target);
                } else {
                    HeatmapExport.writeCsv(data, target);
                }
                ui(() -> status.setText("Exported " + target));
                return Status.OK_STATUS;
            } catch (IOException e) {
                return Status.error("Could not export the heatmap to " + target, e);
            }
        }).schedule();
    }

    /** The drawing widget (for tests and the export of what is on screen). */
    public HeatmapCanvas canvas() {
        return canvas;
    }

    public HeatmapControls controls() {
        return controls;
    }

    /** The text of the empty-state message, or null when a heatmap is shown. */
    public String emptyStateText() {
        return stack.topControl == emptyState ? emptyState.getText() : null;
    }

    /** The status line under the controls. */
    public String statusText() {
        return status.getText();
    }

    /** Whether a background load is running or scheduled. */
    public boolean isLoading() {
        Job job = loading;
        return job != null && job.getState() != Job.NONE;
    }

    @PreDestroy
    public void dispose() {
        OpenStores.instance().removeListener(storesChanged);
        if (restoreWait != null) {
            restoreWait.run();
        }
        cancelLoading();
        storedResults.cancel();
        storePrompts.dispose();
    }

}
