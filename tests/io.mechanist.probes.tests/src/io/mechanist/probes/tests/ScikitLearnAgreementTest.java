package io.mechanist.probes.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.abort;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.mechanist.capture.CaptureJob;
import io.mechanist.capture.Capturer;
import io.mechanist.demo.EmbeddedDemo;
import io.mechanist.core.activations.ActivationSet;
import io.mechanist.probes.AlignedProbeData;
import io.mechanist.probes.PositionAlignment;
import io.mechanist.probes.ProbeAnalysis;
import io.mechanist.probes.ProbeCell;
import io.mechanist.probes.ProbeConfig;
import io.mechanist.probes.ProbeMethod;
import io.mechanist.probes.ProbeResults;
import io.mechanist.probes.capture.CaptureProbes;
import io.mechanist.probes.internal.CellEvaluator;
import io.mechanist.probes.internal.Labels;
import io.mechanist.store.ActivationStore;

/**
 * The demo's logistic probes agree with scikit-learn within one point at every cell, on the demo model's own
 * activations: the embedded demo model captured on its held-out prompts (every layer's resid_post), aligned as
 * {@code mechanist demo} aligns them (the answer marker ':' and the 8 positions before it), probed with the
 * defaults. scikit-learn fits each fold with C = 1 / (lambda n_train) on features standardised with the training
 * rows, on the same folds; the control accuracy (labels permuted within the folds) is compared the same way.
 */
class ScikitLearnAgreementTest {

    private static final String SKIP_VARIABLE = "MECHANIST_SKIP_PYTHON";

    @TempDir
    Path dir;

    @Test
    void demoLogisticProbesMatchScikitLearnAtEveryCell() throws Exception {
        String python = pythonWithScikitLearn();
        Path store = dir.resolve("store");
        Capturer.capture(CaptureJob.builder(store, EmbeddedDemo.modelFolder(),
                EmbeddedDemo.dataset(EmbeddedDemo.TEST_SET)).sites("blocks.*.resid_post")
                .captureId(EmbeddedDemo.TEST_CAPTURE).build(), null);
        ProbeConfig config = ProbeConfig.defaults().withThreads(2).withMethods(EnumSet.of(ProbeMethod.LOGISTIC));
        try (ActivationStore opened = ActivationStore.openReadOnly(store);
                ActivationSet capture = opened.openCapture(EmbeddedDemo.TEST_CAPTURE)) {
            AlignedProbeData data = CaptureProbes.align(capture, "resid_post", EmbeddedDemo.ANSWER_LABEL,
                    PositionAlignment.fromParameters(Map.of("alignment", "anchor", "anchor",
                            EmbeddedDemo.ANSWER_MARKER, "before", Integer.toString(EmbeddedDemo.PROBE_POSITIONS_BEFORE),
                            "after", "0")));
            ProbeResults results = ProbeAnalysis.run(data, config);
            Labels labels = Labels.of(data);
            CellEvaluator.Splits splits = CellEvaluator.Splits.of(labels, config);
            Map<String, int[]> reference = scikitLearn(python, data, labels, splits, config.l2());

            int cells = 0;
            double largest = 0;
            for (int layer = 0; layer < data.layerCount(); layer++) {
                for (int position = 0; position < data.positionCount(); position++) {
                    ProbeCell cell = results.cell(ProbeMethod.LOGISTIC, layer, position);
                    int[] counts = reference.get(layer + "@" + position);
                    String where = data.layerName(layer) + " at " + data.positionLabel(position);
                    assertTrue(counts != null, "scikit-learn gave no result for " + where);
                    double sklearnAccuracy = (double) counts[0] / cell.n();
                    double sklearnControl = 0;
                    for (int k = 1; k < counts.length; k++) {
                        sklearnControl += (double) counts[k] / cell.n() / (counts.length - 1);
                    }
                    assertEquals(sklearnAccuracy, cell.accuracy(), 0.01, "accuracy at " + where);
                    assertEquals(sklearnControl, cell.controlAccuracy(), 0.01, "control accuracy at " + where);
                    largest = Math.max(largest, Math.max(Math.abs(sklearnAccuracy - cell.accuracy()),
                            Math.abs(sklearnControl - cell.controlAccuracy())));
                    cells++;
                }
            }
            assertEquals(4 * (EmbeddedDemo.PROBE_POSITIONS_BEFORE + 1), cells, "4 layers x 9 positions");
            System.out.printf("scikit-learn agreement on the demo: %d cells, largest difference %.2f points%n", cells,
                    100 * largest);
        }
    }

