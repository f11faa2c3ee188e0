package io.mechanist.saes.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

import io.mechanist.core.tensor.DType;
import io.mechanist.core.tensor.SafetensorsWriter;
import io.mechanist.saes.ReconstructionStats;
import io.mechanist.saes.SaeFolder;
import io.mechanist.saes.SparseAutoencoder;

/**
 * Encodings, reconstructions, L0 and explained variance of SAELens folders written by the test, for every
 * architecture and normalisation, against numpy computing SAELens's formulas on the same files.
 */
class SaeNumpyReferenceTest {
    private static final int D_IN = 16;
    private static final int D_SAE = 48;
    private static final int ROWS = 40;
    private static final int K = 5;

    /** SAELens's encode/decode in numpy, written from its source's formulas; prints JSON. */
    private static final String REFERENCE = Python.SAFETENSORS_READER + """
            import sys, os
            folder, rows_file = sys.argv[1], sys.argv[2]
            cfg = json.load(open(os.path.join(folder, 'cfg.json')))
            meta = cfg.get('metadata', {})
            w = load_safetensors(os.path.join(folder, 'sae_weights.safetensors'))
            x = load_safetensors(rows_file)['x']
            arch = cfg.get('architecture', 'standard')
            if cfg.get('activation_fn_str', cfg.get('activation_fn')) == 'topk':
                arch = 'topk'
            k = cfg.get('k', cfg.get('activation_fn_kwargs', {}).get('k'))
            norm = cfg.get('normalize_activations', 'none')
            d_in = cfg['d_in']
            if norm == 'constant_norm_rescale':
                coeff = np.sqrt(d_in) / np.linalg.norm(x, axis=-1, keepdims=True)
                xin = x * coeff
                unnorm = lambda y: y / coeff
            elif norm == 'layer_norm':
                mu = x.mean(axis=-1, keepdims=True)
                std = (x - mu).std(axis=-1, ddof=1, keepdims=True)
                xin = (x - mu) / (std + 1e-5)
                unnorm = lambda y: y * std + mu
            elif norm == 'expected_average_only_in':
                s = json.load(open(os.path.join(folder, 'activation_scaler.json')))['scaling_factor']
                xin = x * s
                unnorm = lambda y: y / s
            else:
                xin = x
                unnorm = lambda y: y
            if cfg.get('apply_b_dec_to_input', True):
                xin = xin - w['b_dec']
            pre = xin @ w['W_enc'] + w['b_enc']
            if arch == 'standard':
                f = np.maximum(pre, 0)
            elif arch == 'jumprelu':
                t = w['threshold'] if 'threshold' in w else np.exp(w['log_threshold'])
                f = np.maximum(pre, 0) * (pre > t)
            elif arch == 'topk':
                f = np.zeros_like(pre)
                idx = np.argsort(-pre, axis=-1, kind='stable')[:, :k]
                rows = np.arange(pre.shape[0])[:, None]
                f[rows, idx] = np.maximum(pre[rows, idx], 0)
            recon = unnorm(f @ w['W_dec'] + w['b_dec'])
            err = ((x - recon) ** 2).sum()
            total = ((x - x.mean(axis=0)) ** 2).sum()
            print(json.dumps({'features': f.ravel().tolist(), 'recon': recon.ravel().tolist(),
                              'l0': float((f != 0).sum(axis=-1).mean()), 'fve': float(1 - err / total),
                              'mse': float(err / x.size)}))
            """;

    static List<Arguments> cases() {
        List<Arguments> cases = new ArrayList<>();
        String[] architectures = {"standard", "jumprelu", "jumprelu-log", "topk", "topk-pre6"};
        String[] norms = {"none", "expected_average_only_in", "constant_norm_rescale", "layer_norm"};
        for (String architecture : architectures) {
            for (String norm : norms) {
                cases.add(Arguments.of(architecture, norm));
            }
        }
        return cases;
    }

