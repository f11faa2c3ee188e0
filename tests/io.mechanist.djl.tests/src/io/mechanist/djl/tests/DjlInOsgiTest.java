package io.mechanist.djl.tests;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import ai.djl.engine.Engine;
import ai.djl.huggingface.tokenizers.Encoding;
import ai.djl.huggingface.tokenizers.HuggingFaceTokenizer;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import io.mechanist.djl.DjlEngines;

/** DJL starts offline inside OSGi, computes correctly, and loads a local tokenizer.json. */
class DjlInOsgiTest {

    @Test
    void pytorchEngineStartsOfflineWithNativesInMechanistsCache() {
        Engine engine = DjlEngines.engine();
        assertEquals("PyTorch", engine.getEngineName());
        assertEquals("true", System.getProperty("ai.djl.offline"), "DJL must never try to download");
        assertEquals(DjlEngines.cacheDir().toString(), System.getProperty("DJL_CACHE_DIR"));
        assertTrue(Files.isDirectory(DjlEngines.cacheDir().resolve("pytorch")),
                "natives extracted under " + DjlEngines.cacheDir());
    }

    @Test
    void matmulEqualsDoublePrecisionReference() {
        int n = 17, k = 33, m = 9;
        Random random = new Random(42);
        float[] a = new float[n * k];
        float[] b = new float[k * m];
        for (int i = 0; i < a.length; i++) {
            a[i] = (float) random.nextGaussian();
        }
        for (int i = 0; i < b.length; i++) {
            b[i] = (float) random.nextGaussian();
        }
        float[] product;
        try (NDManager manager = DjlEngines.withBundleLoader(NDManager::newBaseManager)) {
            NDArray left = manager.create(a, new Shape(n, k));
            NDArray right = manager.create(b, new Shape(k, m));
            product = left.matMul(right).toFloatArray();
        }
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < m; j++) {
                double expected = 0;
                for (int x = 0; x < k; x++) {
                    expected += (double) a[i * k + x] * b[x * m + j];
                }
                assertEquals(expected, product[i * m + j], 1e-4, "product[" + i + "," + j + "]");
            }
        }
    }

    @Test
    void tokenizerLoadsALocalTokenizerJsonWithoutTruncation(@TempDir Path dir) throws Exception {
        StringBuilder vocab = new StringBuilder("\"[UNK]\": 0, \"<s>\": 1");
        String[] words = { "the", "answer", "is", "A", "B", "because" };
        for (int i = 0; i < words.length; i++) {
            vocab.append(", \"").append(words[i]).append("\": ").append(i + 2);
        }
        String json = """
                {"version": "1.0", "truncation": null, "padding": null,
                 "added_tokens": [
                   {"id": 0, "content": "[UNK]", "single_word": false, "lstrip": false, "rstrip": false,
                    "normalized": false, "special": true},
                   {"id": 1, "content": "<s>", "single_word": false, "lstrip": false, "rstrip": false,
                    "normalized": false, "special": true}],
                 "normalizer": null, "pre_tokenizer": {"type": "Whitespace"}, "post_processor": null,
                 "decoder": null,
                 "model": {"type": "WordLevel", "vocab": {%s}, "unk_token": "[UNK]"}}
                """.formatted(vocab);
        Path file = dir.resolve("tokenizer.json");
        Files.writeString(file, json);

        // 600 words: longer than DJL's default truncation of 512 tokens, which must be off.
        String text = "the answer is A because ".repeat(120).trim();
        try (HuggingFaceTokenizer tokenizer = DjlEngines.withBundleLoader(
                () -> HuggingFaceTokenizer.newInstance(file, Map.of("truncation", "false", "addSpecialTokens", "false")))) {
            Encoding encoding = tokenizer.encode(text);
            long[] ids = encoding.getIds();
            assertEquals(600, ids.length);
            assertArrayEquals(new long[] { 2, 3, 4, 5, 7 }, java.util.Arrays.copyOf(ids, 5));
            assertEquals(0, tokenizer.encode("the zebra").getIds()[1], "unknown words map to [UNK]");
            assertEquals("the answer is B", tokenizer.decode(new long[] { 2, 3, 4, 6 }));
        }
    }
}
