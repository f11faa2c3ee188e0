package io.mechanist.runtime.reference.tests;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.abort;

/**
 * Runs a Python forward pass shipped beside this class (numpy_reference.py, hf_reference.py) on a checkpoint folder.
 * Each script is called as {@code SCRIPT CHECKPOINT_DIR IDS OUTPUT_JSON [extra]} and writes
 * {"sites": {id: [pos][dim]}, "patterns": {layer: [head][query][key]}}.
 */
final class PythonReference {

    static final String SKIP_VARIABLE = "MECHANIST_SKIP_PYTHON";

    record Result(Map<String, double[][]> sites, Map<Integer, double[][][]> patterns) {
    }

    private PythonReference() {
    }

    /** Fails (or skips when MECHANIST_SKIP_PYTHON=1) unless python3 with numpy can run. */
    static void requireNumpy() {
        String problem = probe("python3", "import numpy");
        if (problem == null) {
            return;
        }
        if ("1".equals(System.getenv(SKIP_VARIABLE))) {
            abort(problem + " (skipped because " + SKIP_VARIABLE + "=1)");
        }
        fail(problem + ". The numpy cross-check of the reference needs python3 with numpy (e.g. apt-get install"
                + " python3-numpy); set " + SKIP_VARIABLE + "=1 to skip it.");
    }

    /** Null when {@code python -c code} succeeds, else what went wrong. */
    static String probe(String python, String code) {
        try {
            Process p = new ProcessBuilder(python, "-c", code).redirectErrorStream(true).start();
            String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!p.waitFor(120, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                return python + " -c '" + code + "' did not finish within 120 s";
            }
            return p.exitValue() == 0 ? null : python + " cannot run '" + code + "': " + output.strip();
        } catch (IOException e) {
            return python + " is not available: " + e.getMessage();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "interrupted while checking " + python;
        }
    }

    static Result numpy(Path checkpoint, int[] tokenIds, Path workDir) throws IOException, InterruptedException {
        return run("python3", "numpy_reference.py", checkpoint, tokenIds, workDir);
    }

    static Result run(String python, String scriptResource, Path checkpoint, int[] tokenIds, Path workDir,
            String... extra) throws IOException, InterruptedException {
        Path script = workDir.resolve(scriptResource);
        try (InputStream in = PythonReference.class.getResourceAsStream(scriptResource)) {
            if (in == null) {
                throw new IOException(scriptResource + " is missing from the test classpath");
            }
            Files.copy(in, script, StandardCopyOption.REPLACE_EXISTING);
        }
        Path out = workDir.resolve(scriptResource + "-" + checkpoint.getFileName() + ".json");
        String ids = IntStream.of(tokenIds).mapToObj(Integer::toString).collect(Collectors.joining(","));
        List<String> command = new ArrayList<>(List.of(python, script.toString(), checkpoint.toString(), ids,
                out.toString()));
        command.addAll(List.of(extra));
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String log = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(300, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new IOException(scriptResource + " timed out");
        }
        if (p.exitValue() != 0) {
            throw new IOException(scriptResource + " failed (exit " + p.exitValue() + "):\n" + log);
        }
        JsonObject root = JsonParser.parseString(Files.readString(out)).getAsJsonObject();
        Map<String, double[][]> sites = new LinkedHashMap<>();
        for (var e : root.getAsJsonObject("sites").entrySet()) {
            sites.put(e.getKey(), matrix(e.getValue().getAsJsonArray()));
        }
        Map<Integer, double[][][]> patterns = new LinkedHashMap<>();
        for (var e : root.getAsJsonObject("patterns").entrySet()) {
            JsonArray heads = e.getValue().getAsJsonArray();
            double[][][] p3 = new double[heads.size()][][];
            for (int h = 0; h < p3.length; h++) {
                p3[h] = matrix(heads.get(h).getAsJsonArray());
            }
            patterns.put(Integer.parseInt(e.getKey()), p3);
        }
        return new Result(sites, patterns);
    }

    private static double[][] matrix(JsonArray rows) {
        double[][] m = new double[rows.size()][];
        for (int i = 0; i < m.length; i++) {
            JsonArray row = rows.get(i).getAsJsonArray();
            m[i] = new double[row.size()];
            int j = 0;
            for (JsonElement v : row) {
                m[i][j++] = v.getAsDouble();
            }
        }
        return m;
    }
}
