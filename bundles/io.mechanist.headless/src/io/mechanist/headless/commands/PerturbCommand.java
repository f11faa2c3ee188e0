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
import io.mechanist.headless.UsageException;
import io.mechanist.store.ActivationStore;
import io.mechanist.store.AnalysisRunner;
import io.mechanist.store.StoredResults;

/**
 * {@code mechanist perturb}: the weight-noise sweep (analysis io.mechanist.perturbation.noiseSweep) on held-out
 * prompts, or with {@code --interpolate-to} the interpolation sweep towards another checkpoint
 * (io.mechanist.perturbation.interpolationSweep).
 */
public final class PerturbCommand implements Command {

    private static final String ANALYSIS = "io.mechanist.perturbation.noiseSweep";
    private static final String INTERPOLATION = "io.mechanist.perturbation.interpolationSweep";
    /** Options of the noise sweep only, and of the interpolation sweep only. */
    private static final Set<String> NOISE_ONLY = Set.of("scales", "seeds", "probe-site", "probe-label", "probe-method",
            "vector", "steer-coefficient", "steer-positions");
    private static final Set<String> INTERPOLATION_ONLY = Set.of("ts");

    /** Command-line option -> analysis parameter. */
    private static final Map<String, String> PARAMETERS = Map.ofEntries(Map.entry("model", "model"),
            Map.entry("scales", "scales"), Map.entry("seeds", "seeds"), Map.entry("seed", "seed"),
            Map.entry("tensors", "tensors"), Map.entry("label", "label"), Map.entry("answer-a", "answerA"),
            Map.entry("answer-b", "answerB"), Map.entry("held-out-prompts", "heldOut"), Map.entry("target", "target"),
            Map.entry("bootstrap", "bootstrap"), Map.entry("batch-size", "batchSize"), Map.entry("ts", "ts"),
            Map.entry("interpolate-to", "other"), Map.entry("probe-site", "probeSite"),
            Map.entry("probe-label", "probeLabel"), Map.entry("probe-method", "probeMethod"),
            Map.entry("steer-coefficient", "steerCoefficient"), Map.entry("steer-positions", "steerPositions"));

    @Override
    public String name() {
        return "perturb";
    }

