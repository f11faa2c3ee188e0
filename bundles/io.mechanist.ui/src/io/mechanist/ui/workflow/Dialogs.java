package io.mechanist.ui.workflow;

import org.eclipse.jface.dialogs.DialogSettings;
import org.eclipse.jface.dialogs.IDialogSettings;
import org.eclipse.ui.PlatformUI;
import org.osgi.framework.FrameworkUtil;

/** Where the workbench's forms remember their last values (the UI bundle's dialog settings, kept across restarts). */
public final class Dialogs {

    private Dialogs() {
    }

    /** The settings section {@code name}, created when missing. */
    public static IDialogSettings settings(String name) {
        IDialogSettings root = PlatformUI.isWorkbenchRunning()
                ? PlatformUI.getDialogSettingsProvider(FrameworkUtil.getBundle(Dialogs.class)).getDialogSettings()
                : new DialogSettings("detached");
        IDialogSettings section = root.getSection(name);
        return section != null ? section : root.addNewSection(name);
    }
}
