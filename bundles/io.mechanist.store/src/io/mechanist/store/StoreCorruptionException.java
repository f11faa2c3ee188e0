package io.mechanist.store;

import java.io.IOException;
import java.nio.file.Path;

/** A file of a store is missing, truncated or fails its checksum; {@link #file()} names it. */
public class StoreCorruptionException extends IOException {

    private static final long serialVersionUID = 1L;

    private final transient Path file;

    public StoreCorruptionException(Path file, String problem) {
        super(file + ": " + problem);
        this.file = file;
    }

    /** The damaged file. */
    public Path file() {
        return file;
    }
}
