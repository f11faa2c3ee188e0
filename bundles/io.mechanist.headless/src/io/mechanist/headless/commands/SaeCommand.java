package io.mechanist.headless.commands;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;

import io.mechanist.core.activations.ActivationSet;
import io.mechanist.core.analysis.AnalysisOutput;
import io.mechanist.core.analysis.AnalysisRegistry;
import io.mechanist.core.analysis.AnalysisRequest;
import io.mechanist.core.hooks.HookSite;
import io.mechanist.headless.CliContext;
import io.mechanist.headless.Command;
import io.mechanist.headless.CommandLine;
import io.mechanist.headless.UsageException;
import io.mechanist.saes.CaptureRows;
import io.mechanist.saes.SaeFolder;
import io.mechanist.saes.SaeLibrary;
import io.mechanist.saes.TopKTrainer;
import io.mechanist.saes.analysis.SaeFeaturesAnalysis;
import io.mechanist.saes.analysis.SaeFitAnalysis;
import io.mechanist.saes.features.FeatureDashboards;
import io.mechanist.saes.features.NeuronpediaExport;
import io.mechanist.saes.features.Unembedding;
import io.mechanist.saes.fit.FitCheck;
import io.mechanist.store.ActivationStore;
import io.mechanist.store.AnalysisRunner;
import io.mechanist.store.StoredResults;

/** {@code mechanist sae fit|train|features|add|list}: sparse autoencoders in SAELens's folder format. */
public final class SaeCommand implements Command {

    @Override
    public String name() {
        return "sae";
    }

    @Override
    public String summary() {
        return "sparse autoencoders: check an SAE fits, train one, list features, export to Neuronpedia";
    }

    @Override
    public String usage() {
        return """
                Usage: mechanist sae fit --store DIR --capture ID --sae SAE [--site SITE] [--max-prompts N]
                                         [--splice-prompts N] [--model DIR] [--json]
                       mechanist sae train --store DIR --capture ID --site SITE --out DIR [--d-sae 256] [--k 8]
                                           [--epochs 60] [--batch 128] [--lr 0.002] [--seed 1] [--add ID] [--json]
                       mechanist sae features --store DIR --capture ID --sae SAE [--top N] [--steer-feature F]
                                              [--neuronpedia DIR --features 0,1,2 --model-id ID --source-set NAME]
                       mechanist sae add --store DIR --sae FOLDER --id ID
                       mechanist sae list --store DIR

                SAE is an SAELens folder (cfg.json, sae_weights.safetensors, optional sparsity.safetensors) or the id
                of an SAE added to the store. Pickle files (.pt, .bin, .pkl) are never loaded. See docs/saes.md.

                fit       Does the SAE fit the capture's model? Reconstruction MSE, fraction of variance explained,
                          mean L0, dead and dense features, the SAE at the capture's other layers of its hook point,
                          the recorded densities, and the next-token loss and KL with the reconstruction spliced
                          in (--splice-prompts prompts, 0: none; --model defaults to the capture's). Prints a verdict
                          (fits, doubtful, does not fit) with its reasons; the result is stored (io.mechanist.saes.fit).
                train     Trains a TopK SAE in Java on the capture's rows at SITE (deterministic for a seed) and
                          writes an SAELens folder to --out; --add ID also copies it into the store.
                features  Per feature: density, top activation, top example, top and bottom logit effects (stored
                          as io.mechanist.saes.features). --steer-feature F stores feature F's decoder direction as a
                          vector for 'mechanist steer --vector ID'. --neuronpedia DIR writes the chosen --features in
                          Neuronpedia's export layout (features/ and activations/ batch-N.jsonl.gz).
                add       Copies an SAE folder into the store as --id ID (files in <store>/saes/ID, recorded with
                          their hashes in store.xmi); --for-model M records the store's model it belongs to.
                list      The store's SAEs.

                Example: mechanist sae fit --store demo-store --capture demo-test --sae demo-gpt2-res2""";
    }

    @Override
    public Set<String> valueOptions() {
        return Set.of("store", "capture", "sae", "site", "max-prompts", "splice-prompts", "model", "out", "d-sae", "k",
                "epochs", "batch", "lr", "seed", "add", "top", "steer-feature", "neuronpedia", "features", "model-id",
                "source-set", "id", "for-model");
    }

