package io.mechanist.ui.steering;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;

import org.eclipse.swt.SWT;
import org.eclipse.swt.custom.SashForm;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.FileDialog;
import org.eclipse.swt.widgets.Label;

import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.IStatus;
import org.eclipse.core.runtime.Status;
import org.eclipse.core.runtime.jobs.IJobChangeEvent;
import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.core.runtime.jobs.JobChangeAdapter;
import org.eclipse.e4.ui.model.application.ui.basic.MPart;
import org.eclipse.e4.core.di.annotations.Optional;
import org.eclipse.e4.ui.di.UIEventTopic;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Display;

import io.mechanist.core.analysis.AnalysisRegistry;
import io.mechanist.steering.ProbeCausalSweep;
import io.mechanist.steering.SteeringVector;
import io.mechanist.steering.SweepResult;
import io.mechanist.steering.analysis.StoredSweeps;
import io.mechanist.steering.analysis.SweepAnalysis;
import io.mechanist.store.ActivationStore;
import io.mechanist.ui.charts.XYChartViewer;
import io.mechanist.ui.events.SteerAlongProbe;
import io.mechanist.ui.events.StoreResultSelection;
import io.mechanist.ui.steering.internal.InteractivePanel;
import io.mechanist.ui.steering.internal.ProbeCausalRun;
import io.mechanist.ui.steering.internal.SweepPanel;
import io.mechanist.ui.steering.internal.VerdictText;
import io.mechanist.ui.store.AnalysisJob;
import io.mechanist.ui.store.EmbeddedModel;
import io.mechanist.ui.store.OpenStores;
import io.mechanist.ui.store.ShownResult;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Inject;

/**
 * Steering experiments: the sweep chart (effect vs multiplier per layer, random control dashed, per-prompt
 * distribution of one layer, share moving the wrong way) with the verdict line (does the behaviour move as predicted,
 * for the vector and for the control) above, interactive steered vs unsteered generation below.
 * <p>
 * Listens for {@link SteerAlongProbe} (the causal test of a probe, run here in a background job) and for
 * {@link StoreResultSelection}s of {@value SweepAnalysis#ID} results (loaded in a background job).
 */
public class SteeringView {

    public static final String ID = "io.mechanist.ui.steering.SteeringView";
    /** A held-out demo prompt whose answer is the next token. */
    static final String DEMO_PROMPT = "Q : 3 vs 7 . which is larger ? A = 3 B = 7 . think : 3 < 7 . larger is 7 . so :";

    /** Keys of the part's persisted state. */

    private Label status;
    private Button cancel;
    private Label verdict;
    private SweepPanel sweep;
    private InteractivePanel interactive;
    private volatile Job running;
    /** The part in the workbench model: its persisted state names the shown stored result across restarts. */
    @Inject
    @Optional
    private MPart part;
    /** The stored sweep on screen, shown again after a restart. */
    private ShownResult shown;

    @PostConstruct
    public void createPartControl(Composite parent) {
        parent.setLayout(new GridLayout(2, false));
        status = new Label(parent, SWT.WRAP);
        GridData statusData = new GridData(SWT.FILL, SWT.TOP, true, false);
        statusData.widthHint = 200; // wraps to the view's width instead of widening it
        status.setLayoutData(statusData);
        status.setText("No sweep shown. Run the analysis 'Steering sweep' on a capture and open its result, or steer "
                + "along a probe from the probe view.");
        cancel = new Button(parent, SWT.PUSH);
        cancel.setText("Cancel");
        cancel.setEnabled(false);
        cancel.addListener(SWT.Selection, e -> cancelRunning());
        verdict = new Label(parent, SWT.WRAP);
        GridData verdictData = new GridData(SWT.FILL, SWT.TOP, true, false, 2, 1);
        verdictData.widthHint = 200;
        verdict.setLayoutData(verdictData);
        SashForm split = new SashForm(parent, SWT.VERTICAL);
        split.setLayoutData(new GridData(SWT.FILL, SWT.FILL, true, true, 2, 1));
        sweep = new SweepPanel(split, () -> export("*.png"), () -> export("*.csv"));
        interactive = new InteractivePanel(split);
        split.setWeights(3, 2);
        // without an embedded demo model the user picks a model folder
        EmbeddedModel.folder().ifPresent(folder -> {
            interactive.setModelFolder(folder);
            interactive.setPrompt(DEMO_PROMPT);
        });
        restoreShownResult();
    }

    @PreDestroy
    public void dispose() {
        cancelRunning();
        if (shown != null) {
            shown.dispose();
        }
    }

    /** After a restart: shows the stored sweep shown before, once its store is open again. */
    private void restoreShownResult() {
        shown = new ShownResult(part, "io.mechanist.steering");
        String waiting = shown.restore(status.getDisplay(), (store, id) -> {
            if (!status.isDisposed() && running == null && sweep.series() == null) {
                open(new StoreResultSelection(store, id, SweepAnalysis.ID, "summary"));
            }
        });
        if (waiting != null) {
            status.setText("Result " + waiting + " is shown when the store is open.");
        }
    }


