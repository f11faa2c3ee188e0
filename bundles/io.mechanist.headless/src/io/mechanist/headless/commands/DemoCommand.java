package io.mechanist.headless.commands;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import org.eclipse.core.runtime.SubMonitor;

import com.google.gson.GsonBuilder;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

import io.mechanist.capture.CaptureJob;
import io.mechanist.capture.Capturer;
import io.mechanist.demo.EmbeddedDemo;
import io.mechanist.core.activations.ActivationSet;
import io.mechanist.core.activations.PromptInfo;
import io.mechanist.headless.Cli;
import io.mechanist.headless.CliContext;
import io.mechanist.headless.Command;
import io.mechanist.headless.CommandLine;
import io.mechanist.headless.UsageException;
import io.mechanist.store.ActivationStore;

/**
 * {@code mechanist demo}: the whole pipeline on the embedded default, as a researcher would run it: capture the
 * demo model, probe by position, sweep a steering vector with its random control, render heatmaps, and write a
 * report folder. Each step runs the same verb a user runs by hand, so the report is reproducible verb by verb.
 */
public final class DemoCommand implements Command {

    static final String MULTIPLIERS = "-3,-2,-1,-0.5,0,0.5,1,2,3";
    /** Aligned positions before the answer marker: the end of the reasoning trace and the template tokens. */
    static final int PROBE_POSITIONS_BEFORE = 8;

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
                Usage: mechanist demo [--out DIR] [--store DIR] [--prompts N] [--json]

