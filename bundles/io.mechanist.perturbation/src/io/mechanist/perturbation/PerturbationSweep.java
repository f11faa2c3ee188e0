package io.mechanist.perturbation;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.function.BooleanSupplier;

import io.mechanist.core.hooks.HookSite;
import io.mechanist.runtime.HookedTransformer;
import io.mechanist.runtime.RunRequest;
import io.mechanist.runtime.RunResult;
import io.mechanist.runtime.intervention.AddVector;
import io.mechanist.runtime.intervention.InterventionPlan;
import io.mechanist.runtime.intervention.Positions;
import io.mechanist.runtime.weights.TensorSelection;
import io.mechanist.runtime.weights.WeightEdit;
import io.mechanist.runtime.weights.WeightPlan;
import io.mechanist.steering.AbPrompt;
import io.mechanist.steering.AnswerTokens;
import io.mechanist.steering.SteeringSweep;

/**
 * Runs held-out A/B prompts through a checkpoint with Gaussian weight noise of each scale (relative to each selected
 * tensor's RMS) and each seed, or interpolated towards another checkpoint at each t, reading the answer at the last
 * prompt position. The model is loaded once per (scale, seed) with the edit applied as it loads; scale 0 (t = 0) is
 * the unedited model, run once and shared by all seeds.
 */
public final class PerturbationSweep {

    /** Progress in model loads (one per scale and seed). */
    public interface Progress {
        void done(int loads, int total);
    }

    /**
     * What each sweep point reads besides the answer: the activation at {@code probeSite} at each prompt's last
     * token (for a probe trained on the unedited model), and the answer again with {@code steer} added (the steering
     * effect under the edit). Either may be null.
     */
    public record Readouts(HookSite probeSite, AddVector steer) {
        public static final Readouts NONE = new Readouts(null, null);
    }

    /** The weights of one sweep point: the edit at {@code scale} (noise scale or t) with {@code seed}. */
    public interface Edits {
        WeightPlan plan(double scale, long seed);
    }

    /**
     * What was swept and what came out; arrays are {@code [scale][seed][prompt]} (for an interpolation, scale is t
     * and there is one seed).
     *
     * @param probability P(matching answer) with the softmax over the two answer tokens
     * @param logitDiff logit of the matching answer minus the other's
     * @param probeRows {@code [scale][seed][prompt]} the activation at the probe site at the last token, or null
     * @param steeredProbability P(matching) with the steering vector added, or null
     */
    public record Result(TensorSelection tensors, double[] scales, long[] seeds, int promptCount,
            float[][][] probability, float[][][] logitDiff, float[][][][] probeRows, float[][][] steeredProbability) {

        /** Per seed and prompt, whether the matching answer wins (logit difference > 0): 1 or 0. */
        public double[][] correct(int scale) {
            double[][] out = new double[seeds.length][promptCount];
            for (int k = 0; k < seeds.length; k++) {
                for (int p = 0; p < promptCount; p++) {
                    out[k][p] = logitDiff[scale][k][p] > 0 ? 1 : 0;
                }
            }
            return out;
        }

        public double[][] probability(int scale) {
            return widen(probability[scale]);
        }

        public double[][] logitDiff(int scale) {
            return widen(logitDiff[scale]);
        }

        private static double[][] widen(float[][] values) {
            double[][] out = new double[values.length][];
            for (int k = 0; k < values.length; k++) {
                out[k] = new double[values[k].length];
                for (int p = 0; p < values[k].length; p++) {
                    out[k][p] = values[k][p];
                }
            }
            return out;
        }
    }

    private PerturbationSweep() {
    }

    /**
     * @param scales noise scales (0 allowed: the unperturbed model), each a multiple of the tensor's RMS
     * @param seeds the noise seeds; each scale > 0 is run once per seed
     * @param readouts what each point reads besides the answer ({@link Readouts#NONE}: nothing)
     * @throws CancellationException when {@code cancelled} turns true between loads
     */
    public static Result run(Path modelFolder, List<AbPrompt> prompts, AnswerTokens answers, TensorSelection tensors,
            double[] scales, long[] seeds, Readouts readouts, int batchSize, Progress progress,
            BooleanSupplier cancelled) throws IOException {
        return run(modelFolder, prompts, answers, tensors, scales, seeds,
                (scale, seed) -> WeightPlan.of(new WeightEdit.Noise(tensors, scale, seed)), readouts, batchSize,
                progress, cancelled);
    }