    /** The probe view asks for the causal test of a probe. */
    @Inject
    @Optional
    void onSteerAlongProbe(@UIEventTopic(SteerAlongProbe.TOPIC) SteerAlongProbe request) {
        if (request != null && status != null && !status.isDisposed()) {
            steerAlongProbe(request);
        }
    }

    /** The Store Navigator opened an analysis result; only steering sweeps are shown here. */
    @Inject
    @Optional
    void onResult(@UIEventTopic(StoreResultSelection.TOPIC) StoreResultSelection selection) {
        if (selection != null && SweepAnalysis.ID.equals(selection.analysisId()) && status != null
                && !status.isDisposed()) {
            open(selection);
        }
    }

    /**
     * Runs the causal test of a probe in a background job: the sweep along the probe's direction at its site's layer,
     * random control of equal norm alongside, on the capture's held-out prompts and model; then shows the chart, the
     * verdict and offers the direction for interactive steering at that layer. The test is stored in the probe's
     * store as a result of the steering sweep analysis (listed in the Store Navigator, reopened here). UI thread only.
     */
    public Job steerAlongProbe(SteerAlongProbe r) {
        ProbeCausalSweep.Request request = new ProbeCausalSweep.Request(r.captureId(), r.labelKey(),
                r.positiveLabel(), r.negativeLabel(), r.hookSiteId(), r.method(), r.weights(), null);
        String what = String.format(Locale.ROOT, "%s probe at %s%s (label %s: %s vs %s, capture %s)",
                r.method(), r.hookSiteId(), r.positionLabel() == null ? "" : ", " + r.positionLabel(),
                r.labelKey(), r.positiveLabel(), r.negativeLabel(), r.captureId());
        ProbeCausalRun run = new ProbeCausalRun(r.storeFolder(), request, r.positionLabel());
        AnalysisRegistry registry = AnalysisRegistry.fromPlatform();
        AnalysisJob job = new AnalysisJob(r.storeFolder(), registry.get(SweepAnalysis.ID), run, run.analysisRequest(),
                registry);
        job.setName("Causal test of the " + what);
        return track(job, "Steering along the " + what + "...", () -> {
            ProbeCausalSweep.Outcome outcome = run.outcome();
            show(outcome.result());
            verdict.setText(String.format(Locale.ROOT, "Causal test of the %s on %d prompts, target %s vs %s: %s. "
                    + "Logit trend: %s. Stored as %s in %s.", what, outcome.result().promptCount(),
                    quoted(outcome.answers().textA()), quoted(outcome.answers().textB()),
                    VerdictText.causal(outcome.causal()), VerdictText.of("probe direction", outcome.verdicts()),
                    job.resultId(), job.storeFolder()));
            interactive.setModelFolder(outcome.modelFolder());
            interactive.setAnswers(outcome.answers().textA(), outcome.answers().textB());
            interactive.setVectors(Map.of(outcome.vector().site().layer(), outcome.vector()));
            interactive.setLayer(outcome.vector().site().layer());
            shown.remember(job.storeFolder(), job.resultId());
            relayout();
        });
    }

    /** Loads a stored steering sweep in a background job and shows it with its per-layer vectors. UI thread only. */
    public Job open(StoreResultSelection selection) {
        Display display = status.getDisplay();
        return start("Opening steering sweep " + selection.resultId(), "Loading steering sweep "
                + selection.resultId() + "...", monitor -> {
                    // A result written a moment ago by another handle: the open store reads it after a refresh.
                    OpenStores.instance().refresh(selection.storeFolder());
                    ActivationStore open = selection.store();
                    ActivationStore store = open != null ? open : ActivationStore.openReadOnly(selection.storeFolder());
                    StoredSweeps.Loaded loaded;
                    try {
                        loaded = StoredSweeps.read(store, selection.resultId());
                    } finally {
                        if (store != open) {
                            store.close();
                        }
                    }
                    display.asyncExec(() -> {
                        if (status.isDisposed()) {
                            return;
                        }
                        String model = loaded.parameters().get("model");
                        // a Spark sweep records the checkpoint's URI, which the read-out cannot load from
                        boolean elsewhere = ActivationStore.isCheckpointUri(model);
                        if (model != null && !model.isBlank() && !elsewhere) {
                            interactive.setModelFolder(Path.of(model));
                        }
                        show(loaded.result(), loaded.vectors());
                        shown.remember(selection.storeFolder(), loaded.resultId());
                        String target = loaded.parameters().getOrDefault("target", "label");
                        String causal = loaded.causal() == null ? "no causal verdict (run without random null)"
                                : VerdictText.causal(loaded.causal());
                        verdict.setText("Result " + loaded.resultId() + " (target: " + target + "): " + causal
                                + ". Logit trend: " + VerdictText.of(target.equals("probe") ? "probe direction"
                                        : "steering vector", loaded.verdicts()) + "."
                                + (elsewhere ? " Swept on " + model + ", which the interactive read-out cannot open: "
                                        + "give it a local copy of that checkpoint as its model folder."
                                        : ""));
                        relayout();
                    });
                });
    }

