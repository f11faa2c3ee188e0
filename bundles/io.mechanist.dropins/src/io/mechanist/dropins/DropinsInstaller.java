package io.mechanist.dropins;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.jar.Attributes;
import java.util.jar.JarFile;
import java.util.jar.Manifest;
import java.util.stream.Stream;

import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.BundleException;
import org.osgi.framework.Constants;
import org.osgi.framework.FrameworkEvent;
import org.osgi.framework.startlevel.BundleStartLevel;
import org.osgi.framework.startlevel.FrameworkStartLevel;
import org.osgi.framework.wiring.BundleRevision;
import org.osgi.framework.wiring.FrameworkWiring;

import io.mechanist.dropins.DropinStatus.State;

/**
 * Installs the bundles of a dropins folder into the running OSGi framework, the way Eclipse's dropins work for
 * plain bundles: every jar or bundle folder in it is installed (in place, by reference), updated when its file is
 * newer than the installed bundle, resolved and started; bundles installed from the folder whose file is gone are
 * uninstalled. A bundle that cannot be installed, resolved or started is reported by name and does not stop the
 * others. Bundles are started transiently, so a bundle removed while Mechanist is not running is never started
 * again from the framework's own records.
 *
 * @since 1.0
 */
public final class DropinsInstaller {

    private static final long REFRESH_TIMEOUT_SECONDS = 120;

    private final BundleContext context;
    private final Path folder;
    private final String locationPrefix;

    public DropinsInstaller(BundleContext context, Path folder) {
        this.context = context;
        this.folder = folder.toAbsolutePath().normalize();
        this.locationPrefix = "reference:file:" + this.folder + "/";
    }

    /** Whether {@code bundle} was installed from this installer's folder. */
    public boolean installedFromFolder(Bundle bundle) {
        return bundle.getLocation().startsWith(locationPrefix);
    }

    /**
     * Makes the framework match the folder: installs, updates, uninstalls, resolves and starts, and returns one
     * status per entry of the folder, in file-name order. A missing folder means no dropins (everything installed
     * from it earlier is uninstalled).
     */
    public synchronized List<DropinStatus> synchronize() throws IOException {
        List<DropinStatus> report = new ArrayList<>();
        Map<String, Candidate> accepted = new LinkedHashMap<>(); // by location
        Map<String, Path> bySymbolicName = new HashMap<>();
        for (Path entry : entries()) {
            Candidate candidate;
            try {
                candidate = Candidate.read(entry, locationPrefix);
            } catch (IOException e) {
                report.add(new DropinStatus(entry, "", "", State.NOT_A_BUNDLE, e.getMessage()));
                continue;
            }
            Path earlier = bySymbolicName.putIfAbsent(candidate.symbolicName, entry);
            if (earlier != null) {
                report.add(candidate.status(State.DUPLICATE, "the dropin " + earlier.getFileName()
                        + " has the same symbolic name; remove one of them"));
                continue;
            }
            Bundle product = productBundle(candidate.symbolicName);
            if (product != null) {
                report.add(candidate.status(State.CONFLICT, "the product's bundle " + product.getSymbolicName() + " "
                        + product.getVersion() + " has this name; a dropin cannot replace it"));
                continue;
            }
            accepted.put(candidate.location, candidate);
        }

        List<Bundle> changed = new ArrayList<>();
        for (Bundle bundle : context.getBundles()) {
            if (installedFromFolder(bundle) && !accepted.containsKey(bundle.getLocation())) {
                uninstallQuietly(bundle, changed);
            }
        }
        Map<Candidate, Bundle> installed = new LinkedHashMap<>();
        for (Candidate candidate : accepted.values()) {
            try {
                Bundle bundle = context.getBundle(candidate.location);
                if (bundle == null) {
                    bundle = context.installBundle(candidate.location);
                } else if (candidate.lastModified > bundle.getLastModified()) {
                    bundle.update();
                    changed.add(bundle);
                }
                if (!candidate.symbolicName.equals(bundle.getSymbolicName())) {
                    // Stale framework records of an earlier file at this location: start over from the file.
                    uninstallQuietly(bundle, changed);
                    bundle = context.installBundle(candidate.location);
                }
                installed.put(candidate, bundle);
            } catch (BundleException | IllegalStateException | SecurityException e) {
                report.add(candidate.status(State.FAILED, "cannot be installed: " + oneLine(e)));
            }
        }
        if (!changed.isEmpty()) {
            refresh(changed);
        }
        FrameworkWiring wiring = context.getBundle(Constants.SYSTEM_BUNDLE_LOCATION).adapt(FrameworkWiring.class);
        wiring.resolveBundles(installed.values());
        int activeLevel = context.getBundle(Constants.SYSTEM_BUNDLE_LOCATION).adapt(FrameworkStartLevel.class).getStartLevel();
        for (Map.Entry<Candidate, Bundle> entry : installed.entrySet()) {
            report.add(start(entry.getKey(), entry.getValue(), activeLevel));
        }
        report.sort((a, b) -> a.file().getFileName().toString().compareTo(b.file().getFileName().toString()));
        return report;
    }

