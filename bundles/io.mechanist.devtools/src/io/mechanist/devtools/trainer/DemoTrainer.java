package io.mechanist.devtools.trainer;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.NDScope;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.GradientCollector;
import ai.djl.training.optimizer.Adam;
import ai.djl.training.optimizer.Optimizer;
import ai.djl.training.tracker.CosineTracker;
import ai.djl.training.tracker.Tracker;
import ai.djl.training.tracker.WarmUpTracker;
import ai.djl.pytorch.jni.JniUtils;
import io.mechanist.djl.DjlEngines;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Random;
import java.util.function.Consumer;

/**
 * Trains a GPT-2 decoder (from scratch, or from given weights to fine-tune) with next-token cross-entropy on every real position, Adam with linear
 * warm-up and cosine decay, on DJL's PyTorch engine. Weights and batches come from the seed.
 */
public final class DemoTrainer {

    /** What a run produced: the weights by Hugging Face name and the loss of every step. */
    public record Result(Map<String, float[]> weights, float[] losses, double seconds) {

        public float firstLoss() {
            return losses[0];
        }

        /** Mean loss over the last {@code n} steps. */
        public double meanLastLosses(int n) {
            int from = Math.max(0, losses.length - n);
            double sum = 0;
            for (int i = from; i < losses.length; i++) {
                sum += losses[i];
            }
            return sum / (losses.length - from);
        }
    }

    private static final double MAX_GRADIENT_NORM = 1.0;

    private DemoTrainer() {
    }

    /**
     * Sets PyTorch's intra-op thread count for this JVM. The model is small, so a single thread loses little on
     * an idle machine, while several threads on a busy one wait on each other: measured 0.17 s per step with one
     * thread against 1.9 s with two on a loaded 2-core machine.
     */
    public static void setComputeThreads(int threads) {
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be at least 1, got " + threads);
        }
        DjlEngines.withBundleLoader(() -> {
            DjlEngines.engine();
            JniUtils.setNumThreads(threads);
            return null;
        });
    }

    /**
     * @param log receives a progress line every {@code logEvery} steps (and for the last step)
     * @throws IllegalStateException when the loss becomes NaN or infinite
     */
    public static Result train(TrainingOptions options, TrainingData data, Consumer<String> log, int logEvery) {
        return train(options, data, GptParameters.initialValues(options.config(), options.seed()), log, logEvery);
    }

    /**
     * Trains from the given weights (fine-tuning); the seed then draws only the batches.
     *
     * @param initial every tensor of {@link GptParameters#shapes(GptConfig)} by Hugging Face name
     */
    public static Result train(TrainingOptions options, TrainingData data, Map<String, float[]> initial,
            Consumer<String> log, int logEvery) {
        return DjlEngines.withBundleLoader(() -> run(options, data, initial, log, logEvery));
    }

    private static Result run(TrainingOptions options, TrainingData data, Map<String, float[]> initial,
            Consumer<String> log, int logEvery) {
        GptConfig config = options.config();
        if (data.width() > config.contextLength()) {
            throw new IllegalArgumentException("training sequences of " + (data.width() + 1)
                    + " tokens do not fit n_positions " + config.contextLength());
        }
        Engine engine = DjlEngines.engine();
        long start = System.nanoTime();
        float[] losses = new float[options.steps()];
        try (NDManager root = engine.newBaseManager()) {
            Map<String, NDArray> parameters = new LinkedHashMap<>();
            Map<String, long[]> shapes = GptParameters.shapes(config);
            for (Map.Entry<String, long[]> shape : shapes.entrySet()) {
                float[] values = initial.get(shape.getKey());
                if (values == null || values.length != GptParameters.product(shape.getValue())) {
                    throw new IllegalArgumentException("initial weights lack " + shape.getKey() + " of shape "
                            + java.util.Arrays.toString(shape.getValue()));
                }
                NDArray p = root.create(values, new Shape(shape.getValue()));
                p.setRequiresGradient(true);
                parameters.put(shape.getKey(), p);
            }
            GptForward forward = new GptForward(config, parameters);
            Optimizer adam = Adam.builder().optLearningRateTracker(schedule(options)).build();
            Random batches = new Random(options.seed() * 7919 + 17);
            for (int step = 0; step < options.steps(); step++) {
                TrainingData.Batch batch = data.sample(batches, options.batchSize());
                losses[step] = lossAndGradients(engine, root, forward, batch);
                if (!Float.isFinite(losses[step])) {
                    throw new IllegalStateException("training diverged: loss " + losses[step] + " at step " + step);
                }
                update(parameters, adam);
                if ((step + 1) % logEvery == 0 || step == options.steps() - 1) {
                    log.accept(String.format("step %5d/%d  loss %.4f  %.1f s", step + 1, options.steps(),
                            losses[step], (System.nanoTime() - start) / 1e9));
                }
            }
            Map<String, float[]> weights = new LinkedHashMap<>();
            for (Map.Entry<String, NDArray> p : parameters.entrySet()) {
                weights.put(p.getKey(), p.getValue().toFloatArray());
            }
            return new Result(weights, losses, (System.nanoTime() - start) / 1e9);
        }
    }

    /**
     * Clips the gradients to a global L2 norm of {@value #MAX_GRADIENT_NORM}, lets Adam update every parameter in
     * place, then zeroes the gradients (PyTorch accumulates them across backward passes).
     */
    private static void update(Map<String, NDArray> parameters, Optimizer adam) {
        Map<String, NDArray> gradients = new LinkedHashMap<>();
        for (Map.Entry<String, NDArray> p : parameters.entrySet()) {
            gradients.put(p.getKey(), p.getValue().getGradient());
        }
        try {
            double squares = 0;
            for (NDArray g : gradients.values()) {
                try (NDArray s = g.square().sum()) {
                    squares += s.getFloat();
                }
            }
            double norm = Math.sqrt(squares);
            if (norm > MAX_GRADIENT_NORM) {
                for (NDArray g : gradients.values()) {
                    g.muli(MAX_GRADIENT_NORM / norm);
                }
            }
            for (Map.Entry<String, NDArray> p : parameters.entrySet()) {
                NDArray gradient = gradients.get(p.getKey());
                adam.update(p.getKey(), p.getValue(), gradient);
                gradient.muli(0);
            }
        } finally {
            gradients.values().forEach(NDArray::close);
        }
    }

    private static float lossAndGradients(Engine engine, NDManager root, GptForward forward,
            TrainingData.Batch batch) {
        // Every array made during the pass (including views of the parameters) is closed with the scope.
        try (NDScope scope = new NDScope(); NDManager step = root.newSubManager()) {
            scope.suppressNotUsedWarning();
            try (GradientCollector collector = engine.newGradientCollector()) {
                NDArray logits = forward.logits(step, batch.inputs());
                NDArray loss = forward.loss(step, logits, batch.targets(), batch.lossMask());
                collector.backward(loss);
                return loss.getFloat();
            }
        }
    }

    private static Tracker schedule(TrainingOptions o) {
        int decaySteps = Math.max(1, o.steps() - o.warmUpSteps());
        Tracker cosine = CosineTracker.builder().setBaseValue(o.peakLearningRate())
                .optFinalValue(o.finalLearningRate()).setMaxUpdates(decaySteps).build();
        if (o.warmUpSteps() == 0) {
            return cosine;
        }
        return WarmUpTracker.builder().setMainTracker(cosine).optWarmUpSteps(o.warmUpSteps())
                .optWarmUpBeginValue(0f).build();
    }
}
