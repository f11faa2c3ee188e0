package io.mechanist.runtime.generate;

/**
 * @param promptTokens the prompt as run
 * @param generatedTokens the new tokens (including a final stop token, if one was produced)
 * @param text the decoded new tokens (special tokens kept), or null when the model has no tokenizer
 * @param stopReason why generation ended
 */
public record GenerationResult(long[] promptTokens, long[] generatedTokens, String text, StopReason stopReason) {

    public enum StopReason { MAX_TOKENS, STOP_TOKEN, CANCELLED }

    public GenerationResult {
        promptTokens = promptTokens.clone();
        generatedTokens = generatedTokens.clone();
    }

    @Override
    public long[] promptTokens() {
        return promptTokens.clone();
    }

    @Override
    public long[] generatedTokens() {
        return generatedTokens.clone();
    }
}
