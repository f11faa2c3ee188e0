package io.mechanist.spark;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.eclipse.core.runtime.NullProgressMonitor;
import org.eclipse.core.runtime.OperationCanceledException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.mechanist.capture.CaptureJob;
import io.mechanist.capture.CapturePositions;
import io.mechanist.capture.Capturer;
import io.mechanist.core.analysis.AnalysisRegistry;
import io.mechanist.core.analysis.AnalysisRequest;
import io.mechanist.model.AnalysisResult;
import io.mechanist.model.ResultArray;
import io.mechanist.model.ResultColumn;
import io.mechanist.model.ResultTable;
import io.mechanist.steering.analysis.StoredSweeps;
import io.mechanist.steering.analysis.SweepAnalysis;
import io.mechanist.store.ActivationStore;
import io.mechanist.store.AnalysisRunner;

/**
 * A steering sweep stored from Spark is the stored result of the single-machine sweep ({@code mechanist steer}'s
 * analysis run by {@link AnalysisRunner}): same result type, parameters, inputs, tables, arrays (the per-prompt
 * grid, the random null), verdicts and provenance notes, numbers within the runtime's batching tolerance.
 */
class SparkStoredSweepTest {

    /** As SparkSweepTest: same batches on both sides; the residual norm's summation order differs. */
    private static final double TOLERANCE = 1e-5;

    @TempDir
    Path temp;

    @Test
    void storedSparkSweepEqualsTheStoredSingleMachineSweep() throws Exception {
        Path storeFolder = demoStore(temp);
        try (ActivationStore store = ActivationStore.open(storeFolder)) {
            AnalysisRequest request = request(SparkCaptureTest.MODEL);
            AnalysisRegistry registry = SparkSweep.analyses();
            String single = new AnalysisRunner(store, registry).run(registry.get(SweepAnalysis.ID), new SweepAnalysis(),
                    request, null);
            // 40 prompts in blocks of 16: 3 blocks; 2 vectors x 2 layers x 2 non-zero multipliers x 3 blocks: 24 cells;
            // the null's sham and 2 layers x 3 directions, each in 3 blocks: 21 tasks
            List<String> log = new java.util.concurrent.CopyOnWriteArrayList<>();
            SparkSweep.Stored spark = SparkSweep.store(LocalSpark.context(), store, request, null, 16, log::add, null);

            assertNotEquals(single, spark.resultId());
            assertSameResult(store, single, spark.resultId(), SparkCaptureTest.MODEL.toString());
            // read back as the workbench and `mechanist steer` read a stored sweep, with its verdicts re-judged
            List<String> verdicts = StoredSweeps.read(store, spark.resultId()).causal().stream()
                    .map(v -> v.vector() + "@" + v.layer() + "=" + v.yes()).toList();
            assertEquals(List.of("steering@1=false", "steering@3=true", "control@1=false", "control@3=false"), verdicts);
            // the driver's log tells of every cell: 3 unsteered and 24 steered, then the null's 21
            assertEquals(27, log.stream().filter(l -> l.startsWith("steering sweep: cell ")).count(), log.toString());
            assertTrue(log.stream().anyMatch(l -> l.startsWith("steering sweep: cell 27 of 27 done (")), log.toString());
            assertEquals(21, log.stream().filter(l -> l.startsWith("random null: cell ")).count(), log.toString());
        }
    }

