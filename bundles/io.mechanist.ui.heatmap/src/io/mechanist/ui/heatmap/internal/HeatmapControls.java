package io.mechanist.ui.heatmap.internal;

import java.util.List;

import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.RowLayout;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Combo;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Spinner;
import org.eclipse.swt.widgets.Text;

import io.mechanist.core.hooks.HookPoint;
import io.mechanist.core.hooks.HookSite;
import io.mechanist.heatmap.ActivationSource;
import io.mechanist.heatmap.HeatmapRequest;
import io.mechanist.heatmap.NeuronFilter;

/**
 * The row of controls above the heatmap: which kind of map, which site/layer/head, the measure and direction of
 * layer x position maps, and the neuron sort/filter. {@link #request()} turns the current choice into a
 * {@link HeatmapRequest}.
 */
public final class HeatmapControls {

    public static final List<String> KINDS = List.of("Layer \u00D7 position", "Neuron \u00D7 position",
            "Attention pattern");
    static final List<HookPoint> POINTS = List.of(HookPoint.RESID_PRE, HookPoint.RESID_MID, HookPoint.RESID_POST,
            HookPoint.ATTN_OUT, HookPoint.MLP_OUT);
    static final List<String> MEASURES = List.of("norm", "projection", "cosine");

    private final Composite composite;
    final Combo kind;
    final Combo point;
    final Spinner layer;
    final Spinner head;
    final Combo measure;
    final Combo direction;
    final Combo order;
    final Spinner topK;
    final Text threshold;
    final Button show;

    public HeatmapControls(Composite parent, Runnable onShow) {
        composite = new Composite(parent, SWT.NONE);
        RowLayout layout = new RowLayout(SWT.HORIZONTAL);
        layout.center = true;
        layout.wrap = true;
        composite.setLayout(layout);
        kind = combo("Kind", KINDS);
        point = combo("Site", POINTS.stream().map(HookPoint::idName).toList());
        point.select(POINTS.indexOf(HookPoint.RESID_POST));
        layer = spinner("Layer", 0, 0);
        head = spinner("Head", 0, 0);
        measure = combo("Measure", MEASURES);
        direction = combo("Direction", List.of());
        order = combo("Neurons", List.of("by index", "by max |activation|"));
        order.select(1);
        topK = spinner("Top k (0 = all)", 0, 1 << 20);
        topK.setSelection(256);
        new Label(composite, SWT.NONE).setText("|a| \u2265");
        threshold = new Text(composite, SWT.BORDER);
        threshold.setText("0");
        threshold.setToolTipText("Show only neurons whose largest |activation| over the prompt reaches this value");
        show = new Button(composite, SWT.PUSH);
        show.setText("Show");
        show.addListener(SWT.Selection, e -> onShow.run());
        kind.addListener(SWT.Selection, e -> updateEnablement());
        measure.addListener(SWT.Selection, e -> updateEnablement());
        composite.setLayoutData(new GridData(SWT.FILL, SWT.TOP, true, false));
        updateEnablement();
    }

    private Combo combo(String label, List<String> items) {
        new Label(composite, SWT.NONE).setText(label);
        Combo combo = new Combo(composite, SWT.READ_ONLY);
        combo.setItems(items.toArray(String[]::new));
        if (!items.isEmpty()) {
            combo.select(0);
        }
        return combo;
    }

    private Spinner spinner(String label, int min, int max) {
        new Label(composite, SWT.NONE).setText(label);
        Spinner spinner = new Spinner(composite, SWT.BORDER);
        spinner.setValues(min, min, max, 0, 1, 10);
        return spinner;
    }

    /** Adapts the ranges and lists to a source (null: everything disabled). */
    public void setSource(ActivationSource source) {
        boolean present = source != null;
        if (present) {
            layer.setMaximum(Math.max(0, source.layerCount() - 1));
            head.setMaximum(Math.max(0, source.headCount() - 1));
            direction.setItems(source.directions().stream().map(ActivationSource.Direction::name)
                    .toArray(String[]::new));
            if (direction.getItemCount() > 0) {
                direction.select(0);
            }
            direction.requestLayout(); // its width follows the directions' names
        }
        for (var control : composite.getChildren()) {
            control.setEnabled(present);
        }
        if (present) {
            updateEnablement();
        }
    }

    public int kindIndex() {
        return kind.getSelectionIndex();
    }

    /** Selects a kind as if the user had (for tests and for restoring state). */
    public void selectKind(int index) {
        kind.select(index);
        updateEnablement();
    }

    public void selectLayerAndHead(int layerIndex, int headIndex) {
        layer.setSelection(layerIndex);
        head.setSelection(headIndex);
    }

    private void updateEnablement() {
        int k = kind.getSelectionIndex();
        point.setEnabled(k != 2);
        layer.setEnabled(k != 0);
        head.setEnabled(k == 2);
        measure.setEnabled(k == 0);
        direction.setEnabled(k == 0 && measure.getSelectionIndex() > 0);
        order.setEnabled(k == 1);
        topK.setEnabled(k == 1);
        threshold.setEnabled(k == 1);
    }

    /**
     * The request the controls describe.
     *
     * @throws IllegalArgumentException with a message for the user if a field is invalid
     */
    public HeatmapRequest request() {
        HookPoint hookPoint = POINTS.get(Math.max(0, point.getSelectionIndex()));
        return switch (kind.getSelectionIndex()) {
            case 1 -> new HeatmapRequest.NeuronByPosition(HookSite.of(hookPoint, layer.getSelection()),
                    new NeuronFilter(order.getSelectionIndex() == 0 ? NeuronFilter.Order.INDEX
                            : NeuronFilter.Order.MAX_ABS_DESCENDING, parseThreshold(), topK.getSelection()));
            case 2 -> new HeatmapRequest.AttentionPattern(layer.getSelection(), head.getSelection());
            default -> new HeatmapRequest.LayerByPosition(hookPoint,
                    HeatmapRequest.Measure.values()[Math.max(0, measure.getSelectionIndex())],
                    direction.getSelectionIndex() < 0 ? null : direction.getText());
        };
    }

    private double parseThreshold() {
        try {
            return Double.parseDouble(threshold.getText().trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("The |a| threshold '" + threshold.getText() + "' is not a number");
        }
    }

    public Composite control() {
        return composite;
    }
}