    @ParameterizedTest(name = "{0}, {1}")
    @MethodSource("cases")
    void matchesNumpy(String architecture, String norm, @TempDir Path dir) throws Exception {
        Random random = new Random(architecture.hashCode() * 31L + norm.hashCode());
        Path folder = dir.resolve("sae");
        Files.createDirectories(folder);
        writeFolder(folder, architecture, norm, random);
        float[] x = gaussian(random, ROWS * D_IN, 1.5, 0.7);
        Path rowsFile = dir.resolve("rows.safetensors");
        new SafetensorsWriter().add("x", DType.F32, new long[] {ROWS, D_IN}, x).write(rowsFile);

        SparseAutoencoder sae = SaeFolder.load(folder).sae();
        JsonObject expected = JsonParser.parseString(Python.run(dir, REFERENCE, folder.toString(),
                rowsFile.toString())).getAsJsonObject();

        float[] features = new float[D_SAE];
        JsonArray expectedFeatures = expected.getAsJsonArray("features");
        int nonZero = 0;
        for (int r = 0; r < ROWS; r++) {
            sae.encode(x, r * D_IN, features);
            for (int j = 0; j < D_SAE; j++) {
                double want = expectedFeatures.get(r * D_SAE + j).getAsDouble();
                assertEquals(want, features[j], 1e-4 * (1 + Math.abs(want)), "row " + r + " feature " + j);
                nonZero += features[j] != 0 ? 1 : 0;
            }
        }
        assertTrue(nonZero > ROWS && nonZero < ROWS * D_SAE, "a planted case with some features on, some off: "
                + nonZero);
        float[] recon = sae.reconstruct(x);
        JsonArray expectedRecon = expected.getAsJsonArray("recon");
        for (int i = 0; i < recon.length; i++) {
            double want = expectedRecon.get(i).getAsDouble();
            assertEquals(want, recon[i], 1e-4 * (1 + Math.abs(want)), "reconstruction value " + i);
        }
        ReconstructionStats stats = ReconstructionStats.measure(sae, x);
        assertEquals(expected.get("l0").getAsDouble(), stats.meanL0(), 1e-9);
        assertEquals(expected.get("fve").getAsDouble(), stats.explainedVariance(), 1e-5);
        assertEquals(expected.get("mse").getAsDouble(), stats.mse(), 1e-5 * (1 + expected.get("mse").getAsDouble()));
        if (architecture.startsWith("topk")) {
            assertTrue(stats.meanL0() <= K, "topk keeps at most k features");
        }
    }

    private static void writeFolder(Path folder, String architecture, String norm, Random random) throws IOException {
        JsonObject cfg = new JsonObject();
        boolean pre6 = architecture.endsWith("-pre6") || norm.equals("layer_norm");
        cfg.addProperty("d_in", D_IN);
        cfg.addProperty("d_sae", D_SAE);
        cfg.addProperty("apply_b_dec_to_input", !norm.equals("constant_norm_rescale"));
        cfg.addProperty("normalize_activations", norm);
        String hook = "blocks.2.hook_resid_post";
        if (pre6) {
            // SAELens before 6.0: flat config, hook_point and activation_fn_str
            cfg.addProperty("hook_point", hook);
            cfg.addProperty("model_name", "tiny");
            if (architecture.startsWith("topk")) {
                cfg.addProperty("activation_fn_str", "topk");
                JsonObject kwargs = new JsonObject();
                kwargs.addProperty("k", K);
                cfg.add("activation_fn_kwargs", kwargs);
            } else {
                cfg.addProperty("architecture", architecture.startsWith("jumprelu") ? "jumprelu" : "standard");
                cfg.addProperty("activation_fn_str", "relu");
            }
        } else {
            cfg.addProperty("architecture", architecture.replace("-log", ""));
            if (architecture.equals("topk")) {
                cfg.addProperty("k", K);
            }
            JsonObject metadata = new JsonObject();
            metadata.addProperty("hook_name", hook);
            metadata.addProperty("model_name", "tiny");
            cfg.add("metadata", metadata);
        }
        Files.writeString(folder.resolve("cfg.json"), cfg.toString(), StandardCharsets.UTF_8);
        if (norm.equals("expected_average_only_in")) {
            Files.writeString(folder.resolve("activation_scaler.json"), "{\"scaling_factor\": 0.37}");
        }
        SafetensorsWriter weights = new SafetensorsWriter()
                .add("W_enc", DType.F32, new long[] {D_IN, D_SAE}, gaussian(random, D_IN * D_SAE, 0, 0.4))
                .add("W_dec", DType.F32, new long[] {D_SAE, D_IN}, gaussian(random, D_SAE * D_IN, 0, 0.3))
                .add("b_enc", DType.F32, new long[] {D_SAE}, gaussian(random, D_SAE, -0.2, 0.3))
                .add("b_dec", DType.F32, new long[] {D_IN}, gaussian(random, D_IN, 0.3, 0.2));
        if (architecture.equals("jumprelu")) {
            weights.add("threshold", DType.F32, new long[] {D_SAE}, uniform(random, D_SAE, 0, 0.8));
        } else if (architecture.equals("jumprelu-log")) {
            float[] log = uniform(random, D_SAE, -3, -0.2f);
            weights.add("log_threshold", DType.F32, new long[] {D_SAE}, log);
        }
        weights.write(folder.resolve("sae_weights.safetensors"));
    }

    static float[] gaussian(Random random, int n, double mean, double sd) {
        float[] values = new float[n];
        for (int i = 0; i < n; i++) {
            values[i] = (float) (mean + sd * random.nextGaussian());
        }
        return values;
    }

    private static float[] uniform(Random random, int n, double from, double to) {
        float[] values = new float[n];
        for (int i = 0; i < n; i++) {
            values[i] = (float) (from + (to - from) * random.nextDouble());
        }
        return values;
    }
}
