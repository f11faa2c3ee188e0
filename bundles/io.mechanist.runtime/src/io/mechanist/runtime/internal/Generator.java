package io.mechanist.runtime.internal;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.function.BooleanSupplier;
import java.util.function.Function;

import io.mechanist.core.hooks.HookSite;
import io.mechanist.runtime.ActivationSink;
import io.mechanist.runtime.generate.BatchTokenListener;
import io.mechanist.runtime.generate.GenerationResult;
import io.mechanist.runtime.generate.GenerationSettings;
import io.mechanist.runtime.intervention.InterventionPlan;
import io.mechanist.runtime.intervention.Positions;

/**
 * The generation loop over a batch of prompts: a prompt pass, then one token per prompt per step (with a KV cache)
 * or whole sequences again (without), each prompt sampled by its own seeded sampler. Inputs are validated by the
 * caller.
 */
public final class Generator {
    private final Transformer transformer;
    private final Function<long[], String> decoder;

    /** @param decoder token ids to text (special tokens kept), or null without a tokenizer */
    public Generator(Transformer transformer, Function<long[], String> decoder) {
        this.transformer = transformer;
        this.decoder = decoder;
    }

    public List<GenerationResult> generate(List<long[]> prompts, int[] promptLength, GenerationSettings settings,
            InterventionPlan plan, Set<HookSite> captureSites, ActivationSink sink, BatchTokenListener listener,
            BooleanSupplier cancelled, long[] stops) {
        int batch = prompts.size();
        ActivationSink target = sink != null ? sink : (site, rows) -> { };
        Sampler[] samplers = new Sampler[batch];
        List<List<Long>> generated = new ArrayList<>();
        String[] texts = new String[batch];
        GenerationResult.StopReason[] reasons = new GenerationResult.StopReason[batch];
        int[] finalLength = new int[batch];
        Arrays.fill(finalLength, -1);
        for (int b = 0; b < batch; b++) {
            samplers[b] = new Sampler(settings);
            generated.add(new ArrayList<>());
            texts[b] = "";
        }
        try (KvCache cache = settings.useKvCache() ? new KvCache(transformer.weightsManager(), transformer.spec().layerCount(),
                batch) : null) {
            for (int step = 0; step < settings.maxNewTokens() && Arrays.stream(reasons).anyMatch(
                    Objects::isNull); step++) {
                if (cancelled != null && cancelled.getAsBoolean()) {
                    for (int b = 0; b < batch; b++) {
                        reasons[b] = reasons[b] == null ? GenerationResult.StopReason.CANCELLED : reasons[b];
                    }
                    break;
                }
                ChunkLayout layout;
                long[] tokens;
                if (cache != null && step > 0) {
                    int[] positions = new int[batch];
                    tokens = new long[batch];
                    for (int b = 0; b < batch; b++) {
                        positions[b] = promptLength[b] + step - 1;
                        tokens[b] = generated.get(b).get(step - 1);
                    }
                    layout = ChunkLayout.step(promptLength, positions);
                } else {
                    List<long[]> sequences = new ArrayList<>();
                    for (int b = 0; b < batch; b++) {
                        sequences.add(concat(prompts.get(b), generated.get(b)));
                    }
                    layout = ChunkLayout.sequences(sequences, promptLength);
                    tokens = layout.slotTokens(sequences);
                }
                HookRuntime hooks = new HookRuntime(captureSites, Positions.all(), plan, target, 0);
                List<float[]> logits = transformer.lastLogits(layout, tokens, cache, hooks, false);
                if (cache != null) {
                    cache.commit(layout.slotPositions());
                }
                for (int b = 0; b < batch; b++) {
                    // Finished prompts keep feeding their stop token so the batch stays rectangular; it is not reported.
                    List<Long> row = generated.get(b);
                    if (reasons[b] != null) {
                        row.add(row.get(row.size() - 1));
                        continue;
                    }
                    long token = samplers[b].next(logits.get(b));
                    row.add(token);
                    String delta = "";
                    if (decoder != null) {
                        String now = decoder.apply(row.stream().mapToLong(Long::longValue).toArray());
                        delta = now.startsWith(texts[b]) ? now.substring(texts[b].length()) : now;
                        texts[b] = now;
                    }
                    if (listener != null) {
                        listener.onToken(b, step, token, delta);
                    }
                    if (contains(stops, token)) {
                        reasons[b] = GenerationResult.StopReason.STOP_TOKEN;
                        finalLength[b] = row.size();
                    }
                }
            }
        }
        List<GenerationResult> results = new ArrayList<>();
        for (int b = 0; b < batch; b++) {
            List<Long> row = generated.get(b);
            int length = finalLength[b] >= 0 ? finalLength[b] : row.size();
            long[] ids = row.subList(0, length).stream().mapToLong(Long::longValue).toArray();
            results.add(new GenerationResult(prompts.get(b), ids, decoder != null ? texts[b] : null,
                    reasons[b] != null ? reasons[b] : GenerationResult.StopReason.MAX_TOKENS));
        }
        return results;
    }

    private static boolean contains(long[] ids, long id) {
        for (long x : ids) {
            if (x == id) {
                return true;
            }
        }
        return false;
    }

    private static long[] concat(long[] prompt, List<Long> generated) {
        long[] out = Arrays.copyOf(prompt, prompt.length + generated.size());
        for (int i = 0; i < generated.size(); i++) {
            out[prompt.length + i] = generated.get(i);
        }
        return out;
    }
}
