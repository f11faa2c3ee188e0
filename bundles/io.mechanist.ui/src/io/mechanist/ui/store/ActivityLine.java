package io.mechanist.ui.store;

import java.util.ArrayList;
import java.util.List;

import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.IStatus;
import org.eclipse.core.runtime.ProgressMonitorWrapper;
import org.eclipse.core.runtime.jobs.IJobChangeEvent;
import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.core.runtime.jobs.JobChangeAdapter;
import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.ProgressBar;

/**
 * A line in the Store Navigator that says what background work is preparing its content, with a progress bar: on a
 * first launch the demo store takes from seconds to minutes to build (more on a busy machine), and an empty tree
 * that says "No store open" meanwhile looks broken. Hidden when nothing runs. Safe to call from any thread.
 */
final class ActivityLine {

    private static final int TICKS = 1000;
    /** How many past activities {@link #shown()} keeps. */
    private static final int HISTORY = 50;

    private final Composite parent;
    private final Label text;
    private final ProgressBar bar;
    private final List<String> shown = new ArrayList<>();
    private final Runnable changed;
    private String current;

    /**
     * Adds the line's text and bar to {@code parent} (a {@link GridLayout} of {@code columns} columns), each across
     * the whole width; {@code changed} runs on the UI thread whenever the line appears or disappears.
     */
    ActivityLine(Composite parent, int columns, Runnable changed) {
        this.parent = parent;
        this.changed = changed;
        // Wrapped to the view's width: the navigator is often a narrow column. The width hint only keeps the
        // label from asking for its one-line width; the layout gives it the column's.
        text = new Label(parent, SWT.WRAP);
        GridData textData = new GridData(SWT.FILL, SWT.CENTER, true, false, columns, 1);
        textData.widthHint = 100;
        text.setLayoutData(textData);
        bar = new ProgressBar(parent, SWT.HORIZONTAL | SWT.SMOOTH);
        bar.setMaximum(TICKS);
        bar.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false, columns, 1));
        show(text, false);
        show(bar, false);
    }

    /**
     * Wraps the monitor of work that prepares the navigator's content, so that its task, subtask and progress show
     * on this line while it runs; the line says {@code title} until the work names its own task.
     */
    IProgressMonitor monitor(String title, IProgressMonitor delegate) {
        return new ProgressMonitorWrapper(delegate) {
            private double total = IProgressMonitor.UNKNOWN;
            private double done;
            private String task = title;
            private String subTask = "";
            private String lastLine;
            private int lastTicks = Integer.MIN_VALUE;

            @Override
            public void beginTask(String name, int totalWork) {
                super.beginTask(name, totalWork);
                total = totalWork;
                update(name);
            }

            @Override
            public void setTaskName(String name) {
                super.setTaskName(name);
                update(name);
            }

            @Override
            public void subTask(String name) {
                super.subTask(name);
                subTask = name == null ? "" : name;
                update(null);
            }

            @Override
            public void internalWorked(double work) {
                super.internalWorked(work);
                done += work;
                update(null);
            }

            @Override
            public void worked(int work) {
                internalWorked(work);
            }

            private void update(String taskName) {
                if (taskName != null && !taskName.isBlank()) {
                    task = taskName;
                }
                int ticks = total > 0 ? (int) Math.min(TICKS, Math.round(TICKS * done / total)) : -1;
                String line = title.equals(task) ? title : title + ": " + task;
                line = subTask.isBlank() ? line : line + " \u2013 " + subTask;
                if (ticks != lastTicks || !line.equals(lastLine)) { // one UI update per visible change
                    lastTicks = ticks;
                    lastLine = line;
                    show(line, ticks);
                }
            }
        };
    }

    /** Shows {@code title} while {@code job} runs (without a percentage: the job's own monitor is not ours). */
    void follow(Job job, String title) {
        job.addJobChangeListener(new JobChangeAdapter() {
            @Override
            public void running(IJobChangeEvent event) {
                show(title, -1);
            }

            @Override
            public void done(IJobChangeEvent event) {
                IStatus result = event.getResult();
                if (result != null && result.getSeverity() == IStatus.ERROR) {
                    show(title + " failed: " + result.getMessage(), -1);
                } else {
                    clear(title);
                }
            }
        });
    }

    /** Hides the line if it still shows an activity that starts with {@code title}. */
    void clear(String title) {
        asyncExec(() -> {
            if (current != null && current.startsWith(title)) {
                hide();
            }
        });
    }

    /** The activities this line has shown, oldest first (what a user saw; tests read it). */
    synchronized List<String> shown() {
        return List.copyOf(shown);
    }

    /** The text shown now, or null when the line is hidden. Must run on the UI thread. */
    String current() {
        return current;
    }

    /** The progress bar's fraction now (0..1), or -1 when the work's size is unknown. UI thread. */
    double fraction() {
        return bar.isVisible() ? bar.getSelection() / (double) TICKS : -1;
    }

    private void show(String line, int ticks) {
        synchronized (this) {
            if (shown.isEmpty() || !shown.get(shown.size() - 1).equals(line)) {
                shown.add(line);
                if (shown.size() > HISTORY) {
                    shown.remove(0);
                }
            }
        }
        asyncExec(() -> {
            boolean appears = current == null;
            current = line;
            boolean relayout = appears | !line.equals(text.getText()) | show(text, true) | show(bar, ticks >= 0);
            text.setText(line);
            text.setToolTipText(line);
            if (ticks >= 0) {
                bar.setSelection(ticks);
            }
            if (relayout) {
                parent.layout(true, true);
            }
            if (appears) {
                changed.run();
            }
        });
    }

    private void hide() {
        current = null;
        show(text, false);
        show(bar, false);
        parent.layout(true, true);
        changed.run();
    }

    /** Shows or hides (and excludes from the layout) one control; returns whether that changed anything. */
    private static boolean show(Control control, boolean visible) {
        GridData data = (GridData) control.getLayoutData();
        if (control.getVisible() == visible && data.exclude == !visible) {
            return false;
        }
        control.setVisible(visible);
        data.exclude = !visible;
        return true;
    }

    private void asyncExec(Runnable runnable) {
        if (parent.isDisposed()) {
            return;
        }
        parent.getDisplay().asyncExec(() -> {
            if (!parent.isDisposed()) {
                runnable.run();
            }
        });
    }
}
