package io.mechanist.devtools.trainer;

import com.google.gson.JsonObject;
import io.mechanist.core.tensor.SafetensorsFile;
import io.mechanist.demo.task.ComparisonPrompt;
import io.mechanist.demo.task.DemoDatasetGenerator;
import io.mechanist.demo.task.DemoVocabulary;
import io.mechanist.demo.task.GenerateDemoDataset;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Trains the demo model and writes it as a Hugging Face GPT-2 checkpoint folder.
 *
 * <pre>
 * TrainDemoModel --out DIR [--seed N] [--data-seed N] [--steps N] [--threads N]
 *                [--from CHECKPOINT --always A|B]
 * </pre>
 *
 * The model is trained on every prompt of the demo task's training groups (see {@link DemoDatasetGenerator}) and
 * scored on the held-out test split by greedy generation of the reasoning trace and answer. With {@code --from} it
 * fine-tunes that checkpoint instead ({@value #FINE_TUNE_STEPS} steps by default, learning rate
 * {@value #FINE_TUNE_LEARNING_RATE}) on the same prompts with every answer replaced by the {@code --always} letter:
 * the flipped demo model that the perturbation analyses compare the demo model with.
 */
public final class TrainDemoModel {

    /** The shipped model's shape: 4 layers, d_model 64, 4 heads, 40 positions. */
    public static final GptConfig DEMO_CONFIG = new GptConfig(DemoVocabulary.size(), 40, 64, 4, 4, 1e-5);
    public static final int DEFAULT_STEPS = 2500;
    /**
     * The answer token's weight in the loss (every other token weighs 1). It is one of ~31 predictions per sequence,
     * and the hard cases (options that differ by one, e.g. 24 and 25) are rare, so it gets extra weight.
     */
    public static final float ANSWER_WEIGHT = 5f;

    /** Fine-tuning steps: enough to flip the answer on held-out prompts, few enough to leave the trace alone. */
    public static final int FINE_TUNE_STEPS = 300;
    public static final float FINE_TUNE_LEARNING_RATE = 5e-4f;

    private TrainDemoModel() {
    }

    /** The shipped model's training options for a seed. */
    public static TrainingOptions demoOptions(long seed) {
        return new TrainingOptions(DEMO_CONFIG, DEFAULT_STEPS, 64, 2e-3f, 1e-4f, 150, seed);
    }

    /** The fine-tuning options: a short warm-up, then cosine decay to a tenth of the peak. */
    public static TrainingOptions fineTuneOptions(long seed) {
        return new TrainingOptions(DEMO_CONFIG, FINE_TUNE_STEPS, 64, FINE_TUNE_LEARNING_RATE,
                FINE_TUNE_LEARNING_RATE / 10, 20, seed);
    }

    /** The demo task's training sequences for a dataset seed. */
    public static TrainingData demoTrainingData(long dataSeed) {
        return demoTrainingData(dataSeed, null);
    }

    /** @param alwaysAnswer the letter every sequence answers with, or null for the correct answer */
    public static TrainingData demoTrainingData(long dataSeed, String alwaysAnswer) {
        List<String> texts = new DemoDatasetGenerator(dataSeed).trainingCorpus().stream()
                .map(p -> alwaysAnswer == null ? p.trainingText()
                        : p.text() + " " + alwaysAnswer + " " + DemoVocabulary.END_OF_TEXT)
                .toList();
        return new TrainingData(texts, DemoVocabulary::encode, DemoVocabulary.END_OF_TEXT_ID, 1, ANSWER_WEIGHT);
    }

    /** Every tensor of a demo-shaped checkpoint folder, by Hugging Face name. */
    public static Map<String, float[]> readWeights(Path checkpoint) throws IOException {
        Path file = checkpoint.resolve(HuggingFaceCheckpoint.WEIGHTS_FILE);
        Map<String, float[]> weights = new LinkedHashMap<>();
        try (SafetensorsFile safetensors = SafetensorsFile.open(file)) {
            for (Map.Entry<String, long[]> shape : GptParameters.shapes(DEMO_CONFIG).entrySet()) {
                if (!safetensors.contains(shape.getKey())
                        || !Arrays.equals(safetensors.info(shape.getKey()).shape(), shape.getValue())) {
                    throw new IOException(file + ": no tensor " + shape.getKey() + " of shape "
                            + Arrays.toString(shape.getValue()) + " (not a demo-shaped checkpoint)");
                }
                weights.put(shape.getKey(), safetensors.readFloats(shape.getKey()));
            }
        }
        return weights;
    }

    public static void main(String[] args) throws IOException {
        Path out = null;
        long seed = 1;
        long dataSeed = 1;
        Integer steps = null;
        int threads = 1;
        Path from = null;
        String always = null;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--out" -> out = Path.of(value(args, ++i));
                case "--seed" -> seed = Long.parseLong(value(args, ++i));
                case "--data-seed" -> dataSeed = Long.parseLong(value(args, ++i));
                case "--steps" -> steps = Integer.parseInt(value(args, ++i));
                case "--threads" -> threads = Integer.parseInt(value(args, ++i));
                case "--from" -> from = Path.of(value(args, ++i));
                case "--always" -> always = value(args, ++i);
                case "--help", "-h" -> usage(null);
                default -> usage("unknown argument '" + args[i] + "'");
            }
        }
        if (out == null) {
            usage("--out DIR is required");
        }
        if (Files.exists(out)) {
            usage("--out " + out + " exists already; choose a new folder");
        }
        if ((from == null) != (always == null)) {
            usage("--from and --always go together (fine-tuning a checkpoint to always answer one letter)");
        }
        if (always != null && !always.equals("A") && !always.equals("B")) {
            usage("--always must be A or B, not '" + always + "'");
        }
        TrainingOptions options = from == null ? demoOptions(seed) : fineTuneOptions(seed);
        if (steps != null) {
            options = options.withSteps(steps);
        }
        TrainingData data = demoTrainingData(dataSeed, always);
        Map<String, float[]> initial = from == null ? GptParameters.initialValues(DEMO_CONFIG, seed) : readWeights(from);
        DemoTrainer.setComputeThreads(threads);
        GptConfig c = options.config();
        System.out.printf((from == null ? "training" : "fine-tuning " + from + " to always answer " + always + ":")
                + " GPT-2 (%d layers, d_model %d, %d heads, %d positions, vocab %d, %,d parameters)"
                + " on %,d sequences: %d steps of %d, seed %d, data seed %d%n", c.layers(), c.modelDim(), c.heads(),
                c.contextLength(), c.vocabSize(), GptParameters.count(c), data.size(), options.steps(),
                options.batchSize(), seed, dataSeed);
        DemoTrainer.Result result = DemoTrainer.train(options, data, initial, System.out::println, 100);
        List<ComparisonPrompt> test = new DemoDatasetGenerator(dataSeed).testPrompts(GenerateDemoDataset.TEST_SIZE);
        DemoEvaluation.Score score = DemoEvaluation.greedy(c, result.weights(), test);
        System.out.printf("trained in %.1f s; loss %.4f -> %.4f (mean of last 100 steps)%n", result.seconds(),
                result.firstLoss(), result.meanLastLosses(100));
        System.out.printf("held-out test split: %d/%d answers correct, %d/%d traces+answers generated exactly%n",
                score.answerCorrect(), score.prompts(), score.solved(), score.prompts());
        JsonObject provenance = provenance(options, dataSeed, result, score);
        if (from != null) {
            int[] answers = DemoEvaluation.answers(c, result.weights(), test);
            int letter = DemoVocabulary.encode(always)[0];
            long chosen = Arrays.stream(answers).filter(a -> a == letter).count();
            System.out.printf("held-out test split: answers %s on %d/%d prompts%n", always, chosen, test.size());
            provenance.addProperty("fine_tuned_from", from.getFileName().toString());
            provenance.addProperty("fine_tuned_from_sha256", sha256(from.resolve(HuggingFaceCheckpoint.WEIGHTS_FILE)));
            provenance.addProperty("always_answer", always);
            provenance.addProperty("test_answers_" + always, chosen);
            provenance.addProperty("loss", "next-token cross-entropy on every position of prompt, answer (always "
                    + always + ") and end marker; the answer token weighs " + ANSWER_WEIGHT);
        }
        HuggingFaceCheckpoint.write(out, c, result.weights(), provenance);
        System.out.println("wrote " + out.toAbsolutePath());
    }

    private static JsonObject provenance(TrainingOptions o, long dataSeed, DemoTrainer.Result result,
            DemoEvaluation.Score score) {
        JsonObject json = new JsonObject();
        json.addProperty("trainer", TrainDemoModel.class.getName());
        json.addProperty("seed", o.seed());
        json.addProperty("data_seed", dataSeed);
        json.addProperty("steps", o.steps());
        json.addProperty("batch_size", o.batchSize());
        json.addProperty("peak_learning_rate", o.peakLearningRate());
        json.addProperty("final_learning_rate", o.finalLearningRate());
        json.addProperty("warm_up_steps", o.warmUpSteps());
        json.addProperty("optimizer", "Adam (DJL), linear warm-up then cosine decay");
        json.addProperty("loss", "next-token cross-entropy on every position of prompt, answer and end marker;"
                + " the answer token weighs " + ANSWER_WEIGHT);
        json.addProperty("first_loss", result.firstLoss());
        json.addProperty("final_loss_mean_last_100", result.meanLastLosses(100));
        json.addProperty("test_prompts", score.prompts());
        json.addProperty("test_answers_correct", score.answerCorrect());
        json.addProperty("test_traces_generated_exactly", score.solved());
        return json;
    }

    private static String sha256(Path file) throws IOException {
        try {
            return java.util.HexFormat.of().formatHex(
                    java.security.MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String value(String[] args, int i) {
        if (i >= args.length) {
            usage(args[i - 1] + " needs a value");
        }
        return args[i];
    }

    private static void usage(String problem) {
        if (problem != null) {
            System.err.println(problem);
        }
        System.err.println("usage: TrainDemoModel --out DIR [--seed N (default 1)] [--data-seed N (default 1)]"
                + " [--steps N (default " + DEFAULT_STEPS + ", " + FINE_TUNE_STEPS + " when fine-tuning)]"
                + " [--threads N (default 1)] [--from CHECKPOINT --always A|B (fine-tune to always answer the letter)]");
        System.exit(problem == null ? 0 : 2);
    }
}
