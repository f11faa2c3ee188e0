package io.mechanist.probes;

/** Progress and cancellation of a running analysis (an Eclipse Job's monitor adapts to this). */
public interface ProbeProgress {

    ProbeProgress NONE = (done, total) -> { };

    /** Called after each (layer, position) cell, possibly from worker threads. */
    void cellsDone(int done, int total);

    /** Polled between cells; when true the analysis stops with a {@link java.util.concurrent.CancellationException}. */
    default boolean isCancelled() {
        return false;
    }
}
