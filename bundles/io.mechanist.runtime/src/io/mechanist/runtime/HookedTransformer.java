package io.mechanist.runtime;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CancellationException;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.GradientCollector;
import io.mechanist.core.hooks.HookPoint;
import io.mechanist.core.hooks.HookSite;
import io.mechanist.djl.DjlEngines;
import io.mechanist.djl.NativeHeap;
import io.mechanist.runtime.generate.GenerationRequest;
import io.mechanist.runtime.generate.GenerationResult;
import io.mechanist.runtime.generate.BatchTokenListener;
import io.mechanist.runtime.generate.GenerationSettings;
import io.mechanist.runtime.generate.TokenListener;
import io.mechanist.runtime.intervention.Ablate;
import io.mechanist.runtime.intervention.AddVector;
import io.mechanist.runtime.intervention.FunctionEdit;
import io.mechanist.runtime.intervention.Intervention;
import io.mechanist.runtime.intervention.InterventionPlan;
import io.mechanist.runtime.intervention.Patch;
import io.mechanist.runtime.intervention.Positions;
import io.mechanist.runtime.internal.ChunkLayout;
import io.mechanist.runtime.internal.FamilyAdapter;
import io.mechanist.runtime.internal.HookRuntime;
import io.mechanist.runtime.internal.Generator;
import io.mechanist.runtime.internal.JsonConfig;
import io.mechanist.runtime.internal.Transformer;
import io.mechanist.runtime.internal.WeightBudget;
import io.mechanist.runtime.internal.WeightSource;
import io.mechanist.runtime.weights.WeightPlan;

/**
 * A Hugging Face checkpoint folder running on DJL with named hook sites (see {@link HookPoint}): forward passes
 * over batches of prompts that capture chosen sites, interventions given as data, and generation. Numbers follow
 * the Hugging Face implementation of each {@link Family} in float32, without weight folding.
 *
 * <p>Load with {@link #load(Path)}; close to release the weights.
 */
public final class HookedTransformer implements AutoCloseable {
    private static final Set<HookPoint> EDITABLE = EnumSet.of(HookPoint.EMBED, HookPoint.RESID_PRE,
            HookPoint.ATTN_Q, HookPoint.ATTN_K, HookPoint.ATTN_V, HookPoint.ATTN_SCORES,
            HookPoint.ATTN_PATTERN, HookPoint.ATTN_Z, HookPoint.ATTN_OUT, HookPoint.RESID_MID, HookPoint.MLP_POST,
            HookPoint.MLP_OUT, HookPoint.RESID_POST, HookPoint.FINAL_NORM);
    /** The points inside each block, in execution order. */
    private static final List<HookPoint> BLOCK_POINTS = List.of(HookPoint.RESID_PRE, HookPoint.ATTN_Q,
            HookPoint.ATTN_K, HookPoint.ATTN_V, HookPoint.ATTN_SCORES, HookPoint.ATTN_PATTERN, HookPoint.ATTN_Z,
            HookPoint.ATTN_OUT, HookPoint.RESID_MID, HookPoint.MLP_POST, HookPoint.MLP_OUT, HookPoint.RESID_POST);
    private static final HookSite LOGITS = HookSite.of(HookPoint.LOGITS, -1);

    private final Path folder;
    private final Transformer transformer;
    private final ModelTokenizer tokenizer;
    private final long[] eosTokens;
    private final List<String> warnings;

    private HookedTransformer(Path folder, Transformer transformer, ModelTokenizer tokenizer, long[] eosTokens,
            List<String> warnings) {
        this.folder = folder;
        this.transformer = transformer;
        this.tokenizer = tokenizer;
        this.eosTokens = eosTokens;
        this.warnings = List.copyOf(warnings);
    }

    /** Up to eight names, then how many more. */
    private static String names(List<String> names) {
        return names.size() <= 8 ? String.join(", ", names)
                : String.join(", ", names.subList(0, 8)) + " and " + (names.size() - 8) + " more";
    }

    /**
     * Loads a checkpoint folder: config.json, model.safetensors (or shards with model.safetensors.index.json) and,
     * when present, tokenizer.json. Pickle checkpoints (.bin, .pt, .pth) are refused.
     *
     * @throws CheckpointException naming the file (and tensor) for unsupported architectures, missing files,
     *     shape or dtype mismatches
     */
    public static HookedTransformer load(Path folder) throws IOException {
        return load(folder, WeightPlan.NONE);
    }

