package io.mechanist.ui.workflow;

import org.eclipse.jface.dialogs.Dialog;
import org.eclipse.jface.dialogs.IDialogConstants;
import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.Point;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.swt.widgets.Text;

/** Help > Getting Started: the seed experiment, step by step, from an empty workbench to a steering verdict. */
public final class GettingStartedDialog extends Dialog {

    public static final String TITLE = "Getting Started with Mechanist";

    /** The steps, as shown. */
    public static final String STEPS = """
            Does a model know its answer before it writes it, and does that knowledge cause the answer? The seed \
            experiment, without a terminal:

            1. File > New Store...  Choose an empty (or new) folder. The store keeps models, datasets, captured \
            activations and every analysis result; it opens in the Store Navigator.

            2. File > Add Model...  (also a button of the Model Library). Choose a Hugging Face checkpoint folder: \
            config.json, *.safetensors weights and tokenizer.json (GPT-2 or the Llama family). The dialog shows \
            its architecture, layers, d_model, dtype and size. In the Model Library, "Verify" compares its forward \
            pass with an independent double-precision reference, as a background job.

            3. File > Import Dataset...  A JSONL file, one prompt per line with "id", "text", "labels" (at least \
            "answer"), optional "group" (kept on one side of every split), "pair" and "answer_marker" (the token \
            after which the answer is written). The preview shows prompts, labels and groups; a bad line is named \
            as file:line.

            4. File > Capture Activations...  Pick the store, the model, the dataset, hook points (resid_post is \
            what probes read) and the layer range, positions, F32 or F16 and the batch size; the estimated size \
            on disk is shown. The capture runs in the background (Progress view) and can be cancelled; the same \
            settings later resume it.

            5. In the Store Navigator select the capture, then "Run Analysis..." > Probes > Probe accuracy by \
            layer and position. Label "answer", alignment "anchor" with the dataset's answer marker as anchor: accuracy by \
            layer and position with 95% intervals, a control task and the model's own read-out. The result is \
            stored under "Analysis results" and opens in the Probe Accuracy view. "Run probes..." in that view \
            stores its runs the same way; "Compare with..." puts any stored probe result beside the shown one.

            6. In the Probe Accuracy view, click the chart at a position: that marks the probe to steer. Then \
            "Steer along this probe..." sweeps its direction at its layer beside a random direction of equal norm \
            and says whether the answer moves as the probe predicts. The test is stored under "Analysis results" \
            too, and reopens in the Steering view.

            7. Any result, built-in or from a plug-in: right-click it in the Store Navigator > "Open in Result \
            View" shows its tables (sortable), arrays (heatmap or line chart over their named axes) and notes, \
            and exports them as CSV.

            Everything here also runs headless: ./mechanist --help.""";

    public GettingStartedDialog(Shell parent) {
        super(parent);
    }

    @Override
    protected boolean isResizable() {
        return true;
    }

    @Override
    protected Point getInitialSize() {
        return new Point(820, 680);
    }

    @Override
    protected void configureShell(Shell shell) {
        super.configureShell(shell);
        shell.setText(TITLE);
    }

    @Override
    protected Control createDialogArea(Composite parent) {
        Composite area = (Composite) super.createDialogArea(parent);
        Text text = new Text(area, SWT.MULTI | SWT.WRAP | SWT.READ_ONLY | SWT.V_SCROLL);
        text.setLayoutData(new GridData(SWT.FILL, SWT.FILL, true, true));
        text.setText(STEPS);
        return area;
    }

    @Override
    protected void createButtonsForButtonBar(Composite parent) {
        createButton(parent, IDialogConstants.OK_ID, IDialogConstants.CLOSE_LABEL, true);
    }
}
