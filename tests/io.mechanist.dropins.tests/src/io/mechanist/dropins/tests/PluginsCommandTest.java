package io.mechanist.dropins.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

import io.mechanist.core.analysis.AnalysisRegistry;
import io.mechanist.dropins.Dropins;

/** {@code mechanist plugins list|install|remove} on a dropins folder of the test's own (-Dmechanist.dropins). */
class PluginsCommandTest {

    @TempDir
    Path temp;
    private Path dropins;
    private String previous;

    @BeforeEach
    void setUp() throws Exception {
        dropins = temp.resolve("dropins");
        previous = System.setProperty(Dropins.FOLDER_PROPERTY, dropins.toString());
    }

    @AfterEach
    void tearDown() throws Exception {
        if (Files.isDirectory(dropins)) {
            try (Stream<Path> files = Files.list(dropins)) {
                for (Path file : files.toList()) {
                    Files.delete(file);
                }
            }
        }
        Dropins.synchronize();
        if (previous == null) {
            System.clearProperty(Dropins.FOLDER_PROPERTY);
        } else {
            System.setProperty(Dropins.FOLDER_PROPERTY, previous);
        }
    }

    @Test
    void installListRunAndRemove() throws Exception {
        Path jar = PluginJars.working(temp.resolve("build"), "test.cli.good", "0.1.0.v2026");
        Cli.Outcome installed = Cli.run("plugins", "install", jar.toString());
        assertEquals(0, installed.code(), installed.err());
        assertTrue(installed.out().contains("test.cli.good 0.1.0.v2026 (test.cli.good_0.1.0.v2026.jar): active"), installed.out());
        assertTrue(installed.out().contains("analysis test.cli.good.count"), installed.out());
        assertTrue(Files.isRegularFile(dropins.resolve("test.cli.good_0.1.0.v2026.jar")));

        Cli.Outcome analyses = Cli.run("analyses");
        assertTrue(analyses.out().contains("test.cli.good.count"), analyses.out());
        assertTrue(analyses.out().contains("from bundle test.cli.good"), analyses.out());

        Path store = temp.resolve("store");
        TinyStores.create(store);
        Cli.Outcome run = Cli.run("run", "test.cli.good.count", "--store", store.toString(), "--capture", "c",
                "--param", "site=" + PluginJars.SITE);
        assertEquals(0, run.code(), run.err());

        Cli.Outcome list = Cli.run("plugins", "list", "--json");
        assertEquals(0, list.code(), list.err());
        JsonObject json = JsonParser.parseString(list.out()).getAsJsonObject();
        assertEquals(dropins.toString(), json.get("folder").getAsString());
        JsonObject plugin = json.getAsJsonArray("plugins").get(0).getAsJsonObject();
        assertEquals("test.cli.good", plugin.get("symbolicName").getAsString());
        assertEquals("active", plugin.get("state").getAsString());
        assertEquals("test.cli.good.count", plugin.getAsJsonArray("analyses").get(0).getAsString());
        assertEquals(0, plugin.getAsJsonArray("problems").size());

        // A new version replaces the old file.
        Path newer = PluginJars.working(temp.resolve("build2"), "test.cli.good", "0.2.0");
        assertEquals(0, Cli.run("plugins", "install", newer.toString()).code());
        assertEquals(List.of("test.cli.good_0.2.0.jar"), names(dropins));

        Cli.Outcome removed = Cli.run("plugins", "remove", "test.cli.good");
        assertEquals(0, removed.code(), removed.err());
        assertEquals(List.of(), names(dropins));
        assertFalse(AnalysisRegistry.fromPlatform().find("test.cli.good.count").isPresent());
        assertFalse(Cli.run("analyses").out().contains("test.cli.good.count"));
        Cli.Outcome again = Cli.run("plugins", "remove", "test.cli.good");
        assertEquals(2, again.code(), "a usage error: " + again.err());
    }

    @Test
    void aPlugInWhoseClassDoesNotLoadIsRefusedByNameAndTheEarlierVersionStays() throws Exception {
        Path good = PluginJars.working(temp.resolve("build"), "test.cli.flaky", "1.0.0");
        assertEquals(0, Cli.run("plugins", "install", good.toString()).code());
        Path brokenV2 = PluginJars.jar(temp.resolve("broken/flaky-v2.jar"), "test.cli.flaky", "2.0.0", "io.mechanist.core",
                PluginJars.pluginXml("test.cli.flaky.count", "test.cli.flaky.Missing"));

        Cli.Outcome refused = Cli.run("plugins", "install", brokenV2.toString());
        assertEquals(1, refused.code(), refused.out());
        assertTrue(refused.err().contains("test.cli.flaky"), refused.err());
        assertTrue(refused.err().contains("test.cli.flaky.Missing"), "names the class: " + refused.err());
        assertEquals(List.of("test.cli.flaky_1.0.0.jar"), names(dropins), "the earlier version is back");
        assertEquals(0, Cli.run("plugins", "list").code());

        // Dropped in by hand instead: listed with its problem, and the other plug-ins keep working.
        Path other = PluginJars.working(temp.resolve("build3"), "test.cli.other", "1.0.0");
        assertEquals(0, Cli.run("plugins", "install", other.toString()).code());
        Files.copy(PluginJars.missingClass(temp.resolve("hand"), "test.cli.byhand"), dropins.resolve("byhand.jar"));
        Cli.Outcome list = Cli.run("plugins", "list");
        assertEquals(1, list.code());
        assertTrue(list.out().contains("problem: analysis test.cli.byhand.count of plug-in test.cli.byhand cannot be created"),
                list.out());
        Path store = temp.resolve("store");
        TinyStores.create(store);
        Cli.Outcome failed = Cli.run("run", "test.cli.byhand.count", "--store", store.toString(), "--capture", "c",
                "--param", "site=" + PluginJars.SITE);
        assertEquals(1, failed.code());
        assertTrue(failed.err().contains("test.cli.byhand"), failed.err());
        Cli.Outcome works = Cli.run("run", "test.cli.other.count", "--store", store.toString(), "--capture", "c",
                "--param", "site=" + PluginJars.SITE);
        assertEquals(0, works.code(), works.err());
    }

    @Test
    void aFileThatIsNotABundleIsAUsageError() throws Exception {
        Path plain = PluginJars.plainJar(temp.resolve("plain.jar"));
        Cli.Outcome outcome = Cli.run("plugins", "install", plain.toString());
        assertEquals(2, outcome.code());
        assertTrue(outcome.err().contains("not an OSGi bundle"), outcome.err());
        assertEquals(2, Cli.run("plugins", "frobnicate").code());
    }

    private static List<String> names(Path folder) throws Exception {
        try (Stream<Path> files = Files.list(folder)) {
            return files.map(f -> f.getFileName().toString()).sorted().toList();
        }
    }
}
