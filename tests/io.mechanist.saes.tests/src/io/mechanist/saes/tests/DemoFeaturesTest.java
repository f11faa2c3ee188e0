package io.mechanist.saes.tests;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.eclipse.core.runtime.NullProgressMonitor;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

import io.mechanist.demo.EmbeddedDemo;
import io.mechanist.core.activations.ActivationSet;
import io.mechanist.core.activations.StoredVectorData;
import io.mechanist.core.analysis.AnalysisOutput;
import io.mechanist.core.analysis.AnalysisRegistry;
import io.mechanist.core.analysis.AnalysisRequest;
import io.mechanist.core.analysis.StoredResult;
import io.mechanist.saes.CaptureRows;
import io.mechanist.saes.SaeFolder;
import io.mechanist.saes.SparseAutoencoder;
import io.mechanist.saes.analysis.SaeFeaturesAnalysis;
import io.mechanist.saes.features.FeatureDashboards;
import io.mechanist.saes.features.NeuronpediaExport;
import io.mechanist.saes.features.Unembedding;
import io.mechanist.steering.analysis.SweepAnalysis;
import io.mechanist.store.ActivationStore;
import io.mechanist.store.AnalysisRunner;
import io.mechanist.store.StoredResults;
import io.mechanist.testing.TestRegistries;

/**
 * Features of the demo SAE: densities and top examples against brute force, logit effects against numpy on the
 * checkpoint's file, the Neuronpedia export read back by Python and Java, and a feature's decoder direction run
 * through the steering sweep.
 */
class DemoFeaturesTest {
    static DemoSaes demo;
    static AnalysisRegistry registry;

    @BeforeAll
    static void setUp() throws Exception {
        demo = DemoSaes.shared();
        registry = TestRegistries.analyses("bundles/io.mechanist.core", "bundles/io.mechanist.saes",
                "bundles/io.mechanist.steering");
    }

    @Test
    void featuresTableMatchesBruteForceAndSteersInTheSweep() throws Exception {
        SparseAutoencoder sae = SaeFolder.load(demo.saeFolder).sae();
        try (ActivationStore store = ActivationStore.open(demo.storeFolder);
                ActivationSet test = store.openCapture(DemoSaes.TEST)) {
            CaptureRows rows = CaptureRows.read(test, DemoSaes.SITE.id(), Integer.MAX_VALUE);
            float[][] encoded = new float[rows.rows()][sae.dSae()];
            for (int r = 0; r < rows.rows(); r++) {
                sae.encode(rows.values(), r * sae.dIn(), encoded[r]);
            }
            int busiest = 0;
            long[] fires = new long[sae.dSae()];
            for (float[] row : encoded) {
                for (int j = 0; j < row.length; j++) {
                    fires[j] += row[j] != 0 ? 1 : 0;
                }
            }
            for (int j = 0; j < fires.length; j++) {
                busiest = fires[j] > fires[busiest] ? j : busiest;
            }
            String id = new AnalysisRunner(store, registry).run(new AnalysisRequest(SaeFeaturesAnalysis.ID,
                    Map.of("sae", demo.saeFolder.toString(), "steerFeature", Integer.toString(busiest)),
                    Map.of("activations", DemoSaes.TEST)), new NullProgressMonitor());
            StoredResult result = new StoredResults(store).result(id);
            AnalysisOutput.Table features = result.table("features");
            double[] density = features.column("density").numbers();
            double[] max = features.column("maxActivation").numbers();
            for (int j = 0; j < sae.dSae(); j++) {
                float best = 0;
                for (float[] row : encoded) {
                    best = Math.max(best, row[j]);
                }
                assertEquals((double) fires[j] / rows.rows(), density[j], 1e-12, "density of feature " + j);
                assertEquals(best, max[j], 0.0, "max of feature " + j);
            }
            float[] byPosition = store.readResultArray(id, "promptActivations");
            int positions = test.positions(0).length;
            assertEquals(sae.dSae() * positions, byPosition.length);
            for (int r = 0; r < positions; r++) {
                // rows of prompt 0 come first in the capture's row order
                assertEquals(encoded[r][busiest], byPosition[busiest * positions + r], 0f, "position " + r);
            }
            AnalysisOutput.Table examples = result.table("examples");
            int first = -1;
            for (int r = 0; r < examples.rowCount(); r++) {
                if (examples.column("feature").numbers()[r] == busiest && examples.column("rank").numbers()[r] == 0) {
                    first = r;
                }
            }
            assertEquals(max[busiest], examples.column("value").numbers()[first], 0.0);
            assertTrue(examples.column("context").texts()[first].contains("["));
            System.out.printf("feature %d: density %.3f, max %.3f, top example %s; logits %s / %s%n", busiest,
                    density[busiest], max[busiest], examples.column("context").texts()[first],
                    features.column("topLogits").texts()[busiest], features.column("bottomLogits").texts()[busiest]);

            assertEquals(1, result.producedVectors().size());
            String vectorId = result.producedVectors().get(0);
            StoredVectorData vector = store.readVector(vectorId);
            assertArrayEquals(sae.decoderDirection(busiest), vector.values());
            assertEquals(DemoSaes.SITE.id(), vector.siteId());

            SweepAnalysis sweep = new SweepAnalysis();
            new AnalysisRunner(store, registry).run(registry.get(SweepAnalysis.ID), sweep,
                    new AnalysisRequest(SweepAnalysis.ID, Map.of("model", EmbeddedDemo.modelFolder().toString(),
                            "layers", "vector", "multipliers", "-2,0,2", "target", "fixed:A", "nullDirections", "0",
                            "control", "false"), Map.of("heldOut", DemoSaes.TEST, "vector", vectorId)),
                    new NullProgressMonitor());
            assertTrue(sweep.lastResult() != null, "the sweep ran with the feature's decoder direction");
        }
    }

