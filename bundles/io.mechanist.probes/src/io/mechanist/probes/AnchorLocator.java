package io.mechanist.probes;

import java.util.List;

/** Finds the anchor token (for example the answer marker) in a prompt's tokens. */
@FunctionalInterface
public interface AnchorLocator {

    /** The token index of the anchor in {@code tokens}, or -1 when the prompt has none. */
    int locate(int prompt, List<String> tokens);

    /** Which match counts when a token text occurs several times. */
    enum Occurrence { FIRST, LAST }

    /**
     * The first or last token whose text equals {@code text} after stripping surrounding whitespace on both sides
     * (tokenizers mark leading spaces differently: " Answer", "ĠAnswer", "▁Answer" all match "Answer").
     */
    static AnchorLocator token(String text, Occurrence occurrence) {
        String wanted = normalise(text);
        if (wanted.isEmpty()) {
            throw new ProbeInputException("anchor token text is empty");
        }
        return (prompt, tokens) -> {
            int found = -1;
            for (int i = 0; i < tokens.size(); i++) {
                if (wanted.equals(normalise(tokens.get(i)))) {
                    found = i;
                    if (occurrence == Occurrence.FIRST) {
                        break;
                    }
                }
            }
            return found;
        };
    }

    /** Anchors given as explicit token indices per prompt (for example recorded at capture time). */
    static AnchorLocator indices(int[] anchorPerPrompt) {
        int[] copy = anchorPerPrompt.clone();
        return (prompt, tokens) -> {
            if (prompt >= copy.length) {
                return -1;
            }
            int index = copy[prompt];
            return index >= 0 && index < tokens.size() ? index : -1;
        };
    }

    private static String normalise(String token) {
        String t = token == null ? "" : token;
        if (!t.isEmpty() && (t.charAt(0) == '\u0120' || t.charAt(0) == '\u2581')) {
            t = t.substring(1); // byte-level BPE / sentencepiece space markers
        }
        return t.strip();
    }
}
