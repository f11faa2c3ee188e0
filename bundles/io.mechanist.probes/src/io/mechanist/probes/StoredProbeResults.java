package io.mechanist.probes;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.mechanist.core.analysis.AnalysisOutput;
import io.mechanist.model.AnalysisResult;
import io.mechanist.model.ResultColumn;
import io.mechanist.model.ResultTable;
import io.mechanist.probes.OutputReadout.ReadoutCell;
import io.mechanist.probes.OutputReadout.ReadoutResults;
import io.mechanist.store.ActivationStore;
import io.mechanist.store.StoreCorruptionException;

/**
 * Probe results as the analysis {@value #ANALYSIS_ID} stores them, and read back from a store: the table
 * {@code accuracy} (one row per method, layer and position), the arrays {@code directions}
 * {@code [method, layer, position, d_model]} and {@code biases} {@code [method, layer, position]}, and, when the
 * output read-out ran, the table {@code readout} (one row per layer and position) and the array
 * {@code readoutLogRatios} {@code [layer, position, prompt]} ({@code log P(A)/P(B)}, NaN where a prompt lacks the
 * position). Labels, counts and the read-out's note are in the result's provenance.
 *
 * @param storeFolder the store the result is in
 * @param resultId    the analysis result
 * @param captureId   the capture the probes were trained on
 * @param labelKey    the prompt label they predict
 * @param point       the per-layer hook point they read
 * @param results     the probes (cells and directions)
 * @param readout     the output read-out on the same grid, or null when it did not run
 * @param readoutNote what the read-out read, or why it did not run
 */
