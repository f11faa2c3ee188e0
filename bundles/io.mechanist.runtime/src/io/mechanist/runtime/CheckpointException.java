package io.mechanist.runtime;

import java.io.IOException;
import java.nio.file.Path;

/** A checkpoint folder that cannot be loaded; the message names the file (and tensor) and what is wrong. */
public class CheckpointException extends IOException {
    private static final long serialVersionUID = 1L;

    private final transient Path file;

    public CheckpointException(Path file, String problem) {
        super(file + ": " + problem);
        this.file = file;
    }

    public CheckpointException(Path file, String problem, Throwable cause) {
        super(file + ": " + problem, cause);
        this.file = file;
    }

    /** The file (or folder) the problem was found in. */
    public Path file() {
        return file;
    }
}
