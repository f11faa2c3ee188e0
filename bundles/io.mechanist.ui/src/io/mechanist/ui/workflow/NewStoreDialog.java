package io.mechanist.ui.workflow;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

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
import org.eclipse.swt.widgets.Text;

import io.mechanist.store.ActivationStore;
import io.mechanist.ui.store.OpenStores;

/**
 * File > New Store...: creates an empty activation store in a chosen folder (created if missing, or empty) and opens
 * it in the Store Navigator. A folder that holds other files is refused, so a store never mixes with foreign files;
 * a folder that already holds a store is pointed at "Open Store...".
 */
public final class NewStoreDialog extends FormDialog {

    public static final String TITLE = "New Activation Store";

    private PathField folder;
    private Text name;
    private Path created;

    public NewStoreDialog(Shell parent) {
        super(parent, TITLE, new Point(720, 320));
    }

    @Override
    protected Control createDialogArea(Composite parent) {
        Composite area = (Composite) super.createDialogArea(parent);
        setTitle("Create an empty activation store");
        Composite form = new Composite(area, SWT.NONE);
        form.setLayoutData(new GridData(SWT.FILL, SWT.FILL, true, true));
        form.setLayout(new GridLayout(3, false));
        folder = new PathField(form, "Folder:", "folder", true, null, this::validate);
        new Label(form, SWT.NONE).setText("Name:");
        name = new Text(form, SWT.BORDER | SWT.SINGLE);
        name.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false, 2, 1));
        name.setData(PathField.KEY, "name");
        name.setMessage("the folder's name");
        Label note = new Label(form, SWT.WRAP);
        GridData wide = new GridData(SWT.FILL, SWT.TOP, true, false, 3, 1);
        wide.widthHint = 500;
        note.setLayoutData(wide);
        note.setText("A store holds the models and datasets you capture, their activations and every analysis result."
                + " Capture into it with \"Capture Activations...\".");
        return area;
    }

    @Override
    protected void createButtonsForButtonBar(Composite parent) {
        createButton(parent, IDialogConstants.OK_ID, "Create", true);
        createButton(parent, IDialogConstants.CANCEL_ID, IDialogConstants.CANCEL_LABEL, false);
        validate();
    }

    /** Why {@code folder} cannot hold a new store, or null if it can. */
    public static String problem(Path folder) {
        if (folder == null) {
            return "Choose a folder for the store (it is created if it does not exist).";
        }
        if (Files.isRegularFile(folder.resolve("store.xmi"))) {
            return folder + " already holds a store: open it with \"Open Store...\".";
        }
        if (Files.exists(folder) && !Files.isDirectory(folder)) {
            return folder + " is a file, not a folder.";
        }
        if (Files.isDirectory(folder)) {
            try (Stream<Path> entries = Files.list(folder)) {
                if (entries.findAny().isPresent()) {
                    return folder + " is not empty and holds no store: choose an empty or a new folder.";
                }
            } catch (IOException e) {
                return "Cannot read " + folder + ": " + e.getMessage();
            }
        }
        return null;
    }

    private void validate() {
        Path chosen = folder == null ? null : folder.path();
        String problem = problem(chosen);
        if (chosen == null) {
            setErrorMessage(null);
            setMessage(problem, IMessageProvider.INFORMATION);
        } else {
            setErrorMessage(problem);
            setMessage("The store will be created in " + chosen + " and opened in the Store Navigator.");
        }
        Button ok = getButton(IDialogConstants.OK_ID);
        if (ok != null) {
            ok.setEnabled(problem == null);
        }
    }

    @Override
    protected void okPressed() {
        Path chosen = folder.path();
        String problem = problem(chosen);
        if (problem != null) {
            validate();
            return;
        }
        String storeName = name.getText().isBlank() ? String.valueOf(chosen.getFileName()) : name.getText().strip();
        try (ActivationStore store = ActivationStore.create(chosen, storeName)) {
            created = store.folder();
        } catch (IOException | RuntimeException e) {
            setErrorMessage("Cannot create a store in " + chosen + ": " + e.getMessage());
            return;
        }
        OpenStores.instance().open(created);
        super.okPressed();
    }

    /** The folder of the created store, after Create. */
    public Path created() {
        return created;
    }
}