    /** Work of a background job of this view; throws what it cannot handle. */
    @FunctionalInterface
    private interface Work {
        void run(IProgressMonitor monitor) throws Exception;
    }

    private Job start(String jobName, String runningText, Work work) {
        Job job = Job.create(jobName, (IProgressMonitor monitor) -> {
            try {
                work.run(monitor);
                return Status.OK_STATUS;
            } catch (java.util.concurrent.CancellationException | org.eclipse.core.runtime.OperationCanceledException e) {
                return Status.CANCEL_STATUS;
            } catch (Exception | LinkageError e) {
                return Status.error(jobName + " failed: " + e.getMessage(), e);
            }
        });
        return track(job, runningText, null);
    }

    /**
     * Schedules {@code job} as the view's running job (Cancel stops it); when it ends, its failure or cancellation
     * shows in the status line, or {@code onSuccess} runs on the UI thread (null: nothing more to do).
     */
    private Job track(Job job, String runningText, Runnable onSuccess) {
        cancelRunning();
        status.setText(runningText);
        verdict.setText("");
        cancel.setEnabled(true);
        relayout();
        Display display = status.getDisplay();
        job.addJobChangeListener(new JobChangeAdapter() {
            @Override
            public void done(IJobChangeEvent event) {
                IStatus result = event.getResult();
                display.asyncExec(() -> {
                    if (status.isDisposed() || running != job) {
                        return; // a newer job owns the status line
                    }
                    running = null;
                    cancel.setEnabled(false);
                    if (result.getSeverity() == IStatus.CANCEL) {
                        status.setText(job.getName() + ": cancelled.");
                    } else if (!result.isOK()) {
                        status.setText(result.getMessage());
                    } else if (onSuccess != null) {
                        onSuccess.run();
                        return;
                    } else {
                        return;
                    }
                    relayout();
                });
            }
        });
        running = job;
        job.schedule();
        return job;
    }

    /** Cancels the running causal test or load, if any. */
    public void cancelRunning() {
        Job job = running;
        if (job != null) {
            job.cancel();
        }
    }

    private static String quoted(String token) {
        return "'" + token + "'";
    }

    private void relayout() {
        status.getParent().layout(true, true);
    }

    /** Shows a sweep's numbers. UI thread only. */
    public void show(SweepResult result) {
        sweep.show(result);
        StringBuilder text = new StringBuilder(String.format(Locale.ROOT,
                "Steering sweep: %d prompts, layers %s, %d multipliers%s. Mean residual norms:", result.promptCount(),
                result.config().layers(), result.config().multipliers().length,
                result.kinds() > 1 ? ", random control of equal norm (dashed)" : ""));
        for (int l = 0; l < result.config().layers().size(); l++) {
            text.append(String.format(Locale.ROOT, " L%d %.3g", result.config().layers().get(l),
                    result.meanResidNorm()[l]));
        }
        status.setText(text.toString());
        status.getParent().layout(true, true);
    }

    /** Shows a sweep and offers its per-layer vectors for interactive steering. */
    public void show(SweepResult result, Map<Integer, SteeringVector> vectorsByLayer) {
        show(result);
        interactive.setVectors(vectorsByLayer);
        interactive.setLayer(result.config().layers().get(sweep.distributionLayerIndex()));
    }

    /** The sweep chart as PNG (what is on screen) or the sweep's numbers as CSV (with raw coefficients). */
    public void exportTo(Path file) throws IOException {
        if (sweep.series() == null) {
            throw new IOException("no sweep to export");
        }
        if (file.toString().toLowerCase(Locale.ROOT).endsWith(".png")) {
            sweep.sweepChart().exportPng(file);
        } else {
            Files.writeString(file, sweep.series().result().toCsv(), StandardCharsets.UTF_8);
        }
        status.setText("Exported " + file);
    }

    private void export(String pattern) {
        if (sweep.series() == null) {
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

    public SweepPanel sweepPanel() {
        return sweep;
    }

    public InteractivePanel interactive() {
        return interactive;
    }

    public XYChartViewer chart() {
        return sweep.sweepChart();
    }

    public String statusText() {
        return status.getText();
    }

    /** Does the behaviour move as predicted: the verdict line of the shown sweep (empty when none). */
    public String verdictText() {
        return verdict.getText();
    }

    /** The running causal test or load, or null. */
    public Job runningJob() {
        return running;
    }
}