    @Override
    public int run(CommandLine line, CliContext context) throws Exception {
        List<String> positional = line.positional();
        if (positional.size() != 1) {
            throw new UsageException("sae: name one action: fit, train, features, add or list");
        }
        Path store = Path.of(line.required("store"));
        return switch (positional.get(0)) {
            case "fit" -> fit(line, context, store);
            case "train" -> train(line, context, store);
            case "features" -> features(line, context, store);
            case "add" -> add(line, context, store);
            case "list" -> list(context, store);
            default -> throw new UsageException("sae: unknown action '" + positional.get(0)
                    + "'; use fit, train, features, add or list");
        };
    }

    private static int fit(CommandLine line, CliContext context, Path storeFolder) throws Exception {
        Path sae = SaeLibrary.resolve(storeFolder, line.required("sae"));
        Map<String, String> parameters = new LinkedHashMap<>();
        parameters.put("sae", sae.toString());
        copy(line, parameters, "site", "site");
        copy(line, parameters, "max-prompts", "maxPrompts");
        copy(line, parameters, "splice-prompts", "splicePrompts");
        copy(line, parameters, "model", "model");
        try (ActivationStore store = ActivationStore.open(storeFolder)) {
            AnalysisRegistry registry = AnalysisRegistry.fromPlatform();
            SaeFitAnalysis analysis = new SaeFitAnalysis();
            String resultId = new AnalysisRunner(store, registry).run(registry.get(SaeFitAnalysis.ID), analysis,
                    new AnalysisRequest(SaeFitAnalysis.ID, parameters, Map.of("activations", line.required("capture"))),
                    new CliProgressMonitor(context));
            FitCheck.Report report = analysis.lastReport();
            Map<String, Double> metrics = report.metrics(FitCheck.Thresholds.defaults());
            if (context.json()) {
                JsonObject json = new JsonObject();
                json.addProperty("resultId", resultId);
                json.addProperty("verdict", report.verdict());
                json.addProperty("site", report.site().id());
                JsonObject values = new JsonObject();
                metrics.forEach(values::addProperty);
                json.add("metrics", values);
                JsonArray layers = new JsonArray();
                for (FitCheck.LayerFit layer : report.layers()) {
                    JsonObject o = new JsonObject();
                    o.addProperty("site", layer.site().id());
                    o.addProperty("fractionVarianceExplained", layer.explainedVariance());
                    layers.add(o);
                }
                json.add("layers", layers);
                JsonArray findings = new JsonArray();
                for (FitCheck.Finding f : report.findings()) {
                    JsonObject o = new JsonObject();
                    o.addProperty("severity", f.severity().name().toLowerCase(Locale.ROOT));
                    o.addProperty("finding", f.text());
                    findings.add(o);
                }
                json.add("findings", findings);
                context.printJson(json);
            } else {
                context.out().printf("SAE %s at %s: %s (result %s)%n", sae, report.site().id(), report.verdict(),
                        resultId);
                metrics.forEach((k, v) -> context.out().printf(Locale.ROOT, "  %-26s %.5g%n", k, v));
                for (FitCheck.LayerFit layer : report.layers()) {
                    context.out().printf(Locale.ROOT, "  at %-24s explained variance %.4f%n", layer.site().id(),
                            layer.explainedVariance());
                }
                for (FitCheck.Finding f : report.findings()) {
                    context.out().println("  " + f.severity().name().toLowerCase(Locale.ROOT) + ": " + f.text());
                }
            }
        }
        return 0;
    }

