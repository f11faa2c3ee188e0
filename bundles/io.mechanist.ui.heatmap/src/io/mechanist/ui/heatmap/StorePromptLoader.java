package io.mechanist.ui.heatmap;

import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.Status;
import org.eclipse.core.runtime.jobs.Job;

import io.mechanist.core.activations.ActivationSet;
import io.mechanist.heatmap.ActivationSetSource;
import io.mechanist.ui.events.StorePromptSelection;

/**
 * Opens the capture of a prompt picked in the Store Navigator in a job and hands it to the view as its source. The
 * open {@link ActivationSet} is kept while it is shown and closed when the next one replaces it.
 */
final class StorePromptLoader {

    private final HeatmapView view;
    private ActivationSet shown;
    private Job loading;

    StorePromptLoader(HeatmapView view) {
        this.view = view;
    }

    /** Must run on the UI thread. */
    void load(StorePromptSelection selection) {
        if (loading != null) {
            loading.cancel();
        }
        Job job = Job.create("Opening " + selection.captureId() + ", prompt " + selection.prompt(),
                (IProgressMonitor monitor) -> {
                    ActivationSet set = null;
                    try {
                        set = selection.openCapture();
                        ActivationSetSource source = new ActivationSetSource(set, selection.prompt(),
                                selection.vectors());
                        ActivationSet opened = set;
                        ui(() -> {
                            if (monitor.isCanceled()) {
                                closeQuietly(opened);
                                return;
                            }
                            ActivationSet previous = shown;
                            shown = opened;
                            view.setSource(source, selection);
                            closeQuietly(previous);
                        }, () -> closeQuietly(opened));
                        return Status.OK_STATUS;
                    } catch (Exception e) {
                        closeQuietly(set);
                        String message = "Cannot show " + selection.captureId() + ", prompt " + selection.prompt()
                                + ": " + e.getMessage();
                        ui(() -> view.showMessage(message), () -> { });
                        return e instanceof IllegalArgumentException ? Status.OK_STATUS
                                : Status.warning(message, e);
                    }
                });
        loading = job;
        job.schedule();
    }

    void dispose() {
        if (loading != null) {
            loading.cancel();
        }
        closeQuietly(shown);
        shown = null;
    }

    private void ui(Runnable work, Runnable ifDisposed) {
        var canvas = view.canvas();
        if (canvas == null || canvas.isDisposed()) {
            ifDisposed.run();
            return;
        }
        canvas.getDisplay().asyncExec(() -> {
            if (canvas.isDisposed()) {
                ifDisposed.run();
            } else {
                work.run();
            }
        });
    }

    private static void closeQuietly(ActivationSet set) {
        if (set != null) {
            try {
                set.close();
            } catch (Exception e) {
                // Nothing was written; the snapshot's files are only read.
            }
        }
    }
}
