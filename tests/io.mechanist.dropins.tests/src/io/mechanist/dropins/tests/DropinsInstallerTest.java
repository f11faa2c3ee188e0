package io.mechanist.dropins.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.eclipse.core.runtime.CoreException;
import org.eclipse.core.runtime.NullProgressMonitor;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.FrameworkUtil;

import io.mechanist.core.analysis.AnalysisDescriptor;
import io.mechanist.core.analysis.AnalysisRegistry;
import io.mechanist.core.analysis.AnalysisRequest;
import io.mechanist.dropins.DropinStatus;
import io.mechanist.dropins.DropinStatus.State;
import io.mechanist.dropins.DropinsInstaller;
import io.mechanist.store.ActivationStore;
import io.mechanist.store.AnalysisRunner;
import io.mechanist.store.StoredResults;

/** The dropins installer in the running OSGi framework, with real bundle jars built by the test. */
class DropinsInstallerTest {

    @TempDir
    Path temp;
    private Path dropins;
    private BundleContext context;
    private DropinsInstaller installer;

    @BeforeEach
    void setUp() throws Exception {
        dropins = Files.createDirectories(temp.resolve("dropins"));
        context = FrameworkUtil.getBundle(DropinsInstallerTest.class).getBundleContext();
        installer = new DropinsInstaller(context, dropins);
    }

    @AfterEach
    void uninstallEverything() throws Exception {
        try (Stream<Path> files = Files.list(dropins)) {
            for (Path file : files.toList()) {
                Files.delete(file);
            }
        }
        assertEquals(List.of(), installer.synchronize());
        assertEquals(List.of(), ours(), "nothing from the folder is left installed");
    }

    @Test
    void aWorkingPlugInIsInstalledStartedListedAndRuns() throws Exception {
        PluginJars.working(dropins, "test.dropin.good", "1.0.0");
        List<DropinStatus> report = installer.synchronize();
        assertEquals(1, report.size(), report.toString());
        DropinStatus status = report.get(0);
        assertEquals("test.dropin.good", status.symbolicName());
        assertEquals("1.0.0", status.version());
        assertEquals(State.ACTIVE, status.state(), status.describe());
        assertTrue(status.running());

        AnalysisRegistry registry = AnalysisRegistry.fromPlatform();
        AnalysisDescriptor analysis = registry.get("test.dropin.good.count");
        assertEquals("test.dropin.good", analysis.contributor());
        assertEquals(3.0, countsOf(registry, "test.dropin.good.count")[0]);

        // A second synchronization changes nothing: same bundle, still active.
        Bundle before = only("test.dropin.good");
        assertEquals(State.ACTIVE, installer.synchronize().get(0).state());
        assertEquals(before.getBundleId(), only("test.dropin.good").getBundleId());
    }

    @Test
    void brokenPlugInsAreReportedByNameAndTheOthersStillRun() throws Exception {
        PluginJars.working(dropins, "test.dropin.good", "1.0.0");
        PluginJars.missingClass(dropins, "test.dropin.noclass");
        PluginJars.unresolvable(dropins, "test.dropin.unresolved");
        PluginJars.plainJar(dropins.resolve("library.jar"));
        PluginJars.working(dropins, "io.mechanist.core", "9.0.0"); // the product's own name
        Files.createDirectories(dropins.resolve("notes")); // a folder that is not a bundle: ignored

        Map<String, DropinStatus> byFile = new java.util.HashMap<>();
        installer.synchronize().forEach(s -> byFile.put(s.file().getFileName().toString(), s));
        assertEquals(5, byFile.size(), byFile.toString());
        assertEquals(State.ACTIVE, byFile.get("test.dropin.good_1.0.0.jar").state());
        assertEquals(State.ACTIVE, byFile.get("test.dropin.noclass_1.0.0.jar").state(), "its class loads only when used");
        DropinStatus unresolved = byFile.get("test.dropin.unresolved_1.0.0.jar");
        assertEquals(State.FAILED, unresolved.state());
        assertTrue(unresolved.describe().startsWith("test.dropin.unresolved 1.0.0"), unresolved.describe());
        assertTrue(unresolved.problem().contains("org.example.nowhere"), unresolved.problem());
        assertEquals(State.NOT_A_BUNDLE, byFile.get("library.jar").state());
        assertTrue(byFile.get("library.jar").problem().contains("Bundle-SymbolicName"));
        DropinStatus conflict = byFile.get("io.mechanist.core_9.0.0.jar");
        assertEquals(State.CONFLICT, conflict.state());
        assertNull(installed("io.mechanist.core", "9.0.0"), "the product's bundle is not replaced");

        AnalysisRegistry registry = AnalysisRegistry.fromPlatform();
        CoreException noClass = assertThrows(CoreException.class, () -> registry.create("test.dropin.noclass.count"));
        assertTrue(noClass.getMessage().contains("test.dropin.noclass"), "names the bundle: " + noClass.getMessage());
        assertFalse(registry.find("test.dropin.unresolved.count").isPresent());
        assertEquals(3.0, countsOf(registry, "test.dropin.good.count")[0], "the working plug-in still runs");
    }

