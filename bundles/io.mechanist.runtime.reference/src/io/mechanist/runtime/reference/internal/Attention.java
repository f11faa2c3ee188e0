package io.mechanist.runtime.reference.internal;

/**
 * Causal multi-head self-attention for one prompt, with the options of the supported families: grouped-query
 * key/value heads, per-head q/k RMSNorm, rotary positions, attention-logit soft-capping and a sliding window.
 */
public final class Attention {

    /**
     * @param output [pos][d_model] after the output projection
     * @param scores [head][query][key] pre-softmax logits: q.k * scale, soft-capped where the family caps them,
     *     {@code -inf} where masked
     * @param pattern [head][query][key] softmax probabilities (exactly 0 where masked)
     */
    public record Result(double[][] output, double[][][] scores, double[][][] pattern) {
    }

    /**
     * Where the per-position values inside attention pass a hook site: {@code point} is attn_q, attn_k, attn_v or
     * attn_z with {@code rows} [pos][heads * d_head], or attn_scores or attn_pattern with {@code rows}
     * [query][heads * keys], head-major; the result is used from there on.
     */
    @FunctionalInterface
    public interface Sites {
        double[][] pass(String point, double[][] rows);

        Sites NONE = (point, rows) -> rows;
    }

    private final Linear query;
    private final Linear key;
    private final Linear value;
    private final Linear out;
    private final int heads;
    private final int kvHeads;
    private final int headDim;
    private final double scale;
    private final Double softcap;
    private final int slidingWindow;
    private final RotaryEmbedding rope;
    private final Norm queryNorm;
    private final Norm keyNorm;

    /**
     * @param slidingWindow 0 for full causal attention, else a query at i sees keys j with 0 <= i - j < window
     * @param rope null for models with learned absolute positions
     * @param queryNorm null unless the family normalises each q head (applied before RoPE), likewise keyNorm
     */
    public Attention(Linear query, Linear key, Linear value, Linear out, int heads, int kvHeads, int headDim,
            double scale, Double softcap, int slidingWindow, RotaryEmbedding rope, Norm queryNorm, Norm keyNorm) {
        this.query = query;
        this.key = key;
        this.value = value;
        this.out = out;
        this.heads = heads;
        this.kvHeads = kvHeads;
        this.headDim = headDim;
        this.scale = scale;
        this.softcap = softcap;
        this.slidingWindow = slidingWindow;
        this.rope = rope;
        this.queryNorm = queryNorm;
        this.keyNorm = keyNorm;
    }

    public Result forward(double[][] x, Sites sites) {
        int positions = x.length;
        double[][] qRows = new double[positions][];
        double[][] kRows = new double[positions][];
        double[][] vRows = new double[positions][];
        for (int t = 0; t < positions; t++) {
            qRows[t] = normed(query.apply(x[t]), queryNorm);
            kRows[t] = normed(key.apply(x[t]), keyNorm);
            vRows[t] = value.apply(x[t]);
        }
        qRows = sites.pass("attn_q", qRows);
        kRows = sites.pass("attn_k", kRows);
        vRows = sites.pass("attn_v", vRows);
        double[][][] q = new double[positions][][];
        double[][][] k = new double[positions][][];
        double[][][] v = new double[positions][][];
        for (int t = 0; t < positions; t++) {
            q[t] = rotated(split(qRows[t], heads), t);
            k[t] = rotated(split(kRows[t], kvHeads), t);
            v[t] = split(vRows[t], kvHeads);
        }
        int group = heads / kvHeads;
        double[][][] scores = new double[heads][positions][positions];
        double[][][] pattern = new double[heads][positions][positions];
        double[][] mixed = new double[positions][heads * headDim];
        for (int h = 0; h < heads; h++) {
            for (int i = 0; i < positions; i++) {
                scoresOverVisibleKeys(q, k, h, h / group, i, scores[h][i]);
            }
        }
        scores = passQueryKey(sites, "attn_scores", scores, Double.NEGATIVE_INFINITY);
        for (int h = 0; h < heads; h++) {
            for (int i = 0; i < positions; i++) {
                softmaxOverVisibleKeys(i, scores[h][i], pattern[h][i]);
            }
        }
        pattern = passQueryKey(sites, "attn_pattern", pattern, 0);
        for (int h = 0; h < heads; h++) {
            int kvHead = h / group;
            for (int i = 0; i < positions; i++) {
                double[] probabilities = pattern[h][i];
                for (int j = 0; j <= i; j++) {
                    double p = probabilities[j];
                    if (p == 0) {
                        continue;
                    }
                    for (int d = 0; d < headDim; d++) {
                        mixed[i][h * headDim + d] += p * v[j][kvHead][d];
                    }
                }
            }
        }
        mixed = sites.pass("attn_z", mixed);
        double[][] output = new double[positions][];
        for (int t = 0; t < positions; t++) {
            output[t] = out.apply(mixed[t]);
        }
        return new Result(output, scores, pattern);
    }