    /**
     * Loads a checkpoint folder with weight edits applied as the tensors load (noise, interpolation towards another
     * checkpoint, scaling); the files are not changed. See {@link #load(Path)}.
     */
    public static HookedTransformer load(Path folder, WeightPlan plan) throws IOException {
        if (!Files.isDirectory(folder)) {
            throw new CheckpointException(folder, "not a folder");
        }
        JsonConfig config = JsonConfig.read(folder.resolve("config.json"));
        Family family = FamilyAdapter.family(config);
        FamilyAdapter adapter = FamilyAdapter.of(family);
        ModelSpec spec = adapter.spec(config);
        NDManager manager = DjlEngines.withBundleLoader(() -> DjlEngines.engine().newBaseManager());
        Transformer transformer;
        List<String> warnings = new ArrayList<>();
        try {
            WeightSource weights = WeightSource.open(folder, plan, WeightBudget.bytes());
            try {
                transformer = adapter.build(spec, weights, manager);
                List<String> unused = weights.unusedNames().stream().filter(n -> !adapter.isBuffer(n)).toList();
                if (!unused.isEmpty()) {
                    warnings.add(folder + ": " + unused.size() + " tensor(s) that " + family.architecture()
                            + " does not use" + (spec.tiedEmbeddings() ? " (tie_word_embeddings is true)" : "")
                            + ": " + names(unused));
                }
                if (!weights.nonFiniteNames().isEmpty()) {
                    warnings.add(folder + ": NaN or infinite weights in " + names(weights.nonFiniteNames())
                            + "; activations computed from them will not be finite");
                }
            } catch (IOException | RuntimeException e) {
                weights.close();
                throw e;
            }
        } catch (IOException | RuntimeException e) {
            manager.close();
            throw e;
        }
        ModelTokenizer tokenizer = null;
        try {
            if (Files.isRegularFile(folder.resolve("tokenizer.json"))) {
                tokenizer = ModelTokenizer.load(folder);
            }
            return new HookedTransformer(folder, transformer, tokenizer, eosTokens(folder, config), warnings);
        } catch (IOException | RuntimeException e) {
            transformer.close();
            throw e;
        }
    }

    private static long[] eosTokens(Path folder, JsonConfig config) throws CheckpointException {
        Set<Long> ids = new java.util.LinkedHashSet<>();
        for (int id : config.intOrIntList("eos_token_id")) {
            ids.add((long) id);
        }
        Path generation = folder.resolve("generation_config.json");
        if (Files.isRegularFile(generation)) {
            for (int id : JsonConfig.read(generation).intOrIntList("eos_token_id")) {
                ids.add((long) id);
            }
        }
        return ids.stream().mapToLong(Long::longValue).toArray();
    }

    public Path folder() {
        return folder;
    }

    /**
     * What loading found suspicious but not fatal, one line each naming the checkpoint: tensors the architecture
     * does not use (Hugging Face warns about them the same way) and weights holding NaN or infinity.
     */
    public List<String> warnings() {
        return warnings;
    }

    /**
     * How the weights are held: null when as float32, else why the checkpoint's bf16/f16 weights stay 16-bit and are
     * widened layer by layer during a pass (system property {@code io.mechanist.runtime.weightBudget}).
     */
    public String compactWeightsReason() {
        return transformer.compactReason();
    }

    public ModelSpec spec() {
        return transformer.spec();
    }

    /** The tokenizer of the checkpoint. */
    public ModelTokenizer tokenizer() {
        if (tokenizer == null) {
            throw new IllegalStateException(folder.resolve("tokenizer.json") + " does not exist: this checkpoint has no"
                    + " tokenizer");
        }
        return tokenizer;
    }

    public boolean hasTokenizer() {
        return tokenizer != null;
    }

    /** The end-of-sequence ids from config.json and generation_config.json. */
    public long[] eosTokens() {
        return eosTokens.clone();
    }

