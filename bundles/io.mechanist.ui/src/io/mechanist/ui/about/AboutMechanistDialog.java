package io.mechanist.ui.about;

import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.Platform;
import org.eclipse.core.runtime.Status;
import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.jface.dialogs.Dialog;
import org.eclipse.jface.dialogs.IDialogConstants;
import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.swt.widgets.Text;
import org.osgi.framework.FrameworkUtil;

import io.mechanist.djl.DjlEngines;

/**
 * Help > About Mechanist: Mechanist's version and the engine it runs on. The engine is probed in a background job
 * (its first start extracts native libraries), so the dialog opens at once and fills in the engine line later.
 */
public class AboutMechanistDialog extends Dialog {

    /** Shown on the engine line until the probe returns. */
    public static final String PROBING = "DJL " + DjlEngines.djlVersion() + ", starting the engine...";

    private Text details;
    private Label engineLine;

    public AboutMechanistDialog(Shell parent) {
        super(parent);
    }

    /** Mechanist's version, from the bundle that carries the product. */
    public static String mechanistVersion() {
        return FrameworkUtil.getBundle(AboutMechanistDialog.class).getVersion().toString();
    }

    @Override
    protected void configureShell(Shell shell) {
        super.configureShell(shell);
        shell.setText("About Mechanist");
    }

    @Override
    protected Control createDialogArea(Composite parent) {
        Composite area = (Composite) super.createDialogArea(parent);
        ((GridLayout) area.getLayout()).numColumns = 1;

        Label title = new Label(area, SWT.NONE);
        title.setText("Mechanist " + mechanistVersion());
        title.setFont(org.eclipse.jface.resource.JFaceResources.getHeaderFont());

        Label purpose = new Label(area, SWT.WRAP);
        purpose.setText("A workbench for mechanistic interpretability of transformer language models.");

        engineLine = new Label(area, SWT.NONE);
        engineLine.setText(PROBING);
        engineLine.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));

        details = new Text(area, SWT.MULTI | SWT.READ_ONLY | SWT.BORDER | SWT.WRAP);
        details.setText(environmentText());
        GridData data = new GridData(SWT.FILL, SWT.FILL, true, true);
        data.widthHint = 560;
        data.heightHint = 110;
        details.setLayoutData(data);

        probeEngine();
        return area;
    }

    private static String environmentText() {
        return "Java " + System.getProperty("java.version") + " (" + System.getProperty("java.vendor") + ")\n"
                + "Platform " + Platform.getOS() + "." + Platform.getWS() + "." + Platform.getOSArch() + "\n"
                + "DJL native cache " + DjlEngines.cacheDir() + "\n"
                + "Workspace " + Platform.getInstanceLocation().getURL();
    }

    private void probeEngine() {
        Job probe = Job.create("Starting the DJL engine", (IProgressMonitor monitor) -> {
            EngineInfo info = EngineInfo.probe();
            if (engineLine != null && !engineLine.isDisposed()) {
                engineLine.getDisplay().asyncExec(() -> {
                    if (!engineLine.isDisposed()) {
                        engineLine.setText(info.describe());
                        engineLine.getParent().layout(true);
                    }
                });
            }
            return Status.OK_STATUS;
        });
        probe.setSystem(false);
        probe.schedule();
    }

    /** The engine line as shown now (for tests and for copying). */
    public String engineText() {
        return engineLine.getText();
    }

    /** The button that opens the platform's dialog of installed bundles and configuration. */
    public static final int DETAILS_ID = IDialogConstants.CLIENT_ID + 1;
    /** The platform's About command (its dialog lists plug-ins and the configuration). */
    static final String PLATFORM_ABOUT = "org.eclipse.ui.help.aboutAction";

    @Override
    protected void createButtonsForButtonBar(Composite parent) {
        createButton(parent, DETAILS_ID, "Installation Details...", false);
        createButton(parent, IDialogConstants.OK_ID, IDialogConstants.CLOSE_LABEL, true);
    }

    @Override
    protected void buttonPressed(int buttonId) {
        if (buttonId != DETAILS_ID) {
            super.buttonPressed(buttonId);
            return;
        }
        // One About entry in the Help menu: the platform's details are reached from here.
        close();
        try {
            org.eclipse.ui.PlatformUI.getWorkbench().getService(org.eclipse.ui.handlers.IHandlerService.class)
                    .executeCommand(PLATFORM_ABOUT, null);
        } catch (Exception e) {
            org.eclipse.jface.dialogs.MessageDialog.openError(getParentShell(), "Installation Details",
                    "The platform's installation details cannot be shown: " + e.getMessage());
        }
    }

    @Override
    protected boolean isResizable() {
        return true;
    }

}
