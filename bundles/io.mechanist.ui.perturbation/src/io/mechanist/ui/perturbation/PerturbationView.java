package io.mechanist.ui.perturbation;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.eclipse.core.runtime.Status;
import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.e4.core.di.annotations.Optional;
import org.eclipse.e4.ui.di.UIEventTopic;
import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.RGB;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Combo;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.FileDialog;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swtchart.IBarSeries;
import org.eclipse.swtchart.ISeries.SeriesType;
import org.eclipse.swtchart.LineStyle;

import io.mechanist.core.analysis.AnalysisOutput;
import io.mechanist.core.analysis.StoredResult;
import io.mechanist.store.ActivationStore;
import io.mechanist.store.StoredResults;
import io.mechanist.ui.charts.XYChartViewer;
import io.mechanist.ui.events.StoreResultSelection;
import jakarta.annotation.PostConstruct;
import jakarta.inject.Inject;

/**
 * Stored weight-perturbation and model-diff results: a noise or interpolation sweep as curves of accuracy and
 * P(matching answer) with their 95% bands over the swept scale or t, the half-effect point marked; a model diff as
 * bars of the relative activation difference per site beside the models' mean cosine (with its band) and the share
 * of the difference along its first direction; a probe transfer per layer and method as the transferred probes'
 * accuracy beside the original probes' and the other model's own, each with its band. Opens
 * {@link StoreResultSelection}s of those analyses.
 */
public class PerturbationView {

    public static final String ID = "io.mechanist.ui.perturbation.PerturbationView";
    public static final String NOISE = "io.mechanist.perturbation.noiseSweep";
    public static final String INTERPOLATION = "io.mechanist.perturbation.interpolationSweep";
    public static final String DIFF = "io.mechanist.perturbation.modelDiff";
    public static final String TRANSFER = "io.mechanist.perturbation.probeTransfer";
    private static final Set<String> SHOWN = Set.of(NOISE, INTERPOLATION, DIFF, TRANSFER);
    static final String EMPTY = "No perturbation result. Run a weight noise sweep, an interpolation sweep, a model diff"
            + " or a probe transfer, then open the result.";

    private static final RGB BLUE = new RGB(31, 119, 180);
    private static final RGB ORANGE = new RGB(255, 127, 14);
    private static final RGB GREEN = new RGB(44, 160, 44);
    private static final RGB GREY = new RGB(120, 120, 120);
    private static final RGB PURPLE = new RGB(148, 103, 189);

    private Label status;
    private Combo choice;
    private XYChartViewer chart;
    private StoredResult shown;
    /** For a probe transfer: the row indices of each "method, layer" choice, in position order. */
    private final Map<String, List<Integer>> transferRows = new LinkedHashMap<>();

