package io.mechanist.ui.workflow;

import org.eclipse.jface.dialogs.TitleAreaDialog;
import org.eclipse.swt.graphics.Point;
import org.eclipse.swt.widgets.Shell;

/**
 * The shape every form dialog of the workbench shares: a title area for messages, a window title, resizable (forms
 * wrap to the width they get instead of clipping), a first size that fits the form, no help button.
 */
public abstract class FormDialog extends TitleAreaDialog {

    private final String windowTitle;
    private final Point initialSize;

    protected FormDialog(Shell parent, String windowTitle, Point initialSize) {
        super(parent);
        this.windowTitle = windowTitle;
        this.initialSize = initialSize;
        setHelpAvailable(false);
    }

    @Override
    protected boolean isResizable() {
        return true;
    }

    @Override
    protected Point getInitialSize() {
        return initialSize;
    }

    @Override
    protected void configureShell(Shell shell) {
        super.configureShell(shell);
        shell.setText(windowTitle);
    }
}
