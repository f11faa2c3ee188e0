package io.mechanist.headless.commands;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;

import io.mechanist.core.activations.ActivationSet;
import io.mechanist.headless.CliContext;
import io.mechanist.headless.Command;
import io.mechanist.headless.CommandLine;
import io.mechanist.headless.UsageException;
import io.mechanist.probes.AnchorLocator;
import io.mechanist.probes.OutputReadout.ReadoutCell;
import io.mechanist.probes.OutputReadout.ReadoutResults;
import io.mechanist.probes.PositionAlignment;
import io.mechanist.probes.ProbeCell;
import io.mechanist.probes.ProbeConfig;
import io.mechanist.probes.ProbeMethod;
import io.mechanist.probes.ProbeProgress;
import io.mechanist.probes.ProbeResults;
import io.mechanist.probes.SpanLocator;
import io.mechanist.probes.capture.CaptureModel;
import io.mechanist.probes.capture.CaptureProbes;
import io.mechanist.probes.capture.ReadoutRequest;
import io.mechanist.probes.chart.AccuracyChart;
import io.mechanist.store.ActivationStore;

/**
 * {@code mechanist probe}: linear probes at every layer and aligned position of a stored capture; writes the results
 * CSV and a PNG of accuracy by position (the probe view's chart) and prints the best cell per method.
 */
public final class ProbeCommand implements Command {

    static final String CSV_NAME = "probe-accuracy.csv";
    static final String PNG_NAME = "probe-accuracy.png";
    static final String READOUT_CSV_NAME = "output-readout.csv";

    @Override
    public String name() {
        return "probe";
    }

    @Override
    public String summary() {
        return "probe accuracy by layer and aligned position of a stored capture (CSV, PNG chart, summary)";
    }

    @Override
    public String usage() {
        return """
                Usage: mechanist probe --store DIR --capture ID --out DIR [--label KEY] [--point POINT]
                                       [--alignment start|anchor|span] [--anchor TOKEN] [--before N] [--after N]
                                       [--positions N] [--span-after TOKEN] [--bins N]
                                       [--methods logistic,mass-mean] [--folds K] [--seed S] [--threads T]
                                       [--layers L,L,...] [--model DIR] [--token-a TEXT] [--token-b TEXT]
                                       [--answer-a VALUE] [--no-readout] [--json]

                Trains probes for the prompt label KEY (default answer; two values) on the residuals at POINT
                (default resid_post) of every layer, at every aligned position, with k-fold splits by prompt group
                (default 5). Accuracy comes with n and a 95% Wilson interval, chance, and a control task on
                permuted labels (selectivity = accuracy - control).
                Alignment (default anchor):
                  start   positions 0..N-1 from the prompt start (--positions, default 64)
                  anchor  offsets -before..+after around the first token TOKEN (--anchor, default Answer;
                          --before 32, --after 2)
                  span    --bins fractions (default 10) of the span after --span-after (default: prompt start)
                          up to --anchor
                Output read-out (the baseline the probes are compared with): at every layer and aligned position,
                the residual through the model's own final norm and unembedding, log P(A)/P(B) of the answer tokens
                --token-a and --token-b (default " A" and " B"; write a leading space as \s), and its accuracy
                with a Wilson interval, where answer A stands for label value --answer-a (default A). The model is
                --model, default the checkpoint folder the store records for the capture; when that folder is
                missing the read-out is skipped with a note. --no-readout turns it off.
                Writes DIR/probe-accuracy.csv (one row per method, layer and position), DIR/output-readout.csv
                (one row per layer and position, when the read-out ran) and DIR/probe-accuracy.png (accuracy by
                position for --layers, default the best, first and last layers, read-out dotted).

                Example:
                  mechanist probe --store ~/mechanist-workspace/demo-store --capture demo --label answer \\
                      --alignment anchor --anchor Answer --before 16 --out probes/""";
    }

    @Override
    public Set<String> valueOptions() {
        return Set.of("store", "capture", "label", "point", "alignment", "anchor", "before", "after", "positions",
                "span-after", "bins", "methods", "folds", "seed", "threads", "layers", "out", "model", "token-a",
                "token-b", "answer-a");
    }

    @Override
    public Set<String> flagOptions() {
        return Set.of("no-readout");
    }

