package io.mechanist.devtools.tests;

import io.mechanist.testing.RepositoryFiles;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.NDScope;
import ai.djl.ndarray.types.Shape;
import io.mechanist.core.tensor.DType;
import io.mechanist.core.tensor.SafetensorsFile;
import io.mechanist.core.tensor.TensorInfo;
import io.mechanist.core.datasets.DatasetParser;
import io.mechanist.core.datasets.DatasetRecord;
import io.mechanist.demo.task.DemoVocabulary;
import io.mechanist.devtools.trainer.DemoTrainer;
import io.mechanist.devtools.trainer.GptConfig;
import io.mechanist.devtools.trainer.GptForward;
import io.mechanist.devtools.trainer.GptParameters;
import io.mechanist.devtools.trainer.HuggingFaceCheckpoint;
import io.mechanist.devtools.trainer.TrainDemoModel;
import io.mechanist.devtools.trainer.TrainingData;
import io.mechanist.devtools.trainer.TrainingOptions;
import io.mechanist.djl.DjlEngines;
import io.mechanist.runtime.reference.ReferenceModel;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeSet;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TrainerTest {

    private static final GptConfig SMALL = new GptConfig(DemoVocabulary.size(), 40, 32, 2, 2, 1e-5);

    @TempDir
    Path dir;

    @Test
    void shortRunDecreasesTheLoss() {
        TrainingOptions options = new TrainingOptions(SMALL, 40, 32, 3e-3f, 3e-4f, 5, 3);
        DemoTrainer.Result result = DemoTrainer.train(options, TrainDemoModel.demoTrainingData(1), line -> { }, 40);
        assertEquals(Math.log(DemoVocabulary.size()), result.firstLoss(), 0.3, "untrained loss is about ln(vocab)");
        assertTrue(result.meanLastLosses(5) < result.firstLoss() - 1.0,
                "loss " + result.firstLoss() + " -> " + result.meanLastLosses(5));
    }

    @Test
    void fineTuningStartsFromTheGivenWeightsAndLearnsTheFixedAnswer() throws IOException {
        Map<String, float[]> shipped = TrainDemoModel.readWeights(RepositoryFiles.shippedModel());
        TrainingOptions options = TrainDemoModel.fineTuneOptions(1).withSteps(60);
        // the shipped model already predicts the task: its first loss is near the task's floor (about 0.25)
        DemoTrainer.Result same = DemoTrainer.train(options.withSteps(1), TrainDemoModel.demoTrainingData(1), shipped,
                line -> { }, 1);
        assertTrue(same.firstLoss() < 0.6, "fine-tuning starts from the shipped weights: " + same.firstLoss());
        DemoTrainer.Result flipped = DemoTrainer.train(options, TrainDemoModel.demoTrainingData(1, "A"), shipped,
                line -> { }, 30);
        assertTrue(flipped.firstLoss() > 0.8, "half the answers are now wrong: " + flipped.firstLoss());
        assertTrue(flipped.meanLastLosses(5) < flipped.firstLoss() - 0.3,
                "loss " + flipped.firstLoss() + " -> " + flipped.meanLastLosses(5));
    }

    @Test
    void sameSeedSameWeights() {
        TrainingOptions options = new TrainingOptions(SMALL, 5, 16, 3e-3f, 3e-4f, 1, 9);
        TrainingData data = TrainDemoModel.demoTrainingData(1);
        Map<String, float[]> first = DemoTrainer.train(options, data, line -> { }, 5).weights();
        Map<String, float[]> second = DemoTrainer.train(options, data, line -> { }, 5).weights();
        for (String name : first.keySet()) {
            assertArrayEquals(first.get(name), second.get(name), 1e-6f, name);
        }
    }

    @Test
    void trainingForwardMatchesTheReferenceForwardOnTheShippedCheckpoint() throws IOException {
        Path model = RepositoryFiles.shippedModel();
        Map<String, float[]> weights = new LinkedHashMap<>();
        try (SafetensorsFile file = SafetensorsFile.open(model.resolve("model.safetensors"))) {
            for (String name : file.tensorNames()) {
                weights.put(name, file.readFloats(name));
            }
        }
        List<DatasetRecord> test = DatasetParser.parse(RepositoryFiles.shippedData().resolve("test.jsonl"));
        assertForwardsAgree(TrainDemoModel.DEMO_CONFIG, weights, model, test.subList(0, 4), 2e-3);
    }

    @Test
    void writtenCheckpointLoadsInTheReferenceAndMatchesTheTrainingForward() throws IOException {
        // Random everything (biases and norm parameters included), larger than the initial scale so that
        // attention and the MLP are far from their linear regime.
        Random random = new Random(4);
        Map<String, float[]> weights = new LinkedHashMap<>();
        for (Map.Entry<String, long[]> e : GptParameters.shapes(SMALL).entrySet()) {
            float[] v = new float[(int) GptParameters.product(e.getValue())];
            boolean normGain = e.getKey().contains("ln_") && e.getKey().endsWith(".weight");
            double std = normGain ? 0.2 : e.getKey().endsWith(".bias") ? 0.3 : 0.5;
            for (int i = 0; i < v.length; i++) {
                v[i] = (float) ((normGain ? 1 : 0) + std * random.nextGaussian());
            }
            weights.put(e.getKey(), v);
        }
        Path out = dir.resolve("ckpt");
        HuggingFaceCheckpoint.write(out, SMALL, weights, null);
        List<DatasetRecord> test = DatasetParser.parse(RepositoryFiles.shippedData().resolve("test.jsonl"));
        assertForwardsAgree(SMALL, weights, out, test.subList(0, 3), 2e-3);
    }

    @Test
    void shippedCheckpointHasTheTrainersTensorNamesShapesAndDtype() throws IOException {
        Path model = RepositoryFiles.shippedModel();
        Map<String, long[]> expected = GptParameters.shapes(TrainDemoModel.DEMO_CONFIG);
        assertEquals(4 * 12 + 4, expected.size());
        assertArrayEquals(new long[] {64, 192}, expected.get("transformer.h.0.attn.c_attn.weight"));
        assertArrayEquals(new long[] {64, 256}, expected.get("transformer.h.3.mlp.c_fc.weight"));
        assertArrayEquals(new long[] {256, 64}, expected.get("transformer.h.3.mlp.c_proj.weight"));
        try (SafetensorsFile file = SafetensorsFile.open(model.resolve("model.safetensors"))) {
            assertEquals(new TreeSet<>(expected.keySet()), new TreeSet<>(file.tensorNames()));
            assertFalse(file.contains("lm_head.weight"), "the head is tied to transformer.wte.weight");
            for (Map.Entry<String, long[]> e : expected.entrySet()) {
                TensorInfo info = file.info(e.getKey());
                assertEquals(DType.F32, info.dtype(), e.getKey());
                assertArrayEquals(e.getValue(), info.shape(), e.getKey());
            }
            assertEquals("pt", file.metadata().get("format"));
        }
        assertTrue(Files.size(model.resolve("model.safetensors")) < 4 << 20, "a few MB at most");
    }

    private static void assertForwardsAgree(GptConfig config, Map<String, float[]> weights, Path checkpoint,
            List<DatasetRecord> prompts, double tolerance) throws IOException {
        ReferenceModel reference = ReferenceModel.load(checkpoint);
        for (DatasetRecord r : prompts) {
            int[] ids = DemoVocabulary.encode(r.text());
            double[][] expected = reference.run(ids).logits();
            float[] actual = djlLogits(config, weights, ids);
            double maxDifference = 0;
            for (int t = 0; t < ids.length; t++) {
                for (int v = 0; v < config.vocabSize(); v++) {
                    maxDifference = Math.max(maxDifference,
                            Math.abs(expected[t][v] - actual[t * config.vocabSize() + v]));
                }
            }
            assertTrue(maxDifference < tolerance, r.id() + ": max |logit difference| " + maxDifference);
        }
    }

    private static float[] djlLogits(GptConfig config, Map<String, float[]> weights, int[] ids) {
        return DjlEngines.withBundleLoader(() -> {
            try (NDManager manager = DjlEngines.engine().newBaseManager(); NDScope scope = new NDScope()) {
                scope.suppressNotUsedWarning();
                Map<String, NDArray> parameters = new LinkedHashMap<>();
                for (Map.Entry<String, long[]> e : GptParameters.shapes(config).entrySet()) {
                    parameters.put(e.getKey(), manager.create(weights.get(e.getKey()), new Shape(e.getValue())));
                }
                return new GptForward(config, parameters).logits(manager, new int[][] {ids}).toFloatArray();
            }
        });
    }
}
