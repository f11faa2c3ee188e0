package io.mechanist.headless.commands;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;

import io.mechanist.demo.EmbeddedDemo;
import io.mechanist.probes.ConfidenceIntervals;
import io.mechanist.probes.Interval;

/**
 * Collects the demo's step results (the verbs' JSON) into summary.json, summary.md and the short text printed at the
 * end: n, the model's answer accuracy, the best probe cell with its interval and control, and the steering range of
 * the best layer next to its random control's range.
 */
final class DemoReport {

    static final String SUMMARY_JSON = "summary.json";
    static final String SUMMARY_MD = "summary.md";
    static final String SWEEP_CSV = "steering-sweep.csv";
    static final String SWEEP_PNG = "steering-sweep.png";

    private final Path out;
    private final Path store;
    private final Path model;
    private final DemoDatasets data;
    private final JsonObject seconds = new JsonObject();
    private final JsonArray heatmaps = new JsonArray();
    private JsonObject probes;
    private JsonObject steering;
    private JsonObject modelAccuracy;

    DemoReport(Path out, Path store, Path model, DemoDatasets data) {
        this.out = out;
        this.store = store;
        this.model = model;
        this.data = data;
    }

    void step(String name, long startedNanos) {
        seconds.addProperty(name, round((System.nanoTime() - startedNanos) / 1e9, 10));
    }

    void probes(JsonObject probeVerbJson) {
        probes = probeVerbJson;
    }

    void steering(JsonObject steerVerbJson) {
        steering = steerVerbJson;
    }

    void heatmap(JsonObject heatmapVerbJson) {
        heatmaps.add(heatmapVerbJson);
    }

    /** {@code counts}: {correct, n}, or null when the model's answers could not be read. */
    void modelAccuracy(int[] counts) {
        if (counts == null || counts[1] == 0) {
            return;
        }
        Interval ci = ConfidenceIntervals.wilson(counts[0], counts[1]);
        modelAccuracy = new JsonObject();
        modelAccuracy.addProperty("correct", counts[0]);
        modelAccuracy.addProperty("n", counts[1]);
        modelAccuracy.addProperty("accuracy", (double) counts[0] / counts[1]);
        modelAccuracy.addProperty("ciLow", ci.low());
        modelAccuracy.addProperty("ciHigh", ci.high());
    }

    JsonObject summary(double totalSeconds) {
        JsonObject summary = new JsonObject();
        summary.addProperty("report", out.toString());
        summary.addProperty("store", store.toString());
        summary.addProperty("model", model.toString());
        summary.addProperty("heldOutDataset", data.heldOut().toString());
        summary.addProperty("contrastDataset", data.contrastPairs().toString());
        summary.addProperty("prompts", probes.get("prompts").getAsInt());
        summary.addProperty("contrastPairs", data.pairs());
        summary.addProperty("seconds", round(totalSeconds, 10));
        summary.add("stepSeconds", seconds);
        if (modelAccuracy != null) {
            summary.add("modelAccuracy", modelAccuracy);
        }
        JsonObject best = null;
        for (JsonElement e : probes.getAsJsonArray("best")) {
            JsonObject cell = e.getAsJsonObject();
            if (best == null || cell.get("accuracy").getAsDouble() > best.get("accuracy").getAsDouble()) {
                best = cell;
            }
        }
        summary.add("bestProbe", best);
        summary.add("probesByMethod", probes.getAsJsonArray("best"));
        summary.add("probeHeadlines", probes.getAsJsonArray("headlines"));
        summary.addProperty("probeInterval", probes.get("interval").getAsString());
        summary.addProperty("probeFoldSeeds", probes.get("foldSeeds").getAsString());
        summary.addProperty("probeControlPermutations", probes.get("controlPermutations").getAsInt());
        summary.add("steering", steeringSummary());
        summary.add("causal", steering.get("causal"));
        summary.addProperty("steeringResult", steering.get("result").getAsString());
        summary.add("heatmaps", heatmaps);
        JsonObject files = new JsonObject();
        files.addProperty("probeCsv", probes.get("csv").getAsString());
        files.addProperty("probePng", probes.get("png").getAsString());
        files.addProperty("sweepCsv", out.resolve(SWEEP_CSV).toString());
        files.addProperty("sweepPng", out.resolve(SWEEP_PNG).toString());
        files.addProperty("summaryMd", out.resolve(SUMMARY_MD).toString());
        summary.add("files", files);
        return summary;
    }