    @Override
    public int run(CommandLine line, CliContext context) throws Exception {
        line.atMostPositional(0);
        Path storeDir = Path.of(line.required("store"));
        String captureId = line.required("capture");
        Path out = Path.of(line.required("out"));
        String label = line.option("label", "answer");
        String point = line.option("point", "resid_post");
        PositionAlignment alignment = alignment(line);
        ProbeConfig config = config(line);
        if (!Files.isDirectory(storeDir)) {
            throw new UsageException("--store " + storeDir + " is not a folder");
        }
        Files.createDirectories(out);
        CaptureProbes.Run run;
        try (ActivationStore store = ActivationStore.openReadOnly(storeDir);
                ActivationSet capture = store.openCapture(captureId)) {
            ReadoutRequest readout = null;
            String unrecorded = null;
            if (!line.flag("no-readout")) {
                String given = line.option("model", null);
                Path model = given != null ? Path.of(given) : CaptureModel.folder(store, captureId);
                if (model == null) {
                    unrecorded = "output read-out skipped: the store records no model folder for capture " + captureId
                            + " (pass --model)";
                } else {
                    readout = new ReadoutRequest(model, line.option("token-a", "\\sA"), line.option("token-b", "\\sB"),
                            line.option("answer-a", "A"));
                }
            }
            run = CaptureProbes.run(capture, point, label, alignment, config, readout,
                    (done, total) -> context.progress("probes", done, total));
            if (unrecorded != null) {
                run = new CaptureProbes.Run(run.results(), null, unrecorded, run.dModel());
            }
        }
        ProbeResults results = run.results();
        Path csv = out.resolve(CSV_NAME);
        Files.write(csv, results.toCsvLines(), StandardCharsets.UTF_8);
        Path readoutCsv = null;
        if (run.readout() != null) {
            readoutCsv = out.resolve(READOUT_CSV_NAME);
            Files.write(readoutCsv, readoutCsvLines(results, run.readout()), StandardCharsets.UTF_8);
        }
        ProbeMethod chartMethod = results.methods().get(0);
        int[] layers = chartLayers(line, results, chartMethod);
        Path png = out.resolve(PNG_NAME);
        ProbeChartImage.write(ProbeChartImage.draw(captureId + " - '" + label + "' " + chartMethod.id()
                + " probe accuracy, n = " + results.promptCount() + " prompts",
                AccuracyChart.positionLabels(results), AccuracyChart.series(results, chartMethod, layers,
                        run.readout())), png);
        report(run, captureId, csv, readoutCsv, png, context);
        return 0;
    }

    private static List<String> readoutCsvLines(ProbeResults r, ReadoutResults readout) {
        List<String> lines = new ArrayList<>();
        lines.add("layer,position,token,n,correct,accuracy,ci_low,ci_high,mean_log_ratio");
        for (ReadoutCell c : readout.cells()) {
            lines.add(String.join(",", csv(r.layerName(c.layer())), csv(r.positionLabel(c.position())),
                    csv(r.positionToken(c.position())), Integer.toString(c.n()), Integer.toString(c.correct()),
                    num(c.accuracy()), num(c.interval().low()), num(c.interval().high()), num(c.meanLogRatio())));
        }
        return lines;
    }

    private static String num(double v) {
        return Double.isNaN(v) ? "" : String.format(Locale.ROOT, "%.6f", v);
    }

    private static String csv(String s) {
        return s.contains(",") || s.contains("\"") || s.contains("\n") ? "\"" + s.replace("\"", "\"\"") + "\"" : s;
    }

    /** The read-out cell with the highest accuracy (first in layer-major order on ties), or null. */
    private static ReadoutCell bestReadout(ReadoutResults readout) {
        ReadoutCell best = null;
        for (ReadoutCell c : readout.cells()) {
            if (c.n() > 0 && (best == null || c.accuracy() > best.accuracy())) {
                best = c;
            }
        }
        return best;
    }

