package io.mechanist.steering.analysis;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.mechanist.core.hooks.HookPoint;
import io.mechanist.core.hooks.HookSite;
import io.mechanist.model.AnalysisResult;
import io.mechanist.model.ResultArray;
import io.mechanist.model.ResultColumn;
import io.mechanist.model.ResultTable;
import io.mechanist.steering.CausalVerdict;
import io.mechanist.steering.ProbeCausalTest;
import io.mechanist.steering.RandomNull;
import io.mechanist.steering.SteeringSweep;
import io.mechanist.steering.SteeringVector;
import io.mechanist.steering.SteeringVectors;
import io.mechanist.steering.SweepConfig;
import io.mechanist.steering.SweepResult;
import io.mechanist.store.ActivationStore;

/**
 * Rebuilds a {@link SweepResult} from a stored result of {@value SweepAnalysis#ID}: the grid (layers, multipliers,
 * vector kinds) and the mean residual norms from its {@code summary} table, the per-prompt numbers from its arrays
 * ({@code probability}, {@code probabilityFull}, {@code logitDiff} {@code [vector, layer, multiplier, prompt]},
 * {@code baselineLogitDiff [prompt]}) and the steering vectors from {@code vectors [layer, d_model]}. The control's
 * norm is that of the seeded random control the analysis used (recomputed from the vector and the seed).
 */
public final class StoredSweeps {

    /**
     * A stored sweep.
     *
     * @param result the numbers, as the analysis computed them
     * @param vectors the steering vector used at each swept layer (at the swept hook point)
     * @param verdicts {@link ProbeCausalTest#evaluate} of {@code result} (the logit trend)
     * @param parameters the analysis parameters it ran with (e.g. {@code model}, {@code target})
     * @param causal the causal verdicts, re-judged from the stored random null; null when the sweep ran without one
     */
    public record Loaded(String resultId, SweepResult result, Map<Integer, SteeringVector> vectors,
            List<ProbeCausalTest.Verdict> verdicts, Map<String, String> parameters,
            List<CausalVerdict.Verdict> causal) {
    }

    private StoredSweeps() {
    }

    /**
     * Reads result {@code resultId} of {@code store}.
     *
     * @throws IOException when it is not a steering sweep, or its tables and arrays do not fit together (naming the
     *     store and result)
     */
    public static Loaded read(ActivationStore store, String resultId) throws IOException {
        Snapshot snapshot;
        try {
            snapshot = store.read(s -> {
                AnalysisResult found = s.getResults().stream().filter(r -> resultId.equals(r.getId())).findFirst()
                        .orElse(null);
                return found == null ? null : Snapshot.of(found);
            });
        } catch (IllegalArgumentException e) {
            throw new IOException(where(store, resultId) + ": " + e.getMessage(), e);
        }
        if (snapshot == null) {
            throw new IOException("store " + store.folder() + " has no analysis result '" + resultId + "'");
        }
        if (!SweepAnalysis.ID.equals(snapshot.analysisId)) {
            throw new IOException(where(store, resultId) + " is a result of " + snapshot.analysisId + ", not of "
                    + SweepAnalysis.ID);
        }
        try {
            return rebuild(store, resultId, snapshot);
        } catch (IllegalArgumentException | IllegalStateException e) {
            throw new IOException(where(store, resultId) + ": " + e.getMessage(), e);
        }
    }

