package io.mechanist.runtime.reference.tests;

import com.google.gson.JsonNull;
import io.mechanist.core.tensor.DType;
import io.mechanist.runtime.reference.ArchitectureFamily;
import io.mechanist.testing.checkpoints.TinyCheckpoints;
import io.mechanist.runtime.reference.internal.Activations;
import io.mechanist.runtime.reference.internal.ConfigReader;
import io.mechanist.runtime.reference.internal.ModelConfig;
import io.mechanist.runtime.reference.internal.RopeSpec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Building blocks against known values, and config defaults as Hugging Face resolves them. */
class MathAndConfigTest {

    @TempDir
    Path temp;

    @Test
    void erfAndGeluMatchTabulatedValues() {
        assertEquals(0.5204998778130465, Activations.erf(0.5), 1e-15);
        assertEquals(0.8427007929497149, Activations.erf(1.0), 1e-15);
        assertEquals(-0.9953222650189527, Activations.erf(-2.0), 1e-15);
        assertEquals(0.9999779095030014, Activations.erf(3.0), 1e-15);
        assertEquals(0.8413447460685429, Activations.geluExact(1.0), 1e-15);
        assertEquals(0.8411919906082768, Activations.geluTanh(1.0), 1e-15);
        assertEquals(0.7310585786300049, Activations.silu(1.0), 1e-15);
    }

    @Test
    void llama3ScalingKeepsHighSlowsLowAndBlendsTheBand() {
        RopeSpec plain = RopeSpec.plain(500.0);
        RopeSpec scaled = new RopeSpec("llama3", 500.0, 8.0, 1.0, 4.0, 64);
        double[] base = plain.inverseFrequencies(12);
        double[] inv = scaled.inverseFrequencies(12);
        int high = 0;
        int low = 0;
        int blended = 0;
        for (int i = 0; i < base.length; i++) {
            double wavelength = 2 * Math.PI / base[i];
            if (wavelength < 16) {
                assertEquals(base[i], inv[i], 0.0);
                high++;
            } else if (wavelength > 64) {
                assertEquals((float) (base[i] / 8), inv[i], 0.0);
                low++;
            } else {
                assertTrue(inv[i] < base[i] && inv[i] > base[i] / 8);
                blended++;
            }
        }
        assertEquals(List.of(1, 2, 3), List.of(high, blended, low));
        // As in HF: float32 exponent, float32 power, float32 reciprocal.
        float power = (float) Math.pow(500.0, (float) (2.0 / 12));
        assertEquals(1.0f / power, base[1], 0.0);
    }

    @Test
    void linearScalingDividesFrequencies() {
        double[] base = RopeSpec.plain(10_000).inverseFrequencies(8);
        double[] scaled = new RopeSpec("linear", 10_000, 2.0, 0, 0, 0).inverseFrequencies(8);
        for (int i = 0; i < base.length; i++) {
            assertEquals((float) (base[i] / 2), scaled[i], 0.0);
        }
    }

    @Test
    void gemma2DefaultsAndDerivedLayerTypes() throws Exception {
        Path dir = TinyCheckpoints.write(ArchitectureFamily.GEMMA2, temp, 1, TinyCheckpoints.Options.DEFAULT);
        ConfigEdits.edit(dir, c -> {
            c.remove("attn_logit_softcapping");
            c.remove("final_logit_softcapping");
            c.remove("query_pre_attn_scalar");
            c.remove("head_dim");
            c.remove("tie_word_embeddings");
        });
        ModelConfig config = ConfigReader.read(dir.resolve("config.json"), DType.F32);
        assertEquals(50.0, config.attnSoftcap());
        assertEquals(30.0, config.finalSoftcap());
        assertEquals(256, config.headDim());
        assertEquals(1 / 16.0, config.attentionScales().get(0), 1e-15);
        assertTrue(config.tieEmbeddings());
        assertEquals(List.of(3, 0, 3), config.slidingWindows());
    }

    @Test
    void gemma3LayerTypesFromThePatternAndPerTypeRope() throws Exception {
        Path dir = TinyCheckpoints.write(ArchitectureFamily.GEMMA3_TEXT, temp, 1, TinyCheckpoints.Options.DEFAULT);
        ConfigEdits.edit(dir, c -> {
            c.remove("layer_types");
            c.addProperty("num_hidden_layers", 3);
            c.remove("sliding_window_pattern");
            c.addProperty("_sliding_window_pattern", 3);
        });
        ModelConfig config = ConfigReader.read(dir.resolve("config.json"), DType.F32);
        assertEquals(List.of(3, 3, 0), config.slidingWindows());
        assertEquals(RopeSpec.plain(100.0), config.ropes().get(0));
        assertEquals(new RopeSpec("linear", 10_000.0, 4.0, 0, 0, 0), config.ropes().get(2));
        assertNull(config.attnSoftcap());
        assertNull(config.finalSoftcap());
    }

    @Test
    void gemma3RopeParametersOfNewerConfigs() throws Exception {
        Path dir = TinyCheckpoints.write(ArchitectureFamily.GEMMA3_TEXT, temp, 1, TinyCheckpoints.Options.DEFAULT);
        ConfigEdits.edit(dir, c -> {
            c.remove("rope_scaling");
            c.remove("rope_theta");
            c.remove("rope_local_base_freq");
            c.add("rope_parameters", com.google.gson.JsonParser.parseString(
                    "{\"full_attention\": {\"rope_type\": \"linear\", \"factor\": 4.0, \"rope_theta\": 10000.0},"
                            + " \"sliding_attention\": {\"rope_type\": \"default\", \"rope_theta\": 100.0}}"));
        });
        ModelConfig config = ConfigReader.read(dir.resolve("config.json"), DType.F32);
        assertEquals(RopeSpec.plain(100.0), config.ropes().get(0));
        assertEquals(new RopeSpec("linear", 10_000.0, 4.0, 0, 0, 0), config.ropes().get(1));
    }

    @Test
    void mistralWindowDefaultAndQwenWindowLayers() throws Exception {
        Path mistral = TinyCheckpoints.write(ArchitectureFamily.MISTRAL, temp.resolve("m"), 1,
                TinyCheckpoints.Options.DEFAULT);
        ConfigEdits.edit(mistral, c -> c.remove("sliding_window"));
        assertEquals(List.of(4096, 4096), ConfigReader.read(mistral.resolve("config.json"), DType.F32).slidingWindows());
        ConfigEdits.edit(mistral, c -> c.add("sliding_window", JsonNull.INSTANCE));
        assertEquals(List.of(0, 0), ConfigReader.read(mistral.resolve("config.json"), DType.F32).slidingWindows());

        Path qwen3 = TinyCheckpoints.write(ArchitectureFamily.QWEN3, temp.resolve("q"), 1,
                TinyCheckpoints.Options.DEFAULT);
        assertEquals(List.of(0, 4, 4), ConfigReader.read(qwen3.resolve("config.json"), DType.F32).slidingWindows());
        ConfigEdits.edit(qwen3, c -> c.remove("head_dim"));
        assertEquals(128, ConfigReader.read(qwen3.resolve("config.json"), DType.F32).headDim());
    }
}
