package io.mechanist.ui.probes;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Map;

import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.IStatus;
import org.eclipse.core.runtime.Status;
import org.eclipse.core.runtime.jobs.IJobChangeEvent;
import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.core.runtime.jobs.JobChangeAdapter;
import org.eclipse.e4.core.di.annotations.Optional;
import org.eclipse.e4.core.services.events.IEventBroker;
import org.eclipse.e4.ui.di.UIEventTopic;
import org.eclipse.e4.ui.model.application.ui.basic.MPart;
import org.eclipse.jface.viewers.LabelProvider;
import org.eclipse.swt.SWT;
import org.eclipse.swt.custom.SashForm;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.layout.RowData;
import org.eclipse.swt.layout.RowLayout;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Combo;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.FileDialog;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.List;
import org.eclipse.ui.PartInitException;
import org.eclipse.ui.PlatformUI;
import org.eclipse.ui.dialogs.ElementListSelectionDialog;

import io.mechanist.core.activations.ActivationSet;
import io.mechanist.core.analysis.AnalysisRegistry;
import io.mechanist.core.analysis.AnalysisRequest;
import io.mechanist.probes.OutputReadout.ReadoutResults;
import io.mechanist.probes.PositionAlignment;
import io.mechanist.probes.ProbeConfig;
import io.mechanist.probes.ProbeDirection;
import io.mechanist.probes.ProbeMethod;
import io.mechanist.probes.ProbeResults;
import io.mechanist.probes.SteeringChoice;
import io.mechanist.probes.StoredProbeResults;
import io.mechanist.probes.chart.AccuracyChart;
import io.mechanist.store.ActivationStore;
import io.mechanist.ui.charts.XYChartViewer;
import io.mechanist.ui.events.SteerAlongProbe;
import io.mechanist.ui.events.StorePromptSelection;
import io.mechanist.ui.events.StoreResultSelection;
import io.mechanist.ui.events.TokenPositionSelection;
import io.mechanist.ui.probes.internal.ProbePanel;
import io.mechanist.ui.probes.internal.RunProbesDialog;
import io.mechanist.ui.store.AnalysisJob;
import io.mechanist.ui.store.DataDefaults;
import io.mechanist.ui.store.OpenStores;
import io.mechanist.ui.store.ShownResult;
import io.mechanist.ui.store.StoreElement;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Inject;

/**
 * Probe accuracy by aligned position: one line per selected layer with its 95% band, the control task, chance and the
 * output read-out; a layer x position heatmap below; optionally a second capture side by side. Clicking the chart
 * publishes a {@link TokenPositionSelection}; selections published by other views move the marker.
 */
public class ProbeAccuracyView {

    public static final String ID = "io.mechanist.ui.probes.ProbeAccuracyView";
    /** The on-screen hint that marking a probe is a click on the chart. */
    public static final String CLICK_HINT = "Click the chart at a position to mark that probe; \"Steer along this "
            + "probe...\" then tests its direction causally (the best cell when none is marked).";
    /** The view that carries out a {@link SteerAlongProbe} request (bundle io.mechanist.ui.steering). */
    public static final String STEERING_VIEW_ID = "io.mechanist.ui.steering.SteeringView";
    /** Prefix of the {@link TokenPositionSelection#source()} this view publishes; its positions are aligned indices. */
    public static final String SOURCE_PREFIX = "probes: ";
    /** Title of the "Compare with..." list of stored probe results. */
    public static final String COMPARE_TITLE = "Compare with a stored probe result";

    @Inject
    @Optional
    private IEventBroker eventBroker;
    /** The part in the workbench model: its persisted state names the shown stored result across restarts. */
    @Inject
    @Optional
    private MPart part;
    /** The stored result on screen, shown again after a restart. */
    private ShownResult shown;

    private Combo method;
    private List layers;
    private Label status;
    private SashForm side;
    private ProbePanel primary;
    private ProbePanel comparison;
    private volatile Job running;
    private Source source;
    private Source lastPicked;
    /** How the primary results' positions were aligned; null when unknown. */
    private PositionAlignment shownAlignment;
    private String readoutNote;
    private Button steer;

    /**
     * Where the shown results come from: the store, capture and label a steering request needs.
     */
    private record Source(Path storeFolder, String captureId, String labelKey) {
    }

