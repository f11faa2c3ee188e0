package io.mechanist.runtime.reference.tests;

import com.google.gson.JsonObject;
import io.mechanist.core.tensor.DType;
import io.mechanist.runtime.reference.ArchitectureFamily;
import io.mechanist.runtime.reference.ReferenceModel;
import io.mechanist.testing.checkpoints.TinyCheckpoints;
import io.mechanist.testing.checkpoints.TinyCheckpoints.Options;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Checkpoint folders in their storage variants, and clear errors for bad ones. */
class LoadingTest {

    @TempDir
    Path temp;

    @ParameterizedTest
    @EnumSource(ArchitectureFamily.class)
    void shardedAndSingleFileCheckpointsGiveIdenticalResults(ArchitectureFamily family) throws Exception {
        Path single = TinyCheckpoints.write(family, temp.resolve("single"), 4, Options.DEFAULT);
        Path sharded = TinyCheckpoints.write(family, temp.resolve("sharded"), 4, Options.DEFAULT.withSharded(true));
        assertTrue(Files.exists(sharded.resolve("model.safetensors.index.json")));
        assertTrue(Files.exists(sharded.resolve("model-00002-of-00002.safetensors")));
        int[] ids = TinyCheckpoints.sampleTokenIds(family);
        assertEquals(0.0, Checks.maxAbsDiff(ReferenceModel.load(single).run(ids).logits(),
                ReferenceModel.load(sharded).run(ids).logits()));
    }

    @Test
    void halfPrecisionWeightsAreWidenedNotIgnored() throws Exception {
        ArchitectureFamily family = ArchitectureFamily.LLAMA;
        int[] ids = TinyCheckpoints.sampleTokenIds(family);
        double[][] f32 = ReferenceModel.load(TinyCheckpoints.write(family, temp.resolve("f32"), 4, Options.DEFAULT))
                .run(ids).logits();
        for (DType dtype : new DType[] {DType.F16, DType.BF16}) {
            double[][] half = ReferenceModel.load(
                    TinyCheckpoints.write(family, temp.resolve(dtype.name()), 4, Options.DEFAULT.withDtype(dtype)))
                    .run(ids).logits();
            double diff = Checks.maxAbsDiff(f32, half);
            assertTrue(diff > 0 && diff < 0.1, dtype + " logits differ from f32 by " + diff);
        }
    }

    @Test
    void gemmaEmbeddingNormalizerFollowsTheComputeDtype() throws Exception {
        // sqrt(32) = 5.657 rounds to 5.65625 in bf16; HF multiplies by the normalizer cast to the model dtype.
        Path dir = TinyCheckpoints.write(ArchitectureFamily.GEMMA2, temp, 4, Options.DEFAULT);
        int[] ids = TinyCheckpoints.sampleTokenIds(ArchitectureFamily.GEMMA2);
        double[][] f32 = ReferenceModel.load(dir, DType.F32).run(ids).activation("embed");
        double[][] bf16 = ReferenceModel.load(dir, DType.BF16).run(ids).activation("embed");
        double[][] f64 = ReferenceModel.load(dir, DType.F64).run(ids).activation("embed");
        double[] row = ReferenceModel.load(dir, DType.F64).run(new int[] {ids[1]}).activation("embed")[0];
        double unscaled = row[0] / Math.sqrt(32);
        assertEquals(unscaled * 5.65625, bf16[1][0], 1e-12);
        assertEquals(unscaled * (float) Math.sqrt(32), f32[1][0], 1e-12);
        assertTrue(Checks.maxAbsDiff(f32, f64) < 1e-6);
    }

    @Test
    void pickleOnlyFoldersAreRefusedWithTheReason() throws Exception {
        Path dir = TinyCheckpoints.write(ArchitectureFamily.GPT2, temp, 1, Options.DEFAULT);
        Files.delete(dir.resolve("model.safetensors"));
        Files.write(dir.resolve("pytorch_model.bin"), new byte[] {1, 2, 3});
        IOException e = assertThrows(IOException.class, () -> ReferenceModel.load(dir));
        assertTrue(e.getMessage().contains("pytorch_model.bin"), e.getMessage());
        assertTrue(e.getMessage().contains("arbitrary code"), e.getMessage());
        assertTrue(e.getMessage().contains("safetensors"), e.getMessage());
    }

