package io.mechanist.runtime.reference.tests;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import io.mechanist.runtime.reference.ArchitectureFamily;
import io.mechanist.testing.checkpoints.TinyCheckpoints;
import io.mechanist.testing.checkpoints.TinyTokenizer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TinyCheckpointsTest {

    @TempDir
    Path temp;

    @ParameterizedTest
    @EnumSource(ArchitectureFamily.class)
    void foldersHoldConfigWeightsAndTokenizer(ArchitectureFamily family) throws Exception {
        Path dir = TinyCheckpoints.write(family, temp, 1, TinyCheckpoints.Options.DEFAULT);
        JsonObject config = JsonParser.parseString(Files.readString(dir.resolve("config.json"))).getAsJsonObject();
        assertEquals(family.modelType(), config.get("model_type").getAsString());
        assertEquals(TinyTokenizer.VOCAB_SIZE, config.get("vocab_size").getAsInt());
        assertTrue(Files.size(dir.resolve("model.safetensors")) > 1000);
        JsonObject tokenizer = JsonParser.parseString(Files.readString(dir.resolve("tokenizer.json")))
                .getAsJsonObject();
        assertEquals("WordLevel", tokenizer.getAsJsonObject("model").get("type").getAsString());
        assertEquals(TinyTokenizer.VOCAB_SIZE, tokenizer.getAsJsonObject("model").getAsJsonObject("vocab").size());
        assertEquals(TinyCheckpoints.addsBos(family), !tokenizer.get("post_processor").isJsonNull());
        assertTrue(Files.exists(dir.resolve("tokenizer_config.json")));
    }

    @Test
    void sameSeedSameBytesOtherSeedOtherBytes() throws Exception {
        Path a = TinyCheckpoints.write(ArchitectureFamily.QWEN2, temp.resolve("a"), 7, TinyCheckpoints.Options.DEFAULT);
        Path b = TinyCheckpoints.write(ArchitectureFamily.QWEN2, temp.resolve("b"), 7, TinyCheckpoints.Options.DEFAULT);
        Path c = TinyCheckpoints.write(ArchitectureFamily.QWEN2, temp.resolve("c"), 8, TinyCheckpoints.Options.DEFAULT);
        byte[] bytesA = Files.readAllBytes(a.resolve("model.safetensors"));
        assertArrayEquals(bytesA, Files.readAllBytes(b.resolve("model.safetensors")));
        assertFalse(java.util.Arrays.equals(bytesA, Files.readAllBytes(c.resolve("model.safetensors"))));
    }

    @Test
    void samplePromptEncodesWithoutUnknownsAndOutlastsTheWindows() {
        int[] ids = TinyCheckpoints.sampleTokenIds(ArchitectureFamily.LLAMA);
        assertEquals(TinyTokenizer.BOS_ID, ids[0]);
        assertEquals(17, ids.length);
        for (int id : ids) {
            assertTrue(id != TinyTokenizer.UNK_ID);
        }
        assertEquals(16, TinyCheckpoints.sampleTokenIds(ArchitectureFamily.GPT2).length);
        assertEquals(TinyTokenizer.UNK_ID, TinyTokenizer.encode("zebra", false)[0]);
    }
}
