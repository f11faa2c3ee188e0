package io.mechanist.steering.analysis;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CancellationException;
import java.util.function.BooleanSupplier;
import java.util.function.IntFunction;

import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.OperationCanceledException;
import org.eclipse.core.runtime.SubMonitor;

import io.mechanist.core.activations.ActivationSet;
import io.mechanist.core.activations.PromptInfo;
import io.mechanist.core.activations.StoredVectorData;
import io.mechanist.core.analysis.Analysis;
import io.mechanist.core.analysis.AnalysisContext;
import io.mechanist.core.analysis.AnalysisException;
import io.mechanist.core.analysis.AnalysisOutput;
import io.mechanist.core.analysis.AnalysisParameters;
import io.mechanist.core.hooks.HookPoint;
import io.mechanist.core.hooks.HookSite;
import io.mechanist.runtime.HookedTransformer;
import io.mechanist.runtime.ModelSpec;
import io.mechanist.runtime.ModelTokenizer;
import io.mechanist.steering.AbPrompt;
import io.mechanist.steering.AnswerTokens;
import io.mechanist.steering.CausalVerdict;
import io.mechanist.steering.ContrastPair;
import io.mechanist.steering.ProbeCausalSweep;
import io.mechanist.steering.ProbeCausalTest;
import io.mechanist.steering.PromptGroups;
import io.mechanist.steering.RandomNull;
import io.mechanist.steering.SteeringSweep;
import io.mechanist.steering.SteeringVector;
import io.mechanist.steering.SteeringVectors;
import io.mechanist.steering.SweepConfig;
import io.mechanist.steering.SweepResult;

/**
 * The steering sweep as a contributed analysis ({@value #ID}); see plugin.xml for inputs, parameters and outputs.
 * After {@link #run} the last {@link SweepResult} is available from {@link #lastResult()} (for the CLI).
 */
public final class SweepAnalysis implements Analysis {
    public static final String ID = "io.mechanist.steering.sweep";

    /**
     * Makes the sweep's forward passes: the grid (vector x layer x multiplier x prompt) and the runs of the random
     * null. {@link #LOCAL} loads the model and runs them on it ({@link SteeringSweep#run}, {@link RandomNull#onModel});
     * a distributed engine computes the same numbers elsewhere and opens only the checkpoint's shape and tokenizer
     * here, while this analysis still builds the vectors and prompts, checks them against the shape, judges the
     * verdicts and stores the result.
     */
    @FunctionalInterface
    public interface Engine {
        /** Opens the checkpoint in {@code modelFolder} as far as this process needs it for one sweep. */
        Checkpoint open(Path modelFolder) throws IOException;
    }

    /** A checkpoint as an {@link Engine} opened it for one sweep; closed when the sweep ends. */
    public interface Checkpoint extends AutoCloseable {
        /** The model's shape: the layer count, {@code d_model} and vocabulary the sweep is checked against. */
        ModelSpec spec();

        /** The tokenizer the answer tokens are looked up with. */
        ModelTokenizer tokenizer();

        SweepResult grid(List<AbPrompt> prompts, AnswerTokens answers, IntFunction<SteeringVector> vectorForLayer,
                SweepConfig config, SteeringSweep.Progress progress, BooleanSupplier cancelled);

        RandomNull.Runs nullRuns(List<AbPrompt> prompts, AnswerTokens answers, SweepConfig config);

        @Override
        void close() throws IOException;
    }

