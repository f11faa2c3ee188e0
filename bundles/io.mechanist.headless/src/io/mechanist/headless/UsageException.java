package io.mechanist.headless;

/** The command line is wrong: the message says what and how to fix it; the CLI exits with code 2. */
public class UsageException extends Exception {

    private static final long serialVersionUID = 1L;

    public UsageException(String message) {
        super(message);
    }
}
