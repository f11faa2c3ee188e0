package io.mechanist.devtools.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

import io.mechanist.core.tensor.DType;
import io.mechanist.core.tensor.SafetensorsWriter;
import io.mechanist.runtime.HookedTransformer;
import io.mechanist.runtime.RunRequest;
import io.mechanist.steering.AbPrompt;
import io.mechanist.steering.AnswerTokens;
import io.mechanist.steering.SteeringSweep;
import io.mechanist.steering.SteeringVector;
import io.mechanist.steering.SteeringVectors;
import io.mechanist.steering.SweepConfig;
import io.mechanist.steering.SweepResult;

/**
 * Times a steering sweep of up to 7 layers x 9 multipliers x 100 prompts (random control on) against a baseline
 * measured in the same run: as many unsteered batched forwards of the same 100 prompts as the sweep makes (no
 * interventions), so the ratio is the cost of steering and read-out per forward.
 *
 * <p>Usage: {@code SweepBenchmark [checkpointFolder [promptsJsonl]]}. Without a folder it writes a GPT-2-shaped random
 * checkpoint (8 layers, d_model 128, 4 heads, vocabulary 1000) into a temporary folder and uses random token sequences
 * of 16..32 tokens (seeded). With a JSONL file of A/B prompts (lines with {@code text} and {@code labels.answer}, e.g.
 * the demo's {@code data/test.jsonl}) its first 100 prompts are used, answers {@code " A"}/{@code " B"}. With fewer
 * than 7 layers, every layer is swept (and the output says so).
 */
public final class SweepBenchmark {
    private static final int PROMPTS = 100;
    private static final int BATCH = 25;

