package io.mechanist.saes.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.eclipse.core.runtime.NullProgressMonitor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

import io.mechanist.capture.CaptureJob;
import io.mechanist.capture.Capturer;
import io.mechanist.core.activations.ActivationSet;
import io.mechanist.core.hooks.HookPoint;
import io.mechanist.core.hooks.HookSite;
import io.mechanist.core.tensor.DType;
import io.mechanist.core.tensor.SafetensorsWriter;
import io.mechanist.demo.EmbeddedDemo;
import io.mechanist.runtime.HookedTransformer;
import io.mechanist.saes.CaptureRows;
import io.mechanist.saes.ReconstructionStats;
import io.mechanist.saes.SaeFolder;
import io.mechanist.saes.SparseAutoencoder;
import io.mechanist.saes.fit.SplicedLoss;
import io.mechanist.store.ActivationStore;

/**
 * SAELens hook_z SAEs ({@code reshape_activations: hook_z}) on the per-head attention output of the demo model:
 * the heads of a token flattened to {@code [n_heads * d_head]}, head-major as SAELens's einops rearrange does.
 */
class HookZSaeTest {
    private static final String SITE = "blocks.1.attn_z";
    private static final String HOOK = "blocks.1.attn.hook_z";
    private static final int PROMPTS = 12;

    /** numpy reads the capture's shards itself, flattens the heads and encodes with SAELens's standard formulas. */
    private static final String REFERENCE = Python.SAFETENSORS_READER + """
            import sys, os, glob
            folder, capture_dir, site, n = sys.argv[1], sys.argv[2], sys.argv[3], int(sys.argv[4])
            w = load_safetensors(os.path.join(folder, 'sae_weights.safetensors'))
            def tensor(path, name):
                raw = open(path, 'rb').read()
                (k,) = struct.unpack('<Q', raw[:8])
                entry = json.loads(raw[8:8 + k].decode('utf-8'))[name]
                begin, end = entry['data_offsets']
                kind = {'F32': '<f4', 'F16': '<f2'}[entry['dtype']]
                return np.frombuffer(raw[8 + k + begin:8 + k + end], dtype=kind).astype(np.float64) \\
                    .reshape(entry['shape'])
            shards = sorted(glob.glob(os.path.join(capture_dir, 'shard-*.safetensors')))
            z = np.concatenate([tensor(s, site) for s in shards])[:n]      # [rows, n_heads, d_head]
            x = z.reshape(z.shape[0], z.shape[1] * z.shape[2])             # '... n_heads d_head -> ... (n_heads d_head)'
            f = np.maximum((x - w['b_dec']) @ w['W_enc'] + w['b_enc'], 0)
            recon = f @ w['W_dec'] + w['b_dec']
            err = ((x - recon) ** 2).sum()
            total = ((x - x.mean(axis=0)) ** 2).sum()
            print(json.dumps({'shape': list(z.shape), 'features': f.ravel().tolist(),
                              'l0': float((f != 0).sum(axis=-1).mean()), 'fve': float(1 - err / total)}))
            """;