    /**
     * Range of mean P(A) over the multipliers, per layer, for the steering vector and its random control; the best
     * layer is the one whose steering vector moves P(A) over the widest range.
     */
    private JsonObject steeringSummary() {
        Map<Integer, double[]> vector = new TreeMap<>();
        Map<Integer, double[]> control = new TreeMap<>();
        for (JsonElement e : steering.getAsJsonArray("rows")) {
            JsonObject row = e.getAsJsonObject();
            Map<Integer, double[]> target = row.get("vector").getAsString().equals("control") ? control : vector;
            double[] range = target.computeIfAbsent(row.get("layer").getAsInt(),
                    k -> new double[] { Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY });
            double p = row.get("meanP").getAsDouble();
            range[0] = Math.min(range[0], p);
            range[1] = Math.max(range[1], p);
        }
        JsonObject result = new JsonObject();
        result.addProperty("target", "answer A (P = softmax over the answer tokens A and B)");
        result.addProperty("multipliers", DemoCommand.MULTIPLIERS);
        int bestLayer = -1;
        JsonArray layers = new JsonArray();
        for (Map.Entry<Integer, double[]> entry : vector.entrySet()) {
            double[] range = entry.getValue();
            if (bestLayer < 0 || range[1] - range[0] > width(vector.get(bestLayer))) {
                bestLayer = entry.getKey();
            }
            JsonObject layer = new JsonObject();
            layer.addProperty("layer", entry.getKey());
            layer.add("steering", range(range));
            if (control.containsKey(entry.getKey())) {
                layer.add("control", range(control.get(entry.getKey())));
            }
            layers.add(layer);
        }
        result.add("byLayer", layers);
        if (bestLayer >= 0) {
            JsonObject best = new JsonObject();
            best.addProperty("layer", bestLayer);
            best.add("steering", range(vector.get(bestLayer)));
            if (control.containsKey(bestLayer)) {
                best.add("control", range(control.get(bestLayer)));
            }
            result.add("bestLayer", best);
        }
        return result;
    }

    String text(JsonObject summary) {
        StringBuilder text = new StringBuilder();
        text.append(String.format(Locale.ROOT, "Mechanist demo: %d held-out prompts, %d contrast pairs, %.1f s%n",
                summary.get("prompts").getAsInt(), summary.get("contrastPairs").getAsInt(),
                summary.get("seconds").getAsDouble()));
        if (summary.has("modelAccuracy")) {
            JsonObject a = summary.getAsJsonObject("modelAccuracy");
            text.append(String.format(Locale.ROOT, "  model's answers      %.1f%% correct [95%% CI %.1f, %.1f] (%d/%d)%n",
                    100 * a.get("accuracy").getAsDouble(), 100 * a.get("ciLow").getAsDouble(),
                    100 * a.get("ciHigh").getAsDouble(), a.get("correct").getAsInt(), a.get("n").getAsInt()));
        }
        for (JsonElement e : summary.getAsJsonArray("probeHeadlines")) {
            text.append("  probe headline       ").append(headlineLine(e.getAsJsonObject())).append('\n');
        }
        text.append("  best probe of all    ").append(probeLine(summary.getAsJsonObject("bestProbe")))
                .append(" (optimistic)\n");
        JsonObject best = summary.getAsJsonObject("steering").getAsJsonObject("bestLayer");
        if (best != null) {
            text.append(String.format(Locale.ROOT, "  steering toward A    layer %d: mean P(A) %s over multipliers %s; "
                    + "random control %s%n", best.get("layer").getAsInt(), rangeText(best.getAsJsonObject("steering")),
                    DemoCommand.MULTIPLIERS, best.has("control") ? rangeText(best.getAsJsonObject("control")) : "-"));
        }
        for (JsonElement e : summary.getAsJsonArray("causal")) {
            JsonObject v = e.getAsJsonObject();
            if (v.get("vector").getAsString().equals("steering")) {
                text.append(String.format(Locale.ROOT, "  causal, layer %d     %s%n", v.get("layer").getAsInt(),
                        v.get("reason").getAsString()));
            }
        }
        text.append("Report: ").append(summary.get("report").getAsString())
                .append(" (summary.md, summary.json, probe-accuracy.png, steering-sweep.png, heatmap-*.png)\n");
        return text.toString();
    }

