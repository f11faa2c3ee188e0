package io.mechanist.devtools.trainer;

/**
 * Hyper-parameters of a training run.
 *
 * @param config the model shape
 * @param steps optimizer steps
 * @param batchSize sequences per step
 * @param peakLearningRate Adam learning rate after warm-up
 * @param finalLearningRate learning rate at the end of the cosine decay
 * @param warmUpSteps linear warm-up from 0
 * @param seed draws the initial weights and the batches
 */
public record TrainingOptions(GptConfig config, int steps, int batchSize, float peakLearningRate,
        float finalLearningRate, int warmUpSteps, long seed) {

    public TrainingOptions {
        if (steps < 1 || batchSize < 1 || warmUpSteps < 0 || warmUpSteps >= Math.max(steps, 1) && steps > 1) {
            throw new IllegalArgumentException("steps and batch size must be positive and warm-up shorter than the"
                    + " run: " + steps + " steps, batch " + batchSize + ", warm-up " + warmUpSteps);
        }
    }

    public TrainingOptions withSteps(int newSteps) {
        return new TrainingOptions(config, newSteps, batchSize, peakLearningRate, finalLearningRate,
                Math.min(warmUpSteps, Math.max(newSteps - 1, 0)), seed);
    }
}
