package io.mechanist.dropins.tests;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;

import io.mechanist.dropins.tests.fixture.PromptCountAnalysis;

/** Plug-in jars made by the tests: real bundles with a manifest, a plugin.xml and, for working ones, a class. */
final class PluginJars {

    static final String SITE = "blocks.0.resid_post";

    private PluginJars() {
    }

    /** A working analysis plug-in: bundle {@code name}, analysis {@code name + ".count"} run by PromptCountAnalysis. */
    static Path working(Path folder, String name, String version) throws IOException {
        return jar(folder.resolve(name + "_" + version + ".jar"), name, version, "io.mechanist.core",
                pluginXml(name + ".count", PromptCountAnalysis.class.getName()), PromptCountAnalysis.class);
    }

    /** A plug-in that resolves but whose analysis class is not in it: the class fails to load. */
    static Path missingClass(Path folder, String name) throws IOException {
        return jar(folder.resolve(name + "_1.0.0.jar"), name, "1.0.0", "io.mechanist.core",
                pluginXml(name + ".count", name + ".NoSuchAnalysis"));
    }

    /** A plug-in that requires a bundle nobody has: it does not resolve. */
    static Path unresolvable(Path folder, String name) throws IOException {
        return jar(folder.resolve(name + "_1.0.0.jar"), name, "1.0.0", "io.mechanist.core,org.example.nowhere",
                pluginXml(name + ".count", PromptCountAnalysis.class.getName()), PromptCountAnalysis.class);
    }

    /** A jar whose manifest has no Bundle-SymbolicName. */
    static Path plainJar(Path file) throws IOException {
        Manifest manifest = new Manifest();
        manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(file), manifest)) {
            out.putNextEntry(new JarEntry("readme.txt"));
            out.write("not a bundle".getBytes());
        }
        return file;
    }

    static String pluginXml(String analysisId, String className) {
        return """
                <?xml version="1.0" encoding="UTF-8"?>
                <?eclipse version="3.4"?>
                <plugin>
                   <extension point="io.mechanist.core.analyses">
                      <analysis id="%s" name="Prompt count" class="%s">
                         <input role="activations" kind="capture"/>
                         <parameter name="site" type="string" required="true"/>
                         <output id="counts" kind="table" name="Counts"/>
                      </analysis>
                   </extension>
                </plugin>
                """.formatted(analysisId, className);
    }

    static Path jar(Path file, String name, String version, String requireBundle, String pluginXml, Class<?>... classes)
            throws IOException {
        Manifest manifest = new Manifest();
        Attributes main = manifest.getMainAttributes();
        main.put(Attributes.Name.MANIFEST_VERSION, "1.0");
        main.putValue("Bundle-ManifestVersion", "2");
        main.putValue("Bundle-SymbolicName", name + ";singleton:=true");
        main.putValue("Bundle-Version", version);
        main.putValue("Require-Bundle", requireBundle);
        Files.createDirectories(file.getParent());
        try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(file), manifest)) {
            out.putNextEntry(new JarEntry("plugin.xml"));
            out.write(pluginXml.getBytes(java.nio.charset.StandardCharsets.UTF_8));
            for (Class<?> type : classes) {
                String resource = type.getName().replace('.', '/') + ".class";
                out.putNextEntry(new JarEntry(resource));
                try (InputStream in = type.getClassLoader().getResourceAsStream(resource)) {
                    in.transferTo(out);
                }
            }
        }
        return file;
    }

    /** Copies a file with a modification time after the original's, as a rebuilt plug-in would have. */
    static void touchLater(Path file, long millisLater) throws IOException {
        Files.setLastModifiedTime(file, java.nio.file.attribute.FileTime.fromMillis(
                Files.getLastModifiedTime(file).toMillis() + millisLater));
    }

    static Map<String, String> siteParameter() {
        return Map.of("site", SITE);
    }
}
