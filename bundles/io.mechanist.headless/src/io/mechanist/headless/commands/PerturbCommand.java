package io.mechanist.headless.commands;

import java.nio.file.Path;
import java.util.LinkedHashMap;
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

/** {@code mechanist perturb}: the weight-noise sweep (analysis io.mechanist.perturbation.noiseSweep) on held-out prompts. */
public final class PerturbCommand implements Command {

    private static final String ANALYSIS = "io.mechanist.perturbation.noiseSweep";

    /** Command-line option -> analysis parameter. */
    private static final Map<String, String> PARAMETERS = Map.ofEntries(Map.entry("model", "model"),
            Map.entry("scales", "scales"), Map.entry("seeds", "seeds"), Map.entry("seed", "seed"),
            Map.entry("tensors", "tensors"), Map.entry("label", "label"), Map.entry("answer-a", "answerA"),
            Map.entry("answer-b", "answerB"), Map.entry("held-out-prompts", "heldOut"), Map.entry("target", "target"),
            Map.entry("bootstrap", "bootstrap"), Map.entry("batch-size", "batchSize"));

    @Override
    public String name() {
        return "perturb";
    }

    @Override
    public String summary() {
        return "weight-noise sweep: how much noise before a behaviour on held-out A/B prompts goes";
    }

    @Override
    public String usage() {
        return """
                Usage: mechanist perturb --store DIR --held-out CAPTURE [--model DIR]
                                         [--scales 0,0.05,0.1,0.2,0.4,0.8] [--seeds 3] [--seed 1]
                                         [--tensors all|layers:1,3|regex:PATTERN]
                                         [--label answer] [--answer-a A] [--answer-b B] [--token-a " A"] [--token-b " B"]
                                         [--held-out-prompts unpaired|all] [--target label|fixed:A]
                                         [--bootstrap 1000] [--batch-size 16] [--json]

                Loads the model (default: the checkpoint the held-out capture records) once per noise scale and seed
                with Gaussian noise added to the selected weight tensors, scale x each tensor's own RMS (the files
                are not changed), and reads each held-out prompt's answer. Prints per scale the mean P(correct
                answer) over the two answers, the share answered correctly and the mean logit difference, each with
                a 95% interval over prompts and seeds (both random: a crossed design), and the scale at which the
                behaviour (accuracy above chance) falls to half, with a bootstrap interval ("beyond" when it does not
                within the swept scales). The result is stored as analysis io.mechanist.perturbation.noiseSweep,
                per-prompt arrays included.
                Example: mechanist perturb --store st --held-out demo-test --scales 0,0.25,0.5,1,2 --seeds 3""";
    }

    @Override
    public Set<String> valueOptions() {
        Set<String> options = new java.util.HashSet<>(PARAMETERS.keySet());
        options.addAll(Set.of("store", "held-out", "token-a", "token-b"));
        return options;
    }

    @Override
    public Set<String> flagOptions() {
        return Set.of();
    }

    @Override
    public int run(CommandLine line, CliContext context) throws Exception {
        line.atMostPositional(0);
        Path storeFolder = Path.of(line.required("store"));
        String heldOut = line.required("held-out");
        Map<String, String> parameters = new LinkedHashMap<>();
        PARAMETERS.forEach((option, parameter) -> {
            String value = line.option(option, null);
            if (value != null) {
                parameters.put(parameter, value);
            }
        });
        for (String side : new String[] {"a", "b"}) {
            String token = line.option("token-" + side, null);
            if (token != null) {
                parameters.put("token" + side.toUpperCase(), token.replace(" ", "\\s")); // parameters are trimmed
            }
        }
        try (ActivationStore store = ActivationStore.open(storeFolder)) {
            String resultId = new AnalysisRunner(store, AnalysisRegistry.fromPlatform()).run(
                    new AnalysisRequest(ANALYSIS, parameters, Map.of("heldOut", heldOut)), new CliProgressMonitor(context));
            print(context, new StoredResults(store).result(resultId));
        }
        return 0;
    }

    private static void print(CliContext context, StoredResult result) {
        AnalysisOutput.Table summary = result.table("summary");
        AnalysisOutput.Table half = result.table("halfEffect");
        if (context.json()) {
            JsonObject json = new JsonObject();
            json.addProperty("result", result.id());
            json.addProperty("tensors", result.notes().get("tensors"));
            json.addProperty("interval", result.notes().get("interval"));
            JsonArray rows = new JsonArray();
            for (int r = 0; r < summary.rowCount(); r++) {
                JsonObject row = new JsonObject();
                for (AnalysisOutput.Column column : summary.columns()) {
                    row.addProperty(column.name(), column.numbers()[r]);
                }
                rows.add(row);
            }
            json.add("rows", rows);
            JsonObject halfJson = new JsonObject();
            for (AnalysisOutput.Column column : half.columns()) {
                halfJson.addProperty(column.name(), column.numbers()[0]);
            }
            json.add("halfEffect", halfJson);
            context.printJson(json);
            return;
        }
        var out = context.out();
        out.printf("Weight-noise sweep on %s; result %s%n", result.notes().get("tensors"), result.id());
        out.printf("%-8s %-24s %-24s %-24s%n", "scale", "P(correct) [95%]", "accuracy [95%]", "logit diff [95%]");
        for (int r = 0; r < summary.rowCount(); r++) {
            out.printf("%-8s %-24s %-24s %-24s%n", number(summary, "scale", r),
                    interval(summary, "meanP", "pLow", "pHigh", r), interval(summary, "accuracy", "accuracyLow", "accuracyHigh", r),
                    interval(summary, "meanLogitDiff", "logitDiffLow", "logitDiffHigh", r));
        }
        double scale = half.column("scale").numbers()[0];
        if (Double.isNaN(scale)) {
            out.printf("Half-effect scale: none (unperturbed accuracy %.3f is within 0.05 of chance)%n",
                    0.5 + half.column("baselineEffect").numbers()[0]);
        } else {
            out.printf("Half-effect scale (accuracy falls halfway to chance): %s [%s, %s] x RMS (bootstrap over seeds and prompts)%n",
                    scaleText(scale), scaleText(half.column("low").numbers()[0]), scaleText(half.column("high").numbers()[0]));
        }
        out.println("Intervals: " + result.notes().get("interval"));
    }

    private static String number(AnalysisOutput.Table table, String column, int row) {
        return String.format("%.3g", table.column(column).numbers()[row]);
    }

    private static String interval(AnalysisOutput.Table table, String mean, String low, String high, int row) {
        return String.format("%.3f [%.3f, %.3f]", table.column(mean).numbers()[row], table.column(low).numbers()[row],
                table.column(high).numbers()[row]);
    }

    private static String scaleText(double scale) {
        return Double.isInfinite(scale) ? "beyond the largest scale" : String.format("%.3g", scale);
    }
}
