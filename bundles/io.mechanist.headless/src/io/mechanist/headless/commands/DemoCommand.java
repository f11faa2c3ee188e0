package io.mechanist.headless.commands;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.eclipse.core.runtime.NullProgressMonitor;

import com.google.gson.GsonBuilder;
import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

import io.mechanist.capture.EmbeddedDemo;
import io.mechanist.headless.Cli;
import io.mechanist.headless.CliContext;
import io.mechanist.headless.Command;
import io.mechanist.headless.CommandLine;
import io.mechanist.headless.UsageException;

/**
 * {@code mechanist demo}: the whole pipeline on the embedded default, as a researcher would run it: capture the
 * demo model, probe by position, sweep a steering vector with its random control, render heatmaps, and write a
 * report folder. Each step is the same verb a user runs by hand, so the report is reproducible verb by verb.
 */
public final class DemoCommand implements Command {

    @Override
    public String name() {
        return "demo";
    }

    @Override
    public String summary() {
        return "the whole pipeline on the embedded demo model: capture, probes, steering, heatmaps, a report";
    }

    @Override
    public String usage() {
        return """
                Usage: mechanist demo [--out DIR] [--json]

                Runs Mechanist on its embedded demo model (a 4-layer GPT-2 trained on A/B questions with a short
                reasoning trace, see docs/demo-model.md) and writes a report folder DIR (default
                ./mechanist-demo-report, which must not exist yet):
                  store/                   the activation store: the demo model captured on the held-out
                                           prompts and on the contrast pairs (every layer's resid_post and
                                           attention pattern, every position)
                  probes/                  probe accuracy by layer and position aligned on the answer marker
                                           (probe-accuracy.csv, probe-accuracy.png), with CIs and the control task
                  steering-sweep.csv/.png  P(A) vs multiplier per layer for the contrast-pair vector and for a
                                           random vector of the same norm
                  heatmap-*.png/.csv       residual norms, a middle layer's neurons and the last layer's
                                           attention for the first held-out prompt
                  summary.json, summary.md the numbers below
                Each step is also a verb (capture, probe, steer, heatmap): summary.md lists the commands.""";
    }

    @Override
    public Set<String> valueOptions() {
        return Set.of("out");
    }

    @Override
    public int run(CommandLine line, CliContext context) throws Exception {
        line.atMostPositional(0);
        Path out = Path.of(line.option("out", "mechanist-demo-report")).toAbsolutePath();
        if (Files.exists(out)) {
            throw new UsageException("demo: " + out + " exists already; pass --out with a new folder");
        }
        Files.createDirectories(out);
        Path store = out.resolve("store");
        long started = System.nanoTime();

        context.info("demo: capturing the demo model into " + store);
        EmbeddedDemo.createStore(store, new NullProgressMonitor());
        String model = EmbeddedDemo.modelFolder().toString();

        context.info("demo: probes by position, aligned on the answer marker ':'");
        JsonObject probes = verb(context, new ProbeCommand(), "probe", "--store", store.toString(), "--capture",
                EmbeddedDemo.TEST_CAPTURE, "--label", "answer", "--alignment", "anchor", "--anchor", ":",
                "--before", "12", "--after", "0", "--out", out.resolve("probes").toString());

        context.info("demo: steering sweep (contrast-pair vector and a random control of the same norm)");
        Path sweepCsv = out.resolve("steering-sweep.csv");
        JsonObject steering = verb(context, new SteerCommand(), "steer", "--store", store.toString(), "--model",
                model, "--held-out", EmbeddedDemo.TEST_CAPTURE, "--contrast", EmbeddedDemo.PAIRS_CAPTURE,
                "--target", "fixed:A", "--pair-label", "answer", "--pair-positive", "A", "--multipliers",
                "-3,-2,-1,-0.5,0,0.5,1,2,3", "--out", sweepCsv.toString());
        SweepChartImage.write(steering.getAsJsonArray("rows"), "Demo model: steering toward answer A",
                out.resolve("steering-sweep.png"));

        context.info("demo: heatmaps of the first held-out prompt");
        JsonArray heatmaps = new JsonArray();
        for (List<String> kind : List.of(List.of("norm", "--kind", "norm"),
                List.of("neurons-layer2", "--kind", "neurons", "--layer", "2", "--top", "64"),
                List.of("attention-layer3-head0", "--kind", "attention", "--layer", "3", "--head", "0"))) {
            String[] args = new String[] { "--store", store.toString(), "--capture", EmbeddedDemo.TEST_CAPTURE,
                    "--prompt", "0", "--out", out.resolve("heatmap-" + kind.get(0) + ".png").toString(), "--csv",
                    out.resolve("heatmap-" + kind.get(0) + ".csv").toString() };
            String[] all = concat(args, kind.subList(1, kind.size()).toArray(String[]::new));
            heatmaps.add(verb(context, new HeatmapCommand(), "heatmap", all));
        }

        JsonObject summary = summarize(probes, steering, heatmaps, out,
                (System.nanoTime() - started) / 1e9);
        Files.writeString(out.resolve("summary.json"), new GsonBuilder().setPrettyPrinting()
                .serializeSpecialFloatingPointValues().create().toJson(summary));
        String text = markdown(summary, store, model);
        Files.writeString(out.resolve("summary.md"), text);
        if (context.json()) {
            context.printJson(summary);
        } else {
            context.out().print(text);
        }
        return Cli.OK;
    }