    String markdown(JsonObject summary) {
        StringBuilder md = new StringBuilder("# Mechanist demo report\n\n");
        md.append(String.format(Locale.ROOT, "Demo model `%s`; %d held-out prompts (`%s`), %d contrast pairs (`%s`); "
                + "%.1f s in all.%n%n", model, summary.get("prompts").getAsInt(), data.heldOut(), data.pairs(),
                data.contrastPairs(), summary.get("seconds").getAsDouble()));
        if (summary.has("modelAccuracy")) {
            JsonObject a = summary.getAsJsonObject("modelAccuracy");
            md.append(String.format(Locale.ROOT, "**Model's answers:** %d/%d = %.1f%% correct [95%% CI %.1f, %.1f] "
                    + "(sign of logit(A) - logit(B) after the answer marker).%n%n", a.get("correct").getAsInt(),
                    a.get("n").getAsInt(), 100 * a.get("accuracy").getAsDouble(), 100 * a.get("ciLow").getAsDouble(),
                    100 * a.get("ciHigh").getAsDouble()));
        }
        md.append("## Probes for the answer (A vs B), by position before the answer marker\n\n");
        md.append(String.format(Locale.ROOT, "Selection-aware headline per method: the best cell chosen on half of "
                + "the prompt groups, its accuracy on the other half (95%% interval: %s):%n%n",
                summary.get("probeInterval").getAsString()));
        for (JsonElement e : summary.getAsJsonArray("probeHeadlines")) {
            md.append("- ").append(headlineLine(e.getAsJsonObject())).append('\n');
        }
        md.append(String.format(Locale.ROOT, "%nBest cell of all per method (optimistic: chosen and reported on the same "
                + "prompts; 5-fold split by prompt group, fold seeds %s give the split range; control = the same "
                + "probe on labels permuted within folds, %d permutations; all cells in `probe-accuracy.csv`, chart "
                + "`probe-accuracy.png`):%n%n", summary.get("probeFoldSeeds").getAsString(),
                summary.get("probeControlPermutations").getAsInt()));
        for (JsonElement e : summary.getAsJsonArray("probesByMethod")) {
            md.append("- ").append(probeLine(e.getAsJsonObject())).append('\n');
        }
        md.append("\n## Steering toward A\n\nMean P(A) over the multipliers ").append(DemoCommand.MULTIPLIERS)
                .append(" (x the layer's mean residual norm), vector = mean difference over the contrast pairs at the "
                        + "marker; control = a random vector of the same norm (`steering-sweep.csv`, "
                        + "`steering-sweep.png`):\n\n| layer | steering vector | random control |\n|---|---|---|\n");
        for (JsonElement e : summary.getAsJsonObject("steering").getAsJsonArray("byLayer")) {
            JsonObject layer = e.getAsJsonObject();
            md.append(String.format(Locale.ROOT, "| %d | %s | %s |%n", layer.get("layer").getAsInt(),
                    rangeText(layer.getAsJsonObject("steering")),
                    layer.has("control") ? rangeText(layer.getAsJsonObject("control")) : "-"));
        }
        md.append(String.format(Locale.ROOT, "%nCausal verdict per layer at the largest multiplier (change of mean P(A) "
                + "and net share of answers flipped to A, each with a 95%% interval, against random directions of "
                + "equal norm, Holm-corrected across layers; \"yes\" needs p < 0.05 and a P change of at least 0.05 "
                + "or 5%% net flips at the lower bound):%n%n"));
        for (JsonElement e : summary.getAsJsonArray("causal")) {
            JsonObject v = e.getAsJsonObject();
            md.append(String.format(Locale.ROOT, "- %s, layer %d: %s; %d of %d prompts saturated (|margin| > %.0f)%n",
                    v.get("vector").getAsString().equals("steering") ? "vector" : "random control",
                    v.get("layer").getAsInt(), v.get("reason").getAsString(), v.get("saturated").getAsInt(),
                    v.get("n").getAsInt(), v.get("saturationMargin").getAsDouble()));
        }
        md.append("\n## Heatmaps of held-out prompt 0\n\n");
        for (JsonElement e : summary.getAsJsonArray("heatmaps")) {
            JsonObject h = e.getAsJsonObject();
            md.append("- `").append(Path.of(h.get("png").getAsString()).getFileName()).append("`: ")
                    .append(h.get("title").getAsString()).append('\n');
        }
        md.append("\n## The same steps by hand\n\n```\n");
        for (String[] capture : new String[][] { { data.heldOut().toString(), EmbeddedDemo.TEST_CAPTURE },
                { data.contrastPairs().toString(), EmbeddedDemo.PAIRS_CAPTURE } }) {
            md.append("./mechanist capture --store ").append(store).append(" --model ").append(model)
                    .append(" --dataset ").append(capture[0])
                    .append(" --sites 'blocks.*.resid_post,blocks.*.attn_pattern' --id ").append(capture[1])
                    .append('\n');
        }
        md.append("./mechanist probe --store ").append(store).append(" --capture ").append(EmbeddedDemo.TEST_CAPTURE)
                .append(" --label answer --alignment anchor --anchor : --before ")
                .append(DemoCommand.PROBE_POSITIONS_BEFORE).append(" --after 0 --out ").append(out).append('\n');
        md.append("./mechanist steer --store ").append(store).append(" --model ").append(model).append(" --held-out ")
                .append(EmbeddedDemo.TEST_CAPTURE).append(" --contrast ").append(EmbeddedDemo.PAIRS_CAPTURE)
                .append(" --target fixed:A --pair-label answer --pair-positive A --multipliers ")
                .append(DemoCommand.MULTIPLIERS).append('\n');
        md.append("./mechanist heatmap --store ").append(store).append(" --capture ").append(EmbeddedDemo.TEST_CAPTURE)
                .append(" --prompt 0 --kind norm --out heatmap-norm.png\n```\n");
        return md.toString();
    }

