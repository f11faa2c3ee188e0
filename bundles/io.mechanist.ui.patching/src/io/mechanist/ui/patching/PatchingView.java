package io.mechanist.ui.patching;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Comparator;
import java.util.stream.IntStream;

import org.eclipse.core.runtime.IStatus;
import org.eclipse.core.runtime.Status;
import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.e4.core.di.annotations.Optional;
import org.eclipse.e4.ui.di.UIEventTopic;
import org.eclipse.swt.SWT;
import org.eclipse.swt.custom.SashForm;
import org.eclipse.swt.graphics.GC;
import org.eclipse.swt.graphics.Image;
import org.eclipse.swt.graphics.ImageData;
import org.eclipse.swt.graphics.ImageLoader;
import org.eclipse.swt.graphics.Rectangle;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Combo;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.FileDialog;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Table;
import org.eclipse.swt.widgets.TableColumn;
import org.eclipse.swt.widgets.TableItem;

import io.mechanist.patching.StoredPatching;
import io.mechanist.patching.analysis.PatchingAnalysis;
import io.mechanist.store.ActivationStore;
import io.mechanist.store.StoredResults;
import io.mechanist.ui.events.StoreResultSelection;
import jakarta.annotation.PostConstruct;
import jakarta.inject.Inject;

/**
 * A stored activation patching result: one grid at a time as a heatmap (pick the grid; hover a cell for its value
 * and 95% interval), and for the clicked cell the distribution of its pairs' values with the pairs listed. Exports
 * the grid as PNG or CSV. Opens {@link StoreResultSelection}s of {@value PatchingAnalysis#ID} results.
 */
public class PatchingView {

    public static final String ID = "io.mechanist.ui.patching.PatchingView";
    static final String EMPTY = "No patching result. Run 'Activation patching' on a capture of clean/corrupted pairs,"
            + " then open the result.";

    private Combo grids;
    private Label status;
    private PatchingGridCanvas canvas;
    private PairHistogram histogram;
    private Table pairs;
    private StoredPatching shown;

