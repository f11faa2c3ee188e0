package io.mechanist.saes;

import java.io.IOException;
import java.nio.file.Path;

/** A file of an SAE folder (or a control vector, or an export) that Mechanist cannot read; names file and field. */
public final class SaeFormatException extends IOException {
    private static final long serialVersionUID = 1L;

    private final Path file;

    public SaeFormatException(Path file, String problem) {
        super(file + ": " + problem);
        this.file = file;
    }

    public Path file() {
        return file;
    }
}
