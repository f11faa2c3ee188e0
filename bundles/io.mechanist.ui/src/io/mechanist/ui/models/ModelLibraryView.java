package io.mechanist.ui.models;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.ArrayList;
import java.util.List;

import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.Status;
import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.core.runtime.preferences.IEclipsePreferences.IPreferenceChangeListener;
import org.eclipse.jface.layout.TableColumnLayout;
import org.eclipse.jface.viewers.ArrayContentProvider;
import org.eclipse.jface.viewers.ColumnLabelProvider;
import org.eclipse.jface.viewers.ColumnViewerToolTipSupport;
import org.eclipse.jface.viewers.ColumnWeightData;
import org.eclipse.jface.viewers.TableViewer;
import org.eclipse.jface.viewers.TableViewerColumn;
import org.eclipse.jface.window.Window;
import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.GC;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Label;

import io.mechanist.runtime.reference.FidelityCheck;
import io.mechanist.ui.preferences.MechanistPreferences;
import io.mechanist.ui.workflow.AddModelDialog;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;

/**
 * The checkpoint folders found under the model folders of the preferences, with what each config.json says and
 * whether Mechanist can load it. Scanning runs in a job; the UI thread only fills the table.
 */
public class ModelLibraryView {

    public static final String ID = "io.mechanist.ui.models.ModelLibraryView";
    /** The text of the button that opens {@link AddModelDialog}. */
    public static final String ADD_MODEL = "Add Model...";
    /** The text of the button that runs the fidelity check of the selected checkpoint. */
    public static final String VERIFY = "Verify";
    /** The title of the column with the fidelity verdicts. */
    public static final String FIDELITY = "Fidelity";
    /** What the Fidelity column says while a check runs. */
    public static final String VERIFYING = "verifying...";

    private TableViewer viewer;
    private Label summary;
    /** The fidelity verdicts of this session, by checkpoint folder. */
    private final Map<Path, String> fidelity = new ConcurrentHashMap<>();
    private final IPreferenceChangeListener preferenceListener = event -> refresh();