    private static void report(CaptureProbes.Run run, String captureId, Path csv, Path readoutCsv, Path png,
            CliContext context) {
        ProbeResults r = run.results();
        JsonObject json = new JsonObject();
        json.addProperty("capture", captureId);
        json.addProperty("prompts", r.promptCount());
        json.addProperty("groups", r.groupCount());
        json.addProperty("labels", r.negativeLabel() + "," + r.positiveLabel());
        JsonArray best = new JsonArray();
        if (!context.json()) {
            context.out().printf("Probes on %s: n = %d prompts (%d groups), labels %s vs %s%n", captureId,
                    r.promptCount(), r.groupCount(), r.negativeLabel(), r.positiveLabel());
            context.out().printf("%-10s %-20s %-10s %-12s %-22s %5s %7s %8s %11s%n", "method", "layer", "position",
                    "token", "accuracy [95% CI]", "n", "chance", "control", "selectivity");
        }
        for (ProbeMethod m : r.methods()) {
            ProbeCell c = r.best(m);
            if (c == null) {
                continue;
            }
            JsonObject o = new JsonObject();
            o.addProperty("method", m.id());
            o.addProperty("layer", r.layerName(c.layer()));
            o.addProperty("position", r.positionLabel(c.position()));
            o.addProperty("token", r.positionToken(c.position()));
            o.addProperty("accuracy", c.accuracy());
            o.addProperty("ciLow", c.interval().low());
            o.addProperty("ciHigh", c.interval().high());
            o.addProperty("n", c.n());
            o.addProperty("chance", c.chance());
            o.addProperty("control", c.controlAccuracy());
            o.addProperty("selectivity", c.selectivity());
            best.add(o);
            if (!context.json()) {
                context.out().printf(Locale.ROOT, "%-10s %-20s %-10s %-12s %5.1f%% [%5.1f, %5.1f]%s %5d %6.1f%% %7.1f%% %10.1f%n",
                        m.id(), r.layerName(c.layer()), r.positionLabel(c.position()),
                        "'" + AccuracyChart.visible(r.positionToken(c.position())) + "'", 100 * c.accuracy(),
                        100 * c.interval().low(), 100 * c.interval().high(), "", c.n(), 100 * c.chance(),
                        100 * c.controlAccuracy(), 100 * c.selectivity());
            }
        }
        json.add("best", best);
        JsonObject readout = new JsonObject();
        readout.addProperty("note", run.readoutNote());
        ReadoutCell bestReadout = run.readout() == null ? null : bestReadout(run.readout());
        if (bestReadout != null) {
            readout.addProperty("layer", r.layerName(bestReadout.layer()));
            readout.addProperty("position", r.positionLabel(bestReadout.position()));
            readout.addProperty("token", r.positionToken(bestReadout.position()));
            readout.addProperty("accuracy", bestReadout.accuracy());
            readout.addProperty("ciLow", bestReadout.interval().low());
            readout.addProperty("ciHigh", bestReadout.interval().high());
            readout.addProperty("n", bestReadout.n());
            readout.addProperty("meanLogRatio", bestReadout.meanLogRatio());
            readout.addProperty("csv", readoutCsv.toAbsolutePath().toString());
        }
        json.add("readout", readout);
        if (!context.json()) {
            if (bestReadout == null) {
                context.out().println(run.readoutNote());
            } else {
                context.out().printf(Locale.ROOT, "%-10s %-20s %-10s %-12s %5.1f%% [%5.1f, %5.1f] %5d  mean log P(A)/P(B) "
                        + "towards the label %.3f%n", "readout", r.layerName(bestReadout.layer()),
                        r.positionLabel(bestReadout.position()),
                        "'" + AccuracyChart.visible(r.positionToken(bestReadout.position())) + "'",
                        100 * bestReadout.accuracy(), 100 * bestReadout.interval().low(),
                        100 * bestReadout.interval().high(), bestReadout.n(), bestReadout.meanLogRatio());
            }
        }
        json.addProperty("csv", csv.toAbsolutePath().toString());
        json.addProperty("png", png.toAbsolutePath().toString());
        if (context.json()) {
            context.printJson(json);
        } else {
            context.out().printf("Wrote %s%s and %s%n", csv, readoutCsv == null ? "" : ", " + readoutCsv, png);
        }
    }

    private static PositionAlignment alignment(CommandLine line) throws UsageException {
        String kind = line.option("alignment", "anchor").toLowerCase(Locale.ROOT);
        String anchor = line.option("anchor", null);
        return switch (kind) {
            case "start" -> PositionAlignment.fromStart(line.integer("positions", 64, 1));
            case "anchor" -> PositionAlignment.relativeToAnchor(anchor != null ? anchor : "Answer",
                    line.integer("before", 32, 0), line.integer("after", 2, 0));
            case "span" -> {
                String after = line.option("span-after", null);
                AnchorLocator start = after == null ? null : AnchorLocator.token(after, AnchorLocator.Occurrence.FIRST);
                AnchorLocator end = anchor == null ? null : AnchorLocator.token(anchor, AnchorLocator.Occurrence.FIRST);
                yield PositionAlignment.spanFraction(SpanLocator.between(start, end), "after '"
                        + (after != null ? after : "start") + "' before '" + (anchor != null ? anchor : "end") + "'",
                        line.integer("bins", 10, 1));
            }
            default -> throw new UsageException("--alignment must be start, anchor or span, not '" + kind + "'");
        };
    }

    private static ProbeConfig config(CommandLine line) throws UsageException {
        Set<ProbeMethod> methods = EnumSet.noneOf(ProbeMethod.class);
        for (String id : line.option("methods", "logistic,mass-mean").split(",")) {
            try {
                methods.add(ProbeMethod.fromId(id.strip()));
            } catch (IllegalArgumentException e) {
                throw new UsageException("--methods: " + e.getMessage());
            }
        }
        ProbeConfig defaults = ProbeConfig.defaults();
        return defaults.withMethods(methods).withFolds(line.integer("folds", 5, 2))
                .withSeed(line.integer("seed", (int) defaults.seed()))
                .withThreads(line.integer("threads", defaults.threads(), 1));
    }

    private static int[] chartLayers(CommandLine line, ProbeResults r, ProbeMethod method) throws UsageException {
        List<Integer> given = line.integers("layers", List.of());
        TreeSet<Integer> layers = new TreeSet<>();
        for (int l : given) {
            if (l < 0 || l >= r.layerCount()) {
                throw new UsageException("--layers: layer " + l + " is not in 0.." + (r.layerCount() - 1));
            }
            layers.add(l);
        }
        if (layers.isEmpty()) {
            ProbeCell best = r.best(method);
            layers.add(0);
            layers.add(r.layerCount() - 1);
            if (best != null) {
                layers.add(best.layer());
            }
        }
        return layers.stream().mapToInt(Integer::intValue).toArray();
    }
}