    private boolean visible(int queryPos, int keyPos) {
        int distance = queryPos - keyPos;
        return distance >= 0 && (slidingWindow <= 0 || distance < slidingWindow);
    }

    /** Fills {@code scores} (-inf where masked) for query i of head h. */
    private void scoresOverVisibleKeys(double[][][] q, double[][][] k, int h, int kvHead, int i, double[] scores) {
        java.util.Arrays.fill(scores, Double.NEGATIVE_INFINITY);
        for (int j = 0; j <= i; j++) {
            if (!visible(i, j)) {
                continue;
            }
            double s = 0;
            for (int d = 0; d < headDim; d++) {
                s += q[i][h][d] * k[j][kvHead][d];
            }
            s *= scale;
            if (softcap != null) {
                s = softcap * Math.tanh(s / softcap);
            }
            scores[j] = s;
        }
    }

    /** Fills {@code into} with the softmax of query i's scores over its visible keys (0 elsewhere). */
    private void softmaxOverVisibleKeys(int i, double[] scores, double[] into) {
        double max = Double.NEGATIVE_INFINITY;
        for (int j = 0; j <= i; j++) {
            if (visible(i, j)) {
                max = Math.max(max, scores[j]);
            }
        }
        double total = 0;
        for (int j = 0; j <= i; j++) {
            if (visible(i, j)) {
                into[j] = Math.exp(scores[j] - max);
                total += into[j];
            }
        }
        for (int j = 0; j <= i; j++) {
            into[j] /= total;
        }
    }

    /**
     * Passes scores or a pattern [head][query][key] through the site as rows [query][head * keys] (head-major), then
     * masks again: an edit cannot make a query see a later key or one outside its window ({@code masked} there).
     */
    private double[][][] passQueryKey(Sites sites, String point, double[][][] values, double masked) {
        int positions = values[0].length;
        double[][] rows = new double[positions][heads * positions];
        for (int h = 0; h < heads; h++) {
            for (int i = 0; i < positions; i++) {
                System.arraycopy(values[h][i], 0, rows[i], h * positions, positions);
            }
        }
        double[][] passed = sites.pass(point, rows);
        if (passed == rows) {
            return values;
        }
        double[][][] out = new double[heads][positions][positions];
        for (int h = 0; h < heads; h++) {
            for (int i = 0; i < positions; i++) {
                for (int j = 0; j < positions; j++) {
                    out[h][i][j] = visible(i, j) ? passed[i][h * positions + j] : masked;
                }
            }
        }
        return out;
    }

    private double[][] split(double[] flat, int count) {
        double[][] parts = new double[count][headDim];
        for (int h = 0; h < count; h++) {
            System.arraycopy(flat, h * headDim, parts[h], 0, headDim);
        }
        return parts;
    }

    /** The projection with each head normalised by {@code norm} (when the family has q/k norms), head-major. */
    private double[] normed(double[] flat, Norm norm) {
        if (norm == null) {
            return flat;
        }
        double[] out = new double[flat.length];
        for (int h = 0; h < flat.length / headDim; h++) {
            double[] head = java.util.Arrays.copyOfRange(flat, h * headDim, (h + 1) * headDim);
            System.arraycopy(norm.apply(head), 0, out, h * headDim, headDim);
        }
        return out;
    }

    private double[][] rotated(double[][] perHead, int position) {
        if (rope != null) {
            for (int h = 0; h < perHead.length; h++) {
                perHead[h] = rope.rotate(perHead[h], position);
            }
        }
        return perHead;
    }
}