    private static int train(CommandLine line, CliContext context, Path storeFolder) throws Exception {
        HookSite site;
        try {
            site = HookSite.parse(line.required("site"));
        } catch (IllegalArgumentException e) {
            throw new UsageException("sae train: --site: " + e.getMessage());
        }
        TopKTrainer.Options d = TopKTrainer.Options.defaults();
        TopKTrainer.Options options;
        try {
            options = new TopKTrainer.Options(line.integer("d-sae", d.dSae(), 1), line.integer("k", d.k(), 1),
                    line.integer("epochs", d.epochs(), 1), line.integer("batch", d.batchSize(), 1),
                    line.number("lr", d.learningRate()), line.integer("seed", (int) d.seed()));
        } catch (IllegalArgumentException e) {
            throw new UsageException("sae train: " + e.getMessage());
        }
        Path out = Path.of(line.required("out"));
        try (ActivationStore store = ActivationStore.open(storeFolder);
                ActivationSet capture = store.openCapture(line.required("capture"))) {
            CaptureRows rows = CaptureRows.read(capture, site.id(), Integer.MAX_VALUE);
            String model;
            try {
                model = capture.modelFolder().map(p -> p.getFileName().toString()).orElse("");
            } catch (IllegalArgumentException notAFolder) {
                model = uriModelName(store, line.required("capture")); // a Spark capture's Hadoop URI
            }
            context.info("training a TopK SAE (d_sae " + options.dSae() + ", k " + options.k() + ") on " + rows.rows()
                    + " rows of " + site.id());
            TopKTrainer.Result result = TopKTrainer.train(rows.values(), rows.width(), site, model, options, null);
            JsonObject record = new JsonObject();
            record.addProperty("fraction_variance_explained", result.stats().explainedVariance());
            record.addProperty("mean_l0", result.stats().meanL0());
            record.addProperty("dead_fraction", result.stats().deadFraction());
            record.addProperty("capture", capture.id());
            record.addProperty("rows", rows.rows());
            record.addProperty("steps", result.steps());
            record.addProperty("seed", options.seed());
            record.addProperty("epochs", options.epochs());
            record.addProperty("batch_size", options.batchSize());
            record.addProperty("learning_rate", options.learningRate());
            SaeFolder.write(out, result.sae(), result.logDensity(), record);
            String added = line.option("add", null);
            if (added != null) {
                new SaeLibrary(store).add(out, added, null);
            }
            if (context.json()) {
                record.addProperty("out", out.toString());
                if (added != null) {
                    record.addProperty("storedAs", added);
                }
                context.printJson(record);
            } else {
                context.out().printf(Locale.ROOT, "Wrote %s: explained variance %.4f, mean L0 %.2f, dead %.3f on the "
                        + "%d training rows (%d steps)%s%n", out, result.stats().explainedVariance(),
                        result.stats().meanL0(), result.stats().deadFraction(), rows.rows(), result.steps(),
                        added == null ? "" : "; stored as " + added);
            }
        }
        return 0;
    }

    private static int features(CommandLine line, CliContext context, Path storeFolder) throws Exception {
        Path sae = SaeLibrary.resolve(storeFolder, line.required("sae"));
        Map<String, String> parameters = new LinkedHashMap<>();
        parameters.put("sae", sae.toString());
        copy(line, parameters, "top", "topExamples");
        copy(line, parameters, "steer-feature", "steerFeature");
        copy(line, parameters, "site", "site");
        copy(line, parameters, "model", "model");
        String capture = line.required("capture");
        try (ActivationStore store = ActivationStore.open(storeFolder)) {
            AnalysisRegistry registry = AnalysisRegistry.fromPlatform();
            String resultId = new AnalysisRunner(store, registry).run(new AnalysisRequest(SaeFeaturesAnalysis.ID,
                    parameters, Map.of("activations", capture)), new CliProgressMonitor(context));
            JsonObject json = store.read(s -> RunCommand.describe(s.getResults().stream()
                    .filter(r -> r.getId().equals(resultId)).findFirst().orElseThrow()));
            String exportTo = line.option("neuronpedia", null);
            if (exportTo != null) {
                Path source = neuronpedia(line, store, capture, sae, Path.of(exportTo));
                json.addProperty("neuronpedia", source.toString());
            }
            if (context.json()) {
                context.printJson(json);
            } else {
                printFeatures(store, resultId, context);
                if (json.has("neuronpedia")) {
                    context.out().println("Neuronpedia export: " + json.get("neuronpedia").getAsString());
                }
            }
        }
        return 0;
    }

    /** The ten densest features of a stored features result. */
    private static void printFeatures(ActivationStore store, String resultId, CliContext context) {
        AnalysisOutput.Table table = new StoredResults(store).result(resultId).table("features");
        double[] density = table.column("density").numbers();
        Integer[] order = new Integer[density.length];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        java.util.Arrays.sort(order, (a, b) -> Double.compare(density[b], density[a]));
        context.out().printf("Result %s: %d features; the densest:%n", resultId, density.length);
        for (int i = 0; i < Math.min(10, order.length); i++) {
            int f = order[i];
            context.out().printf(Locale.ROOT, "  feature %-5d density %.3f  max %.3f  %s  | logits %s%n", f, density[f],
                    table.column("maxActivation").numbers()[f], table.column("topExample").texts()[f],
                    table.column("topLogits").texts()[f]);
        }
    }

