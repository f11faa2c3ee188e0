package io.mechanist.devtools.tests;

import java.nio.file.Files;
import java.nio.file.Path;

/** Locates the demo bundle's shipped files from the working directory (repository root or a module folder). */
final class RepositoryFiles {

    private RepositoryFiles() {
    }

    static Path demoBundle() {
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null) {
            Path candidate = dir.resolve("bundles").resolve("io.mechanist.demo");
            if (Files.isDirectory(candidate)) {
                return candidate;
            }
            dir = dir.getParent();
        }
        throw new IllegalStateException("bundles/io.mechanist.demo not found above " + Path.of("").toAbsolutePath());
    }

    static Path shippedModel() {
        return demoBundle().resolve("models").resolve("mechanist-demo-gpt2");
    }

    static Path shippedData() {
        return demoBundle().resolve("data");
    }
}
