package io.mechanist.ui.workflow;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.Status;
import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.jface.dialogs.IDialogConstants;
import org.eclipse.jface.dialogs.IMessageProvider;
import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.Point;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.swt.widgets.Table;
import org.eclipse.swt.widgets.TableColumn;
import org.eclipse.swt.widgets.TableItem;

import io.mechanist.core.datasets.DatasetParser;
import io.mechanist.core.datasets.DatasetRecord;

/**
 * Import Dataset...: reads a JSONL dataset (docs/dataset-format.md) as it is chosen, shows its first prompts with
 * their labels and groups and a summary (prompts, groups, pairs, label values, answer markers), or the first error
 * as {@code file:line: problem}. Import remembers the file for the capture dialog.
 */
public final class ImportDatasetDialog extends FormDialog {

    public static final String TITLE = "Import Dataset";
    /** How many prompts the preview shows. */
    static final int PREVIEW_ROWS = 50;
    /** The message while the chosen file is read. */
    static final String READING = "Reading ";

    private PathField file;
    private Label summaryLabel;
    private Table preview;
    private List<DatasetRecord> records;
    private Path imported;
    /** The parse running in the background, and how many were started (a result of an older one is dropped). */
    private Job parsing;
    private int parses;

    public ImportDatasetDialog(Shell parent) {
        super(parent, TITLE, new Point(1000, 640));
    }

    @Override
    protected Control createDialogArea(Composite parent) {
        Composite area = (Composite) super.createDialogArea(parent);
        setTitle("Import a JSONL dataset of prompts and labels");
        Composite form = new Composite(area, SWT.NONE);
        form.setLayoutData(new GridData(SWT.FILL, SWT.FILL, true, true));
        form.setLayout(new GridLayout(3, false));
        file = new PathField(form, "Dataset file:", "file", false, new String[] {"*.jsonl", "*"}, this::validate);
        summaryLabel = new Label(form, SWT.WRAP);
        GridData wide = new GridData(SWT.FILL, SWT.TOP, true, false, 3, 1);
        wide.widthHint = 600;
        summaryLabel.setLayoutData(wide);
        summaryLabel.setData(PathField.KEY, "summary");
        preview = new Table(form, SWT.BORDER | SWT.FULL_SELECTION | SWT.V_SCROLL | SWT.H_SCROLL);
        preview.setLayoutData(new GridData(SWT.FILL, SWT.FILL, true, true, 3, 1));
        preview.setHeaderVisible(true);
        preview.setLinesVisible(true);
        return area;
    }

    @Override
    protected void createButtonsForButtonBar(Composite parent) {
        createButton(parent, IDialogConstants.OK_ID, "Import", true);
        createButton(parent, IDialogConstants.CANCEL_ID, IDialogConstants.CANCEL_LABEL, false);
        validate();
    }

    /**
     * Checks the chosen file: a large dataset is parsed in a job, and the preview fills when it is read (a newer
     * choice wins over a parse still running).
     */
    private void validate() {
        Path chosen = file == null ? null : file.path();
        records = null;
        int serial = ++parses;
        if (parsing != null) {
            parsing.cancel();
            parsing = null;
        }
        if (chosen == null || !Files.isRegularFile(chosen)) {
            show(chosen, null, chosen == null ? "Choose a JSONL file: one JSON object per line with \"id\", \"text\", "
                    + "\"labels\" (with \"answer\"), optional \"group\", \"pair\" and \"answer_marker\"."
                    : chosen + " is not a file.");
            return;
        }
        showPreview();
        setErrorMessage(null);
        setMessage(READING + chosen + "...", IMessageProvider.INFORMATION);
        enableImport(false);
        Display display = getShell().getDisplay();
        Job job = Job.create("Reading " + chosen.getFileName(), (IProgressMonitor monitor) -> {
            List<DatasetRecord> read = null;
            String problem = null;
            try {
                read = DatasetParser.parse(chosen);
            } catch (IOException | RuntimeException e) {
                problem = e.getMessage(); // the parser names file:line and the problem
            }
            List<DatasetRecord> result = read;
            String why = problem;
            display.asyncExec(() -> {
                if (serial == parses && preview != null && !preview.isDisposed()) {
                    parsing = null;
                    show(chosen, result, why);
                }
            });
            return Status.OK_STATUS;
        });
        job.setSystem(true);
        parsing = job;
        job.schedule();
    }