    @Override
    public String summary() {
        return "weight-noise or interpolation sweep: how far the weights move before a behaviour on held-out A/B prompts goes";
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
                                         [--probe-site SITE [--probe-label answer] [--probe-method mass-mean]]
                                         [--vector VECTOR_ID [--steer-coefficient 1] [--steer-positions all|last]]
                       mechanist perturb --store DIR --held-out CAPTURE --interpolate-to CHECKPOINT
                                         [--ts 0,0.125,...,1] [--tensors ...] [--label ...] ... [--json]

                Loads the model (default: the checkpoint the held-out capture records) once per noise scale and seed
                with Gaussian noise added to the selected weight tensors, scale x each tensor's own RMS (the files
                are not changed), and reads each held-out prompt's answer. Prints per scale the mean P(correct
                answer) over the two answers, the share answered correctly and the mean logit difference, each with
                a 95% interval over prompts and seeds (both random: a crossed design), and the scale at which the
                behaviour (accuracy above chance) falls to half, with a bootstrap interval ("beyond" when it does not
                within the swept scales). The result is stored as analysis io.mechanist.perturbation.noiseSweep,
                per-prompt arrays included.
                --probe-site adds the accuracy of a probe (at the site, each prompt's last token) trained on the
                unperturbed model and read on each perturbed forward (grouped 5-fold: each prompt by the probe of the
                other folds); --vector (a stored vector id) adds the steering effect under each perturbation: P(correct
                answer) with the vector added minus without, each with its interval.
                With --interpolate-to, the selected tensors are moved towards another checkpoint of the same
                architecture, (1 - t) * model + t * other, for each t instead (t = 1 is the other checkpoint; no
                seeds, intervals over prompts), and the t at which the behaviour falls to half is printed; stored as
                analysis io.mechanist.perturbation.interpolationSweep.
                Examples: mechanist perturb --store st --held-out demo-test --scales 0,0.25,0.5,1,2 --seeds 3
                          mechanist perturb --store st --held-out demo-test --interpolate-to flipped --ts 0,0.25,0.5,0.75,1""";
    }

    @Override
    public Set<String> valueOptions() {
        Set<String> options = new java.util.HashSet<>(PARAMETERS.keySet());
        options.addAll(Set.of("store", "held-out", "token-a", "token-b", "vector"));
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
        boolean interpolate = line.option("interpolate-to", null) != null;
        for (String option : interpolate ? NOISE_ONLY : INTERPOLATION_ONLY) {
            if (line.option(option, null) != null) {
                throw new UsageException("--" + option + (interpolate ? " belongs to the noise sweep, not to --interpolate-to"
                        : " needs --interpolate-to CHECKPOINT"));
            }
        }
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
            Map<String, String> inputs = new LinkedHashMap<>();
            inputs.put("heldOut", heldOut);
            if (line.option("vector", null) != null) {
                inputs.put("vector", line.option("vector", null));
            }
            String resultId = new AnalysisRunner(store, AnalysisRegistry.fromPlatform()).run(
                    new AnalysisRequest(interpolate ? INTERPOLATION : ANALYSIS, parameters, inputs), new CliProgressMonitor(context));
            print(context, new StoredResults(store).result(resultId));
        }
        return 0;
    }

    private static void print(CliContext context, StoredResult result) {
        AnalysisOutput.Table summary = result.table("summary");
        AnalysisOutput.Table half = result.table("halfEffect");
        String axis = summary.columns().get(0).name(); // scale, or t for an interpolation
        boolean interpolation = axis.equals("t");
        if (context.json()) {
            JsonObject json = new JsonObject();
            json.addProperty("result", result.id());
            json.addProperty("tensors", result.notes().get("tensors"));
            if (interpolation) {
                json.addProperty("model", result.notes().get("model"));
                json.addProperty("other", result.notes().get("other"));
            }
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
        if (interpolation) {
            out.printf("Interpolation sweep of %s from %s to %s; result %s%n", result.notes().get("tensors"),
                    result.notes().get("model"), result.notes().get("other"), result.id());
        } else {
            out.printf("Weight-noise sweep on %s; result %s%n", result.notes().get("tensors"), result.id());
        }
        boolean probe = summary.columns().stream().anyMatch(c -> c.name().equals("probeAccuracy"));
        boolean steer = summary.columns().stream().anyMatch(c -> c.name().equals("steerEffect"));
        out.printf("%-8s %-24s %-24s %-24s%s%s%n", axis, "P(correct) [95%]", "accuracy [95%]", "logit diff [95%]",
                probe ? String.format(" %-24s", "probe accuracy [95%]") : "",
                steer ? String.format(" %-24s", "steering effect [95%]") : "");
        for (int r = 0; r < summary.rowCount(); r++) {
            out.printf("%-8s %-24s %-24s %-24s%s%s%n", number(summary, axis, r),
                    interval(summary, "meanP", "pLow", "pHigh", r), interval(summary, "accuracy", "accuracyLow", "accuracyHigh", r),
                    interval(summary, "meanLogitDiff", "logitDiffLow", "logitDiffHigh", r),
                    probe ? " " + String.format("%-24s", interval(summary, "probeAccuracy", "probeLow", "probeHigh", r)) : "",
                    steer ? " " + interval(summary, "steerEffect", "steerLow", "steerHigh", r) : "");
        }
        if (probe) {
            out.println("Probe: " + result.notes().get("probe"));
        }
        if (steer) {
            out.println("Steering: " + result.notes().get("steering"));
        }
        double scale = half.column(axis).numbers()[0];
        String name = interpolation ? "Half-effect t" : "Half-effect scale";
        if (Double.isNaN(scale)) {
            out.printf("%s: none (unperturbed accuracy %.3f is within 0.05 of chance)%n", name,
                    0.5 + half.column("baselineEffect").numbers()[0]);
        } else {
            out.printf("%s (accuracy falls halfway to chance): %s [%s, %s]%s%n", name, scaleText(scale),
                    scaleText(half.column("low").numbers()[0]), scaleText(half.column("high").numbers()[0]),
                    interpolation ? " (bootstrap over prompts)" : " x RMS (bootstrap over seeds and prompts)");
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
