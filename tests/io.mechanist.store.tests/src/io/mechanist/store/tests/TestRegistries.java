package io.mechanist.store.tests;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.eclipse.core.runtime.ContributorFactorySimple;
import org.eclipse.core.runtime.IExtensionRegistry;
import org.eclipse.core.runtime.RegistryFactory;

import io.mechanist.core.analysis.AnalysisRegistry;

/**
 * The analysis registry for tests: inside OSGi (tycho-surefire) the platform's extension registry; on a plain
 * classpath a registry built from the same plugin.xml files (extension point, example plugin, this bundle's stubs),
 * found from the repository root (the working directory or one of its parents, or -Dmechanist.repo).
 */
public final class TestRegistries {

    private TestRegistries() {
    }

    public static AnalysisRegistry analyses() throws IOException {
        if (RegistryFactory.getRegistry() != null) {
            return AnalysisRegistry.fromPlatform();
        }
        Path repo = repositoryRoot();
        Object token = new Object();
        IExtensionRegistry registry = RegistryFactory.createRegistry(null, token, null);
        for (String bundle : List.of("bundles/io.mechanist.core", "bundles/io.mechanist.examples.tokenstats",
                "tests/io.mechanist.store.tests")) {
            Path pluginXml = repo.resolve(bundle).resolve("plugin.xml");
            String name = Path.of(bundle).getFileName().toString();
            try (InputStream in = Files.newInputStream(pluginXml)) {
                if (!registry.addContribution(in, ContributorFactorySimple.createContributor(name), false, name, null, token)) {
                    throw new IOException("the extension registry rejected " + pluginXml);
                }
            }
        }
        return new AnalysisRegistry(registry);
    }

    /** The repository root: -Dmechanist.repo, else the nearest folder up from the working directory with bundles/. */
    public static Path repositoryRoot() throws IOException {
        String configured = System.getProperty("mechanist.repo");
        if (configured != null) {
            return Path.of(configured);
        }
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.isRegularFile(dir.resolve("bundles/io.mechanist.core/plugin.xml"))) {
                return dir;
            }
        }
        throw new IOException("cannot find the repository root from " + Path.of("").toAbsolutePath()
                + "; pass -Dmechanist.repo=<root>");
    }
}
