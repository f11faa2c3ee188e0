package io.mechanist.ui.about;

import org.eclipse.core.commands.AbstractHandler;
import org.eclipse.core.commands.ExecutionEvent;
import org.eclipse.ui.handlers.HandlerUtil;

/** Opens {@link AboutMechanistDialog}. */
public class AboutHandler extends AbstractHandler {

    @Override
    public Object execute(ExecutionEvent event) {
        new AboutMechanistDialog(HandlerUtil.getActiveShell(event)).open();
        return null;
    }
}