    @PostConstruct
    public void createPartControl(Composite parent) {
        parent.setLayout(new GridLayout(1, false));
        // A row that wraps: a narrow view puts the buttons on a second line instead of clipping them.
        Composite bar = new Composite(parent, SWT.NONE);
        RowLayout barLayout = new RowLayout(SWT.HORIZONTAL);
        barLayout.wrap = true;
        barLayout.center = true;
        bar.setLayout(barLayout);
        bar.setLayoutData(new GridData(SWT.FILL, SWT.TOP, true, false));
        new Label(bar, SWT.NONE).setText("Method:");
        method = new Combo(bar, SWT.READ_ONLY);
        new Label(bar, SWT.NONE).setText("Layers:");
        layers = new List(bar, SWT.MULTI | SWT.V_SCROLL | SWT.BORDER);
        layers.setLayoutData(new RowData(160, layers.getItemHeight() * 3));
        button(bar, "Run probes...", this::runFromDialog);
        button(bar, "Compare with...", this::compareFromDialog);
        button(bar, "Export PNG...", () -> export("*.png"));
        button(bar, "Export CSV...", () -> export("*.csv"));
        steer = button(bar, "Steer along this probe...", this::steerAlongSelectedProbe);
        steer.setToolTipText("Steer the model along the direction of the probe at the marked position (the best "
                + "cell when nothing is marked), in the Steering view: the causal test of the probe");
        steer.setEnabled(false);
        method.addListener(SWT.Selection, e -> redraw());
        layers.addListener(SWT.Selection, e -> redraw());
        status = new Label(parent, SWT.WRAP);
        status.setLayoutData(new GridData(SWT.FILL, SWT.TOP, true, false));
        status.setText("No probe results. Run probes on a capture, or open stored results.");
        Label hint = new Label(parent, SWT.WRAP);
        hint.setLayoutData(new GridData(SWT.FILL, SWT.TOP, true, false));
        hint.setText(CLICK_HINT);
        side = new SashForm(parent, SWT.HORIZONTAL);
        side.setLayoutData(new GridData(SWT.FILL, SWT.FILL, true, true));
        primary = new ProbePanel(side);
        comparison = new ProbePanel(side);
        comparison.control().setVisible(false);
        side.setMaximizedControl(primary.control());
        primary.chart().addCategoryClickListener(k -> publish(primary, k));
        comparison.chart().addCategoryClickListener(k -> publish(comparison, k));
        restoreShownResult();
    }

    /** After a restart: shows the stored probe result shown before, once its store is open again. */
    private void restoreShownResult() {
        shown = new ShownResult(part, "io.mechanist.probes");
        String waiting = shown.restore(status.getDisplay(), (store, id) -> {
            if (!status.isDisposed() && primary.results() == null && !isRunning()) {
                showStoredResult(store, id, OpenStores.instance().store(store));
            }
        });
        if (waiting != null) {
            status.setText("Probe result " + waiting + " is shown when the store is open.");
        }
    }

    /**
     * Shows results of one capture (read-out may be null); layers default to the best one. Results that are not
     * stored are not shown again after a restart. UI thread only.
     */
    public void show(String captureName, ProbeResults results, ReadoutResults readout) {
        show(captureName, results, readout, null, null);
        if (shown != null) {
            shown.forget();
        }
    }

    private void show(String captureName, ProbeResults results, ReadoutResults readout, Source from, String note) {
        this.source = from;
        this.shownAlignment = null;
        this.readoutNote = note;
        steer.setEnabled(from != null);
        ProbeMethod current = selectedMethod();
        method.removeAll();
        for (ProbeMethod m : results.methods()) {
            method.add(m.id());
        }
        ProbeMethod m = current != null && results.methods().contains(current) ? current : results.methods().get(0);
        method.select(results.methods().indexOf(m));
        method.requestLayout(); // its width follows the new items
        layers.removeAll();
        for (int l = 0; l < results.layerCount(); l++) {
            layers.add(results.layerName(l));
        }
        var best = results.best(m);
        layers.select(best != null ? best.layer() : results.layerCount() - 1);
        primary.show(captureName, results, readout, m, layers.getSelectionIndices());
        redraw();
    }

