package io.mechanist.headless.commands;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.IntStream;


import com.google.gson.JsonArray;
import com.google.gson.JsonObject;

import io.mechanist.core.analysis.AnalysisOutput;
import io.mechanist.core.analysis.AnalysisRegistry;
import io.mechanist.core.analysis.AnalysisRequest;
import io.mechanist.headless.CliContext;
import io.mechanist.headless.Command;
import io.mechanist.headless.CommandLine;
import io.mechanist.patching.analysis.PatchingAnalysis;
import io.mechanist.store.ActivationStore;
import io.mechanist.store.AnalysisRunner;
import io.mechanist.store.StoredResults;

/**
 * {@code mechanist patch}: activation patching over the clean/corrupted pairs of a capture's dataset, stored as
 * analysis {@value PatchingAnalysis#ID}; prints the strongest cells of each grid and writes every cell as CSV.
 */
public final class PatchCommand implements Command {

    @Override
    public String name() {
        return "patch";
    }

    @Override
    public String summary() {
        return "activation patching over clean/corrupted pairs (layer x position, layer x head, with intervals)";
    }

    @Override
    public String usage() {
        return """
                Usage: mechanist patch --store DIR --pairs CAPTURE [--model DIR]
                                       [--points resid_pre,attn_out,mlp_out,attn_z] [--directions denoising,noising]
                                       [--align end|start] [--label answer] [--clean-value A]
                                       [--answer-a A] [--answer-b B] [--token-a " A"] [--token-b " B"]
                                       [--resamples 1000] [--seed 1] [--batch-size 32] [--no-attribution] [--top 3]
                                       [--out FILE.csv] [--json]

                The pairs are the prompts of the capture's dataset that share a pair id (two each, of equal token
                length); the member whose label --label equals --clean-value is clean. Denoising runs the corrupted
                prompt and writes the clean run's activation into one site: one layer and position for
                resid_pre/attn_out/mlp_out, one head at every position for attn_z; noising the other way round. The
                metric is logit(clean answer) - logit(corrupted answer) at the last position; a cell is
                mean(patched - corrupted) / mean(clean - corrupted) over its pairs (0 = corrupted, 1 = clean), with
                a 95% bootstrap interval over pairs. Positions count from the last token (-1) with --align end.
                Prints the --top cells of each grid; --out writes every cell as CSV; the result (per-pair values
                included) is stored. --model defaults to the checkpoint folder the capture records.
                Attribution patching (gradient x activation difference, from one backward pass through DJL's
                autograd) is stored beside every grid with its Pearson correlation over cells (--no-attribution: off).

                Example: mechanist patch --store st --pairs contrast-pairs --points resid_pre,attn_z --out grid.csv""";
    }

    @Override
    public Set<String> valueOptions() {
        return Set.of("store", "pairs", "model", "points", "directions", "align", "label", "clean-value", "answer-a",
                "answer-b", "token-a", "token-b", "resamples", "seed", "batch-size", "top", "out");
    }

    @Override
    public int run(CommandLine line, CliContext context) throws Exception {
        line.atMostPositional(0);
        Path storeFolder = Path.of(line.required("store"));
        String pairs = line.required("pairs");
        int top = Integer.parseInt(line.option("top", "3"));
        Map<String, String> parameters = new LinkedHashMap<>();
        put(parameters, line, "model", "model");
        put(parameters, line, "points", "points");
        put(parameters, line, "directions", "directions");
        put(parameters, line, "align", "align");
        put(parameters, line, "label", "label");
        put(parameters, line, "clean-value", "cleanValue");
        put(parameters, line, "answer-a", "answerA");
        put(parameters, line, "answer-b", "answerB");
        put(parameters, line, "resamples", "resamples");
        put(parameters, line, "seed", "seed");
        put(parameters, line, "batch-size", "batchSize");
        if (line.flag("no-attribution")) {
            parameters.put("attribution", "false");
        }
        for (String side : List.of("a", "b")) {
            String token = line.option("token-" + side, null);
            if (token != null) {
                // analysis parameters are trimmed; spaces travel as \s
                parameters.put("token" + side.toUpperCase(Locale.ROOT), token.replace(" ", "\\s"));
            }
        }
        try (ActivationStore store = ActivationStore.open(storeFolder)) {
            AnalysisRegistry registry = AnalysisRegistry.fromPlatform();
            String resultId = new AnalysisRunner(store, registry).run(new AnalysisRequest(PatchingAnalysis.ID,
                    parameters, Map.of("pairs", pairs)), new CliProgressMonitor(context));
            var stored = new StoredResults(store).result(resultId);
            AnalysisOutput.Table cells = stored.table("cells");
            String out = line.option("out", null);
            if (out != null) {
                Files.writeString(Path.of(out), csv(cells));
            }
            print(context, cells, stored.table("agreement"), resultId, top);
        }
        return 0;
    }