    /** Every hook site of this model, in execution order. */
    public List<HookSite> hookSites() {
        List<HookSite> sites = new ArrayList<>();
        sites.add(HookSite.of(HookPoint.EMBED, -1));
        for (int layer = 0; layer < spec().layerCount(); layer++) {
            for (HookPoint point : BLOCK_POINTS) {
                sites.add(HookSite.of(point, layer));
            }
        }
        sites.add(HookSite.of(HookPoint.FINAL_NORM, -1));
        sites.add(LOGITS);
        return sites;
    }

    /**
     * The shape of one position's activation at {@code point}: {@code [d_model]}, {@code [head, d_head]} for
     * attn_q/attn_z, {@code [kv_head, d_head]} for attn_k/attn_v, {@code [d_mlp]} for mlp_post, {@code [vocab]} for
     * logits, and {@code [head, key]} (keys = the prompt's length) for attn_scores/attn_pattern.
     */
    public int[] rowShape(HookPoint point, int keys) {
        ModelSpec s = spec();
        return switch (point) {
            case ATTN_Q, ATTN_Z -> new int[] {s.headCount(), s.headDim()};
            case ATTN_K, ATTN_V -> new int[] {s.kvHeadCount(), s.headDim()};
            case MLP_POST -> new int[] {s.mlpDim()};
            case LOGITS -> new int[] {s.vocabSize()};
            case ATTN_SCORES, ATTN_PATTERN -> new int[] {s.headCount(), keys};
            default -> new int[] {s.dModel()};
        };
    }

    /** Values per position at an editable site (the product of {@link #rowShape}). */
    private int rowWidth(HookPoint point) {
        int width = 1;
        for (int d : rowShape(point, 0)) {
            width *= d;
        }
        return width;
    }

    /**
     * Runs the request's prompts in batches. Captures go to the request's sink or, without one, into the result.
     *
     * @throws CancellationException when the request's cancel check returns true between batches
     */
    public RunResult run(RunRequest request) {
        validateSites(request.captureSites());
        validatePlan(request.plan());
        for (int i = 0; i < request.prompts().size(); i++) {
            validatePositions(request.plan(), request.prompts().get(i).length, i);
            checkPrompt(request.prompts().get(i), i, 0);
            int length = request.prompts().get(i).length;
            try {
                request.capturePositions().resolve(length, 0, length);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("capture positions for prompt " + i + ": " + e.getMessage(), e);
            }
        }
        Map<HookSite, SiteActivations[]> kept = new LinkedHashMap<>();
        int total = request.prompts().size();
        ActivationSink sink = request.sink() != null ? request.sink() : (site, batch) -> {
            SiteActivations[] perPrompt = kept.computeIfAbsent(site, s -> new SiteActivations[total]);
            for (SiteActivations a : batch) {
                perPrompt[a.prompt()] = a;
            }
        };
        boolean allLogits = request.captureSites().contains(LOGITS);
        List<float[]> lastLogits = new ArrayList<>();
        for (int from = 0; from < total; from += request.batchSize()) {
            if (request.cancelled().getAsBoolean()) {
                throw new CancellationException("run cancelled after " + from + " of " + total + " prompts");
            }
            List<long[]> batch = request.prompts().subList(from, Math.min(total, from + request.batchSize()));
            ChunkLayout layout = ChunkLayout.prompts(batch, request.padding());
            HookRuntime hooks = new HookRuntime(request.captureSites(), request.capturePositions(), request.plan(),
                    sink, from);
            lastLogits.addAll(transformer.lastLogits(layout, layout.slotTokens(batch), null, hooks, allLogits));
            if (request.progress() != null) {
                request.progress().done(from + batch.size(), total);
            }
        }
        Map<HookSite, List<SiteActivations>> captures = new LinkedHashMap<>();
        kept.forEach((site, perPrompt) -> captures.put(site, List.of(perPrompt)));
        return new RunResult(lastLogits, captures);
    }