    @Test
    void aCancelledSparkSweepStoresNothing() throws Exception {
        Path storeFolder = demoStore(temp);
        byte[] before = Files.readAllBytes(storeFolder.resolve("store.xmi"));
        try (ActivationStore store = ActivationStore.open(storeFolder)) {
            NullProgressMonitor monitor = new NullProgressMonitor();
            List<String> log = new java.util.concurrent.CopyOnWriteArrayList<>();
            AnalysisRequest request = request(SparkCaptureTest.MODEL);
            OperationCanceledException cancelled = assertThrows(OperationCanceledException.class,
                    () -> SparkSweep.store(LocalSpark.context(), store, request, null, 16, line -> {
                        log.add(line);
                        monitor.setCanceled(true); // as the workbench's Cancel, once the first cell is done
                    }, monitor));

            // cancelled once the first report of finished cells came (one or more cells, as Spark finished them)
            java.util.regex.Matcher after = java.util.regex.Pattern.compile(
                    "steering sweep cancelled after (\\d+) of 27 cells; .*nothing is stored").matcher(cancelled.getMessage());
            assertTrue(after.matches(), cancelled.getMessage());
            long logged = log.stream().filter(l -> l.startsWith("steering sweep: cell ")).count();
            assertEquals(logged, Long.parseLong(after.group(1)), log.toString());
            assertTrue(logged < 27, log.toString());
            assertEquals(0, (int) store.read(s -> s.getResults().size()), "no result is stored");
        }
        assertArrayEquals(before, Files.readAllBytes(storeFolder.resolve("store.xmi")), "store.xmi is untouched");
        long deadline = System.nanoTime() + 60_000_000_000L;
        while (LocalSpark.context().statusTracker().getActiveJobIds().length > 0 && System.nanoTime() < deadline) {
            java.util.concurrent.locks.LockSupport.parkNanos(20_000_000L); // until Spark has ended the cancelled job
        }
        assertEquals(0, LocalSpark.context().statusTracker().getActiveJobIds().length, "the sweep's jobs are cancelled");
    }

    /** A demo store with a 40-prompt held-out capture and 80 contrast pairs, both of the last position. */
    static Path demoStore(Path temp) throws IOException {
        Path heldOut = temp.resolve("held-out.jsonl");
        Files.write(heldOut, Files.readAllLines(SparkCaptureTest.DATASET).subList(0, 40));
        Path pairs = temp.resolve("pairs.jsonl");
        Files.write(pairs, Files.readAllLines(SparkCaptureTest.DEMO.resolve("data/contrast-pairs.jsonl")).subList(0, 160));
        Path storeFolder = temp.resolve("store");
        Capturer.capture(CaptureJob.builder(storeFolder, SparkCaptureTest.MODEL, heldOut).sites("blocks.1.resid_post")
                .positions(CapturePositions.parse("last")).captureId("held-out").build(), null);
        Capturer.capture(CaptureJob.builder(storeFolder, SparkCaptureTest.MODEL, pairs)
                .sites("blocks.1.resid_post", "blocks.3.resid_post").positions(CapturePositions.parse("last"))
                .captureId("pairs").build(), null);

        return storeFolder;
    }

    /**
     * As `mechanist steer --contrast pairs --pair-label answer --pair-positive A --target fixed:A`: the driver
     * builds the vectors from the contrast capture; the steering vector moves the demo model's answer at layer 3 (a
     * yes verdict), the random control does not. The driver opens the checkpoint in {@code model}.
     */
    static AnalysisRequest request(Path model) {
        Map<String, String> parameters = new LinkedHashMap<>();
        parameters.put("model", model.toString());
        parameters.put("layers", "1,3");
        parameters.put("multipliers", "-1,0,1");
        parameters.put("heldOut", "all");
        parameters.put("pairLabel", "answer");
        parameters.put("pairPositive", "A");
        parameters.put("target", "fixed:A");
        parameters.put("batchSize", "8");
        parameters.put("nullDirections", "3");
        return new AnalysisRequest(SweepAnalysis.ID, parameters, Map.of("heldOut", "held-out", "contrast", "pairs"));
    }