    /** Puts a second capture beside the first (same method and layers), or removes it when {@code results} is null. */
    public void compare(String captureName, ProbeResults results, ReadoutResults readout) {
        if (results == null) {
            comparison.control().setVisible(false);
            side.setMaximizedControl(primary.control());
            return;
        }
        comparison.show(captureName, results, readout, selectedMethod(), validLayers(results));
        comparison.control().setVisible(true);
        side.setMaximizedControl(null);
        side.setWeights(1, 1);
        redraw();
    }

    /** Shows these layers (indices into the results' layers). */
    public void selectLayers(int... layerIndices) {
        layers.deselectAll();
        layers.select(layerIndices);
        redraw();
    }

    private void redraw() {
        ProbeMethod m = selectedMethod();
        if (primary.results() == null || m == null) {
            return;
        }
        int marker = primary.chart().marker();
        primary.show(primary.name(), primary.results(), primary.readout(), m, layers.getSelectionIndices());
        primary.chart().setMarker(marker);
        StringBuilder text = new StringBuilder(primary.name() + ": " + AccuracyChart.summary(primary.results(), m));
        if (comparison.results() != null && comparison.control().isVisible()) {
            comparison.show(comparison.name(), comparison.results(), comparison.readout(), m,
                    validLayers(comparison.results()));
            comparison.chart().setMarker(marker);
            text.append('\n').append(comparison.name()).append(": ")
                    .append(AccuracyChart.summary(comparison.results(), m));
        }
        if (readoutNote != null) {
            text.append('\n').append(readoutNote);
        }
        status.setText(text.toString());
        status.getParent().layout(true, true);
    }

    private int[] validLayers(ProbeResults results) {
        return java.util.Arrays.stream(layers.getSelectionIndices()).filter(l -> l < results.layerCount()).toArray();
    }

    private ProbeMethod selectedMethod() {
        return method.getSelectionIndex() < 0 ? null : ProbeMethod.fromId(method.getItem(method.getSelectionIndex()));
    }

    /**
     * Moves the marker to a position another view (or this one) selected. A token of a stored prompt is placed on
     * the aligned axis by the shown results' alignment (e.g. its offset from the answer marker), which needs the
     * prompt's tokens: they are read in a job.
     */
    @Inject
    @Optional
    void onPosition(@UIEventTopic(TokenPositionSelection.TOPIC) TokenPositionSelection selection) {
        if (selection == null || primary == null || primary.results() == null || status.isDisposed()) {
            return;
        }
        if (selection.source().startsWith(SOURCE_PREFIX)) {
            setMarker(selection.position()); // already an aligned index
            return;
        }
        PositionAlignment alignment = shownAlignment;
        if (alignment == null || alignment instanceof PositionAlignment.FromStart) {
            ProbeResults r = primary.results();
            int category = -1;
            for (int k = 0; k < r.positionCount() && category < 0; k++) {
                if (r.positionLabel(k).equals(Integer.toString(selection.position()))) {
                    category = k; // aligned from the start: label k is token position k
                }
            }
            setMarker(category);
            return;
        }
        StorePromptSelection prompt = selection.prompt();
        if (prompt == null) {
            setMarker(-1); // a token of no known prompt has no place on an anchor or span axis
            return;
        }
        ProbeResults shown = primary.results();
        Job.create("Placing position " + selection.position() + " on the probe axis", (IProgressMonitor monitor) -> {
            try (ActivationSet capture = prompt.openCapture()) {
                int category = alignment.alignedIndex(prompt.prompt(),
                        capture.prompts().get(prompt.prompt()).tokens(), selection.position());
                ui(() -> {
                    if (primary.results() == shown) {
                        setMarker(category);
                    }
                });
                return Status.OK_STATUS;
            } catch (IOException | RuntimeException e) {
                return Status.warning("Cannot read the tokens of " + prompt.captureId() + ", prompt "
                        + prompt.prompt(), e);
            }
        }).schedule();
    }

    private void setMarker(int category) {
        primary.chart().setMarker(category);
        comparison.chart().setMarker(category);
    }

