package io.mechanist.headless;

import java.util.Set;

/** One verb of {@code ./mechanist <verb>}. */
public interface Command {

    /** The verb, e.g. {@code capture}. */
    String name();

    /** One line for the verb list. */
    String summary();

    /** The full {@code --help} text: synopsis, options with defaults, an example. */
    String usage();

    /** Options that take a value (without {@code --}). {@code --json} and {@code --help} are always accepted. */
    Set<String> valueOptions();

    /** Value options that may be given more than once (read with {@link CommandLine#all}). */
    default Set<String> repeatableOptions() {
        return Set.of();
    }

    /** Options without a value. */
    default Set<String> flagOptions() {
        return Set.of();
    }

    /** Does the work; returns the exit code (0 on success). Throws {@link UsageException} for bad arguments. */
    int run(CommandLine line, CliContext context) throws Exception;
}
