package io.mechanist.probes;

import java.util.Arrays;

/**
 * {@link ProbeData} held in memory: one {@code [n_prompts, d_model]} float matrix per (layer, position), with a
 * presence mask. Suited to tests, the benchmark and small captures.
 */
public final class InMemoryProbeData implements ProbeData {

    private final int layers;
    private final int positions;
    private final int d;
    private final String[] promptIds;
    private final String[] labels;
    private final String[] groups;
    private final float[][] matrices; // [layer * positions + position] -> [n * d]
    private final boolean[][] present; // [prompt][position]
    private final String[] positionTokens;

    /**
     * @param promptIds ids, one per prompt (n = length)
     * @param labels    label per prompt (null = missing)
     * @param groups    group per prompt (null = its own group); the array itself may be null (all ungrouped)
     */
    public InMemoryProbeData(int layers, int positions, int dModel, String[] promptIds, String[] labels,
            String[] groups) {
        int n = promptIds.length;
        if (labels.length != n || (groups != null && groups.length != n)) {
            throw new ProbeInputException("prompt ids, labels and groups differ in length: " + n + ", "
                    + labels.length + ", " + (groups == null ? n : groups.length));
        }
        this.layers = layers;
        this.positions = positions;
        this.d = dModel;
        this.promptIds = promptIds.clone();
        this.labels = labels.clone();
        this.groups = groups == null ? new String[n] : groups.clone();
        this.matrices = new float[layers * positions][];
        this.present = new boolean[n][positions];
        for (boolean[] row : present) {
            Arrays.fill(row, true);
        }
        this.positionTokens = new String[positions];
        Arrays.fill(positionTokens, "");
    }

    /** Sets the {@code [n_prompts, d_model]} matrix of one cell (kept by reference, not copied). */
    public void setMatrix(int layer, int position, float[] matrix) {
        if (matrix.length != promptIds.length * d) {
            throw new ProbeInputException("matrix of layer " + layer + " position " + position + " has "
                    + matrix.length + " values, expected [" + promptIds.length + ", " + d + "]");
        }
        matrices[layer * positions + position] = matrix;
    }

    public void setPresent(int prompt, int position, boolean isPresent) {
        present[prompt][position] = isPresent;
    }

    public void setPositionToken(int position, String token) {
        positionTokens[position] = token;
    }

    @Override public int promptCount() { return promptIds.length; }
    @Override public int layerCount() { return layers; }
    @Override public int positionCount() { return positions; }
    @Override public int dModel() { return d; }
    @Override public String promptId(int prompt) { return promptIds[prompt]; }
    @Override public String label(int prompt) { return labels[prompt]; }
    @Override public String group(int prompt) { return groups[prompt]; }
    @Override public boolean hasPosition(int prompt, int position) { return present[prompt][position]; }
    @Override public String positionToken(int position) { return positionTokens[position]; }

    @Override
    public void readMatrix(int layer, int position, float[] dest) {
        float[] m = matrices[layer * positions + position];
        if (m == null) {
            throw new IllegalStateException("no matrix set for layer " + layer + " position " + position);
        }
        System.arraycopy(m, 0, dest, 0, m.length);
        for (int p = 0; p < promptIds.length; p++) {
            if (!present[p][position]) {
                Arrays.fill(dest, p * d, (p + 1) * d, 0f);
            }
        }
    }
}
