package io.mechanist.ui.steering.internal;

import java.io.IOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CancellationException;

import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.IStatus;
import org.eclipse.core.runtime.Status;
import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.jface.dialogs.InputDialog;
import org.eclipse.jface.window.Window;
import org.eclipse.swt.SWT;
import org.eclipse.swt.custom.SashForm;
import org.eclipse.swt.layout.FillLayout;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.layout.RowLayout;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.DirectoryDialog;
import org.eclipse.swt.widgets.FileDialog;
import org.eclipse.swt.widgets.Group;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Scale;
import org.eclipse.swt.widgets.Spinner;
import org.eclipse.swt.widgets.Text;

import io.mechanist.core.hooks.HookPoint;
import io.mechanist.core.hooks.HookSite;
import io.mechanist.runtime.generate.GenerationSettings;
import io.mechanist.saes.SaeFolder;
import io.mechanist.saes.SparseAutoencoder;
import io.mechanist.steering.SteeredGeneration;
import io.mechanist.steering.SteeredGeneration.Side;
import io.mechanist.steering.SteeringScale;
import io.mechanist.steering.SteeringVector;
import io.mechanist.steering.SteeringVectorFiles;

/**
 * Interactive steering: a model folder, a vector, layer and multiplier (slider, relative to the prompt's mean residual
 * norm; or an SAE feature's decoder direction); "Generate" streams steered and unsteered continuations side by side with the same seed and sampling
 * settings; the answers' logit difference for the prompt follows the slider (a debounced background forward).
 * The UI thread never touches the model.
 */
public final class InteractivePanel {
    /** Slider steps per unit multiplier, and its range in units. */
    private static final int STEPS_PER_UNIT = 100;
    private static final int MAX_UNITS = 4;
    private static final int DEBOUNCE_MS = 150;

    private final Composite root;
    private final Text modelFolder;
    private final Label vectorLabel;
    private final Spinner layer;
    private final Scale multiplier;
    private final Label multiplierLabel;
    private final Text prompt;
    private final Text answerA;
    private final Text answerB;
    private final Label readoutLabel;
    private final Spinner maxTokens;
    private final Text temperature;
    private final Text topP;
    private final Spinner seed;
    private final Button generate;
    private final Button cancel;
    private final Label settingsLabel;
    private final Group unsteeredGroup;
    private final Group steeredGroup;
    private final Text unsteeredText;
    private final Text steeredText;
    private final StreamedTexts streamed;

    private final LoadedModel models = new LoadedModel();
    private final Map<Integer, SteeringVector> vectorsByLayer = new HashMap<>();
    private final Runnable debouncedReadout = this::scheduleReadout;
    private SteeringVector vector;
    private volatile Job generation;
    private volatile PromptReadout readout;
    private volatile SteeredGeneration.Pair lastPair;
    private int readoutSerial;
    private int readoutsShown;


