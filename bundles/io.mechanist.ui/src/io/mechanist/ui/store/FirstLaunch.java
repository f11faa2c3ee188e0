package io.mechanist.ui.store;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.Platform;
import org.eclipse.core.runtime.IStatus;
import org.eclipse.core.runtime.Status;
import org.eclipse.core.runtime.jobs.IJobChangeEvent;
import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.core.runtime.jobs.JobChangeAdapter;
import org.eclipse.core.runtime.preferences.IEclipsePreferences;
import org.eclipse.core.runtime.preferences.InstanceScope;
import org.eclipse.osgi.service.datalocation.Location;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.FrameworkUtil;
import org.osgi.framework.ServiceReference;
import org.osgi.service.prefs.BackingStoreException;

import io.mechanist.demo.EmbeddedDemo;
import io.mechanist.core.analysis.AnalysisRegistry;
import io.mechanist.core.analysis.AnalysisRequest;

/**
 * The first start of the workbench: with no store ever opened, opens the demo store in the workspace
 * ({@code ~/mechanist-workspace/demo-store}), creating it first with the registered {@link DemoStoreBuilder} when it
 * does not exist, and shows its first prompt. The embedded demo then gets real results in follow-on background jobs:
 * the probe analysis and the steering sweep of {@code mechanist demo} (see {@link EmbeddedDemo#probeRequest()} and
 * {@link EmbeddedDemo#sweepRequest(Path)}), each listed in the navigator as soon as it is committed. Runs once per
 * workspace (remembered in the preferences).
 */
final class FirstLaunch {

    /** Preference key (node {@code io.mechanist.ui}): the first-launch demo was offered already. */
    static final String DONE = "firstLaunchDone";
    /** System property that turns the first-launch demo off (tests that need an empty navigator). */
    static final String SKIP_PROPERTY = "mechanist.skipDemoStore";
    /** What the navigator's activity line says while the demo store is built. */
    static final String BUILDING_DEMO = "Building the demo store (first start)";

    private FirstLaunch() {
    }

    /** The demo store's folder: {@code demo-store} in the workspace ({@code -data}), by default ~/mechanist-workspace. */
    static Path demoStoreFolder() {
        Location workspace = Platform.getInstanceLocation();
        if (workspace != null && workspace.getURL() != null && "file".equals(workspace.getURL().getProtocol())) {
            return Path.of(workspace.getURL().getPath()).resolve("demo-store");
        }
        return Path.of(System.getProperty("user.home"), "mechanist-workspace", "demo-store");
    }

    static void start(StoreNavigator navigator) {
        IEclipsePreferences preferences = InstanceScope.INSTANCE.getNode("io.mechanist.ui");
        if (Boolean.getBoolean(SKIP_PROPERTY) || preferences.getBoolean(DONE, false)
                || !OpenStores.rememberedFolders().isEmpty()) {
            return;
        }
        Path folder = demoStoreFolder();
        if (Files.isRegularFile(folder.resolve("store.xmi"))) {
            markDone(preferences);
            openAndReveal(navigator, folder);
            return;
        }
        DemoStoreBuilder registered = registeredBuilder();
        DemoStoreBuilder builder = registered != null ? registered : EmbeddedDemo::createStore;
        markDone(preferences);
        String title = BUILDING_DEMO + " in " + folder;
        Job job = Job.create(title, (IProgressMonitor monitor) -> {
            try {
                Files.createDirectories(folder.getParent());
                builder.build(folder, navigator.activity().monitor(BUILDING_DEMO, monitor));
                return Status.OK_STATUS;
            } catch (Exception e) {
                return monitor.isCanceled() ? Status.CANCEL_STATUS
                        : Status.error("Could not create the demo store in " + folder + ": " + e.getMessage(), e);
            }
        });
        job.setUser(true);
        job.setRule(AnalysisJob.writeRule(folder));
        job.addJobChangeListener(new JobChangeAdapter() {
            @Override
            public void done(IJobChangeEvent event) {
                IStatus result = event.getResult();
                if (result.getSeverity() < IStatus.ERROR && result != Status.CANCEL_STATUS) {
                    openAndReveal(navigator, folder);
                    if (registered == null) {
                        analyzeDemo(folder, navigator.activity());
                    }
                }
            }
        });
        navigator.activity().follow(job, BUILDING_DEMO);
        job.schedule();
    }

