package io.mechanist.testing.ui;

import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.time.Duration;
import java.util.Arrays;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.e4.ui.model.application.ui.basic.MPart;
import org.eclipse.e4.ui.workbench.modeling.EPartService;
import org.eclipse.swt.widgets.Display;
import org.eclipse.ui.IWorkbenchPage;
import org.eclipse.ui.IWorkbenchWindow;
import org.eclipse.ui.PlatformUI;

/** Runs test code against the real workbench: on its UI thread, or waiting for what its jobs do. */
public final class Workbench {

    /** How long {@link #waitUntil(BooleanSupplier, String)} waits. */
    public static final Duration TIMEOUT = Duration.ofSeconds(120);

    private Workbench() {
    }

    /** The active workbench window, or the first one while none is active (e.g. a dialog has the focus). */
    public static IWorkbenchWindow window() {
        IWorkbenchWindow window = PlatformUI.getWorkbench().getActiveWorkbenchWindow();
        return window != null ? window : PlatformUI.getWorkbench().getWorkbenchWindows()[0];
    }

    public static IWorkbenchPage page() {
        return window().getActivePage();
    }

    /** Opens (or brings up) the view {@code id} and returns its part's object, which must be a {@code type}. */
    public static <V> V showView(String id, Class<V> type) {
        return ui(() -> {
            try {
                page().showView(id);
            } catch (Exception e) {
                throw new AssertionError("cannot open " + id, e);
            }
            MPart part = window().getService(EPartService.class).findPart(id);
            assertNotNull(part, "part of " + id);
            if (!type.isInstance(part.getObject())) {
                throw new AssertionError(
                        "the part's object is " + part.getObject() + ", not a " + type.getSimpleName());
            }
            return type.cast(part.getObject());
        });
    }

    /** Runs {@code work} on the UI thread and hands back its result or its failure (the workbench would swallow it). */
    public static <T> T ui(Supplier<T> work) {
        AtomicReference<T> result = new AtomicReference<>();
        AtomicReference<Throwable> failure = new AtomicReference<>();
        Display display = PlatformUI.getWorkbench().getDisplay();
        display.syncExec(() -> {
            try {
                result.set(work.get());
            } catch (Throwable t) {
                failure.set(t);
            }
        });
        if (failure.get() instanceof RuntimeException e) {
            throw e;
        } else if (failure.get() instanceof Error e) {
            throw e;
        } else if (failure.get() != null) {
            throw new AssertionError(failure.get());
        }
        return result.get();
    }

    /** Polls {@code condition} off the UI thread until it holds; fails after {@link #TIMEOUT}. */
    public static void waitUntil(BooleanSupplier condition, String what) throws InterruptedException {
        waitUntil(condition, TIMEOUT, () -> what);
    }

    /**
     * Polls {@code condition} off the UI thread until it holds; fails after {@code timeout} with {@code what}, which
     * is only computed then (so it can describe the state the wait ended in).
     */
    public static void waitUntil(BooleanSupplier condition, Duration timeout, Supplier<String> what)
            throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out waiting until " + what.get());
            }
            Thread.sleep(100);
        }
    }

    /**
     * Waits until no job whose name starts with {@code namePrefix} is waiting, sleeping or running, then until the
     * UI thread has run what those jobs handed it ({@code asyncExec} runs in order, so one {@code syncExec} after
     * them is the barrier). With it a test can check that something did NOT happen: a view that started no job has
     * nothing to wait for, and one that did has finished showing its result.
     */
    public static void waitForJobs(String namePrefix) throws InterruptedException {
        waitUntil(() -> Arrays.stream(Job.getJobManager().find(null))
                .noneMatch(job -> job.getName().startsWith(namePrefix)), TIMEOUT,
                () -> "no job named '" + namePrefix + "...' is left");
        ui(() -> null);
    }
}