public record StoredProbeResults(Path storeFolder, String resultId, String captureId, String labelKey, String point,
        ProbeResults results, ReadoutResults readout, String readoutNote) {

    /** What a viewer calls the result: its capture (its id when none is recorded) and its id, e.g. "demo (r1)". */
    public String displayName() {
        return (captureId == null ? resultId : captureId) + " (" + resultId + ")";
    }

    /**
     * {@link #read(ActivationStore, String)} through {@code open} when the store is already open (it stays open),
     * else from {@code storeFolder} opened read-only for the read.
     */
    public static StoredProbeResults read(Path storeFolder, String resultId, ActivationStore open)
            throws IOException {
        if (open != null) {
            return read(open, resultId);
        }
        try (ActivationStore store = ActivationStore.openReadOnly(storeFolder)) {
            return read(store, resultId);
        }
    }

    /**
     * The position alignment of a stored probe result, from the parameters it was run with.
     *
     * @throws IllegalArgumentException when the store has no such result, or it is not a probe result
     */
    public static PositionAlignment alignment(ActivationStore store, String resultId) {
        Snapshot s = store.read(model -> Snapshot.of(model.getResults(), resultId));
        if (!ANALYSIS_ID.equals(s.analysisId)) {
            throw new IllegalArgumentException("result " + resultId + " in " + store.folder() + " is a result of "
                    + s.analysisId + ", not of " + ANALYSIS_ID);
        }
        return PositionAlignment.fromParameters(s.parameters);
    }

    /** Id of the stored probe analysis. */
    public static final String ANALYSIS_ID = "io.mechanist.probes.accuracyByPosition";

    private static final String[] CELL_NUMBERS = {"layer", "position", "n", "correct", "accuracy", "ciLow", "ciHigh",
        "chance", "control", "controlCiLow", "controlCiHigh", "selectivity", "degenerateFolds", "bias", "trainCount",
        "selectivityCiLow", "selectivityCiHigh", "splitLow", "splitHigh"};
    private static final String[] CELL_UNITS = {"index", "index", "prompts", "prompts", "fraction", "fraction",
        "fraction", "fraction", "fraction", "fraction", "fraction", "fraction", "folds", "logit", "prompts",
        "fraction", "fraction", "fraction", "fraction"};
    /** Columns added later: absent from older results, read back as NaN. */
    private static final Set<String> OPTIONAL_NUMBERS = Set.of("selectivityCiLow", "selectivityCiHigh", "splitLow",
        "splitHigh");
    private static final String[] READOUT_NUMBERS = {"layer", "position", "n", "correct", "accuracy", "ciLow",
        "ciHigh", "meanLogRatio"};
    private static final String[] READOUT_UNITS = {"index", "index", "prompts", "prompts", "fraction", "fraction",
        "fraction", "nats"};

    /**
     * The analysis output of probe results (and a read-out, or null).
     *
     * @param dModel width of the probed activations
     */
    public static AnalysisOutput output(ProbeResults r, ReadoutResults readout, String readoutNote, int dModel) {
        int layers = r.layerCount();
        int positions = r.positionCount();
        List<ProbeMethod> methods = r.methods();
        int rows = methods.size() * layers * positions;
        String[] method = new String[rows];
        String[] site = new String[rows];
        String[] positionLabel = new String[rows];
        String[] token = new String[rows];
        double[][] numbers = new double[CELL_NUMBERS.length][rows];
        float[] directions = new float[rows * dModel];
        float[] biases = new float[rows];
        int prompts = r.promptCount();
        float[] outcomes = new float[rows * prompts];
        int row = 0;
        for (ProbeMethod m : methods) {
            for (int l = 0; l < layers; l++) {
                for (int k = 0; k < positions; k++, row++) {
                    ProbeCell c = r.cell(m, l, k);
                    ProbeDirection dir = r.direction(m, l, k);
                    method[row] = m.id();
                    site[row] = r.layerName(l);
                    positionLabel[row] = r.positionLabel(k);
                    token[row] = r.positionToken(k);
                    double[] values = {l, k, c.n(), c.correct(), c.accuracy(), c.interval().low(),
                        c.interval().high(), c.chance(), c.controlAccuracy(), c.controlInterval().low(),
                        c.controlInterval().high(), c.selectivity(), c.degenerateFolds(),
                        dir == null ? Double.NaN : dir.bias(), dir == null ? 0 : dir.trainCount(),
                        c.selectivityInterval().low(), c.selectivityInterval().high(), c.splitLow(), c.splitHigh()};
                    for (int v = 0; v < values.length; v++) {
                        numbers[v][row] = values[v];
                    }
                    byte[] o = r.outcomes(m, l, k);
                    for (int p = 0; p < prompts; p++) {
                        outcomes[row * prompts + p] = o == null || o[p] == ProbeResults.ABSENT ? Float.NaN
                                : o[p] == ProbeResults.RIGHT ? 1 : 0;
                    }
                    if (dir != null) {
                        System.arraycopy(dir.weights(), 0, directions, row * dModel, dModel);
                        biases[row] = (float) dir.bias();
                    } else {
                        Arrays.fill(directions, row * dModel, (row + 1) * dModel, Float.NaN);
                        biases[row] = Float.NaN;
                    }
                }
            }
        }
        List<AnalysisOutput.Column> columns = new ArrayList<>(List.of(AnalysisOutput.texts("method", method),
                AnalysisOutput.texts("site", site)));
        for (int v = 0; v < CELL_NUMBERS.length; v++) {
            columns.add(AnalysisOutput.numbers(CELL_NUMBERS[v], CELL_UNITS[v], numbers[v]));
            if (CELL_NUMBERS[v].equals("position")) {
                columns.add(AnalysisOutput.texts("positionLabel", positionLabel));
                columns.add(AnalysisOutput.texts("token", token));
            }
        }
        AnalysisOutput out = new AnalysisOutput()
                .table("accuracy", columns.toArray(AnalysisOutput.Column[]::new))
                .array("directions", List.of("method", "layer", "position", "d_model"),
                        new int[] {methods.size(), layers, positions, dModel}, directions)
                .array("biases", List.of("method", "layer", "position"),
                        new int[] {methods.size(), layers, positions}, biases)
                .note("positiveLabel", r.positiveLabel())
                .note("negativeLabel", r.negativeLabel())
                .note("prompts", Integer.toString(r.promptCount()))
                .note("groups", Integer.toString(r.groupCount()))
                .note("methods", String.join(",", methods.stream().map(ProbeMethod::id).toList()))
                .note("interval", r.intervalMethod().id())
                .note("foldSeeds", r.config().seed() + ".." + (r.config().seed() + r.config().foldRepeats() - 1))
                .note("controlPermutations", Integer.toString(r.config().controlTask()
                        ? r.config().controlPermutations() : 0))
                .note("readout", readoutNote == null ? "" : readoutNote);
        int[] groupOf = r.groupOf();
        if (groupOf != null) {
            float[] groups = new float[prompts];
            for (int p = 0; p < prompts; p++) {
                groups[p] = groupOf[p];
            }
            out.array("outcomes", List.of("method", "layer", "position", "prompt"),
                    new int[] {methods.size(), layers, positions, prompts}, outcomes)
                    .array("promptGroups", List.of("prompt"), new int[] {prompts}, groups)
                    .note("outcomes", "outcomes: 1 right, 0 wrong, NaN absent on the reported split");
        }
        if (readout != null) {
            addReadout(out, r, readout);
        }
        for (ProbeMethod m : methods) { // the best cell of each method as a stored vector, ready for steering
            ProbeCell best = r.best(m);
            ProbeDirection direction = best == null ? null : r.direction(m, best.layer(), best.position());
            if (direction != null) {
                Map<String, String> provenance = new LinkedHashMap<>();
                provenance.put("site", r.layerName(best.layer()));
                provenance.put("position", r.positionLabel(best.position()));
                provenance.put("token", r.positionToken(best.position()));
                provenance.put("positiveLabel", direction.positiveLabel());
                provenance.put("bias", Double.toString(direction.bias()));
                provenance.put("accuracy", Double.toString(best.accuracy()));
                provenance.put("n", Integer.toString(best.n()));
                out.vector(m == ProbeMethod.LOGISTIC ? "bestLogisticDirection" : "bestMassMeanDirection",
                        r.layerName(best.layer()), "probe-" + m.id(), direction.weights(), provenance);
            }
        }
        return out;
    }

    private static void addReadout(AnalysisOutput out, ProbeResults r, ReadoutResults readout) {
        int cells = readout.layers() * readout.positions();
        int prompts = r.promptCount();
        String[] site = new String[cells];
        String[] positionLabel = new String[cells];
        String[] token = new String[cells];
        double[][] numbers = new double[READOUT_NUMBERS.length][cells];
        float[] ratios = new float[cells * prompts];
        for (int i = 0; i < cells; i++) {
            ReadoutCell c = readout.cells().get(i);
            site[i] = r.layerName(c.layer());
            positionLabel[i] = r.positionLabel(c.position());
            token[i] = r.positionToken(c.position());
            double[] values = {c.layer(), c.position(), c.n(), c.correct(), c.accuracy(), c.interval().low(),
                c.interval().high(), c.meanLogRatio()};
            for (int v = 0; v < values.length; v++) {
                numbers[v][i] = values[v];
            }
            System.arraycopy(readout.logRatios()[i], 0, ratios, i * prompts, prompts);
        }
        List<AnalysisOutput.Column> columns = new ArrayList<>(List.of(AnalysisOutput.texts("site", site)));
        for (int v = 0; v < READOUT_NUMBERS.length; v++) {
            columns.add(AnalysisOutput.numbers(READOUT_NUMBERS[v], READOUT_UNITS[v], numbers[v]));
            if (READOUT_NUMBERS[v].equals("position")) {
                columns.add(AnalysisOutput.texts("positionLabel", positionLabel));
                columns.add(AnalysisOutput.texts("token", token));
            }
        }
        out.table("readout", columns.toArray(AnalysisOutput.Column[]::new))
                .array("readoutLogRatios", List.of("layer", "position", "prompt"),
                        new int[] {readout.layers(), readout.positions(), prompts}, ratios);
    }

    /**
     * Rebuilds the results of a stored run of {@value #ANALYSIS_ID}, checking the arrays' checksums.
     *
     * @throws IllegalArgumentException when the result does not exist or is not a probe result, or its tables are
     *     not the shape this analysis writes (naming the result and what is wrong)
     * @throws IOException when an array file cannot be read or fails its checksum
     */
    public static StoredProbeResults read(ActivationStore store, String resultId) throws IOException {
        Snapshot s = store.read(model -> Snapshot.of(model.getResults(), resultId));
        String where = "result " + resultId + " in " + store.folder();
        if (!ANALYSIS_ID.equals(s.analysisId)) {
            throw new IllegalArgumentException(where + " is a result of " + s.analysisId + ", not of " + ANALYSIS_ID);
        }
        Map<String, List<Double>> numbers = s.numbers.get("accuracy");
        Map<String, List<String>> texts = s.texts.get("accuracy");
        if (numbers == null) {
            throw new IllegalArgumentException(where + " has no table 'accuracy'");
        }
        List<ProbeMethod> methodList = new ArrayList<>();
        for (String id : s.notes.getOrDefault("methods", "").split(",")) {
            if (!id.isBlank()) {
                methodList.add(ProbeMethod.fromId(id.strip()));
            }
        }
        if (methodList.isEmpty()) {
            throw new IllegalArgumentException(where + " names no probe methods in its provenance");
        }
        List<Double> layerColumn = column(numbers, "layer", where);
        List<Double> positionColumn = column(numbers, "position", where);
        StoreCorruptionException corrupt = checkColumns(store, numbers, texts, CELL_NUMBERS,
                List.of("site", "positionLabel", "token"), "accuracy", where);
        if (corrupt != null) {
            throw corrupt;
        }
        int layers = 0;
        int positions = 0;
        for (int i = 0; i < layerColumn.size(); i++) {
            layers = Math.max(layers, index(store, layerColumn.get(i), layerColumn.size(), "layer", where) + 1);
            positions = Math.max(positions, index(store, positionColumn.get(i), layerColumn.size(), "position", where) + 1);
        }
        int perMethod = layers * positions;
        if (layerColumn.size() != methodList.size() * perMethod) {
            throw new IllegalArgumentException(where + ": table 'accuracy' has " + layerColumn.size() + " rows, expected "
                    + methodList.size() + " methods x " + layers + " layers x " + positions + " positions");
        }
        String[] layerNames = new String[layers];
        String[] positionLabels = new String[positions];
        String[] positionTokens = new String[positions];
        List<String> sites = text(texts, "site", where);
        List<String> labels = text(texts, "positionLabel", where);
        List<String> tokens = text(texts, "token", where);
        for (int row = 0; row < perMethod; row++) {
            layerNames[layerColumn.get(row).intValue()] = sites.get(row);
            positionLabels[positionColumn.get(row).intValue()] = labels.get(row);
            positionTokens[positionColumn.get(row).intValue()] = tokens.get(row);
        }
        float[] directions = store.readResultArray(resultId, "directions");
        if (layerColumn.isEmpty() || directions.length == 0 || directions.length % layerColumn.size() != 0) {
            throw corrupt(store, where + ": array 'directions' has " + directions.length + " values, not a multiple of the "
                    + layerColumn.size() + " rows of table 'accuracy'");
        }
        int dModel = directions.length / layerColumn.size();
        String positive = s.notes.get("positiveLabel");
        ProbeCell[][] cells = new ProbeCell[methodList.size()][perMethod];
        ProbeDirection[][] dirs = new ProbeDirection[methodList.size()][perMethod];
        Map<String, double[]> cols = new LinkedHashMap<>();
        for (String name : CELL_NUMBERS) {
            if (OPTIONAL_NUMBERS.contains(name) && !numbers.containsKey(name)) {
                double[] missing = new double[layerColumn.size()];
                Arrays.fill(missing, Double.NaN);
                cols.put(name, missing);
            } else {
                cols.put(name, column(numbers, name, where).stream().mapToDouble(Double::doubleValue).toArray());
            }
        }
        ProbeConfig config = config(s.parameters, methodList);
        ProbeMethod[] ordered = config.orderedMethods();
        for (int row = 0; row < layerColumn.size(); row++) {
            ProbeMethod m = methodList.get(row / perMethod);
            int mi = Arrays.asList(ordered).indexOf(m);
            int l = (int) cols.get("layer")[row];
            int k = (int) cols.get("position")[row];
            if (cells[mi][l * positions + k] != null) {
                throw corrupt(store, where + ": table 'accuracy' has layer " + l + ", position " + k + " of method "
                        + m.id() + " twice");
            }
            cells[mi][l * positions + k] = new ProbeCell(l, k, m, (int) cols.get("n")[row],
                    (int) cols.get("correct")[row], cols.get("accuracy")[row],
                    new Interval(cols.get("ciLow")[row], cols.get("ciHigh")[row]), cols.get("chance")[row],
                    cols.get("control")[row], new Interval(cols.get("controlCiLow")[row],
                            cols.get("controlCiHigh")[row]), cols.get("selectivity")[row],
                    new Interval(cols.get("selectivityCiLow")[row], cols.get("selectivityCiHigh")[row]),
                    cols.get("splitLow")[row], cols.get("splitHigh")[row], (int) cols.get("degenerateFolds")[row]);
            if (!Float.isNaN(directions[row * dModel])) {
                dirs[mi][l * positions + k] = new ProbeDirection(m, l, k, positive,
                        Arrays.copyOfRange(directions, row * dModel, (row + 1) * dModel), cols.get("bias")[row],
                        (int) cols.get("trainCount")[row]);
            }
        }
        int prompts = count(store, s.notes, "prompts", where);
        byte[][][] outcomes = null;
        int[] groupOf = null;
        if (s.notes.containsKey("outcomes")) {
            float[] stored = store.readResultArray(resultId, "outcomes");
            float[] groups = store.readResultArray(resultId, "promptGroups");
            if (stored.length != (long) layerColumn.size() * prompts || groups.length != prompts) {
                throw corrupt(store, where + ": arrays 'outcomes' and 'promptGroups' have "
                        + stored.length + " and " + groups.length + " values, expected " + layerColumn.size()
                        + " x " + prompts + " and " + prompts);
            }
            outcomes = new byte[methodList.size()][perMethod][prompts];
            for (int row = 0; row < layerColumn.size(); row++) {
                int mi = Arrays.asList(ordered).indexOf(methodList.get(row / perMethod));
                byte[] o = outcomes[mi][row % perMethod];
                for (int p = 0; p < prompts; p++) {
                    float v = stored[row * prompts + p];
                    o[p] = Float.isNaN(v) ? ProbeResults.ABSENT : v > 0.5f ? ProbeResults.RIGHT : ProbeResults.WRONG;
                }
            }
            groupOf = new int[prompts];
            for (int p = 0; p < prompts; p++) {
                groupOf[p] = (int) groups[p];
            }
        }
        ProbeResults results = new ProbeResults(config, s.notes.get("negativeLabel"), positive, prompts,
                count(store, s.notes, "groups", where), layerNames, positionLabels, positionTokens,
                cells, dirs, outcomes, groupOf);
        ReadoutResults readout = null;
        if (s.numbers.containsKey("readout")) {
            readout = readout(store, resultId, s.numbers.get("readout"), layers, positions, results.promptCount(),
                    where);
        }
        return new StoredProbeResults(store.folder(), resultId, s.parameters.get("input.activations"),
                s.parameters.get("label"), s.parameters.get("point"), results, readout, s.notes.get("readout"));
    }

    private static ReadoutResults readout(ActivationStore store, String resultId, Map<String, List<Double>> numbers,
            int layers, int positions, int prompts, String where) throws IOException {
        float[] ratios = store.readResultArray(resultId, "readoutLogRatios");
        if (ratios.length != (long) layers * positions * prompts) {
            throw new IllegalArgumentException(where + ": array 'readoutLogRatios' has " + ratios.length
                    + " values, expected " + layers + " x " + positions + " x " + prompts);
        }
        StoreCorruptionException corrupt = checkColumns(store, numbers, Map.of(), READOUT_NUMBERS, List.of(), "readout",
                where);
        if (corrupt != null) {
            throw corrupt;
        }
        Map<String, double[]> cols = new LinkedHashMap<>();
        for (String name : READOUT_NUMBERS) {
            cols.put(name, column(numbers, name, where).stream().mapToDouble(Double::doubleValue).toArray());
        }
        ReadoutCell[] cells = new ReadoutCell[layers * positions];
        float[][] perCell = new float[layers * positions][];
        for (int row = 0; row < cols.get("layer").length; row++) {
            int l = index(store, cols.get("layer")[row], layers, "read-out layer", where);
            int k = index(store, cols.get("position")[row], positions, "read-out position", where);
            int i = l * positions + k;
            cells[i] = new ReadoutCell(l, k, (int) cols.get("n")[row], (int) cols.get("correct")[row],
                    cols.get("accuracy")[row], new Interval(cols.get("ciLow")[row], cols.get("ciHigh")[row]),
                    cols.get("meanLogRatio")[row]);
            perCell[i] = Arrays.copyOfRange(ratios, i * prompts, (i + 1) * prompts);
        }
        for (int i = 0; i < cells.length; i++) {
            if (cells[i] == null) {
                throw corrupt(store, where + ": table 'readout' has no row for layer " + i / positions + ", position "
                        + i % positions);
            }
        }
        return new ReadoutResults(layers, positions, List.of(cells), perCell);
    }

    /** The probe settings of the stored parameters (the defaults where one is absent). */
    private static ProbeConfig config(Map<String, String> p, List<ProbeMethod> methods) {
        ProbeConfig c = ProbeConfig.defaults().withMethods(Set.copyOf(EnumSet.copyOf(methods)));
        if (p.containsKey("folds")) {
            c = c.withFolds(Integer.parseInt(p.get("folds")));
        }
        if (p.containsKey("l2")) {
            c = c.withL2(Double.parseDouble(p.get("l2")));
        }
        if (p.containsKey("seed")) {
            c = c.withSeed(Long.parseLong(p.get("seed")));
        }
        if (p.containsKey("threads")) {
            c = c.withThreads(Integer.parseInt(p.get("threads")));
        }
        // results stored before these were recorded used one permutation, one split and Wilson over prompts
        c = c.withControlPermutations(Integer.parseInt(p.getOrDefault("controlPermutations", "1")))
                .withFoldRepeats(Integer.parseInt(p.getOrDefault("foldRepeats", "1")));
        IntervalMethod interval = IntervalMethod.fromId(p.getOrDefault("interval", IntervalMethod.WILSON.id()));
        c = c.withInterval(interval, Integer.parseInt(p.getOrDefault("resamples", "2000")));
        return c;
    }

    /**
     * Checks that the number columns {@code numberNames} and text columns {@code textNames} of table {@code table}
     * exist and all have as many rows as its first number column.
     *
     * @return the problem, or null
     */
    private static StoreCorruptionException checkColumns(ActivationStore store, Map<String, List<Double>> numbers,
            Map<String, List<String>> texts, String[] numberNames, List<String> textNames, String table, String where) {
        int rows = column(numbers, numberNames[0], where).size();
        for (String name : numberNames) {
            if (OPTIONAL_NUMBERS.contains(name) && !numbers.containsKey(name)) {
                continue; // read back as NaN
            }
            if (column(numbers, name, where).size() != rows) {
                return corrupt(store, where + ": table '" + table + "' column '" + name + "' has "
                        + numbers.get(name).size() + " rows, column '" + numberNames[0] + "' " + rows);
            }
        }
        for (String name : textNames) {
            if (text(texts, name, where).size() != rows) {
                return corrupt(store, where + ": table '" + table + "' column '" + name + "' has "
                        + texts.get(name).size() + " rows, column '" + numberNames[0] + "' " + rows);
            }
        }
        return null;
    }

    /** A stored index: a whole number in {@code [0, bound)}. */
    private static int index(ActivationStore store, double value, int bound, String what, String where)
            throws StoreCorruptionException {
        if (!(value >= 0 && value < bound && value == Math.rint(value))) {
            throw corrupt(store, where + ": " + what + " " + value + " is not an index in 0.." + (bound - 1));
        }
        return (int) value;
    }

    private static int count(ActivationStore store, Map<String, String> notes, String key, String where)
            throws StoreCorruptionException {
        String value = notes.getOrDefault(key, "0");
        try {
            int count = Integer.parseInt(value.strip());
            if (count >= 0) {
                return count;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw corrupt(store, where + ": provenance '" + key + "' is '" + value + "', not a count");
    }

    /** A "corrupt result" error naming the store's metadata file. */
    private static StoreCorruptionException corrupt(ActivationStore store, String problem) {
        return new StoreCorruptionException(store.folder().resolve("store.xmi"), "corrupt result: " + problem);
    }

    private static List<Double> column(Map<String, List<Double>> numbers, String name, String where) {
        List<Double> c = numbers.get(name);
        if (c == null) {
            throw new IllegalArgumentException(where + " has no number column '" + name + "'");
        }
        return c;
    }

    private static List<String> text(Map<String, List<String>> texts, String name, String where) {
        List<String> c = texts.get(name);
        if (c == null) {
            throw new IllegalArgumentException(where + " has no text column '" + name + "'");
        }
        return c;
    }

    /** A copy of what the result holds, taken under the store's read lock. */
    private record Snapshot(String analysisId, Map<String, String> parameters, Map<String, String> notes,
            Map<String, Map<String, List<Double>>> numbers, Map<String, Map<String, List<String>>> texts) {

        static Snapshot of(List<AnalysisResult> results, String resultId) {
            for (AnalysisResult result : results) {
                if (!resultId.equals(result.getId())) {
                    continue;
                }
                Map<String, Map<String, List<Double>>> numbers = new LinkedHashMap<>();
                Map<String, Map<String, List<String>>> texts = new LinkedHashMap<>();
                for (ResultTable table : result.getTables()) {
                    Map<String, List<Double>> n = new LinkedHashMap<>();
                    Map<String, List<String>> t = new LinkedHashMap<>();
                    for (ResultColumn column : table.getColumns()) {
                        if (!column.getTexts().isEmpty()) {
                            t.put(column.getName(), List.copyOf(column.getTexts()));
                        } else {
                            n.put(column.getName(), List.copyOf(column.getNumbers()));
                        }
                    }
                    numbers.put(table.getName(), n);
                    texts.put(table.getName(), t);
                }
                Map<String, String> notes = new LinkedHashMap<>();
                if (result.getProvenance() != null) {
                    notes.putAll(result.getProvenance().getParameters().map());
                }
                return new Snapshot(result.getAnalysisId(), new LinkedHashMap<>(result.getParameters().map()), notes,
                        numbers, texts);
            }
            throw new IllegalArgumentException("no analysis result '" + resultId + "' in the store");
        }
    }
}
