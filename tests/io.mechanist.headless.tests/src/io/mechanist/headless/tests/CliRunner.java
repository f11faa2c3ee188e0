package io.mechanist.headless.tests;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.eclipse.core.runtime.IExtensionRegistry;
import org.eclipse.core.runtime.RegistryFactory;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

import io.mechanist.headless.Cli;
import io.mechanist.headless.Commands;
import io.mechanist.runtime.reference.ArchitectureFamily;
import io.mechanist.testing.checkpoints.TinyCheckpoints;
import io.mechanist.testing.TestRegistries;

/** Runs the real CLI (every registered verb) in-process and captures its output; tiny fixtures for the verbs. */
final class CliRunner {

    record Outcome(int code, String out, String err) {
        JsonObject json() {
            return JsonParser.parseString(out).getAsJsonObject();
        }
    }

    private static final Map<ArchitectureFamily, Path> CHECKPOINTS = new ConcurrentHashMap<>();

    private CliRunner() {
    }

    static Outcome run(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = new Cli(Commands.all()).run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Outcome(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    /**
     * Makes sure an extension registry is running: inside OSGi (tycho-surefire) the platform's; on a plain
     * classpath one built from the plugin.xml files of core, the example plug-in and the probes, found from the
     * repository root (the working directory or a parent, or -Dmechanist.repo), installed as the default.
     */
    static synchronized void ensureRegistry() throws Exception {
        if (RegistryFactory.getRegistry() != null) {
            return;
        }
        IExtensionRegistry registry = TestRegistries.fromPluginXml("bundles/io.mechanist.core",
                "bundles/io.mechanist.examples.tokenstats", "bundles/io.mechanist.probes",
                "bundles/io.mechanist.steering", "bundles/io.mechanist.patching");
        RegistryFactory.setDefaultRegistryProvider(() -> registry);
    }

    static synchronized Path checkpoint(ArchitectureFamily family) throws IOException {
        Path existing = CHECKPOINTS.get(family);
        if (existing != null) {
            return existing;
        }
        Path dir = Files.createTempDirectory("mechanist-cli-" + family.name().toLowerCase());
        TinyCheckpoints.write(family, dir, 11, TinyCheckpoints.Options.DEFAULT);
        CHECKPOINTS.put(family, dir);
        return dir;
    }

    /** A dataset in the fixture tokenizer's words: prompts of different lengths, two labels, groups, a pair. */
    static Path dataset(Path dir) throws IOException {
        Path file = dir.resolve("prompts.jsonl");
        Files.write(file, List.of(
                "{\"id\":\"a\",\"text\":\"the cat sat on a house . answer :\",\"labels\":{\"answer\":\"A\"},\"group\":\"g0\",\"pair\":\"p\",\"answer_marker\":\":\"}",
                "{\"id\":\"b\",\"text\":\"the dog runs . answer :\",\"labels\":{\"answer\":\"B\"},\"group\":\"g0\",\"pair\":\"p\",\"answer_marker\":\":\"}",
                "{\"id\":\"c\",\"text\":\"a quick brown fox jumps over the lazy dog . answer :\",\"labels\":{\"answer\":\"A\"},\"group\":\"g1\",\"answer_marker\":\":\"}",
                "{\"id\":\"d\",\"text\":\"yes :\",\"labels\":{\"answer\":\"B\"},\"group\":\"g2\",\"answer_marker\":\":\"}"));
        return file;
    }
}
