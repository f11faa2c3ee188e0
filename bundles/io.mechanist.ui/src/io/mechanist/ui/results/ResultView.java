package io.mechanist.ui.results;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.IStatus;
import org.eclipse.core.runtime.Status;
import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.swt.SWT;
import org.eclipse.swt.custom.CTabFolder;
import org.eclipse.swt.custom.CTabItem;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.FileDialog;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Spinner;
import org.eclipse.swt.widgets.Table;
import org.eclipse.swt.widgets.TableColumn;
import org.eclipse.swt.widgets.TableItem;
import org.eclipse.ui.IMemento;
import org.eclipse.ui.IViewSite;
import org.eclipse.ui.PartInitException;
import org.eclipse.ui.part.ViewPart;

import io.mechanist.core.analysis.AnalysisDescriptor;
import io.mechanist.core.analysis.AnalysisOutput;
import io.mechanist.core.analysis.AnalysisRegistry;
import io.mechanist.core.analysis.OutputSpec;
import io.mechanist.core.analysis.StoredResult;
import io.mechanist.store.ActivationStore;
import io.mechanist.store.StoredResults;
import io.mechanist.ui.charts.XYChartViewer;
import io.mechanist.ui.store.OpenStores;

/**
 * Any stored analysis result, built-in or plug-in, laid out from what its analysis declares: a summary (inputs,
 * parameters, notes, versions), each table as a sortable table, each array as a line chart (one axis) or a heatmap
 * of its last two axes with a spinner per leading axis, and CSV export of the tab shown. Views bound to an analysis
 * show it first; this is the view every result has. It reads through {@link StoredResults}, not the store's model,
 * and remembers the result it shows across restarts.
 */
public class ResultView extends ViewPart {

    public static final String ID = "io.mechanist.ui.results.ResultView";
    /** Widget data key: the output id (or {@link #SUMMARY}) of each tab's main control. */
    public static final String OUTPUT_KEY = "io.mechanist.ui.result.output";
    /** The summary tab's key and title. */
    public static final String SUMMARY = "Summary";
    /** The row index column every table tab starts with (so a sorted table still names its stored rows). */
    public static final String ROW = "#";

    /** Significant digits of a number in a table cell. */
    static final int SIGNIFICANT = 6;

    private Composite parent;
    private Label title;
    private CTabFolder tabs;
    private Button exportCsv;
    private Button exportPng;
    /** What draws each array tab (a chart or a heatmap), by output id: what Export PNG writes. */
    private final Map<String, Object> pictures = new LinkedHashMap<>();
    private Path storeFolder;
    private String resultId;
    private StoredResult result;
    private final Map<String, AnalysisOutput.ArrayData> arrays = new LinkedHashMap<>();
    private final Map<String, int[]> slices = new LinkedHashMap<>();
    private IMemento restoredFrom;
    /** Stops waiting for the store of the restored result; null when not waiting. */
    private Runnable restoreWait;

    @Override
    public void init(IViewSite site, IMemento memento) throws PartInitException {
        super.init(site, memento);
        restoredFrom = memento;
    }

    @Override
    public void saveState(IMemento memento) {
        if (storeFolder != null && resultId != null) {
            memento.putString("store", storeFolder.toString());
            memento.putString("result", resultId);
        } else if (restoreWait != null) { // still waiting for the store of the restored result: keep it
            memento.putString("store", restoredFrom.getString("store"));
            memento.putString("result", restoredFrom.getString("result"));
        }
    }

