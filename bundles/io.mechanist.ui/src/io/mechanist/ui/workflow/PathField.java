package io.mechanist.ui.workflow;

import java.nio.file.Path;

import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.DirectoryDialog;
import org.eclipse.swt.widgets.FileDialog;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Text;

/**
 * A label, a path typed or pasted, and "Browse..." (a folder or a file chooser), in three columns of a grid. The
 * text is the value, so a path can be typed where the native chooser is unavailable.
 */
public final class PathField {

    /** Widget data key naming the field (for tests that drive the dialogs). */
    public static final String KEY = "io.mechanist.ui.field";

    private final Text text;

    PathField(Composite parent, String label, String name, boolean folder, String[] extensions, Runnable modified) {
        new Label(parent, SWT.NONE).setText(label);
        text = new Text(parent, SWT.BORDER | SWT.SINGLE);
        text.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));
        text.setData(KEY, name);
        text.addListener(SWT.Modify, e -> modified.run());
        Button browse = new Button(parent, SWT.PUSH);
        browse.setText("Browse...");
        browse.addListener(SWT.Selection, e -> {
            String chosen;
            if (folder) {
                DirectoryDialog dialog = new DirectoryDialog(parent.getShell());
                dialog.setFilterPath(text.getText());
                chosen = dialog.open();
            } else {
                FileDialog dialog = new FileDialog(parent.getShell(), SWT.OPEN);
                dialog.setFilterExtensions(extensions);
                chosen = dialog.open();
            }
            if (chosen != null) {
                text.setText(chosen);
            }
        });
    }

    Text text() {
        return text;
    }

    /** The typed path (home-relative {@code ~} expanded), or null when empty. */
    Path path() {
        String value = text.getText().strip();
        if (value.isEmpty()) {
            return null;
        }
        if (value.equals("~") || value.startsWith("~/")) {
            value = System.getProperty("user.home") + value.substring(1);
        }
        return Path.of(value).toAbsolutePath().normalize();
    }
}
