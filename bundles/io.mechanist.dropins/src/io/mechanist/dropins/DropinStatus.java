package io.mechanist.dropins;

import java.nio.file.Path;

/**
 * What the installer made of one entry of the dropins folder.
 *
 * @param file          the jar or folder in the dropins folder
 * @param symbolicName  its Bundle-SymbolicName, or "" when it is not a bundle
 * @param version       its Bundle-Version, or ""
 * @param state         the outcome
 * @param problem       why it is not running, or "" when it is
 * @since 1.0
 */
public record DropinStatus(Path file, String symbolicName, String version, State state, String problem) {

    /** @since 1.0 */
    public enum State {
        /** Started (its activator, if any, ran). */
        ACTIVE,
        /** Resolved; activated by the first class loaded from it (Bundle-ActivationPolicy: lazy). */
        LAZY,
        /** A fragment, resolved and attached to its host. */
        RESOLVED,
        /** Installed but not resolved or not started: {@link DropinStatus#problem()} says why. */
        FAILED,
        /** The file is not an OSGi bundle (no Bundle-SymbolicName) or cannot be read. */
        NOT_A_BUNDLE,
        /** Another entry of the dropins folder has the same symbolic name; this one was left out. */
        DUPLICATE,
        /** A bundle of the product has this symbolic name; a dropin does not replace it. */
        CONFLICT
    }

    /** Whether the bundle is in use: started, lazily started or an attached fragment. */
    public boolean running() {
        return state == State.ACTIVE || state == State.LAZY || state == State.RESOLVED;
    }

    /** One line: {@code name version (file): state[: problem]}. */
    public String describe() {
        String name = symbolicName.isEmpty() ? file.getFileName().toString()
                : symbolicName + " " + version + " (" + file.getFileName() + ")";
        String label = state.name().toLowerCase(java.util.Locale.ROOT).replace('_', ' ');
        return name + ": " + label + (problem.isEmpty() ? "" : ": " + problem);
    }
}
