package io.mechanist.steering;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CancellationException;
import java.util.function.BooleanSupplier;

import io.mechanist.core.activations.ActivationSet;
import io.mechanist.core.activations.PromptInfo;
import io.mechanist.core.hooks.HookSite;
import io.mechanist.runtime.HookedTransformer;
import io.mechanist.runtime.intervention.Positions;
import io.mechanist.store.ActivationStore;

/**
 * The causal test of a probe trained on a stored capture, in one call: steer along the probe's weight vector at the
 * site it read, on the capture's held-out prompts and with the capture's model, with the random control of equal
 * norm alongside, and judge with {@link CausalVerdict} against a null of {@link RandomNull#DEFAULT_DIRECTIONS} random
 * directions (the logit trend of {@link ProbeCausalTest} is kept as a description).
 * <p>
 * For every prompt the "matching" answer is the answer of the probe's positive label (the probe predicts that label
 * when {@code w.x + b > 0}, so adding {@code +w} should raise it); answer tokens are {@code " " + label value}
 * (label {@code answer} with values {@code A}/{@code B} gives tokens {@code " A"}/{@code " B"}). Multipliers are
 * relative to the layer's mean residual norm on these prompts. Prompts that belong to a contrast pair are left out
 * unless the capture has no other prompts (as the sweep analysis does with {@code heldOut=unpaired}).
 */
public final class ProbeCausalSweep {

    /** The multipliers used when none are given. */
    public static final double[] DEFAULT_MULTIPLIERS = { -1, -0.5, -0.25, 0, 0.25, 0.5, 1 };

    /**
     * A probe to test.
     *
     * @param captureId the capture the probe was trained on: its prompts and its model are used
     * @param labelKey the label the probe predicts (for the report)
     * @param positiveLabel the label value predicted when {@code w.x + b > 0}; its answer is the target
     * @param negativeLabel the other label value; its answer is the alternative
     * @param siteId the site the probe read and that is steered, e.g. {@code blocks.3.resid_post}
     * @param method how the probe was fitted, e.g. {@code logistic} (recorded as vector method {@code probe-<method>})
     * @param weights the probe's weights in the original activation space, {@code [d_model]}
     * @param multipliers multipliers relative to the layer's mean residual norm
     */
    public record Request(String captureId, String labelKey, String positiveLabel, String negativeLabel, String siteId,
            String method, float[] weights, double[] multipliers) {

        public Request {
            Objects.requireNonNull(captureId, "captureId");
            Objects.requireNonNull(labelKey, "labelKey");
            Objects.requireNonNull(positiveLabel, "positiveLabel");
            Objects.requireNonNull(negativeLabel, "negativeLabel");
            Objects.requireNonNull(siteId, "siteId");
            Objects.requireNonNull(method, "method");
            weights = weights.clone();
            multipliers = (multipliers == null ? DEFAULT_MULTIPLIERS : multipliers).clone();
            if (positiveLabel.equals(negativeLabel)) {
                throw new IllegalArgumentException("the probe's positive and negative labels are both '" + positiveLabel
                        + "'");
            }
        }

        @Override
        public float[] weights() {
            return weights.clone();
        }

        @Override
        public double[] multipliers() {
            return multipliers.clone();
        }
    }

    /**
     * What the test found.
     *
     * @param result the sweep at the probe's layer, steering = the probe direction, control = random of equal norm
     * @param verdicts one per vector kind (probe direction, control)
     * @param vector the probe direction as a steering vector (for interactive steering)
     * @param modelFolder the checkpoint that was steered
     * @param answers the target answer (A) and the alternative (B)
     * @param randomNull the random directions the effect is compared with (and the sham)
     * @param causal the causal verdicts, one per vector kind (probe direction, control)
     * @param promptGroup per prompt, its group (what the verdict's intervals cluster over), or null
     */
    public record Outcome(Request request, SweepResult result, List<ProbeCausalTest.Verdict> verdicts,
            SteeringVector vector, Path modelFolder, AnswerTokens answers, RandomNull randomNull,
            List<CausalVerdict.Verdict> causal, int[] promptGroup) {

        /** The verdict of the probe direction (kind 0). */
        public ProbeCausalTest.Verdict probe() {
            return verdicts.get(0);
        }

        /** The verdict of the random control (kind 1). */
        public ProbeCausalTest.Verdict control() {
            return verdicts.get(1);
        }
    }

    private ProbeCausalSweep() {
    }

