package io.mechanist.ui.store;

import java.io.File;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.IStatus;
import org.eclipse.core.runtime.Status;
import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.core.runtime.preferences.IEclipsePreferences;
import org.eclipse.core.runtime.preferences.InstanceScope;
import org.osgi.service.prefs.BackingStoreException;

import io.mechanist.store.ActivationStore;

/**
 * The stores open in the workbench, read-only (these handles never take a store's write lock, so a capture may
 * write while it is shown; an analysis run from the workbench takes it only for the run, see {@link AnalysisJob}). Opening, snapshotting and polling for changes run in jobs; listeners get the new trees
 * on the job's thread. The open folders are remembered in the preferences and reopened at the next start.
 */
public final class OpenStores {

    /** Preference key (node {@code io.mechanist.ui}): open store folders separated by {@link File#pathSeparator}. */
    public static final String PREFERENCE = "openStores";
    /** How often open stores are checked for commits of other processes. */
    static final long POLL_MILLIS = 2000;

    private static final OpenStores INSTANCE = new OpenStores();

    private final Map<Path, ActivationStore> stores = new LinkedHashMap<>();
    private final Map<Path, StoreElement> trees = new LinkedHashMap<>();
    private final List<Consumer<List<StoreElement>>> listeners = new CopyOnWriteArrayList<>();
    private final Job poller = Job.create("Watching activation stores", this::poll);
    private boolean restored;

    private OpenStores() {
        poller.setSystem(true);
    }

    public static OpenStores instance() {
        return INSTANCE;
    }

    /** The current trees, one per open store (in opening order). */
    public synchronized List<StoreElement> trees() {
        return new ArrayList<>(trees.values());
    }

    /** The open store of {@code folder}, or null. */
    public synchronized ActivationStore store(Path folder) {
        return stores.get(normalize(folder));
    }

    /** Listens to changes of the open stores; called with every open store's tree, on a background thread. */
    public void addListener(Consumer<List<StoreElement>> listener) {
        listeners.add(listener);
    }

    public void removeListener(Consumer<List<StoreElement>> listener) {
        listeners.remove(listener);
    }

    /**
     * Runs {@code action} once on the display's thread as soon as the store of {@code folder} is open: at once when
     * it is, else when it opens (after a restart the remembered stores open in a job, and views that restore their
     * content wait for theirs). Returns what stops the wait (call it when the view closes).
     */
    public Runnable whenOpen(Path folder, org.eclipse.swt.widgets.Display display, Runnable action) {
        Path dir = normalize(folder);
        boolean[] done = { false };
        Consumer<List<StoreElement>> listener = new Consumer<>() {
            @Override
            public void accept(List<StoreElement> trees) {
                synchronized (done) {
                    if (done[0] || store(dir) == null) {
                        return;
                    }
                    done[0] = true;
                }
                removeListener(this);
                if (!display.isDisposed()) {
                    display.asyncExec(action);
                }
            }
        };
        addListener(listener);
        listener.accept(trees()); // already open
        return () -> {
            synchronized (done) {
                done[0] = true;
            }
            removeListener(listener);
        };
    }

    /** The remembered folders (from the preferences). */
    public static List<Path> rememberedFolders() {
        String joined = preferences().get(PREFERENCE, "");
        List<Path> folders = new ArrayList<>();
        for (String part : joined.split(File.pathSeparator)) {
            if (!part.isBlank()) {
                folders.add(Path.of(part.trim()));
            }
        }
        return folders;
    }

    /** Reopens the remembered stores once per session; returns the job (null if it ran before). */
    public synchronized Job restore() {
        if (restored) {
            return null;
        }
        restored = true;
        List<Path> folders = rememberedFolders();
        return folders.isEmpty() ? null : open(folders);
    }

    /** Opens the store in {@code folder} read-only in a job and remembers it. */
    public Job open(Path folder) {
        return open(List.of(folder));
    }

