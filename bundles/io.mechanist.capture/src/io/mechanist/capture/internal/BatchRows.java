package io.mechanist.capture.internal;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.mechanist.core.hooks.HookSite;
import io.mechanist.runtime.ActivationSink;
import io.mechanist.runtime.Float16Rows;
import io.mechanist.runtime.SiteActivations;
import io.mechanist.store.PromptRows;

/**
 * Collects the captures of one batch from the runtime and turns each prompt's activations into the rows the store
 * expects: one row per captured position, {@code [d_model]} (or {@code [vocab]}) wide, or for attention patterns
 * {@code [head, key]} with keys zero-padded to {@code patternKeys}. Holds one batch at a time.
 */
public final class BatchRows implements ActivationSink {

    private final int patternKeys;
    private final Map<HookSite, SiteActivations[]> bySite = new HashMap<>();
    private final Map<HookSite, Float16Rows[]> halvesBySite = new HashMap<>();
    private final int batchSize;
    private final boolean float16;

    /**
     * @param batchSize prompts in the batch (their indices in the run are 0..batchSize-1)
     * @param patternKeys key width of stored attention-pattern rows (the longest prompt of the dataset)
     */
    public BatchRows(int batchSize, int patternKeys) {
        this(batchSize, patternKeys, false);
    }

    /**
     * @param float16 whether the rows go to an F16 capture: then the runtime narrows {@code [pos, width]} sites to
     *     float16 in libtorch and {@link #promptRows} hands them on as such
     */
    public BatchRows(int batchSize, int patternKeys, boolean float16) {
        this.batchSize = batchSize;
        this.patternKeys = patternKeys;
        this.float16 = float16;
    }

    @Override
    public boolean wantsFloat16() {
        return float16;
    }

    @Override
    public synchronized void acceptFloat16(HookSite site, List<Float16Rows> batch) {
        Float16Rows[] perPrompt = halvesBySite.computeIfAbsent(site, s -> new Float16Rows[batchSize]);
        for (Float16Rows rows : batch) {
            Float16Rows earlier = perPrompt[rows.prompt()];
            perPrompt[rows.prompt()] = earlier == null ? rows : earlier.append(rows);
        }
    }

    /**
     * The rows of prompt {@code prompt} at {@code site} for the store's writer: as {@link #rows}, or the float16 bits
     * the runtime narrowed when this batch {@link #wantsFloat16() wants float16} (attention patterns stay float32
     * and are narrowed by the shard).
     */
    public synchronized PromptRows promptRows(HookSite site, int prompt, int[] positions) {
        Float16Rows[] halves = halvesBySite.get(site);
        if (halves == null || halves[prompt] == null) {
            return new PromptRows.Floats(rows(site, prompt, positions));
        }
        Float16Rows captured = halves[prompt];
        short[] bits = captured.bits();
        int[] at = captured.positions();
        if (java.util.Arrays.equals(at, positions)) {
            return new PromptRows.Halves(bits); // this batch's own array, read by the store's writer only (no copy)
        }
        int width = captured.width();
        short[] out = new short[positions.length * width];
        for (int r = 0; r < positions.length; r++) {
            System.arraycopy(bits, indexOf(at, positions[r], site, prompt) * width, out, r * width, width);
        }
        return new PromptRows.Halves(out);
    }

    @Override
    public synchronized void accept(HookSite site, List<SiteActivations> batch) {
        SiteActivations[] perPrompt = bySite.computeIfAbsent(site, s -> new SiteActivations[batchSize]);
        for (SiteActivations activations : batch) {
            SiteActivations earlier = perPrompt[activations.prompt()];
            perPrompt[activations.prompt()] = earlier == null ? activations : earlier.append(activations);
        }
    }

    /**
     * The rows of prompt {@code prompt} of the batch at {@code site}, for the prompt-relative {@code positions}
     * (ascending), row-major.
     *
     * @throws IllegalStateException if the runtime did not deliver one of them
     */
    public synchronized float[] rows(HookSite site, int prompt, int[] positions) {
        SiteActivations[] perPrompt = bySite.get(site);
        SiteActivations activations = perPrompt == null ? null : perPrompt[prompt];
        if (activations == null) {
            if (positions.length == 0) {
                return new float[0];
            }
            throw new IllegalStateException("no activations of " + site.id() + " arrived for prompt " + prompt);
        }
        int[] captured = activations.positions();
        return site.point().queryKeyShaped() ? patternRows(activations, captured, positions)
                : residualRows(activations, captured, positions);
    }

    private static float[] residualRows(SiteActivations a, int[] captured, int[] positions) {
        float[] values = a.values();
        if (java.util.Arrays.equals(captured, positions)) {
            return values; // this batch's own array, read by the store's writer only (no copy)
        }
        int width = a.width();
        float[] out = new float[positions.length * width];
        for (int r = 0; r < positions.length; r++) {
            int i = indexOf(captured, positions[r], a.site(), a.prompt());
            System.arraycopy(values, i * width, out, r * width, width);
        }
        return out;
    }

    /** Runtime layout [head, query, key] to store rows [query][head][key padded to patternKeys]. */
    private float[] patternRows(SiteActivations a, int[] captured, int[] positions) {
        long[] shape = a.shape();
        int heads = (int) shape[0];
        int queries = (int) shape[1];
        int keys = (int) shape[2];
        if (keys > patternKeys) {
            throw new IllegalStateException(a.site().id() + ": " + keys + " keys but rows hold " + patternKeys);
        }
        float[] values = a.values();
        float[] out = new float[positions.length * heads * patternKeys];
        for (int r = 0; r < positions.length; r++) {
            int q = indexOf(captured, positions[r], a.site(), a.prompt());
            for (int h = 0; h < heads; h++) {
                System.arraycopy(values, (h * queries + q) * keys, out, (r * heads + h) * patternKeys, keys);
            }
        }
        return out;
    }

    private static int indexOf(int[] captured, int position, HookSite site, int prompt) {
        int i = java.util.Arrays.binarySearch(captured, position);
        if (i < 0) {
            throw new IllegalStateException(site.id() + ": position " + position + " of prompt " + prompt
                    + " was not captured");
        }
        return i;
    }
}
