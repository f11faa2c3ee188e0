package io.mechanist.headless.commands;

import org.eclipse.core.runtime.NullProgressMonitor;

import io.mechanist.headless.CliContext;

/** Shows an Eclipse progress monitor's work as percentage lines on standard error. */
final class CliProgressMonitor extends NullProgressMonitor {

    private final CliContext context;
    private String task = "";
    private int total = 100;
    private double done;

    CliProgressMonitor(CliContext context) {
        this.context = context;
    }

    @Override
    public void beginTask(String name, int totalWork) {
        task = name == null ? "" : name;
        total = totalWork <= 0 ? 100 : totalWork;
        done = 0;
        context.progress(task, 0, total);
    }

    @Override
    public void worked(int work) {
        internalWorked(work);
    }

    @Override
    public void internalWorked(double work) {
        done = Math.min(total, done + work);
        context.progress(task, (long) done, total);
    }

    @Override
    public void done() {
        context.progress(task, total, total);
    }
}
