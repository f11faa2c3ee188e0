package io.mechanist.headless.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.mechanist.headless.Cli;
import io.mechanist.headless.Command;
import io.mechanist.headless.Commands;
import io.mechanist.runtime.reference.ArchitectureFamily;

/**
 * The CLI's exit codes across every verb: 0 on success, 1 when the work failed (one line naming what is wrong, no
 * Java class names), 2 on a wrong command line (the message, the verb's Usage line and a pointer to --help).
 */
class ExitCodeTest {

    /** A qualified class name such as io.mechanist.store.StoreCorruptionException or java.io.IOException. */
    static final Pattern CLASS_NAME = Pattern.compile("\\b(?:[a-z]+\\.)+[A-Z]\\w*(?:Exception|Error)\\b");

    @TempDir
    Path temp;

    @Test
    void everyVerbAnswersAWrongOptionWithItsUsageAndExitTwo() {
        for (Command command : Commands.all()) {
            CliRunner.Outcome outcome = CliRunner.run(command.name(), "--no-such-option", "1");
            assertEquals(Cli.USAGE, outcome.code(), command.name() + ": " + outcome.err());
            String[] lines = outcome.err().split("\n");
            assertTrue(lines[0].startsWith("mechanist " + command.name() + ": unknown option --no-such-option"),
                    outcome.err());
            assertTrue(outcome.err().contains("Usage: mechanist " + command.name()), outcome.err());
            assertTrue(outcome.err().contains("mechanist " + command.name() + " --help"), outcome.err());
            assertTrue(outcome.out().isEmpty(), "nothing on standard output");
        }
    }

    @Test
    void missingRequiredOptionsExitTwoWithTheUsage() {
        for (String verb : List.of("capture", "probe", "steer", "heatmap", "verify", "run")) {
            CliRunner.Outcome outcome = CliRunner.run(verb);
            assertEquals(Cli.USAGE, outcome.code(), verb + ": " + outcome.err());
            assertTrue(outcome.err().startsWith("mechanist " + verb + ": "), outcome.err());
            assertTrue(outcome.err().contains("Usage: mechanist " + verb), outcome.err());
        }
    }

    @Test
    void impossibleNumbersAreUsageErrors() throws Exception {
        String store = temp.resolve("store").toString();
        String out = temp.resolve("out").toString();
        for (List<String> args : List.of(
                List.of("probe", "--store", store, "--capture", "c", "--out", out, "--folds", "1"),
                List.of("probe", "--store", store, "--capture", "c", "--out", out, "--threads", "0"),
                List.of("probe", "--store", store, "--capture", "c", "--out", out, "--alignment", "start",
                        "--positions", "0"),
                List.of("probe", "--store", store, "--capture", "c", "--out", out, "--before", "-1"))) {
            CliRunner.Outcome outcome = CliRunner.run(args.toArray(String[]::new));
            assertEquals(Cli.USAGE, outcome.code(), args + ": " + outcome.err());
            assertTrue(outcome.err().contains("must be at least"), outcome.err());
            assertTrue(outcome.err().contains("Usage: mechanist probe"), outcome.err());
        }
        CliRunner.Outcome folds = CliRunner.run("probe", "--store", store, "--capture", "c", "--out", out,
                "--folds", "1");
        assertTrue(folds.err().startsWith("mechanist probe: --folds must be at least 2, not 1"), folds.err());
    }