    /** W_U @ W_dec[f] in numpy from the checkpoint's own file. */
    private static final String LOGITS = Python.SAFETENSORS_READER + """
            import sys
            m = load_safetensors(sys.argv[1])
            w = m.get('lm_head.weight', m.get('transformer.wte.weight'))
            d = load_safetensors(sys.argv[2])['W_dec'][int(sys.argv[3])]
            print(json.dumps((w @ d).tolist()))
            """;

    /** Reads the export with gzip and json only and checks Neuronpedia's field names and invariants. */
    private static final String NEURONPEDIA = """
            import gzip, json, os, sys
            source = sys.argv[1]
            def lines(kind):
                out = []
                b = 0
                while os.path.exists(os.path.join(source, kind, 'batch-%d.jsonl.gz' % b)):
                    with gzip.open(os.path.join(source, kind, 'batch-%d.jsonl.gz' % b), 'rt', encoding='utf-8') as f:
                        out += [json.loads(l) for l in f if l.strip()]
                    b += 1
                return out
            features = lines('features'); acts = lines('activations')
            need_f = ['modelId', 'layer', 'index', 'maxActApprox', 'pos_str', 'pos_values', 'neg_str', 'neg_values',
                      'frac_nonzero', 'freq_hist_data_bar_heights', 'freq_hist_data_bar_values',
                      'logits_hist_data_bar_heights', 'logits_hist_data_bar_values', 'hookName']
            need_a = ['id', 'tokens', 'values', 'modelId', 'layer', 'index', 'maxValue', 'maxValueTokenIndex',
                      'minValue', 'dataIndex']
            for f in features:
                missing = [k for k in need_f if k not in f]; assert not missing, missing
            for a in acts:
                missing = [k for k in need_a if k not in a]; assert not missing, missing
                assert len(a['tokens']) == len(a['values'])
                assert abs(max(a['values']) - a['maxValue']) < 1e-6
                assert a['values'][a['maxValueTokenIndex']] == a['maxValue']
            print(json.dumps({'features': [[f['index'], f['layer'], f['frac_nonzero'], f['pos_str']] for f in features],
                              'activations': len(acts), 'max': {f['index']: f['maxActApprox'] for f in features}}))
            """;

    @Test
    void logitEffectsAndNeuronpediaExport(@TempDir Path dir) throws Exception {
        SparseAutoencoder sae = SaeFolder.load(demo.saeFolder).sae();
        Path model = EmbeddedDemo.modelFolder();
        Unembedding unembedding = Unembedding.read(model);
        int feature = 3;
        JsonArray reference = JsonParser.parseString(Python.run(dir, LOGITS, model.resolve("model.safetensors")
                .toString(), demo.saeFolder.resolve(SaeFolder.WEIGHTS).toString(), Integer.toString(feature)))
                .getAsJsonArray();
        double[] effect = unembedding.logitEffect(sae.decoderDirection(feature));
        assertEquals(reference.size(), effect.length);
        for (int v = 0; v < effect.length; v++) {
            assertEquals(reference.get(v).getAsDouble(), effect[v], 1e-5, "logit " + v);
        }
        assertEquals("<|endoftext|>", unembedding.tokens().get(0));

        try (ActivationStore store = ActivationStore.open(demo.storeFolder);
                ActivationSet test = store.openCapture(DemoSaes.TEST)) {
            FeatureDashboards dashboards = new FeatureDashboards(sae, test, DemoSaes.SITE.id(), 100, 5, 10, unembedding);
            int[] chosen = {0, 3, 7};
            List<NeuronpediaExport.Feature> exported = dashboards.neuronpedia(chosen, 5, 20);
            Path source = NeuronpediaExport.write(dir.resolve("np"), "mechanist-demo-gpt2", DemoSaes.LAYER,
                    "res-topk-256", "blocks.2.hook_resid_post", "mechanist", exported);
            assertEquals(dir.resolve("np/mechanist-demo-gpt2/2-res-topk-256"), source);
            JsonObject parsed = JsonParser.parseString(Python.run(dir, NEURONPEDIA, source.toString())).getAsJsonObject();
            assertEquals(3, parsed.getAsJsonArray("features").size());
            int expectedActivations = exported.stream().mapToInt(f -> f.activations().size()).sum();
            assertEquals(expectedActivations, parsed.get("activations").getAsInt());
            List<JsonObject> back = NeuronpediaExport.read(source, "features");
            for (int i = 0; i < chosen.length; i++) {
                JsonObject f = back.get(i);
                assertEquals(Integer.toString(chosen[i]), f.get("index").getAsString());
                assertEquals("2-res-topk-256", f.get("layer").getAsString());
                assertEquals(dashboards.statistics().density(chosen[i]), f.get("frac_nonzero").getAsDouble(), 0.0);
                assertEquals(dashboards.statistics().maxActivation()[chosen[i]], f.get("maxActApprox").getAsDouble(),
                        0.0);
                int top = Unembedding.extremes(effect, 1, true)[0];
                if (chosen[i] == feature) {
                    assertEquals(unembedding.tokens().get(top), f.getAsJsonArray("pos_str").get(0).getAsString());
                }
            }
            assertEquals(expectedActivations, NeuronpediaExport.read(source, "activations").size());
        }
    }
}