    /** Shows what reading {@code chosen} gave: its records, or why not. */
    private void show(Path chosen, List<DatasetRecord> read, String problem) {
        records = read;
        showPreview();
        if (chosen == null) {
            setErrorMessage(null);
            setMessage(problem, IMessageProvider.INFORMATION);
        } else {
            setErrorMessage(problem);
            setMessage(records == null ? null : "Import it, then capture it through a model with "
                    + "\"Capture Activations...\" (the store tokenises it with that model).");
        }
        enableImport(problem == null && records != null);
    }

    private void enableImport(boolean enabled) {
        Button ok = getButton(IDialogConstants.OK_ID);
        if (ok != null) {
            ok.setEnabled(enabled);
        }
    }

    /** What the file holds, in one paragraph (or empty). */
    static String summary(List<DatasetRecord> records) {
        Set<String> groups = records.stream().map(DatasetRecord::group).collect(Collectors.toSet());
        long pairs = records.stream().map(DatasetRecord::pair).filter(p -> p != null).distinct().count();
        Map<String, Set<String>> labels = new TreeMap<>();
        for (DatasetRecord record : records) {
            record.labels().forEach((k, v) -> labels.computeIfAbsent(k, x -> new LinkedHashSet<>()).add(v));
        }
        String labelText = labels.entrySet().stream().map(e -> e.getKey() + " ("
                + (e.getValue().size() <= 6 ? String.join(", ", e.getValue()) : e.getValue().size() + " values") + ")")
                .collect(Collectors.joining("; "));
        Set<String> markers = records.stream().map(DatasetRecord::answerMarker).collect(Collectors.toCollection(
                LinkedHashSet::new));
        return records.size() + " prompts, " + groups.size() + " groups, " + pairs + " contrast pairs; labels: "
                + labelText + "; answer marker " + markers.stream().map(m -> "'" + m + "'")
                        .collect(Collectors.joining(", "));
    }

    private void showPreview() {
        if (preview == null) {
            return;
        }
        preview.removeAll();
        for (TableColumn column : preview.getColumns()) {
            column.dispose();
        }
        if (records == null) {
            summaryLabel.setText("");
            return;
        }
        summaryLabel.setText(summary(records));
        Set<String> labelKeys = new LinkedHashSet<>();
        records.forEach(r -> labelKeys.addAll(r.labels().keySet()));
        List<String> headers = new java.util.ArrayList<>(List.of("id", "text"));
        headers.addAll(labelKeys);
        headers.add("group");
        headers.add("pair");
        for (String header : headers) {
            new TableColumn(preview, SWT.LEFT).setText(header);
        }
        for (DatasetRecord record : records.subList(0, Math.min(PREVIEW_ROWS, records.size()))) {
            TableItem item = new TableItem(preview, SWT.NONE);
            List<String> cells = new java.util.ArrayList<>(List.of(record.id(), record.text()));
            labelKeys.forEach(k -> cells.add(record.label(k) == null ? "" : record.label(k)));
            cells.add(record.group());
            cells.add(record.pair() == null ? "" : record.pair());
            item.setText(cells.toArray(String[]::new));
        }
        for (TableColumn column : preview.getColumns()) {
            column.pack();
            column.setWidth(Math.min(column.getWidth(), 420));
        }
        summaryLabel.getParent().layout();
    }

    @Override
    public boolean close() {
        if (parsing != null) {
            parsing.cancel();
        }
        return super.close();
    }

    @Override
    protected void okPressed() {
        if (records == null) {
            return; // still reading, or the file is not a dataset: Import is disabled
        }
        imported = file.path();
        WorkbenchDatasets.add(imported);
        super.okPressed();
    }

    /** The file imported, after Import. */
    public Path imported() {
        return imported;
    }
}