    /**
     * The checkpoint folder recorded with the capture's model in the store.
     *
     * @throws IOException when the capture's model records no folder, or the folder is gone
     */
    public static Path modelFolder(ActivationStore store, String captureId) throws IOException {
        Path folder;
        try {
            folder = store.modelFolderOf(captureId).orElseThrow(() -> new IOException("the model of capture '"
                    + captureId + "' in store " + store.folder() + " records no checkpoint folder; cannot steer it"));
        } catch (IllegalArgumentException noCapture) {
            throw new IOException(noCapture.getMessage(), noCapture);
        }
        if (!Files.isDirectory(folder)) {
            throw new IOException("the checkpoint folder " + folder + " of capture '" + captureId
                    + "' does not exist (moved or deleted?)");
        }
        return folder;
    }

    /**
     * Runs the test with the capture's recorded model.
     *
     * @throws CancellationException when {@code cancelled} turns true
     */
    public static Outcome run(ActivationStore store, Request request, SteeringSweep.Progress progress,
            BooleanSupplier cancelled) throws IOException {
        Path folder = modelFolder(store, request.captureId());
        HeldOut heldOut = heldOut(store, request.captureId());
        try (HookedTransformer model = HookedTransformer.load(folder)) {
            return run(model, folder, heldOut.tokens(), heldOut.groups(), request, progress, cancelled);
        }
    }

    /**
     * Runs the test on given prompts (token ids) with an open model.
     *
     * @param promptGroup per prompt, its group (the verdict's intervals are cluster-robust over groups), or null when
     *                    every prompt stands alone
     */
    public static Outcome run(HookedTransformer model, Path modelFolder, List<long[]> prompts, int[] promptGroup,
            Request request, SteeringSweep.Progress progress, BooleanSupplier cancelled) {
        HookSite site = HookSite.parse(request.siteId());
        if (site.layer() < 0) {
            throw new IllegalArgumentException("the probe's site " + site.id()
                    + " is not a per-layer residual site; steering needs one (e.g. blocks.3.resid_post)");
        }
        AnswerTokens answers = AnswerTokens.of(model.tokenizer(), " " + request.positiveLabel(),
                " " + request.negativeLabel());
        Map<String, String> provenance = new LinkedHashMap<>();
        provenance.put("sourceCapture", request.captureId());
        provenance.put("label", request.labelKey());
        provenance.put("positiveLabel", request.positiveLabel());
        provenance.put("negativeLabel", request.negativeLabel());
        SteeringVector vector = new SteeringVector(site.id(), "probe-" + request.method(), request.weights(),
                provenance);
        List<AbPrompt> abPrompts = prompts.stream().map(t -> new AbPrompt(t, true)).toList();
        SweepConfig config = new SweepConfig(site.point(), List.of(site.layer()), request.multipliers(),
                Positions.all(), true, 1234, 16);
        SweepResult result = SteeringSweep.run(model, abPrompts, answers, layer -> vector, config, progress,
                cancelled);
        RandomNull randomNull = RandomNull.run(model, abPrompts, answers, result, layer -> vector,
                RandomNull.DEFAULT_DIRECTIONS, 4321, progress, cancelled);
        return new Outcome(request, result, ProbeCausalTest.evaluate(result), vector, modelFolder, answers,
                randomNull, CausalVerdict.evaluate(result, promptGroup, randomNull,
                        CausalVerdict.Settings.defaults()), promptGroup);
    }

    /**
     * Held-out prompts of a capture.
     *
     * @param tokens per prompt, its token ids
     * @param groups per prompt, its group's number (prompts without a group each have their own)
     */
    public record HeldOut(List<long[]> tokens, int[] groups) {
    }

    /** The capture's prompts outside contrast pairs (all prompts when every one is paired), with their groups. */
    public static HeldOut heldOut(ActivationStore store, String captureId) throws IOException {
        List<PromptInfo> unpaired = new ArrayList<>();
        List<PromptInfo> all = new ArrayList<>();
        try (ActivationSet capture = store.openCapture(captureId)) {
            for (PromptInfo prompt : capture.prompts()) {
                all.add(prompt);
                if (prompt.pairId() == null) {
                    unpaired.add(prompt);
                }
            }
        } catch (IllegalArgumentException e) {
            throw new IOException("store " + store.folder() + ": " + e.getMessage(), e);
        }
        if (all.isEmpty()) {
            throw new IOException("capture '" + captureId + "' in store " + store.folder() + " has no prompts");
        }
        List<PromptInfo> chosen = unpaired.isEmpty() ? all : unpaired;
        List<long[]> tokens = new ArrayList<>();
        for (PromptInfo prompt : chosen) {
            long[] ids = new long[prompt.tokenIds().length];
            for (int t = 0; t < ids.length; t++) {
                ids[t] = prompt.tokenIds()[t];
            }
            tokens.add(ids);
        }
        return new HeldOut(tokens, PromptGroups.of(chosen));
    }
}
