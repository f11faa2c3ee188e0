package io.mechanist.probes;

/** Input that a probe analysis cannot be run on (labels, groups, shapes); the message says what and where. */
public class ProbeInputException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    public ProbeInputException(String message) {
        super(message);
    }
}
