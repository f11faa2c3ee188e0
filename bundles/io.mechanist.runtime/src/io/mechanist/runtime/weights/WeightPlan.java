package io.mechanist.runtime.weights;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Weight edits applied in order as a checkpoint loads ({@code HookedTransformer.load(folder, plan)}): the weight
 * counterpart of an activation {@code InterventionPlan}. The checkpoint on disk is never changed;
 * {@link #materialize} writes the edited weights into a new folder where a copy is wanted (for an independent
 * check, or to share the perturbed model).
 */
public record WeightPlan(List<WeightEdit> edits) {

    /** No edit: the checkpoint as it is. */
    public static final WeightPlan NONE = new WeightPlan(List.of());

    public WeightPlan {
        edits = List.copyOf(edits);
    }

    public static WeightPlan of(WeightEdit... edits) {
        return new WeightPlan(List.of(edits));
    }

    public boolean isEmpty() {
        return edits.isEmpty();
    }

    /** The edits in words, in order. */
    public String describe() {
        return edits.isEmpty() ? "unedited" : edits.stream().map(WeightEdit::describe).collect(Collectors.joining("; "));
    }

    /** The other checkpoints' tensors an interpolation reads. */
    public interface OtherWeights {
        /**
         * The float32 values of tensor {@code name} in checkpoint {@code folder}, which must have {@code shape}.
         *
         * @throws IOException naming the other checkpoint's file when the tensor is missing or shaped otherwise
         */
        float[] values(Path folder, String name, long[] shape) throws IOException;
    }

    /** The values of tensor {@code name} after every edit that selects it, in order. */
    public float[] apply(String name, long[] shape, float[] values, OtherWeights others) throws IOException {
        float[] current = values;
        for (WeightEdit edit : edits) {
            if (!edit.tensors().test(name)) {
                continue;
            }
            current = switch (edit) {
                case WeightEdit.Noise noise -> noise.apply(name, current);
                case WeightEdit.Interpolate interpolate ->
                    interpolate.apply(current, others.values(interpolate.other(), name, shape));
                case WeightEdit.Scale scale -> scale.apply(current);
            };
        }
        return current;
    }

    /** Whether any edit selects tensor {@code name}. */
    public boolean touches(String name) {
        return edits.stream().anyMatch(e -> e.tensors().test(name));
    }

    /** The files of a checkpoint folder that are not weights and that a materialized copy keeps. */
    static boolean isWeightFile(Path file) {
        String name = file.getFileName().toString();
        return name.endsWith(".safetensors") || name.equals("model.safetensors.index.json");
    }

    /** Refuses a target inside the source or an existing non-empty target, before anything is written. */
    static void checkTarget(Path source, Path target) throws IOException {
        Path from = source.toAbsolutePath().normalize();
        Path to = target.toAbsolutePath().normalize();
        if (to.startsWith(from) || from.startsWith(to)) {
            throw new IOException(target + ": the edited copy must not be inside " + source + " or contain it");
        }
        if (Files.isDirectory(to)) {
            try (var entries = Files.list(to)) {
                if (entries.findAny().isPresent()) {
                    throw new IOException(target + " is not empty; the edited copy needs a new folder");
                }
            }
        }
    }
}