    @PostConstruct
    public void createPartControl(Composite parent) {
        parent.setLayout(new GridLayout(1, false));
        Composite top = new Composite(parent, SWT.NONE);
        top.setLayout(new GridLayout(4, false));
        top.setLayoutData(new GridData(SWT.FILL, SWT.TOP, true, false));
        grids = new Combo(top, SWT.READ_ONLY);
        grids.addListener(SWT.Selection, e -> showGrid(grids.getSelectionIndex()));
        status = new Label(top, SWT.NONE);
        status.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));
        status.setText(EMPTY);
        Button png = new Button(top, SWT.PUSH);
        png.setText("Export PNG...");
        png.addListener(SWT.Selection, e -> chooseAndExport("*.png"));
        Button csv = new Button(top, SWT.PUSH);
        csv.setText("Export CSV...");
        csv.addListener(SWT.Selection, e -> chooseAndExport("*.csv"));

        SashForm sash = new SashForm(parent, SWT.VERTICAL);
        sash.setLayoutData(new GridData(SWT.FILL, SWT.FILL, true, true));
        canvas = new PatchingGridCanvas(sash, SWT.NONE);
        canvas.onSelect(this::showCell);
        SashForm bottom = new SashForm(sash, SWT.HORIZONTAL);
        histogram = new PairHistogram(bottom, SWT.NONE);
        pairs = new Table(bottom, SWT.BORDER | SWT.FULL_SELECTION);
        pairs.setHeaderVisible(true);
        for (String name : new String[] {"pair", "value", "tokens that differ (clean/corrupted)"}) {
            TableColumn column = new TableColumn(pairs, SWT.LEFT);
            column.setText(name);
            column.setWidth(name.length() > 10 ? 260 : 90);
        }
        bottom.setWeights(3, 2);
        sash.setWeights(3, 2);
    }

    /** The Store Navigator opened an analysis result; only patching results are shown here. */
    @Inject
    @Optional
    void onResult(@UIEventTopic(StoreResultSelection.TOPIC) StoreResultSelection selection) {
        if (selection == null || !PatchingAnalysis.ID.equals(selection.analysisId()) || status == null
                || status.isDisposed()) {
            return;
        }
        status.setText("Loading " + selection.resultId() + "...");
        Job job = Job.create("Loading patching result " + selection.resultId(), monitor -> {
            ActivationStore store = selection.store();
            if (store == null) {
                return Status.error("the store of " + selection.resultId() + " was closed");
            }
            StoredPatching result;
            try {
                result = StoredPatching.read(new StoredResults(store), selection.resultId());
            } catch (IOException | IllegalArgumentException e) {
                asyncStatus(e.getMessage());
                return Status.error(e.getMessage(), e);
            }
            status.getDisplay().asyncExec(() -> {
                if (!status.isDisposed()) {
                    show(result, selection.resultId());
                }
            });
            return org.eclipse.core.runtime.Status.OK_STATUS;
        });
        job.schedule();
    }

    private void asyncStatus(String text) {
        status.getDisplay().asyncExec(() -> {
            if (!status.isDisposed()) {
                status.setText(text);
            }
        });
    }

    /** Shows a read result, its first grid selected. UI thread only. */
    public void show(StoredPatching result, String name) {
        shown = result;
        grids.setItems(result.grids().stream().map(StoredPatching.Grid::title).toArray(String[]::new));
        grids.select(0);
        grids.getParent().layout();
        status.setText(name + ": " + result.pairIds().size() + " pairs; 0 = corrupted, 1 = clean; hover a cell for"
                + " its 95% interval, click it for its pairs");
        showGrid(0);
    }

    /** Shows grid {@code index} of the result. UI thread only. */
    public void showGrid(int index) {
        if (shown == null || index < 0) {
            return;
        }
        grids.select(index);
        canvas.setGrid(shown.grids().get(index));
        histogram.setValues(new float[0], "Click a cell to see its pairs");
        pairs.removeAll();
    }

    private void showCell(int row, int column) {
        StoredPatching.Grid grid = grid();
        float[] values = shown.pairValues(grid, row, column);
        histogram.setValues(values, grid.describe(row, column));
        pairs.removeAll();
        int[] order = IntStream.range(0, values.length).filter(i -> Float.isFinite(values[i])).boxed()
                .sorted(Comparator.comparingDouble(i -> values[i])).mapToInt(Integer::intValue).toArray();
        for (int i : order) {
            TableItem item = new TableItem(pairs, SWT.NONE);
            item.setText(new String[] {shown.pairIds().get(i), String.format(java.util.Locale.ROOT, "%.3f", values[i]),
                shown.differences().get(i)});
        }
    }

    /** The grid shown, or null. */
    public StoredPatching.Grid grid() {
        return shown == null ? null : shown.grids().get(grids.getSelectionIndex());
    }

    public PatchingGridCanvas canvas() {
        return canvas;
    }

    public PairHistogram histogram() {
        return histogram;
    }

    /** The pairs listed for the clicked cell, lowest value first: {pair id, value, tokens that differ}. */
    public String[][] listedPairs() {
        return Arrays.stream(pairs.getItems()).map(i -> new String[] {i.getText(0), i.getText(1), i.getText(2)})
                .toArray(String[][]::new);
    }

    public String statusText() {
        return status.getText();
    }

    private void chooseAndExport(String extension) {
        if (grid() == null) {
            return;
        }
        FileDialog dialog = new FileDialog(status.getShell(), SWT.SAVE);
        dialog.setFilterExtensions(new String[] {extension});
        dialog.setOverwrite(true);
        String file = dialog.open();
        if (file == null) {
            return;
        }
        try {
            if (extension.endsWith("png")) {
                exportPng(Path.of(file));
            } else {
                exportCsv(Path.of(file));
            }
            status.setText("Exported " + file);
        } catch (IOException e) {
            status.setText("Export failed: " + e.getMessage());
        }
    }

    /** Writes the grid shown as CSV (one row per cell, with interval and n). */
    public void exportCsv(Path file) throws IOException {
        Files.writeString(file, grid().csv());
    }

    /** Writes the grid shown as a PNG of 1200 x 420 pixels. UI thread only. */
    public void exportPng(Path file) throws IOException {
        Rectangle area = new Rectangle(0, 0, 1200, 420);
        Image image = new Image(canvas.getDisplay(), area.width, area.height);
        try {
            GC gc = new GC(image);
            try {
                canvas.paint(gc, area);
                gc.setForeground(canvas.getDisplay().getSystemColor(SWT.COLOR_BLACK));
            } finally {
                gc.dispose();
            }
            ImageData data = image.getImageData();
            ImageLoader loader = new ImageLoader();
            loader.data = new ImageData[] {data};
            try (var out = Files.newOutputStream(file)) {
                loader.save(out, SWT.IMAGE_PNG);
            }
        } finally {
            image.dispose();
        }
    }
}
