package io.mechanist.runtime.reference;

import java.io.IOException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.mechanist.core.hooks.HookPoint;
import io.mechanist.core.hooks.HookSite;
import io.mechanist.runtime.HookedTransformer;
import io.mechanist.runtime.RunResult;
import io.mechanist.runtime.SiteActivations;

/**
 * Runs one prompt through the DJL runtime and through the independent double-precision reference and measures the
 * largest absolute difference at every hook site and for the logits.
 */
public final class FidelityCheck {

    /** The outcome: token ids compared and the max abs difference per site id ({@code logits} last). */
    public record Report(long[] tokens, Map<String, Double> maxAbsDifference, List<String> warnings) {

        /** The largest difference of all sites. */
        public double worst() {
            return maxAbsDifference.values().stream().mapToDouble(Double::doubleValue).max().orElse(0);
        }
    }

    /** A prompt every byte-level tokenizer encodes (what {@code mechanist verify} runs by default). */
    public static final String DEFAULT_PROMPT = "The quick brown fox jumps over the lazy dog.";
    /** The largest difference accepted by default (float32 runtime vs double reference). */
    public static final double DEFAULT_TOLERANCE = 1e-4;

    private FidelityCheck() {
    }

    /**
     * Loads {@code modelFolder} in both implementations and compares them on {@code prompt}.
     *
     * @throws IOException naming the file at fault
     * @throws IllegalArgumentException when the prompt has no tokens
     */
    public static Report run(Path modelFolder, String prompt) throws IOException {
        try (HookedTransformer model = HookedTransformer.load(modelFolder)) {
            if (!model.hasTokenizer()) {
                throw new NoSuchFileException(modelFolder.resolve("tokenizer.json").toString(), null,
                        "verify needs the checkpoint's tokenizer to tokenise --prompt");
            }
            long[] tokens = model.tokenizer().encode(prompt);
            if (tokens.length == 0) {
                throw new IllegalArgumentException("the prompt '" + prompt + "' has no tokens");
            }
            List<HookSite> sites = model.hookSites();
            RunResult run = model.run(tokens, sites.toArray(HookSite[]::new));
            int[] ids = new int[tokens.length];
            for (int i = 0; i < ids.length; i++) {
                ids[i] = Math.toIntExact(tokens[i]);
            }
            ReferenceForward reference = ReferenceModel.load(modelFolder).run(ids);
            Map<String, Double> differences = new LinkedHashMap<>();
            for (HookSite site : sites) {
                differences.put(site.id(), maxAbsDifference(run.capture(site, 0), reference, site));
            }
            return new Report(tokens, differences, model.warnings());
        }
    }

    /** |a - b|, 0 where both are the same infinity (masked attention scores). */
    static double difference(float actual, double expected) {
        if (Double.isInfinite(expected) && actual == expected) {
            return 0;
        }
        double diff = Math.abs(actual - expected);
        return Double.isNaN(diff) ? Double.POSITIVE_INFINITY : diff;
    }

    private static double maxAbsDifference(SiteActivations actual, ReferenceForward reference, HookSite site) {
        float[] values = actual.values();
        double worst = 0;
        if (site.point().queryKeyShaped()) {
            double[][][] expected = site.point() == HookPoint.ATTN_SCORES ? reference.attentionScores(site.layer())
                    : reference.attentionPattern(site.layer());
            long[] shape = actual.shape();
            int queries = (int) shape[1];
            int keys = (int) shape[2];
            for (int h = 0; h < shape[0]; h++) {
                for (int q = 0; q < queries; q++) {
                    for (int k = 0; k < keys; k++) {
                        worst = Math.max(worst, difference(values[(h * queries + q) * keys + k], expected[h][q][k]));
                    }
                }
            }
            return worst;
        }
        double[][] expected = site.point() == HookPoint.LOGITS ? reference.logits() : reference.activation(site.id());
        int width = actual.width();
        int[] positions = actual.positions();
        for (int r = 0; r < positions.length; r++) {
            for (int c = 0; c < width; c++) {
                worst = Math.max(worst, Math.abs(values[r * width + c] - expected[positions[r]][c]));
            }
        }
        return worst;
    }
}