    /**
     * The interpolation sweep: the selected tensors at {@code (1 - t) * w + t * w_other} for each t (one load per t;
     * t = 0 is {@code modelFolder} as it is, t = 1 the other checkpoint's selected tensors bit for bit).
     */
    public static Result interpolate(Path modelFolder, Path other, List<AbPrompt> prompts, AnswerTokens answers,
            TensorSelection tensors, double[] ts, int batchSize, Progress progress, BooleanSupplier cancelled)
            throws IOException {
        return run(modelFolder, prompts, answers, tensors, ts, new long[] {0},
                (t, seed) -> WeightPlan.of(new WeightEdit.Interpolate(tensors, other, t)), Readouts.NONE, batchSize,
                progress, cancelled);
    }

    /** @param edits the weights at each scale other than 0 (scale 0 always loads the model unedited) */
    public static Result run(Path modelFolder, List<AbPrompt> prompts, AnswerTokens answers, TensorSelection tensors,
            double[] scales, long[] seeds, Edits edits, Readouts readouts, int batchSize, Progress progress,
            BooleanSupplier cancelled) throws IOException {
        if (scales.length == 0 || seeds.length == 0) {
            throw new IllegalArgumentException("a perturbation sweep needs at least one scale and one seed");
        }
        List<long[]> tokens = prompts.stream().map(AbPrompt::tokens).toList();
        int n = prompts.size();
        float[][][] probability = new float[scales.length][seeds.length][];
        float[][][] logitDiff = new float[scales.length][seeds.length][];
        float[][][][] probeRows = readouts.probeSite() == null ? null : new float[scales.length][seeds.length][][];
        float[][][] steered = readouts.steer() == null ? null : new float[scales.length][seeds.length][];
        int total = 0;
        for (double scale : scales) {
            total += scale == 0 ? 1 : seeds.length;
        }
        int loads = 0;
        for (int s = 0; s < scales.length; s++) {
            for (int k = 0; k < seeds.length; k++) {
                if (scales[s] == 0 && k > 0) { // the unperturbed model is the same for every seed
                    probability[s][k] = probability[s][0];
                    logitDiff[s][k] = logitDiff[s][0];
                    if (probeRows != null) {
                        probeRows[s][k] = probeRows[s][0];
                    }
                    if (steered != null) {
                        steered[s][k] = steered[s][0];
                    }
                    continue;
                }
                if (cancelled.getAsBoolean()) {
                    throw new CancellationException("perturbation sweep cancelled after " + loads + " of " + total
                            + " model loads");
                }
                WeightPlan plan = scales[s] == 0 ? WeightPlan.NONE : edits.plan(scales[s], seeds[k]);
                try (HookedTransformer model = HookedTransformer.load(modelFolder, plan)) {
                    RunRequest.Builder request = RunRequest.builder(tokens).batchSize(batchSize).cancelled(cancelled);
                    if (probeRows != null) {
                        request.capture(readouts.probeSite()).positions(Positions.last());
                    }
                    RunResult result = model.run(request.build());
                    float[][] metrics = SteeringSweep.metrics(result, prompts, answers);
                    probability[s][k] = metrics[0];
                    logitDiff[s][k] = metrics[2];
                    if (probeRows != null) {
                        probeRows[s][k] = new float[n][];
                        for (int p = 0; p < n; p++) {
                            probeRows[s][k][p] = result.capture(readouts.probeSite(), p).row(0);
                        }
                    }
                    if (steered != null) {
                        steered[s][k] = SteeringSweep.metrics(model.run(RunRequest.builder(tokens).batchSize(batchSize)
                                .plan(InterventionPlan.of("steer", readouts.steer())).cancelled(cancelled).build()),
                                prompts, answers)[0];
                    }
                }
                progress.done(++loads, total);
            }
        }
        return new Result(tensors, scales.clone(), seeds.clone(), n, probability, logitDiff, probeRows, steered);
    }
}
