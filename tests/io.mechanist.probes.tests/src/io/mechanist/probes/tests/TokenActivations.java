package io.mechanist.probes.tests;

import java.util.List;

import io.mechanist.probes.PromptActivations;

/**
 * Raw activations for alignment tests: the vector of prompt p, layer l, token t is
 * {@code [p, l, t, 1000 * p + t, ...]} so tests can see which token a position read.
 */
final class TokenActivations implements PromptActivations {

    private final List<List<String>> tokens;
    private final String[] labels;
    private final int layers;

    TokenActivations(List<List<String>> tokens, String[] labels, int layers) {
        this.tokens = tokens;
        this.labels = labels;
        this.layers = layers;
    }

    @Override public int promptCount() { return tokens.size(); }
    @Override public int layerCount() { return layers; }
    @Override public int dModel() { return 4; }
    @Override public String promptId(int prompt) { return "t" + prompt; }
    @Override public String label(int prompt) { return labels[prompt]; }
    @Override public String group(int prompt) { return null; }
    @Override public List<String> tokens(int prompt) { return tokens.get(prompt); }

    @Override
    public void readVector(int prompt, int layer, int tokenPosition, float[] dest, int offset) {
        if (tokenPosition < 0 || tokenPosition >= tokens.get(prompt).size()) {
            throw new IndexOutOfBoundsException("token " + tokenPosition + " of prompt " + prompt);
        }
        dest[offset] = prompt;
        dest[offset + 1] = layer;
        dest[offset + 2] = tokenPosition;
        dest[offset + 3] = 1000 * prompt + tokenPosition;
    }
}