    /** Every forward pass on the model, loaded in this process. */
    public static final Engine LOCAL = modelFolder -> {
        HookedTransformer model = HookedTransformer.load(modelFolder);
        return new Checkpoint() {
            @Override
            public ModelSpec spec() {
                return model.spec();
            }

            @Override
            public ModelTokenizer tokenizer() {
                return model.tokenizer();
            }

            @Override
            public SweepResult grid(List<AbPrompt> prompts, AnswerTokens answers,
                    IntFunction<SteeringVector> vectorForLayer, SweepConfig config, SteeringSweep.Progress progress,
                    BooleanSupplier cancelled) {
                return SteeringSweep.run(model, prompts, answers, vectorForLayer, config, progress, cancelled);
            }

            @Override
            public RandomNull.Runs nullRuns(List<AbPrompt> prompts, AnswerTokens answers, SweepConfig config) {
                return RandomNull.onModel(model, prompts, answers, config);
            }

            @Override
            public void close() throws IOException {
                model.close();
            }
        };
    };

    private final Engine engine;
    private SweepResult lastResult;
    private List<ProbeCausalTest.Verdict> lastVerdicts;
    private List<CausalVerdict.Verdict> lastCausal;

    /** The analysis as contributed: every forward pass on this machine. */
    public SweepAnalysis() {
        this(LOCAL);
    }

    /** The analysis with its forward passes made by {@code engine}. */
    public SweepAnalysis(Engine engine) {
        this.engine = engine;
    }