    @Test
    void removedFilesAreUninstalledAndTheirAnalysesDisappear() throws Exception {
        Path jar = PluginJars.working(dropins, "test.dropin.good", "1.0.0");
        installer.synchronize();
        assertTrue(AnalysisRegistry.fromPlatform().find("test.dropin.good.count").isPresent());
        Files.delete(jar);
        assertEquals(List.of(), installer.synchronize());
        assertEquals(List.of(), ours());
        assertFalse(AnalysisRegistry.fromPlatform().find("test.dropin.good.count").isPresent());
    }

    @Test
    void aRebuiltJarIsUpdatedInPlace() throws Exception {
        Path jar = PluginJars.working(dropins, "test.dropin.good", "1.0.0");
        installer.synchronize();
        long id = only("test.dropin.good").getBundleId();
        PluginJars.working(temp, "test.dropin.good", "1.0.1");
        Files.move(temp.resolve("test.dropin.good_1.0.1.jar"), jar, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        PluginJars.touchLater(jar, 60_000); // newer than the installed bundle, as a rebuilt jar is
        DropinStatus status = installer.synchronize().get(0);
        assertEquals("1.0.1", status.version());
        assertEquals(State.ACTIVE, status.state());
        Bundle updated = only("test.dropin.good");
        assertEquals(id, updated.getBundleId(), "updated, not reinstalled");
        assertEquals("1.0.1", updated.getVersion().toString());
        assertEquals(3.0, countsOf(AnalysisRegistry.fromPlatform(), "test.dropin.good.count")[0]);
    }

    @Test
    void twoJarsWithOneNameKeepTheFirstAndReportTheOther() throws Exception {
        PluginJars.working(dropins, "test.dropin.good", "1.0.0");
        PluginJars.working(dropins, "test.dropin.good", "2.0.0");
        List<DropinStatus> report = installer.synchronize();
        assertEquals(State.ACTIVE, report.get(0).state());
        assertEquals(State.DUPLICATE, report.get(1).state());
        assertTrue(report.get(1).problem().contains("test.dropin.good_1.0.0.jar"), report.get(1).problem());
        assertNotNull(installed("test.dropin.good", "1.0.0"));
        assertNull(installed("test.dropin.good", "2.0.0"));
    }

    /** Runs the analysis on a tiny store through the store's runner; returns its first table's columns' first values. */
    private double[] countsOf(AnalysisRegistry registry, String analysisId) throws Exception {
        Path store = temp.resolve("store-" + System.nanoTime());
        TinyStores.create(store);
        try (ActivationStore opened = ActivationStore.open(store)) {
            String resultId = new AnalysisRunner(opened, registry).run(new AnalysisRequest(analysisId,
                    PluginJars.siteParameter(), Map.of("activations", "c")), new NullProgressMonitor());
            var table = new StoredResults(opened).result(resultId).table("counts");
            double sum = table.column("firstRowSum").numbers()[0];
            assertEquals(0.0 + 0.1f + 0.2f, sum, 1e-6, "sum of the first row, value(0,0,j) = j/10");
            return table.column("prompts").numbers();
        }
    }

    private List<Bundle> ours() {
        return Stream.of(context.getBundles()).filter(installer::installedFromFolder).toList();
    }

    private Bundle only(String symbolicName) {
        List<Bundle> found = ours().stream().filter(b -> symbolicName.equals(b.getSymbolicName())).toList();
        assertEquals(1, found.size(), found.toString());
        return found.get(0);
    }

    private Bundle installed(String symbolicName, String version) {
        return Stream.of(context.getBundles())
                .filter(b -> symbolicName.equals(b.getSymbolicName()) && b.getVersion().toString().equals(version))
                .findFirst().orElse(null);
    }
}
