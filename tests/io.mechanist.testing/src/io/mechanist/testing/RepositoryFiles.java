package io.mechanist.testing;

import java.nio.file.Files;
import java.nio.file.Path;

/** Locates the demo bundle's shipped files from the working directory (repository root or a module folder). */
public final class RepositoryFiles {

    private RepositoryFiles() {
    }

    public static Path demoBundle() {
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

    public static Path shippedModel() {
        return demoBundle().resolve("models").resolve("mechanist-demo-gpt2");
    }

    public static Path shippedData() {
        return demoBundle().resolve("data");
    }
}
