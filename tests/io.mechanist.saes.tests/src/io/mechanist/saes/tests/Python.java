package io.mechanist.saes.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Assumptions;

/**
 * Runs python3 with numpy as an independent reference. Fails when python3 or numpy is missing, unless the
 * environment sets MECHANIST_SKIP_PYTHON=1 (then the test is skipped).
 */
final class Python {
    /** Reads safetensors with struct and numpy only (not the safetensors package). */
    static final String SAFETENSORS_READER = """
            import json, struct
            import numpy as np
            def load_safetensors(path):
                raw = open(path, 'rb').read()
                (n,) = struct.unpack('<Q', raw[:8])
                header = json.loads(raw[8:8 + n].decode('utf-8'))
                header.pop('__metadata__', None)
                data = raw[8 + n:]
                kinds = {'F32': '<f4', 'F64': '<f8', 'F16': '<f2'}
                out = {}
                for name, entry in header.items():
                    begin, end = entry['data_offsets']
                    out[name] = np.frombuffer(data[begin:end], dtype=kinds[entry['dtype']]).astype(np.float64) \\
                        .reshape(entry['shape'])
                return out
            """;

    private Python() {
    }

    /** Runs {@code script} with {@code args}; returns its standard output. */
    static String run(Path workDir, String script, String... args) throws IOException, InterruptedException {
        Path python = locate();
        Path scriptFile = Files.createTempFile(workDir, "reference", ".py");
        Files.writeString(scriptFile, script, StandardCharsets.UTF_8);
        Path out = Files.createTempFile(workDir, "stdout", ".txt");
        Path err = Files.createTempFile(workDir, "stderr", ".txt");
        List<String> command = new ArrayList<>(List.of(python.toString(), scriptFile.toString()));
        command.addAll(List.of(args));
        Process process = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        process.getOutputStream().close();
        if (!process.waitFor(300, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            fail("python3 did not finish within 300 s");
        }
        assertEquals(0, process.exitValue(), () -> "python3 failed:\n" + read(err));
        return read(out);
    }

    private static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "(unreadable: " + e + ")";
        }
    }

    private static Path locate() throws IOException, InterruptedException {
        boolean skipAllowed = "1".equals(System.getenv("MECHANIST_SKIP_PYTHON"));
        Path python = Path.of("/usr/bin/python3");
        if (!Files.isExecutable(python)) {
            Assumptions.assumeFalse(skipAllowed, "python3 missing; skipped because MECHANIST_SKIP_PYTHON=1");
            fail("/usr/bin/python3 is missing (install python3 and python3-numpy, or set MECHANIST_SKIP_PYTHON=1)");
        }
        Process probe = new ProcessBuilder(python.toString(), "-c", "import numpy").redirectErrorStream(true).start();
        String output = new String(probe.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!probe.waitFor(60, TimeUnit.SECONDS) || probe.exitValue() != 0) {
            Assumptions.assumeFalse(skipAllowed, "numpy missing; skipped because MECHANIST_SKIP_PYTHON=1");
            fail(python + " cannot import numpy: " + output.strip());
        }
        return python;
    }
}
