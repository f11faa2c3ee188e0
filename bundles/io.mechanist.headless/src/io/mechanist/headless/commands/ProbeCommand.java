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
import io.mechanist.probes.OutputReadout.ReadoutCell;
import io.mechanist.probes.OutputReadout.ReadoutResults;
import io.mechanist.probes.IntervalMethod;
import io.mechanist.probes.PositionAlignment;
import io.mechanist.probes.ProbeCell;
import io.mechanist.probes.ProbeConfig;
import io.mechanist.probes.ProbeMethod;
import io.mechanist.probes.ProbeProgress;
import io.mechanist.probes.ProbeResults;
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
                                       [--methods logistic,mass-mean] [--folds K] [--fold-repeats R] [--seed S]
                                       [--lambda L] [--interval METHOD] [--resamples B]
                                       [--control-permutations P] [--threads T]
                                       [--layers L,L,...] [--model DIR] [--token-a TEXT] [--token-b TEXT]
                                       [--answer-a VALUE] [--no-readout] [--json]

                Trains probes for the prompt label KEY (default answer; two values) on the residuals at POINT
                (default resid_post) of every layer, at every aligned position, with k-fold splits by prompt group
                (--folds, default 5; lambda the L2 penalty, default 0.01, scikit-learn C = 1/(lambda n)), repeated
                with R fold seeds S, S+1, ... (--fold-repeats, default 3): the first split is reported, all R give
                the split range. Accuracy comes with n and a 95% interval (--interval, default wilson-groups):
                  wilson-groups     Wilson at the effective n of the prompt groups (design effect, t quantile
                                    over groups); exactly Wilson when every group has one prompt
                  wilson            Wilson over prompts (right only if prompts are independent)
                  bootstrap         bootstrap over prompts; bootstrap-groups: over prompt groups (--resamples)
                and chance, a control task (the same probes on labels permuted within each fold, averaged over
                --control-permutations, default 5) and selectivity = accuracy - control with its interval.
                The best cell of all is optimistic (the maximum of many); the headline picks the best cell on half
                of the prompt groups and reports it on the other half, with the number of cells searched.
                Alignment (default anchor):
                  start   positions 0..N-1 from the prompt start (--positions, default 64)
                  anchor  offsets -before..+after around the last token TOKEN (--anchor, default Answer;
                          --before 32, --after 2)
                  span    --bins fractions (default 10) of the span after the first --span-after token (default:
                          prompt start) up to the last --anchor token (default: prompt end)
                Output read-out (the baseline the probes are compared with): at every layer and aligned position,
                the residual through the model's own final norm and unembedding, log P(A)/P(B) of the answer tokens
                --token-a and --token-b (default " A" and " B"; write a leading space as \\s), and its accuracy
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
                "span-after", "bins", "methods", "folds", "fold-repeats", "seed", "lambda", "interval", "resamples",
                "control-permutations", "threads", "layers", "out", "model", "token-a", "token-b", "answer-a");
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
                + " probe accuracy, n = " + results.promptCount() + " prompts (" + results.groupCount()
                + " groups), 95% intervals " + results.intervalMethod().id(),
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
        ProbeConfig config = r.config();
        json.addProperty("interval", r.intervalMethod().id());
        json.addProperty("folds", config.folds());
        json.addProperty("foldSeeds", foldSeeds(config));
        json.addProperty("lambda", config.l2());
        json.addProperty("controlPermutations", config.controlTask() ? config.controlPermutations() : 0);
        JsonArray best = new JsonArray();
        JsonArray headlines = new JsonArray();
        if (!context.json()) {
            context.out().printf("Probes on %s: n = %d prompts (%d groups), labels %s vs %s%n", captureId,
                    r.promptCount(), r.groupCount(), r.negativeLabel(), r.positiveLabel());
            context.out().printf("95%% intervals: %s; %d folds by prompt group, fold seeds %s (split range = "
                    + "accuracy over them); control: labels permuted within folds, %d permutations%n",
                    r.intervalMethod().id(), config.folds(), foldSeeds(config), config.controlPermutations());
            context.out().printf("Best cell of all (optimistic: the maximum of every cell, chosen and reported on "
                    + "the same prompts):%n");
            context.out().printf("%-10s %-20s %-10s %-12s %-22s %-13s %5s %7s %8s %-22s%n", "method", "layer",
                    "position", "token", "accuracy [95% CI]", "split range", "n", "chance", "control",
                    "selectivity [95% CI]");
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
            o.addProperty("interval", r.intervalMethod().id());
            o.addProperty("splitLow", c.splitLow());
            o.addProperty("splitHigh", c.splitHigh());
            o.addProperty("n", c.n());
            o.addProperty("chance", c.chance());
            o.addProperty("control", c.controlAccuracy());
            o.addProperty("controlCiLow", c.controlInterval().low());
            o.addProperty("controlCiHigh", c.controlInterval().high());
            o.addProperty("selectivity", c.selectivity());
            o.addProperty("selectivityCiLow", c.selectivityInterval().low());
            o.addProperty("selectivityCiHigh", c.selectivityInterval().high());
            best.add(o);
            if (!context.json()) {
                context.out().printf(Locale.ROOT, "%-10s %-20s %-10s %-12s %5.1f%% [%5.1f, %5.1f] %5.1f-%5.1f%% "
                        + "%5d %6.1f%% %7.1f%% %+5.1f [%+5.1f, %+5.1f]%n",
                        m.id(), r.layerName(c.layer()), r.positionLabel(c.position()),
                        "'" + AccuracyChart.visible(r.positionToken(c.position())) + "'", 100 * c.accuracy(),
                        100 * c.interval().low(), 100 * c.interval().high(), 100 * c.splitLow(), 100 * c.splitHigh(),
                        c.n(), 100 * c.chance(), 100 * c.controlAccuracy(), 100 * c.selectivity(),
                        100 * c.selectivityInterval().low(), 100 * c.selectivityInterval().high());
            }
        }
        for (ProbeMethod m : r.methods()) {
            ProbeResults.Headline h = r.headline(m);
            if (h == null) {
                continue;
            }
            ProbeCell c = h.cell();
            JsonObject o = new JsonObject();
            o.addProperty("method", m.id());
            o.addProperty("layer", r.layerName(c.layer()));
            o.addProperty("position", r.positionLabel(c.position()));
            o.addProperty("token", r.positionToken(c.position()));
            o.addProperty("cellsSearched", h.cellsSearched());
            o.addProperty("selectionGroups", h.selectionGroups());
            o.addProperty("selectionAccuracy", h.selectionAccuracy());
            o.addProperty("heldOutGroups", h.heldOutGroups());
            o.addProperty("n", h.heldOutN());
            o.addProperty("accuracy", h.heldOutAccuracy());
            o.addProperty("ciLow", h.heldOutInterval().low());
            o.addProperty("ciHigh", h.heldOutInterval().high());
            o.addProperty("interval", r.intervalMethod().id());
            headlines.add(o);
            if (!context.json()) {
                context.out().printf(Locale.ROOT, "Headline %s: %s %s '%s', chosen among %d cells on %d groups "
                        + "(%.1f%% there), on the %d held-out groups %.1f%% [%.1f, %.1f] n = %d%n", m.id(),
                        r.layerName(c.layer()), r.positionLabel(c.position()),
                        AccuracyChart.visible(r.positionToken(c.position())), h.cellsSearched(), h.selectionGroups(),
                        100 * h.selectionAccuracy(), h.heldOutGroups(), 100 * h.heldOutAccuracy(),
                        100 * h.heldOutInterval().low(), 100 * h.heldOutInterval().high(), h.heldOutN());
            }
        }
        json.add("headlines", headlines);
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

    private static String foldSeeds(ProbeConfig config) {
        return config.foldRepeats() == 1 ? Long.toString(config.seed())
                : config.seed() + ".." + (config.seed() + config.foldRepeats() - 1);
    }

    private static PositionAlignment alignment(CommandLine line) throws UsageException {
        String kind = line.option("alignment", "anchor").toLowerCase(Locale.ROOT);
        String anchor = line.option("anchor", null);
        return switch (kind) {
            case "start" -> PositionAlignment.fromStart(line.integer("positions", 64, 1));
            case "anchor" -> PositionAlignment.relativeToAnchor(anchor != null ? anchor : "Answer",
                    line.integer("before", 32, 0), line.integer("after", 2, 0));
            case "span" -> PositionAlignment.span(line.option("span-after", null), anchor, line.integer("bins", 10, 1));
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
        int folds = line.integer("folds", defaults.folds(), 2);
        if (folds < 2) {
            throw new UsageException("--folds must be at least 2 (k-fold cross-validation), not " + folds);
        }
        int repeats = line.integer("fold-repeats", defaults.foldRepeats());
        int permutations = line.integer("control-permutations", defaults.controlPermutations());
        int resamples = line.integer("resamples", defaults.bootstrapResamples());
        if (repeats < 1 || permutations < 1 || resamples < 100) {
            throw new UsageException("--fold-repeats and --control-permutations must be at least 1 and --resamples "
                    + "at least 100, got " + repeats + ", " + permutations + " and " + resamples);
        }
        double lambda = defaults.l2();
        String given = line.option("lambda", null);
        if (given != null) {
            try {
                lambda = Double.parseDouble(given);
            } catch (NumberFormatException e) {
                lambda = Double.NaN;
            }
            if (!(lambda > 0) || Double.isInfinite(lambda)) {
                throw new UsageException("--lambda must be a positive number, not '" + given + "'");
            }
        }
        IntervalMethod interval;
        try {
            interval = IntervalMethod.fromId(line.option("interval", defaults.interval().id()));
        } catch (IllegalArgumentException e) {
            throw new UsageException("--interval: " + e.getMessage());
        }
        return defaults.withMethods(methods).withFolds(folds).withFoldRepeats(repeats).withL2(lambda)
                .withInterval(interval, resamples).withControlPermutations(permutations)
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