    private static Loaded rebuild(ActivationStore store, String resultId, Snapshot s) throws IOException {
        List<String> kindColumn = s.texts("vector");
        double[] layerColumn = s.numbers("layer");
        double[] multiplierColumn = s.numbers("multiplier");
        double[] residColumn = s.numbers("meanResidNorm");
        List<Integer> layers = new ArrayList<>();
        List<Double> multipliers = new ArrayList<>();
        int kinds = 0;
        for (int row = 0; row < kindColumn.size(); row++) {
            int kind = SweepResult.VECTOR_KINDS.indexOf(kindColumn.get(row));
            if (kind < 0) {
                throw new IllegalStateException("summary row " + row + " has vector '" + kindColumn.get(row)
                        + "', expected one of " + SweepResult.VECTOR_KINDS);
            }
            kinds = Math.max(kinds, kind + 1);
            if (kind == 0) {
                int layer = (int) layerColumn[row];
                if (!layers.contains(layer)) {
                    layers.add(layer);
                }
                if (layers.size() == 1) {
                    multipliers.add(multiplierColumn[row]);
                }
            }
        }
        if (layers.isEmpty() || multipliers.isEmpty()) {
            throw new IllegalStateException("the summary table has no steering rows");
        }
        int expectedRows = kinds * layers.size() * multipliers.size();
        if (kindColumn.size() != expectedRows) {
            throw new IllegalStateException("the summary table has " + kindColumn.size() + " rows; " + kinds
                    + " vector kinds x " + layers.size() + " layers x " + multipliers.size() + " multipliers make "
                    + expectedRows);
        }
        double[] meanResidNorm = new double[layers.size()];
        for (int l = 0; l < layers.size(); l++) {
            meanResidNorm[l] = residColumn[l * multipliers.size()];
        }
        int[] shape = s.shape("logitDiff");
        if (shape.length != 4 || shape[0] != kinds || shape[1] != layers.size() || shape[2] != multipliers.size()) {
            throw new IllegalStateException("array logitDiff has shape " + java.util.Arrays.toString(shape)
                    + ", expected [" + kinds + ", " + layers.size() + ", " + multipliers.size() + ", prompts]");
        }
        int prompts = shape[3];
        Map<String, String> p = s.parameters;
        HookPoint point = SweepAnalysis.steerablePoint(p.getOrDefault("point", "resid_post"));
        long seed = Long.parseLong(p.getOrDefault("controlSeed", "1234"));
        SweepConfig config = new SweepConfig(point, layers,
                multipliers.stream().mapToDouble(Double::doubleValue).toArray(),
                SteeringSweep.positions(p.getOrDefault("steerPositions", "all")), kinds == 2, seed,
                Integer.parseInt(p.getOrDefault("batchSize", "16")));

        float[] all = store.readResultArray(resultId, "vectors");
        int width = all.length / layers.size();
        if (width * layers.size() != all.length) {
            throw new IllegalStateException("array vectors has " + all.length + " values, not a multiple of "
                    + layers.size() + " layers");
        }
        String method = s.notes.getOrDefault("vectorMethod", "stored");
        Map<String, String> provenance = new LinkedHashMap<>();
        s.notes.forEach((k, v) -> {
            if (k.startsWith("vector.")) {
                provenance.put(k.substring("vector.".length()), v);
            }
        });
        provenance.put("sourceResult", resultId);
        Map<Integer, SteeringVector> vectors = new LinkedHashMap<>();
        double[][] vectorNorm = new double[kinds][layers.size()];
        for (int l = 0; l < layers.size(); l++) {
            float[] values = java.util.Arrays.copyOfRange(all, l * width, (l + 1) * width);
            SteeringVector v = new SteeringVector(HookSite.of(point, layers.get(l)).id(), method, values, provenance);
            vectors.put(layers.get(l), v);
            vectorNorm[0][l] = v.norm();
            if (kinds == 2) {
                vectorNorm[1][l] = SteeringVectors.randomLike(v, seed + layers.get(l)).norm();
            }
        }
        float[] probability = store.readResultArray(resultId, "probability");
        float[] probabilityFull = store.readResultArray(resultId, "probabilityFull");
        float[] logitDiff = store.readResultArray(resultId, "logitDiff");
        float[] baseline = store.readResultArray(resultId, "baselineLogitDiff");
        int cells = kinds * layers.size() * multipliers.size() * prompts;
        for (float[] a : List.of(probability, probabilityFull, logitDiff)) {
            if (a.length != cells) {
                throw new IllegalStateException("a per-prompt array has " + a.length + " values, expected " + cells);
            }
        }
        if (baseline.length != prompts) {
            throw new IllegalStateException("array baselineLogitDiff has " + baseline.length + " values, expected "
                    + prompts);
        }
        SweepResult result = new SweepResult(config, prompts, meanResidNorm, vectorNorm, probability, probabilityFull,
                logitDiff, baseline);
        List<CausalVerdict.Verdict> causal = null;
        if (s.notes.containsKey("nullDirections")) {
            int directions = Integer.parseInt(s.notes.get("nullDirections"));
            float[] shifts = store.readResultArray(resultId, "nullShiftP");
            float[] flips = store.readResultArray(resultId, "nullFlipRate");
            if (shifts.length != layers.size() * directions || flips.length != shifts.length) {
                throw new IllegalStateException("arrays nullShiftP and nullFlipRate have " + shifts.length + " and "
                        + flips.length + " values, expected " + layers.size() + " x " + directions);
            }
            double[][] shift = new double[layers.size()][directions];
            double[][] flip = new double[layers.size()][directions];
            for (int l = 0; l < layers.size(); l++) {
                for (int i = 0; i < directions; i++) {
                    shift[l][i] = shifts[l * directions + i];
                    flip[l][i] = flips[l * directions + i];
                }
            }
            RandomNull randomNull = new RandomNull(directions, Long.parseLong(s.notes.getOrDefault("nullSeed", "0")),
                    Double.parseDouble(s.notes.get("nullMultiplier")), shift, flip,
                    Double.parseDouble(s.notes.getOrDefault("shamMaxDifference", "0")));
            CausalVerdict.Settings settings = new CausalVerdict.Settings(
                    Double.parseDouble(s.notes.get("saturationMargin")), Double.parseDouble(s.notes.get("minShiftP")),
                    Double.parseDouble(s.notes.get("minFlipRate")), Double.parseDouble(s.notes.get("alpha")));
            causal = CausalVerdict.evaluate(result, promptGroups(store, resultId, s, prompts), randomNull, settings);
        }
        return new Loaded(resultId, result, vectors, ProbeCausalTest.evaluate(result), Map.copyOf(p), causal);
    }