    public InteractivePanel(Composite parent) {
        root = new Composite(parent, SWT.NONE);
        root.setLayout(new GridLayout(1, false));

        Composite model = row(root, 7);
        new Label(model, SWT.NONE).setText("Model:");
        modelFolder = new Text(model, SWT.BORDER);
        modelFolder.setLayoutData(shrinkable());
        button(model, "Browse...", this::browseModel);
        new Label(model, SWT.NONE).setText("Vector:");
        vectorLabel = new Label(model, SWT.NONE);
        vectorLabel.setText("none: show a sweep or import one");
        vectorLabel.setLayoutData(shrinkable());
        button(model, "Import vector...", this::importVector);
        button(model, "SAE feature...", this::chooseSaeFeature);
        modelFolder.addListener(SWT.DefaultSelection, e -> readoutSoon());

        Composite steer = row(root, 5);
        new Label(steer, SWT.NONE).setText("Layer:");
        layer = new Spinner(steer, SWT.BORDER);
        layer.setValues(0, 0, 999, 0, 1, 1);
        new Label(steer, SWT.NONE).setText("Multiplier:");
        multiplier = new Scale(steer, SWT.HORIZONTAL);
        multiplier.setMinimum(0);
        multiplier.setMaximum(2 * MAX_UNITS * STEPS_PER_UNIT);
        multiplier.setIncrement(1);
        multiplier.setPageIncrement(25);
        multiplier.setSelection(MAX_UNITS * STEPS_PER_UNIT);
        GridData sliderData = shrinkable();
        sliderData.widthHint = 240;
        sliderData.grabExcessHorizontalSpace = false;
        multiplier.setLayoutData(sliderData);
        multiplierLabel = new Label(steer, SWT.NONE);
        multiplierLabel.setLayoutData(shrinkable());
        layer.addListener(SWT.Selection, e -> {
            vectorForLayer();
            readoutSoon();
        });
        multiplier.addListener(SWT.Selection, e -> {
            updateMultiplierLabel();
            readoutSoon();
        });

        Composite question = row(root, 6);
        new Label(question, SWT.NONE).setText("Prompt:");
        prompt = new Text(question, SWT.BORDER);
        prompt.setLayoutData(shrinkable());
        new Label(question, SWT.NONE).setText("Answers:");
        answerA = new Text(question, SWT.BORDER);
        answerA.setText(" A");
        answerB = new Text(question, SWT.BORDER);
        answerB.setText(" B");
        readoutLabel = new Label(question, SWT.NONE);
        readoutLabel.setLayoutData(shrinkable());
        for (Text t : new Text[] { prompt, answerA, answerB }) {
            t.addListener(SWT.Modify, e -> readoutSoon());
        }

        Composite sampling = wrappingRow(root);
        new Label(sampling, SWT.NONE).setText("Max tokens:");
        maxTokens = new Spinner(sampling, SWT.BORDER);
        maxTokens.setValues(24, 1, 512, 0, 1, 8);
        new Label(sampling, SWT.NONE).setText("Temperature:");
        temperature = new Text(sampling, SWT.BORDER);
        temperature.setText("0.8");
        new Label(sampling, SWT.NONE).setText("Top-p:");
        topP = new Text(sampling, SWT.BORDER);
        topP.setText("0.95");
        new Label(sampling, SWT.NONE).setText("Seed:");
        seed = new Spinner(sampling, SWT.BORDER);
        seed.setValues(1, 0, Integer.MAX_VALUE, 0, 1, 10);
        generate = button(sampling, "Generate", this::generate);
        cancel = button(sampling, "Cancel", this::cancelGeneration);
        cancel.setEnabled(false);
        settingsLabel = new Label(root, SWT.WRAP);
        settingsLabel.setLayoutData(shrinkable());

        SashForm sides = new SashForm(root, SWT.HORIZONTAL);
        sides.setLayoutData(new GridData(SWT.FILL, SWT.FILL, true, true));
        unsteeredGroup = new Group(sides, SWT.NONE);
        unsteeredGroup.setText("Unsteered");
        unsteeredGroup.setLayout(new FillLayout());
        unsteeredText = new Text(unsteeredGroup, SWT.MULTI | SWT.WRAP | SWT.READ_ONLY | SWT.V_SCROLL);
        steeredGroup = new Group(sides, SWT.NONE);
        steeredGroup.setText("Steered");
        steeredGroup.setLayout(new FillLayout());
        steeredText = new Text(steeredGroup, SWT.MULTI | SWT.WRAP | SWT.READ_ONLY | SWT.V_SCROLL);
        streamed = new StreamedTexts(unsteeredText, steeredText);
        updateMultiplierLabel();
        root.addListener(SWT.Dispose, e -> dispose());
    }

    public Control control() {
        return root;
    }

    // ---- settings (UI thread)

    public void setModelFolder(Path folder) {
        modelFolder.setText(folder.toString());
        readoutSoon();
    }

    /** Uses {@code v} at its own layer (and at other layers chosen later, unless a per-layer vector exists). */
    public void setVector(SteeringVector v) {
        vector = v;
        int own = v.site().layer();
        if (own >= 0) {
            layer.setSelection(own);
        }
        updateVectorLabel();
        readoutSoon();
    }