    /**
     * The SAE's model name (a label) for a capture whose checkpoint the store records as a URI
     * ({@code hdfs://nn/models/gemma-2-2b}): its last path segment, as a local folder's name would be.
     */
    static String uriModelName(ActivationStore store, String captureId) {
        String recorded = store.read(s -> s.getCaptures().stream().filter(c -> c.getId().equals(captureId))
                .findFirst().map(c -> c.getModel() == null ? null : c.getModel().getFolder()).orElse(null));
        if (recorded == null) {
            return "";
        }
        String path = recorded.replaceAll("/+$", "");
        return path.substring(path.lastIndexOf('/') + 1);
    }

    private static Path neuronpedia(CommandLine line, ActivationStore store, String captureId, Path saeFolder,
            Path out) throws Exception {
        List<Integer> chosen = line.integers("features", null);
        if (chosen == null || chosen.isEmpty()) {
            throw new UsageException("sae features: --neuronpedia needs --features, e.g. --features 0,5,17");
        }
        SaeFolder folder = SaeFolder.load(saeFolder);
        try (ActivationSet capture = store.openCapture(captureId)) {
            Path model = line.option("model", null) != null ? Path.of(line.option("model", null))
                    : capture.modelFolder().orElseThrow(() -> new UsageException("sae features: capture " + captureId
                            + " records no model; give --model for the logit effects"));
            FeatureDashboards dashboards = new FeatureDashboards(folder.sae(), capture,
                    folder.sae().config().site().id(), Integer.MAX_VALUE, line.integer("top", 10, 1), 20,
                    Unembedding.read(model));
            int[] features = chosen.stream().mapToInt(Integer::intValue).toArray();
            for (int f : features) {
                if (f < 0 || f >= folder.sae().dSae()) {
                    throw new UsageException("sae features: feature " + f + " is not in 0.." + (folder.sae().dSae() - 1));
                }
            }
            String modelId = line.option("model-id", model.getFileName().toString());
            String sourceSet = line.option("source-set", "mechanist-" + folder.sae().config().architecture()
                    .configName() + "-" + folder.sae().dSae());
            return NeuronpediaExport.write(out, modelId, folder.sae().config().site().layer(), sourceSet,
                    folder.sae().config().hookName(), "mechanist", dashboards.neuronpedia(features, 10, 20));
        }
    }

    private static int add(CommandLine line, CliContext context, Path storeFolder) throws Exception {
        try (ActivationStore store = ActivationStore.open(storeFolder)) {
            SaeLibrary.Entry entry;
            try {
                entry = new SaeLibrary(store).add(Path.of(line.required("sae")), line.required("id"),
                        line.option("for-model", null));
            } catch (IllegalArgumentException e) {
                throw new UsageException("sae add: " + e.getMessage());
            }
            context.out().printf("Added SAE %s (%s, %s, d_sae %d) to %s%n", entry.id(), entry.site(),
                    entry.architecture(), entry.dSae(), store.folder().resolve(SaeLibrary.FOLDER).resolve(entry.id()));
        }
        return 0;
    }

    private static int list(CliContext context, Path storeFolder) throws Exception {
        List<SaeLibrary.Entry> entries;
        try (ActivationStore store = ActivationStore.openReadOnly(storeFolder)) {
            entries = new SaeLibrary(store).list();
        }
        if (context.json()) {
            JsonArray array = new JsonArray();
            for (SaeLibrary.Entry e : entries) {
                JsonObject o = new JsonObject();
                o.addProperty("id", e.id());
                o.addProperty("site", e.site());
                o.addProperty("hookName", e.hookName());
                o.addProperty("architecture", e.architecture());
                o.addProperty("dSae", e.dSae());
                o.addProperty("modelName", e.modelName());
                o.addProperty("modelId", e.modelId());
                array.add(o);
            }
            context.printJson(array);
        } else if (entries.isEmpty()) {
            context.out().println("No SAEs in " + storeFolder + " (add one with: mechanist sae add)");
        } else {
            for (SaeLibrary.Entry e : entries) {
                context.out().printf("%-24s %-22s %-9s d_sae %-6d %s%n", e.id(), e.site(), e.architecture(), e.dSae(),
                        e.modelName());
            }
        }
        return 0;
    }

    private static void copy(CommandLine line, Map<String, String> parameters, String option, String parameter) {
        String value = line.option(option, null);
        if (value != null) {
            parameters.put(parameter, value);
        }
    }
}
