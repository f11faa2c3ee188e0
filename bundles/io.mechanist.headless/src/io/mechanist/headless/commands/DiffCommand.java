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
import io.mechanist.headless.UsageException;
import io.mechanist.store.ActivationStore;
import io.mechanist.store.AnalysisRunner;
import io.mechanist.store.StoredResults;

/**
 * {@code mechanist diff}: where two models differ inside (analysis io.mechanist.perturbation.modelDiff), or with
 * {@code --probe-transfer} whether probes trained on one model read the other (io.mechanist.perturbation.probeTransfer).
 */
public final class DiffCommand implements Command {

    private static final String ANALYSIS = "io.mechanist.perturbation.modelDiff";
    private static final String TRANSFER = "io.mechanist.perturbation.probeTransfer";
    /** Command-line option -> parameter of the probe transfer. */
    private static final Map<String, String> TRANSFER_PARAMETERS = Map.ofEntries(Map.entry("label", "label"),
            Map.entry("point", "point"), Map.entry("alignment", "alignment"), Map.entry("anchor", "anchor"),
            Map.entry("before", "before"), Map.entry("after", "after"), Map.entry("positions", "positions"),
            Map.entry("methods", "methods"), Map.entry("folds", "folds"), Map.entry("interval", "interval"),
            Map.entry("seed", "seed"), Map.entry("threads", "threads"));

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
                       mechanist diff --store DIR --base CAPTURE --other CAPTURE --probe-transfer [--label answer]
                                      [--point resid_post] [--alignment anchor] [--anchor TOKEN] [--before 32]
                                      [--after 2] [--positions 64] [--methods logistic,mass-mean] [--folds 5]
                                      [--interval wilson-groups] [--seed N] [--threads 2] [--json]

                Compares two captures of the same dataset, one per model (e.g. before and after fine-tuning; capture
                each with `mechanist capture --id ...`), on every shared site and captured token: the relative size
                of the activation difference sum |b - a| / sum |a|, the mean cosine between the models' activations
                with a 95% interval over prompts, and the share of the squared difference along its first direction
                and its first three. The result is stored as analysis io.mechanist.perturbation.modelDiff, the first
                direction of each site included.
                With --probe-transfer: probes for a two-valued label at every layer and aligned position,
                cross-validated (grouped folds, as `mechanist probe`) on the base capture, then each held-out prompt
                read on the other capture by the probe trained on the base capture (transfer), and the other
                capture's own probes, each accuracy with the probe analysis's 95% interval; stored as analysis
                io.mechanist.perturbation.probeTransfer.
                Examples: mechanist diff --store st --base before --other after
                          mechanist diff --store st --base before --other after --probe-transfer --anchor : --before 8 --after 0""";
    }

    @Override
    public Set<String> valueOptions() {
        Set<String> options = new java.util.HashSet<>(TRANSFER_PARAMETERS.keySet());
        options.addAll(Set.of("store", "base", "other"));
        return options;
    }

    @Override
    public Set<String> flagOptions() {
        return Set.of("probe-transfer");
    }

    @Override
    public int run(CommandLine line, CliContext context) throws Exception {
        line.atMostPositional(0);
        Path storeFolder = Path.of(line.required("store"));
        Map<String, String> inputs = Map.of("base", line.required("base"), "other", line.required("other"));
        boolean transfer = line.flag("probe-transfer");
        Map<String, String> parameters = new java.util.LinkedHashMap<>();
        for (Map.Entry<String, String> option : TRANSFER_PARAMETERS.entrySet()) {
            String value = line.option(option.getKey(), null);
            if (value != null && !transfer) {
                throw new UsageException("--" + option.getKey() + " belongs to --probe-transfer");
            }
            if (value != null) {
                parameters.put(option.getValue(), value);
            }
        }
        try (ActivationStore store = ActivationStore.open(storeFolder)) {
            String resultId = new AnalysisRunner(store, AnalysisRegistry.fromPlatform()).run(
                    new AnalysisRequest(transfer ? TRANSFER : ANALYSIS, parameters, inputs),
                    new CliProgressMonitor(context));
            StoredResult result = new StoredResults(store).result(resultId);
            if (transfer) {
                printTransfer(context, result);
            } else {
                print(context, result);
            }
        }
        return 0;
    }

    private static void printTransfer(CliContext context, StoredResult result) {
        AnalysisOutput.Table cells = result.table("cells");
        String[] text = {"layer", "position", "token", "method"};
        if (context.json()) {
            JsonObject json = new JsonObject();
            json.addProperty("result", result.id());
            json.addProperty("interval", result.notes().get("interval"));
            JsonArray rows = new JsonArray();
            for (int r = 0; r < cells.rowCount(); r++) {
                JsonObject row = new JsonObject();
                for (AnalysisOutput.Column column : cells.columns()) {
                    if (column.numbers() != null) {
                        row.addProperty(column.name(), column.numbers()[r]);
                    } else {
                        row.addProperty(column.name(), column.texts()[r]);
                    }
                }
                rows.add(row);
            }
            json.add("cells", rows);
            context.printJson(json);
            return;
        }
        var out = context.out();
        out.printf("Probe transfer %s -> %s (%s); result %s%n", result.notes().get("base"), result.notes().get("other"),
                result.notes().get("label"), result.id());
        out.printf("%-22s %-8s %-10s %-10s %-22s %-22s %-22s%n", "layer", "position", "token", "method",
                "base probe [95%]", "transfer [95%]", "other's own [95%]");
        for (int r = 0; r < cells.rowCount(); r++) {
            out.printf("%-22s %-8s %-10s %-10s %-22s %-22s %-22s%n", cells.column(text[0]).texts()[r],
                    cells.column(text[1]).texts()[r], cells.column(text[2]).texts()[r], cells.column(text[3]).texts()[r],
                    interval(cells, "accuracy", "accuracyLow", "accuracyHigh", r),
                    interval(cells, "transferAccuracy", "transferLow", "transferHigh", r),
                    interval(cells, "otherAccuracy", "otherLow", "otherHigh", r));
        }
        out.println("Intervals: " + result.notes().get("interval"));
    }

    private static String interval(AnalysisOutput.Table table, String mean, String low, String high, int row) {
        return String.format("%.3f [%.3f, %.3f]", table.column(mean).numbers()[row], table.column(low).numbers()[row],
                table.column(high).numbers()[row]);
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
