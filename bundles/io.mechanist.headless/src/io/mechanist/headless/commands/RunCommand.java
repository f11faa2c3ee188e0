package io.mechanist.headless.commands;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

import io.mechanist.core.analysis.AnalysisDescriptor;
import io.mechanist.core.analysis.AnalysisParameters;
import io.mechanist.core.analysis.AnalysisRegistry;
import io.mechanist.core.analysis.AnalysisRequest;
import io.mechanist.core.analysis.InputSpec;
import io.mechanist.headless.CliContext;
import io.mechanist.headless.Command;
import io.mechanist.headless.CommandLine;
import io.mechanist.headless.UsageException;
import io.mechanist.model.AnalysisResult;
import io.mechanist.model.ResultArray;
import io.mechanist.model.ResultColumn;
import io.mechanist.model.ResultTable;
import io.mechanist.model.StoredVector;
import io.mechanist.store.ActivationStore;
import io.mechanist.store.AnalysisRunner;

/** {@code mechanist run <analysis-id>}: any installed analysis, headless, its result written into the store. */
public final class RunCommand implements Command {

    @Override
    public String name() {
        return "run";
    }

    @Override
    public String summary() {
        return "run any installed analysis on a capture; the result is stored and printed";
    }

    @Override
    public String usage() {
        return """
                Usage: mechanist run <analysis-id> --store DIR --capture ID [--param NAME=VALUE]... [--params JSON]
                                     [--input ROLE=ID]... [--json]

                Runs the analysis <analysis-id> (see 'mechanist analyses') headless, with progress on standard
                error, and commits its result into the store. Prints the result's id and its tables (or, with
                --json, the result as JSON).

                  --store DIR        the store folder (opened for writing)
                  --capture ID       the capture bound to the analysis's capture input (when it has exactly one)
                  --param NAME=VALUE a parameter value; repeat for several. Undeclared names are refused; parameters
                                     left out take their declared defaults
                  --params JSON      parameters as one JSON object, e.g. '{"site":"blocks.1.resid_post"}'
                                     (--param values win over it)
                  --input ROLE=ID    binds another input (a capture or vector id) by role; repeatable

                Example: mechanist run io.mechanist.examples.tokenstats.norms --store my-store --capture c1
                         --param site=blocks.1.resid_post""";
    }

    @Override
    public Set<String> valueOptions() {
        return Set.of("store", "capture", "param", "params", "input");
    }

    @Override
    public Set<String> repeatableOptions() {
        return Set.of("param", "input");
    }

    @Override
    public int run(CommandLine line, CliContext context) throws Exception {
        List<String> positional = line.positional();
        if (positional.isEmpty()) {
            throw new UsageException("run: name the analysis to run, e.g. mechanist run <analysis-id> --store DIR"
                    + " --capture ID (list them with: mechanist analyses)");
        }
        line.atMostPositional(1);
        String analysisId = positional.get(0);
        Path storeFolder = Path.of(line.required("store"));
        Map<String, String> parameters = parameters(line);
        AnalysisRegistry registry = AnalysisRegistry.fromPlatform();
        AnalysisDescriptor descriptor = registry.find(analysisId).orElseThrow(() -> new UsageException(
                "run: no analysis '" + analysisId + "' is installed; installed: "
                        + registry.analyses().stream().map(AnalysisDescriptor::id).toList()));
        Map<String, String> inputs = inputs(line, descriptor);
        try {
            AnalysisParameters.resolve(descriptor, parameters);
        } catch (IllegalArgumentException e) {
            throw new UsageException("run: " + e.getMessage());
        }
        try (ActivationStore store = ActivationStore.open(storeFolder)) {
            AnalysisRunner runner = new AnalysisRunner(store, registry);
            String resultId = runner.run(new AnalysisRequest(analysisId, parameters, inputs),
                    new CliProgressMonitor(context));
            JsonObject summary = store.read(s -> describe(s.getResults().stream()
                    .filter(r -> r.getId().equals(resultId)).findFirst().orElseThrow()));
            if (context.json()) {
                context.printJson(summary);
            } else {
                print(summary, context);
            }
        }
        return 0;
    }

    private static Map<String, String> parameters(CommandLine line) throws UsageException {
        Map<String, String> parameters = new LinkedHashMap<>();
        String json = line.option("params", null);
        if (json != null) {
            JsonElement parsed;
            try {
                parsed = JsonParser.parseString(json);
            } catch (RuntimeException e) {
                throw new UsageException("run: --params is not valid JSON: " + e.getMessage());
            }
            if (!parsed.isJsonObject()) {
                throw new UsageException("run: --params must be a JSON object like {\"name\": \"value\"}");
            }
            for (Map.Entry<String, JsonElement> entry : parsed.getAsJsonObject().entrySet()) {
                JsonElement value = entry.getValue();
                if (!value.isJsonPrimitive()) {
                    throw new UsageException("run: --params value of '" + entry.getKey() + "' must be a string,"
                            + " number or boolean");
                }
                parameters.put(entry.getKey(), value.getAsString());
            }
        }
        for (String pair : line.all("param")) {
            int equals = pair.indexOf('=');
            if (equals <= 0) {
                throw new UsageException("run: --param needs NAME=VALUE, not '" + pair + "'");
            }
            parameters.put(pair.substring(0, equals).strip(), pair.substring(equals + 1));
        }
        return parameters;
    }