    private DropinStatus start(Candidate candidate, Bundle bundle, int activeLevel) {
        boolean fragment = (bundle.adapt(BundleRevision.class).getTypes() & BundleRevision.TYPE_FRAGMENT) != 0;
        try {
            if (fragment) {
                if (bundle.getState() == Bundle.INSTALLED) {
                    return candidate.status(State.FAILED, "the fragment did not resolve (is its host installed?)");
                }
                return candidate.status(State.RESOLVED, "");
            }
            BundleStartLevel startLevel = bundle.adapt(BundleStartLevel.class);
            if (startLevel.getStartLevel() > activeLevel) {
                startLevel.setStartLevel(activeLevel); // a transient start needs a level the framework has reached
            }
            bundle.start(Bundle.START_TRANSIENT | Bundle.START_ACTIVATION_POLICY);
            return candidate.status(bundle.getState() == Bundle.ACTIVE ? State.ACTIVE : State.LAZY, "");
        } catch (BundleException | IllegalStateException | SecurityException e) {
            return candidate.status(State.FAILED, "does not start: " + oneLine(e));
        }
    }

    private List<Path> entries() throws IOException {
        if (!Files.isDirectory(folder)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(folder)) {
            return files.filter(f -> !f.getFileName().toString().startsWith("."))
                    .filter(f -> Files.isDirectory(f) ? Files.isRegularFile(f.resolve(JarFile.MANIFEST_NAME))
                            : f.getFileName().toString().endsWith(".jar"))
                    .sorted()
                    .toList();
        }
    }

    /** A bundle of that name that did not come from the dropins folder. */
    private Bundle productBundle(String symbolicName) {
        for (Bundle bundle : context.getBundles()) {
            if (symbolicName.equals(bundle.getSymbolicName()) && !installedFromFolder(bundle)) {
                return bundle;
            }
        }
        return null;
    }

    private static void uninstallQuietly(Bundle bundle, List<Bundle> changed) {
        try {
            bundle.uninstall();
        } catch (BundleException | IllegalStateException e) {
            // Already uninstalled: nothing is left to do.
        }
        changed.add(bundle);
    }

    /** Refreshes the wiring of changed bundles and waits until the framework has done it. */
    private void refresh(List<Bundle> changed) throws IOException {
        FrameworkWiring wiring = context.getBundle(Constants.SYSTEM_BUNDLE_LOCATION).adapt(FrameworkWiring.class);
        CountDownLatch done = new CountDownLatch(1);
        wiring.refreshBundles(changed, event -> {
            if (event.getType() == FrameworkEvent.PACKAGES_REFRESHED || event.getType() == FrameworkEvent.ERROR) {
                done.countDown();
            }
        });
        try {
            if (!done.await(REFRESH_TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                throw new IOException("the OSGi framework did not refresh the changed dropins within "
                        + REFRESH_TIMEOUT_SECONDS + " s");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while the OSGi framework refreshed the dropins", e);
        }
    }

    private static String oneLine(Throwable e) {
        String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        return message.strip().replaceAll("\\s*\\R\\s*", "; ");
    }

    /** One entry of the folder with what its manifest says. */
    private record Candidate(Path file, String location, String symbolicName, String version, long lastModified) {

        static Candidate read(Path entry, String locationPrefix) throws IOException {
            Manifest manifest = manifest(entry);
            Attributes main = manifest == null ? null : manifest.getMainAttributes();
            String name = main == null ? null : main.getValue(Constants.BUNDLE_SYMBOLICNAME);
            if (name == null || name.isBlank()) {
                throw new IOException("not an OSGi bundle: its manifest has no Bundle-SymbolicName");
            }
            String version = main.getValue(Constants.BUNDLE_VERSION);
            long lastModified = Files.isDirectory(entry)
                    ? Files.getLastModifiedTime(entry.resolve(JarFile.MANIFEST_NAME)).toMillis()
                    : Files.getLastModifiedTime(entry).toMillis();
            return new Candidate(entry, locationPrefix + entry.getFileName(), name.split(";")[0].strip(),
                    version == null ? "0.0.0" : version.strip(), lastModified);
        }

        private static Manifest manifest(Path entry) throws IOException {
            if (Files.isDirectory(entry)) {
                try (InputStream in = Files.newInputStream(entry.resolve(JarFile.MANIFEST_NAME))) {
                    return new Manifest(in);
                }
            }
            try (JarFile jar = new JarFile(entry.toFile())) {
                return jar.getManifest();
            } catch (IOException e) {
                throw new IOException("not a readable jar: " + e.getMessage(), e);
            }
        }

        DropinStatus status(State state, String problem) {
            return new DropinStatus(file, symbolicName, version, state, problem);
        }
    }
}
