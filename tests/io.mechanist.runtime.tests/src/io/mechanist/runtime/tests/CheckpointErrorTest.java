package io.mechanist.runtime.tests;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Predicate;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

import io.mechanist.core.tensor.DType;
import io.mechanist.core.tensor.SafetensorsFile;
import io.mechanist.core.tensor.SafetensorsWriter;
import io.mechanist.core.tensor.TensorInfo;
import io.mechanist.runtime.CheckpointException;
import io.mechanist.runtime.Family;
import io.mechanist.runtime.HookedTransformer;

/** Bad checkpoints fail with messages naming the file, the tensor and the problem. */
class CheckpointErrorTest {

    private static Path copyOf(Family family, Path target) throws IOException {
        Path source = Fixtures.checkpoint(family);
        Files.createDirectories(target);
        try (var files = Files.list(source)) {
            for (Path f : files.toList()) {
                Files.copy(f, target.resolve(f.getFileName()));
            }
        }
        return target;
    }

    private static String failure(Path dir) {
        return assertThrows(CheckpointException.class, () -> HookedTransformer.load(dir).close()).getMessage();
    }

    private static void assertMentions(String message, String... parts) {
        for (String part : parts) {
            assertTrue(message.contains(part), "message should mention '" + part + "': " + message);
        }
    }

    @Test
    void pickleCheckpointsAreRefused(@TempDir Path dir) throws IOException {
        Path model = copyOf(Family.GPT2, dir.resolve("m"));
        Files.delete(model.resolve("model.safetensors"));
        Files.write(model.resolve("pytorch_model.bin"), new byte[] {(byte) 0x80, 2, 'c'});
        assertMentions(failure(model), "pytorch_model.bin", "arbitrary code", "safetensors");
    }

    @Test
    void unsupportedArchitectureListsTheSupportedOnes(@TempDir Path dir) throws IOException {
        Path model = copyOf(Family.GPT2, dir.resolve("m"));
        editConfig(model, c -> {
            c.add("architectures", JsonParser.parseString("[\"BertForMaskedLM\"]"));
            return c;
        });
        assertMentions(failure(model), "config.json", "BertForMaskedLM", "GPT2LMHeadModel", "Gemma3ForCausalLM");
    }

    @Test
    void missingFilesAreNamed(@TempDir Path dir) throws IOException {
        Path model = copyOf(Family.LLAMA, dir.resolve("m"));
        Files.delete(model.resolve("model.safetensors"));
        assertMentions(failure(model), "model.safetensors");
        Files.delete(model.resolve("config.json"));
        assertMentions(failure(model), "config.json", "not found");
        Path sharded = dir.resolve("s");
        Files.createDirectories(sharded);
        Path source = Fixtures.checkpoint(Family.LLAMA, DType.F32, true);
        try (var files = Files.list(source)) {
            for (Path f : files.toList()) {
                Files.copy(f, sharded.resolve(f.getFileName()));
            }
        }
        Files.delete(sharded.resolve("model-00002-of-00002.safetensors"));
        assertMentions(failure(sharded), "model-00002-of-00002.safetensors", "missing");
    }

    @Test
    void shapeMismatchNamesFileTensorAndShapes(@TempDir Path dir) throws IOException {
        Path model = copyOf(Family.LLAMA, dir.resolve("m"));
        editConfig(model, c -> {
            c.addProperty("intermediate_size", 100);
            return c;
        });
        assertMentions(failure(model), "model.safetensors", "model.layers.0.mlp.gate_proj.weight", "[96, 48]",
                "[100, 48]");
    }

    @Test
    void missingTensorAndWrongDtypeAreNamed(@TempDir Path dir) throws IOException {
        Path model = copyOf(Family.QWEN2, dir.resolve("m"));
        rewriteWeights(model, name -> !name.equals("model.layers.1.self_attn.k_proj.bias"), null);
        assertMentions(failure(model), "model.safetensors", "model.layers.1.self_attn.k_proj.bias", "missing");
        Path other = copyOf(Family.QWEN2, dir.resolve("n"));
        rewriteWeights(other, name -> true, "model.norm.weight");
        assertMentions(failure(other), "model.safetensors", "model.norm.weight", "I32");
    }

    @Test
    void unsupportedRopeScalingIsExplained(@TempDir Path dir) throws IOException {
        Path model = copyOf(Family.LLAMA, dir.resolve("m"));
        editConfig(model, c -> {
            c.getAsJsonObject("rope_scaling").addProperty("rope_type", "yarn");
            return c;
        });
        assertMentions(failure(model), "config.json", "yarn", "is not implemented", "llama3");
    }

    private static void editConfig(Path model, java.util.function.UnaryOperator<JsonObject> edit) throws IOException {
        Path file = model.resolve("config.json");
        JsonObject config = JsonParser.parseString(Files.readString(file)).getAsJsonObject();
        Files.writeString(file, edit.apply(config).toString());
    }

    /** Rewrites model.safetensors keeping the tensors {@code keep} accepts; {@code asInt} is stored as I32. */
    private static void rewriteWeights(Path model, Predicate<String> keep, String asInt) throws IOException {
        Path file = model.resolve("model.safetensors");
        SafetensorsWriter writer = new SafetensorsWriter();
        try (SafetensorsFile in = SafetensorsFile.open(file)) {
            for (String name : in.tensorNames()) {
                if (!keep.test(name)) {
                    continue;
                }
                TensorInfo info = in.info(name);
                if (name.equals(asInt)) {
                    ByteBuffer ints = ByteBuffer.allocate((int) info.elementCount() * 4).order(ByteOrder.LITTLE_ENDIAN);
                    writer.addRaw(name, DType.I32, info.shape(), ints);
                } else {
                    writer.add(name, DType.F32, info.shape(), in.readFloats(name));
                }
            }
        }
        Files.delete(file);
        writer.write(file);
    }
}