    private Job open(List<Path> folders) {
        Job job = Job.create("Opening " + (folders.size() == 1 ? folders.get(0) : folders.size() + " stores"),
                (IProgressMonitor monitor) -> {
                    List<IStatus> problems = new ArrayList<>();
                    for (Path folder : folders) {
                        Path dir = normalize(folder);
                        synchronized (this) {
                            if (stores.containsKey(dir)) {
                                continue;
                            }
                        }
                        try {
                            ActivationStore store = ActivationStore.openReadOnly(dir);
                            StoreElement tree = snapshot(store);
                            synchronized (this) {
                                stores.put(dir, store);
                                trees.put(dir, tree);
                            }
                        } catch (IOException | RuntimeException e) {
                            synchronized (this) {
                                trees.put(dir, StoreSnapshot.problem(dir, "cannot be opened: " + e.getMessage()));
                            }
                            problems.add(Status.warning("Cannot open the store " + dir + ": " + e.getMessage(), e));
                        }
                    }
                    remember();
                    fire();
                    poller.schedule(POLL_MILLIS);
                    return problems.isEmpty() ? Status.OK_STATUS : problems.get(0);
                });
        job.setUser(false);
        job.schedule();
        return job;
    }

    /** Closes and forgets the store of {@code folder}. */
    public void close(Path folder) {
        Path dir = normalize(folder);
        ActivationStore store;
        synchronized (this) {
            store = stores.remove(dir);
            trees.remove(dir);
        }
        if (store != null) {
            try {
                store.close();
            } catch (IOException e) {
                // A read-only store holds no lock; nothing is lost if closing fails.
            }
        }
        remember();
        fire();
    }

    /** Closes every store without forgetting them (workbench shutdown, tests). */
    public void closeAll() {
        List<ActivationStore> open;
        synchronized (this) {
            open = new ArrayList<>(stores.values());
            stores.clear();
            trees.clear();
            restored = false;
        }
        for (ActivationStore store : open) {
            try {
                store.close();
            } catch (IOException e) {
                // As in close(Path).
            }
        }
        fire();
    }

    /** Checks every open store for new commits now, in a job; returns the job. */
    public Job refreshNow() {
        Job job = Job.create("Refreshing activation stores", this::poll);
        job.setSystem(true);
        job.schedule();
        return job;
    }

    private IStatus poll(IProgressMonitor monitor) {
        Map<Path, ActivationStore> open;
        synchronized (this) {
            open = new LinkedHashMap<>(stores);
        }
        boolean changed = false;
        for (Map.Entry<Path, ActivationStore> entry : open.entrySet()) {
            if (monitor.isCanceled()) {
                return Status.CANCEL_STATUS;
            }
            changed |= reload(entry.getKey(), entry.getValue());
        }
        if (changed) {
            fire();
        }
        synchronized (this) {
            if (!stores.isEmpty() && monitor != null && !monitor.isCanceled()) {
                poller.schedule(POLL_MILLIS);
            }
        }
        return Status.OK_STATUS;
    }

    /**
     * Reloads the store of {@code folder} now if it changed on disk (e.g. after a run wrote to it) and gives the
     * listeners the new trees, on the caller's thread; nothing happens if the store is not open.
     */
    public void refresh(Path folder) {
        Path dir = normalize(folder);
        ActivationStore store;
        synchronized (this) {
            store = stores.get(dir);
        }
        if (store != null && reload(dir, store)) {
            fire();
        }
    }

    /** Re-reads one store if it changed; whether its tree was replaced. */
    private boolean reload(Path dir, ActivationStore store) {
        StoreElement tree;
        try {
            if (!store.refresh()) {
                return false;
            }
            tree = snapshot(store);
        } catch (IOException | RuntimeException e) {
            tree = StoreSnapshot.problem(dir, "cannot be read: " + e.getMessage());
        }
        synchronized (this) {
            if (stores.get(dir) != store) {
                return false;
            }
            trees.put(dir, tree);
            return true;
        }
    }

    private static StoreElement snapshot(ActivationStore store) {
        return store.read(s -> StoreSnapshot.build(store.folder(), s));
    }

    private void fire() {
        List<StoreElement> current = trees();
        for (Consumer<List<StoreElement>> listener : listeners) {
            listener.accept(current);
        }
    }

    private void remember() {
        List<String> folders;
        synchronized (this) {
            folders = trees.keySet().stream().map(Path::toString).toList();
        }
        IEclipsePreferences node = preferences();
        node.put(PREFERENCE, String.join(File.pathSeparator, folders));
        try {
            node.flush();
        } catch (BackingStoreException e) {
            // Remembering is a convenience; the stores stay open for this session.
        }
    }

    private static IEclipsePreferences preferences() {
        return InstanceScope.INSTANCE.getNode("io.mechanist.ui");
    }

    private static Path normalize(Path folder) {
        return folder.toAbsolutePath().normalize();
    }
}
