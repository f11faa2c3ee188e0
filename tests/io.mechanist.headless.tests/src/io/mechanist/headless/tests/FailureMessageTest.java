package io.mechanist.headless.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;

import org.junit.jupiter.api.Test;

import com.google.gson.JsonParser;

import io.mechanist.headless.Cli;
import io.mechanist.headless.CliContext;
import io.mechanist.headless.Command;
import io.mechanist.headless.CommandLine;
import io.mechanist.store.ActivationStore;
import io.mechanist.store.StoreCorruptionException;

/**
 * What the CLI prints when a verb fails, whatever the failure: a Java Error such as OutOfMemoryError included. Each
 * case throws the real exception from a verb; the output must be one reason line, exit code 1, no class names.
 */
class FailureMessageTest {

    /** A verb that fails the way it is told; --store names its output folder. */
    private static final class FailingCommand implements Command {
        private final Callable<Void> failure;

        FailingCommand(Callable<Void> failure) {
            this.failure = failure;
        }

        @Override
        public String name() {
            return "fail";
        }

        @Override
        public String summary() {
            return "fails";
        }

        @Override
        public String usage() {
            return "Usage: mechanist fail [--store DIR]\n\nFails on purpose.";
        }

        @Override
        public Set<String> valueOptions() {
            return Set.of("store");
        }

        @Override
        public int run(CommandLine line, CliContext context) throws Exception {
            failure.call();
            return 0;
        }
    }

    private record Result(int code, String err) {
        String reason() {
            return err.lines().findFirst().orElse("");
        }
    }

    private static Result fail(Callable<Void> failure, String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        String[] all = new String[args.length + 1];
        all[0] = "fail";
        System.arraycopy(args, 0, all, 1, args.length);
        int code = new Cli(List.of(new FailingCommand(failure))).run(all,
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
        assertEquals(0, out.size(), "standard output stays clean");
        String text = err.toString(StandardCharsets.UTF_8);
        assertFalse(ExitCodeTest.CLASS_NAME.matcher(text).find(), text);
        assertFalse(text.contains("http"), text);
        return new Result(code, text);
    }

    @Test
    void outOfMemorySaysHowToRaiseTheHeap() {
        Result result = fail(() -> {
            throw new OutOfMemoryError("Java heap space");
        });
        assertEquals(Cli.FAILED, result.code());
        assertTrue(result.reason().startsWith("mechanist fail: error: out of memory"), result.err());
        assertTrue(result.reason().contains("MECHANIST_JAVA_OPTIONS=-Xmx") && result.reason().contains("-Xmx8g"),
                result.err());
        Result allocation = fail(() -> {
            long[] beyondTheLimit = new long[Integer.MAX_VALUE];
            beyondTheLimit[0] = 1;
            return null;
        });
        assertEquals(Cli.FAILED, allocation.code(), "a real OutOfMemoryError");
        assertTrue(allocation.reason().contains("out of memory"), allocation.err());
    }

    @Test
    void pytorchsAllocatorFailureIsOutOfNativeMemory() {
        Result result = fail(() -> {
            throw new IllegalStateException("[enforce fail at alloc_cpu.cpp:124] data. DefaultCPUAllocator: not "
                    + "enough memory: you tried to allocate 1099511627776 bytes.");
        });
        assertEquals("mechanist fail: error: out of native memory: PyTorch could not allocate a tensor (data. "
                + "DefaultCPUAllocator: not enough memory: you tried to allocate 1099511627776 bytes.); use a smaller "
                + "--batch, fewer sites or positions, or a machine with more memory", result.reason());
    }

    @Test
    void wrappedStoreErrorsLoseTheirClassNames() {
        Path shard = Path.of("/data/store/captures/base/shard-00000.safetensors");
        Result result = fail(() -> {
            throw new UncheckedIOException(new StoreCorruptionException(shard, "truncated: expected 96 bytes, found 12"));
        });
        assertEquals(Cli.FAILED, result.code());
        assertEquals("mechanist fail: error: " + shard + ": truncated: expected 96 bytes, found 12", result.reason());
        assertEquals(1, result.err().lines().count(), "an input problem needs no stack-trace hint");
    }

    @Test
    void gsonSyntaxErrorsBecomeOneLineWithoutTheirLink() {
        Result result = fail(() -> {
            try {
                JsonParser.parseString("{\"a\": [1, 2");
            } catch (RuntimeException e) {
                throw new IOException("/tmp/params.json is not valid JSON", e);
            }
            return null;
        });
        assertEquals(Cli.FAILED, result.code());
        assertTrue(result.reason().startsWith("mechanist fail: error: /tmp/params.json is not valid JSON"),
                result.err());
        assertTrue(result.reason().contains("line 1"), result.err());
    }

    @Test
    void aLockedStoreTellsTheCommandLineUserWhatToDo() throws Exception {
        Path folder = java.nio.file.Files.createTempDirectory("mechanist-locked");
        try (ActivationStore writer = ActivationStore.create(folder.resolve("s"), "s")) {
            Result result = fail(() -> {
                ActivationStore.open(folder.resolve("s")).close();
                return null;
            });
            assertEquals(Cli.FAILED, result.code());
            assertTrue(result.reason().contains(folder.resolve("s").toString()), result.err());
            assertTrue(result.reason().contains("another Mechanist process"), result.err());
            assertFalse(result.err().contains("openReadOnly"), result.err());
        }
    }

    @Test
    void aFullDiskNamesWhereTheVerbWrites() {
        Result bare = fail(() -> {
            throw new IOException("No space left on device");
        }, "--store", "/data/my-store");
        assertEquals("mechanist fail: error: No space left on device (the disk is full while writing under "
                + "/data/my-store)", bare.reason());
        Result named = fail(() -> {
            throw new java.nio.file.FileSystemException("/data/my-store/store.xmi.tmp", null,
                    "No space left on device");
        });
        assertEquals("mechanist fail: error: /data/my-store/store.xmi.tmp: No space left on device", named.reason());
    }

    @Test
    void fileSystemExceptionsNameTheFileInWords() {
        Result result = fail(() -> {
            throw new NoSuchFileException("/data/prompts.jsonl");
        });
        assertEquals("mechanist fail: error: /data/prompts.jsonl: no such file or folder", result.reason());
    }

    @Test
    void bugsAskForTheStackTrace() {
        Result result = fail(() -> {
            Object nothing = null;
            nothing.hashCode();
            return null;
        });
        assertEquals(Cli.FAILED, result.code());
        assertTrue(result.err().contains("--debug"), result.err());
        Result overflow = fail(() -> {
            throw new StackOverflowError();
        });
        assertTrue(overflow.reason().contains("internal error"), overflow.err());
    }

    @Test
    void usageErrorsShowTheUsageLineAndPointToHelp() {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = new Cli(List.of(new FailingCommand(() -> null))).run(new String[] {"fail", "--colour", "red"},
                new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        assertEquals(Cli.USAGE, code);
        assertEquals(List.of("mechanist fail: unknown option --colour",
                "Usage: mechanist fail [--store DIR]", "Run 'mechanist fail --help' for every option."),
                err.toString(StandardCharsets.UTF_8).lines().toList());
    }
}
