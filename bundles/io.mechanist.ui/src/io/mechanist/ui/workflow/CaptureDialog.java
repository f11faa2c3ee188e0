package io.mechanist.ui.workflow;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.Status;
import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.jface.dialogs.IDialogConstants;
import org.eclipse.jface.dialogs.IDialogSettings;
import org.eclipse.jface.dialogs.IMessageProvider;
import org.eclipse.swt.SWT;
import org.eclipse.swt.custom.ScrolledComposite;
import org.eclipse.swt.graphics.Point;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Combo;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.swt.widgets.Spinner;
import org.eclipse.swt.widgets.Text;

import io.mechanist.capture.CaptureJob;
import io.mechanist.capture.CapturePositions;
import io.mechanist.core.hooks.HookPoint;
import io.mechanist.core.hooks.HookSite;
import io.mechanist.core.datasets.DatasetParser;
import io.mechanist.core.datasets.DatasetRecord;
import io.mechanist.model.StorageType;
import io.mechanist.runtime.ModelTokenizer;
import io.mechanist.store.ActivationStore;
import io.mechanist.ui.models.CheckpointSummary;
import io.mechanist.ui.preferences.MechanistPreferences;
import io.mechanist.ui.store.OpenStores;
import io.mechanist.ui.store.StoreElement;

/**
 * Capture Activations...: a dataset through a model into a store, with the hook points and layer range, the
 * positions kept per prompt, F32 or F16 storage and the batch size, and the estimated size on disk. The choices are
 * those of {@code mechanist capture}; OK builds the same {@link CaptureJob}, run by {@link CaptureRunJob}. An
 * interrupted capture of the same settings is resumed where it stopped. The last choices are remembered.
 */
public final class CaptureDialog extends FormDialog {

    public static final String TITLE = "Capture Activations";
    /** Per-layer hook points offered (attention patterns are per head and query, so far larger). */
    static final List<HookPoint> POINTS = List.of(HookPoint.RESID_PRE, HookPoint.ATTN_OUT, HookPoint.RESID_MID,
            HookPoint.MLP_OUT, HookPoint.RESID_POST, HookPoint.ATTN_PATTERN);
    /** Rough tokens of a text (words and punctuation): the estimate until the model's tokenizer has counted. */
    private static final Pattern PIECE = Pattern.compile("\\w+|[^\\w\\s]");

    /** How the estimate counted the prompts' tokens (the end of its text). */
    public static final String BY_TOKENIZER = "tokens counted by the model's tokenizer";
    static final String COUNTING = "counting words while the model's tokenizer counts tokens";
    static final String BY_WORDS = "counting words: the model's tokenizer cannot be loaded";

    private final Path initialStore;
    private Combo store;
    private Combo model;
    private Combo dataset;
    private final Map<HookPoint, Button> points = new LinkedHashMap<>();
    private Spinner fromLayer;
    private Spinner toLayer;
    private Text positions;
    private Button f32;
    private Button f16;
    private Spinner batch;
    private Text name;
    private Label estimate;
    private List<Path> stores = List.of();
    private List<CheckpointSummary> models = List.of();
    private List<Path> datasets = List.of();
    private final Map<Path, List<DatasetRecord>> parsed = new LinkedHashMap<>();
    /** Tokens per prompt by model folder and dataset file, counted by the model's tokenizer in a job. */
    private final Map<List<Path>, TokenCounts> counted = new HashMap<>();
    private Job counting;
    private List<Path> countingKey;
    private CaptureJob job;

    /** @param initialStore the store chosen at first (e.g. selected in the navigator), or null */
    public CaptureDialog(Shell parent, Path initialStore) {
        super(parent, TITLE, new Point(900, 720));
        this.initialStore = initialStore;
    }

    private static IDialogSettings settings() {
        return Dialogs.settings("capture");
    }

