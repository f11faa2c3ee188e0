package io.mechanist.ui.workflow;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.eclipse.jface.dialogs.IDialogConstants;
import org.eclipse.jface.dialogs.IMessageProvider;
import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.Point;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Shell;

import io.mechanist.ui.models.CheckpointSummary;
import io.mechanist.ui.preferences.MechanistPreferences;

/**
 * Add Model...: checks a Hugging Face checkpoint folder as it is typed (config.json, safetensors weights, a
 * tokenizer; pickle weights are refused) and shows what it is; Add puts it into the Model Library (the model
 * folders of the preferences).
 */
public final class AddModelDialog extends FormDialog {

    public static final String TITLE = "Add Model";
    /** The detail rows, in order (widget data {@link PathField#KEY} of each value label). */
    public static final List<String> DETAILS = List.of("Architecture", "Layers", "d_model", "Heads", "Vocabulary",
            "Weights dtype", "Weights size", "Status");

    private PathField folder;
    private final Map<String, Label> values = new LinkedHashMap<>();
    private CheckpointSummary summary;

    public AddModelDialog(Shell parent) {
        super(parent, TITLE, new Point(760, 460));
    }

    @Override
    protected Control createDialogArea(Composite parent) {
        Composite area = (Composite) super.createDialogArea(parent);
        setTitle("Add a checkpoint folder to the Model Library");
        Composite form = new Composite(area, SWT.NONE);
        form.setLayoutData(new GridData(SWT.FILL, SWT.FILL, true, true));
        form.setLayout(new GridLayout(3, false));
        folder = new PathField(form, "Checkpoint folder:", "folder", true, null, this::validate);
        for (String detail : DETAILS) {
            new Label(form, SWT.NONE).setText(detail + ":");
            Label value = new Label(form, SWT.WRAP);
            GridData data = new GridData(SWT.FILL, SWT.CENTER, true, false, 2, 1);
            data.widthHint = 480;
            value.setLayoutData(data);
            value.setData(PathField.KEY, detail);
            value.setText("-");
            values.put(detail, value);
        }
        return area;
    }

    @Override
    protected void createButtonsForButtonBar(Composite parent) {
        createButton(parent, IDialogConstants.OK_ID, "Add", true);
        createButton(parent, IDialogConstants.CANCEL_ID, IDialogConstants.CANCEL_LABEL, false);
        validate();
    }

    private void validate() {
        Path chosen = folder == null ? null : folder.path();
        String problem;
        summary = null;
        if (chosen == null) {
            problem = "Choose a Hugging Face checkpoint folder (config.json, *.safetensors, tokenizer.json).";
        } else if (!Files.isDirectory(chosen)) {
            problem = chosen + " is not a folder.";
        } else if (!Files.isRegularFile(chosen.resolve("config.json"))) {
            problem = chosen + " has no config.json: not a checkpoint folder.";
        } else {
            summary = CheckpointSummary.read(chosen);
            problem = summary.ready() ? null : chosen + ": " + summary.status();
        }
        show(summary);
        if (chosen == null) {
            setErrorMessage(null);
            setMessage(problem, IMessageProvider.INFORMATION);
        } else {
            setErrorMessage(problem);
            setMessage(summary != null && summary.ready() ? "Ready: \"Verify\" in the Model Library compares its "
                    + "forward pass with an independent reference." : null);
        }
        Button ok = getButton(IDialogConstants.OK_ID);
        if (ok != null) {
            ok.setEnabled(problem == null);
        }
    }

    private void show(CheckpointSummary s) {
        if (values.isEmpty()) {
            return;
        }
        List<String> texts = s == null ? DETAILS.stream().map(d -> "-").toList()
                : List.of(s.architecture(), Integer.toString(s.layers()), Integer.toString(s.dModel()),
                        Integer.toString(s.heads()), Integer.toString(s.vocab()), s.dtype(),
                        String.format("%.1f MB", s.weightBytes() / 1e6), s.status());
        for (int i = 0; i < DETAILS.size(); i++) {
            values.get(DETAILS.get(i)).setText(texts.get(i));
        }
        values.values().iterator().next().getParent().layout();
    }

    @Override
    protected void okPressed() {
        if (summary == null || !summary.ready()) {
            validate();
            return;
        }
        add(summary.folder());
        super.okPressed();
    }

    /** The checkpoint accepted by Add, or null. */
    public CheckpointSummary summary() {
        return summary;
    }

    /** Adds {@code checkpoint} to the model folders of the preferences (the Model Library rescans). */
    public static void add(Path checkpoint) {
        Path normal = checkpoint.toAbsolutePath().normalize();
        List<Path> folders = new ArrayList<>(MechanistPreferences.modelFolders());
        if (folders.contains(normal) || folders.contains(normal.getParent())) {
            return; // the library lists it already (a model folder holds checkpoint folders one level down)
        }
        folders.add(normal);
        MechanistPreferences.node().put(MechanistPreferences.MODEL_FOLDERS,
                String.join(File.pathSeparator, folders.stream().map(Path::toString).toList()));
        WorkbenchDatasets.flush();
    }
}
