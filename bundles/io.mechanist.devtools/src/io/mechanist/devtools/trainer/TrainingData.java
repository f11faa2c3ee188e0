package io.mechanist.devtools.trainer;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.Function;

/**
 * Tokenised training sequences, served as next-token batches: inputs are tokens 0..n-2, targets tokens 1..n-1,
 * right-padded to the longest sequence with a loss mask that is 0 on padding. Right padding leaves every real
 * position unchanged under causal attention.
 */
public final class TrainingData {

    /** One batch: [batch][pos] inputs and targets, and the [batch][pos] loss weights (0 on padding). */
    public record Batch(int[][] inputs, int[][] targets, float[][] lossMask) {
    }

    private final List<int[]> sequences;
    private final int padId;
    private final int width;
    private final int weightedTokenFromEnd;
    private final float tokenWeight;

    /**
     * @param texts whole training sequences (prompt, answer, end marker)
     * @param tokenizer text to token ids
     * @param padId the id written on padded positions (never trained on)
     */
    public TrainingData(List<String> texts, Function<String, int[]> tokenizer, int padId) {
        this(texts, tokenizer, padId, 0, 1f);
    }

    /**
     * @param weightedTokenFromEnd which token's prediction gets {@code tokenWeight} in the loss, counted from the
     *     end (1: the second-to-last token, e.g. the answer before an end marker); every other token weighs 1
     */
    public TrainingData(List<String> texts, Function<String, int[]> tokenizer, int padId, int weightedTokenFromEnd,
            float tokenWeight) {
        this.sequences = new ArrayList<>();
        int longest = 0;
        for (String text : texts) {
            int[] ids = tokenizer.apply(text);
            if (ids.length < 2) {
                throw new IllegalArgumentException("a training sequence needs at least 2 tokens: '" + text + "'");
            }
            sequences.add(ids);
            longest = Math.max(longest, ids.length);
        }
        if (sequences.isEmpty()) {
            throw new IllegalArgumentException("no training sequences");
        }
        this.padId = padId;
        this.width = longest - 1;
        this.weightedTokenFromEnd = weightedTokenFromEnd;
        this.tokenWeight = tokenWeight;
    }

    public int size() {
        return sequences.size();
    }

    /** Positions per batch row (longest sequence minus one). */
    public int width() {
        return width;
    }

    /** {@code batchSize} sequences drawn uniformly with replacement. */
    public Batch sample(Random random, int batchSize) {
        List<int[]> rows = new ArrayList<>();
        for (int i = 0; i < batchSize; i++) {
            rows.add(sequences.get(random.nextInt(sequences.size())));
        }
        return batchOf(rows);
    }

    private Batch batchOf(List<int[]> rows) {
        int[][] inputs = new int[rows.size()][width];
        int[][] targets = new int[rows.size()][width];
        float[][] mask = new float[rows.size()][width];
        for (int r = 0; r < rows.size(); r++) {
            int[] ids = rows.get(r);
            for (int t = 0; t < width; t++) {
                boolean real = t + 1 < ids.length;
                inputs[r][t] = t < ids.length ? ids[t] : padId;
                targets[r][t] = real ? ids[t + 1] : padId;
                boolean weighted = t + 1 == ids.length - 1 - weightedTokenFromEnd;
                mask[r][t] = !real ? 0f : weighted ? tokenWeight : 1f;
            }
        }
        return new Batch(inputs, targets, mask);
    }
}
