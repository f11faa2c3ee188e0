package io.mechanist.headless.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

import io.mechanist.core.tensor.DType;
import io.mechanist.core.tensor.SafetensorsFile;
import io.mechanist.headless.Cli;
import io.mechanist.headless.Commands;

/** {@code make-checkpoint} writes a sharded random checkpoint of a published shape and rejects bad arguments. */
class MakeCheckpointCommandTest {

    private static int run(ByteArrayOutputStream err, String... args) {
        return new Cli(Commands.all()).run(args, new PrintStream(new ByteArrayOutputStream(), true,
                StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    @Test
    void writesAShardedGpt2SmallCheckpoint(@TempDir Path dir) throws Exception {
        Path out = dir.resolve("gpt2");
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        assertEquals(Cli.OK, run(err, "make-checkpoint", "--shape", "gpt2-small", "--out", out.toString(),
                "--layers", "1", "--max-shard-mb", "60"), err.toString(StandardCharsets.UTF_8));
        JsonObject config = JsonParser.parseString(Files.readString(out.resolve("config.json"))).getAsJsonObject();
        assertEquals(1, config.get("n_layer").getAsInt());
        assertEquals(50257, config.get("vocab_size").getAsInt());
        JsonObject index = JsonParser.parseString(Files.readString(out.resolve("model.safetensors.index.json")))
                .getAsJsonObject();
        String shard = index.getAsJsonObject("weight_map").get("h.0.mlp.c_fc.weight").getAsString();
        assertEquals("model-00002-of-00002.safetensors", shard);
        try (SafetensorsFile weights = SafetensorsFile.open(out.resolve(shard))) {
            assertEquals(DType.BF16, weights.info("h.0.mlp.c_fc.weight").dtype());
        }
        assertTrue(Files.isRegularFile(out.resolve("tokenizer.json")));
    }

    @Test
    void rejectsAnUnknownShapeAndAnExistingCheckpoint(@TempDir Path dir) throws Exception {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        assertEquals(Cli.USAGE, run(err, "make-checkpoint", "--shape", "gpt-5", "--out", dir.toString()));
        assertTrue(err.toString(StandardCharsets.UTF_8).contains("qwen3-1.7b"), err.toString());
        Files.writeString(dir.resolve("config.json"), "{}");
        ByteArrayOutputStream again = new ByteArrayOutputStream();
        assertTrue(run(again, "make-checkpoint", "--shape", "gpt2-small", "--out", dir.toString(), "--layers", "1")
                != Cli.OK);
        assertTrue(again.toString(StandardCharsets.UTF_8).contains("already exists"), again.toString());
    }
}
