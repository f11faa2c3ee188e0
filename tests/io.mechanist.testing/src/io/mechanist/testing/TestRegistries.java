package io.mechanist.testing;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;

import org.eclipse.core.runtime.ContributorFactorySimple;
import org.eclipse.core.runtime.IExtensionRegistry;
import org.eclipse.core.runtime.RegistryFactory;

import io.mechanist.core.analysis.AnalysisRegistry;

/**
 * Extension registries for tests that also run on a plain classpath: inside OSGi (tycho-surefire) the platform's
 * registry; outside it a registry built from the plugin.xml files of named bundle folders of this repository.
 */
public final class TestRegistries {

    private TestRegistries() {
    }

    /**
     * The analyses of the platform's registry inside OSGi; on a plain classpath those of {@code pluginFolders}
     * (paths from the repository root, e.g. "bundles/io.mechanist.core"), see {@link #fromPluginXml(String...)}.
     */
    public static AnalysisRegistry analyses(String... pluginFolders) throws IOException {
        if (RegistryFactory.getRegistry() != null) {
            return AnalysisRegistry.fromPlatform();
        }
        return new AnalysisRegistry(fromPluginXml(pluginFolders));
    }

    /**
     * A new registry holding the plugin.xml of each of {@code pluginFolders} (paths from the repository root), each
     * contributed under its folder's name as the bundle name.
     */
    public static IExtensionRegistry fromPluginXml(String... pluginFolders) throws IOException {
        Path repo = repositoryRoot();
        Object token = new Object();
        IExtensionRegistry registry = RegistryFactory.createRegistry(null, token, null);
        for (String folder : pluginFolders) {
            Path pluginXml = repo.resolve(folder).resolve("plugin.xml");
            String name = Path.of(folder).getFileName().toString();
            try (InputStream in = Files.newInputStream(pluginXml)) {
                if (!registry.addContribution(in, ContributorFactorySimple.createContributor(name), false, name, null,
                        token)) {
                    throw new IOException("the extension registry rejected " + pluginXml);
                }
            }
        }
        return registry;
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
