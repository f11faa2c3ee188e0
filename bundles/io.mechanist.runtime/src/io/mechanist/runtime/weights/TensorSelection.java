package io.mechanist.runtime.weights;

import java.util.Arrays;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Which checkpoint tensors a weight edit touches, by the tensor's name in the checkpoint (e.g.
 * {@code model.layers.3.mlp.down_proj.weight}, {@code transformer.h.3.mlp.c_proj.weight}).
 *
 * @param pattern a regular expression that must be found in the name ({@link java.util.regex.Matcher#find()})
 * @param description what the selection says in words, for results and messages
 */
public record TensorSelection(Pattern pattern, String description) {

    /** Every tensor. */
    public static TensorSelection all() {
        return new TensorSelection(Pattern.compile(""), "all tensors");
    }

    /** Tensors whose name contains a match of {@code regex}. */
    public static TensorSelection matching(String regex) {
        return new TensorSelection(Pattern.compile(regex), "tensors matching /" + regex + "/");
    }

    /**
     * The tensors of the given decoder blocks, in both naming schemes: Llama-family {@code model.layers.N.} and
     * GPT-2 {@code h.N.} (with or without the {@code transformer.} prefix).
     */
    public static TensorSelection layers(int... layers) {
        if (layers.length == 0) {
            throw new IllegalArgumentException("no layers given");
        }
        String alternatives = Arrays.stream(layers).peek(l -> {
            if (l < 0) {
                throw new IllegalArgumentException("layer " + l + " is negative");
            }
        }).mapToObj(Integer::toString).collect(Collectors.joining("|"));
        return new TensorSelection(Pattern.compile("(^|\\.)(layers|h)\\.(" + alternatives + ")\\."),
                "tensors of block" + (layers.length > 1 ? "s " : " ") + alternatives.replace('|', ','));
    }

    /** Whether the edit applies to the tensor {@code name}. */
    public boolean test(String name) {
        return pattern.matcher(name).find();
    }

    @Override
    public String toString() {
        return description;
    }
}