    private static String headlineLine(JsonObject h) {
        return String.format(Locale.ROOT, "%s: %s at position %s ('%s'), chosen among %d cells on %d groups; on the %d "
                + "held-out groups %.1f%% [95%% CI %.1f, %.1f, %s], n = %d", h.get("method").getAsString(),
                h.get("layer").getAsString(), h.get("position").getAsString(), h.get("token").getAsString(),
                h.get("cellsSearched").getAsInt(), h.get("selectionGroups").getAsInt(),
                h.get("heldOutGroups").getAsInt(), 100 * h.get("accuracy").getAsDouble(),
                100 * h.get("ciLow").getAsDouble(), 100 * h.get("ciHigh").getAsDouble(),
                h.get("interval").getAsString(), h.get("n").getAsInt());
    }

    private static String probeLine(JsonObject p) {
        return String.format(Locale.ROOT, "%s at position %s ('%s'), %s: %.1f%% [95%% CI %.1f, %.1f, %s], split range "
                + "%.1f-%.1f%%, n = %d, control %.1f%%, selectivity %.1f points [%.1f, %.1f]",
                p.get("layer").getAsString(), p.get("position").getAsString(), p.get("token").getAsString(),
                p.get("method").getAsString(), 100 * p.get("accuracy").getAsDouble(), 100 * p.get("ciLow").getAsDouble(),
                100 * p.get("ciHigh").getAsDouble(), p.get("interval").getAsString(),
                100 * p.get("splitLow").getAsDouble(), 100 * p.get("splitHigh").getAsDouble(), p.get("n").getAsInt(),
                100 * p.get("control").getAsDouble(), 100 * p.get("selectivity").getAsDouble(),
                100 * p.get("selectivityCiLow").getAsDouble(), 100 * p.get("selectivityCiHigh").getAsDouble());
    }

    private static String rangeText(JsonObject range) {
        return String.format(Locale.ROOT, "%.3f .. %.3f", range.get("minP").getAsDouble(),
                range.get("maxP").getAsDouble());
    }

    private static JsonObject range(double[] minMax) {
        JsonObject range = new JsonObject();
        range.addProperty("minP", minMax[0]);
        range.addProperty("maxP", minMax[1]);
        return range;
    }

    private static double width(double[] minMax) {
        return minMax[1] - minMax[0];
    }

    private static double round(double value, int per) {
        return Math.round(value * per) / (double) per;
    }
}