    /**
     * Steers with feature {@code feature} of the SAE in {@code saeFolder} (SAELens layout): its decoder direction
     * {@code W_dec[feature]}, at the SAE's site.
     */
    public void setSaeFeature(Path saeFolder, int feature) throws IOException {
        SparseAutoencoder sae = SaeFolder.load(saeFolder).sae();
        if (feature < 0 || feature >= sae.dSae()) {
            throw new IllegalArgumentException("feature " + feature + " is not in 0.." + (sae.dSae() - 1));
        }
        vectorsByLayer.clear();
        setVector(new SteeringVector(sae.config().site().id(), "sae-decoder", sae.decoderDirection(feature),
                Map.of("sae", saeFolder.toString(), "feature", Integer.toString(feature))));
    }

    /** Per-layer vectors (e.g. a sweep's CAA vectors); the layer spinner picks among them. */
    public void setVectors(Map<Integer, SteeringVector> byLayer) {
        vectorsByLayer.clear();
        vectorsByLayer.putAll(byLayer);
        if (!byLayer.isEmpty()) {
            int current = layer.getSelection();
            setVector(byLayer.getOrDefault(current, byLayer.values().iterator().next()));
        }
    }

    public void setLayer(int layerNumber) {
        layer.setSelection(layerNumber);
        vectorForLayer();
        readoutSoon();
    }

    /** Multiplier relative to the prompt's mean residual norm at the layer (rounded to the slider's 0.01 steps). */
    public void setMultiplier(double m) {
        multiplier.setSelection((int) Math.round((m + MAX_UNITS) * STEPS_PER_UNIT));
        updateMultiplierLabel();
        readoutSoon();
    }

    public double multiplier() {
        return (multiplier.getSelection() - MAX_UNITS * STEPS_PER_UNIT) / (double) STEPS_PER_UNIT;
    }

    public void setPrompt(String text) {
        prompt.setText(text);
    }

    public void setAnswers(String a, String b) {
        answerA.setText(a);
        answerB.setText(b);
    }

    /** Sampling settings shared by both sides (temperature 0: greedy). */
    public void setSampling(int tokens, double temp, double p, int seedValue) {
        maxTokens.setSelection(tokens);
        temperature.setText(Double.toString(temp));
        topP.setText(Double.toString(p));
        seed.setSelection(seedValue);
    }

    // ---- read-out of the current prompt, debounced

    private void readoutSoon() {
        if (!root.isDisposed()) {
            root.getDisplay().timerExec(DEBOUNCE_MS, debouncedReadout); // re-arming replaces the pending run
        }
    }

    private void scheduleReadout() {
        if (root.isDisposed() || vector == null || modelFolder.getText().isBlank() || prompt.getText().isBlank()) {
            return;
        }
        Snapshot s = snapshot();
        int serial = ++readoutSerial;
        readoutLabel.setText("logit diff: computing...");
        Job job = Job.create("Steering read-out", (IProgressMonitor monitor) -> {
            try {
                PromptReadout r = InteractiveSteering.readout(models.get(s.folder), s.prompt, s.answerA, s.answerB,
                        s.vector, s.site, s.multiplier);
                ui(() -> {
                    if (serial == readoutSerial) {
                        readout = r;
                        readoutsShown++;
                        readoutLabel.setText(InteractiveSteering.readoutText(s.answerA, s.answerB, r));
                        updateMultiplierLabel();
                    }
                });
                return Status.OK_STATUS;
            } catch (IOException | RuntimeException e) {
                ui(() -> {
                    if (serial == readoutSerial) {
                        readoutLabel.setText("logit diff: " + e.getMessage());
                    }
                });
                return Status.OK_STATUS; // shown in the view; not worth an error dialog per slider move
            }
        });
        job.setSystem(true);
        job.schedule();
    }

    // ---- generation