    @PostConstruct
    public void createPartControl(Composite parent) {
        parent.setLayout(new GridLayout(1, false));
        Composite top = new Composite(parent, SWT.NONE);
        top.setLayout(new GridLayout(4, false));
        top.setLayoutData(new GridData(SWT.FILL, SWT.TOP, true, false));
        choice = new Combo(top, SWT.READ_ONLY);
        choice.setLayoutData(new GridData(SWT.LEFT, SWT.CENTER, false, false));
        choice.addListener(SWT.Selection, e -> showTransfer(choice.getSelectionIndex()));
        choice.setVisible(false);
        status = new Label(top, SWT.WRAP);
        status.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));
        status.setText(EMPTY);
        Button png = new Button(top, SWT.PUSH);
        png.setText("Export PNG...");
        png.addListener(SWT.Selection, e -> chooseAndExport("*.png"));
        Button csv = new Button(top, SWT.PUSH);
        csv.setText("Export CSV...");
        csv.addListener(SWT.Selection, e -> chooseAndExport("*.csv"));
        chart = new XYChartViewer(parent, SWT.NONE);
        chart.control().setLayoutData(new GridData(SWT.FILL, SWT.FILL, true, true));
    }

    /** The Store Navigator opened an analysis result; only perturbation and diff results are shown here. */
    @Inject
    @Optional
    void onResult(@UIEventTopic(StoreResultSelection.TOPIC) StoreResultSelection selection) {
        if (selection == null || !SHOWN.contains(selection.analysisId()) || status == null || status.isDisposed()) {
            return;
        }
        status.setText("Loading " + selection.resultId() + "...");
        Job job = Job.create("Loading result " + selection.resultId(), monitor -> {
            ActivationStore store = selection.store();
            if (store == null) {
                return Status.error("the store of " + selection.resultId() + " was closed");
            }
            StoredResult result;
            try {
                result = new StoredResults(store).result(selection.resultId());
            } catch (RuntimeException e) {
                asyncStatus("Cannot read " + selection.resultId() + ": " + e.getMessage());
                return Status.error(e.getMessage(), e);
            }
            status.getDisplay().asyncExec(() -> {
                if (!status.isDisposed()) {
                    show(result);
                }
            });
            return Status.OK_STATUS;
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

    /** Shows a stored result of one of the four analyses. UI thread only. */
    public void show(StoredResult result) {
        shown = result;
        transferRows.clear();
        choice.setVisible(false);
        switch (result.analysisId()) {
            case NOISE, INTERPOLATION -> showSweep(result);
            case DIFF -> showDiff(result);
            case TRANSFER -> {
                AnalysisOutput.Table cells = result.table("cells");
                String[] methods = cells.column("method").texts();
                String[] layers = cells.column("layer").texts();
                for (int r = 0; r < cells.rowCount(); r++) {
                    transferRows.computeIfAbsent(methods[r] + ", " + layers[r], k -> new ArrayList<>()).add(r);
                }
                choice.setItems(transferRows.keySet().toArray(String[]::new));
                choice.setVisible(true);
                // the last layer of the first method: where the demo's answer is readable
                int last = 0;
                String firstMethod = methods.length == 0 ? "" : methods[0];
                List<String> keys = new ArrayList<>(transferRows.keySet());
                for (int i = 0; i < keys.size(); i++) {
                    if (keys.get(i).startsWith(firstMethod + ", ")) {
                        last = i;
                    }
                }
                showTransfer(last);
            }
            default -> throw new IllegalArgumentException("not a perturbation result: " + result.analysisId());
        }
        status.getParent().layout();
    }

    private void showSweep(StoredResult result) {
        AnalysisOutput.Table summary = result.table("summary");
        String axis = summary.columns().get(0).name();
        double[] points = summary.column(axis).numbers();
        List<String> categories = Arrays.stream(points).mapToObj(PerturbationView::pointLabel).toList();
        double[] chance = new double[points.length];
        Arrays.fill(chance, 0.5);
        List<XYChartViewer.Line> lines = new ArrayList<>(List.of(
                new XYChartViewer.Line("accuracy", "answer accuracy (95% band)", summary.column("accuracy").numbers(),
                        summary.column("accuracyLow").numbers(), summary.column("accuracyHigh").numbers(), BLUE,
                        LineStyle.SOLID, 2),
                new XYChartViewer.Line("p", "P(matching answer) (95% band)", summary.column("meanP").numbers(),
                        summary.column("pLow").numbers(), summary.column("pHigh").numbers(), ORANGE, LineStyle.SOLID, 2),
                new XYChartViewer.Line("chance", "chance", chance, null, null, GREY, LineStyle.DASH, 1)));
        double bottom = 0;
        if (hasColumn(summary, "probeAccuracy")) {
            lines.add(new XYChartViewer.Line("probe", "probe accuracy, trained unperturbed (95% band)",
                    summary.column("probeAccuracy").numbers(), summary.column("probeLow").numbers(),
                    summary.column("probeHigh").numbers(), GREEN, LineStyle.SOLID, 2));
        }
        if (hasColumn(summary, "steerEffect")) {
            lines.add(new XYChartViewer.Line("steer", "steering effect on P(matching) (95% band)",
                    summary.column("steerEffect").numbers(), summary.column("steerLow").numbers(),
                    summary.column("steerHigh").numbers(), PURPLE, LineStyle.DOT, 2));
            bottom = Math.min(0, Arrays.stream(summary.column("steerLow").numbers()).filter(Double::isFinite).min()
                    .orElse(0));
        }
        chart.setLines(categories, lines);
        chart.setYRange(bottom, 1);
        boolean interpolation = axis.equals("t");
        chart.setAxisTitles(interpolation ? "t: (1 - t) * model + t * other" : "noise scale (x each tensor's RMS)",
                "share / probability");
        AnalysisOutput.Table half = result.table("halfEffect");
        double point = half.column(axis).numbers()[0];
        int marker = -1;
        for (int i = 0; i < points.length && Double.isFinite(point); i++) {
            if (points[i] >= point) {
                marker = i;
                break;
            }
        }
        chart.setMarker(marker);
        String what = interpolation ? "Interpolation sweep to " + Path.of(result.notes().getOrDefault("other", "?")).getFileName()
                : "Weight-noise sweep (" + result.notes().getOrDefault("tensors", "") + ")";
        String halfText;
        if (Double.isNaN(point)) {
            halfText = "no effect to lose (accuracy within 0.05 of chance)";
        } else if (Double.isInfinite(point)) {
            halfText = "the behaviour keeps over half its effect at every swept " + axis;
        } else {
            halfText = String.format(Locale.ROOT, "half the effect is lost at %s = %.3g [%s, %s] (marker: the first"
                    + " swept %s past it)", axis, point, number(half.column("low").numbers()[0]),
                    number(half.column("high").numbers()[0]), axis);
        }
        status.setText(what + ": " + halfText + ". Bands: " + result.notes().getOrDefault("interval", "95%"));
    }

    private void showDiff(StoredResult result) {
        AnalysisOutput.Table sites = result.table("sites");
        List<String> categories = List.of(sites.column("site").texts());
        double[] relative = sites.column("relativeDifference").numbers();
        List<XYChartViewer.Line> lines = List.of(
                new XYChartViewer.Line("cosine", "mean cosine of the two models' activations (95% band)",
                        sites.column("meanCosine").numbers(), sites.column("cosineLow").numbers(),
                        sites.column("cosineHigh").numbers(), GREEN, LineStyle.SOLID, 2),
                new XYChartViewer.Line("pc1", "share of the difference along its first direction",
                        sites.column("pc1Share").numbers(), null, null, ORANGE, LineStyle.DOT, 2));
        chart.setLines(categories, lines);
        IBarSeries<?> bars = (IBarSeries<?>) chart.chart().getSeriesSet().createSeries(SeriesType.BAR, "relative");
        bars.setDescription("relative difference sum |b - a| / sum |a|");
        bars.setYSeries(relative);
        bars.setBarColor(chart.control().getDisplay().getSystemColor(SWT.COLOR_DARK_BLUE));
        chart.chart().getSeriesSet().bringToFront("cosine");
        chart.chart().getSeriesSet().bringToFront("pc1");
        double top = Math.max(1, Arrays.stream(relative).filter(Double::isFinite).max().orElse(1));
        chart.setYRange(0, top * 1.05);
        chart.setAxisTitles("site", "relative difference / cosine / share");
        chart.setMarker(-1);
        int largest = 0;
        for (int i = 1; i < relative.length; i++) {
            if (relative[i] > relative[largest]) {
                largest = i;
            }
        }
        status.setText(String.format(Locale.ROOT, "Model diff %s vs %s: the largest relative difference is %.3g at %s"
                + " (bars); cosine band: %s", captureId(result.notes().getOrDefault("base", "?")),
                captureId(result.notes().getOrDefault("other", "?")), relative.length == 0 ? Double.NaN : relative[largest],
                categories.isEmpty() ? "-" : categories.get(largest), result.notes().getOrDefault("cosineInterval", "")));
    }

    /** Shows the transfer choice {@code index} ("method, layer"). UI thread only. */
    public void showTransfer(int index) {
        if (shown == null || !TRANSFER.equals(shown.analysisId()) || index < 0 || index >= transferRows.size()) {
            return;
        }
        choice.select(index);
        String key = new ArrayList<>(transferRows.keySet()).get(index);
        List<Integer> rows = transferRows.get(key);
        AnalysisOutput.Table cells = shown.table("cells");
        List<String> categories = new ArrayList<>();
        for (int r : rows) {
            String token = cells.column("token").texts()[r];
            categories.add(cells.column("position").texts()[r] + (token == null || token.isEmpty() ? "" : " " + token));
        }
        String base = shown.notes().getOrDefault("base", "base");
        String other = shown.notes().getOrDefault("other", "other");
        List<XYChartViewer.Line> lines = List.of(
                line(cells, rows, "original", "probes of " + base + " on " + base, "accuracy", "accuracyLow",
                        "accuracyHigh", BLUE, LineStyle.SOLID),
                line(cells, rows, "transfer", "probes of " + base + " on " + other + " (transfer)", "transferAccuracy",
                        "transferLow", "transferHigh", ORANGE, LineStyle.SOLID),
                line(cells, rows, "own", "probes of " + other + " on " + other, "otherAccuracy", "otherLow", "otherHigh",
                        GREEN, LineStyle.DOT),
                new XYChartViewer.Line("chance", "chance (majority class)", pick(cells, rows, "chance"), null, null,
                        GREY, LineStyle.DASH, 1));
        chart.setLines(categories, lines);
        chart.setYRange(0, 1);
        chart.setAxisTitles("aligned position", "probe accuracy");
        chart.setMarker(-1);
        status.setText("Probe transfer, " + key + " (" + shown.notes().getOrDefault("label", "") + "). Bands: "
                + shown.notes().getOrDefault("interval", "95%"));
    }

    private static XYChartViewer.Line line(AnalysisOutput.Table cells, List<Integer> rows, String id, String legend,
            String value, String low, String high, RGB colour, LineStyle style) {
        return new XYChartViewer.Line(id, legend, pick(cells, rows, value), pick(cells, rows, low),
                pick(cells, rows, high), colour, style, 2);
    }

    private static double[] pick(AnalysisOutput.Table cells, List<Integer> rows, String column) {
        double[] all = cells.column(column).numbers();
        return rows.stream().mapToDouble(r -> all[r]).toArray();
    }

    private static boolean hasColumn(AnalysisOutput.Table table, String name) {
        return table.columns().stream().anyMatch(c -> c.name().equals(name));
    }

    /** The capture id of a diff note "id (model folder)". */
    private static String captureId(String note) {
        int folder = note.indexOf(" (");
        return folder < 0 ? note : note.substring(0, folder);
    }

    /** A swept point as written: 0, 0.125, 1, 2.5 (four significant digits, no trailing zeros). */
    static String pointLabel(double v) {
        return new java.math.BigDecimal(v).round(new java.math.MathContext(4)).stripTrailingZeros().toPlainString();
    }

    private static String number(double v) {
        return Double.isInfinite(v) ? "beyond" : String.format(Locale.ROOT, "%.3g", v);
    }

    public XYChartViewer chart() {
        return chart;
    }

    public String statusText() {
        return status.getText();
    }

    /** The transfer choices ("method, layer"); empty for other results. */
    public List<String> transferChoices() {
        return List.copyOf(transferRows.keySet());
    }

    /** The result shown, or null. */
    public StoredResult shown() {
        return shown;
    }

    private void chooseAndExport(String extension) {
        if (shown == null) {
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
                chart.exportPng(Path.of(file));
            } else {
                chart.exportCsv(Path.of(file));
            }
            status.setText("Exported " + file);
        } catch (IOException e) {
            status.setText("Export failed: " + e.getMessage());
        }
    }
}
