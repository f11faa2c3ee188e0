package io.mechanist.core.analysis;

/** An analysis cannot run on the given inputs or parameters; the message says what is wrong and where. */
public class AnalysisException extends Exception {

    private static final long serialVersionUID = 1L;

    public AnalysisException(String message) {
        super(message);
    }

    public AnalysisException(String message, Throwable cause) {
        super(message, cause);
    }
}
