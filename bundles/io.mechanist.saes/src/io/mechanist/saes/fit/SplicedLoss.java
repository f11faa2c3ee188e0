package io.mechanist.saes.fit;

import java.util.List;
import java.util.function.BooleanSupplier;

import io.mechanist.core.hooks.HookPoint;
import io.mechanist.core.hooks.HookSite;
import io.mechanist.runtime.HookedTransformer;
import io.mechanist.runtime.RunRequest;
import io.mechanist.runtime.RunResult;
import io.mechanist.runtime.intervention.Ablate;
import io.mechanist.runtime.intervention.InterventionPlan;
import io.mechanist.runtime.intervention.Patch;
import io.mechanist.runtime.intervention.Positions;
import io.mechanist.saes.SparseAutoencoder;

/**
 * Next-token loss with an SAE's reconstruction spliced into the forward pass at its site (a {@link Patch} of every
 * position of the prompt), against the clean run and against zero-ablating the site, plus the KL divergence of the
 * spliced next-token distribution from the clean one. Averages are over every position that predicts a next token
 * (positions 0 .. T-2) of every prompt.
 *
 * @param prompts prompts evaluated
 * @param positions predictions averaged over
 * @param cleanLoss mean cross-entropy of the unmodified model (nats)
 * @param splicedLoss mean cross-entropy with the reconstruction spliced in
 * @param ablatedLoss mean cross-entropy with the site zero-ablated
 * @param klDivergence mean KL(clean || spliced) per position (nats)
 */
public record SplicedLoss(int prompts, long positions, double cleanLoss, double splicedLoss, double ablatedLoss,
        double klDivergence) {

    /** Spliced minus clean loss. */
    public double lossIncrease() {
        return splicedLoss - cleanLoss;
    }

    /**
     * The share of the zero-ablation loss increase that splicing avoids, {@code (ablated - spliced) / (ablated -
     * clean)}: 1 when splicing costs nothing, 0 when it is as bad as removing the site. NaN when ablating costs less
     * than 1e-6 nats.
     */
    public double lossRecovered() {
        double gap = ablatedLoss - cleanLoss;
        return gap > 1e-6 ? (ablatedLoss - splicedLoss) / gap : Double.NaN;
    }

    /**
     * Measures the spliced loss on {@code tokens} (one array per prompt). The reconstruction of each prompt is
     * computed from the clean run's activation at {@code site}, so the capture's own positions do not matter.
     */
    public static SplicedLoss measure(HookedTransformer model, SparseAutoencoder sae, HookSite site,
            List<long[]> tokens, BooleanSupplier cancelled) {
        HookSite logits = HookSite.global(HookPoint.LOGITS);
        double clean = 0;
        double spliced = 0;
        double ablated = 0;
        double kl = 0;
        long positions = 0;
        int prompts = 0;
        for (long[] prompt : tokens) {
            if (prompt.length < 2) {
                continue;
            }
            if (cancelled != null && cancelled.getAsBoolean()) {
                throw new java.util.concurrent.CancellationException("spliced loss cancelled");
            }
            RunResult cleanRun = model.run(RunRequest.builder(List.of(prompt)).batchSize(1).capture(site, logits)
                    .build());
            float[] activation = cleanRun.capture(site, 0).values();
            if (activation.length != prompt.length * sae.dIn()) {
                throw new IllegalArgumentException(site.id() + " of the model has width "
                        + activation.length / prompt.length + ", the SAE's d_in is " + sae.dIn());
            }
            float[] reconstruction = sae.reconstruct(activation);
            float[] cleanLogits = cleanRun.capture(logits, 0).values();
            float[] splicedLogits = model.run(RunRequest.builder(List.of(prompt)).batchSize(1).capture(logits)
                    .plan(InterventionPlan.of("sae splice", new Patch(site, Positions.all(), prompt.length,
                            reconstruction))).build()).capture(logits, 0).values();
            float[] ablatedLogits = model.run(RunRequest.builder(List.of(prompt)).batchSize(1).capture(logits)
                    .plan(InterventionPlan.of("zero ablation", Ablate.zero(site, Positions.all()))).build())
                    .capture(logits, 0).values();
            int vocab = cleanLogits.length / prompt.length;
            for (int t = 0; t + 1 < prompt.length; t++) {
                int target = (int) prompt[t + 1];
                double[] cleanLog = logSoftmax(cleanLogits, t * vocab, vocab);
                double[] splicedLog = logSoftmax(splicedLogits, t * vocab, vocab);
                double[] ablatedLog = logSoftmax(ablatedLogits, t * vocab, vocab);
                clean -= cleanLog[target];
                spliced -= splicedLog[target];
                ablated -= ablatedLog[target];
                double divergence = 0;
                for (int v = 0; v < vocab; v++) {
                    divergence += Math.exp(cleanLog[v]) * (cleanLog[v] - splicedLog[v]);
                }
                kl += divergence;
                positions++;
            }
            prompts++;
        }
        if (positions == 0) {
            throw new IllegalArgumentException("no prompt has two tokens: nothing to predict");
        }
        return new SplicedLoss(prompts, positions, clean / positions, spliced / positions, ablated / positions,
                kl / positions);
    }

    private static double[] logSoftmax(float[] logits, int offset, int vocab) {
        double max = Double.NEGATIVE_INFINITY;
        for (int v = 0; v < vocab; v++) {
            max = Math.max(max, logits[offset + v]);
        }
        double sum = 0;
        for (int v = 0; v < vocab; v++) {
            sum += Math.exp(logits[offset + v] - max);
        }
        double log = max + Math.log(sum);
        double[] out = new double[vocab];
        for (int v = 0; v < vocab; v++) {
            out[v] = logits[offset + v] - log;
        }
        return out;
    }
}