                Runs Mechanist on its embedded demo model (a 4-layer GPT-2 trained on A/B questions with a short
                reasoning trace, see docs/demo-model.md) and writes a report folder:
                  --out DIR      the report folder (default ./mechanist-demo-report); must be new or empty
                  --store DIR    the activation store to create (default DIR/store); must be new or empty
                  --prompts N    use only N held-out prompts (balanced A/B) and N/2 contrast pairs, for a quick run
                                 (default: the whole shipped test split, 400 prompts, and 200 pairs)
                The steps:
                  1. capture the demo model on the held-out prompts and the contrast pairs (every layer's
                     resid_post and attention pattern, every position) into the store;
                  2. probes for the answer (A vs B), logistic and mass-mean, with the shuffled-label control, at
                     the answer marker ':' and the 8 positions before it: probe-accuracy.csv, probe-accuracy.png;
                  3. steering sweep toward answer A: a difference-of-means vector from the contrast pairs at
                     every layer, multipliers -3..3 (x the layer's mean residual norm) and a random vector of the
                     same norm: steering-sweep.csv, steering-sweep.png;
                  4. heatmaps of the first held-out prompt (residual norm by layer and position, a middle layer's
                     neurons, the last layer's head-0 attention): heatmap-*.png and heatmap-*.csv;
                  5. summary.json and summary.md (with the verbs that repeat each step by hand), and a short
                     summary on standard output (--json prints summary.json instead).

                Example: mechanist demo --out /tmp/demo --prompts 40""";
    }

    @Override
    public Set<String> valueOptions() {
        return Set.of("out", "store", "prompts");
    }

    @Override
    public int run(CommandLine line, CliContext context) throws Exception {
        line.atMostPositional(0);
        Path out = Path.of(line.option("out", "mechanist-demo-report")).toAbsolutePath();
        Path store = line.option("store", null) == null ? out.resolve("store")
                : Path.of(line.option("store", null)).toAbsolutePath();
        int prompts = line.integer("prompts", 0);
        if (line.option("prompts", null) != null && prompts < 4) {
            throw new UsageException("demo: --prompts must be at least 4 (both answers in every probe fold), not "
                    + prompts);
        }
        requireNewOrEmpty(out, "--out");
        requireNewOrEmpty(store, "--store");

        Path model;
        DemoDatasets data;
        try {
            model = EmbeddedDemo.modelFolder();
            data = DemoDatasets.shipped();
        } catch (IOException e) {
            throw new IOException("demo: the embedded demo (bundle io.mechanist.demo, its models/ and data/ folders) "
                    + "cannot be found: " + e.getMessage(), e);
        }
        if (prompts > data.heldOutPrompts()) {
            throw new UsageException("demo: --prompts " + prompts + " is more than the " + data.heldOutPrompts()
                    + " held-out prompts of the demo dataset");
        }
        Files.createDirectories(out);
        if (prompts > 0 && prompts < data.heldOutPrompts()) {
            data = data.subset(prompts, out.resolve("data"));
        }
        DemoReport report = new DemoReport(out, store, model, data);
        long started = System.nanoTime();

        context.info("demo: capturing the demo model (" + data.heldOutPrompts() + " held-out prompts, "
                + data.pairs() + " contrast pairs) into " + store);
        capture(store, model, data, context);
        report.step("capture", started);

        long step = System.nanoTime();
        context.info("demo: probes for the answer at the answer marker ':' and the " + PROBE_POSITIONS_BEFORE
                + " positions before it");
        report.probes(verb(context, new ProbeCommand(), "probe", "--store", store.toString(), "--capture",
                EmbeddedDemo.TEST_CAPTURE, "--label", "answer", "--alignment", "anchor", "--anchor", ":", "--before",
                String.valueOf(PROBE_POSITIONS_BEFORE), "--after", "0", "--methods", "logistic,mass-mean", "--out",
                out.toString()));
        report.step("probes", step);

        step = System.nanoTime();
        context.info("demo: steering sweep toward A (contrast-pair vector and a random control of the same norm)");
        JsonObject steering = verb(context, new SteerCommand(), "steer", "--store", store.toString(), "--model",
                model.toString(), "--held-out", EmbeddedDemo.TEST_CAPTURE, "--contrast", EmbeddedDemo.PAIRS_CAPTURE,
                "--layers", "all", "--target", "fixed:A", "--pair-label", "answer", "--pair-positive", "A",
                "--multipliers", MULTIPLIERS, "--out", out.resolve(DemoReport.SWEEP_CSV).toString());
        SweepChartImage.write(steering.getAsJsonArray("rows"),
                "Demo model: steering toward answer A, n = " + steering.get("prompts").getAsInt() + " prompts",
                out.resolve(DemoReport.SWEEP_PNG));
        report.steering(steering);
        report.step("steering", step);

        step = System.nanoTime();
        context.info("demo: heatmaps of the first held-out prompt");
        try (ActivationStore opened = ActivationStore.openReadOnly(store);
                ActivationSet capture = opened.openCapture(EmbeddedDemo.TEST_CAPTURE)) {
            report.modelAccuracy(answerAccuracy(opened, capture, steering.get("result").getAsString()));
            for (List<String> heatmap : heatmaps(capture)) {
                List<String> args = new ArrayList<>(List.of("--store", store.toString(), "--capture",
                        EmbeddedDemo.TEST_CAPTURE, "--prompt", "0", "--out",
                        out.resolve("heatmap-" + heatmap.get(0) + ".png").toString(), "--csv",
                        out.resolve("heatmap-" + heatmap.get(0) + ".csv").toString()));
                args.addAll(heatmap.subList(1, heatmap.size()));
                report.heatmap(verb(context, new HeatmapCommand(), "heatmap", args.toArray(String[]::new)));
            }
        }
        report.step("heatmaps", step);

        JsonObject summary = report.summary((System.nanoTime() - started) / 1e9);
        Files.writeString(out.resolve(DemoReport.SUMMARY_JSON), new GsonBuilder().setPrettyPrinting()
                .serializeSpecialFloatingPointValues().create().toJson(summary));
        Files.writeString(out.resolve(DemoReport.SUMMARY_MD), report.markdown(summary));
        if (context.json()) {
            context.printJson(summary);
        } else {
            context.out().print(report.text(summary));
            context.out().flush();
        }
        return Cli.OK;
    }

    private static void requireNewOrEmpty(Path folder, String option) throws IOException, UsageException {
        if (!Files.exists(folder)) {
            return;
        }
        if (!Files.isDirectory(folder)) {
            throw new UsageException("demo: " + option + " " + folder + " is a file, not a folder");
        }
        try (Stream<Path> entries = Files.list(folder)) {
            if (entries.findAny().isPresent()) {
                throw new UsageException("demo: " + option + " " + folder
                        + " exists already and is not empty; remove it or pass " + option + " with a new folder");
            }
        }
    }

    /** Both demo captures: every layer's residual stream and attention pattern at every position. */
    private static void capture(Path store, Path model, DemoDatasets data, CliContext context) throws IOException {
        SubMonitor progress = SubMonitor.convert(new CliProgressMonitor(context), "capture", 2);
        String[] sites = { "blocks.*.resid_post", "blocks.*.attn_pattern" };
        Capturer.capture(CaptureJob.builder(store, model, data.heldOut()).sites(sites)
                .captureId(EmbeddedDemo.TEST_CAPTURE).name("Demo model on held-out prompts").build(),
                progress.split(1));
        Capturer.capture(CaptureJob.builder(store, model, data.contrastPairs()).sites(sites)
                .captureId(EmbeddedDemo.PAIRS_CAPTURE).name("Demo model on contrast pairs").build(),
                progress.split(1));
    }

    /**
     * The model's own answers on the held-out prompts, from the sweep's unsteered logit(A) - logit(B) (stored with
     * the result; target fixed:A makes it A-vs-B for every prompt) against each prompt's answer label.
     */
    private static int[] answerAccuracy(ActivationStore store, ActivationSet capture, String resultId)
            throws IOException {
        float[] baseline = store.readResultArray(resultId, "baselineLogitDiff");
        int correct = 0;
        int n = 0;
        for (PromptInfo prompt : capture.prompts()) {
            if (prompt.pairId() != null) {
                continue; // the sweep evaluates unpaired prompts only
            }
            String expected = prompt.label("answer");
            if (n >= baseline.length || expected == null) {
                return null;
            }
            boolean saysA = baseline[n++] > 0;
            if (saysA == expected.equals("A")) {
                correct++;
            }
        }
        return n == baseline.length ? new int[] { correct, n } : null;
    }

    /** Heatmap names and options: residual norms; a middle layer's neurons; the last layer's head 0 if captured. */
    private static List<List<String>> heatmaps(ActivationSet capture) {
        int layers = (int) capture.siteIds().stream().filter(s -> s.matches("blocks\\.\\d+\\.resid_post")).count();
        int middle = layers / 2;
        List<List<String>> maps = new ArrayList<>();
        maps.add(List.of("norm", "--kind", "norm"));
        maps.add(List.of("neurons-layer" + middle, "--kind", "neurons", "--layer", String.valueOf(middle)));
        int last = layers - 1;
        if (capture.hasSite("blocks." + last + ".attn_pattern")) {
            maps.add(List.of("attention-layer" + last + "-head0", "--kind", "attention", "--layer",
                    String.valueOf(last), "--head", "0"));
        }
        return maps;
    }

    /** Runs a verb with --json into a buffer and hands back its JSON; its failures are the demo's. */
    private static JsonObject verb(CliContext context, Command command, String name, String... args)
            throws Exception {
        ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        CliContext quiet = new CliContext(new PrintStream(buffer, true, StandardCharsets.UTF_8), context.err(), true);
        List<String> all = new ArrayList<>(List.of(args));
        all.add("--json");
        Set<String> flags = new HashSet<>(command.flagOptions());
        flags.add("json");
        CommandLine line = CommandLine.parse(name, all, command.valueOptions(), flags);
        int code = command.run(line, quiet);
        if (code != Cli.OK) {
            throw new IllegalStateException("demo: the " + name + " step failed with exit code " + code);
        }
        JsonElement json = JsonParser.parseString(buffer.toString(StandardCharsets.UTF_8));
        return json.getAsJsonObject();
    }
}
