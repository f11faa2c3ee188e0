package io.mechanist.ui.probes.internal;

import java.nio.file.Path;

import org.eclipse.jface.dialogs.Dialog;
import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Combo;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.swt.widgets.Spinner;
import org.eclipse.swt.widgets.Text;

import io.mechanist.probes.IntervalMethod;
import io.mechanist.probes.PositionAlignment;
import io.mechanist.probes.ProbeConfig;

/**
 * Asks for the store, capture, label key, alignment, the statistics (folds, fold repeats, interval method, control
 * permutations; defaults as the {@code probe} verb's) and the answer tokens of the output read-out of a probe run;
 * the store and capture start as the ones the user last picked.
 */
public final class RunProbesDialog extends Dialog {

    private Text storeText;
    private Text captureText;
    private Text pointText;
    private Text labelText;
    private Combo alignmentCombo;
    private Text anchorText;
    /** The anchor a probe run aligns on when neither the data nor the user says otherwise. */
    public static final String DEFAULT_ANCHOR = "Answer";
    private final String initialAnchor;
    private Spinner countSpinner;
    private Spinner foldsSpinner;
    private Spinner repeatsSpinner;
    private Combo intervalCombo;
    private Spinner permutationsSpinner;
    private Text tokenAText;
    private Text tokenBText;
    private Text answerAText;
    private final String initialStore;
    private final String initialCapture;
    private Path store;
    private String capture;
    private String point;
    private String label;
    private PositionAlignment alignment;
    private ProbeConfig config;
    private String tokenA;
    private String tokenB;
    private String answerA;

    /** A dialog whose store and capture fields start with {@code store} and {@code capture} (either may be null). */
    public RunProbesDialog(Shell parent, Path store, String capture) {
        this(parent, store, capture, null);
    }

    /**
     * A dialog whose anchor starts at {@code anchor}, e.g. the answer marker the capture's dataset records; null
     * keeps the declared default "Answer".
     */
    public RunProbesDialog(Shell parent, Path store, String capture, String anchor) {
        super(parent);
        this.initialStore = store == null ? "" : store.toString();
        this.initialCapture = capture == null ? "" : capture;
        this.initialAnchor = anchor == null || anchor.isBlank() ? DEFAULT_ANCHOR : anchor;
    }

    @Override
    protected void configureShell(Shell shell) {
        super.configureShell(shell);
        shell.setText("Run probes");
    }

    @Override
    protected Control createDialogArea(Composite parent) {
        Composite area = (Composite) super.createDialogArea(parent);
        area.setLayout(new GridLayout(2, false));
        storeText = field(area, "Store folder:", initialStore);
        captureText = field(area, "Capture id:", initialCapture);
        pointText = field(area, "Hook point:", "resid_post");
        labelText = field(area, "Label key:", "answer");
        new Label(area, SWT.NONE).setText("Alignment:");
        alignmentCombo = new Combo(area, SWT.READ_ONLY);
        alignmentCombo.setItems("anchor", "start", "span");
        alignmentCombo.select(0);
        anchorText = field(area, "Anchor token (anchor, span end):", initialAnchor);
        new Label(area, SWT.NONE).setText("Positions before anchor / from start / bins:");
        countSpinner = new Spinner(area, SWT.BORDER);
        countSpinner.setValues(32, 1, 4096, 0, 1, 8);
        ProbeConfig defaults = ProbeConfig.defaults();
        new Label(area, SWT.NONE).setText("Folds (grouped k-fold):");
        foldsSpinner = new Spinner(area, SWT.BORDER);
        foldsSpinner.setValues(defaults.folds(), 2, 50, 0, 1, 5);
        new Label(area, SWT.NONE).setText("Fold repeats (seeds; the split range):");
        repeatsSpinner = new Spinner(area, SWT.BORDER);
        repeatsSpinner.setValues(defaults.foldRepeats(), 1, 50, 0, 1, 5);
        repeatsSpinner.setToolTipText("The cross-validation is repeated with this many fold assignments; the first "
                + "is reported, all give the split range of every cell");
        new Label(area, SWT.NONE).setText("95% interval:");
        intervalCombo = new Combo(area, SWT.READ_ONLY);
        for (IntervalMethod method : IntervalMethod.values()) {
            intervalCombo.add(method.id());
        }
        intervalCombo.select(defaults.interval().ordinal());
        intervalCombo.setToolTipText("wilson-groups: Wilson at the effective sample size of the prompt groups (the "
                + "default); wilson: prompts as independent; bootstrap / bootstrap-groups: percentile bootstrap over "
                + "prompts / groups");
        new Label(area, SWT.NONE).setText("Control task permutations:");
        permutationsSpinner = new Spinner(area, SWT.BORDER);
        permutationsSpinner.setValues(defaults.controlPermutations(), 1, 100, 0, 1, 5);
        permutationsSpinner.setToolTipText("Label permutations within the folds the control accuracy averages");
        tokenAText = field(area, "Read-out answer A token (\\s = space):", "\\sA");
        tokenBText = field(area, "Read-out answer B token:", "\\sB");
        answerAText = field(area, "Label value that answer A stands for:", "A");
        tokenAText.setToolTipText("The model's own answer is read out through its final norm and unembedding "
                + "(logit lens) as log P(A)/P(B); each answer must be one token of the capture's model");
        return area;
    }

    private static Text field(Composite area, String name, String initial) {
        new Label(area, SWT.NONE).setText(name);
        Text text = new Text(area, SWT.BORDER);
        text.setText(initial);
        GridData data = new GridData(SWT.FILL, SWT.CENTER, true, false);
        data.widthHint = 320;
        text.setLayoutData(data);
        return text;
    }

    @Override
    protected void okPressed() {
        store = Path.of(storeText.getText().strip());
        capture = captureText.getText().strip();
        point = pointText.getText().strip();
        label = labelText.getText().strip();
        ProbeConfig defaults = ProbeConfig.defaults();
        config = defaults.withFolds(foldsSpinner.getSelection()).withFoldRepeats(repeatsSpinner.getSelection())
                .withInterval(IntervalMethod.fromId(intervalCombo.getText()), defaults.bootstrapResamples())
                .withControlPermutations(permutationsSpinner.getSelection());
        tokenA = tokenAText.getText().strip();
        tokenB = tokenBText.getText().strip();
        answerA = answerAText.getText().strip();
        String anchor = anchorText.getText().strip();
        int count = countSpinner.getSelection();
        alignment = switch (alignmentCombo.getText()) {
            case "start" -> PositionAlignment.fromStart(count);
            case "span" -> PositionAlignment.span(null, anchor, count);
            default -> PositionAlignment.relativeToAnchor(anchor, count, 2);
        };
        super.okPressed();
    }

    public Path store() { return store; }
    public String capture() { return capture; }
    public String point() { return point; }
    public String label() { return label; }
    public PositionAlignment alignment() { return alignment; }
    /** The probe settings: the defaults with the folds, fold repeats, interval and control permutations chosen. */
    public ProbeConfig config() { return config; }
    /** Read-out token of answer A, {@code \s} standing for a leading space. */
    public String tokenA() { return tokenA; }
    public String tokenB() { return tokenB; }
    /** The label value answer A stands for. */
    public String answerA() { return answerA; }
}
