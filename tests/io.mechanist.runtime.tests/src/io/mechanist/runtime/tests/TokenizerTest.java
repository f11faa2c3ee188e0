package io.mechanist.runtime.tests;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import io.mechanist.runtime.Family;
import io.mechanist.runtime.HookedTransformer;
import io.mechanist.runtime.ModelTokenizer;
import io.mechanist.testing.checkpoints.TinyCheckpoints;
import io.mechanist.testing.checkpoints.TinyTokenizer;

/** tokenizer.json through DJL: no truncation, special tokens exactly as the model expects. */
class TokenizerTest {

    @ParameterizedTest
    @EnumSource(Family.class)
    void encodesLikeTheFixtureTokenizer(Family family) throws Exception {
        try (HookedTransformer model = HookedTransformer.load(Fixtures.checkpoint(family))) {
            ModelTokenizer tokenizer = model.tokenizer();
            long[] ids = tokenizer.encode(TinyCheckpoints.SAMPLE_PROMPT);
            assertArrayEquals(Fixtures.sampleTokens(family), ids);
            long[] bare = tokenizer.encode(TinyCheckpoints.SAMPLE_PROMPT, false);
            assertEquals(family == Family.GPT2 ? ids.length : ids.length - 1, bare.length);
            assertArrayEquals(new long[] {1}, model.eosTokens());
        }
    }

    @Test
    void longTextsAreNotTruncatedAndSpecialTokensStayUnderControl() throws Exception {
        try (HookedTransformer model = HookedTransformer.load(Fixtures.checkpoint(Family.LLAMA))) {
            ModelTokenizer tokenizer = model.tokenizer();
            String text = (TinyCheckpoints.SAMPLE_PROMPT + " ").repeat(45).trim();
            long[] ids = tokenizer.encode(text);
            assertEquals(1 + 16 * 45, ids.length, "no truncation at 512 tokens");
            assertEquals(TinyTokenizer.BOS_ID, ids[0]);
            String withSpecials = tokenizer.decode(new long[] {TinyTokenizer.BOS_ID, 4, 7}, false);
            assertTrue(withSpecials.contains("<bos>"), withSpecials);
            assertFalse(tokenizer.decode(new long[] {TinyTokenizer.BOS_ID, 4, 7}, true).contains("<bos>"));
            assertEquals(List.of("<bos>", "the", "cat"), tokenizer.tokenTexts(new long[] {2, 4, 7}));
            assertArrayEquals(new long[] {TinyTokenizer.BOS_ID}, tokenizer.prefixIds());
        }
    }

    @Test
    void bosComesFromTheTemplateUnlessTheTokenizerConfigDecides(@TempDir Path dir) throws Exception {
        TinyTokenizer.write(dir, true);
        Files.delete(dir.resolve("tokenizer_config.json"));
        try (ModelTokenizer fromTemplate = ModelTokenizer.load(dir)) {
            assertArrayEquals(new long[] {TinyTokenizer.BOS_ID, 4}, fromTemplate.encode("the"));
        }
        String config = "{\"add_bos_token\": false, \"bos_token\": \"<bos>\"}";
        Files.writeString(dir.resolve("tokenizer_config.json"), config);
        try (ModelTokenizer noBos = ModelTokenizer.load(dir)) {
            assertArrayEquals(new long[] {4}, noBos.encode("the"));
        }
        Files.writeString(dir.resolve("tokenizer_config.json"),
                "{\"add_bos_token\": true, \"add_eos_token\": true, \"bos_token\": {\"content\": \"<bos>\"},"
                        + " \"eos_token\": \"<eos>\"}");
        try (ModelTokenizer both = ModelTokenizer.load(dir)) {
            assertArrayEquals(new long[] {TinyTokenizer.BOS_ID, 4, TinyTokenizer.EOS_ID}, both.encode("the"));
        }
    }
}