    /**
     * Gradients of a logit difference: for each prompt, {@code d(logit[plus] - logit[minus]) / d(activation)} at
     * every given site and position, the logits read at the prompt's last position, through DJL's autograd. Prompts
     * do not interact, so each prompt's gradient is its own. Sites need a row per position (not attention scores or
     * patterns); the plan's edits apply as in {@link #run}, the gradient is taken after them.
     *
     * @param plus per prompt, the token whose logit counts positively
     * @param minus per prompt, the token whose logit counts negatively
     * @return the logits at each prompt's last position, and as captures the gradients (same shapes as a capture)
     */
    public RunResult logitDifferenceGradients(List<long[]> prompts, long[] plus, long[] minus, Set<HookSite> sites,
            InterventionPlan plan, int batchSize) {
        if (plus.length != prompts.size() || minus.length != prompts.size()) {
            throw new IllegalArgumentException("gradients need one plus and one minus token per prompt: " + prompts.size()
                    + " prompts, " + plus.length + " plus, " + minus.length + " minus tokens");
        }
        for (int i = 0; i < prompts.size(); i++) {
            checkToken(plus[i], i);
            checkToken(minus[i], i);
        }
        return gradients(prompts, LogitMetric.logitDifference(plus, minus), sites, plan, batchSize);
    }

    /**
     * Gradients of any scalar metric of the logits at each prompt's last position: for each prompt,
     * {@code d(metric) / d(activation)} at every given site and position, through DJL's autograd (the metric's
     * derivative by the logits, {@link LogitMetric#gradient}, carried back through the model). Prompts do not
     * interact, so each prompt's gradient is its own. Sites need a row per position (not attention scores or
     * patterns); the plan's edits apply as in {@link #run}, the gradient is taken after them.
     *
     * @return the logits at each prompt's last position, and as captures the gradients (same shapes as a capture)
     */
    public RunResult gradients(List<long[]> prompts, LogitMetric metric, Set<HookSite> sites, InterventionPlan plan,
            int batchSize) {
        validateSites(sites);
        for (HookSite site : sites) {
            if (site.point().queryKeyShaped() || site.point() == HookPoint.LOGITS) {
                throw new IllegalArgumentException("gradients are read at sites with a row per position, not "
                        + site.id());
            }
        }
        validatePlan(plan);
        int total = prompts.size();
        for (int i = 0; i < total; i++) {
            validatePositions(plan, prompts.get(i).length, i);
            checkPrompt(prompts.get(i), i, 0);
        }
        Map<HookSite, SiteActivations[]> kept = new LinkedHashMap<>();
        ActivationSink sink = (site, batch) -> {
            SiteActivations[] perPrompt = kept.computeIfAbsent(site, s -> new SiteActivations[total]);
            for (SiteActivations a : batch) {
                perPrompt[a.prompt()] = a;
            }
        };
        List<float[]> lastLogits = new ArrayList<>();
        int vocab = spec().vocabSize();
        for (int from = 0; from < total; from += batchSize) {
            List<long[]> batch = prompts.subList(from, Math.min(total, from + batchSize));
            ChunkLayout layout = ChunkLayout.prompts(batch, Padding.RIGHT);
            HookRuntime hooks = new HookRuntime(Set.of(), Positions.all(), plan, sink, from, sites);
            try (NDManager pass = transformer.weightsManager().newSubManager();
                    GradientCollector collector = DjlEngines.engine().newGradientCollector()) {
                NDArray logits = transformer.forward(pass, layout.slotTokens(batch), layout, null, hooks, false)
                        .reshape(batch.size(), vocab);
                // sum over the batch of logits . d(metric)/d(logits), the derivative held constant: its gradient by
                // any activation is the metric's (chain rule), and prompts do not mix
                float[] all = logits.toFloatArray();
                float[] weights = new float[batch.size() * vocab];
                for (int b = 0; b < batch.size(); b++) {
                    float[] g = metric.gradient(from + b, java.util.Arrays.copyOfRange(all, b * vocab, (b + 1) * vocab));
                    if (g == null || g.length != vocab) {
                        throw new IllegalStateException("the metric's gradient for prompt " + (from + b) + " has "
                                + (g == null ? "no" : g.length) + " values; the vocabulary has " + vocab);
                    }
                    for (float v : g) {
                        if (!Float.isFinite(v)) {
                            throw new IllegalStateException("the metric's gradient for prompt " + (from + b)
                                    + " is not finite");
                        }
                    }
                    System.arraycopy(g, 0, weights, b * vocab, vocab);
                }
                NDArray surrogate = logits.mul(pass.create(weights, new Shape(batch.size(), vocab))).sum();
                collector.backward(surrogate);
                hooks.captureGradients();
                for (int b = 0; b < batch.size(); b++) {
                    lastLogits.add(logits.get(b).toFloatArray());
                }
            }
        }
        Map<HookSite, List<SiteActivations>> gradients = new LinkedHashMap<>();
        kept.forEach((site, perPrompt) -> gradients.put(site, List.of(perPrompt)));
        return new RunResult(lastLogits, gradients);
    }