    @Override
    public AnalysisOutput run(AnalysisContext context, IProgressMonitor monitor) throws AnalysisException {
        AnalysisParameters p = context.parameters();
        boolean hasContrast = context.isBound("contrast");
        boolean hasVector = context.isBound("vector");
        if (hasContrast == hasVector) {
            throw new AnalysisException("bind exactly one of the inputs 'contrast' (a capture of contrast pairs) and "
                    + "'vector' (a stored vector); got " + (hasContrast ? "both" : "neither"));
        }
        SubMonitor progress = SubMonitor.convert(monitor, "Steering sweep", 1000);
        Path modelFolder = modelFolder(context);
        try (Checkpoint checkpoint = engine.open(modelFolder)) {
            HookPoint point = point(p.getString("point"));
            String layerSpec = p.getString("layers");
            if (layerSpec.equals("vector")) {
                if (!hasVector) {
                    throw new AnalysisException("layers=vector needs a vector input (it sweeps the vector's own layer)");
                }
                int own = HookSite.parse(context.vector("vector").siteId()).layer();
                if (own < 0) {
                    throw new AnalysisException("layers=vector: the vector's site " + context.vector("vector").siteId()
                            + " is not a per-layer site; give the layers");
                }
                layerSpec = Integer.toString(own);
            }
            List<Integer> layers = layers(layerSpec, checkpoint.spec().layerCount());
            double[] multipliers = multipliers(p.getString("multipliers"));
            SweepConfig config = new SweepConfig(point, layers, multipliers,
                    SteeringSweep.positions(p.getString("steerPositions")), p.getBoolean("control"),
                    p.getInt("controlSeed"), p.getInt("batchSize"));

            Map<Integer, SteeringVector> vectors = new HashMap<>();
            IntFunction<SteeringVector> vectorForLayer;
            String probePositiveLabel = null;
            if (hasVector) {
                StoredVectorData stored = context.vector("vector");
                SteeringVector v = stored.method().startsWith("probe") ? SteeringVectors.fromProbe(stored)
                        : SteeringVectors.fromStored(stored);
                probePositiveLabel = stored.parameters().get("positiveLabel");
                vectorForLayer = layer -> v;
            } else {
                ActivationSet contrast = context.capture("contrast");
                List<ContrastPair> pairs = ContrastPair.find(contrast.prompts(), contrast.promptCount(),
                        p.getString("pairLabel"), p.getString("pairPositive"));
                String method = p.getString("method");
                int position = p.getInt("position");
                for (int layer : layers) {
                    String site = HookSite.of(point, layer).id();
                    if (!contrast.hasSite(site)) {
                        throw new AnalysisException("contrast capture " + contrast.id() + " has no site " + site
                                + " (layer " + layer + "); it has " + contrast.siteIds());
                    }
                    vectors.put(layer, switch (method) {
                        case "mean-difference" -> SteeringVectors.meanDifference(contrast, site, position, pairs);
                        case "pca-difference" -> SteeringVectors.pcaOfDifferences(contrast, site, position, pairs);
                        default -> throw new AnalysisException("method must be mean-difference or pca-difference, not '"
                                + method + "'");
                    });
                }
                vectorForLayer = vectors::get;
            }

            ActivationSet heldOut = context.capture("heldOut");
            AnswerTokens answers = AnswerTokens.of(checkpoint.tokenizer(), unescape(p.getString("tokenA")),
                    unescape(p.getString("tokenB")));
            List<PromptInfo> chosen = new ArrayList<>();
            List<AbPrompt> prompts = heldOutPrompts(heldOut, p, probePositiveLabel, chosen);
            int[] promptGroup = PromptGroups.of(chosen);
            progress.worked(10);
            int nullDirections = p.getInt("nullDirections");
            boolean judge = nullDirections > 0 && java.util.Arrays.stream(multipliers).anyMatch(m -> m > 0);
            if (nullDirections == 1 || nullDirections < 0) {
                throw new AnalysisException("nullDirections must be 0 (no causal verdict) or at least 2, not "
                        + nullDirections);
            }
            SubMonitor sweepProgress = progress.split(judge ? 500 : 990);
            sweepProgress.beginTask("Steering sweep", 1000);
            int[] reported = {0};
            SteeringSweep.check(checkpoint.spec(), prompts, answers, vectorForLayer, config);
            SweepResult result = checkpoint.grid(prompts, answers, vectorForLayer, config,
                    (done, total) -> {
                        int now = 1000 * done / total;
                        sweepProgress.worked(now - reported[0]);
                        reported[0] = now;
                    }, sweepProgress::isCanceled);
            RandomNull randomNull = null;
            lastCausal = null;
            if (judge) {
                SubMonitor nullProgress = progress.split(490);
                nullProgress.beginTask("Random directions (null of the causal verdict)", 1000);
                int[] nullReported = {0};
                randomNull = RandomNull.run(checkpoint.nullRuns(prompts, answers, config), result,
                        vectorForLayer, nullDirections,
                        p.getInt("controlSeed") + 100_000L, (done, total) -> {
                            int now = 1000 * done / total;
                            nullProgress.worked(now - nullReported[0]);
                            nullReported[0] = now;
                        }, nullProgress::isCanceled);
                lastCausal = CausalVerdict.evaluate(result, promptGroup, randomNull,
                        CausalVerdict.Settings.defaults());
            }
            lastResult = result;
            lastVerdicts = ProbeCausalTest.evaluate(result);
            AnalysisOutput out = output(result, lastVerdicts, layers, vectorForLayer, prompts.size(),
                    checkpoint.spec().dModel());
            if (randomNull != null) {
                addCausal(out, randomNull, promptGroup, lastCausal, CausalVerdict.Settings.defaults());
            }
            return out;
        } catch (CancellationException e) {
            throw new OperationCanceledException(e.getMessage());
        } catch (IllegalArgumentException e) {
            throw new AnalysisException(e.getMessage(), e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The result of the last completed run, or null. */
    public SweepResult lastResult() {
        return lastResult;
    }

    /** The logit-trend descriptions of the last completed run, or null. */
    public List<ProbeCausalTest.Verdict> lastVerdicts() {
        return lastVerdicts;
    }

    /** The causal verdicts of the last completed run; null without a random null (nullDirections=0). */
    public List<CausalVerdict.Verdict> lastCausal() {
        return lastCausal;
    }

    /**
     * The output of a probe's causal test ({@link ProbeCausalSweep}) as this analysis stores a sweep with
     * {@code target=probe} at the probe's layer: the same tables and arrays, with the random null and its settings,
     * so that {@link StoredSweeps} reads it back and re-judges the same verdict.
     */
    public static AnalysisOutput output(ProbeCausalSweep.Outcome outcome) {
        SteeringVector vector = outcome.vector();
        List<Integer> layers = outcome.result().config().layers();
        AnalysisOutput out = output(outcome.result(), outcome.verdicts(), layers, layer -> vector,
                outcome.result().promptCount(), vector.values().length);
        addCausal(out, outcome.randomNull(), outcome.promptGroup(), outcome.causal(), CausalVerdict.Settings.defaults());
        return out;
    }

    /**
     * The causal verdict as a table {@code verdict} (one row per vector kind and layer) and the random null as an
     * array {@code nullShiftP [layer, direction]}, the prompt groups as {@code promptGroup [prompt]}, with the
     * settings as notes (what {@link StoredSweeps} re-judges).
     */
    static void addCausal(AnalysisOutput out, RandomNull randomNull, int[] promptGroup,
            List<CausalVerdict.Verdict> verdicts, CausalVerdict.Settings settings) {
        out.table("verdict",
                AnalysisOutput.texts("vector", verdicts.stream().map(CausalVerdict.Verdict::vector).toArray(String[]::new)),
                AnalysisOutput.numbers("layer", "", verdicts.stream().mapToDouble(CausalVerdict.Verdict::layer).toArray()),
                AnalysisOutput.numbers("multiplier", "x mean residual norm",
                        verdicts.stream().mapToDouble(CausalVerdict.Verdict::multiplier).toArray()),
                AnalysisOutput.texts("yes", verdicts.stream().map(v -> Boolean.toString(v.yes())).toArray(String[]::new)),
                AnalysisOutput.numbers("meanShiftP", "P(matching) steered - unsteered",
                        verdicts.stream().mapToDouble(CausalVerdict.Verdict::meanShiftP).toArray()),
                AnalysisOutput.numbers("shiftCiLow", "", verdicts.stream().mapToDouble(v -> v.shiftInterval().low()).toArray()),
                AnalysisOutput.numbers("shiftCiHigh", "", verdicts.stream().mapToDouble(v -> v.shiftInterval().high()).toArray()),
                AnalysisOutput.numbers("netFlipRate", "share of prompts",
                        verdicts.stream().mapToDouble(CausalVerdict.Verdict::netFlipRate).toArray()),
                AnalysisOutput.numbers("flipCiLow", "", verdicts.stream().mapToDouble(v -> v.flipInterval().low()).toArray()),
                AnalysisOutput.numbers("flipCiHigh", "", verdicts.stream().mapToDouble(v -> v.flipInterval().high()).toArray()),
                AnalysisOutput.numbers("saturated", "prompts", verdicts.stream().mapToDouble(CausalVerdict.Verdict::saturated).toArray()),
                AnalysisOutput.numbers("unsaturatedShiftP", "", verdicts.stream().mapToDouble(CausalVerdict.Verdict::unsaturatedShiftP).toArray()),
                AnalysisOutput.numbers("saturatedShiftP", "", verdicts.stream().mapToDouble(CausalVerdict.Verdict::saturatedShiftP).toArray()),
                AnalysisOutput.numbers("nullMean", "", verdicts.stream().mapToDouble(CausalVerdict.Verdict::nullMean).toArray()),
                AnalysisOutput.numbers("nullSd", "", verdicts.stream().mapToDouble(CausalVerdict.Verdict::nullSd).toArray()),
                AnalysisOutput.numbers("p", "one-sided, against the random null",
                        verdicts.stream().mapToDouble(CausalVerdict.Verdict::p).toArray()),
                AnalysisOutput.numbers("holmP", "Holm-corrected across layers",
                        verdicts.stream().mapToDouble(CausalVerdict.Verdict::holmP).toArray()),
                AnalysisOutput.texts("reason", verdicts.stream().map(CausalVerdict.Verdict::reason).toArray(String[]::new)));
        int layers = randomNull.meanShiftP().length;
        float[] shifts = new float[layers * randomNull.directions()];
        float[] flips = new float[shifts.length];
        for (int l = 0; l < layers; l++) {
            for (int i = 0; i < randomNull.directions(); i++) {
                shifts[l * randomNull.directions() + i] = (float) randomNull.meanShiftP()[l][i];
                flips[l * randomNull.directions() + i] = (float) randomNull.netFlipRate()[l][i];
            }
        }
        out.array("nullShiftP", List.of("layer", "direction"), new int[] {layers, randomNull.directions()}, shifts);
        out.array("nullFlipRate", List.of("layer", "direction"), new int[] {layers, randomNull.directions()}, flips);
        out.note("nullDirections", Integer.toString(randomNull.directions()));
        out.note("nullSeed", Long.toString(randomNull.seed()));
        out.note("nullMultiplier", Double.toString(randomNull.multiplier()));
        out.note("shamMaxDifference", Double.toString(randomNull.shamMaxDifference()));
        out.note("saturationMargin", Double.toString(settings.saturationMargin()));
        out.note("minShiftP", Double.toString(settings.minShiftP()));
        out.note("minFlipRate", Double.toString(settings.minFlipRate()));
        out.note("alpha", Double.toString(settings.alpha()));
        float[] groups = new float[promptGroup.length];
        for (int i = 0; i < groups.length; i++) {
            groups[i] = promptGroup[i];
        }
        out.array("promptGroup", List.of("prompt"), new int[] {groups.length}, groups);
        out.note("verdictInterval", CausalVerdict.intervalMethod(promptGroup));
    }

    /**
     * The A/B prompts of a held-out capture with their matching answers, from the parameters label, answerA,
     * answerB, heldOut and target (see plugin.xml); {@code probePositiveLabel} serves target=probe, and
     * {@code chosen} receives the prompts' records in the same order.
     */
    public static List<AbPrompt> heldOutPrompts(ActivationSet heldOut, AnalysisParameters p, String probePositiveLabel,
            List<PromptInfo> chosen) throws AnalysisException {
        String label = p.getString("label");
        String answerA = p.getString("answerA");
        String answerB = p.getString("answerB");
        boolean onlyUnpaired = switch (p.getString("heldOut")) {
            case "unpaired" -> true;
            case "all" -> false;
            default -> throw new AnalysisException("heldOut must be unpaired or all, not '" + p.getString("heldOut") + "'");
        };
        // null: each prompt's label names its matching answer; else the same answer for every prompt
        Boolean probeTargetIsA = null;
        String target = p.getString("target");
        if (target.equals("probe")) {
            if (probePositiveLabel == null) {
                throw new AnalysisException("target=probe needs a vector input with a 'positiveLabel' (a probe direction)");
            }
            probeTargetIsA = answerIsA(probePositiveLabel, answerA, answerB, "the probe's positiveLabel");
        } else if (target.startsWith("fixed:")) {
            probeTargetIsA = answerIsA(target.substring("fixed:".length()), answerA, answerB, "target " + target);
        } else if (!target.equals("label")) {
            throw new AnalysisException("target must be label, probe or fixed:<answer>, not '" + target + "'");
        }
        List<AbPrompt> prompts = new ArrayList<>();
        for (int i = 0; i < heldOut.promptCount(); i++) {
            PromptInfo prompt = heldOut.prompts().get(i);
            if (onlyUnpaired && prompt.pairId() != null) {
                continue;
            }
            long[] ids = new long[prompt.tokenIds().length];
            for (int t = 0; t < ids.length; t++) {
                ids[t] = prompt.tokenIds()[t];
            }
            chosen.add(prompt);
            if (probeTargetIsA != null) {
                prompts.add(new AbPrompt(ids, probeTargetIsA));
                continue;
            }
            String value = prompt.label(label);
            if (value == null) {
                throw new AnalysisException("held-out prompt " + i + " of capture " + heldOut.id() + " has no label '"
                        + label + "'; its labels: " + prompt.labels().keySet());
            }
            prompts.add(new AbPrompt(ids, answerIsA(value, answerA, answerB, "prompt " + i + " label " + label)));
        }
        if (prompts.isEmpty()) {
            throw new AnalysisException("capture " + heldOut.id() + " has no held-out prompts"
                    + (onlyUnpaired ? " without a pair id (use heldOut=all to evaluate paired prompts)" : ""));
        }
        return prompts;
    }

    private static boolean answerIsA(String value, String answerA, String answerB, String what) throws AnalysisException {
        if (value.equals(answerA)) {
            return true;
        }
        if (value.equals(answerB)) {
            return false;
        }
        throw new AnalysisException(what + " is '" + value + "', neither answerA '" + answerA + "' nor answerB '"
                + answerB + "'");
    }

    static AnalysisOutput output(SweepResult r, List<ProbeCausalTest.Verdict> verdicts, List<Integer> layers,
            IntFunction<SteeringVector> vectors, int n, int dModel) {
        List<SweepResult.Row> rows = r.rows();
        AnalysisOutput out = new AnalysisOutput();
        out.table("summary",
                AnalysisOutput.texts("vector", rows.stream().map(SweepResult.Row::vector).toArray(String[]::new)),
                AnalysisOutput.numbers("layer", "", rows.stream().mapToDouble(SweepResult.Row::layer).toArray()),
                AnalysisOutput.numbers("multiplier", "x mean residual norm",
                        rows.stream().mapToDouble(SweepResult.Row::multiplier).toArray()),
                AnalysisOutput.numbers("coefficient", "raw", rows.stream().mapToDouble(SweepResult.Row::coefficient).toArray()),
                AnalysisOutput.numbers("addedNorm", "", rows.stream().mapToDouble(SweepResult.Row::addedNorm).toArray()),
                AnalysisOutput.numbers("meanResidNorm", "", rows.stream().mapToDouble(SweepResult.Row::meanResidNorm).toArray()),
                AnalysisOutput.numbers("meanP", "softmax over the two answers",
                        rows.stream().mapToDouble(SweepResult.Row::meanP).toArray()),
                AnalysisOutput.numbers("meanPFull", "full softmax", rows.stream().mapToDouble(SweepResult.Row::meanPFull).toArray()),
                AnalysisOutput.numbers("meanLogitDiff", "logits", rows.stream().mapToDouble(SweepResult.Row::meanLogitDiff).toArray()),
                AnalysisOutput.numbers("wrongWayShare", "", rows.stream().mapToDouble(SweepResult.Row::wrongWayShare).toArray()),
                AnalysisOutput.numbers("n", "prompts", rows.stream().mapToDouble(SweepResult.Row::n).toArray()));
        out.table("causal",
                AnalysisOutput.texts("vector", verdicts.stream().map(ProbeCausalTest.Verdict::vector).toArray(String[]::new)),
                AnalysisOutput.numbers("layer", "", verdicts.stream().mapToDouble(ProbeCausalTest.Verdict::layer).toArray()),
                AnalysisOutput.numbers("slope", "logit diff per multiplier",
                        verdicts.stream().mapToDouble(ProbeCausalTest.Verdict::slope).toArray()),
                AnalysisOutput.numbers("spearman", "", verdicts.stream().mapToDouble(ProbeCausalTest.Verdict::spearman).toArray()),
                AnalysisOutput.texts("monotone", verdicts.stream().map(v -> Boolean.toString(v.monotone())).toArray(String[]::new)),
                AnalysisOutput.numbers("controlEffect", "mean |per-prompt slope| of the random control",
                        verdicts.stream().mapToDouble(ProbeCausalTest.Verdict::controlEffect).toArray()),
                AnalysisOutput.numbers("excessLow", "95% lower bound of mean (slope - |control slope|) per prompt",
                        verdicts.stream().mapToDouble(ProbeCausalTest.Verdict::excessLow).toArray()),
                AnalysisOutput.texts("movesAsPredicted",
                        verdicts.stream().map(v -> Boolean.toString(v.movesAsPredicted())).toArray(String[]::new)));
        int[] shape = {r.kinds(), layers.size(), r.config().multipliers().length, n};
        List<String> axes = List.of("vector", "layer", "multiplier", "prompt");
        out.array("probability", axes, shape, r.probability());
        out.array("probabilityFull", axes, shape, r.probabilityFull());
        out.array("logitDiff", axes, shape, r.logitDiff());
        out.array("baselineLogitDiff", List.of("prompt"), new int[] {n}, r.baselineLogitDiff());
        float[] all = new float[layers.size() * dModel];
        for (int l = 0; l < layers.size(); l++) {
            System.arraycopy(vectors.apply(layers.get(l)).values(), 0, all, l * dModel, dModel);
        }
        out.array("vectors", List.of("layer", "d_model"), new int[] {layers.size(), dModel}, all);
        SteeringVector first = vectors.apply(layers.get(0));
        out.note("vectorMethod", first.method());
        first.provenance().forEach((k, v) -> out.note("vector." + k, v));
        out.note("layers", layers.toString());
        out.note("prompts", Integer.toString(n));
        out.note("probability", "P(matching answer) at the last prompt position; meanP restricts the softmax to the "
                + "two answer tokens, meanPFull uses the full vocabulary");
        return out;
    }

    /** Parameter values are trimmed, so a leading space is written as {@code \s}. */
    public static String unescape(String token) {
        return token.replace("\\s", " ");
    }

    static HookPoint point(String name) throws AnalysisException {
        try {
            return steerablePoint(name);
        } catch (IllegalArgumentException e) {
            throw new AnalysisException(e.getMessage(), e);
        }
    }

    /** The steerable per-layer hook point named {@code name} (case-insensitive), e.g. {@code resid_post}. */
    static HookPoint steerablePoint(String name) {
        for (HookPoint point : List.of(HookPoint.RESID_PRE, HookPoint.RESID_MID, HookPoint.RESID_POST,
                HookPoint.ATTN_OUT, HookPoint.MLP_OUT)) {
            if (point.name().equalsIgnoreCase(name)) {
                return point;
            }
        }
        throw new IllegalArgumentException("point must be one of resid_pre, resid_mid, resid_post, attn_out, mlp_out; "
                + "not '" + name + "'");
    }

    /** "all" or a comma list, each checked against the model's layer count. */
    public static List<Integer> layers(String spec, int layerCount) {
        List<Integer> out = new ArrayList<>();
        if (spec.equals("all")) {
            for (int l = 0; l < layerCount; l++) {
                out.add(l);
            }
            return out;
        }
        for (String part : spec.split(",")) {
            int layer;
            try {
                layer = Integer.parseInt(part.strip());
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("layers: '" + part.strip() + "' is not a layer number");
            }
            if (layer < 0 || layer >= layerCount) {
                throw new IllegalArgumentException("layer " + layer + " is out of range: the model has layers 0.."
                        + (layerCount - 1));
            }
            out.add(layer);
        }
        return out;
    }

    public static double[] multipliers(String spec) {
        String[] parts = spec.split(",");
        double[] out = new double[parts.length];
        for (int i = 0; i < parts.length; i++) {
            try {
                out[i] = Double.parseDouble(parts[i].strip());
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("multipliers: '" + parts[i].strip() + "' is not a number");
            }
        }
        return out;
    }

    /** The parameter {@code model}, else the checkpoint folder the held-out capture was run with. */
    public static Path modelFolder(AnalysisContext context) throws AnalysisException {
        AnalysisParameters p = context.parameters();
        if (p.isSet("model") && !p.getString("model").isBlank()) {
            return Path.of(p.getString("model"));
        }
        ActivationSet heldOut = context.capture("heldOut");
        return heldOut.modelFolder().orElseThrow(() -> new AnalysisException("no model to steer: capture "
                + heldOut.id() + " records no checkpoint folder; give the parameter 'model'"));
    }
}