    /** The stored prompt groups of the verdict; null for a result stored before they were (prompts stand alone). */
    private static int[] promptGroups(ActivationStore store, String resultId, Snapshot s, int prompts)
            throws IOException {
        if (!s.shapes.containsKey("promptGroup")) {
            return null;
        }
        float[] stored = store.readResultArray(resultId, "promptGroup");
        if (stored.length != prompts) {
            throw new IllegalStateException("array promptGroup has " + stored.length + " values, expected " + prompts);
        }
        int[] groups = new int[prompts];
        for (int p = 0; p < prompts; p++) {
            groups[p] = Math.round(stored[p]);
        }
        return groups;
    }

    private static String where(ActivationStore store, String resultId) {
        return "result '" + resultId + "' of store " + store.folder();
    }

    /** What is needed from the EMF result, copied inside the store's read lock. */
    private record Snapshot(String analysisId, Map<String, String> parameters, Map<String, String> notes,
            Map<String, ResultColumnData> summary, Map<String, int[]> shapes) {

        static Snapshot of(AnalysisResult r) {
            Map<String, ResultColumnData> summary = new LinkedHashMap<>();
            for (ResultTable table : r.getTables()) {
                if (table.getName().equals("summary")) {
                    for (ResultColumn c : table.getColumns()) {
                        summary.put(c.getName(), new ResultColumnData(
                                c.getNumbers().stream().mapToDouble(Double::doubleValue).toArray(),
                                List.copyOf(c.getTexts())));
                    }
                }
            }
            Map<String, int[]> shapes = new LinkedHashMap<>();
            for (ResultArray a : r.getArrays()) {
                shapes.put(a.getName(), a.getShape().stream().mapToInt(Integer::intValue).toArray());
            }
            Map<String, String> notes = new LinkedHashMap<>();
            if (r.getProvenance() != null) {
                r.getProvenance().getParameters().forEach(e -> notes.put(e.getKey(), e.getValue()));
            }
            Map<String, String> parameters = new LinkedHashMap<>();
            r.getParameters().forEach(e -> parameters.put(e.getKey(), e.getValue()));
            return new Snapshot(r.getAnalysisId(), parameters, notes, summary, shapes);
        }

        double[] numbers(String column) {
            ResultColumnData c = summary.get(column);
            if (c == null || c.numbers.length == 0) {
                throw new IllegalStateException("the summary table has no numeric column '" + column + "'");
            }
            return c.numbers;
        }

        List<String> texts(String column) {
            ResultColumnData c = summary.get(column);
            if (c == null || c.texts.isEmpty()) {
                throw new IllegalStateException("the summary table has no text column '" + column + "'");
            }
            return c.texts;
        }

        int[] shape(String array) {
            int[] shape = shapes.get(array);
            if (shape == null) {
                throw new IllegalStateException("the result has no array '" + array + "'");
            }
            return shape;
        }
    }

    private record ResultColumnData(double[] numbers, List<String> texts) {
    }
}
