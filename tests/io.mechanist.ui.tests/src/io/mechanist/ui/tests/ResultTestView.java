package io.mechanist.ui.tests;

import java.util.concurrent.atomic.AtomicReference;

import org.eclipse.e4.core.services.events.IEventBroker;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Label;
import org.eclipse.ui.part.ViewPart;
import org.osgi.service.event.EventHandler;

import io.mechanist.ui.events.StoreResultSelection;

/** A view bound to an analysis output in this bundle's plugin.xml; remembers the result it was asked to show. */
public class ResultTestView extends ViewPart {

    static final AtomicReference<StoreResultSelection> RECEIVED = new AtomicReference<>();

    private Label label;
    private final EventHandler handler = event -> {
        StoreResultSelection selection = (StoreResultSelection) event.getProperty(IEventBroker.DATA);
        RECEIVED.set(selection);
        if (!label.isDisposed()) {
            label.getDisplay().asyncExec(() -> {
                if (!label.isDisposed()) {
                    label.setText("Result " + selection.resultId() + " of " + selection.analysisId());
                }
            });
        }
    };

    @Override
    public void createPartControl(Composite parent) {
        label = new Label(parent, SWT.NONE);
        label.setText("No result");
        getSite().getService(IEventBroker.class).subscribe(StoreResultSelection.TOPIC, handler);
    }

    @Override
    public void setFocus() {
        label.setFocus();
    }

    @Override
    public void dispose() {
        getSite().getService(IEventBroker.class).unsubscribe(handler);
        super.dispose();
    }
}