    private void checkToken(long token, int prompt) {
        if (token < 0 || token >= spec().vocabSize()) {
            throw new IllegalArgumentException("prompt " + prompt + ": token id " + token + " is outside the vocabulary"
                    + " (0.." + (spec().vocabSize() - 1) + ")");
        }
    }

    /** Runs one request once per plan (a sweep), in order. */
    public List<RunResult> sweep(RunRequest request, List<InterventionPlan> plans) {
        List<RunResult> results = new ArrayList<>();
        for (InterventionPlan plan : plans) {
            results.add(run(request.withPlan(plan)));
        }
        return results;
    }

    /** Convenience: one prompt, the given sites captured at every position. */
    public RunResult run(long[] tokens, HookSite... capture) {
        return run(RunRequest.builder(tokens).capture(capture).build());
    }

    /** Generates from one prompt; tokens are streamed to the request's listener as they are chosen. */
    public GenerationResult generate(GenerationRequest request) {
        TokenListener single = request.listener();
        BatchTokenListener listener = single == null ? null
                : (prompt, step, token, delta) -> single.onToken(step, token, delta);
        return generate(List.of(request.prompt()), request.settings(), request.plan(), request.captureSites(),
                request.sink(), listener, request.cancelled()).get(0);
    }

    /**
     * Generates from several prompts in one batch (padded; a KV cache per batch). Each prompt gets its own sampler
     * seeded with {@code settings.seed()}, so its tokens equal those of generating it alone. A prompt that
     * produced a stop token stops; the batch ends when all have stopped, at {@code maxNewTokens}, or on cancel.
     *
     * @param captureSites sites captured at every pass, delivered to {@code sink} (prompt = index in the batch)
     */
    public List<GenerationResult> generate(List<long[]> prompts, GenerationSettings settings, InterventionPlan plan,
            Set<HookSite> captureSites, ActivationSink sink, BatchTokenListener listener,
            java.util.function.BooleanSupplier cancelled) {
        int batch = prompts.size();
        if (!captureSites.isEmpty() && sink == null) {
            throw new IllegalArgumentException("captures during generation need a sink");
        }
        validateSites(captureSites);
        validatePlan(plan);
        int[] promptLength = new int[batch];
        for (int b = 0; b < batch; b++) {
            validatePositions(plan, prompts.get(b).length, b);
            checkPrompt(prompts.get(b), b, settings.maxNewTokens());
            promptLength[b] = prompts.get(b).length;
        }
        long[] stops = settings.stopTokens() != null ? settings.stopTokens() : eosTokens;
        return new Generator(transformer, tokenizer == null ? null : ids -> tokenizer.decode(ids, false))
                .generate(prompts, promptLength, settings, plan, captureSites, sink, listener, cancelled, stops);
    }

    /**
     * Forward pass over a [batch, pos] block of token ids without hooks, computing logits at every position
     * (left in native memory): the unit the benchmark times.
     */
    public void forwardAllLogits(long[][] tokens) {
        List<long[]> rows = List.of(tokens);
        ChunkLayout layout = ChunkLayout.prompts(rows, Padding.RIGHT);
        HookRuntime hooks = new HookRuntime(Set.of(), Positions.all(), InterventionPlan.none(), (s, b) -> { }, 0);
        try (NDManager pass = transformer.weightsManager().newSubManager()) {
            transformer.forward(pass, layout.slotTokens(rows), layout, null, hooks, true);
        }
    }

    /**
     * Diagnostics: the number of native arrays the model holds (its weights, plus anything a pass failed to
     * release). Constant across passes when nothing leaks.
     */
    public int liveArrayCount() {
        return transformer.weightsManager().getManagedArrays().size();
    }

