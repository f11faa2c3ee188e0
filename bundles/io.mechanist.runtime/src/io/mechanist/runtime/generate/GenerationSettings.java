package io.mechanist.runtime.generate;

/**
 * How to pick tokens.
 *
 * @param maxNewTokens upper bound on generated tokens
 * @param temperature 0 for greedy decoding (argmax, lowest id on ties); otherwise logits are divided by it
 * @param topP nucleus sampling: sample among the most likely tokens whose probabilities sum to at least topP
 *     (1 = the whole vocabulary)
 * @param seed seed of the sampler: the same seed, prompt, settings and plan give the same tokens
 * @param stopTokens generation stops after producing one of these (null: the model's end-of-sequence ids)
 * @param useKvCache reuse keys/values of earlier tokens (false recomputes the whole sequence at every step)
 */
public record GenerationSettings(int maxNewTokens, double temperature, double topP, long seed, long[] stopTokens,
        boolean useKvCache) {

    public GenerationSettings {
        if (maxNewTokens < 0) {
            throw new IllegalArgumentException("maxNewTokens must be >= 0, was " + maxNewTokens);
        }
        if (temperature < 0 || Double.isNaN(temperature)) {
            throw new IllegalArgumentException("temperature must be >= 0, was " + temperature);
        }
        if (!(topP > 0 && topP <= 1)) {
            throw new IllegalArgumentException("topP must be in (0, 1], was " + topP);
        }
        stopTokens = stopTokens == null ? null : stopTokens.clone();
    }

    public static GenerationSettings greedy(int maxNewTokens) {
        return new GenerationSettings(maxNewTokens, 0, 1, 0, null, true);
    }

    public static GenerationSettings sampling(int maxNewTokens, double temperature, double topP, long seed) {
        return new GenerationSettings(maxNewTokens, temperature, topP, seed, null, true);
    }

    public GenerationSettings withKvCache(boolean use) {
        return new GenerationSettings(maxNewTokens, temperature, topP, seed, stopTokens, use);
    }

    public GenerationSettings withStopTokens(long... ids) {
        return new GenerationSettings(maxNewTokens, temperature, topP, seed, ids, useKvCache);
    }

    @Override
    public long[] stopTokens() {
        return stopTokens == null ? null : stopTokens.clone();
    }
}
