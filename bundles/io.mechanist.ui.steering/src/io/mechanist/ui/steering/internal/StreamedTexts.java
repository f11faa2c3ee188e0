package io.mechanist.ui.steering.internal;

import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Text;

import io.mechanist.steering.SteeredGeneration.Side;

/**
 * The two generations' texts: tokens arrive on the generation threads and are buffered; the UI thread shows
 * whatever arrived since its last update (one asyncExec per batch of tokens, never one per token queued up).
 */
final class StreamedTexts {
    private final Text[] targets = new Text[2];
    private final StringBuilder[] buffers = { new StringBuilder(), new StringBuilder() };
    private final int[] tokens = new int[2];
    private final int[] updates = new int[2];
    private boolean flushPending;

    StreamedTexts(Text unsteered, Text steered) {
        targets[Side.UNSTEERED.ordinal()] = unsteered;
        targets[Side.STEERED.ordinal()] = steered;
    }

    /** Empties both sides. UI thread. */
    void reset() {
        synchronized (buffers) {
            for (int i = 0; i < 2; i++) {
                buffers[i].setLength(0);
                tokens[i] = 0;
                updates[i] = 0;
            }
        }
        for (Text t : targets) {
            t.setText("");
        }
    }

    /** A token from a generation thread. */
    void add(Side side, String delta) {
        synchronized (buffers) {
            buffers[side.ordinal()].append(delta);
            tokens[side.ordinal()]++;
            if (flushPending) {
                return;
            }
            flushPending = true;
        }
        Display display = targets[0].isDisposed() ? null : targets[0].getDisplay();
        if (display != null && !display.isDisposed()) {
            display.asyncExec(this::flush);
        }
    }

    /** Shows what arrived so far. UI thread. */
    void flush() {
        String[] now = new String[2];
        synchronized (buffers) {
            flushPending = false;
            now[0] = buffers[0].toString();
            now[1] = buffers[1].toString();
        }
        for (int i = 0; i < 2; i++) {
            if (!targets[i].isDisposed() && !targets[i].getText().equals(now[i])) {
                targets[i].setText(now[i]);
                updates[i]++;
            }
        }
    }

    int tokens(Side side) {
        synchronized (buffers) {
            return tokens[side.ordinal()];
        }
    }

    /** How many times the UI showed new text on a side. UI thread. */
    int updates(Side side) {
        return updates[side.ordinal()];
    }
}