    private void validateSites(Set<HookSite> sites) {
        for (HookSite site : sites) {
            if (site.point().perLayer() && (site.layer() < 0 || site.layer() >= spec().layerCount())) {
                throw new IllegalArgumentException("hook site " + site.id() + " names layer " + site.layer()
                        + " but the model has layers 0.." + (spec().layerCount() - 1));
            }
        }
    }

    private void validatePlan(InterventionPlan plan) {
        for (Intervention edit : plan.interventions()) {
            validateSites(Set.of(edit.site()));
            if (!EDITABLE.contains(edit.site().point())) {
                throw new IllegalArgumentException(edit + ": interventions apply to sites with a row per position ("
                        + EDITABLE.stream().map(p -> p.name().toLowerCase()).toList() + "), not "
                        + edit.site().id());
            }
            boolean queryKey = edit.site().point().queryKeyShaped();
            int expected = queryKey ? spec().headCount() : rowWidth(edit.site().point());
            int width = switch (edit) {
                case AddVector add -> add.vector().length;
                case Ablate ablate -> ablate.isZero() ? expected : ablate.meanVector().length;
                case Patch patch -> patch.width();
                case FunctionEdit function -> expected;
            };
            if (queryKey) {
                // [head, key] rows: their width depends on the prompt, checked per prompt when the edit runs
                if (width == 0 || width % expected != 0) {
                    throw new IllegalArgumentException(edit + ": " + width + " values per position, but "
                            + edit.site().id() + " has a [head, key] row of " + expected + " heads x the prompt's"
                            + " length");
                }
                continue;
            }
            if (width != expected) {
                throw new IllegalArgumentException(edit + ": vector width " + width + " but " + edit.site().id()
                        + " has " + expected + " values per position " + java.util.Arrays.toString(
                        rowShape(edit.site().point(), 0)));
            }
        }
    }

    private static void validatePositions(InterventionPlan plan, int promptLength, int prompt) {
        for (Intervention edit : plan.interventions()) {
            Positions positions = edit.positions();
            if (positions.everyPosition()) {
                continue;
            }
            for (int index : positions.indices()) {
                int p = index < 0 ? promptLength + index : index;
                if (p < 0) {
                    throw new IllegalArgumentException(edit + ": position " + index + " is before the start of prompt "
                            + prompt + " (" + promptLength + " tokens)");
                }
            }
        }
    }

    private void checkPrompt(long[] tokens, int prompt, int newTokens) {
        ModelSpec spec = spec();
        if (spec.learnedPositions() && tokens.length + newTokens > spec.maxPositions()) {
            throw new IllegalArgumentException("prompt " + prompt + " has " + tokens.length + " tokens"
                    + (newTokens > 0 ? " + " + newTokens + " to generate" : "") + " but the model has learned"
                    + " positions for only " + spec.maxPositions());
        }
        int ropeLimit = ropePositionLimit(spec);
        if (ropeLimit > 0 && tokens.length + newTokens > ropeLimit) {
            throw new IllegalArgumentException("prompt " + prompt + " has " + tokens.length + " tokens"
                    + (newTokens > 0 ? " + " + newTokens + " to generate" : "") + " but the model's dynamic rope"
                    + " scaling is supported only up to max_position_embeddings = " + ropeLimit + " positions (beyond,"
                    + " Hugging Face recomputes the frequencies from the longest input it has seen, so the numbers"
                    + " would depend on earlier runs)");
        }
        for (long t : tokens) {
            if (t < 0 || t >= spec().vocabSize()) {
                throw new IllegalArgumentException("prompt " + prompt + " has token id " + t
                        + " outside the vocabulary (0.." + (spec().vocabSize() - 1) + ")");
            }
        }
    }

    /** The smallest position limit of the layers' rotary embeddings, 0 when none has one. */
    private static int ropePositionLimit(ModelSpec spec) {
        int limit = 0;
        for (ModelSpec.LayerSpec layer : spec.layers()) {
            int own = layer.rope() == null ? 0 : layer.rope().positionLimit();
            if (own > 0 && (limit == 0 || own < limit)) {
                limit = own;
            }
        }
        return limit;
    }

    @Override
    public void close() throws IOException {
        if (tokenizer != null) {
            tokenizer.close();
        }
        transformer.close();
        // malloc keeps freed tensors for the next forward pass (NativeHeap); with the model gone, give them back
        NativeHeap.releaseFree();
    }
}
