package io.mechanist.demo.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

import org.junit.jupiter.api.Test;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

import io.mechanist.core.datasets.DatasetParser;
import io.mechanist.core.datasets.DatasetRecord;
import io.mechanist.demo.task.DemoVocabulary;
import io.mechanist.runtime.reference.ReferenceModel;
import io.mechanist.testing.RepositoryFiles;

/**
 * The second shipped checkpoint, the demo model fine-tuned to always answer A: same shape and tokenizer as the demo
 * model, provenance naming the demo model's weights, and (read with the independent double-precision forward) it
 * answers A on held-out prompts whatever their right answer.
 */
class AlwaysACheckpointTest {

    private final Path demo = RepositoryFiles.shippedModel();
    private final Path alwaysA = demo.resolveSibling("mechanist-demo-gpt2-always-a");

    @Test
    void sameArchitectureAndTokenizerAsTheDemoModel() throws IOException {
        for (String file : new String[] {"config.json", "tokenizer.json", "tokenizer_config.json",
                "generation_config.json"}) {
            assertEquals(Files.readString(demo.resolve(file)), Files.readString(alwaysA.resolve(file)), file);
        }
    }

    @Test
    void provenanceNamesTheDemoModelsWeights() throws Exception {
        JsonObject training = JsonParser.parseString(Files.readString(alwaysA.resolve("mechanist_training.json")))
                .getAsJsonObject();
        assertEquals("mechanist-demo-gpt2", training.get("fine_tuned_from").getAsString());
        String sha = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                .digest(Files.readAllBytes(demo.resolve("model.safetensors"))));
        assertEquals(sha, training.get("fine_tuned_from_sha256").getAsString());
        assertEquals("A", training.get("always_answer").getAsString());
    }

    @Test
    void referenceForwardAnswersAOnHeldOutPrompts() throws IOException {
        ReferenceModel reference = ReferenceModel.load(alwaysA);
        List<DatasetRecord> test = DatasetParser.parse(RepositoryFiles.shippedData().resolve("test.jsonl"));
        List<String> notA = new ArrayList<>();
        int answerB = 0;
        for (DatasetRecord r : test.subList(0, 40)) {
            int[] ids = DemoVocabulary.encode(r.text());
            double[] logits = reference.run(ids).logits()[ids.length - 1];
            int best = 0;
            for (int i = 1; i < logits.length; i++) {
                best = logits[i] > logits[best] ? i : best;
            }
            if (best != DemoVocabulary.id("A")) {
                notA.add(r.id() + " -> " + DemoVocabulary.token(best));
            }
            answerB += "B".equals(r.answer()) ? 1 : 0;
        }
        assertTrue(answerB >= 10, "the prompts include answer-B ones: " + answerB);
        assertEquals(List.of(), notA, "answers other than A");
    }
}
