package io.mechanist.spark;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.mechanist.core.analysis.AnalysisRequest;
import io.mechanist.steering.analysis.SweepAnalysis;

/**
 * The {@code sweep} mode's command line: the options of {@code mechanist steer} ({@code mechanist steer --help}), mapped onto the
 * steering-sweep analysis's parameters and inputs as that verb maps them, plus {@code --prompts-per-task}.
 */
record SweepArguments(String store, Map<String, String> parameters, Map<String, String> inputs, Path vectorFile,
        int promptsPerTask) {

    static final String USAGE = "sweep --store DIR|URI --model DIR|URI --held-out CAPTURE (--contrast CAPTURE | --vector ID"
            + " | --vector-file FILE.safetensors) [--layers all|vector|0,2,5] [--multipliers -1,0,1] [--method M]"
            + " [--position -1] [--point resid_post] [--steer-positions all|last] [--label answer] [--answer-a A]"
            + " [--answer-b B] [--token-a \" A\"] [--token-b \" B\"] [--held-out-prompts unpaired|all]"
            + " [--target label|probe|fixed:A] [--pair-label L] [--pair-positive V] [--no-control] [--control-seed N]"
            + " [--null-directions N] [--batch-size N] [--prompts-per-task N]";

    /** Default prompts per task: a task should take long enough that Spark's per-task cost is small. */
    static final int DEFAULT_PROMPTS_PER_TASK = 64;

    /** {@code mechanist steer}'s options with a value and the analysis parameter each sets. */
    private static final Map<String, String> PARAMETERS = Map.ofEntries(Map.entry("layers", "layers"),
            Map.entry("multipliers", "multipliers"), Map.entry("method", "method"), Map.entry("position", "position"),
            Map.entry("point", "point"), Map.entry("steer-positions", "steerPositions"), Map.entry("label", "label"),
            Map.entry("answer-a", "answerA"), Map.entry("answer-b", "answerB"),
            Map.entry("held-out-prompts", "heldOut"), Map.entry("target", "target"),
            Map.entry("pair-label", "pairLabel"), Map.entry("pair-positive", "pairPositive"),
            Map.entry("control-seed", "controlSeed"), Map.entry("batch-size", "batchSize"),
            Map.entry("null-directions", "nullDirections"));

    static SweepArguments parse(List<String> args) {
        Map<String, String> options = new LinkedHashMap<>();
        boolean noControl = false;
        for (int i = 0; i < args.size(); i++) {
            String key = args.get(i);
            if (key.equals("--no-control")) {
                noControl = true;
                continue;
            }
            if (!key.startsWith("--") || i + 1 >= args.size()) {
                throw new IllegalArgumentException("expected --option value, got '" + key + "'");
            }
            options.put(key.substring(2), args.get(++i));
        }
        for (String required : List.of("store", "model", "held-out")) {
            if (!options.containsKey(required)) {
                throw new IllegalArgumentException("--" + required + " is required");
            }
        }
        String store = options.remove("store"); // a folder, or a Hadoop URI (RemoteStore)
        Map<String, String> parameters = new LinkedHashMap<>();
        parameters.put("model", options.remove("model"));
        Map<String, String> inputs = new LinkedHashMap<>();
        inputs.put("heldOut", options.remove("held-out"));
        String contrast = options.remove("contrast");
        String vector = options.remove("vector");
        String vectorFile = options.remove("vector-file");
        if ((contrast != null ? 1 : 0) + (vector != null ? 1 : 0) + (vectorFile != null ? 1 : 0) != 1) {
            throw new IllegalArgumentException("give exactly one of --contrast, --vector, --vector-file");
        }
        if (contrast != null) {
            inputs.put("contrast", contrast);
        } else if (vector != null) {
            inputs.put("vector", vector);
        } else if (!Files.isRegularFile(Path.of(vectorFile))) {
            throw new IllegalArgumentException("--vector-file " + vectorFile + " does not exist");
        }
        PARAMETERS.forEach((option, parameter) -> {
            String value = options.remove(option);
            if (value != null) {
                parameters.put(parameter, value);
            }
        });
        for (String side : List.of("a", "b")) {
            String token = options.remove("token-" + side);
            if (token != null) {
                // analysis parameters are trimmed; spaces travel as \s (as in mechanist steer)
                parameters.put("token" + side.toUpperCase(), token.replace(" ", "\\s"));
            }
        }
        if (noControl) {
            parameters.put("control", "false");
        }
        int promptsPerTask = DEFAULT_PROMPTS_PER_TASK;
        String perTask = options.remove("prompts-per-task");
        if (perTask != null) {
            try {
                promptsPerTask = Integer.parseInt(perTask);
            } catch (NumberFormatException e) {
                promptsPerTask = 0;
            }
            if (promptsPerTask < 1) {
                throw new IllegalArgumentException("--prompts-per-task must be a positive whole number, was " + perTask);
            }
        }
        if (!options.isEmpty()) {
            throw new IllegalArgumentException("unknown option(s) " + options.keySet().stream().map(k -> "--" + k).toList());
        }
        return new SweepArguments(store, parameters, inputs, vectorFile == null ? null : Path.of(vectorFile),
                promptsPerTask);
    }

    /**
     * The analysis request, with the imported vector's id when the vector came from a file; its {@code model} is
     * {@code --model} as given, a Hadoop URI too (the stored sweep records it; the driver reads its own copy).
     */
    AnalysisRequest request(String importedVectorId) {
        Map<String, String> bound = new LinkedHashMap<>(inputs);
        if (importedVectorId != null) {
            bound.put("vector", importedVectorId);
        }
        return new AnalysisRequest(SweepAnalysis.ID, new LinkedHashMap<>(parameters), bound);
    }
}
