package io.mechanist.store.tests;

import java.io.File;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.CodeSource;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.eclipse.core.runtime.FileLocator;
import org.osgi.framework.Bundle;
import org.osgi.framework.FrameworkUtil;

/**
 * Starts a plain (non-OSGi) child JVM running a main class of this bundle. Its classpath is the locations of the
 * classes given as anchors: on a plain classpath their jars or folders; inside OSGi the bundle files of the bundles
 * that loaded them (for a bundle that is a project folder, its class folders target/classes or bin as well).
 */
public final class ChildJvm {

    private ChildJvm() {
    }

    public static ProcessBuilder command(Class<?> mainClass, List<Class<?>> anchors, String... args) throws IOException {
        String java = ProcessHandle.current().info().command()
                .orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        Set<String> classpath = new LinkedHashSet<>();
        for (Class<?> anchor : anchors) {
            classpath.addAll(locationsOf(anchor));
        }
        List<String> command = new ArrayList<>(List.of(java, "-Xmx256m", "-cp", String.join(File.pathSeparator, classpath),
                mainClass.getName()));
        command.addAll(List.of(args));
        return new ProcessBuilder(command).redirectErrorStream(true);
    }

    private static List<String> locationsOf(Class<?> anchor) throws IOException {
        Bundle bundle = FrameworkUtil.getBundle(anchor);
        Path location;
        if (bundle != null) {
            location = FileLocator.getBundleFileLocation(bundle)
                    .orElseThrow(() -> new IOException("bundle " + bundle.getSymbolicName() + " has no file location"))
                    .toPath();
        } else {
            CodeSource source = anchor.getProtectionDomain().getCodeSource();
            if (source == null) {
                throw new IOException("cannot locate the classes of " + anchor.getName());
            }
            try {
                location = Path.of(source.getLocation().toURI());
            } catch (URISyntaxException e) {
                throw new IOException(e);
            }
        }
        List<String> entries = new ArrayList<>();
        entries.add(location.toString());
        if (Files.isDirectory(location)) {
            for (String classes : List.of("target/classes", "bin")) {
                if (Files.isDirectory(location.resolve(classes))) {
                    entries.add(location.resolve(classes).toString());
                }
            }
        }
        return entries;
    }
}