    /** The results are the same but for the parameter {@code model}, which in {@code actualId} is {@code actualModel}. */
    static void assertSameResult(ActivationStore store, String expectedId, String actualId, String actualModel)
            throws IOException {
        Snapshot expected = Snapshot.of(store, expectedId);
        Snapshot actual = Snapshot.of(store, actualId);
        assertEquals(SweepAnalysis.ID, actual.analysisId());
        assertEquals(expected.analysisId(), actual.analysisId());
        assertEquals(expected.name(), actual.name());
        Map<String, String> expectedParameters = new TreeMap<>(expected.parameters());
        expectedParameters.put("model", actualModel);
        assertEquals(expectedParameters, actual.parameters());
        assertEquals(expected.inputs(), actual.inputs());
        assertEquals(expected.tables().keySet(), actual.tables().keySet());
        assertTrue(expected.tables().keySet().containsAll(List.of("summary", "causal", "verdict")), "tables "
                + expected.tables().keySet());
        for (String table : expected.tables().keySet()) {
            Map<String, Object> e = expected.tables().get(table);
            Map<String, Object> a = actual.tables().get(table);
            assertEquals(e.keySet(), a.keySet(), "columns of table " + table);
            for (String column : e.keySet()) {
                String where = table + "." + column;
                if (e.get(column) instanceof double[] numbers) {
                    assertClose(numbers, (double[]) a.get(column), where);
                } else {
                    assertEquals(e.get(column), a.get(column), where);
                }
            }
        }
        assertEquals(expected.arrays(), actual.arrays(), "array names, axes and shapes");
        assertTrue(expected.arrays().keySet().containsAll(List.of("probability", "logitDiff", "nullShiftP", "vectors")),
                "arrays " + expected.arrays().keySet());
        for (String array : expected.arrays().keySet()) {
            float[] e = store.readResultArray(expectedId, array);
            float[] a = store.readResultArray(actualId, array);
            double[] ed = new double[e.length];
            double[] ad = new double[a.length];
            for (int i = 0; i < e.length; i++) {
                ed[i] = e[i];
            }
            for (int i = 0; i < a.length; i++) {
                ad[i] = a[i];
            }
            assertClose(ed, ad, "array " + array);
        }
        assertEquals(expected.notes().keySet(), actual.notes().keySet(), "provenance notes");
        for (String note : expected.notes().keySet()) {
            String e = expected.notes().get(note);
            String a = actual.notes().get(note);
            if (!e.equals(a)) {
                // numeric notes (e.g. the sham's largest logit difference) within the tolerance
                assertClose(new double[] {Double.parseDouble(e)}, new double[] {Double.parseDouble(a)}, "note " + note);
            }
        }
    }

    private static void assertClose(double[] expected, double[] actual, String name) {
        assertEquals(expected.length, actual.length, name + ": length");
        for (int i = 0; i < expected.length; i++) {
            boolean same = Double.compare(expected[i], actual[i]) == 0
                    || Math.abs(expected[i] - actual[i]) <= TOLERANCE * Math.max(1, Math.abs(expected[i]));
            if (!same) {
                throw new AssertionError(name + "[" + i + "]: expected " + expected[i] + ", got " + actual[i]);
            }
        }
    }

    /** A stored result as plain data: tables as column name to double[] or List of texts, arrays by axes and shape. */
    private record Snapshot(String analysisId, String name, Map<String, String> parameters, List<String> inputs,
            Map<String, Map<String, Object>> tables, Map<String, String> arrays, Map<String, String> notes) {

        static Snapshot of(ActivationStore store, String resultId) {
            return store.read(s -> {
                AnalysisResult r = s.getResults().stream().filter(x -> x.getId().equals(resultId)).findFirst()
                        .orElseThrow();
                Map<String, String> parameters = new TreeMap<>(r.getParameters().map());
                List<String> inputs = new ArrayList<>();
                r.getInputCaptures().forEach(c -> inputs.add(c.getId()));
                r.getInputVectors().forEach(v -> inputs.add(v.getId()));
                Map<String, Map<String, Object>> tables = new TreeMap<>();
                for (ResultTable table : r.getTables()) {
                    Map<String, Object> columns = new LinkedHashMap<>();
                    for (ResultColumn column : table.getColumns()) {
                        columns.put(column.getName() + " [" + column.getUnit() + "]", column.getTexts().isEmpty()
                                ? column.getNumbers().stream().mapToDouble(Double::doubleValue).toArray()
                                : List.copyOf(column.getTexts()));
                    }
                    tables.put(table.getName(), columns);
                }
                Map<String, String> arrays = new TreeMap<>();
                for (ResultArray array : r.getArrays()) {
                    arrays.put(array.getName(), array.getAxes() + " " + array.getShape());
                }
                Map<String, String> notes = new TreeMap<>(r.getProvenance().getParameters().map());
                return new Snapshot(r.getAnalysisId(), r.getName(), parameters, inputs, tables, arrays, notes);
            });
        }
    }
}
