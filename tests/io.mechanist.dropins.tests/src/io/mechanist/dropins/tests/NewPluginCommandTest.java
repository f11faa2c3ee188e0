package io.mechanist.dropins.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.osgi.framework.Bundle;
import org.osgi.framework.FrameworkUtil;

import io.mechanist.dropins.Dropins;
import io.mechanist.testing.TestRegistries;

/**
 * {@code mechanist new-plugin}: the files it writes, and that the versions they name are those Mechanist itself
 * builds and runs with (the project is built offline from the same local repository by .ci/plugin-template).
 */
class NewPluginCommandTest {

    @TempDir
    Path temp;
    private String previous;

    @BeforeEach
    void setUp() throws Exception {
        // An installation folder of the test's own with a plug-in SDK repository in it.
        Path installation = temp.resolve("installation");
        Files.createDirectories(installation.resolve("sdk"));
        Files.writeString(installation.resolve("sdk/content.xml"), "<repository/>");
        previous = System.setProperty(Dropins.FOLDER_PROPERTY, installation.resolve("dropins").toString());
    }

    @AfterEach
    void tearDown() {
        if (previous == null) {
            System.clearProperty(Dropins.FOLDER_PROPERTY);
        } else {
            System.setProperty(Dropins.FOLDER_PROPERTY, previous);
        }
    }

    @Test
    void writesACompleteProjectWithEveryPlaceholderFilled() throws Exception {
        Path project = temp.resolve("my plugin");
        Cli.Outcome outcome = Cli.run("new-plugin", project.toString(), "--id", "org.example.rms");
        assertEquals(0, outcome.code(), outcome.err());
        List<String> files = files(project);
        assertEquals(List.of(".gitignore", ".mvn/maven.config", "README.md", "mvnw",
                "org.example.rms.tests/META-INF/MANIFEST.MF", "org.example.rms.tests/build.properties",
                "org.example.rms.tests/pom.xml",
                "org.example.rms.tests/src/org/example/rms/tests/RmsByPositionAnalysisTest.java",
                "org.example.rms/META-INF/MANIFEST.MF", "org.example.rms/build.properties", "org.example.rms/plugin.xml",
                "org.example.rms/pom.xml", "org.example.rms/src/org/example/rms/RmsByPositionAnalysis.java",
                "pom.xml", "target-platform/pom.xml", "target-platform/target-platform.target"), files);
        for (String file : files) {
            assertFalse(Files.readString(project.resolve(file)).contains("@@"), file + " has an unfilled placeholder");
        }
        assertTrue(Files.isExecutable(project.resolve("mvnw")));
        assertTrue(Files.readString(project.resolve("org.example.rms/plugin.xml"))
                .contains("id=\"org.example.rms.rmsByPosition\""));
        assertTrue(Files.readString(project.resolve("org.example.rms/src/org/example/rms/RmsByPositionAnalysis.java"))
                .startsWith("package org.example.rms;"));
        String pom = Files.readString(project.resolve("pom.xml"));
        assertTrue(pom.contains("<mechanist.repository>" + temp.resolve("installation/sdk").toUri() + "</mechanist.repository>"),
                "defaults to the installation's sdk folder: " + pom);
        assertTrue(Files.readString(project.resolve("org.example.rms/META-INF/MANIFEST.MF"))
                .contains("io.mechanist.core.analysis;version=\"[1.0,2)\""));
        assertTrue(outcome.out().contains("./mvnw verify"), outcome.out());
    }