    private static void openAndReveal(StoreNavigator navigator, Path folder) {
        Job open = OpenStores.instance().open(folder);
        open.addJobChangeListener(new JobChangeAdapter() {
            @Override
            public void done(IJobChangeEvent event) {
                var control = navigator.viewer().getControl();
                if (!control.isDisposed()) {
                    // After the navigator's own refresh (queued by the open job's listeners) has run.
                    control.getDisplay().asyncExec(() -> control.getDisplay().asyncExec(() -> {
                        if (!control.isDisposed()) {
                            navigator.revealFirstPrompt(folder);
                        }
                    }));
                }
            }
        });
    }

    /**
     * Schedules the demo's probe analysis, steering sweep, activation patching, SAE features, and the interpolation
     * sweep, model diff and probe transfer against the always-A checkpoint on the new demo store: background jobs with progress
     * that run one after the other while the user browses the captures. An
     * analysis that is not installed is left out; a failure is logged and leaves the captures as they are. The
     * navigator's activity line says which one runs.
     *
     * @return the scheduled jobs
     */
    static List<AnalysisJob> analyzeDemo(Path folder, ActivityLine activity) {
        AnalysisRegistry registry = AnalysisRegistry.fromPlatform();
        List<AnalysisRequest> requests = new ArrayList<>();
        requests.add(EmbeddedDemo.probeRequest());
        try {
            requests.add(EmbeddedDemo.sweepRequest(EmbeddedDemo.modelFolder()));
            requests.add(EmbeddedDemo.patchingRequest(EmbeddedDemo.modelFolder()));
            requests.add(EmbeddedDemo.featuresRequest(EmbeddedDemo.modelFolder()));
            requests.add(EmbeddedDemo.interpolationRequest(EmbeddedDemo.modelFolder(), EmbeddedDemo.alwaysAModelFolder()));
            requests.add(EmbeddedDemo.diffRequest());
            requests.add(EmbeddedDemo.transferRequest());
        } catch (IOException e) {
            Platform.getLog(FirstLaunch.class).error("The demo's model-based analyses cannot run: " + e.getMessage(), e);
        }
        List<AnalysisJob> jobs = new ArrayList<>();
        for (AnalysisRequest request : requests) {
            registry.find(request.analysisId()).ifPresent(descriptor -> {
                AnalysisJob job = new AnalysisJob(folder, descriptor, request, registry);
                job.setPriority(Job.LONG);
                jobs.add(job);
            });
        }
        for (int i = 0; i < jobs.size(); i++) {
            activity.follow(jobs.get(i), "Demo results " + (i + 1) + " of " + jobs.size() + ": "
                    + jobs.get(i).getName());
        }
        // One after the other, in order, each whatever the previous one's outcome.
        for (int i = 0; i + 1 < jobs.size(); i++) {
            Job next = jobs.get(i + 1);
            jobs.get(i).addJobChangeListener(new JobChangeAdapter() {
                @Override
                public void done(IJobChangeEvent event) {
                    next.schedule();
                }
            });
        }
        if (!jobs.isEmpty()) {
            jobs.get(0).schedule();
        }
        return jobs;
    }

    /** A registered builder (a product may ship its own demo), or null for Mechanist's embedded demo. */
    private static DemoStoreBuilder registeredBuilder() {
        Bundle bundle = FrameworkUtil.getBundle(FirstLaunch.class);
        BundleContext context = bundle == null ? null : bundle.getBundleContext();
        ServiceReference<DemoStoreBuilder> reference = context == null ? null
                : context.getServiceReference(DemoStoreBuilder.class);
        return reference != null ? context.getService(reference) : null;
    }

    private static void markDone(IEclipsePreferences preferences) {
        preferences.putBoolean(DONE, true);
        try {
            preferences.flush();
        } catch (BackingStoreException e) {
            // Worst case the demo is offered again at the next start.
        }
    }
}
