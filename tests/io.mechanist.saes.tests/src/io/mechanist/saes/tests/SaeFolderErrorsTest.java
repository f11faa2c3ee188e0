package io.mechanist.saes.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.mechanist.core.hooks.HookPoint;
import io.mechanist.core.hooks.HookSite;
import io.mechanist.core.tensor.DType;
import io.mechanist.core.tensor.SafetensorsWriter;
import io.mechanist.saes.Architecture;
import io.mechanist.saes.SaeConfig;
import io.mechanist.saes.SaeFolder;
import io.mechanist.saes.SaeFormatException;
import io.mechanist.saes.SparseAutoencoder;

/** Bad SAE folders fail with one line naming the file and the field; pickles are never opened. */
class SaeFolderErrorsTest {

    private static void weights(Path folder, int dIn, int dSae) throws IOException {
        Random random = new Random(3);
        new SafetensorsWriter()
                .add("W_enc", DType.F32, new long[] {dIn, dSae}, SaeNumpyReferenceTest.gaussian(random, dIn * dSae, 0, 1))
                .add("W_dec", DType.F32, new long[] {dSae, dIn}, SaeNumpyReferenceTest.gaussian(random, dIn * dSae, 0, 1))
                .add("b_enc", DType.F32, new long[] {dSae}, new float[dSae])
                .add("b_dec", DType.F32, new long[] {dIn}, new float[dIn])
                .write(folder.resolve(SaeFolder.WEIGHTS));
    }

    private static SaeFormatException failure(Path folder) {
        return assertThrows(SaeFormatException.class, () -> SaeFolder.load(folder));
    }

    @Test
    void picklesAreRefusedWithTheReason(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("cfg.json"), "{\"d_in\": 4, \"d_sae\": 8, \"hook_name\": \"blocks.0.hook_resid_post\"}");
        Files.write(dir.resolve("sae_weights.pt"), new byte[] {(byte) 0x80, 2, 'c', 'o', 's'});
        SaeFormatException e = failure(dir);
        assertTrue(e.getMessage().contains("sae_weights.pt") && e.getMessage().contains("pickle"), e.getMessage());
        assertTrue(assertThrows(SaeFormatException.class, () -> SaeFolder.load(dir.resolve("sae_weights.pt")))
                .getMessage().contains("pickle"));
    }

    @Test
    void missingAndMisshapedFieldsAreNamed(@TempDir Path dir) throws IOException {
        weights(dir, 4, 8);
        Files.writeString(dir.resolve("cfg.json"), "{\"d_in\": 4, \"d_sae\": 8}");
        assertTrue(failure(dir).getMessage().contains("cfg.json: missing field 'hook_name'"));

        Files.writeString(dir.resolve("cfg.json"), "{\"d_in\": 4, \"hook_name\": \"blocks.0.hook_resid_post\"}");
        assertTrue(failure(dir).getMessage().contains("missing field 'd_sae'"));

        Files.writeString(dir.resolve("cfg.json"), "{\"d_in\": 5, \"d_sae\": 8, \"hook_name\": \"blocks.0.hook_resid_post\"}");
        SaeFormatException shape = failure(dir);
        assertTrue(shape.getMessage().contains("sae_weights.safetensors: tensor 'W_enc' has shape [4, 8]"),
                shape.getMessage());

        Files.writeString(dir.resolve("cfg.json"),
                "{\"d_in\": 4, \"d_sae\": 8, \"hook_name\": \"blocks.0.attn.hook_q\"}");
        assertTrue(failure(dir).getMessage().contains("field 'hook_name' is 'blocks.0.attn.hook_q', a per-head site"));
        Files.writeString(dir.resolve("cfg.json"), "{\"d_in\": 4, \"d_sae\": 8, \"reshape_activations\": "
                + "\"none\", \"hook_name\": \"blocks.0.attn.hook_z\"}");
        assertTrue(failure(dir).getMessage().contains("a hook_z SAE reads the heads flattened"));
        Files.writeString(dir.resolve("cfg.json"), "{\"d_in\": 4, \"d_sae\": 8, \"reshape_activations\": "
                + "\"hook_z\", \"hook_name\": \"blocks.0.hook_resid_post\"}");
        assertTrue(failure(dir).getMessage().contains("is not an attention hook_z site"));
        Files.writeString(dir.resolve("cfg.json"), "{\"d_in\": 4, \"d_sae\": 8, \"hook_head_index\": 2, "
                + "\"hook_name\": \"blocks.0.attn.hook_z\"}");
        assertTrue(failure(dir).getMessage().contains("field 'hook_head_index' is 2"));

        Files.writeString(dir.resolve("cfg.json"), "{\"d_in\": 4, \"d_sae\": 8, \"architecture\": \"gated\", "
                + "\"hook_name\": \"blocks.0.hook_resid_post\"}");
        assertTrue(failure(dir).getMessage().contains("field 'architecture' is 'gated'"));

        Files.writeString(dir.resolve("cfg.json"), "{\"d_in\": 4, \"d_sae\": 8, \"architecture\": \"jumprelu\", "
                + "\"hook_name\": \"blocks.0.hook_resid_post\"}");
        assertTrue(failure(dir).getMessage().contains("needs a tensor 'threshold'"));

        Files.writeString(dir.resolve("cfg.json"), "{\"d_in\": 4, \"d_sae\": 8, \"architecture\": \"topk\", "
                + "\"hook_name\": \"blocks.0.hook_resid_post\"}");
        assertTrue(failure(dir).getMessage().contains("needs field 'k'"));

        Files.writeString(dir.resolve("cfg.json"), "{\"d_in\": 4, \"d_sae\": 8, \"normalize_activations\": \"whiten\", "
                + "\"hook_name\": \"blocks.0.hook_resid_post\"}");
        assertTrue(failure(dir).getMessage().contains("field 'normalize_activations' is 'whiten'"));

        Files.writeString(dir.resolve("cfg.json"), "{not json");
        assertTrue(failure(dir).getMessage().contains("cfg.json: not valid JSON"));
    }

    @Test
    void hookNamesMapToSitesAndWrittenFoldersReadBack(@TempDir Path dir) throws IOException {
        weights(dir, 4, 8);
        Files.writeString(dir.resolve("cfg.json"), "{\"d_in\": 4, \"d_sae\": 8, \"hook_point\": \"blocks.3.hook_mlp_out\"}");
        SaeConfig config = SaeFolder.load(dir).sae().config();
        assertEquals(HookSite.of(HookPoint.MLP_OUT, 3), config.site());
        assertEquals(Architecture.STANDARD, config.architecture());
        assertTrue(config.applyBDecToInput(), "SAELens's default");

        SparseAutoencoder sae = SaeFolder.load(dir).sae();
        Path copy = dir.resolve("copy");
        SaeFolder.write(copy, sae, new float[8], null);
        SparseAutoencoder back = SaeFolder.load(copy).sae();
        assertEquals(config.site(), back.config().site());
        assertTrue(java.util.Arrays.equals(sae.encoderWeights(), back.encoderWeights()));
        assertTrue(java.util.Arrays.equals(sae.decoderWeights(), back.decoderWeights()));
        assertTrue(SaeFolder.load(copy).logDensity().isPresent());
    }
}