    private static Map<String, String> inputs(CommandLine line, AnalysisDescriptor descriptor) throws UsageException {
        Map<String, String> inputs = new LinkedHashMap<>();
        for (String pair : line.all("input")) {
            int equals = pair.indexOf('=');
            if (equals <= 0) {
                throw new UsageException("run: --input needs ROLE=ID, not '" + pair + "'");
            }
            inputs.put(pair.substring(0, equals).strip(), pair.substring(equals + 1).strip());
        }
        String capture = line.option("capture", null);
        if (capture != null) {
            List<InputSpec> captureInputs = descriptor.inputs().stream()
                    .filter(i -> i.kind() == InputSpec.Kind.CAPTURE && !inputs.containsKey(i.role())).toList();
            if (captureInputs.size() != 1) {
                throw new UsageException("run: analysis " + descriptor.id() + " has " + captureInputs.size()
                        + " unbound capture inputs " + captureInputs.stream().map(InputSpec::role).toList()
                        + "; bind them with --input ROLE=ID");
            }
            inputs.put(captureInputs.get(0).role(), capture);
        }
        return inputs;
    }

    static JsonObject describe(AnalysisResult result) {
        JsonObject json = new JsonObject();
        json.addProperty("resultId", result.getId());
        json.addProperty("analysisId", result.getAnalysisId());
        JsonObject parameters = new JsonObject();
        result.getParameters().forEach(e -> parameters.addProperty(e.getKey(), e.getValue()));
        json.add("parameters", parameters);
        JsonArray captures = new JsonArray();
        result.getInputCaptures().forEach(c -> captures.add(c.getId()));
        json.add("inputCaptures", captures);
        JsonArray tables = new JsonArray();
        for (ResultTable table : result.getTables()) {
            JsonObject t = new JsonObject();
            t.addProperty("name", table.getName());
            JsonObject columns = new JsonObject();
            for (ResultColumn column : table.getColumns()) {
                JsonArray values = new JsonArray();
                if (!column.getTexts().isEmpty()) {
                    column.getTexts().forEach(values::add);
                } else {
                    column.getNumbers().forEach(values::add);
                }
                columns.add(column.getName(), values);
            }
            t.add("columns", columns);
            tables.add(t);
        }
        json.add("tables", tables);
        JsonArray arrays = new JsonArray();
        for (ResultArray array : result.getArrays()) {
            JsonObject a = new JsonObject();
            a.addProperty("name", array.getName());
            JsonArray shape = new JsonArray();
            array.getShape().forEach(shape::add);
            a.add("shape", shape);
            JsonArray axes = new JsonArray();
            array.getAxes().forEach(axes::add);
            a.add("axes", axes);
            arrays.add(a);
        }
        json.add("arrays", arrays);
        JsonArray vectors = new JsonArray();
        for (StoredVector vector : result.getProducedVectors()) {
            vectors.add(vector.getId());
        }
        json.add("vectors", vectors);
        return json;
    }

    private static void print(JsonObject summary, CliContext context) {
        context.out().println("result " + summary.get("resultId").getAsString() + " of "
                + summary.get("analysisId").getAsString());
        for (JsonElement element : summary.getAsJsonArray("tables")) {
            JsonObject table = element.getAsJsonObject();
            JsonObject columns = table.getAsJsonObject("columns");
            context.out().println("table " + table.get("name").getAsString() + ":");
            List<String> names = List.copyOf(columns.keySet());
            context.out().println("  " + String.join("\t", names));
            int rows = names.isEmpty() ? 0 : columns.getAsJsonArray(names.get(0)).size();
            for (int r = 0; r < rows; r++) {
                StringBuilder row = new StringBuilder("  ");
                for (int c = 0; c < names.size(); c++) {
                    JsonArray values = columns.getAsJsonArray(names.get(c));
                    row.append(c > 0 ? "\t" : "").append(r < values.size() ? values.get(r).getAsString() : "");
                }
                context.out().println(row);
            }
        }
        for (JsonElement element : summary.getAsJsonArray("arrays")) {
            JsonObject array = element.getAsJsonObject();
            context.out().println("array " + array.get("name").getAsString() + " " + array.get("shape") + " axes "
                    + array.get("axes"));
        }
        for (JsonElement vector : summary.getAsJsonArray("vectors")) {
            context.out().println("vector " + vector.getAsString());
        }
    }
}
