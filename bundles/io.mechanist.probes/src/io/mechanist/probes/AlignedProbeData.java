package io.mechanist.probes;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import io.mechanist.probes.internal.Labels;

/**
 * {@link ProbeData} over raw per-prompt activations and a {@link PositionAlignment}: aligned position k of prompt p
 * covers the token range {@code [from, to)} of that prompt (one token, or a bin of a span whose captured tokens'
 * activations are averaged). A position whose tokens were not captured is missing for that prompt.
 */
public final class AlignedProbeData implements ProbeData {

    /** Token label of an aligned position where prompts have different tokens. */
    public static final String MIXED = "mixed";

    private final PromptActivations source;
    private final int positions;
    private final int[][] from; // [prompt][position], -1 when missing
    private final int[][] to;
    private final String[] positionLabels;
    private final String[] positionTokens;

    private AlignedProbeData(PromptActivations source, int positions, int[][] from, int[][] to, String[] labels) {
        for (int p = 0; p < from.length; p++) {
            for (int k = 0; k < positions; k++) {
                if (from[p][k] >= 0 && !anyCaptured(source, p, from[p][k], to[p][k])) {
                    from[p][k] = -1;
                    to[p][k] = -1;
                }
            }
        }
        this.source = source;
        this.positions = positions;
        this.from = from;
        this.to = to;
        this.positionLabels = labels;
        this.positionTokens = new String[positions];
        for (int k = 0; k < positions; k++) {
            positionTokens[k] = commonToken(k);
        }
    }

    /**
     * Aligns the prompts. Prompts without the anchor or span are an error naming them (the user chose an alignment
     * that does not fit the data; silently dropping them would change n).
     */
    public static AlignedProbeData align(PromptActivations source, PositionAlignment alignment) {
        int n = source.promptCount();
        return switch (alignment) {
            case PositionAlignment.FromStart s -> {
                int[][] from = new int[n][s.positions()];
                int[][] to = new int[n][s.positions()];
                for (int p = 0; p < n; p++) {
                    int length = source.tokens(p).size();
                    for (int k = 0; k < s.positions(); k++) {
                        set(from, to, p, k, k, k + 1, length);
                    }
                }
                String[] labels = new String[s.positions()];
                for (int k = 0; k < labels.length; k++) {
                    labels[k] = Integer.toString(k);
                }
                yield new AlignedProbeData(source, s.positions(), from, to, labels);
            }
            case PositionAlignment.RelativeToAnchor a -> {
                int count = a.before() + a.after() + 1;
                int[][] from = new int[n][count];
                int[][] to = new int[n][count];
                List<String> missing = new ArrayList<>();
                for (int p = 0; p < n; p++) {
                    List<String> tokens = source.tokens(p);
                    int anchor = a.anchor().locate(p, tokens);
                    if (anchor < 0) {
                        missing.add(source.promptId(p));
                        continue;
                    }
                    for (int k = 0; k < count; k++) {
                        int raw = anchor - a.before() + k;
                        set(from, to, p, k, raw, raw + 1, tokens.size());
                    }
                }
                if (!missing.isEmpty()) {
                    throw new ProbeInputException("anchor " + a.anchorDescription() + " not found in "
                            + missing.size() + " of " + n + " prompts: " + Labels.listIds(missing));
                }
                String[] labels = new String[count];
                for (int k = 0; k < count; k++) {
                    int offset = k - a.before();
                    labels[k] = offset > 0 ? "+" + offset : Integer.toString(offset);
                }
                yield new AlignedProbeData(source, count, from, to, labels);
            }
            case PositionAlignment.SpanFraction f -> {
                int bins = f.bins();
                int[][] from = new int[n][bins];
                int[][] to = new int[n][bins];
                List<String> missing = new ArrayList<>();
                for (int p = 0; p < n; p++) {
                    List<String> tokens = source.tokens(p);
                    int[] span = f.span().locate(p, tokens);
                    if (span == null) {
                        missing.add(source.promptId(p));
                        continue;
                    }
                    int length = span[1] - span[0];
                    for (int b = 0; b < bins; b++) {
                        int start = span[0] + (int) ((long) b * length / bins);
                        int end = span[0] + (int) ((long) (b + 1) * length / bins);
                        set(from, to, p, b, start, end, tokens.size());
                    }
                }
                if (!missing.isEmpty()) {
                    throw new ProbeInputException("span " + f.spanDescription() + " not found in " + missing.size()
                            + " of " + n + " prompts: " + Labels.listIds(missing));
                }
                String[] labels = new String[bins];
                for (int b = 0; b < bins; b++) {
                    labels[b] = percent(b, bins) + "-" + percent(b + 1, bins) + "%";
                }
                yield new AlignedProbeData(source, bins, from, to, labels);
            }
        };
    }

