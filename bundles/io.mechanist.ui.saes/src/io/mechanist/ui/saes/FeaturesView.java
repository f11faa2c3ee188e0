package io.mechanist.ui.saes;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.IStatus;
import org.eclipse.core.runtime.Status;
import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.e4.core.di.annotations.Optional;
import org.eclipse.e4.core.services.events.IEventBroker;
import org.eclipse.e4.ui.di.UIEventTopic;
import org.eclipse.e4.ui.workbench.modeling.EPartService;
import org.eclipse.swt.SWT;
import org.eclipse.swt.custom.SashForm;
import org.eclipse.swt.graphics.RGB;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Table;
import org.eclipse.swt.widgets.TableColumn;
import org.eclipse.swt.widgets.TableItem;
import org.eclipse.swt.widgets.Text;
import org.eclipse.swtchart.LineStyle;
import org.eclipse.ui.IWorkbenchPage;
import org.eclipse.ui.PartInitException;
import org.eclipse.ui.PlatformUI;

import io.mechanist.heatmap.HeatmapData;
import io.mechanist.heatmap.ValueKind;
import io.mechanist.saes.analysis.FeaturePromptRows;
import io.mechanist.saes.analysis.FeatureResult;
import io.mechanist.saes.analysis.SaeFeaturesAnalysis;
import io.mechanist.store.ActivationStore;
import io.mechanist.store.StoredResults;
import io.mechanist.ui.charts.XYChartViewer;
import io.mechanist.ui.events.ShowInHeatmap;
import io.mechanist.ui.events.StoreResultSelection;
import jakarta.annotation.PostConstruct;
import jakarta.inject.Inject;

/**
 * The features of a stored SAE features result: every feature with its density, largest activation, top example
 * and logit effects; the selected feature's top-activating tokens (the token in brackets) and its activation
 * histogram. Typing an index selects that feature. Results are read in a job; the UI thread only fills widgets.
 * <p>
 * Linked to the heatmap: the selected feature, as a row over the token positions of the prompt the result encoded
 * (followed by the other features that fire on it), goes to the Heatmap view when it is open, and
 * <i>Show in Heatmap</i> opens it.
 */
public class FeaturesView {
    public static final String ID = "io.mechanist.ui.saes.FeaturesView";
    public static final String EMPTY_STATE = "No SAE features to show. Run 'SAE features' on a capture and open "
            + "its result.";
    /** Features shown in the heatmap below the selected one. */
    static final int OTHER_ROWS = 15;

    @Inject
    @Optional
    private EPartService partService;

    @Inject
    @Optional
    private IEventBroker eventBroker;

    private Label status;
    private Text search;
    private Table features;
    private Table examples;
    private XYChartViewer histogram;
    private FeatureResult shown;
    /** The features over the encoded prompt's positions, or null (a result shown without its store). */
    private FeaturePromptRows promptRows;
    private Button showInHeatmap;
    private int selected = -1;