    private SweepBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        Path folder;
        String what;
        if (args.length > 0) {
            folder = Path.of(args[0]);
            what = folder.toString();
        } else {
            folder = Files.createTempDirectory("steering-bench");
            writeRandomGpt2(folder, 1000, 64, 128, 8, 4);
            what = "GPT-2-shaped random model (vocab 1000, d_model 128, 8 layers, 4 heads)";
        }
        Path promptFile = args.length > 1 ? Path.of(args[1]) : null;
        try (HookedTransformer model = HookedTransformer.load(folder)) {
            int layerCount = model.spec().layerCount();
            List<AbPrompt> prompts = promptFile == null ? randomPrompts(model.spec().vocabSize())
                    : datasetPrompts(model, promptFile);
            List<Integer> layers = new ArrayList<>();
            for (int i = 0; i < Math.min(7, layerCount); i++) {
                layers.add(layerCount <= 7 ? i : 1 + i * (layerCount - 1) / 7);
            }
            double[] multipliers = {-2, -1, -0.5, -0.25, 0, 0.25, 0.5, 1, 2};
            AnswerTokens answers = promptFile == null ? new AnswerTokens("A", 5, "B", 6)
                    : AnswerTokens.of(model.tokenizer(), " A", " B");
            SteeringVector vector = SteeringVectors.random("blocks.0.resid_post", model.spec().dModel(), 1, 7);
            SweepConfig config = new SweepConfig(io.mechanist.core.hooks.HookPoint.RESID_POST, layers, multipliers,
                    io.mechanist.runtime.intervention.Positions.all(), true, 1234, BATCH);
            int runs = 1 + 2 * layers.size() * (int) Arrays.stream(multipliers).filter(m -> m != 0).count();
            List<long[]> tokens = prompts.stream().map(AbPrompt::tokens).toList();
            RunRequest plain = RunRequest.builder(tokens).batchSize(BATCH).build();
            System.out.printf("model: %s%nprompts: %s%nsweep: %d layers %s x %d multipliers x %d prompts (batch %d), "
                    + "control on%n", what, promptFile == null ? "random token sequences" : promptFile,
                    layers.size(), layers, multipliers.length, prompts.size(), BATCH);
            if (layerCount < 7) {
                System.out.printf("note: the model has only %d layers, so 7 layers do not exist here; all %d are swept%n",
                        layerCount, layerCount);
            }
            model.run(plain); // warm-up
            long start = System.nanoTime();
            for (int c = 0; c < runs; c++) {
                model.run(plain);
            }
            double baseline = (System.nanoTime() - start) / 1e9;
            start = System.nanoTime();
            SweepResult result = SteeringSweep.run(model, prompts, answers, layer -> vector, config, null, null);
            double sweep = (System.nanoTime() - start) / 1e9;
            System.out.printf("baseline: %d unsteered batched forwards of the %d prompts: %.2f s%n", runs,
                    prompts.size(), baseline);
            System.out.printf("sweep (1 unsteered + %d steered batched forwards, steering and control): %.2f s, "
                    + "ratio to baseline %.2f%n", runs - 1, sweep, sweep / baseline);
            System.out.printf("check: mean P at layer %d, multiplier %.2f: steering %.3f, control %.3f%n", layers.get(0),
                    multipliers[8], result.meanProbability(0, 0, 8), result.meanProbability(1, 0, 8));
        }
    }

    private static List<AbPrompt> randomPrompts(int vocab) {
        Random random = new Random(42);
        List<AbPrompt> prompts = new ArrayList<>();
        for (int p = 0; p < PROMPTS; p++) {
            long[] tokens = new long[16 + random.nextInt(17)];
            for (int t = 0; t < tokens.length; t++) {
                tokens[t] = random.nextInt(vocab);
            }
            prompts.add(new AbPrompt(tokens, p % 2 == 0));
        }
        return prompts;
    }

    /** The first {@value #PROMPTS} prompts of a JSONL file, each line {@code {"text": .., "labels": {"answer": "A"}}}. */
    private static List<AbPrompt> datasetPrompts(HookedTransformer model, Path file) throws IOException {
        List<AbPrompt> prompts = new ArrayList<>();
        int lineNumber = 0;
        for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
            lineNumber++;
            if (line.isBlank()) {
                continue;
            }
            if (prompts.size() == PROMPTS) {
                break;
            }
            try {
                JsonObject record = JsonParser.parseString(line).getAsJsonObject();
                String answer = record.getAsJsonObject("labels").get("answer").getAsString();
                prompts.add(new AbPrompt(model.tokenizer().encode(record.get("text").getAsString()), answer.equals("A")));
            } catch (RuntimeException e) {
                throw new IOException(file + " line " + lineNumber + ": expected {\"text\": .., \"labels\": "
                        + "{\"answer\": ..}}: " + e.getMessage(), e);
            }
        }
        if (prompts.size() < PROMPTS) {
            throw new IOException(file + " has " + prompts.size() + " prompts; the benchmark needs " + PROMPTS);
        }
        return prompts;
    }

    /** A GPT-2 checkpoint with random weights (std 0.02), unit layer norms and zero biases. */
    static void writeRandomGpt2(Path dir, int vocab, int positions, int d, int layers, int heads) throws IOException {
        String config = "{\"architectures\": [\"GPT2LMHeadModel\"], \"model_type\": \"gpt2\", \"vocab_size\": " + vocab
                + ", \"n_positions\": " + positions + ", \"n_embd\": " + d + ", \"n_layer\": " + layers
                + ", \"n_head\": " + heads + ", \"activation_function\": \"gelu_new\", \"layer_norm_epsilon\": 1e-5,"
                + " \"eos_token_id\": 0, \"bos_token_id\": 0}";
        Files.writeString(dir.resolve("config.json"), config, StandardCharsets.UTF_8);
        Random random = new Random(1);
        SafetensorsWriter writer = new SafetensorsWriter();
        writer.add("wte.weight", DType.F32, new long[] {vocab, d}, gaussian(random, vocab * d, 0.02));
        writer.add("wpe.weight", DType.F32, new long[] {positions, d}, gaussian(random, positions * d, 0.01));
        for (int l = 0; l < layers; l++) {
            String p = "h." + l + ".";
            writer.add(p + "ln_1.weight", DType.F32, new long[] {d}, constant(d, 1));
            writer.add(p + "ln_1.bias", DType.F32, new long[] {d}, constant(d, 0));
            writer.add(p + "attn.c_attn.weight", DType.F32, new long[] {d, 3 * d}, gaussian(random, d * 3 * d, 0.02));
            writer.add(p + "attn.c_attn.bias", DType.F32, new long[] {3 * d}, constant(3 * d, 0));
            writer.add(p + "attn.c_proj.weight", DType.F32, new long[] {d, d}, gaussian(random, d * d, 0.02));
            writer.add(p + "attn.c_proj.bias", DType.F32, new long[] {d}, constant(d, 0));
            writer.add(p + "ln_2.weight", DType.F32, new long[] {d}, constant(d, 1));
            writer.add(p + "ln_2.bias", DType.F32, new long[] {d}, constant(d, 0));
            writer.add(p + "mlp.c_fc.weight", DType.F32, new long[] {d, 4 * d}, gaussian(random, d * 4 * d, 0.02));
            writer.add(p + "mlp.c_fc.bias", DType.F32, new long[] {4 * d}, constant(4 * d, 0));
            writer.add(p + "mlp.c_proj.weight", DType.F32, new long[] {4 * d, d}, gaussian(random, 4 * d * d, 0.02));
            writer.add(p + "mlp.c_proj.bias", DType.F32, new long[] {d}, constant(d, 0));
        }
        writer.add("ln_f.weight", DType.F32, new long[] {d}, constant(d, 1));
        writer.add("ln_f.bias", DType.F32, new long[] {d}, constant(d, 0));
        writer.write(dir.resolve("model.safetensors"));
    }

    private static float[] gaussian(Random random, int count, double std) {
        float[] v = new float[count];
        for (int i = 0; i < count; i++) {
            v[i] = (float) (random.nextGaussian() * std);
        }
        return v;
    }

    private static float[] constant(int count, float value) {
        float[] v = new float[count];
        Arrays.fill(v, value);
        return v;
    }
}