    /** Correct counts per cell "layer@position": the real labels, then each control permutation. */
    private Map<String, int[]> scikitLearn(String python, AlignedProbeData data, Labels labels,
            CellEvaluator.Splits splits, double lambda) throws IOException, InterruptedException {
        int n = data.promptCount();
        int d = data.dModel();
        int[] folds = splits.foldOf()[0];
        StringBuilder spec = new StringBuilder(lambda + " " + d + "\n");
        float[] matrix = new float[n * d];
        for (int layer = 0; layer < data.layerCount(); layer++) {
            for (int position = 0; position < data.positionCount(); position++) {
                data.readMatrix(layer, position, matrix);
                List<Integer> rows = new ArrayList<>();
                for (int p = 0; p < n; p++) {
                    if (data.hasPosition(p, position)) {
                        rows.add(p);
                    }
                }
                ByteBuffer bytes = ByteBuffer.allocate(rows.size() * d * Float.BYTES).order(ByteOrder.LITTLE_ENDIAN);
                for (int p : rows) {
                    for (int j = 0; j < d; j++) {
                        bytes.putFloat(matrix[p * d + j]);
                    }
                }
                Path file = dir.resolve("cell-" + layer + "-" + position + ".f32");
                Files.write(file, bytes.array());
                spec.append(layer).append('@').append(position).append(' ').append(file).append(' ')
                        .append(rows.size()).append(' ').append(column(rows, folds)).append(' ')
                        .append(column(rows, labels.classOf()));
                for (int[] control : splits.controlClassOf()) {
                    spec.append(' ').append(column(rows, control));
                }
                spec.append('\n');
            }
        }
        Path specFile = dir.resolve("spec.txt");
        Files.writeString(specFile, spec, StandardCharsets.UTF_8);
        Path script = dir.resolve("sklearn_probes.py");
        try (InputStream in = ScikitLearnAgreementTest.class.getResourceAsStream("sklearn_probes.py")) {
            assertTrue(in != null, "sklearn_probes.py is missing from the test classpath");
            Files.copy(in, script, StandardCopyOption.REPLACE_EXISTING);
        }
        Path out = dir.resolve("sklearn.txt");
        Process process = new ProcessBuilder(python, script.toString(), specFile.toString(), out.toString())
                .redirectErrorStream(true).start();
        String log = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(600, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            fail("sklearn_probes.py did not finish within 600 s");
        }
        assertEquals(0, process.exitValue(), "sklearn_probes.py failed:\n" + log);
        Map<String, int[]> counts = new HashMap<>();
        for (String line : Files.readAllLines(out, StandardCharsets.UTF_8)) {
            String[] fields = line.strip().split(" ");
            int[] values = new int[fields.length - 1];
            for (int i = 1; i < fields.length; i++) {
                values[i - 1] = Integer.parseInt(fields[i]);
            }
            counts.put(fields[0], values);
        }
        return counts;
    }

    private static String column(List<Integer> rows, int[] values) {
        StringJoiner joined = new StringJoiner(",");
        for (int p : rows) {
            joined.add(Integer.toString(values[p]));
        }
        return joined.toString();
    }

    /**
     * python3 on the PATH, else Debian's /usr/bin/python3, whichever imports scikit-learn and numpy; fails (skips
     * when MECHANIST_SKIP_PYTHON=1) when neither does.
     */
    private static String pythonWithScikitLearn() {
        List<String> problems = new ArrayList<>();
        for (String python : List.of("python3", "/usr/bin/python3")) {
            String problem = probe(python);
            if (problem == null) {
                return python;
            }
            problems.add(problem);
        }
        String problem = String.join("; ", problems);
        if ("1".equals(System.getenv(SKIP_VARIABLE))) {
            abort(problem + " (skipped because " + SKIP_VARIABLE + "=1)");
        }
        return fail(problem + ". The scikit-learn cross-check of the probes needs python3 with scikit-learn (e.g."
                + " apt-get install python3-sklearn); set " + SKIP_VARIABLE + "=1 to skip it.");
    }

    private static String probe(String python) {
        try {
            Process p = new ProcessBuilder(python, "-c", "import numpy, sklearn").redirectErrorStream(true).start();
            String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!p.waitFor(120, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                return python + " did not import scikit-learn within 120 s";
            }
            return p.exitValue() == 0 ? null : python + " cannot import numpy and sklearn: " + output.strip();
        } catch (IOException e) {
            return python + " is not available: " + e.getMessage();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "interrupted while checking " + python;
        }
    }
}