    @Test
    void missingTensorNamesTensorAndFolder() throws Exception {
        Path dir = TinyCheckpoints.write(ArchitectureFamily.QWEN3, temp, 1, Options.DEFAULT);
        ConfigEdits.edit(dir, c -> c.addProperty("num_hidden_layers", 4));
        var e = assertThrows(IllegalArgumentException.class, () -> ReferenceModel.load(dir));
        assertTrue(e.getMessage().contains("model.layers.3."), e.getMessage());
        assertTrue(e.getMessage().contains(dir.toString()), e.getMessage());
    }

    @Test
    void untiedHeadWithoutLmHeadIsAnError() throws Exception {
        Path dir = TinyCheckpoints.write(ArchitectureFamily.GEMMA2, temp, 1, Options.DEFAULT);
        ConfigEdits.edit(dir, c -> c.addProperty("tie_word_embeddings", false));
        var e = assertThrows(IllegalArgumentException.class, () -> ReferenceModel.load(dir));
        assertTrue(e.getMessage().contains("lm_head.weight"), e.getMessage());
    }

    @Test
    void shapeMismatchNamesFileTensorAndShapes() throws Exception {
        Path dir = TinyCheckpoints.write(ArchitectureFamily.MISTRAL, temp, 1, Options.DEFAULT);
        ConfigEdits.edit(dir, c -> c.addProperty("intermediate_size", 100));
        var e = assertThrows(IllegalArgumentException.class, () -> ReferenceModel.load(dir));
        assertTrue(e.getMessage().contains("model.safetensors"), e.getMessage());
        assertTrue(e.getMessage().contains("mlp.gate_proj.weight"), e.getMessage());
        assertTrue(e.getMessage().contains("[128, 48]") && e.getMessage().contains("[100, 48]"), e.getMessage());
    }

    @Test
    void unsupportedArchitecturesAndRopeTypesAreNamed() throws Exception {
        Path dir = TinyCheckpoints.write(ArchitectureFamily.LLAMA, temp, 1, Options.DEFAULT);
        ConfigEdits.edit(dir, c -> c.addProperty("model_type", "falcon"));
        IOException family = assertThrows(IOException.class, () -> ReferenceModel.load(dir));
        assertTrue(family.getMessage().contains("falcon") && family.getMessage().contains("config.json"),
                family.getMessage());

        ConfigEdits.edit(dir, c -> {
            c.addProperty("model_type", "llama");
            JsonObject yarn = new JsonObject();
            yarn.addProperty("rope_type", "yarn");
            yarn.addProperty("factor", 4.0);
            c.add("rope_scaling", yarn);
        });
        IOException rope = assertThrows(IOException.class, () -> ReferenceModel.load(dir));
        assertTrue(rope.getMessage().contains("rope_type 'yarn' is not implemented"), rope.getMessage());
    }

    @Test
    void missingFolderAndConfigAreReported() throws Exception {
        IOException noDir = assertThrows(IOException.class, () -> ReferenceModel.load(temp.resolve("nowhere")));
        assertTrue(noDir.getMessage().contains("nowhere"));
        Files.createDirectories(temp.resolve("empty"));
        IOException noConfig = assertThrows(IOException.class, () -> ReferenceModel.load(temp.resolve("empty")));
        assertTrue(noConfig.getMessage().contains("config.json"), noConfig.getMessage());
    }

    @Test
    void tokensOutsideTheVocabularyAreRejected() throws Exception {
        ReferenceModel model = ReferenceModel.load(TinyCheckpoints.write(ArchitectureFamily.GPT2, temp, 1,
                Options.DEFAULT));
        assertThrows(IllegalArgumentException.class, () -> model.run(new int[] {1, 100}));
        assertThrows(IllegalArgumentException.class, () -> model.run(new int[0]));
        assertThrows(IllegalArgumentException.class, () -> model.run(new int[65]), "beyond 64 learned positions");
    }
}
