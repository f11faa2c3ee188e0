package io.mechanist.runtime.reference;

import io.mechanist.core.tensor.DType;
import io.mechanist.runtime.reference.internal.Attention;
import io.mechanist.runtime.reference.internal.DecoderLayer;
import io.mechanist.runtime.reference.internal.ModelLoader;
import io.mechanist.runtime.reference.internal.Transformer;

import java.io.IOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * A plain double-precision forward pass with Hugging Face transformers semantics, written for clarity rather than
 * speed: the oracle that faster runtimes are checked against. One prompt at a time, no padding, no cache.
 * Weights are read from a checkpoint folder (config.json + model.safetensors or sharded safetensors with
 * model.safetensors.index.json; f32, f16, bf16 or f64).
 */
public final class ReferenceModel {

    private final Transformer model;

    private ReferenceModel(Transformer model) {
        this.model = model;
    }

    /** Loads with the constants Hugging Face casts to the model dtype rounded as for a float32 run. */
    public static ReferenceModel load(Path checkpointDir) throws IOException {
        return load(checkpointDir, DType.F32);
    }

    /**
     * @param computeDtype the dtype the Hugging Face model would run in (F32, BF16, F16 or F64). Arithmetic here is
     *     always double; the dtype only rounds the constants HF casts to it: Gemma's embedding normalizer
     *     sqrt(hidden_size), which is visibly coarser in bf16.
     * @throws IOException naming the file (and tensor) when the folder is incomplete, malformed or unsupported
     */
    public static ReferenceModel load(Path checkpointDir, DType computeDtype) throws IOException {
        return new ReferenceModel(ModelLoader.load(checkpointDir, computeDtype));
    }

    public ArchitectureFamily family() {
        return model.config().family();
    }

    public int layerCount() {
        return model.config().numLayers();
    }

    public int hiddenSize() {
        return model.config().hiddenSize();
    }

    public int vocabSize() {
        return model.config().vocabSize();
    }

    /** Runs one prompt and records every hook site. */
    public ReferenceForward run(int[] tokenIds) {
        return run(tokenIds, Map.of());
    }

    /**
     * Runs one prompt with edits at hook sites (any [pos][dim] site id, including the per-head attn_q/k/v/z as
     * [pos][head * d_head] and mlp_post; {@code blocks.L.attn_scores} and {@code blocks.L.attn_pattern} as
     * [query][head * keys], after which the causal mask is applied again: -inf scores, 0 pattern). Edits at
     * {@code blocks.L.resid_post} apply before those at {@code blocks.L+1.resid_pre}, which sees the edited value.
     *
     * @throws IllegalArgumentException for an unknown or non-editable site id
     */
    public ReferenceForward run(int[] tokenIds, Map<String, ActivationEdit> editsBySite) {
        if (tokenIds.length == 0) {
            throw new IllegalArgumentException("a prompt needs at least one token");
        }
        Set<String> unused = new HashSet<>(editsBySite.keySet());
        Map<String, double[][]> sites = new LinkedHashMap<>();
        Map<Integer, double[][][]> patterns = new LinkedHashMap<>();
        Map<Integer, double[][][]> scores = new LinkedHashMap<>();

        double[][] x = new double[tokenIds.length][];
        for (int t = 0; t < tokenIds.length; t++) {
            x[t] = model.embed(tokenIds[t], t);
        }
        x = record(SiteIds.EMBED, x, editsBySite, unused, sites);
        for (int l = 0; l < model.layers().size(); l++) {
            DecoderLayer layer = model.layers().get(l);
            double[][] residPre = record(SiteIds.residPre(l), x, editsBySite, unused, sites);
            int layerIndex = l;
            // scores and patterns are kept per layer as [head][query][key] (below), not as [pos][dim] sites
            Attention.Result attention = layer.attentionOutput(residPre, (point, rows) ->
                    record(SiteIds.block(layerIndex, point), rows, editsBySite, unused,
                            point.equals("attn_scores") || point.equals("attn_pattern") ? new HashMap<>() : sites));
            scores.put(l, attention.scores());
            patterns.put(l, attention.pattern());
            double[][] attnOut = record(SiteIds.attnOut(l), attention.output(), editsBySite, unused, sites);
            double[][] residMid = record(SiteIds.residMid(l), add(residPre, attnOut), editsBySite, unused, sites);
            double[][] hidden = new double[residMid.length][];
            for (int t = 0; t < hidden.length; t++) {
                hidden[t] = layer.mlpHidden(residMid[t]);
            }
            hidden = record(SiteIds.mlpPost(l), hidden, editsBySite, unused, sites);
            double[][] mlp = new double[residMid.length][];
            for (int t = 0; t < mlp.length; t++) {
                mlp[t] = layer.mlpOutputFromHidden(hidden[t]);
            }
            double[][] mlpOut = record(SiteIds.mlpOut(l), mlp, editsBySite, unused, sites);
            x = record(SiteIds.residPost(l), add(residMid, mlpOut), editsBySite, unused, sites);
        }
        double[][] normed = new double[x.length][];
        for (int t = 0; t < x.length; t++) {
            normed[t] = model.finalNorm().apply(x[t]);
        }
        normed = record(SiteIds.FINAL_NORM, normed, editsBySite, unused, sites);
        double[][] logits = new double[x.length][];
        for (int t = 0; t < x.length; t++) {
            logits[t] = model.logits(normed[t]);
        }
        record(SiteIds.LOGITS, logits, editsBySite, unused, sites);
        if (!unused.isEmpty()) {
            throw new IllegalArgumentException("edits at unknown or non-editable hook sites " + unused
                    + "; editable: " + sites.keySet());
        }
        return new ReferenceForward(tokenIds, sites, scores, patterns);
    }

    private static double[][] record(String site, double[][] value, Map<String, ActivationEdit> edits,
            Set<String> unused, Map<String, double[][]> sites) {
        ActivationEdit edit = edits.get(site);
        double[][] result = value;
        if (edit != null) {
            unused.remove(site);
            result = new double[value.length][];
            for (int t = 0; t < value.length; t++) {
                double[] edited = edit.apply(t, value[t].clone());
                if (edited == null || edited.length != value[t].length) {
                    throw new IllegalArgumentException("edit at " + site + " position " + t + " returned "
                            + (edited == null ? "null" : "length " + edited.length) + ", expected length "
                            + value[t].length);
                }
                result[t] = edited.clone();
            }
        }
        sites.put(site, result);
        return result;
    }

    private static double[][] add(double[][] a, double[][] b) {
        double[][] sum = new double[a.length][];
        for (int t = 0; t < a.length; t++) {
            sum[t] = new double[a[t].length];
            for (int i = 0; i < sum[t].length; i++) {
                sum[t][i] = a[t][i] + b[t][i];
            }
        }
        return sum;
    }
}