    @PostConstruct
    public void createPartControl(Composite parent) {
        parent.setLayout(new GridLayout(1, false));
        Composite top = new Composite(parent, SWT.NONE);
        top.setLayout(new GridLayout(4, false));
        top.setLayoutData(new GridData(SWT.FILL, SWT.TOP, true, false));
        status = new Label(top, SWT.NONE);
        status.setText(EMPTY_STATE);
        status.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));
        new Label(top, SWT.NONE).setText("Feature:");
        search = new Text(top, SWT.BORDER | SWT.SEARCH);
        search.setMessage("index");
        search.setLayoutData(new GridData(80, SWT.DEFAULT));
        search.addListener(SWT.DefaultSelection, e -> searchEntered());
        showInHeatmap = new Button(top, SWT.PUSH);
        showInHeatmap.setText("Show in Heatmap");
        showInHeatmap.setToolTipText("The selected feature over the positions of the prompt the result encoded");
        showInHeatmap.setEnabled(false);
        showInHeatmap.addListener(SWT.Selection, e -> showInHeatmap(true));

        SashForm sash = new SashForm(parent, SWT.VERTICAL);
        sash.setLayoutData(new GridData(SWT.FILL, SWT.FILL, true, true));
        features = table(sash, "feature", "density", "max", "top example", "top logits", "bottom logits");
        features.addListener(SWT.Selection, e -> selectFeature((Integer) e.item.getData()));
        SashForm bottom = new SashForm(sash, SWT.HORIZONTAL);
        examples = table(bottom, "rank", "value", "prompt", "position", "context");
        histogram = new XYChartViewer(bottom, SWT.NONE);
        histogram.setAxisTitles("activation (bin upper edge)", "tokens");
        sash.setWeights(3, 2);
    }

    private static Table table(Composite parent, String... columns) {
        Table table = new Table(parent, SWT.BORDER | SWT.FULL_SELECTION | SWT.SINGLE | SWT.V_SCROLL | SWT.H_SCROLL);
        table.setHeaderVisible(true);
        table.setLinesVisible(true);
        for (String name : columns) {
            TableColumn column = new TableColumn(table, SWT.LEFT);
            column.setText(name);
            column.setWidth(name.contains("example") || name.contains("context") || name.contains("logits") ? 280 : 70);
        }
        return table;
    }

    /** Reads a stored result of the SAE features analysis opened in the Store Navigator (others are not ours). */
    @Inject
    @Optional
    void onResult(@UIEventTopic(StoreResultSelection.TOPIC) StoreResultSelection selection) {
        if (features == null || features.isDisposed() || !SaeFeaturesAnalysis.ID.equals(selection.analysisId())) {
            return;
        }
        ActivationStore store = selection.store();
        if (store == null) {
            return;
        }
        Job job = Job.create("Reading SAE features " + selection.resultId(), (IProgressMonitor monitor) -> {
            try {
                StoredResults results = new StoredResults(store);
                FeatureResult result = FeatureResult.read(results, selection.resultId());
                FeaturePromptRows rows = promptRows(store, results, selection.resultId());
                features.getDisplay().asyncExec(() -> {
                    if (!features.isDisposed()) {
                        show(result, rows);
                    }
                });
                return Status.OK_STATUS;
            } catch (Exception e) {
                return new Status(IStatus.ERROR, "io.mechanist.ui.saes", "Cannot read SAE features "
                        + selection.resultId() + ": " + e.getMessage(), e);
            }
        });
        job.schedule();
    }

    /** The features over the result's prompt, or null when the result has none (older results) or its capture is gone. */
    private static FeaturePromptRows promptRows(ActivationStore store, StoredResults results, String resultId)
            throws java.io.IOException {
        try {
            return FeaturePromptRows.read(results, resultId, id -> {
                try {
                    return store.openCapture(id);
                } catch (java.io.IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            });
        } catch (IllegalArgumentException e) {
            return null; // the features are still shown; only the heatmap link is off
        }
    }

    /** Shows {@code result}, the densest feature selected. Must run on the UI thread. */
    public void show(FeatureResult result) {
        show(result, null);
    }

    /**
     * Shows {@code result} and, with {@code rows} (may be null), links the selected feature to the heatmap. Must run
     * on the UI thread.
     */
    public void show(FeatureResult result, FeaturePromptRows rows) {
        shown = result;
        promptRows = rows;
        showInHeatmap.setEnabled(rows != null);
        features.removeAll();
        int densest = 0;
        for (int j = 0; j < result.features(); j++) {
            TableItem item = new TableItem(features, SWT.NONE);
            item.setData(j);
            item.setText(new String[] {Integer.toString(j), format(result.density()[j]),
                    format(result.maxActivation()[j]), result.topExample()[j], result.topLogits()[j],
                    result.bottomLogits()[j]});
            densest = result.density()[j] > result.density()[densest] ? j : densest;
        }
        status.setText(String.format(Locale.ROOT, "%s: %d features at %s", result.resultId(), result.features(),
                result.site()));
        status.getParent().layout();
        selectFeature(densest);
    }

    /** Selects feature {@code feature}: its row, its top examples and its histogram. Must run on the UI thread. */
    public void selectFeature(int feature) {
        if (shown == null || feature < 0 || feature >= shown.features()) {
            return;
        }
        selected = feature;
        features.setSelection(feature);
        features.showSelection();
        examples.removeAll();
        for (FeatureResult.Example e : shown.examples().get(feature)) {
            new TableItem(examples, SWT.NONE).setText(new String[] {Integer.toString(e.rank()), format(e.value()),
                    Integer.toString(e.prompt()), Integer.toString(e.position()), e.context()});
        }
        float[] counts = shown.histogram()[feature];
        List<String> labels = new ArrayList<>();
        double[] y = new double[counts.length];
        for (int b = 0; b < counts.length; b++) {
            labels.add(format(shown.maxActivation()[feature] * (b + 1) / counts.length));
            y[b] = counts[b];
        }
        histogram.setTitle("Feature " + feature + ": activations where non-zero");
        histogram.setLines(labels, List.of(new XYChartViewer.Line("histogram", "tokens", y, null, null,
                new RGB(31, 119, 180), LineStyle.SOLID, 2)));
        showInHeatmap(false);
    }

    /**
     * Hands the selected feature's row over the encoded prompt to the Heatmap view: always when {@code open}
     * (opening the view), otherwise only when the view is already open.
     */
    private void showInHeatmap(boolean open) {
        if (promptRows == null || selected < 0 || partService == null || eventBroker == null) {
            return;
        }
        if (open && partService.findPart(ShowInHeatmap.VIEW_ID) == null) {
            try {
                PlatformUI.getWorkbench().getActiveWorkbenchWindow().getActivePage().showView(ShowInHeatmap.VIEW_ID,
                        null, IWorkbenchPage.VIEW_VISIBLE);
            } catch (PartInitException e) {
                status.setText("Cannot open the Heatmap view: " + e.getMessage());
                return;
            }
        }
        // Synchronous: a view opened just above is subscribed already; a closed one simply does not hear it.
        eventBroker.send(ShowInHeatmap.TOPIC, new ShowInHeatmap(heatmap(promptRows, selected)));
    }

    /** The selected feature and the others firing on the prompt, as rows over its tokens. */
    static HeatmapData heatmap(FeaturePromptRows rows, int feature) {
        int[] shown = rows.rowsFor(feature, OTHER_ROWS);
        int columns = rows.positions().length;
        float[] values = new float[shown.length * columns];
        List<String> labels = new ArrayList<>();
        for (int r = 0; r < shown.length; r++) {
            System.arraycopy(rows.values()[shown[r]], 0, values, r * columns, columns);
            labels.add("feature " + shown[r]);
        }
        return HeatmapData.builder("SAE feature " + feature + " on prompt " + rows.prompt(), values)
                .subject(rows.capture() + " \u2013 prompt " + rows.prompt() + " (" + rows.resultId() + ")")
                .rows("feature", labels).rowIds(shown)
                .columns("position", rows.tokens()).columnPositions(rows.positions())
                .kind(ValueKind.MAGNITUDE).units("activation").build();
    }

    private void searchEntered() {
        try {
            selectFeature(Integer.parseInt(search.getText().trim()));
        } catch (NumberFormatException e) {
            search.selectAll();
        }
    }

    /** The selected feature, or -1. */
    public int selectedFeature() {
        return selected;
    }

    public Table featuresTable() {
        return features;
    }

    public Table examplesTable() {
        return examples;
    }

    public XYChartViewer histogram() {
        return histogram;
    }

    private static String format(double value) {
        return String.format(Locale.ROOT, "%.4g", value);
    }
}
