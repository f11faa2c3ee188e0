package io.mechanist.headless;

import java.io.PrintStream;

import com.google.gson.GsonBuilder;
import com.google.gson.JsonElement;

/**
 * Where a verb writes: results to {@code out} (as JSON with {@code --json}, for scripts), progress and messages to
 * {@code err}, so that {@code out} stays machine-readable.
 */
public final class CliContext {

    private final PrintStream out;
    private final PrintStream err;
    private final boolean json;
    private long lastProgressNanos;

    public CliContext(PrintStream out, PrintStream err, boolean json) {
        this.out = out;
        this.err = err;
        this.json = json;
    }

    public PrintStream out() {
        return out;
    }

    public PrintStream err() {
        return err;
    }

    /** Whether the user asked for JSON on standard output. */
    public boolean json() {
        return json;
    }

    /** Prints a result as pretty JSON on standard output. */
    public void printJson(JsonElement result) {
        out.println(new GsonBuilder().setPrettyPrinting().serializeSpecialFloatingPointValues().create()
                .toJson(result));
        out.flush();
    }

    /** Reports progress on standard error, at most twice a second, and always the last step. */
    public void progress(String task, long done, long total) {
        long now = System.nanoTime();
        if (done < total && now - lastProgressNanos < 500_000_000L) {
            return;
        }
        lastProgressNanos = now;
        int percent = total > 0 ? (int) (100 * done / total) : 0;
        err.printf("%s: %3d%% (%d/%d)%n", task, percent, done, total);
        err.flush();
    }

    /** A line for the human on standard error. */
    public void info(String message) {
        err.println(message);
        err.flush();
    }
}