    private static boolean anyCaptured(PromptActivations source, int prompt, int start, int end) {
        for (int t = start; t < end; t++) {
            if (source.hasToken(prompt, t)) {
                return true;
            }
        }
        return false;
    }

    private static void set(int[][] from, int[][] to, int p, int k, int start, int end, int length) {
        boolean present = start >= 0 && end <= length && start < end;
        from[p][k] = present ? start : -1;
        to[p][k] = present ? end : -1;
    }

    private static String percent(int b, int bins) {
        double v = 100.0 * b / bins;
        return v == Math.rint(v) ? Integer.toString((int) v) : String.format(java.util.Locale.ROOT, "%.1f", v);
    }

    private String commonToken(int k) {
        String common = null;
        for (int p = 0; p < from.length; p++) {
            if (from[p][k] < 0) {
                continue;
            }
            String t = tokenText(p, k);
            if (to[p][k] - from[p][k] != 1 || (common != null && !common.equals(t))) {
                return MIXED;
            }
            common = t;
        }
        return common == null ? "" : common;
    }

    /** The token text of one prompt at an aligned position (tokens of a bin joined), or null when missing. */
    public String tokenText(int prompt, int position) {
        if (from[prompt][position] < 0) {
            return null;
        }
        List<String> tokens = source.tokens(prompt);
        return String.join("", tokens.subList(from[prompt][position], to[prompt][position]));
    }

    /** The token range {@code [from, to)} of a prompt at an aligned position, or null when missing. */
    public int[] tokenRange(int prompt, int position) {
        return from[prompt][position] < 0 ? null : new int[] {from[prompt][position], to[prompt][position]};
    }

    @Override public int promptCount() { return source.promptCount(); }
    @Override public int layerCount() { return source.layerCount(); }
    @Override public int positionCount() { return positions; }
    @Override public int dModel() { return source.dModel(); }
    @Override public String promptId(int prompt) { return source.promptId(prompt); }
    @Override public String label(int prompt) { return source.label(prompt); }
    @Override public String group(int prompt) { return source.group(prompt); }
    @Override public String layerName(int layer) { return source.layerName(layer); }
    @Override public String positionLabel(int position) { return positionLabels[position]; }
    @Override public String positionToken(int position) { return positionTokens[position]; }

    @Override
    public boolean hasPosition(int prompt, int position) {
        return from[prompt][position] >= 0;
    }

    @Override
    public void readMatrix(int layer, int position, float[] dest) {
        int d = source.dModel();
        int n = source.promptCount();
        Arrays.fill(dest, 0, n * d, 0f);
        float[] scratch = null;
        for (int p = 0; p < n; p++) {
            int start = from[p][position];
            if (start < 0) {
                continue;
            }
            int end = to[p][position];
            if (end - start == 1) {
                source.readVector(p, layer, start, dest, p * d);
                continue;
            }
            if (scratch == null) {
                scratch = new float[d];
            }
            int captured = 0;
            for (int t = start; t < end; t++) {
                if (!source.hasToken(p, t)) {
                    continue; // a bin averages the tokens that were captured
                }
                captured++;
                source.readVector(p, layer, t, scratch, 0);
                for (int j = 0; j < d; j++) {
                    dest[p * d + j] += scratch[j];
                }
            }
            float inv = 1f / captured;
            for (int j = 0; j < d; j++) {
                dest[p * d + j] *= inv;
            }
        }
    }
}