    @PostConstruct
    public void createPartControl(Composite parent) {
        parent.setLayout(new GridLayout(4, false));
        Button add = new Button(parent, SWT.PUSH);
        add.setText(ADD_MODEL);
        add.setToolTipText("Add a Hugging Face checkpoint folder (config.json, *.safetensors, tokenizer.json)");
        add.addListener(SWT.Selection, e -> {
            if (new AddModelDialog(add.getShell()).open() == Window.OK) {
                refresh();
            }
        });
        Button verify = new Button(parent, SWT.PUSH);
        verify.setText(VERIFY);
        verify.setToolTipText("Compare the selected checkpoint's forward pass with an independent double-precision "
                + "reference at every hook site (a background job; the result shows in the Fidelity column)");
        verify.addListener(SWT.Selection, e -> verifySelected());
        Button refresh = new Button(parent, SWT.PUSH);
        refresh.setText("Refresh");
        refresh.addListener(SWT.Selection, e -> refresh());
        new Label(parent, SWT.NONE).setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));
        summary = new Label(parent, SWT.WRAP);
        GridData summaryData = new GridData(SWT.FILL, SWT.CENTER, true, false, 4, 1);
        summaryData.widthHint = 200; // wraps instead of widening the view
        summary.setLayoutData(summaryData);
        summary.setText("Scanning model folders...");

        Composite tableHolder = new Composite(parent, SWT.NONE);
        tableHolder.setLayoutData(new GridData(SWT.FILL, SWT.FILL, true, true, 4, 1));
        TableColumnLayout columns = new TableColumnLayout();
        tableHolder.setLayout(columns);
        viewer = new TableViewer(tableHolder, SWT.FULL_SELECTION | SWT.BORDER | SWT.V_SCROLL | SWT.H_SCROLL);
        viewer.getTable().setHeaderVisible(true);
        viewer.getTable().setLinesVisible(true);
        viewer.setContentProvider(ArrayContentProvider.getInstance());
        ColumnViewerToolTipSupport.enableFor(viewer);
        column(columns, "Model", 3, s -> s.folder().getFileName().toString());
        column(columns, "Architecture", 3, CheckpointSummary::architecture);
        column(columns, "Layers", 1, s -> Integer.toString(s.layers()));
        column(columns, "d_model", 1, s -> Integer.toString(s.dModel()));
        column(columns, "Heads", 1, s -> Integer.toString(s.heads()));
        column(columns, "Vocab", 1, s -> Integer.toString(s.vocab()));
        column(columns, "dtype", 1, CheckpointSummary::dtype);
        column(columns, "Weights", 2, s -> megabytes(s.weightBytes()));
        column(columns, "Status", 3, CheckpointSummary::status);
        column(columns, FIDELITY, 6, s -> fidelity.getOrDefault(s.folder(), "not verified"));

        MechanistPreferences.node().addPreferenceChangeListener(preferenceListener);
        refresh();
    }

    private void column(TableColumnLayout layout, String title, int weight,
            java.util.function.Function<CheckpointSummary, String> text) {
        TableViewerColumn column = new TableViewerColumn(viewer, SWT.LEFT);
        column.getColumn().setText(title);
        column.setLabelProvider(new ColumnLabelProvider() {
            @Override
            public String getText(Object element) {
                return text.apply((CheckpointSummary) element);
            }

            @Override
            public String getToolTipText(Object element) {
                return text.apply((CheckpointSummary) element); // the whole text where the cell is narrow
            }
        });
        // A narrow view scrolls sideways rather than cutting short words to a few letters: a column is never
        // narrower than its header and the widest short value it holds (sizes, counts, dtypes).
        GC gc = new GC(viewer.getTable());
        int minimum = Math.max(gc.textExtent(title).x, gc.textExtent(WIDEST_SHORT_VALUE).x) + CELL_PADDING;
        gc.dispose();
        layout.setColumnData(column.getColumn(), new ColumnWeightData(weight, Math.max(minimum, 40 * weight)));
    }

    /** The widest value of the short columns ("Weights" of a 100 GB checkpoint), and a cell's margins. */
    private static final String WIDEST_SHORT_VALUE = "99999.9 MB";
    private static final int CELL_PADDING = 24;

    private static String megabytes(long bytes) {
        return bytes == 0 ? "-" : String.format("%.1f MB", bytes / 1e6);
    }

    /** Rescans the model folders in a background job. */
    public void refresh() {
        List<Path> roots = MechanistPreferences.modelFolders();
        Job.create("Scanning model folders", (IProgressMonitor monitor) -> {
            List<CheckpointSummary> rows = new ArrayList<>();
            monitor.beginTask("Scanning model folders", roots.size());
            for (Path root : roots) {
                if (monitor.isCanceled()) {
                    return Status.CANCEL_STATUS;
                }
                rows.addAll(CheckpointSummary.scan(root));
                monitor.worked(1);
            }
            if (viewer != null && !viewer.getControl().isDisposed()) {
                viewer.getControl().getDisplay().asyncExec(() -> show(roots, rows));
            }
            return Status.OK_STATUS;
        }).schedule();
    }

    private void show(List<Path> roots, List<CheckpointSummary> rows) {
        if (viewer.getControl().isDisposed()) {
            return;
        }
        viewer.setInput(rows);
        summary.setText(rows.size() + " checkpoint folder(s) in " + roots.size() + " model folder(s)");
        summary.setToolTipText(String.join("\n", roots.stream().map(Path::toString).toList()));
        summary.getParent().layout();
    }

    /** Runs the fidelity check of the selected checkpoint as a job; its verdict fills the Fidelity column. */
    private void verifySelected() {
        Object element = viewer.getStructuredSelection().getFirstElement();
        if (!(element instanceof CheckpointSummary checkpoint)) {
            summary.setText("Select a checkpoint to verify.");
            return;
        }
        if (!checkpoint.ready()) {
            fidelity.put(checkpoint.folder(), "cannot verify: " + checkpoint.status());
            viewer.refresh();
            return;
        }
        fidelity.put(checkpoint.folder(), VERIFYING);
        viewer.refresh();
        Job job = Job.create("Verifying " + checkpoint.folder().getFileName(), (IProgressMonitor monitor) -> {
            String verdict;
            try {
                verdict = verdict(FidelityCheck.run(checkpoint.folder(), FidelityCheck.DEFAULT_PROMPT),
                        FidelityCheck.DEFAULT_TOLERANCE);
            } catch (IOException | RuntimeException e) {
                verdict = "cannot verify: " + e.getMessage();
            }
            fidelity.put(checkpoint.folder(), verdict);
            if (!viewer.getControl().isDisposed()) {
                viewer.getControl().getDisplay().asyncExec(() -> {
                    if (!viewer.getControl().isDisposed()) {
                        viewer.refresh();
                    }
                });
            }
            return Status.OK_STATUS;
        });
        job.setUser(true);
        job.schedule();
    }

    /** What the Fidelity column says of a report: pass or FAIL, the worst difference and where. */
    static String verdict(FidelityCheck.Report report, double tolerance) {
        Map.Entry<String, Double> worst = report.maxAbsDifference().entrySet().stream()
                .max(Map.Entry.comparingByValue()).orElseThrow();
        return String.format("%s, max |diff| %.1e at %s (%d sites, tolerance %.0e)",
                worst.getValue() <= tolerance ? "pass" : "FAIL", worst.getValue(), worst.getKey(),
                report.maxAbsDifference().size(), tolerance);
    }

    /** The rows on screen (for tests). */
    public List<CheckpointSummary> rows() {
        Object input = viewer.getInput();
        @SuppressWarnings("unchecked")
        List<CheckpointSummary> rows = input instanceof List<?> list ? (List<CheckpointSummary>) list : List.of();
        return rows;
    }

    @PreDestroy
    public void dispose() {
        MechanistPreferences.node().removePreferenceChangeListener(preferenceListener);
    }
}
