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

import io.mechanist.core.tensor.SafetensorsFile;
import io.mechanist.headless.Cli;
import io.mechanist.headless.Commands;

/** {@code train-demo} trains through DJL inside OSGi and writes a Hugging Face checkpoint folder. */
class TrainDemoCommandTest {

    private static int run(ByteArrayOutputStream err, String... args) {
        return new Cli(Commands.all()).run(args, new PrintStream(new ByteArrayOutputStream(), true,
                StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    @Test
    void aFewStepsWriteAGpt2Checkpoint(@TempDir Path dir) throws Exception {
        Path out = dir.resolve("retrained");
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        assertEquals(Cli.OK, run(err, "train-demo", "--out", out.toString(), "--steps", "3"),
                err.toString(StandardCharsets.UTF_8));
        assertTrue(Files.readString(out.resolve("config.json")).contains("GPT2LMHeadModel"));
        try (SafetensorsFile weights = SafetensorsFile.open(out.resolve("model.safetensors"))) {
            assertTrue(weights.contains("transformer.wte.weight"));
            assertTrue(weights.contains("transformer.h.3.mlp.c_proj.weight"));
        }
    }

    @Test
    void refusesToOverwriteAFolder(@TempDir Path dir) {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        assertEquals(Cli.USAGE, run(err, "train-demo", "--out", dir.toString()));
        assertTrue(err.toString(StandardCharsets.UTF_8).contains("exists already"), err.toString());
        assertEquals(Cli.USAGE, run(new ByteArrayOutputStream(), "train-demo"));
    }
}
