package io.mechanist.demo.tests;

import io.mechanist.testing.RepositoryFiles;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.huggingface.tokenizers.HuggingFaceTokenizer;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import io.mechanist.core.datasets.DatasetParser;
import io.mechanist.core.datasets.DatasetRecord;
import io.mechanist.demo.task.DemoVocabulary;
import io.mechanist.djl.DjlEngines;
import io.mechanist.runtime.reference.ReferenceModel;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

/** The checkpoint in bundles/io.mechanist.demo/models is a Hugging Face GPT-2 folder and solves the task. */
class ShippedCheckpointTest {

    private final Path model = RepositoryFiles.shippedModel();

    @Test
    void configIsGpt2LmHeadModel() throws IOException {
        JsonObject config = JsonParser.parseString(Files.readString(model.resolve("config.json"))).getAsJsonObject();
        assertEquals("GPT2LMHeadModel", config.getAsJsonArray("architectures").get(0).getAsString());
        assertEquals("gpt2", config.get("model_type").getAsString());
        assertEquals(4, config.get("n_layer").getAsInt());
        assertEquals(64, config.get("n_embd").getAsInt());
        assertEquals(4, config.get("n_head").getAsInt());
        assertEquals(40, config.get("n_positions").getAsInt());
        assertEquals(DemoVocabulary.size(), config.get("vocab_size").getAsInt());
        assertEquals(1e-5, config.get("layer_norm_epsilon").getAsDouble());
        assertEquals("gelu_new", config.get("activation_function").getAsString());
        assertTrue(config.get("tie_word_embeddings").getAsBoolean());
        assertEquals(DemoVocabulary.END_OF_TEXT_ID, config.get("eos_token_id").getAsInt());
    }

    @Test
    void tokenizerJsonLoadsInHuggingFaceTokenizersAndAgreesWithTheVocabulary() throws Exception {
        List<DatasetRecord> test = DatasetParser.parse(RepositoryFiles.shippedData().resolve("test.jsonl"));
        DjlEngines.withBundleLoader(() -> {
            try (HuggingFaceTokenizer tokenizer = HuggingFaceTokenizer.newInstance(model,
                    Map.of("truncation", "false", "addSpecialTokens", "false"))) {
                for (DatasetRecord r : test.subList(0, 20)) {
                    String text = r.text() + " " + r.answer() + " " + DemoVocabulary.END_OF_TEXT;
                    long[] ids = tokenizer.encode(text).getIds();
                    assertArrayEquals(Arrays.stream(DemoVocabulary.encode(text)).asLongStream().toArray(), ids, text);
                }
            }
            return null;
        });
    }

    @Test
    void referenceForwardAnswersHeldOutPrompts() throws IOException {
        ReferenceModel reference = ReferenceModel.load(model);
        assertEquals(4, reference.layerCount());
        List<DatasetRecord> test = DatasetParser.parse(RepositoryFiles.shippedData().resolve("test.jsonl"));
        List<String> wrong = new ArrayList<>();
        for (DatasetRecord r : test.subList(0, 40)) {
            int[] ids = DemoVocabulary.encode(r.text());
            double[] logits = reference.run(ids).logits()[ids.length - 1];
            int best = 0;
            for (int i = 1; i < logits.length; i++) {
                best = logits[i] > logits[best] ? i : best;
            }
            if (best != DemoVocabulary.id(r.answer())) {
                wrong.add(r.id() + " -> " + DemoVocabulary.token(best));
            }
        }
        assertTrue(wrong.isEmpty(), "wrong answers: " + wrong);
    }
}
