package io.mechanist.headless.commands;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;


import com.google.gson.JsonArray;
import com.google.gson.JsonObject;

import io.mechanist.core.analysis.AnalysisRegistry;
import io.mechanist.core.analysis.AnalysisRequest;
import io.mechanist.headless.CliContext;
import io.mechanist.headless.Command;
import io.mechanist.headless.CommandLine;
import io.mechanist.headless.UsageException;
import io.mechanist.steering.CausalVerdict;
import io.mechanist.steering.ProbeCausalTest;
import io.mechanist.steering.SteeringVector;
import io.mechanist.steering.SteeringVectorFiles;
import io.mechanist.steering.SweepResult;
import io.mechanist.steering.analysis.SweepAnalysis;
import io.mechanist.store.ActivationStore;
import io.mechanist.store.AnalysisRunner;

/**
 * {@code mechanist steer}: builds a steering vector from contrast pairs (or takes a stored or imported one) and runs
 * the steering sweep analysis over layers x multipliers with the random control, storing the result.
 */
public final class SteerCommand implements Command {

    @Override
    public String name() {
        return "steer";
    }

    @Override
    public String summary() {
        return "steering sweep (layers x multipliers, random control) on held-out A/B prompts";
    }

    @Override
    public String usage() {
        return """
                Usage: mechanist steer --store DIR --model DIR --held-out CAPTURE
                                       (--contrast CAPTURE | --vector ID | --vector-file FILE.safetensors)
                                       [--layers all|vector|0,2,5] [--multipliers -1,-0.5,0,0.5,1] [--method mean-difference|pca-difference]
                                       [--position -1] [--point resid_post] [--steer-positions all|last]
                                       [--label answer] [--answer-a A] [--answer-b B] [--token-a " A"] [--token-b " B"]
                                       [--held-out-prompts unpaired|all] [--target label|probe|fixed:A]
                                       [--pair-label matching] [--pair-positive true]
                                       [--no-control] [--control-seed 1234] [--null-directions 20]
                                       [--batch-size 16] [--out FILE.csv] [--json]

                Adds the vector (built per layer from the contrast capture's pairs at --position, or the given
                vector at every layer) to the residual stream of the held-out prompts. Multipliers are relative to
                the layer's mean residual norm. Prints, per layer and multiplier, the mean P(behaviour-matching
                answer) (softmax restricted to the two answer tokens), the random control's mean P, and the share of
                prompts that move the wrong way; --json prints every row, --out writes them as CSV. The result is
                stored in the store as analysis io.mechanist.steering.sweep (per-prompt arrays included).
                Causal verdict, per layer at the largest positive multiplier: the change in mean P and the net share
                of prompts whose answer flips toward the matching answer, each with a 95% interval, compared with
                --null-directions random directions of the vector's norm (default 20; 0: no verdict), Holm-corrected
                across layers; "yes" only when the P change beats the null (p < 0.05) and the lower bound of the P
                change reaches 0.05 or that of the net flip rate 5%. Each prompt's unsteered margin is kept;
                prompts beyond |4| logits are saturated and their P change is reported apart. A sham (the vector
                at multiplier 0) must reproduce the unsteered logits. The logit-difference trend (slope, Spearman,
                monotone) is printed as a description; it can rise where no answer changes.
                With --target probe, --layers vector and a probe direction (--vector), it is the causal test of the
                probe: steering along the probe's own direction at its own layer.
                When the contrast pairs differ only in the answer letter (pairs labelled answer=A / answer=B), use
                --pair-label answer --pair-positive A --target fixed:A: the behaviour is answering A.

                Example: mechanist steer --store st --model models/gpt2 --held-out ab --contrast ab --layers 2,4,6""";
    }

    @Override
    public Set<String> valueOptions() {
        return Set.of("store", "model", "held-out", "contrast", "vector", "vector-file", "layers", "multipliers",
                "method", "position", "point", "steer-positions", "label", "answer-a", "answer-b", "token-a",
                "token-b", "held-out-prompts", "target", "pair-label", "pair-positive", "control-seed", "null-directions", "batch-size",
                "out");
    }

    @Override
    public Set<String> flagOptions() {
        return Set.of("no-control");
    }

