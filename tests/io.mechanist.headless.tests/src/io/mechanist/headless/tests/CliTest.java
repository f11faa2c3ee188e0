package io.mechanist.headless.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

import io.mechanist.headless.Cli;
import io.mechanist.headless.CliContext;
import io.mechanist.headless.Command;
import io.mechanist.headless.CommandLine;
import io.mechanist.headless.Commands;
import io.mechanist.headless.UsageException;

/** The CLI's contract: exit codes, messages that say what is wrong, JSON on standard output. */
class CliTest {

    /** A verb that echoes its parsed arguments, to test the dispatcher on its own. */
    private static final class EchoCommand implements Command {
        @Override
        public String name() {
            return "echo";
        }

        @Override
        public String summary() {
            return "echoes";
        }

        @Override
        public String usage() {
            return "Usage: mechanist echo --layers L [--scale X] [--loud]";
        }

        @Override
        public Set<String> valueOptions() {
            return Set.of("layers", "scale");
        }

        @Override
        public Set<String> flagOptions() {
            return Set.of("loud");
        }

        @Override
        public int run(CommandLine line, CliContext context) throws Exception {
            List<Integer> layers = line.integers("layers", List.of());
            double scale = line.number("scale", 1.0);
            if (layers.isEmpty()) {
                throw new IllegalStateException("nothing to echo in store /tmp/x: no layers");
            }
            JsonObject json = new JsonObject();
            json.addProperty("layers", layers.toString());
            json.addProperty("scale", scale);
            json.addProperty("loud", line.flag("loud"));
            context.printJson(json);
            return 0;
        }
    }

    private record Result(int code, String out, String err) {
    }

    private static Result run(List<Command> commands, String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = new Cli(commands).run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Result(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    @Test
    void parsesOptionsRangesAndFlags() {
        Result result = run(List.of(new EchoCommand()), "echo", "--layers", "0,2,4-6", "--scale=0.5", "--loud");
        assertEquals(0, result.code(), result.err());
        JsonObject json = JsonParser.parseString(result.out()).getAsJsonObject();
        assertEquals("[0, 2, 4, 5, 6]", json.get("layers").getAsString());
        assertEquals(0.5, json.get("scale").getAsDouble());
        assertTrue(json.get("loud").getAsBoolean());
    }

    @Test
    void argumentErrorsExitWithTwoAndSayWhatIsWrong() {
        List<Command> echo = List.of(new EchoCommand());
        Result unknown = run(echo, "echo", "--layer", "3");
        assertEquals(Cli.USAGE, unknown.code());
        assertTrue(unknown.err().contains("unknown option --layer"), unknown.err());

        Result notANumber = run(echo, "echo", "--layers", "1", "--scale", "big");
        assertEquals(Cli.USAGE, notANumber.code());
        assertTrue(notANumber.err().contains("--scale must be a number, not 'big'"), notANumber.err());

        Result missingValue = run(echo, "echo", "--layers");
        assertEquals(Cli.USAGE, missingValue.code());
        assertTrue(missingValue.err().contains("--layers needs a value"), missingValue.err());

        Result badRange = run(echo, "echo", "--layers", "5-2");
        assertEquals(Cli.USAGE, badRange.code());
        assertTrue(badRange.err().contains("empty range '5-2'"), badRange.err());

        Result unknownVerb = run(echo, "ehco");
        assertEquals(Cli.USAGE, unknownVerb.code());
        assertTrue(unknownVerb.err().contains("unknown verb 'ehco'"), unknownVerb.err());
    }

    @Test
    void failuresExitWithOneAndKeepTheMessage() {
        Result result = run(List.of(new EchoCommand()), "echo");
        assertEquals(Cli.FAILED, result.code());
        assertTrue(result.err().contains("mechanist echo: error: nothing to echo in store /tmp/x: no layers"),
                result.err());
        assertTrue(result.out().isEmpty(), "standard output stays clean for scripts");
    }

    @Test
    void everyVerbHasHelp() {
        for (Command command : Commands.all()) {
            Result result = run(Commands.all(), command.name(), "--help");
            assertEquals(0, result.code());
            assertTrue(result.out().startsWith("Usage: mechanist " + command.name()), result.out());
        }
        Result overview = run(Commands.all(), "--help");
        for (Command command : Commands.all()) {
            assertTrue(overview.out().contains(command.name()), overview.out());
        }
    }

    @Test
    void versionReportsTheRunningEngineAsJson() {
        Result result = run(Commands.all(), "version", "--json");
        assertEquals(0, result.code(), result.err());
        JsonObject json = JsonParser.parseString(result.out()).getAsJsonObject();
        assertEquals("0.35.1", json.get("djl").getAsString());
        assertEquals("PyTorch", json.get("engine").getAsString());
        assertEquals("2.7.1", json.get("engineVersion").getAsString());
    }

    @Test
    void commandLineRejectsSurplusPositionals() {
        UsageException e = assertThrows(UsageException.class, () -> CommandLine
                .parse("x", List.of("a", "b"), Set.of(), Set.of()).atMostPositional(1));
        assertTrue(e.getMessage().contains("unexpected argument 'b'"), e.getMessage());
    }
}