    /** Every cell as CSV, one row per grid cell, columns as stored. */
    static String csv(AnalysisOutput.Table table) {
        StringBuilder text = new StringBuilder();
        List<AnalysisOutput.Column> columns = table.columns();
        text.append(String.join(",", columns.stream().map(AnalysisOutput.Column::name).toList())).append('\n');
        for (int r = 0; r < table.rowCount(); r++) {
            List<String> row = new ArrayList<>();
            for (AnalysisOutput.Column column : columns) {
                row.add(column.texts() != null ? quote(column.texts()[r]) : Double.toString(column.numbers()[r]));
            }
            text.append(String.join(",", row)).append('\n');
        }
        return text.toString();
    }

    private static String quote(String text) {
        return text.contains(",") || text.contains("\"") ? "\"" + text.replace("\"", "\"\"") + "\"" : text;
    }

    private static void print(CliContext context, AnalysisOutput.Table cells, AnalysisOutput.Table agreement,
            String resultId, int top) {
        String[] method = cells.column("method").texts();
        String[] grid = IntStream.range(0, method.length).mapToObj(r -> method[r].equals("activation")
                ? cells.column("grid").texts()[r] : cells.column("grid").texts()[r] + " (" + method[r] + ")")
                .toArray(String[]::new);
        String[] position = cells.column("position").texts();
        String[] token = cells.column("token").texts();
        double[] layer = cells.column("layer").numbers();
        double[] value = cells.column("value").numbers();
        double[] low = cells.column("ciLow").numbers();
        double[] high = cells.column("ciHigh").numbers();
        double[] n = cells.column("n").numbers();
        List<String> grids = java.util.Arrays.stream(grid).distinct().toList();
        if (context.json()) {
            JsonObject json = new JsonObject();
            json.addProperty("result", resultId);
            JsonObject byGrid = new JsonObject();
            for (String g : grids) {
                JsonArray best = new JsonArray();
                for (int r : strongest(grid, value, g, top)) {
                    JsonObject cell = new JsonObject();
                    cell.addProperty("layer", (int) layer[r]);
                    cell.addProperty("position", position[r]);
                    cell.addProperty("token", token[r]);
                    cell.addProperty("value", value[r]);
                    cell.addProperty("ciLow", low[r]);
                    cell.addProperty("ciHigh", high[r]);
                    cell.addProperty("n", (int) n[r]);
                    best.add(cell);
                }
                byGrid.add(g, best);
            }
            json.add("strongest", byGrid);
            if (agreement != null) {
                JsonObject agree = new JsonObject();
                for (int r = 0; r < agreement.rowCount(); r++) {
                    JsonObject a = new JsonObject();
                    a.addProperty("correlation", agreement.column("correlation").numbers()[r]);
                    a.addProperty("meanAbsDifference", agreement.column("meanAbsDifference").numbers()[r]);
                    a.addProperty("cells", (int) agreement.column("cells").numbers()[r]);
                    agree.add(agreement.column("grid").texts()[r], a);
                }
                json.add("agreement", agree);
            }
            context.printJson(json);
            return;
        }
        var out = context.out();
        out.printf("Activation patching (0 = corrupted, 1 = clean; 95%% bootstrap over pairs); result %s%n", resultId);
        for (String g : grids) {
            out.printf("%s:%n", g);
            for (int r : strongest(grid, value, g, top)) {
                out.printf("  layer %d %-10s %-12s %7.3f [%7.3f, %7.3f]  n=%d%n", (int) layer[r], position[r],
                        token[r], value[r], low[r], high[r], (int) n[r]);
            }
        }
        if (agreement != null) {
            out.println("Attribution vs activation patching (Pearson r over cells, mean |difference|):");
            for (int r = 0; r < agreement.rowCount(); r++) {
                out.printf("  %-24s r = %6.3f  mean |diff| = %.3f  (%d cells)%n", agreement.column("grid").texts()[r],
                        agreement.column("correlation").numbers()[r],
                        agreement.column("meanAbsDifference").numbers()[r],
                        (int) agreement.column("cells").numbers()[r]);
            }
        }
    }

    /** The rows of grid {@code g} with the largest |value|, strongest first. */
    private static int[] strongest(String[] grid, double[] value, String g, int top) {
        return IntStream.range(0, grid.length).filter(r -> grid[r].equals(g) && !Double.isNaN(value[r])).boxed()
                .sorted(Comparator.comparingDouble(r -> -Math.abs(value[r]))).limit(top).mapToInt(Integer::intValue)
                .toArray();
    }

    @Override
    public Set<String> flagOptions() {
        return Set.of("no-attribution");
    }

    private static void put(Map<String, String> parameters, CommandLine line, String option, String parameter) {
        String value = line.option(option, null);
        if (value != null) {
            parameters.put(parameter, value);
        }
    }
}
