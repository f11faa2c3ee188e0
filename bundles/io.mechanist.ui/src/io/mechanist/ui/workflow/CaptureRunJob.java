package io.mechanist.ui.workflow;

import java.io.IOException;

import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.IStatus;
import org.eclipse.core.runtime.OperationCanceledException;
import org.eclipse.core.runtime.Status;
import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.ui.progress.IProgressConstants;

import io.mechanist.capture.CaptureJob;
import io.mechanist.capture.CaptureSummary;
import io.mechanist.capture.Capturer;
import io.mechanist.ui.store.AnalysisJob;
import io.mechanist.ui.store.OpenStores;

/**
 * Runs a capture from the workbench through {@link Capturer} (what {@code mechanist capture} runs), with progress
 * and cancel. Cancelling commits the prompts done so far; the same settings later resume the capture. The store is
 * opened (or refreshed) in the navigator afterwards; captures and analyses of one store queue behind each other.
 */
public final class CaptureRunJob extends Job {

    /** The job family of every capture run. */
    public static final Object FAMILY = CaptureRunJob.class;

    private final CaptureJob capture;
    private volatile CaptureSummary summary;

    public CaptureRunJob(CaptureJob capture) {
        super("Capturing " + capture.dataset().getFileName() + " through " + capture.model().getFileName());
        this.capture = capture;
        setUser(true);
        setRule(AnalysisJob.writeRule(capture.store()));
        setProperty(IProgressConstants.NO_IMMEDIATE_ERROR_PROMPT_PROPERTY, Boolean.TRUE);
    }

    @Override
    public boolean belongsTo(Object family) {
        return family == FAMILY;
    }

    @Override
    protected IStatus run(IProgressMonitor monitor) {
        try {
            summary = Capturer.capture(capture, monitor);
            return Status.OK_STATUS;
        } catch (OperationCanceledException e) {
            return Status.CANCEL_STATUS;
        } catch (IOException | RuntimeException e) {
            return Status.error("Capture into " + capture.store() + " failed: " + e.getMessage(), e);
        } finally {
            if (OpenStores.instance().store(capture.store()) == null) {
                OpenStores.instance().open(capture.store());
            } else {
                OpenStores.instance().refresh(capture.store());
            }
        }
    }

    public CaptureJob capture() {
        return capture;
    }

    /** What was captured, once the job succeeded; null before or after a failure. */
    public CaptureSummary summary() {
        return summary;
    }
}
