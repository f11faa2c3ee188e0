package io.mechanist.ui.workflow;

import java.nio.file.Path;

import org.eclipse.core.commands.AbstractHandler;
import org.eclipse.core.commands.ExecutionEvent;
import org.eclipse.core.runtime.IConfigurationElement;
import org.eclipse.core.runtime.IExecutableExtension;
import org.eclipse.jface.window.Window;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.ui.IWorkbenchPage;
import org.eclipse.ui.PartInitException;
import org.eclipse.ui.handlers.HandlerUtil;

import io.mechanist.ui.models.ModelLibraryView;
import io.mechanist.ui.store.StoreNavigator;

/**
 * The handlers of the researcher's loop, one per command of plugin.xml (the step is the class's initialisation
 * data, {@code WorkflowHandler:newStore}): New Store, Add Model, Import Dataset, Capture Activations, Getting Started.
 */
public final class WorkflowHandler extends AbstractHandler implements IExecutableExtension {

    private String step = "";

    @Override
    public void setInitializationData(IConfigurationElement config, String property, Object data) {
        step = data instanceof String s ? s : "";
    }

    @Override
    public Object execute(ExecutionEvent event) {
        Shell shell = HandlerUtil.getActiveShell(event);
        IWorkbenchPage page = HandlerUtil.getActiveWorkbenchWindow(event) == null ? null
                : HandlerUtil.getActiveWorkbenchWindow(event).getActivePage();
        switch (step) {
            case "newStore" -> {
                if (new NewStoreDialog(shell).open() == Window.OK) {
                    show(page, StoreNavigator.ID);
                }
            }
            case "addModel" -> {
                if (new AddModelDialog(shell).open() == Window.OK) {
                    show(page, ModelLibraryView.ID);
                }
            }
            case "importDataset" -> new ImportDatasetDialog(shell).open();
            case "capture" -> capture(shell, page, null);
            case "gettingStarted" -> new GettingStartedDialog(shell).open();
            default -> throw new IllegalStateException("unknown step '" + step + "' in plugin.xml");
        }
        return null;
    }

    /** Opens the capture dialog (store preselected, or null) and runs what it asks for as a job. */
    public static void capture(Shell shell, IWorkbenchPage page, Path store) {
        CaptureDialog dialog = new CaptureDialog(shell, store);
        if (dialog.open() == Window.OK) {
            new CaptureRunJob(dialog.job()).schedule();
            show(page, StoreNavigator.ID);
        }
    }

    private static void show(IWorkbenchPage page, String viewId) {
        if (page == null) {
            return;
        }
        try {
            page.showView(viewId, null, IWorkbenchPage.VIEW_VISIBLE);
        } catch (PartInitException e) {
            // The view is only brought forward as a convenience.
        }
    }
}