    /** Starts steered and unsteered generation in a job; returns it (null when settings are incomplete or a generation is still running). */
    public Job generate() {
        if (isGenerating()) {
            return null; // one generation at a time; the button is disabled meanwhile
        }
        if (vector == null) {
            showSettings("Choose a vector first (show a sweep or import one).");
            return null;
        }
        Snapshot s;
        GenerationSettings settings;
        try {
            s = snapshot();
            settings = InteractiveSteering.settings(maxTokens.getSelection(), temperature.getText(), topP.getText(),
                    seed.getSelection());
        } catch (IllegalArgumentException e) {
            showSettings("Sampling settings: " + e.getMessage());
            return null;
        }
        streamed.reset();
        lastPair = null;
        String shared = InteractiveSteering.describe(settings);
        showSettings(shared);
        steeredGroup.setText(String.format(Locale.ROOT, "Steered: %s \u00d7 %+.2f", s.site.id(), s.multiplier));
        Job job = Job.create("Steered and unsteered generation", (IProgressMonitor monitor) -> {
            monitor.beginTask("Generating", IProgressMonitor.UNKNOWN);
            try {
                InteractiveSteering.Generated generated = InteractiveSteering.generate(models.get(s.folder), s.prompt,
                        settings, s.vector, s.site, s.multiplier,
                        (side, step, token, delta) -> streamed.add(side, delta), monitor::isCanceled);
                lastPair = generated.pair();
                ui(() -> {
                    streamed.flush();
                    showSettings(shared + generated.summary());
                });
                return generated.cancelled() ? Status.CANCEL_STATUS : Status.OK_STATUS;
            } catch (CancellationException e) {
                return Status.CANCEL_STATUS;
            } catch (IOException | RuntimeException e) {
                ui(() -> showSettings("Generation failed: " + e.getMessage()));
                return Status.error("Steered generation with " + s.folder + " failed", e);
            } finally {
                monitor.done();
                ui(() -> {
                    generate.setEnabled(true);
                    cancel.setEnabled(false);
                });
            }
        });
        generate.setEnabled(false);
        cancel.setEnabled(true);
        generation = job;
        job.schedule();
        return job;
    }

    public void cancelGeneration() {
        Job job = generation;
        if (job != null) {
            job.cancel();
        }
    }

    public boolean isGenerating() {
        Job job = generation;
        return job != null && job.getState() != Job.NONE;
    }


    // ---- what a user sees (for tests)

    public String text(Side side) {
        return (side == Side.STEERED ? steeredText : unsteeredText).getText();
    }

    public int tokensStreamed(Side side) {
        return streamed.tokens(side);
    }

    /** How many times the UI showed new text on a side while tokens arrived. */
    public int uiUpdates(Side side) {
        return streamed.updates(side);
    }

    public SteeredGeneration.Pair lastPair() {
        return lastPair;
    }

    public PromptReadout readout() {
        return readout;
    }

    public int readoutsShown() {
        return readoutsShown;
    }

    public String readoutText() {
        return readoutLabel.getText();
    }

    private void showSettings(String text) {
        settingsLabel.setText(text);
        root.layout(true, true);
    }

    public String settingsText() {
        return settingsLabel.getText();
    }

    public String multiplierText() {
        return multiplierLabel.getText();
    }

    /** The vector line: method, site, norm (and the layer it is applied at when that differs). */
    public String vectorText() {
        return vectorLabel.getText();
    }

    /** The layer the vector is applied at. */
    public int layer() {
        return layer.getSelection();
    }

    public String modelFolderText() {
        return modelFolder.getText();
    }

    public String steeredTitle() {
        return steeredGroup.getText();
    }

    // ---- helpers

    private record Snapshot(Path folder, String prompt, String answerA, String answerB, SteeringVector vector,
            HookSite site, double multiplier) {
    }

    private Snapshot snapshot() {
        HookPoint point = vector.site().point().perLayer() ? vector.site().point() : HookPoint.RESID_POST;
        return new Snapshot(Path.of(modelFolder.getText().strip()), prompt.getText(), answerA.getText(),
                answerB.getText(), vector, HookSite.of(point, layer.getSelection()), multiplier());
    }

    private void vectorForLayer() {
        SteeringVector own = vectorsByLayer.get(layer.getSelection());
        if (own != null) {
            vector = own;
        }
        updateVectorLabel();
    }

    private void updateVectorLabel() {
        if (vector == null) {
            return;
        }
        String note = vector.site().layer() == layer.getSelection() ? "" : " (applied at layer "
                + layer.getSelection() + ")";
        vectorLabel.setText(String.format(Locale.ROOT, "%s from %s, |v| = %.3g%s", vector.method(), vector.siteId(),
                vector.norm(), note));
        vectorLabel.getParent().layout();
    }

