package io.mechanist.api.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;

import org.junit.jupiter.api.Test;
import org.osgi.framework.Bundle;
import org.osgi.framework.FrameworkUtil;
import org.osgi.framework.Version;
import org.osgi.framework.wiring.BundleCapability;
import org.osgi.framework.wiring.BundleRevision;

import io.mechanist.core.analysis.Analysis;
import io.mechanist.dropins.Dropins;

/**
 * The API baseline check: every package the API bundles export has a version and a committed baseline
 * (baseline/PACKAGE.api: its version at the last release and its API lines), and differs from it only as its new
 * version allows ({@link ApiBaseline}). After a release, write the new baselines with
 * {@code -Dmechanist.api.write=DIR} and commit them.
 */
class ExportedApiTest {

    /** The bundles whose exported packages plug-ins compile against. */
    private static final List<Class<?>> API_BUNDLES = List.of(Analysis.class, Dropins.class);

    @Test
    void exportedPackagesDifferFromTheirBaselineOnlyAsTheirVersionsAllow() throws Exception {
        List<String> violations = new ArrayList<>();
        int checked = 0;
        String write = System.getProperty("mechanist.api.write");
        for (Class<?> member : API_BUNDLES) {
            Bundle bundle = FrameworkUtil.getBundle(member);
            for (Map.Entry<String, Version> exported : exportedPackages(bundle).entrySet()) {
                String packageName = exported.getKey();
                Version version = exported.getValue();
                SortedSet<String> now = ApiSignature.of(bundle, packageName);
                if (write != null) {
                    Path file = Path.of(write).resolve(packageName + ".api");
                    Files.createDirectories(file.getParent());
                    Files.writeString(file, "# " + packageName + " " + version + "\n" + String.join("\n", now) + "\n");
                }
                if (version.equals(Version.emptyVersion)) {
                    violations.add(bundle.getSymbolicName() + " exports " + packageName + " without a version");
                    continue;
                }
                URL baselineFile = FrameworkUtil.getBundle(ExportedApiTest.class).getEntry("baseline/" + packageName + ".api");
                if (baselineFile == null) {
                    violations.add(packageName + " has no baseline: add tests/io.mechanist.api.tests/baseline/"
                            + packageName + ".api (run with -Dmechanist.api.write=DIR)");
                    continue;
                }
                Baseline baseline = Baseline.read(baselineFile);
                assertEquals(packageName, baseline.packageName(), baselineFile.toString());
                violations.addAll(ApiBaseline.violations(packageName, baseline.version(), baseline.lines(), version, now));
                checked++;
            }
        }
        assertEquals(List.of(), violations, String.join("\n", violations));
        assertEquals(6, checked, "core's five API packages and the dropins package");
    }

    @Test
    void everyBaselineBelongsToAnExportedPackage() throws Exception {
        List<String> exported = new ArrayList<>();
        for (Class<?> member : API_BUNDLES) {
            exported.addAll(exportedPackages(FrameworkUtil.getBundle(member)).keySet());
        }
        var entries = FrameworkUtil.getBundle(ExportedApiTest.class).findEntries("baseline", "*.api", false);
        assertNotNull(entries);
        List<String> orphans = new ArrayList<>();
        entries.asIterator().forEachRemaining(url -> {
            String name = Path.of(url.getPath()).getFileName().toString().replace(".api", "");
            if (!exported.contains(name)) {
                orphans.add(name + ": no longer exported, which breaks every plug-in that imports it");
            }
        });
        assertEquals(List.of(), orphans);
    }

    @Test
    void theRealApiFailsTheCheckWhenAPlantedChangeRemovesAnalysisRun() throws Exception {
        Bundle core = FrameworkUtil.getBundle(Analysis.class);
        String packageName = Analysis.class.getPackageName();
        SortedSet<String> baseline = ApiSignature.of(core, packageName);
        SortedSet<String> planted = new TreeSet<>(baseline);
        assertFalse(planted.isEmpty());
        String run = planted.stream().filter(l -> l.startsWith("~.Analysis#run(")).findFirst().orElseThrow();
        planted.remove(run);
        Version version = exportedPackages(core).get(packageName);
        List<String> violations = ApiBaseline.violations(packageName, version, baseline, version, planted);
        assertEquals(1, violations.size(), violations.toString());
        assertFalse(violations.get(0).isEmpty());
        org.junit.jupiter.api.Assertions.assertTrue(violations.get(0).contains("incompatible")
                && violations.get(0).contains(run), violations.get(0));
    }

    /** Exported packages of a bundle with their versions, by name (internal packages left out). */
    static Map<String, Version> exportedPackages(Bundle bundle) {
        Map<String, Version> packages = new TreeMap<>();
        for (BundleCapability capability : bundle.adapt(BundleRevision.class)
                .getDeclaredCapabilities(BundleRevision.PACKAGE_NAMESPACE)) {
            String name = (String) capability.getAttributes().get(BundleRevision.PACKAGE_NAMESPACE);
            if (name.contains(".internal") || "true".equals(capability.getDirectives().get("x-internal"))) {
                continue;
            }
            packages.put(name, (Version) capability.getAttributes().get("version"));
        }
        return packages;
    }

    record Baseline(String packageName, Version version, SortedSet<String> lines) {
        static Baseline read(URL file) throws IOException {
            List<String> all;
            try (InputStream in = file.openStream()) {
                all = new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().toList();
            }
            String[] header = all.get(0).substring(2).split(" ");
            SortedSet<String> lines = new TreeSet<>(all.subList(1, all.size()));
            lines.remove("");
            return new Baseline(header[0], Version.parseVersion(header[1]), lines);
        }
    }
}