    @Override
    public int run(CommandLine line, CliContext context) throws Exception {
        line.atMostPositional(0);
        Path storeFolder = Path.of(line.required("store"));
        String model = line.required("model");
        String heldOut = line.required("held-out");
        int sources = (line.option("contrast", null) != null ? 1 : 0) + (line.option("vector", null) != null ? 1 : 0)
                + (line.option("vector-file", null) != null ? 1 : 0);
        if (sources != 1) {
            throw new UsageException("steer: give exactly one of --contrast, --vector, --vector-file");
        }
        Map<String, String> parameters = new LinkedHashMap<>();
        parameters.put("model", model);
        put(parameters, line, "layers", "layers");
        put(parameters, line, "multipliers", "multipliers");
        put(parameters, line, "method", "method");
        put(parameters, line, "position", "position");
        put(parameters, line, "point", "point");
        put(parameters, line, "steer-positions", "steerPositions");
        put(parameters, line, "label", "label");
        put(parameters, line, "answer-a", "answerA");
        put(parameters, line, "answer-b", "answerB");
        put(parameters, line, "held-out-prompts", "heldOut");
        put(parameters, line, "target", "target");
        put(parameters, line, "pair-label", "pairLabel");
        put(parameters, line, "pair-positive", "pairPositive");
        put(parameters, line, "control-seed", "controlSeed");
        put(parameters, line, "batch-size", "batchSize");
        put(parameters, line, "null-directions", "nullDirections");
        for (String side : List.of("a", "b")) {
            String token = line.option("token-" + side, null);
            if (token != null) {
                // analysis parameters are trimmed; spaces travel as \s
                parameters.put("token" + side.toUpperCase(), token.replace(" ", "\\s"));
            }
        }
        if (line.flag("no-control")) {
            parameters.put("control", "false");
        }
        try (ActivationStore store = ActivationStore.open(storeFolder)) {
            Map<String, String> inputs = new LinkedHashMap<>();
            inputs.put("heldOut", heldOut);
            if (line.option("contrast", null) != null) {
                inputs.put("contrast", line.option("contrast", null));
            } else if (line.option("vector", null) != null) {
                inputs.put("vector", line.option("vector", null));
            } else {
                Path file = Path.of(line.option("vector-file", null));
                if (!Files.isRegularFile(file)) {
                    throw new UsageException("steer: --vector-file " + file + " does not exist");
                }
                SteeringVector imported = SteeringVectorFiles.importVector(file, null, null);
                String id = SteeringVectorFiles.save(store, file.getFileName().toString(), imported);
                context.info("imported " + file + " as stored vector " + id);
                inputs.put("vector", id);
            }
            AnalysisRegistry registry = AnalysisRegistry.fromPlatform();
            SweepAnalysis analysis = new SweepAnalysis();
            String resultId = new AnalysisRunner(store, registry).run(registry.get(SweepAnalysis.ID), analysis,
                    new AnalysisRequest(SweepAnalysis.ID, parameters, inputs), new CliProgressMonitor(context));
            SweepResult result = analysis.lastResult();
            if (line.option("out", null) != null) {
                Files.writeString(Path.of(line.option("out", null)), result.toCsv());
            }
            print(context, result, analysis.lastVerdicts(), analysis.lastCausal(), resultId);
        }
        return 0;
    }

    private static void put(Map<String, String> parameters, CommandLine line, String option, String parameter) {
        String value = line.option(option, null);
        if (value != null) {
            parameters.put(parameter, value);
        }
    }

