package io.mechanist.headless.commands;

import java.nio.file.Path;
import java.util.Map;
import java.util.Set;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;

import io.mechanist.core.analysis.AnalysisOutput;
import io.mechanist.core.analysis.AnalysisRegistry;
import io.mechanist.core.analysis.AnalysisRequest;
import io.mechanist.core.analysis.StoredResult;
import io.mechanist.headless.CliContext;
import io.mechanist.headless.Command;
import io.mechanist.headless.CommandLine;
import io.mechanist.store.ActivationStore;
import io.mechanist.store.AnalysisRunner;
import io.mechanist.store.StoredResults;

/** {@code mechanist diff}: where two models differ inside (analysis io.mechanist.perturbation.modelDiff). */
public final class DiffCommand implements Command {

    private static final String ANALYSIS = "io.mechanist.perturbation.modelDiff";

    @Override
    public String name() {
        return "diff";
    }

    @Override
    public String summary() {
        return "model diff: two captures of the same prompts, one per model, compared site by site";
    }

    @Override
    public String usage() {
        return """
                Usage: mechanist diff --store DIR --base CAPTURE --other CAPTURE [--json]

                Compares two captures of the same dataset, one per model (e.g. before and after fine-tuning; capture
                each with `mechanist capture --id ...`), on every shared site and captured token: the relative size
                of the activation difference sum |b - a| / sum |a|, the mean cosine between the models' activations
                with a 95% interval over prompts, and the share of the squared difference along its first direction
                and its first three. The result is stored as analysis io.mechanist.perturbation.modelDiff, the first
                direction of each site included.
                Example: mechanist diff --store st --base before --other after""";
    }

    @Override
    public Set<String> valueOptions() {
        return Set.of("store", "base", "other");
    }

    @Override
    public Set<String> flagOptions() {
        return Set.of();
    }

    @Override
    public int run(CommandLine line, CliContext context) throws Exception {
        line.atMostPositional(0);
        Path storeFolder = Path.of(line.required("store"));
        Map<String, String> inputs = Map.of("base", line.required("base"), "other", line.required("other"));
        try (ActivationStore store = ActivationStore.open(storeFolder)) {
            String resultId = new AnalysisRunner(store, AnalysisRegistry.fromPlatform()).run(
                    new AnalysisRequest(ANALYSIS, Map.of(), inputs), new CliProgressMonitor(context));
            print(context, new StoredResults(store).result(resultId));
        }
        return 0;
    }

    private static void print(CliContext context, StoredResult result) {
        AnalysisOutput.Table sites = result.table("sites");
        String[] names = sites.column("site").texts();
        if (context.json()) {
            JsonObject json = new JsonObject();
            json.addProperty("result", result.id());
            JsonArray rows = new JsonArray();
            for (int r = 0; r < sites.rowCount(); r++) {
                JsonObject row = new JsonObject();
                row.addProperty("site", names[r]);
                for (AnalysisOutput.Column column : sites.columns()) {
                    if (column.numbers() != null) {
                        row.addProperty(column.name(), column.numbers()[r]);
                    }
                }
                rows.add(row);
            }
            json.add("sites", rows);
            context.printJson(json);
            return;
        }
        var out = context.out();
        out.printf("Model diff %s vs %s; result %s%n", result.notes().get("base"), result.notes().get("other"), result.id());
        out.printf("%-26s %-12s %-28s %-10s %-10s%n", "site", "|b-a|/|a|", "cosine [95%]", "pc1 share", "top-3");
        for (int r = 0; r < sites.rowCount(); r++) {
            out.printf("%-26s %-12.4g %-28s %-10.3f %-10.3f%n", names[r], sites.column("relativeDifference").numbers()[r],
                    String.format("%.4f [%.4f, %.4f]", sites.column("meanCosine").numbers()[r],
                            sites.column("cosineLow").numbers()[r], sites.column("cosineHigh").numbers()[r]),
                    sites.column("pc1Share").numbers()[r], sites.column("top3Share").numbers()[r]);
        }
    }
}