    @Test
    void failedWorkExitsOneWithOneLineAndNoClassNames() throws Exception {
        CliRunner.ensureRegistry();
        Path dataset = CliRunner.dataset(temp);
        Path notAStore = Files.createDirectories(temp.resolve("not-a-store"));
        Path brokenStore = Files.createDirectories(temp.resolve("broken-store"));
        Files.writeString(brokenStore.resolve("store.xmi"), "<?xml version=\"1.0\"?><mechanist:Store garbage");
        String model = CliRunner.checkpoint(ArchitectureFamily.GPT2).toString();
        for (List<String> args : List.of(
                List.of("capture", "--store", temp.resolve("s").toString(), "--model",
                        temp.resolve("nowhere").toString(), "--dataset", dataset.toString()),
                List.of("capture", "--store", temp.resolve("s").toString(), "--model", model, "--dataset",
                        temp.resolve("missing.jsonl").toString()),
                List.of("probe", "--store", notAStore.toString(), "--capture", "c", "--out",
                        temp.resolve("p").toString()),
                List.of("heatmap", "--store", brokenStore.toString(), "--capture", "c", "--prompt", "0", "--out",
                        temp.resolve("h.png").toString()),
                List.of("steer", "--store", brokenStore.toString(), "--model", model, "--held-out", "c",
                        "--contrast", "c"),
                List.of("verify", "--model", temp.resolve("nowhere").toString()),
                List.of("run", "io.mechanist.examples.tokenstats.norms", "--store", notAStore.toString(),
                        "--capture", "c", "--param", "site=blocks.1.resid_post"))) {
            CliRunner.Outcome outcome = CliRunner.run(args.toArray(String[]::new));
            assertEquals(Cli.FAILED, outcome.code(), args + ": " + outcome.err());
            String reason = outcome.err().lines().filter(l -> l.startsWith("mechanist " + args.get(0) + ": error: "))
                    .findFirst().orElseThrow(() -> new AssertionError(args + ": no error line in " + outcome.err()));
            assertFalse(CLASS_NAME.matcher(outcome.err()).find(), args + ": " + outcome.err());
            assertFalse(outcome.err().contains("http"), args + ": " + outcome.err());
            assertTrue(reason.length() > "mechanist : error: ".length() + args.get(0).length() + 10, reason);
        }
    }

    @Test
    void libraryMessagesInUsageErrorsLoseTheirClassNamesAndLinks() throws Exception {
        CliRunner.ensureRegistry();
        CliRunner.Outcome outcome = CliRunner.run("run", "io.mechanist.examples.tokenstats.norms", "--store",
                temp.toString(), "--capture", "c", "--params", "{\"site\": ");
        assertEquals(Cli.USAGE, outcome.code(), outcome.err());
        assertTrue(outcome.err().startsWith("mechanist run: --params is not valid JSON"), outcome.err());
        assertFalse(CLASS_NAME.matcher(outcome.err()).find(), outcome.err());
        assertFalse(outcome.err().contains("http"), outcome.err());
    }

    @Test
    void successExitsZero() throws Exception {
        assertEquals(Cli.OK, CliRunner.run("version").code());
        CliRunner.ensureRegistry();
        assertEquals(Cli.OK, CliRunner.run("analyses").code());
        assertEquals(Cli.OK, CliRunner.run("--help").code());
        assertEquals(Cli.OK, CliRunner.run("verify", "--model", CliRunner.checkpoint(ArchitectureFamily.QWEN2)
                .toString(), "--prompt", "the cat :").code());
    }

    @Test
    void verifyWithoutATokenizerSaysSoWithoutSuggestingTokenIds() throws Exception {
        Path model = temp.resolve("no-tokenizer");
        Files.createDirectories(model);
        try (var files = Files.list(CliRunner.checkpoint(ArchitectureFamily.GPT2))) {
            for (Path f : files.toList()) {
                if (!f.getFileName().toString().startsWith("tokenizer")) {
                    Files.copy(f, model.resolve(f.getFileName()));
                }
            }
        }
        CliRunner.Outcome outcome = CliRunner.run("verify", "--model", model.toString());
        assertEquals(Cli.FAILED, outcome.code(), outcome.err());
        assertTrue(outcome.err().contains(model.resolve("tokenizer.json").toString()), outcome.err());
        assertTrue(outcome.err().contains("tokenise --prompt"), outcome.err());
        assertFalse(outcome.err().contains("token ids"), outcome.err());
    }

    @Test
    void checkpointWarningsAreShownByCaptureAndVerify() throws Exception {
        Path model = temp.resolve("mismatch");
        Files.createDirectories(model);
        try (var files = Files.list(CliRunner.checkpoint(ArchitectureFamily.GEMMA2))) {
            for (Path f : files.toList()) {
                Files.copy(f, model.resolve(f.getFileName()));
            }
        }
        Path config = model.resolve("config.json");
        Files.writeString(config, Files.readString(config).replace("Gemma2ForCausalLM", "LlamaForCausalLM"));
        CliRunner.Outcome refused = CliRunner.run("capture", "--store", temp.resolve("s").toString(), "--model",
                model.toString(), "--dataset", CliRunner.dataset(temp).toString());
        assertEquals(Cli.FAILED, refused.code());
        assertTrue(refused.err().contains("config.json") && refused.err().contains("gemma2")
                && refused.err().contains("LlamaForCausalLM"), refused.err());
        assertTrue(Files.notExists(temp.resolve("s")), "nothing written for a refused checkpoint");
    }
}
