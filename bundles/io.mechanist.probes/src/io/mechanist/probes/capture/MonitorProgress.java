package io.mechanist.probes.capture;

import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.SubMonitor;

import io.mechanist.probes.ProbeProgress;

/** Probe progress reported to an Eclipse progress monitor (1000 ticks over all cells), cancelled with it. */
public final class MonitorProgress implements ProbeProgress {

    private static final int TICKS = 1000;

    private final IProgressMonitor monitor;
    private final SubMonitor progress;
    private int reported;

    private MonitorProgress(IProgressMonitor monitor, String task) {
        this.monitor = monitor;
        this.progress = SubMonitor.convert(monitor, task, TICKS);
    }

    /** Progress of a probe run named {@code task} on {@code monitor} (may be null: nothing is shown). */
    public static ProbeProgress of(IProgressMonitor monitor, String task) {
        return new MonitorProgress(monitor, task);
    }

    @Override
    public synchronized void cellsDone(int done, int total) {
        int now = (int) ((long) TICKS * done / total);
        progress.worked(now - reported);
        reported = now;
    }

    @Override
    public boolean isCancelled() {
        return monitor != null && monitor.isCanceled();
    }
}
