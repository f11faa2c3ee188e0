package io.mechanist.runtime.weights;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import io.mechanist.core.tensor.DType;
import io.mechanist.core.tensor.SafetensorsWriter;
import io.mechanist.djl.DjlEngines;
import io.mechanist.runtime.internal.WeightSource;

/**
 * Writes a checkpoint with a {@link WeightPlan}'s edits applied into a new folder: every tensor as float32 in one
 * {@code model.safetensors}, the other files (config.json, tokenizer files) copied. The source folder is only read.
 * Meant for models that fit in memory one tensor at a time; the edited copy is as large as the model in float32.
 */
public final class EditedCheckpoint {

    private EditedCheckpoint() {
    }

    /**
     * @throws IOException naming the folder when {@code target} is inside {@code source} (or contains it), or exists
     *     and is not empty
     */
    public static Path write(Path source, WeightPlan plan, Path target) throws IOException {
        WeightPlan.checkTarget(source, target);
        Files.createDirectories(target);
        SafetensorsWriter writer = new SafetensorsWriter().metadata("format", "pt")
                .metadata("mechanist.weight_edits", plan.describe());
        try (NDManager manager = DjlEngines.withBundleLoader(() -> DjlEngines.engine().newBaseManager());
                WeightSource weights = WeightSource.open(source, plan)) {
            for (String name : weights.names()) {
                long[] shape = weights.shapeOf(name);
                try (NDArray array = weights.load(name, manager, shape)) {
                    writer.add(name, DType.F32, shape, array.toFloatArray());
                }
            }
        }
        writer.write(target.resolve("model.safetensors"));
        try (var files = Files.list(source)) {
            for (Path file : (Iterable<Path>) files::iterator) {
                if (Files.isRegularFile(file) && !WeightPlan.isWeightFile(file)) {
                    Files.copy(file, target.resolve(file.getFileName()), StandardCopyOption.COPY_ATTRIBUTES);
                }
            }
        }
        return target;
    }
}