    @Test
    void theVersionsItNamesAreThoseMechanistBuildsAndRunsWith() throws Exception {
        Path project = temp.resolve("p");
        assertEquals(0, Cli.run("new-plugin", project.toString(), "--id", "org.example.v").code());
        Path repo = TestRegistries.repositoryRoot();
        assertEquals(line(repo.resolve("pom.xml"), "<tycho.version>"), line(project.resolve("pom.xml"), "<tycho.version>"));
        assertEquals(line(repo.resolve("mvnw"), "MAVEN_VERSION="), line(project.resolve("mvnw"), "MAVEN_VERSION="));
        assertEquals(line(repo.resolve("mvnw"), "MAVEN_SHA256="), line(project.resolve("mvnw"), "MAVEN_SHA256="),
                "the same Maven archive checksum as Mechanist's wrapper");

        String target = Files.readString(project.resolve("target-platform/target-platform.target"));
        String mechanistTarget = Files.readString(repo.resolve("releng/io.mechanist.target/io.mechanist.target.target"));
        Matcher dependency = Pattern.compile("<groupId>([^<]+)</groupId><artifactId>([^<]+)</artifactId><version>([^<]+)</version>")
                .matcher(target);
        int platform = 0;
        while (dependency.find()) {
            String group = dependency.group(1);
            String artifact = dependency.group(2);
            String version = dependency.group(3);
            if (group.startsWith("org.junit") || group.equals("org.opentest4j") || group.equals("org.apiguardian")) {
                assertTrue(mechanistTarget.contains("<artifactId>" + artifact + "</artifactId><version>" + version + "<"),
                        artifact + " " + version + " is what Mechanist's target platform has");
            } else {
                String symbolicName = artifact.equals("gson") ? "com.google.gson" : artifact;
                assertTrue(Stream.of(FrameworkUtil.getBundle(getClass()).getBundleContext().getBundles())
                        .filter(b -> b.getSymbolicName() != null && b.getSymbolicName().equals(symbolicName))
                        .map(Bundle::getVersion).anyMatch(v -> (v.getMajor() + "." + v.getMinor() + "." + v.getMicro()).equals(version)),
                        artifact + " " + version + " runs in this platform");
                platform++;
            }
        }
        assertEquals(18, platform, target);
    }

    @Test
    void repositoryOptionTakesAFolderAZipOrAUrl() throws Exception {
        Path site = Files.createDirectories(temp.resolve("site"));
        Files.writeString(site.resolve("content.jar"), "");
        assertEquals(0, Cli.run("new-plugin", temp.resolve("a").toString(), "--id", "org.example.a", "--repository",
                site.toString()).code());
        assertTrue(Files.readString(temp.resolve("a/pom.xml")).contains(site.toUri().toString()));

        Path zip = Files.writeString(temp.resolve("site.zip"), "");
        assertEquals(0, Cli.run("new-plugin", temp.resolve("b").toString(), "--id", "org.example.b", "--repository",
                zip.toString()).code());
        assertTrue(Files.readString(temp.resolve("b/pom.xml")).contains("jar:" + zip.toUri() + "!/"));

        assertEquals(0, Cli.run("new-plugin", temp.resolve("c").toString(), "--id", "org.example.c", "--repository",
                "https://example.org/mechanist/").code());
        assertTrue(Files.readString(temp.resolve("c/pom.xml")).contains("<mechanist.repository>https://example.org/mechanist/<"));

        Cli.Outcome notP2 = Cli.run("new-plugin", temp.resolve("d").toString(), "--id", "org.example.d", "--repository",
                temp.toString());
        assertEquals(2, notP2.code());
        assertTrue(notP2.err().contains("not a p2 repository"), notP2.err());
    }

    @Test
    void badIdsAndOccupiedFoldersAreRefused() throws Exception {
        for (String id : List.of("Example", "single", "org.example.new", "org..x", "io.mechanist.mine", "org.example-x")) {
            Cli.Outcome outcome = Cli.run("new-plugin", temp.resolve("x").toString(), "--id", id);
            assertEquals(2, outcome.code(), id);
            assertTrue(outcome.err().contains(id), outcome.err());
        }
        Path occupied = Files.createDirectories(temp.resolve("occupied"));
        Files.writeString(occupied.resolve("keep.txt"), "mine");
        Cli.Outcome outcome = Cli.run("new-plugin", occupied.toString(), "--id", "org.example.x");
        assertEquals(2, outcome.code());
        assertTrue(outcome.err().contains("not an empty folder"), outcome.err());
        assertEquals(List.of("keep.txt"), files(occupied));
        assertEquals(2, Cli.run("new-plugin", "--id", "org.example.x").code());
    }

    /** The first line of {@code file} that starts (after blanks) with {@code prefix}, stripped. */
    private static String line(Path file, String prefix) throws Exception {
        return Files.readAllLines(file).stream().map(String::strip).filter(l -> l.startsWith(prefix)).findFirst()
                .orElseThrow(() -> new AssertionError(file + " has no line starting " + prefix));
    }

    private static List<String> files(Path folder) throws Exception {
        try (Stream<Path> all = Files.walk(folder)) {
            return all.filter(Files::isRegularFile).map(f -> folder.relativize(f).toString()).sorted().toList();
        }
    }
}
