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

import io.mechanist.capture.EmbeddedDemo;
import io.mechanist.steering.SteeringVector;
import io.mechanist.steering.SweepResult;
import io.mechanist.ui.charts.XYChartViewer;
import io.mechanist.ui.steering.internal.InteractivePanel;
import io.mechanist.ui.steering.internal.SweepPanel;
import jakarta.annotation.PostConstruct;

/**
 * Steering experiments: the sweep chart (effect vs multiplier per layer, random control dashed, per-prompt
 * distribution of one layer, share moving the wrong way) above, interactive steered vs unsteered generation below.
 */
public class SteeringView {

    public static final String ID = "io.mechanist.ui.steering.SteeringView";
    /** A held-out demo prompt whose answer is the next token. */
    static final String DEMO_PROMPT = "Q : 3 vs 7 . which is larger ? A = 3 B = 7 . think : 3 < 7 . larger is 7 . so :";

    private Label status;
    private SweepPanel sweep;
    private InteractivePanel interactive;

    @PostConstruct
    public void createPartControl(Composite parent) {
        parent.setLayout(new GridLayout(1, false));
        status = new Label(parent, SWT.WRAP);
        GridData statusData = new GridData(SWT.FILL, SWT.TOP, true, false);
        statusData.widthHint = 200; // wraps to the view's width instead of widening it
        status.setLayoutData(statusData);
        status.setText("No sweep shown. Run the analysis 'Steering sweep' on a capture and open its result.");
        SashForm split = new SashForm(parent, SWT.VERTICAL);
        split.setLayoutData(new GridData(SWT.FILL, SWT.FILL, true, true));
        sweep = new SweepPanel(split, () -> export("*.png"), () -> export("*.csv"));
        interactive = new InteractivePanel(split);
        split.setWeights(3, 2);
        try {
            interactive.setModelFolder(EmbeddedDemo.modelFolder());
            interactive.setPrompt(DEMO_PROMPT);
        } catch (IOException e) {
            // no demo installed: the user picks a model folder
        }
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
}
