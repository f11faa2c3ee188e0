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
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.abort;

/** Runs the independent numpy implementation (numpy_reference.py, shipped beside this class) on a checkpoint. */
final class NumpyReferenceRunner {

    static final String SKIP_VARIABLE = "MECHANIST_SKIP_PYTHON";

    record Result(Map<String, double[][]> sites, Map<Integer, double[][][]> patterns) {
    }

    private NumpyReferenceRunner() {
    }

    /** Fails (or skips when MECHANIST_SKIP_PYTHON=1) unless python3 with numpy can run. */
    static void requireNumpy() {
        String problem = null;
        try {
            Process p = new ProcessBuilder("python3", "-c", "import numpy").redirectErrorStream(true).start();
            String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!p.waitFor(60, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                problem = "python3 -c 'import numpy' did not finish within 60 s";
            } else if (p.exitValue() != 0) {
                problem = "python3 cannot import numpy: " + output.strip();
            }
        } catch (IOException e) {
            problem = "python3 is not available: " + e.getMessage();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            problem = "interrupted while checking python3";
        }
        if (problem == null) {
            return;
        }
        if ("1".equals(System.getenv(SKIP_VARIABLE))) {
            abort(problem + " (skipped because " + SKIP_VARIABLE + "=1)");
        }
        fail(problem + ". The numpy cross-check of the reference needs python3 with numpy (e.g. apt-get install"
                + " python3-numpy); set " + SKIP_VARIABLE + "=1 to skip it.");
    }

    static Result run(Path checkpoint, int[] tokenIds, Path workDir) throws IOException, InterruptedException {
        Path script = workDir.resolve("numpy_reference.py");
        try (InputStream in = NumpyReferenceRunner.class.getResourceAsStream("numpy_reference.py")) {
            if (in == null) {
                throw new IOException("numpy_reference.py is missing from the test classpath");
            }
            Files.copy(in, script, StandardCopyOption.REPLACE_EXISTING);
        }
        Path out = workDir.resolve("numpy-" + checkpoint.getFileName() + ".json");
        String ids = IntStream.of(tokenIds).mapToObj(Integer::toString).collect(Collectors.joining(","));
        Process p = new ProcessBuilder("python3", script.toString(), checkpoint.toString(), ids, out.toString())
                .redirectErrorStream(true).start();
        String log = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(300, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new IOException("numpy reference timed out");
        }
        if (p.exitValue() != 0) {
            throw new IOException("numpy reference failed (exit " + p.exitValue() + "):\n" + log);
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
