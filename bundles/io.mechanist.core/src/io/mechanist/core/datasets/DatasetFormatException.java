package io.mechanist.core.datasets;

import java.io.IOException;

/** A dataset file that does not follow the format: the message names the file, the line and what is wrong. */
public final class DatasetFormatException extends IOException {

    private static final long serialVersionUID = 1L;

    private final String source;
    private final int line;

    public DatasetFormatException(String source, int line, String problem) {
        super(source + ":" + line + ": " + problem);
        this.source = source;
        this.line = line;
    }

    /** The file (or other source) that was read. */
    public String source() {
        return source;
    }

    /** 1-based line number of the offending record. */
    public int line() {
        return line;
    }
}