    private static void print(CliContext context, SweepResult result, List<ProbeCausalTest.Verdict> verdicts,
            List<CausalVerdict.Verdict> causalVerdicts, String resultId) {
        if (context.json()) {
            JsonObject json = new JsonObject();
            json.addProperty("result", resultId);
            json.addProperty("prompts", result.promptCount());
            JsonArray rows = new JsonArray();
            for (SweepResult.Row r : result.rows()) {
                JsonObject row = new JsonObject();
                row.addProperty("vector", r.vector());
                row.addProperty("layer", r.layer());
                row.addProperty("multiplier", r.multiplier());
                row.addProperty("coefficient", r.coefficient());
                row.addProperty("addedNorm", r.addedNorm());
                row.addProperty("meanResidNorm", r.meanResidNorm());
                row.addProperty("meanP", r.meanP());
                row.addProperty("meanPFull", r.meanPFull());
                row.addProperty("meanLogitDiff", r.meanLogitDiff());
                row.addProperty("wrongWayShare", r.wrongWayShare());
                rows.add(row);
            }
            json.add("rows", rows);
            JsonArray causal = new JsonArray();
            for (ProbeCausalTest.Verdict v : verdicts) {
                JsonObject o = new JsonObject();
                o.addProperty("vector", v.vector());
                o.addProperty("layer", v.layer());
                o.addProperty("slope", v.slope());
                o.addProperty("spearman", v.spearman());
                o.addProperty("monotone", v.monotone());
                if (!Double.isNaN(v.controlEffect())) {
                    o.addProperty("controlEffect", v.controlEffect());
                    o.addProperty("excessLow", v.excessLow());
                }
                o.addProperty("movesAsPredicted", v.movesAsPredicted());
                causal.add(o);
            }
            json.add("trend", causal);
            JsonArray judged = new JsonArray();
            for (CausalVerdict.Verdict v : causalVerdicts == null ? List.<CausalVerdict.Verdict>of() : causalVerdicts) {
                JsonObject o = new JsonObject();
                o.addProperty("vector", v.vector());
                o.addProperty("layer", v.layer());
                o.addProperty("multiplier", v.multiplier());
                o.addProperty("yes", v.yes());
                o.addProperty("meanShiftP", v.meanShiftP());
                o.addProperty("shiftCiLow", v.shiftInterval().low());
                o.addProperty("shiftCiHigh", v.shiftInterval().high());
                o.addProperty("netFlipRate", v.netFlipRate());
                o.addProperty("flipCiLow", v.flipInterval().low());
                o.addProperty("flipCiHigh", v.flipInterval().high());
                o.addProperty("interval", v.interval());
                o.addProperty("n", v.n());
                o.addProperty("saturationMargin", v.saturationMargin());
                o.addProperty("saturated", v.saturated());
                o.addProperty("unsaturatedShiftP", v.unsaturatedShiftP());
                o.addProperty("saturatedShiftP", v.saturatedShiftP());
                o.addProperty("nullDirections", v.nullDirections());
                o.addProperty("nullMean", v.nullMean());
                o.addProperty("nullSd", v.nullSd());
                o.addProperty("p", v.p());
                o.addProperty("holmP", v.holmP());
                o.addProperty("reason", v.reason());
                judged.add(o);
            }
            json.add("causal", judged);
            context.printJson(json);
            return;
        }
        var out = context.out();
        out.printf("Steering sweep, %d held-out prompts (P = P(matching answer), softmax over the two answers); result %s%n",
                result.promptCount(), resultId);
        out.printf("%5s %10s %10s %8s %10s %10s%n", "layer", "multiplier", "coef", "mean P", "control P", "wrong-way");
        int multipliers = result.config().multipliers().length;
        for (int l = 0; l < result.config().layers().size(); l++) {
            for (int m = 0; m < multipliers; m++) {
                double control = result.kinds() > 1 ? result.meanProbability(1, l, m) : Double.NaN;
                out.printf("%5d %10.3f %10.4g %8.3f %10s %10s%n", result.config().layers().get(l),
                        result.config().multipliers()[m], result.coefficient(0, l, m), result.meanProbability(0, l, m),
                        Double.isNaN(control) ? "-" : String.format("%.3f", control),
                        Double.isNaN(result.wrongWayShare(0, l, m)) ? "-"
                                : String.format("%.2f", result.wrongWayShare(0, l, m)));
            }
        }
        for (ProbeCausalTest.Verdict v : verdicts) {
            out.printf("%s, layer %d: slope %.4g, Spearman %.3f%s%s%n", v.vector(), v.layer(), v.slope(), v.spearman(),
                    v.monotone() ? ", monotone" : ", not monotone",
                    v.isControl() ? "" : (Double.isNaN(v.controlEffect()) ? "" : String.format(
                            ", %.2gx the control's per-prompt effect %.3g (excess >= %+.3g at 95%%)",
                            v.slope() / v.controlEffect(), v.controlEffect(), v.excessLow()))
                            + (v.movesAsPredicted() ? ": logit trend as predicted" : ": logit trend not as predicted")
                            + " (a description, not the causal verdict)");
        }
        if (causalVerdicts == null) {
            out.println("No causal verdict: --null-directions 0, or no positive multiplier");
        } else {
            out.printf("Causal verdict at the largest multiplier (P change and net flips toward the matching answer, "
                    + "against %d random directions of equal norm, Holm-corrected across layers; prompts with "
                    + "|unsteered logit difference| > %.0f are saturated and reported apart):%n",
                    causalVerdicts.get(0).nullDirections(), causalVerdicts.get(0).saturationMargin());
            for (CausalVerdict.Verdict v : causalVerdicts) {
                out.printf(java.util.Locale.ROOT, "%s, layer %d, multiplier %s: %s; %d of %d saturated, P change "
                        + "there %+.3f, elsewhere %+.3f%n", v.vector(), v.layer(), v.multiplier(), v.reason(),
                        v.saturated(), v.n(), v.saturatedShiftP(), v.unsaturatedShiftP());
            }
        }
        out.flush();
    }
}