    @Override
    public void createPartControl(Composite composite) {
        parent = composite;
        parent.setLayout(new GridLayout(3, false));
        title = new Label(parent, SWT.WRAP);
        title.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));
        title.setText("Open an analysis result: right-click it in the Store Navigator > Open in Result View.");
        exportCsv = new Button(parent, SWT.PUSH);
        exportCsv.setText("Export CSV...");
        exportCsv.setEnabled(false);
        exportCsv.addListener(SWT.Selection, e -> chooseCsv());
        exportPng = new Button(parent, SWT.PUSH);
        exportPng.setText("Export PNG...");
        exportPng.setEnabled(false);
        exportPng.addListener(SWT.Selection, e -> choosePng());
        tabs = new CTabFolder(parent, SWT.BORDER | SWT.TOP);
        tabs.setLayoutData(new GridData(SWT.FILL, SWT.FILL, true, true, 3, 1));
        tabs.addListener(SWT.Selection, e -> exportPng.setEnabled(pictures.containsKey(shownOutput())));
        if (restoredFrom != null && restoredFrom.getString("store") != null) {
            Path folder = Path.of(restoredFrom.getString("store"));
            String id = restoredFrom.getString("result");
            // The store may still be opening after a restart: show the result when it is open.
            title.setText("Result " + id + " of the store " + folder + " is shown when the store is open.");
            restoreWait = OpenStores.instance().whenOpen(folder, tabs.getDisplay(), () -> {
                restoreWait = null;
                if (!tabs.isDisposed() && resultId == null) {
                    show(folder, id);
                }
            });
        }
    }

    @Override
    public void dispose() {
        if (restoreWait != null) {
            restoreWait.run();
        }
        super.dispose();
    }

    @Override
    public void setFocus() {
        tabs.setFocus();
    }

    /** Reads result {@code id} of the open store in {@code folder} in a job, then shows it. */
    public void show(Path folder, String id) {
        storeFolder = folder.toAbsolutePath().normalize();
        resultId = id;
        title.setText("Reading " + id + "...");
        Job.create("Reading result " + id, (IProgressMonitor monitor) -> {
            ActivationStore store = OpenStores.instance().store(storeFolder);
            StoredResult read;
            Map<String, AnalysisOutput.ArrayData> numbers = new LinkedHashMap<>();
            String problem = null;
            try {
                if (store == null) {
                    throw new IOException("the store " + storeFolder + " is not open");
                }
                StoredResults reader = new StoredResults(store);
                read = reader.result(id);
                for (StoredResult.ArrayInfo array : read.arrays()) {
                    numbers.put(array.name(), reader.array(id, array.name()));
                }
            } catch (IOException | RuntimeException e) {
                read = null;
                problem = "Cannot read result " + id + " of " + storeFolder + ": " + e.getMessage();
            }
            StoredResult shown = read;
            String message = problem;
            if (!tabs.isDisposed()) {
                tabs.getDisplay().asyncExec(() -> display(shown, numbers, message));
            }
            return Status.OK_STATUS;
        }).schedule();
    }

    /** The result shown, or null. */
    public StoredResult result() {
        return result;
    }

    /** The tab titles, in order. */
    public List<String> tabTitles() {
        return Arrays.stream(tabs.getItems()).map(CTabItem::getText).toList();
    }

    private void display(StoredResult read, Map<String, AnalysisOutput.ArrayData> numbers, String problem) {
        if (tabs.isDisposed()) {
            return;
        }
        for (CTabItem item : tabs.getItems()) {
            item.getControl().dispose();
            item.dispose();
        }
        arrays.clear();
        slices.clear();
        pictures.clear();
        result = read;
        if (read == null) {
            title.setText(problem);
            exportCsv.setEnabled(false);
            parent.layout();
            return;
        }
        arrays.putAll(numbers);
        AnalysisDescriptor descriptor = AnalysisRegistry.fromPlatform().find(read.analysisId()).orElse(null);
        title.setText((descriptor == null ? read.analysisId() : descriptor.name()) + "  \u2013  " + read.id()
                + "  (" + storeFolder.getFileName() + ")");
        setPartName("Result: " + (descriptor == null ? read.id() : descriptor.name()));
        summaryTab(read, descriptor);
        // Declared outputs first, in declaration order; anything stored but undeclared after them.
        List<String> order = new ArrayList<>();
        if (descriptor != null) {
            descriptor.outputs().stream().filter(o -> o.kind() != OutputSpec.Kind.VECTOR).map(OutputSpec::id)
                    .forEach(order::add);
        }
        read.tables().stream().map(AnalysisOutput.Table::name).filter(n -> !order.contains(n)).forEach(order::add);
        read.arrays().stream().map(StoredResult.ArrayInfo::name).filter(n -> !order.contains(n)).forEach(order::add);
        for (String name : order) {
            OutputSpec spec = descriptor == null ? null : descriptor.output(name);
            String tabTitle = spec == null ? name : spec.name();
            String tip = spec == null ? name : spec.id() + (spec.description().isEmpty() ? "" : ": " + spec.description());
            if (read.table(name) != null) {
                tableTab(read.table(name), tabTitle, tip);
            } else if (arrays.containsKey(name)) {
                arrayTab(arrays.get(name), tabTitle, tip);
            }
        }
        tabs.setSelection(tabs.getItemCount() > 1 ? 1 : 0);
        exportCsv.setEnabled(true);
        exportPng.setEnabled(pictures.containsKey(shownOutput()));
        parent.layout(true, true);
    }

    private CTabItem tab(String text, String tip, Control control, String outputId) {
        CTabItem item = new CTabItem(tabs, SWT.NONE);
        item.setText(text);
        item.setToolTipText(tip);
        item.setData(OUTPUT_KEY, outputId);
        control.setData(OUTPUT_KEY, outputId);
        item.setControl(control);
        return item;
    }

    private void summaryTab(StoredResult read, AnalysisDescriptor descriptor) {
        Table table = new Table(tabs, SWT.BORDER | SWT.FULL_SELECTION | SWT.V_SCROLL | SWT.H_SCROLL);
        table.setHeaderVisible(true);
        table.setLinesVisible(true);
        new TableColumn(table, SWT.LEFT).setText("Property");
        new TableColumn(table, SWT.LEFT).setText("Value");
        List<String[]> rows = new ArrayList<>();
        rows.add(new String[] {"Analysis", read.analysisId()});
        if (descriptor != null && !descriptor.contributor().isEmpty()) {
            rows.add(new String[] {"Contributed by", descriptor.contributor()});
        }
        rows.add(new String[] {"Result", read.id()});
        rows.add(new String[] {"Store", storeFolder.toString()});
        if (read.createdAt() != null) {
            rows.add(new String[] {"Created", read.createdAt().toString()});
        }
        if (!read.inputCaptures().isEmpty()) {
            rows.add(new String[] {"Input captures", String.join(", ", read.inputCaptures())});
        }
        if (!read.inputVectors().isEmpty()) {
            rows.add(new String[] {"Input vectors", String.join(", ", read.inputVectors())});
        }
        if (!read.producedVectors().isEmpty()) {
            rows.add(new String[] {"Produced vectors", String.join(", ", read.producedVectors())});
        }
        new java.util.TreeMap<>(read.parameters()).forEach((k, v) -> rows.add(new String[] {"parameter " + k, v}));
        new java.util.TreeMap<>(read.notes()).forEach((k, v) -> rows.add(new String[] {"note " + k, v}));
        new java.util.TreeMap<>(read.versions()).forEach((k, v) -> rows.add(new String[] {"version " + k, v}));
        for (String[] row : rows) {
            new TableItem(table, SWT.NONE).setText(row);
        }
        for (TableColumn column : table.getColumns()) {
            column.pack();
            column.setWidth(Math.min(column.getWidth(), 700));
        }
        tab(SUMMARY, "What ran, on what, with which parameters", table, SUMMARY);
    }

    private void tableTab(AnalysisOutput.Table data, String tabTitle, String tip) {
        Table table = new Table(tabs, SWT.BORDER | SWT.FULL_SELECTION | SWT.V_SCROLL | SWT.H_SCROLL | SWT.VIRTUAL);
        table.setHeaderVisible(true);
        table.setLinesVisible(true);
        Integer[] order = new Integer[data.rowCount()];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        List<String> headers = new ArrayList<>();
        headers.add(ROW);
        data.columns().forEach(c -> headers.add(c.unit().isEmpty() ? c.name() : c.name() + " [" + c.unit() + "]"));
        for (int c = 0; c < headers.size(); c++) {
            TableColumn column = new TableColumn(table, c == 1 || c > 0 && data.columns().get(c - 1).texts() != null
                    ? SWT.LEFT : SWT.RIGHT);
            column.setText(headers.get(c));
            int columnIndex = c;
            column.addListener(SWT.Selection, e -> sort(table, data, order, columnIndex, column));
        }
        table.addListener(SWT.SetData, e -> {
            TableItem item = (TableItem) e.item;
            int row = order[table.indexOf(item)];
            String[] texts = new String[headers.size()];
            texts[0] = Integer.toString(row);
            for (int c = 0; c < data.columns().size(); c++) {
                AnalysisOutput.Column column = data.columns().get(c);
                texts[c + 1] = cellText(column, row);
            }
            item.setText(texts);
        });
        table.setItemCount(data.rowCount());
        fitColumns(table, headers, data);
        tab(tabTitle + " (" + data.rowCount() + " rows)", tip, table, data.name());
    }

    /** Sizes each column to its header and the widest of its first rows (a virtual table cannot pack). */
    private static void fitColumns(Table table, List<String> headers, AnalysisOutput.Table data) {
        org.eclipse.swt.graphics.GC gc = new org.eclipse.swt.graphics.GC(table);
        try {
            int sample = Math.min(data.rowCount(), 200);
            for (int c = 0; c < headers.size(); c++) {
                int width = gc.textExtent(headers.get(c)).x + 28;
                for (int row = 0; row < sample; row++) {
                    String text = c == 0 ? Integer.toString(row) : cellText(data.columns().get(c - 1), row);
                    width = Math.max(width, gc.textExtent(text).x + 16);
                }
                table.getColumn(c).setWidth(Math.min(width, 360));
            }
        } finally {
            gc.dispose();
        }
    }

    private static String cellText(AnalysisOutput.Column column, int row) {
        return column.texts() != null ? column.texts()[row] : display(column.numbers()[row]);
    }

    /**
     * A number as a table cell shows it: whole numbers as they are, others to {@value #SIGNIFICANT} significant
     * digits (Export CSV keeps every digit).
     */
    public static String display(double value) {
        if (Double.isNaN(value) || Double.isInfinite(value)) {
            return Double.toString(value);
        }
        if (value == Math.rint(value) && Math.abs(value) < 1e15) {
            return Long.toString((long) value);
        }
        java.math.BigDecimal rounded = new java.math.BigDecimal(value)
                .round(new java.math.MathContext(SIGNIFICANT)).stripTrailingZeros();
        double magnitude = Math.abs(value);
        return magnitude >= 1e-4 && magnitude < 1e7 ? rounded.toPlainString()
                : rounded.toString().toLowerCase(Locale.ROOT);
    }

    /** Sorts the rows by a column (ascending, again for descending), numbers by value, texts alphabetically. */
    private static void sort(Table table, AnalysisOutput.Table data, Integer[] order, int columnIndex,
            TableColumn column) {
        boolean ascending = table.getSortColumn() != column || table.getSortDirection() != SWT.UP;
        java.util.Comparator<Integer> by;
        if (columnIndex == 0) {
            by = Integer::compare;
        } else {
            AnalysisOutput.Column c = data.columns().get(columnIndex - 1);
            by = c.texts() != null ? java.util.Comparator.comparing((Integer r) -> c.texts()[r])
                    : (a, b) -> Double.compare(c.numbers()[a], c.numbers()[b]);
        }
        Arrays.sort(order, ascending ? by : by.reversed());
        table.setSortColumn(column);
        table.setSortDirection(ascending ? SWT.UP : SWT.DOWN);
        table.clearAll();
    }

    private void arrayTab(AnalysisOutput.ArrayData array, String tabTitle, String tip) {
        int rank = array.shape().length;
        String shape = String.join(" \u00d7 ", java.util.stream.IntStream.range(0, rank)
                .mapToObj(d -> array.axes().get(d) + " " + array.shape()[d]).toList());
        Composite holder = new Composite(tabs, SWT.NONE);
        holder.setLayout(new GridLayout(1, false));
        Label about = new Label(holder, SWT.WRAP);
        about.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));
        about.setText("[" + shape + "]" + (tip.isEmpty() ? "" : "  \u2013  " + tip));
        if (rank <= 1) {
            XYChartViewer chart = new XYChartViewer(holder, SWT.NONE);
            chart.control().setLayoutData(new GridData(SWT.FILL, SWT.FILL, true, true));
            int n = rank == 0 ? 1 : array.shape()[0];
            List<String> categories = java.util.stream.IntStream.range(0, n).mapToObj(Integer::toString).toList();
            double[] y = new double[n];
            for (int i = 0; i < n; i++) {
                y[i] = array.values()[i];
            }
            chart.setLines(categories, List.of(new XYChartViewer.Line(array.name(), array.name(), y, null, null,
                    new org.eclipse.swt.graphics.RGB(31, 119, 180), org.eclipse.swtchart.LineStyle.SOLID, 2)));
            chart.setAxisTitles(rank == 0 ? "" : array.axes().get(0), array.name());
            chart.control().setData(OUTPUT_KEY, array.name());
            pictures.put(array.name(), chart);
        } else {
            int leading = rank - 2;
            int[] slice = new int[leading];
            slices.put(array.name(), slice);
            ArrayHeatmap heatmap = new ArrayHeatmap(holder);
            if (leading > 0) {
                Composite pickers = new Composite(holder, SWT.NONE);
                pickers.setLayout(new GridLayout(2 * leading, false));
                for (int d = 0; d < leading; d++) {
                    new Label(pickers, SWT.NONE).setText(array.axes().get(d) + ":");
                    Spinner spinner = new Spinner(pickers, SWT.BORDER);
                    spinner.setMinimum(0);
                    spinner.setMaximum(Math.max(0, array.shape()[d] - 1));
                    spinner.setData(OUTPUT_KEY, array.name() + "." + array.axes().get(d));
                    int axis = d;
                    spinner.addListener(SWT.Modify, e -> {
                        slice[axis] = spinner.getSelection();
                        showSlice(heatmap, array, slice);
                    });
                }
                pickers.moveAbove(heatmap);
            }
            heatmap.setLayoutData(new GridData(SWT.FILL, SWT.FILL, true, true));
            heatmap.setData(OUTPUT_KEY, array.name());
            pictures.put(array.name(), heatmap);
            showSlice(heatmap, array, slice);
        }
        tab(tabTitle, tip, holder, array.name());
    }

    private static void showSlice(ArrayHeatmap heatmap, AnalysisOutput.ArrayData array, int[] leadingIndex) {
        int rank = array.shape().length;
        int rows = array.shape()[rank - 2];
        int columns = array.shape()[rank - 1];
        int offset = 0;
        for (int d = 0; d < rank - 2; d++) {
            offset = offset * array.shape()[d] + leadingIndex[d];
        }
        offset *= rows * columns;
        heatmap.setData(array.axes().get(rank - 2), array.axes().get(rank - 1), rows, columns,
                Arrays.copyOfRange(array.values(), offset, offset + rows * columns));
    }

    private void chooseCsv() {
        CTabItem item = tabs.getSelection();
        if (item == null || result == null) {
            return;
        }
        FileDialog dialog = new FileDialog(tabs.getShell(), SWT.SAVE);
        dialog.setOverwrite(true);
        dialog.setFilterExtensions(new String[] {"*.csv"});
        dialog.setFileName(result.id() + "-" + item.getData(OUTPUT_KEY) + ".csv");
        String file = dialog.open();
        if (file != null) {
            try {
                exportCsv((String) item.getData(OUTPUT_KEY), Path.of(file));
            } catch (IOException e) {
                org.eclipse.jface.dialogs.MessageDialog.openError(tabs.getShell(), "Export CSV",
                        "Cannot write " + file + ": " + e.getMessage());
            }
        }
    }

    /** The output id of the tab shown, or null. */
    private String shownOutput() {
        CTabItem item = tabs.getSelection();
        return item == null ? null : (String) item.getData(OUTPUT_KEY);
    }

    private void choosePng() {
        String output = shownOutput();
        if (output == null || !pictures.containsKey(output)) {
            return;
        }
        FileDialog dialog = new FileDialog(tabs.getShell(), SWT.SAVE);
        dialog.setOverwrite(true);
        dialog.setFilterExtensions(new String[] {"*.png"});
        dialog.setFileName(result.id() + "-" + output + ".png");
        String file = dialog.open();
        if (file != null) {
            try {
                exportPng(output, Path.of(file));
            } catch (IOException e) {
                org.eclipse.jface.dialogs.MessageDialog.openError(tabs.getShell(), "Export PNG", e.getMessage());
            }
        }
    }

    /** Writes the picture of array {@code outputId} as shown (the chart, or the heatmap's current slice) as PNG. */
    public void exportPng(String outputId, Path file) throws IOException {
        Object picture = pictures.get(outputId);
        if (picture instanceof XYChartViewer chart) {
            chart.exportPng(file);
        } else if (picture instanceof ArrayHeatmap heatmap) {
            heatmap.exportPng(file);
        } else {
            throw new IllegalArgumentException("the result has no array '" + outputId + "' to draw");
        }
    }

    /** Writes output {@code outputId} (a table or an array; the summary as a two-column table) as CSV. */
    public void exportCsv(String outputId, Path file) throws IOException {
        if (SUMMARY.equals(outputId)) {
            Map<String, String> all = new LinkedHashMap<>();
            all.put("analysis", result.analysisId());
            all.put("result", result.id());
            result.parameters().forEach((k, v) -> all.put("parameter " + k, v));
            result.notes().forEach((k, v) -> all.put("note " + k, v));
            ResultCsv.write(new AnalysisOutput.Table(SUMMARY, List.of(
                    AnalysisOutput.texts("property", all.keySet().toArray(String[]::new)),
                    AnalysisOutput.texts("value", all.values().toArray(String[]::new)))), file);
        } else if (result.table(outputId) != null) {
            ResultCsv.write(result.table(outputId), file);
        } else if (arrays.containsKey(outputId)) {
            ResultCsv.write(arrays.get(outputId), file);
        } else {
            throw new IllegalArgumentException("the result has no table or array '" + outputId + "'");
        }
    }

    /** Where the result came from (for a restart's restore and tests). */
    public Path storeFolder() {
        return storeFolder;
    }
}