    @Test
    void flattenedHeadsEncodeAsNumpyAndSpliceBackInTheirPlaces(@TempDir Path dir) throws Exception {
        Path store = dir.resolve("store");
        Path model = EmbeddedDemo.modelFolder();
        Capturer.capture(CaptureJob.builder(store, model, EmbeddedDemo.dataset(EmbeddedDemo.TEST_SET)).sites(SITE)
                .captureId("z").build(), new NullProgressMonitor());
        CaptureRows rows;
        int[] rowShape;
        List<long[]> tokens = new ArrayList<>();
        try (ActivationStore opened = ActivationStore.openReadOnly(store); ActivationSet capture = opened.openCapture("z")) {
            rowShape = capture.rowShape(SITE);
            rows = CaptureRows.read(capture, SITE, PROMPTS);
            for (int p = 0; p < 4; p++) {
                tokens.add(java.util.Arrays.stream(capture.prompts().get(p).tokenIds()).asLongStream().toArray());
            }
        }
        int heads = rowShape[0];
        int dHead = rowShape[1];
        int dIn = heads * dHead;
        assertTrue(heads > 1, "the demo model has several heads");

        // a random standard SAE on the flattened heads, checked against numpy
        Random random = new Random(17);
        int dSae = 96;
        Path folder = dir.resolve("sae");
        writeFolder(folder, dIn, dSae, SaeNumpyReferenceTest.gaussian(random, dIn * dSae, 0, 0.4),
                SaeNumpyReferenceTest.gaussian(random, dSae * dIn, 0, 0.3),
                SaeNumpyReferenceTest.gaussian(random, dSae, -0.1, 0.2), SaeNumpyReferenceTest.gaussian(random, dIn, 0, 0.1));
        SparseAutoencoder sae = SaeFolder.load(folder).sae();
        assertEquals(HookSite.of(HookPoint.ATTN_Z, 1), sae.config().site());
        JsonObject expected = JsonParser.parseString(Python.run(dir, REFERENCE, folder.toString(),
                store.resolve("captures/z").toString(), SITE, Integer.toString(rows.rows()))).getAsJsonObject();
        assertEquals(List.of(rows.rows(), heads, dHead), List.of(expected.getAsJsonArray("shape").get(0).getAsInt(),
                expected.getAsJsonArray("shape").get(1).getAsInt(), expected.getAsJsonArray("shape").get(2).getAsInt()));
        JsonArray want = expected.getAsJsonArray("features");
        float[] f = new float[dSae];
        int nonZero = 0;
        for (int r = 0; r < rows.rows(); r++) {
            sae.encode(rows.values(), r * dIn, f);
            for (int j = 0; j < dSae; j++) {
                double w = want.get(r * dSae + j).getAsDouble();
                assertEquals(w, f[j], 1e-4 * (1 + Math.abs(w)), "row " + r + " feature " + j);
                nonZero += f[j] != 0 ? 1 : 0;
            }
        }
        assertTrue(nonZero > rows.rows() && nonZero < rows.rows() * dSae, "some features on, some off: " + nonZero);
        ReconstructionStats stats = ReconstructionStats.measure(sae, rows.values());
        assertEquals(expected.get("l0").getAsDouble(), stats.meanL0(), 1e-9);
        assertEquals(expected.get("fve").getAsDouble(), stats.explainedVariance(), 1e-5);
        // what Mechanist writes for an attn_z SAE (sae train) is the same SAELens layout
        SaeFolder.write(dir.resolve("written"), sae, null, null);
        JsonObject written = JsonParser.parseString(Files.readString(dir.resolve("written/cfg.json"))).getAsJsonObject();
        assertEquals("hook_z", written.get("reshape_activations").getAsString());
        assertEquals(HOOK, written.getAsJsonObject("metadata").get("hook_name").getAsString());
        assertEquals(sae.config().site(), SaeFolder.load(dir.resolve("written")).sae().config().site());

        // spliced back: an SAE that reconstructs exactly (relu(x) - relu(-x)) leaves the loss as it is; the same SAE
        // with heads 0 and 1 swapped in its decoder does not, so the flattened layout is written back head by head
        float[] wEnc = new float[dIn * 2 * dIn];
        float[] wDec = new float[2 * dIn * dIn];
        float[] swapped = new float[2 * dIn * dIn];
        for (int i = 0; i < dIn; i++) {
            wEnc[i * 2 * dIn + i] = 1;
            wEnc[i * 2 * dIn + dIn + i] = -1;
            wDec[i * dIn + i] = 1;
            wDec[(dIn + i) * dIn + i] = -1;
            int head = i / dHead;
            int other = head == 0 ? 1 : head == 1 ? 0 : head;
            int j = other * dHead + i % dHead;
            swapped[i * dIn + j] = 1;
            swapped[(dIn + i) * dIn + j] = -1;
        }
        writeFolder(dir.resolve("identity"), dIn, 2 * dIn, wEnc, wDec, new float[2 * dIn], new float[dIn]);
        writeFolder(dir.resolve("swapped"), dIn, 2 * dIn, wEnc, swapped, new float[2 * dIn], new float[dIn]);
        try (HookedTransformer transformer = HookedTransformer.load(model)) {
            HookSite site = HookSite.parse(SITE);
            SplicedLoss identity = SplicedLoss.measure(transformer, SaeFolder.load(dir.resolve("identity")).sae(), site,
                    tokens, null);
            assertEquals(identity.cleanLoss(), identity.splicedLoss(), 1e-4, "exact reconstruction spliced in");
            assertTrue(identity.klDivergence() < 1e-5, "KL " + identity.klDivergence());
            SplicedLoss swap = SplicedLoss.measure(transformer, SaeFolder.load(dir.resolve("swapped")).sae(), site,
                    tokens, null);
            assertTrue(swap.klDivergence() > 1e-3, "swapping two heads changes the next-token distribution: KL "
                    + swap.klDivergence());
        }
    }

    private static void writeFolder(Path folder, int dIn, int dSae, float[] wEnc, float[] wDec, float[] bEnc,
            float[] bDec) throws Exception {
        Files.createDirectories(folder);
        JsonObject cfg = new JsonObject();
        cfg.addProperty("architecture", "standard");
        cfg.addProperty("d_in", dIn);
        cfg.addProperty("d_sae", dSae);
        cfg.addProperty("apply_b_dec_to_input", true);
        cfg.addProperty("normalize_activations", "none");
        cfg.addProperty("reshape_activations", "hook_z");
        JsonObject metadata = new JsonObject();
        metadata.addProperty("hook_name", HOOK);
        metadata.addProperty("model_name", "mechanist-demo-gpt2");
        metadata.add("hook_head_index", com.google.gson.JsonNull.INSTANCE);
        cfg.add("metadata", metadata);
        Files.writeString(folder.resolve("cfg.json"), cfg.toString(), StandardCharsets.UTF_8);
        new SafetensorsWriter().add("W_enc", DType.F32, new long[] {dIn, dSae}, wEnc)
                .add("W_dec", DType.F32, new long[] {dSae, dIn}, wDec)
                .add("b_enc", DType.F32, new long[] {dSae}, bEnc)
                .add("b_dec", DType.F32, new long[] {dIn}, bDec).write(folder.resolve("sae_weights.safetensors"));
    }
}