    private void updateMultiplierLabel() {
        PromptReadout r = readout;
        String raw = r != null && r.site().layer() == layer.getSelection() && vector != null
                ? String.format(Locale.ROOT, " (coefficient %.4g)",
                        SteeringScale.coefficient(multiplier(), r.residNorm(), vector.norm()))
                : "";
        multiplierLabel.setText(String.format(Locale.ROOT, "%+.2f \u00d7 the prompt's mean residual norm%s",
                multiplier(), raw));
        multiplierLabel.getParent().layout();
    }

    private void browseModel() {
        DirectoryDialog dialog = new DirectoryDialog(root.getShell());
        dialog.setMessage("A checkpoint folder (config.json, model.safetensors, tokenizer.json)");
        String folder = dialog.open();
        if (folder != null) {
            setModelFolder(Path.of(folder));
        }
    }

    private void importVector() {
        FileDialog dialog = new FileDialog(root.getShell(), SWT.OPEN);
        dialog.setFilterExtensions(new String[] { "*.safetensors" });
        String file = dialog.open();
        if (file != null) {
            try {
                vectorsByLayer.clear();
                setVector(SteeringVectorFiles.importVector(Path.of(file), null, null));
            } catch (IOException | IllegalArgumentException e) {
                vectorLabel.setText(e.getMessage());
            }
        }
    }

    private void chooseSaeFeature() {
        DirectoryDialog folder = new DirectoryDialog(root.getShell());
        folder.setMessage("An SAE folder (cfg.json, sae_weights.safetensors)");
        String chosen = folder.open();
        if (chosen == null) {
            return;
        }
        InputDialog index = new InputDialog(root.getShell(), "SAE feature", "Feature index (its decoder direction "
                + "is the steering vector):", "0", null);
        if (index.open() != Window.OK) {
            return;
        }
        try {
            setSaeFeature(Path.of(chosen), Integer.parseInt(index.getValue().strip()));
        } catch (IOException | IllegalArgumentException e) {
            vectorLabel.setText(e.getMessage());
        }
    }

    private void ui(Runnable work) {
        if (!root.isDisposed()) {
            root.getDisplay().asyncExec(() -> {
                if (!root.isDisposed()) {
                    work.run();
                }
            });
        }
    }

    private void dispose() {
        cancelGeneration();
        Job close = Job.create("Closing the steered model", (IProgressMonitor monitor) -> {
            Job running = generation;
            if (running != null) {
                try {
                    running.join(10_000, monitor);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            try {
                models.close();
                return Status.OK_STATUS;
            } catch (IOException e) {
                return new Status(IStatus.WARNING, "io.mechanist.ui.steering", "closing the model failed", e);
            }
        });
        close.setSystem(true);
        close.schedule();
    }

    /** Fills its cell but asks for little width, so a long path or text never widens the view. */
    private static GridData shrinkable() {
        GridData data = new GridData(SWT.FILL, SWT.CENTER, true, false);
        data.widthHint = 120;
        return data;
    }

    private static Composite row(Composite parent, int columns) {
        Composite row = new Composite(parent, SWT.NONE);
        GridLayout layout = new GridLayout(columns, false);
        layout.marginHeight = 0;
        row.setLayout(layout);
        row.setLayoutData(new GridData(SWT.FILL, SWT.TOP, true, false));
        return row;
    }

    /** A row of fixed-size controls that continues on a second line when the view is narrow. */
    private static Composite wrappingRow(Composite parent) {
        Composite row = new Composite(parent, SWT.NONE);
        RowLayout layout = new RowLayout(SWT.HORIZONTAL);
        layout.wrap = true;
        layout.center = true;
        layout.marginTop = 0;
        layout.marginBottom = 0;
        row.setLayout(layout);
        row.setLayoutData(new GridData(SWT.FILL, SWT.TOP, true, false));
        return row;
    }

    private static Button button(Composite parent, String text, Runnable action) {
        Button b = new Button(parent, SWT.PUSH);
        b.setText(text);
        b.addListener(SWT.Selection, e -> action.run());
        return b;
    }
}