    @Override
    protected Control createDialogArea(Composite parent) {
        Composite area = (Composite) super.createDialogArea(parent);
        setTitle("Capture a dataset's activations through a model into a store");
        ScrolledComposite scroller = new ScrolledComposite(area, SWT.V_SCROLL | SWT.H_SCROLL);
        scroller.setLayoutData(new GridData(SWT.FILL, SWT.FILL, true, true));
        scroller.setExpandHorizontal(true);
        scroller.setExpandVertical(true);
        Composite form = new Composite(scroller, SWT.NONE);
        form.setLayout(new GridLayout(2, false));
        IDialogSettings remembered = settings();

        stores = OpenStores.instance().trees().stream().filter(t -> t.property("Store", "Problem") == null)
                .map(StoreElement::storeFolder).toList();
        store = combo(form, "Store:", "store", stores.stream().map(Path::toString).toList());
        select(store, stores.indexOf(initialStore != null ? initialStore.toAbsolutePath().normalize() : null));

        models = new ArrayList<>();
        for (Path root : MechanistPreferences.modelFolders()) {
            CheckpointSummary.scan(root).stream().filter(CheckpointSummary::ready).forEach(models::add);
        }
        model = combo(form, "Model:", "model", models.stream().map(m -> m.folder().getFileName() + "  \u2013  "
                + m.architecture() + ", " + m.layers() + " layers, d_model " + m.dModel() + "  (" + m.folder() + ")")
                .toList());
        select(model, indexOf(models.stream().map(m -> m.folder().toString()).toList(), remembered.get("model")));

        datasets = WorkbenchDatasets.files();
        dataset = combo(form, "Dataset:", "dataset", datasets.stream().map(Path::toString).toList());
        select(dataset, 0);

        new Label(form, SWT.NONE).setText("Hook points:");
        Composite pointRow = new Composite(form, SWT.NONE);
        pointRow.setLayout(new GridLayout(POINTS.size(), false));
        String rememberedPoints = remembered.get("points") == null ? HookPoint.RESID_POST.idName()
                : remembered.get("points");
        for (HookPoint point : POINTS) {
            Button check = new Button(pointRow, SWT.CHECK);
            check.setText(point.idName());
            check.setToolTipText(point.shapeDescription());
            check.setData(PathField.KEY, point.idName());
            check.setSelection(List.of(rememberedPoints.split(",")).contains(point.idName()));
            check.addListener(SWT.Selection, e -> validate());
            points.put(point, check);
        }

        new Label(form, SWT.NONE).setText("Layers:");
        Composite layerRow = new Composite(form, SWT.NONE);
        layerRow.setLayout(new GridLayout(4, false));
        new Label(layerRow, SWT.NONE).setText("from");
        fromLayer = spinner(layerRow, "fromLayer", 0, 0);
        new Label(layerRow, SWT.NONE).setText("to");
        toLayer = spinner(layerRow, "toLayer", 0, 0);

        new Label(form, SWT.NONE).setText("Positions:");
        positions = new Text(form, SWT.BORDER | SWT.SINGLE);
        positions.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));
        positions.setData(PathField.KEY, "positions");
        positions.setText(remembered.get("positions") == null ? "all" : remembered.get("positions"));
        positions.setToolTipText("all, last, START:END (end exclusive, negative = from the end), or a list like 0,3,-1");
        positions.addListener(SWT.Modify, e -> validate());

        new Label(form, SWT.NONE).setText("Storage:");
        Composite storageRow = new Composite(form, SWT.NONE);
        storageRow.setLayout(new GridLayout(2, false));
        f32 = new Button(storageRow, SWT.RADIO);
        f32.setText("F32");
        f32.setData(PathField.KEY, "F32");
        f16 = new Button(storageRow, SWT.RADIO);
        f16.setText("F16 (half the size; about 3 significant digits)");
        f16.setData(PathField.KEY, "F16");
        boolean half = "F16".equals(remembered.get("storage"));
        f32.setSelection(!half);
        f16.setSelection(half);
        f32.addListener(SWT.Selection, e -> validate());
        f16.addListener(SWT.Selection, e -> validate());

        new Label(form, SWT.NONE).setText("Batch size:");
        batch = spinner(form, "batch", 1, 256);
        batch.setSelection(remembered.get("batch") == null ? 8 : Math.max(1, remembered.getInt("batch")));
        batch.setToolTipText("Prompts per forward pass; the numbers do not depend on it.");

        new Label(form, SWT.NONE).setText("Name:");
        name = new Text(form, SWT.BORDER | SWT.SINGLE);
        name.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));
        name.setData(PathField.KEY, "name");
        name.setMessage("optional; default: DATASET through MODEL");

        estimate = new Label(form, SWT.WRAP);
        GridData wide = new GridData(SWT.FILL, SWT.TOP, true, false, 2, 1);
        wide.widthHint = 600;
        wide.verticalIndent = 8;
        estimate.setLayoutData(wide);
        estimate.setData(PathField.KEY, "estimate");

        model.addListener(SWT.Selection, e -> modelChanged());
        store.addListener(SWT.Selection, e -> validate());
        dataset.addListener(SWT.Selection, e -> validate());
        modelChanged();
        int rememberedFrom = remembered.get("fromLayer") == null ? 0 : remembered.getInt("fromLayer");
        int rememberedTo = remembered.get("toLayer") == null ? toLayer.getMaximum() : remembered.getInt("toLayer");
        fromLayer.setSelection(Math.min(rememberedFrom, fromLayer.getMaximum()));
        toLayer.setSelection(Math.min(rememberedTo, toLayer.getMaximum()));
        scroller.setContent(form);
        scroller.setMinSize(form.computeSize(SWT.DEFAULT, SWT.DEFAULT));
        return area;
    }

    private static Combo combo(Composite form, String label, String key, List<String> items) {
        new Label(form, SWT.NONE).setText(label);
        Combo combo = new Combo(form, SWT.READ_ONLY | SWT.DROP_DOWN);
        GridData data = new GridData(SWT.FILL, SWT.CENTER, true, false);
        data.widthHint = 500;
        combo.setLayoutData(data);
        combo.setData(PathField.KEY, key);
        combo.setItems(items.toArray(String[]::new));
        return combo;
    }

    private Spinner spinner(Composite parent, String key, int min, int max) {
        Spinner spinner = new Spinner(parent, SWT.BORDER);
        spinner.setMinimum(min);
        spinner.setMaximum(max);
        spinner.setData(PathField.KEY, key);
        spinner.addListener(SWT.Modify, e -> validate());
        return spinner;
    }

    private static void select(Combo combo, int index) {
        if (combo.getItemCount() > 0) {
            combo.select(index >= 0 && index < combo.getItemCount() ? index : 0);
        }
    }

    private static int indexOf(List<String> values, String value) {
        return value == null ? 0 : Math.max(0, values.indexOf(value));
    }

    private CheckpointSummary chosenModel() {
        int index = model.getSelectionIndex();
        return index < 0 ? null : models.get(index);
    }

    private void modelChanged() {
        CheckpointSummary m = chosenModel();
        int last = m == null ? 0 : Math.max(0, m.layers() - 1);
        fromLayer.setMaximum(last);
        toLayer.setMaximum(last);
        toLayer.setSelection(last);
        validate();
    }

    @Override
    protected void createButtonsForButtonBar(Composite parent) {
        createButton(parent, IDialogConstants.OK_ID, "Capture", true);
        createButton(parent, IDialogConstants.CANCEL_ID, IDialogConstants.CANCEL_LABEL, false);
        validate();
    }

    /** The site ids chosen: each ticked point at each layer of the range. */
    private List<String> sites() {
        List<String> sites = new ArrayList<>();
        for (int layer = fromLayer.getSelection(); layer <= toLayer.getSelection(); layer++) {
            for (Map.Entry<HookPoint, Button> point : points.entrySet()) {
                if (point.getValue().getSelection()) {
                    sites.add(HookSite.of(point.getKey(), layer).id());
                }
            }
        }
        return sites;
    }

    /** What stops the capture, or null. */
    private String problem() {
        if (stores.isEmpty()) {
            return "No store is open: create one with File > New Store... (or open one).";
        }
        if (models.isEmpty()) {
            return "The Model Library has no ready checkpoint: add one with \"Add Model...\".";
        }
        if (datasets.isEmpty()) {
            return "No dataset is imported: import a JSONL file with File > Import Dataset....";
        }
        if (points.values().stream().noneMatch(Button::getSelection)) {
            return "Tick at least one hook point.";
        }
        if (fromLayer.getSelection() > toLayer.getSelection()) {
            return "The first layer is after the last.";
        }
        try {
            CapturePositions.parse(positions.getText());
        } catch (IllegalArgumentException e) {
            return e.getMessage();
        }
        return null;
    }

    private List<DatasetRecord> records(Path file) {
        return parsed.computeIfAbsent(file, f -> {
            try {
                return DatasetParser.parse(f);
            } catch (IOException | RuntimeException e) {
                return null;
            }
        });
    }

    /**
     * Tokens per prompt of a dataset.
     *
     * @param byTokenizer whether the model's tokenizer counted them (else words and punctuation: it could not load)
     */
    private record TokenCounts(int[] perPrompt, boolean byTokenizer) {
    }

    /**
     * The prompts' token counts: the model's tokenizer's once a job has counted them (with the special tokens the
     * capture adds); until then null, and the job is started.
     */
    private TokenCounts tokenCounts(CheckpointSummary m, Path datasetFile, List<DatasetRecord> records) {
        List<Path> key = List.of(m.folder(), datasetFile);
        TokenCounts known = counted.get(key);
        if (known != null || key.equals(countingKey)) {
            return known;
        }
        if (counting != null) {
            counting.cancel();
        }
        countingKey = key;
        Display display = getShell().getDisplay();
        Job job = Job.create("Counting the tokens of " + datasetFile.getFileName() + " with the tokenizer of "
                + m.folder().getFileName(), (IProgressMonitor monitor) -> {
                    TokenCounts counts;
                    try (ModelTokenizer tokenizer = ModelTokenizer.load(m.folder())) {
                        int[] perPrompt = new int[records.size()];
                        for (int i = 0; i < perPrompt.length; i++) {
                            if (monitor.isCanceled()) {
                                return Status.CANCEL_STATUS;
                            }
                            perPrompt[i] = tokenizer.encode(records.get(i).text()).length;
                        }
                        counts = new TokenCounts(perPrompt, true);
                    } catch (IOException | RuntimeException e) {
                        counts = new TokenCounts(wordCounts(records), false);
                    }
                    TokenCounts result = counts;
                    display.asyncExec(() -> {
                        counted.put(key, result);
                        if (key.equals(countingKey)) {
                            countingKey = null;
                            counting = null;
                        }
                        if (estimate != null && !estimate.isDisposed()) {
                            validate();
                        }
                    });
                    return Status.OK_STATUS;
                });
        job.setSystem(true);
        counting = job;
        job.schedule();
        return null;
    }

    private static int[] wordCounts(List<DatasetRecord> records) {
        int[] counts = new int[records.size()];
        for (int i = 0; i < counts.length; i++) {
            Matcher pieces = PIECE.matcher(records.get(i).text());
            while (pieces.find()) {
                counts[i]++;
            }
        }
        return counts;
    }

    /** Bytes the capture will take for prompts of these token counts. */
    private static long estimatedBytes(CheckpointSummary m, int[] tokensPerPrompt, CapturePositions kept,
            List<String> sites, int bytesPerValue) {
        long rows = 0;
        int maxTokens = 1;
        for (int tokens : tokensPerPrompt) {
            maxTokens = Math.max(maxTokens, tokens);
            rows += switch (kept.kind()) {
                case ALL -> tokens;
                case LAST -> 1;
                case RANGE -> Math.max(0, resolve(kept.end(), tokens) - resolve(kept.start(), tokens));
                case LIST -> kept.list().length;
            };
        }
        long bytes = 0;
        for (String site : sites) {
            HookSite parsedSite = HookSite.parse(site);
            long width = parsedSite.point() == HookPoint.ATTN_PATTERN ? (long) m.heads() * maxTokens : m.dModel();
            bytes += rows * width * bytesPerValue;
        }
        return bytes;
    }

    private static int resolve(int index, int length) {
        int resolved = index < 0 ? length + index : Math.min(index, length);
        return Math.max(0, resolved);
    }

    private void validate() {
        if (estimate == null) {
            return;
        }
        String problem = problem();
        String estimateText = "";
        if (problem == null) {
            List<DatasetRecord> records = records(datasets.get(dataset.getSelectionIndex()));
            if (records == null) {
                try {
                    DatasetParser.parse(datasets.get(dataset.getSelectionIndex()));
                    problem = "Cannot read the dataset.";
                } catch (IOException | RuntimeException e) {
                    problem = e.getMessage();
                }
            } else {
                List<String> sites = sites();
                Path datasetFile = datasets.get(dataset.getSelectionIndex());
                TokenCounts counts = tokenCounts(chosenModel(), datasetFile, records);
                int[] tokens = counts != null ? counts.perPrompt() : wordCounts(records);
                long bytes = estimatedBytes(chosenModel(), tokens, CapturePositions.parse(positions.getText()), sites,
                        f16.getSelection() ? 2 : 4);
                estimateText = records.size() + " prompts \u00d7 " + sites.size() + " hook sites: about "
                        + human(bytes) + " on disk (" + (counts == null ? COUNTING
                                : counts.byTokenizer() ? BY_TOKENIZER : BY_WORDS) + ").";
                String resumable = resumable();
                if (resumable != null) {
                    estimateText += "\nThe store holds an interrupted capture (" + resumable + "): the same model, "
                            + "dataset, sites, positions and storage resume it where it stopped.";
                }
            }
        }
        estimate.setText(estimateText);
        estimate.getParent().layout();
        setErrorMessage(problem);
        setMessage(problem == null ? "Runs in the background (Progress view); cancelling keeps what was captured."
                : null, IMessageProvider.INFORMATION);
        Button ok = getButton(IDialogConstants.OK_ID);
        if (ok != null) {
            ok.setEnabled(problem == null);
        }
    }

    private String resumable() {
        int index = store.getSelectionIndex();
        ActivationStore open = index < 0 ? null : OpenStores.instance().store(stores.get(index));
        if (open == null) {
            return null;
        }
        try {
            List<String> incomplete = open.incompleteCaptures();
            return incomplete.isEmpty() ? null : String.join(", ", incomplete);
        } catch (RuntimeException e) {
            return null;
        }
    }

    static String human(long bytes) {
        if (bytes < 1e6) {
            return String.format("%.1f kB", bytes / 1e3);
        }
        return bytes < 1e9 ? String.format("%.1f MB", bytes / 1e6) : String.format("%.2f GB", bytes / 1e9);
    }

    @Override
    public boolean close() {
        if (counting != null) {
            counting.cancel();
        }
        return super.close();
    }

    @Override
    protected void okPressed() {
        if (problem() != null) {
            validate();
            return;
        }
        CheckpointSummary m = chosenModel();
        Path datasetFile = datasets.get(dataset.getSelectionIndex());
        job = CaptureJob.builder(stores.get(store.getSelectionIndex()), m.folder(), datasetFile).sites(sites())
                .positions(CapturePositions.parse(positions.getText())).batchSize(batch.getSelection())
                .storage(f16.getSelection() ? StorageType.F16 : StorageType.F32)
                .name(name.getText().isBlank() ? defaultName(datasetFile, m.folder()) : name.getText().strip()).build();
        IDialogSettings remembered = settings();
        remembered.put("model", m.folder().toString());
        remembered.put("points", String.join(",", points.entrySet().stream().filter(p -> p.getValue().getSelection())
                .map(p -> p.getKey().idName()).toList()));
        remembered.put("fromLayer", fromLayer.getSelection());
        remembered.put("toLayer", toLayer.getSelection());
        remembered.put("positions", positions.getText().strip());
        remembered.put("storage", f16.getSelection() ? "F16" : "F32");
        remembered.put("batch", batch.getSelection());
        super.okPressed();
    }

    /** The name a capture gets when none is typed: what went through what. */
    static String defaultName(Path dataset, Path model) {
        String file = dataset.getFileName().toString();
        return (file.endsWith(".jsonl") ? file.substring(0, file.length() - ".jsonl".length()) : file) + " through "
                + model.getFileName();
    }

    /** The capture asked for, after Capture; null before or after Cancel. */
    public CaptureJob job() {
        return job;
    }
}
