package io.mechanist.ui.models;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.Status;
import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.core.runtime.preferences.IEclipsePreferences.IPreferenceChangeListener;
import org.eclipse.jface.layout.TableColumnLayout;
import org.eclipse.jface.viewers.ArrayContentProvider;
import org.eclipse.jface.viewers.ColumnLabelProvider;
import org.eclipse.jface.viewers.ColumnWeightData;
import org.eclipse.jface.viewers.TableViewer;
import org.eclipse.jface.viewers.TableViewerColumn;
import org.eclipse.jface.window.Window;
import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Label;

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

    private TableViewer viewer;
    private Label summary;
    private final IPreferenceChangeListener preferenceListener = event -> refresh();

    @PostConstruct
    public void createPartControl(Composite parent) {
        parent.setLayout(new GridLayout(3, false));
        summary = new Label(parent, SWT.WRAP);
        GridData summaryData = new GridData(SWT.FILL, SWT.CENTER, true, false);
        summaryData.widthHint = 200; // wraps instead of widening the view
        summary.setLayoutData(summaryData);
        summary.setText("Scanning model folders...");
        Button add = new Button(parent, SWT.PUSH);
        add.setText(ADD_MODEL);
        add.setToolTipText("Add a Hugging Face checkpoint folder (config.json, *.safetensors, tokenizer.json)");
        add.addListener(SWT.Selection, e -> {
            if (new AddModelDialog(add.getShell()).open() == Window.OK) {
                refresh();
            }
        });
        Button refresh = new Button(parent, SWT.PUSH);
        refresh.setText("Refresh");
        refresh.addListener(SWT.Selection, e -> refresh());

        Composite tableHolder = new Composite(parent, SWT.NONE);
        tableHolder.setLayoutData(new GridData(SWT.FILL, SWT.FILL, true, true, 3, 1));
        TableColumnLayout columns = new TableColumnLayout();
        tableHolder.setLayout(columns);
        viewer = new TableViewer(tableHolder, SWT.FULL_SELECTION | SWT.BORDER | SWT.V_SCROLL | SWT.H_SCROLL);
        viewer.getTable().setHeaderVisible(true);
        viewer.getTable().setLinesVisible(true);
        viewer.setContentProvider(ArrayContentProvider.getInstance());
        column(columns, "Model", 3, s -> s.folder().getFileName().toString());
        column(columns, "Architecture", 3, CheckpointSummary::architecture);
        column(columns, "Layers", 1, s -> Integer.toString(s.layers()));
        column(columns, "d_model", 1, s -> Integer.toString(s.dModel()));
        column(columns, "Heads", 1, s -> Integer.toString(s.heads()));
        column(columns, "Vocab", 1, s -> Integer.toString(s.vocab()));
        column(columns, "dtype", 1, CheckpointSummary::dtype);
        column(columns, "Weights", 2, s -> megabytes(s.weightBytes()));
        column(columns, "Status", 3, CheckpointSummary::status);

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
        });
        layout.setColumnData(column.getColumn(), new ColumnWeightData(weight, 64));
    }

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
        summary.setText(rows.size() + " checkpoint folder(s) in " + roots);
        summary.getParent().layout();
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