    /** The alignment a stored probe result was computed with, or null when it cannot be read. */
    private static PositionAlignment alignmentOf(ActivationStore openStore, Path storeFolder, String resultId) {
        try {
            if (openStore != null) {
                return StoredProbeResults.alignment(openStore, resultId);
            }
            try (ActivationStore store = ActivationStore.openReadOnly(storeFolder)) {
                return StoredProbeResults.alignment(store, resultId);
            }
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    private void publish(ProbePanel panel, int category) {
        (panel == primary ? comparison : primary).chart().setMarker(category);
        ProbeResults r = panel.results();
        if (eventBroker != null && r != null) {
            eventBroker.post(TokenPositionSelection.TOPIC, new TokenPositionSelection(
                    SOURCE_PREFIX + panel.name() + " @ " + r.positionLabel(category), category,
                    r.positionToken(category)));
        }
    }

    /**
     * Runs the probe analysis ({@value StoredProbeResults#ANALYSIS_ID}) on a capture of a store in a background job
     * (progress, cancel), stores its result in the store as the Store Navigator's Run Analysis does (listed there,
     * reopened here after a restart) and shows it, with the output read-out of answers " A" vs " B" (answer A = label
     * value "A") through the model the store records for the capture, when that model folder exists.
     *
     * @param point hook point probed at every layer, e.g. "resid_post"
     */
    public Job runProbes(Path storeFolder, String captureId, String point, String labelKey,
            PositionAlignment alignment, ProbeConfig config) {
        return runProbes(storeFolder, captureId, point, labelKey, alignment, config, "\\sA", "\\sB", "A");
    }

    /**
     * As {@link #runProbes(Path, String, String, String, PositionAlignment, ProbeConfig)} with the answer tokens of
     * the read-out ({@code \s} for a leading space) and the label value of answer A.
     */
    public Job runProbes(Path storeFolder, String captureId, String point, String labelKey,
            PositionAlignment alignment, ProbeConfig config, String tokenA, String tokenB, String labelOfA) {
        Map<String, String> parameters;
        try {
            parameters = ProbeRunParameters.of(point, labelKey, alignment, config, tokenA, tokenB, labelOfA);
        } catch (IllegalArgumentException e) {
            status.setText("Probes on " + captureId + " cannot run: " + e.getMessage());
            return null;
        }
        if (running != null) {
            running.cancel();
        }
        AnalysisRegistry registry = AnalysisRegistry.fromPlatform();
        AnalysisJob job = new AnalysisJob(storeFolder, registry.get(StoredProbeResults.ANALYSIS_ID),
                new AnalysisRequest(StoredProbeResults.ANALYSIS_ID, parameters, Map.of("activations", captureId)),
                registry);
        job.setName("Probing " + captureId + " for '" + labelKey + "'");
        job.setUser(true);
        job.addJobChangeListener(new JobChangeAdapter() {
            @Override
            public void done(IJobChangeEvent event) {
                IStatus result = event.getResult();
                if (result.isOK() && running == job) {
                    showStoredResult(job.storeFolder(), job.resultId(), null);
                } else if (!result.isOK() && result.getSeverity() != IStatus.CANCEL) {
                    ui(() -> status.setText(result.getMessage()));
                }
            }
        });
        status.setText("Probing " + captureId + " in " + storeFolder + "...");
        running = job;
        job.schedule();
        return job;
    }

    /** Shows a result of the probe analysis opened in the Store Navigator; other analyses' results are ignored. */
    @Inject
    @Optional
    void onResult(@UIEventTopic(StoreResultSelection.TOPIC) StoreResultSelection selection) {
        if (selection == null || !StoredProbeResults.ANALYSIS_ID.equals(selection.analysisId()) || status == null
                || status.isDisposed()) {
            return;
        }
        showStoredResult(selection.storeFolder(), selection.resultId(), selection.store());
    }

    /**
     * Reads a stored probe result in a background job and shows it.
     *
     * @param openStore the store if it is already open (it stays open), or null to open the folder read-only
     */
    public Job showStoredResult(Path storeFolder, String resultId, ActivationStore openStore) {
        if (running != null) {
            running.cancel();
        }
        Job job = Job.create("Reading probe result " + resultId, (IProgressMonitor monitor) -> {
            try {
                StoredProbeResults r = StoredProbeResults.read(storeFolder, resultId, openStore);
                Source from = r.captureId() == null || r.labelKey() == null ? null
                        : new Source(storeFolder, r.captureId(), r.labelKey());
                PositionAlignment alignment = alignmentOf(openStore, storeFolder, resultId);
                ui(() -> {
                    show(r.displayName(), r.results(), r.readout(), from, r.readoutNote());
                    shownAlignment = alignment;
                    shown.remember(storeFolder, resultId);
                });
                return Status.OK_STATUS;
            } catch (IOException | RuntimeException e) {
                ui(() -> status.setText("Cannot read probe result " + resultId + ": " + e.getMessage()));
                return Status.error("Cannot read probe result " + resultId + " in " + storeFolder, e);
            }
        });
        job.setSystem(false);
        running = job;
        job.schedule();
        return job;
    }

    /**
     * The steering request for the probe at the marked position (the most accurate of the shown layers there), or at
     * the method's best cell when nothing is marked; null, with the reason in the status line, when the results do
     * not come from a store or the cell has no direction.
     */
    public SteerAlongProbe steeringRequest() {
        ProbeResults r = primary.results();
        ProbeMethod m = selectedMethod();
        if (r == null || m == null) {
            return null;
        }
        if (source == null) {
            status.setText("Steering needs results of a stored capture: run probes on a capture or open a stored "
                    + "probe result.");
            return null;
        }
        SteeringChoice choice;
        try {
            choice = SteeringChoice.choose(r, m, primary.chart().marker(), layers.getSelectionIndices());
        } catch (IllegalArgumentException e) {
            status.setText(e.getMessage());
            return null;
        }
        ProbeDirection direction = choice.direction();
        return new SteerAlongProbe(source.storeFolder(), source.captureId(), source.labelKey(),
                direction.positiveLabel(), r.negativeLabel(), r.layerName(choice.layer()),
                r.positionLabel(choice.position()), direction.method().id(), direction.weights());
    }

    /** Shows the Steering view and asks it to steer along the selected probe ({@link SteerAlongProbe#TOPIC}). */
    public SteerAlongProbe steerAlongSelectedProbe() {
        SteerAlongProbe request = steeringRequest();
        if (request == null) {
            return null;
        }
        try {
            PlatformUI.getWorkbench().getActiveWorkbenchWindow().getActivePage().showView(STEERING_VIEW_ID);
        } catch (PartInitException | RuntimeException e) {
            status.setText("The Steering view cannot be opened (" + e.getMessage() + "); the request was posted.");
        }
        if (eventBroker != null) {
            eventBroker.post(SteerAlongProbe.TOPIC, request);
        }
        return request;
    }

    /** Remembers the capture of a prompt picked in the Store Navigator as the one the run dialogs start with. */
    @Inject
    @Optional
    void onPromptPicked(@UIEventTopic(StorePromptSelection.TOPIC) StorePromptSelection picked) {
        if (picked != null) {
            lastPicked = new Source(picked.storeFolder(), picked.captureId(), null);
        }
    }

    /** The run dialog for the last picked (or shown) capture, its anchor the dataset's answer marker when it has one. */
    private RunProbesDialog runDialog() {
        Source start = lastPicked != null ? lastPicked : source;
        String marker = start == null ? null : DataDefaults.answerMarker(start.storeFolder(), start.captureId());
        return new RunProbesDialog(status.getShell(), start == null ? null : start.storeFolder(),
                start == null ? null : start.captureId(), marker);
    }

    private void runFromDialog() {
        RunProbesDialog dialog = runDialog();
        if (dialog.open() == RunProbesDialog.OK) {
            runProbes(dialog.store(), dialog.capture(), dialog.point(), dialog.label(), dialog.alignment(),
                    dialog.config(), dialog.tokenA(), dialog.tokenB(),
                    dialog.answerA());
        }
    }

    /** "Compare with...": picks any stored probe result of the open stores and shows it beside the shown one. */
    private void compareFromDialog() {
        if (primary.results() == null) {
            status.setText("Show probe results first; a stored probe result is then compared with them.");
            return;
        }
        java.util.List<StoredProbeChoice> choices = storedProbeResults();
        if (choices.isEmpty()) {
            status.setText("No stored probe results in the open stores: run probes on a capture first.");
            return;
        }
        ElementListSelectionDialog dialog = new ElementListSelectionDialog(status.getShell(), new LabelProvider() {
            @Override
            public String getText(Object element) {
                return ((StoredProbeChoice) element).label();
            }
        });
        dialog.setTitle(COMPARE_TITLE);
        dialog.setMessage("Probe result to show beside " + primary.name() + " (same method and layers):");
        dialog.setElements(choices.toArray());
        dialog.setMultipleSelection(false);
        if (dialog.open() == ElementListSelectionDialog.OK && dialog.getFirstResult() instanceof StoredProbeChoice c) {
            compareWithStored(c.storeFolder(), c.resultId());
        }
    }

    /** A stored probe result offered by "Compare with...". */
    public record StoredProbeChoice(Path storeFolder, String resultId, String label) {
    }

    /**
     * Every stored probe result of the stores open in the Store Navigator, newest first within a store, labelled
     * with its store, its result (name and date) and its capture.
     */
    public static java.util.List<StoredProbeChoice> storedProbeResults() {
        java.util.List<StoredProbeChoice> choices = new ArrayList<>();
        for (StoreElement tree : OpenStores.instance().trees()) {
            StoreElement results = tree.child("Analysis results");
            if (results == null) {
                continue;
            }
            java.util.List<StoreElement> found = new ArrayList<>(results.children().stream()
                    .filter(r -> StoredProbeResults.ANALYSIS_ID.equals(r.property("Result", "Analysis"))).toList());
            java.util.Collections.reverse(found);
            for (StoreElement r : found) {
                String capture = r.property("Parameters", "input.activations");
                choices.add(new StoredProbeChoice(r.storeFolder(), r.id(), tree.storeFolder().getFileName() + ": "
                        + r.label() + (capture == null ? "" : ", capture " + capture) + " (" + r.id() + ")"));
            }
        }
        return choices;
    }

    /** Reads a stored probe result in a background job and shows it beside the shown results. */
    public Job compareWithStored(Path storeFolder, String resultId) {
        if (running != null) {
            running.cancel();
        }
        Job job = Job.create("Reading probe result " + resultId, (IProgressMonitor monitor) -> {
            try {
                StoredProbeResults r = StoredProbeResults.read(storeFolder, resultId,
                        OpenStores.instance().store(storeFolder));
                ui(() -> {
                    if (primary.results() != null) {
                        compare(r.displayName(), r.results(), r.readout());
                    }
                });
                return Status.OK_STATUS;
            } catch (IOException | RuntimeException e) {
                ui(() -> status.setText("Cannot read probe result " + resultId + ": " + e.getMessage()));
                return Status.error("Cannot read probe result " + resultId + " in " + storeFolder, e);
            }
        });
        running = job;
        job.schedule();
        return job;
    }

    private void export(String pattern) {
        if (primary.results() == null) {
            return;
        }
        FileDialog dialog = new FileDialog(status.getShell(), SWT.SAVE);
        dialog.setFilterExtensions(new String[] { pattern });
        dialog.setOverwrite(true);
        String file = dialog.open();
        if (file != null) {
            try {
                exportTo(Path.of(file));
            } catch (IOException e) {
                status.setText(e.getMessage());
            }
        }
    }

    /** Writes the primary chart as PNG (what is on screen) or CSV (its series), by the file's extension. */
    public void exportTo(Path file) throws IOException {
        if (file.toString().toLowerCase(java.util.Locale.ROOT).endsWith(".png")) {
            primary.chart().exportPng(file);
        } else {
            primary.chart().exportCsv(file);
        }
        status.setText("Exported " + file);
    }

    private void ui(Runnable work) {
        if (!status.isDisposed()) {
            status.getDisplay().asyncExec(() -> {
                if (!status.isDisposed()) {
                    work.run();
                }
            });
        }
    }

    private static Button button(Composite bar, String text, Runnable action) {
        Button b = new Button(bar, SWT.PUSH);
        b.setText(text);
        b.addListener(SWT.Selection, e -> action.run());
        return b;
    }

    public XYChartViewer chart() {
        return primary.chart();
    }

    public XYChartViewer comparisonChart() {
        return comparison.chart();
    }

    public ProbePanel primaryPanel() {
        return primary;
    }

    public ProbePanel comparisonPanel() {
        return comparison;
    }

    public String statusText() {
        return status.getText();
    }

    public boolean isRunning() {
        Job job = running;
        return job != null && job.getState() != Job.NONE;
    }

    @PreDestroy
    public void dispose() {
        if (running != null) {
            running.cancel();
        }
        if (shown != null) {
            shown.dispose();
        }
    }
}