    /** Runs a verb with --json into a buffer and hands back its JSON; its failures are the demo's. */
    private static JsonObject verb(CliContext context, Command command, String name, String... args)
            throws Exception {
        ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        CliContext quiet = new CliContext(new PrintStream(buffer, true, StandardCharsets.UTF_8), context.err(), true);
        CommandLine line = CommandLine.parse(name, List.of(concat(args, new String[] { "--json" })),
                command.valueOptions(), union(command.flagOptions(), Set.of("json")));
        int code = command.run(line, quiet);
        if (code != Cli.OK) {
            throw new IllegalStateException("the " + name + " step failed with exit code " + code);
        }
        JsonElement json = JsonParser.parseString(buffer.toString(StandardCharsets.UTF_8));
        return json.getAsJsonObject();
    }

    private static JsonObject summarize(JsonObject probes, JsonObject steering, JsonArray heatmaps, Path out,
            double seconds) {
        JsonObject summary = new JsonObject();
        summary.addProperty("report", out.toString());
        summary.addProperty("seconds", Math.round(seconds * 10) / 10.0);
        summary.addProperty("prompts", probes.get("prompts").getAsInt());
        JsonObject bestProbe = null;
        for (JsonElement e : probes.getAsJsonArray("best")) {
            JsonObject cell = e.getAsJsonObject();
            if (bestProbe == null || cell.get("accuracy").getAsDouble() > bestProbe.get("accuracy").getAsDouble()) {
                bestProbe = cell;
            }
        }
        summary.add("bestProbe", bestProbe);
        summary.addProperty("probeCsv", probes.get("csv").getAsString());
        JsonObject effect = new JsonObject();
        for (String kind : List.of("steering", "control")) {
            JsonObject byLayer = new JsonObject();
            for (JsonElement e : steering.getAsJsonArray("rows")) {
                JsonObject row = e.getAsJsonObject();
                if (!row.get("vector").getAsString().equals(kind)) {
                    continue;
                }
                String layer = "layer " + row.get("layer").getAsInt();
                JsonObject range = byLayer.has(layer) ? byLayer.getAsJsonObject(layer) : new JsonObject();
                double p = row.get("meanP").getAsDouble();
                range.addProperty("minP", Math.min(p, range.has("minP") ? range.get("minP").getAsDouble() : 1));
                range.addProperty("maxP", Math.max(p, range.has("maxP") ? range.get("maxP").getAsDouble() : 0));
                byLayer.add(layer, range);
            }
            effect.add(kind, byLayer);
        }
        summary.add("steeringMeanPRange", effect);
        summary.add("causal", steering.get("causal"));
        summary.add("heatmaps", heatmaps);
        return summary;
    }

    private static String markdown(JsonObject summary, Path store, String model) {
        StringBuilder text = new StringBuilder("# Mechanist demo report\n\n");
        text.append(String.format(Locale.ROOT, "%d held-out prompts, %.1f s.%n%n",
                summary.get("prompts").getAsInt(), summary.get("seconds").getAsDouble()));
        JsonObject p = summary.getAsJsonObject("bestProbe");
        text.append(String.format(Locale.ROOT,
                "Best probe: %s at %s, position %s ('%s'): accuracy %.1f%% [95%% CI %.1f, %.1f], n = %d, "
                        + "control %.1f%%, selectivity %.1f points (%s).%n%n",
                p.get("layer").getAsString(), "the answer marker", p.get("position").getAsString(),
                p.get("token").getAsString(), 100 * p.get("accuracy").getAsDouble(),
                100 * p.get("ciLow").getAsDouble(), 100 * p.get("ciHigh").getAsDouble(), p.get("n").getAsInt(),
                100 * p.get("control").getAsDouble(), 100 * p.get("selectivity").getAsDouble(),
                p.get("method").getAsString()));
        text.append("Steering toward A: mean P(A) over the multipliers (softmax over the two answer tokens)\n\n");
        text.append("| layer | steering vector | random control |\n|---|---|---|\n");
        JsonObject steering = summary.getAsJsonObject("steeringMeanPRange").getAsJsonObject("steering");
        JsonObject control = summary.getAsJsonObject("steeringMeanPRange").getAsJsonObject("control");
        for (String layer : steering.keySet()) {
            JsonObject s = steering.getAsJsonObject(layer);
            JsonObject c = control.has(layer) ? control.getAsJsonObject(layer) : null;
            text.append(String.format(Locale.ROOT, "| %s | %.3f .. %.3f | %s |%n", layer,
                    s.get("minP").getAsDouble(), s.get("maxP").getAsDouble(), c == null ? "-"
                            : String.format(Locale.ROOT, "%.3f .. %.3f", c.get("minP").getAsDouble(),
                                    c.get("maxP").getAsDouble())));
        }
        text.append("\nThe same steps by hand:\n\n```\n");
        text.append("./mechanist probe --store ").append(store)
                .append(" --capture demo-test --label answer --alignment anchor --anchor : --before 12 --after 0"
                        + " --out probes\n");
        text.append("./mechanist steer --store ").append(store).append(" --model ").append(model)
                .append(" --held-out demo-test --contrast demo-pairs --target fixed:A --pair-label answer"
                        + " --pair-positive A\n");
        text.append("./mechanist heatmap --store ").append(store)
                .append(" --capture demo-test --prompt 0 --out heatmap.png\n```\n");
        return text.toString();
    }

    private static String[] concat(String[] a, String[] b) {
        String[] all = new String[a.length + b.length];
        System.arraycopy(a, 0, all, 0, a.length);
        System.arraycopy(b, 0, all, a.length, b.length);
        return all;
    }

    private static Set<String> union(Set<String> a, Set<String> b) {
        java.util.HashSet<String> all = new java.util.HashSet<>(a);
        all.addAll(b);
        return all;
    }
}
