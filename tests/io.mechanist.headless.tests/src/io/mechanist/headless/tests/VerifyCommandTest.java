package io.mechanist.headless.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.google.gson.JsonObject;

import io.mechanist.headless.Cli;
import io.mechanist.runtime.reference.ArchitectureFamily;

/** {@code mechanist verify}: the runtime against the reference on a user's checkpoint. */
class VerifyCommandTest {

    @TempDir
    Path temp;

    @ParameterizedTest
    @EnumSource(value = ArchitectureFamily.class, names = {"GPT2", "LLAMA", "GEMMA2"})
    void tinyCheckpointsPass(ArchitectureFamily family) throws Exception {
        CliRunner.Outcome outcome = CliRunner.run("verify", "--model", CliRunner.checkpoint(family).toString(),
                "--prompt", "the quick brown fox . answer :", "--json");
        assertEquals(Cli.OK, outcome.code(), outcome.err() + outcome.out());
        JsonObject json = outcome.json();
        assertTrue(json.get("pass").getAsBoolean());
        JsonObject sites = json.getAsJsonObject("maxAbsDifference");
        assertTrue(sites.has("blocks.0.resid_post") && sites.has("blocks.1.attn_pattern") && sites.has("logits"),
                sites.keySet().toString());
        assertTrue(json.get("logits").getAsDouble() <= 1e-4);
        assertTrue(json.get("worst").getAsDouble() > 0, "float32 vs double differ somewhere");
    }

    @Test
    void differencesAboveTheToleranceExitWithOne() throws Exception {
        CliRunner.Outcome outcome = CliRunner.run("verify", "--model",
                CliRunner.checkpoint(ArchitectureFamily.GPT2).toString(), "--tolerance", "1e-15");
        assertEquals(Cli.FAILED, outcome.code());
        assertTrue(outcome.out().contains("FAIL") && outcome.out().contains("logits"), outcome.out());
    }

    @Test
    void argumentAndInputErrors() throws Exception {
        CliRunner.Outcome noModel = CliRunner.run("verify");
        assertEquals(Cli.USAGE, noModel.code());
        assertTrue(noModel.err().contains("--model is required"), noModel.err());
        CliRunner.Outcome badTolerance = CliRunner.run("verify", "--model", "x", "--tolerance", "tiny");
        assertEquals(Cli.USAGE, badTolerance.code());
        CliRunner.Outcome missing = CliRunner.run("verify", "--model", temp.resolve("none").toString());
        assertEquals(Cli.FAILED, missing.code());
        assertTrue(missing.err().contains(temp.resolve("none").toString()), missing.err());
        assertFalse(CliRunner.run("verify", "--help").out().isEmpty());
    }
}
