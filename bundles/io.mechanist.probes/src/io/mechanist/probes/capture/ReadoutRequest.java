package io.mechanist.probes.capture;

import java.nio.file.Path;
import java.util.Objects;

/**
 * What the output read-out needs beyond the probe data: the checkpoint the capture was run with, the two answer
 * tokens and which label value answer A stands for.
 *
 * @param modelFolder the checkpoint folder (config.json, safetensors weights, tokenizer.json)
 * @param tokenA      token text of answer A, one token of the model's tokenizer (e.g. {@code " A"}); a leading
 *                    {@code \s} stands for a space (parameter values are trimmed)
 * @param tokenB      token text of answer B
 * @param labelOfA    the label value answer A stands for (e.g. {@code A}); the other label value is answer B
 */
public record ReadoutRequest(Path modelFolder, String tokenA, String tokenB, String labelOfA) {

    public ReadoutRequest {
        Objects.requireNonNull(modelFolder, "modelFolder");
        Objects.requireNonNull(tokenA, "tokenA");
        Objects.requireNonNull(tokenB, "tokenB");
        Objects.requireNonNull(labelOfA, "labelOfA");
        tokenA = unescape(tokenA);
        tokenB = unescape(tokenB);
    }

    /** {@code \s} -> space, so that " A" survives trimmed parameter values and command lines. */
    static String unescape(String text) {
        return text.replace("\\s", " ");
    }
}
