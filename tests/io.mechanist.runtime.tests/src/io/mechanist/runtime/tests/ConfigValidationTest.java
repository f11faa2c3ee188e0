package io.mechanist.runtime.tests;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.function.Consumer;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

import io.mechanist.core.tensor.DType;
import io.mechanist.core.tensor.SafetensorsFile;
import io.mechanist.core.tensor.SafetensorsWriter;
import io.mechanist.core.tensor.TensorInfo;
import io.mechanist.runtime.CheckpointException;
import io.mechanist.runtime.Family;
import io.mechanist.runtime.HookedTransformer;
import io.mechanist.runtime.ModelTokenizer;
import io.mechanist.runtime.RunRequest;
import io.mechanist.runtime.reference.ReferenceModel;

/**
 * config.json is checked before any number is computed: families that disagree, impossible sizes, values of the
 * wrong type or out of range are refused with the file and the key; the runtime and the reference agree on what they
 * refuse. What loads but looks wrong (unused tensors, NaN weights) is reported as a warning.
 */
class ConfigValidationTest {

    @Test
    void modelTypeAndArchitecturesMustNameTheSameFamily(@TempDir Path dir) throws IOException {
        Path model = copy(Family.GEMMA2, dir.resolve("m"));
        editConfig(model, c -> c.add("architectures", JsonParser.parseString("[\"LlamaForCausalLM\"]")));
        String message = runtimeFailure(model);
        assertMentions(message, "config.json", "gemma2", "LlamaForCausalLM", "Gemma2ForCausalLM");
        assertMentions(referenceFailure(model), "config.json", "gemma2", "LlamaForCausalLM");
    }

    @Test
    void withoutArchitecturesTheModelTypeDecidesAsInHuggingFace(@TempDir Path dir) throws Exception {
        Path model = copy(Family.QWEN3, dir.resolve("m"));
        editConfig(model, c -> c.remove("architectures"));
        try (HookedTransformer loaded = HookedTransformer.load(model)) {
            assertEquals(Family.QWEN3, loaded.spec().family());
        }
        FidelityTest.compare(model, Family.QWEN3, DType.F32);
    }

    @ParameterizedTest(name = "{0} {1}: {2}")
    @CsvSource(delimiter = '|', value = {
        "GPT2  | n_head                  | 0            | at least 1",
        "GPT2  | n_layer                 | -1           | at least 1",
        "GPT2  | n_embd                  | 30           | not divisible",
        "GPT2  | n_positions             | 3000000000   | out of range",
        "GPT2  | vocab_size              | 0            | at least 1",
        "GPT2  | n_head                  | '\"4\"'      | must be an integer",
        "GPT2  | tie_word_embeddings     | '\"yes\"'    | true or false",
        "GPT2  | layer_norm_epsilon      | -1e-5        | negative",
        "LLAMA | num_attention_heads     | 0            | at least 1",
        "LLAMA | num_hidden_layers       | -1           | at least 1",
        "LLAMA | num_key_value_heads     | 0            | at least 1",
        "LLAMA | num_key_value_heads     | 3            | multiple",
        "LLAMA | intermediate_size       | -96          | at least 1",
        "LLAMA | head_dim                | 11           | even",
        "LLAMA | vocab_size              | 4294967338   | out of range",
        "LLAMA | hidden_size             | 48.5         | integer",
        "LLAMA | attention_bias          | '\"yes\"'    | true or false",
        "LLAMA | max_position_embeddings | 0            | at least 1",
        "LLAMA | rope_theta              | 0            | greater than 0",
    })
    void impossibleValuesAreRefusedNamingFileAndKey(Family family, String key, String value, String problem,
            @TempDir Path dir) throws IOException {
        Path model = copy(family, dir.resolve("m"));
        editConfig(model, c -> c.add(key, JsonParser.parseString(value)));
        String message = runtimeFailure(model);
        assertMentions(message, "config.json", key, problem);
        if (!key.equals("rope_theta") && !key.equals("layer_norm_epsilon")) {
            // The reference checks the same sizes and types (it leaves the float constants to the forward pass).
            assertMentions(referenceFailure(model), "config.json", key);
        }
    }

    @Test
    void hiddenSizeMustDivideIntoHeadsWhenNoHeadDimIsGiven(@TempDir Path dir) throws IOException {
        Path model = copy(Family.LLAMA, dir.resolve("m"));
        editConfig(model, c -> {
            c.remove("head_dim");
            c.addProperty("num_attention_heads", 5);
            c.addProperty("num_key_value_heads", 5);
        });
        assertMentions(runtimeFailure(model), "config.json", "hidden_size 48", "num_attention_heads 5");
        assertMentions(referenceFailure(model), "config.json", "hidden_size", "num_attention_heads");
    }

    @Test
    void slidingWindowsFollowTheHuggingFaceConfigClasses(@TempDir Path dir) throws Exception {
        // Qwen drops the window unless use_sliding_window is set, whatever layer_types says.
        Path qwen = copy(Family.QWEN3, dir.resolve("qwen"));
        editConfig(qwen, c -> {
            c.add("layer_types", JsonParser.parseString(
                    "[\"sliding_attention\", \"full_attention\", \"sliding_attention\"]"));
            c.addProperty("use_sliding_window", false);
            c.addProperty("sliding_window", 3);
        });
        try (HookedTransformer loaded = HookedTransformer.load(qwen)) {
            assertEquals(List.of(0, 0, 0), windows(loaded));
        }
        FidelityTest.compare(qwen, Family.QWEN3, DType.F32);
        editConfig(qwen, c -> c.addProperty("use_sliding_window", true));
        try (HookedTransformer loaded = HookedTransformer.load(qwen)) {
            assertEquals(List.of(3, 0, 3), windows(loaded));
        }
        FidelityTest.compare(qwen, Family.QWEN3, DType.F32);
        // A null window switches Gemma 2's sliding layers to full attention.
        Path gemma = copy(Family.GEMMA2, dir.resolve("gemma"));
        editConfig(gemma, c -> c.add("sliding_window", com.google.gson.JsonNull.INSTANCE));
        try (HookedTransformer loaded = HookedTransformer.load(gemma)) {
            assertTrue(windows(loaded).stream().allMatch(w -> w == 0), windows(loaded).toString());
        }
        FidelityTest.compare(gemma, Family.GEMMA2, DType.F32);
        editConfig(gemma, c -> c.addProperty("sliding_window", -2));
        assertMentions(runtimeFailure(gemma), "config.json", "sliding_window", "at least 1");
    }

    private static List<Integer> windows(HookedTransformer model) {
        return model.spec().layers().stream().map(l -> l.slidingWindow()).toList();
    }

    @Test
    void tensorsTheFamilyDoesNotUseAreReported(@TempDir Path dir) throws Exception {
        Path model = copy(Family.LLAMA, dir.resolve("m"));
        List<String> extra = List.of("model.layers.0.pre_feedforward_layernorm.weight",
                "model.layers.1.post_feedforward_layernorm.weight");
        rewriteWeights(model, (name, values) -> { }, extra);
        try (HookedTransformer loaded = HookedTransformer.load(model)) {
            assertEquals(1, loaded.warnings().size(), loaded.warnings().toString());
            assertMentions(loaded.warnings().get(0), model.toString(), "2 tensor(s)", "LlamaForCausalLM",
                    extra.get(0), extra.get(1));
        }
        try (HookedTransformer clean = HookedTransformer.load(Fixtures.checkpoint(Family.LLAMA))) {
            assertEquals(List.of(), clean.warnings());
        }
    }

    @Test
    void attentionMaskBuffersAreNotReportedAsUnused(@TempDir Path dir) throws Exception {
        Path model = copy(Family.GPT2, dir.resolve("m"));
        rewriteWeights(model, (name, values) -> { }, List.of("h.0.attn.bias", "h.1.attn.masked_bias"));
        try (HookedTransformer loaded = HookedTransformer.load(model)) {
            assertEquals(List.of(), loaded.warnings());
        }
    }

    /** f32 tensors are checked by libtorch after loading, bf16 and f16 ones while they are widened. */
    @ParameterizedTest
    @EnumSource(value = DType.class, names = {"F32", "F16", "BF16"})
    void nonFiniteWeightsAreReportedByName(DType storage, @TempDir Path dir) throws Exception {
        Path model = copy(Family.QWEN2, dir.resolve("m"));
        // the largest finite value of each format: a float32 sum of many of them overflows
        float largest = switch (storage) {
            case F16 -> 65504f;
            case BF16 -> 3.3895314e38f;
            default -> Float.MAX_VALUE;
        };
        rewriteWeights(model, storage, (name, values) -> {
            if (name.equals("model.layers.1.mlp.up_proj.weight")) {
                values[5] = Float.NaN;
            } else if (name.equals("model.norm.weight")) {
                values[0] = Float.POSITIVE_INFINITY;
            } else if (name.equals("model.layers.0.self_attn.q_proj.weight")) {
                Arrays.fill(values, largest); // finite values, though their float32 sum may overflow
            }
        }, List.of());
        try (HookedTransformer loaded = HookedTransformer.load(model)) {
            assertEquals(1, loaded.warnings().size(), loaded.warnings().toString());
            String warning = loaded.warnings().get(0);
            assertMentions(warning, "NaN or infinite", "model.layers.1.mlp.up_proj.weight", "model.norm.weight");
            assertFalse(warning.contains("q_proj"), warning);
        }
    }

    @Test
    void dynamicRopeIsPlainRopeUpToMaxPositionsAndRefusedBeyond(@TempDir Path dir) throws Exception {
        long[] tokens = Fixtures.sampleTokens(Family.LLAMA);
        Path dynamic = copy(Family.LLAMA, dir.resolve("dynamic"));
        editConfig(dynamic, c -> {
            c.add("rope_scaling", JsonParser.parseString("{\"rope_type\": \"dynamic\", \"factor\": 4.0}"));
            c.addProperty("max_position_embeddings", tokens.length);
        });
        Path plain = copy(Family.LLAMA, dir.resolve("plain"));
        editConfig(plain, c -> c.remove("rope_scaling"));
        FidelityTest.compare(dynamic, Family.LLAMA, DType.F32);
        try (HookedTransformer withDynamic = HookedTransformer.load(dynamic);
                HookedTransformer withPlain = HookedTransformer.load(plain)) {
            assertArrayEquals(withPlain.run(RunRequest.builder(tokens).build()).lastLogits(0),
                    withDynamic.run(RunRequest.builder(tokens).build()).lastLogits(0));
            long[] longer = Arrays.copyOf(tokens, tokens.length + 1);
            longer[tokens.length] = tokens[1];
            String message = assertThrows(IllegalArgumentException.class,
                    () -> withDynamic.run(RunRequest.builder(longer).build())).getMessage();
            assertMentions(message, tokens.length + 1 + " tokens", "dynamic", "max_position_embeddings = "
                    + tokens.length);
        }
        ReferenceModel reference = ReferenceModel.load(dynamic);
        int[] longer = Arrays.copyOf(Fixtures.toInts(tokens), tokens.length + 1);
        assertMentions(assertThrows(IllegalArgumentException.class, () -> reference.run(longer)).getMessage(),
                "max_position_embeddings", "dynamic");
    }

    @Test
    void dynamicRopeNeedsAFactorOfAtLeastOne(@TempDir Path dir) throws IOException {
        Path model = copy(Family.LLAMA, dir.resolve("m"));
        editConfig(model, c -> c.add("rope_scaling", JsonParser.parseString("{\"type\": \"dynamic\", \"factor\": 0.5}")));
        assertMentions(runtimeFailure(model), "config.json", "factor", "dynamic");
    }

    @Test
    void aJsonFileThatIsNoTokenizerIsNamed(@TempDir Path dir) throws IOException {
        Path folder = dir.resolve("t");
        Files.createDirectories(folder);
        Files.writeString(folder.resolve("tokenizer.json"), "{\"version\": \"1.0\", \"vocab\": [1, 2]}");
        assertMentions(assertThrows(CheckpointException.class, () -> ModelTokenizer.load(folder)).getMessage(),
                "tokenizer.json", "not a Hugging Face tokenizer", "'model'");
        Files.writeString(folder.resolve("tokenizer.json"), "{\"model\": {\"type\": \"Unheard\", \"vocab\": {}}}");
        assertMentions(assertThrows(CheckpointException.class, () -> ModelTokenizer.load(folder)).getMessage(),
                "tokenizer.json", "Unheard");
        Path model = copy(Family.GPT2, dir.resolve("m"));
        Files.writeString(model.resolve("tokenizer.json"), "[1, 2, 3]");
        assertMentions(runtimeFailure(model), "tokenizer.json", "JSON object");
    }

    @Test
    void shardIndexCannotPointOutsideTheCheckpoint(@TempDir Path dir) throws IOException {
        Path model = dir.resolve("s");
        Files.createDirectories(model);
        Path source = Fixtures.checkpoint(Family.LLAMA, DType.F32, true);
        try (var files = Files.list(source)) {
            for (Path f : files.toList()) {
                Files.copy(f, model.resolve(f.getFileName()));
            }
        }
        Path index = model.resolve("model.safetensors.index.json");
        JsonObject json = JsonParser.parseString(Files.readString(index)).getAsJsonObject();
        String tensor = json.getAsJsonObject("weight_map").keySet().iterator().next();
        json.getAsJsonObject("weight_map").addProperty(tensor, "../outside/model-00001-of-00002.safetensors");
        Files.writeString(index, json.toString());
        assertMentions(runtimeFailure(model), "model.safetensors.index.json", tensor, "checkpoint folder itself");
    }

    static Path copy(Family family, Path target) throws IOException {
        Path source = Fixtures.checkpoint(family);
        Files.createDirectories(target);
        try (var files = Files.list(source)) {
            for (Path f : files.toList()) {
                Files.copy(f, target.resolve(f.getFileName()));
            }
        }
        return target;
    }

    static void editConfig(Path model, Consumer<JsonObject> edit) throws IOException {
        Path file = model.resolve("config.json");
        JsonObject config = JsonParser.parseString(Files.readString(file)).getAsJsonObject();
        edit.accept(config);
        Files.writeString(file, config.toString());
    }

    interface ValueEdit {
        void edit(String name, float[] values);
    }

    /** Rewrites model.safetensors with {@code edit} applied to each tensor and small extra tensors added. */
    static void rewriteWeights(Path model, ValueEdit edit, List<String> extraTensors) throws IOException {
        rewriteWeights(model, DType.F32, edit, extraTensors);
    }

    /** The same, storing every weight as {@code storage} (F32, F16 or BF16). */
    static void rewriteWeights(Path model, DType storage, ValueEdit edit, List<String> extraTensors)
            throws IOException {
        Path file = model.resolve("model.safetensors");
        SafetensorsWriter writer = new SafetensorsWriter();
        try (SafetensorsFile in = SafetensorsFile.open(file)) {
            for (String name : in.tensorNames()) {
                TensorInfo info = in.info(name);
                float[] values = in.readFloats(name);
                edit.edit(name, values);
                writer.add(name, storage, info.shape(), values);
            }
        }
        for (String name : extraTensors) {
            writer.add(name, DType.F32, new long[] {4}, new float[] {1, 1, 1, 1});
        }
        Files.delete(file);
        writer.write(file);
    }

    private static String runtimeFailure(Path model) {
        return assertThrows(CheckpointException.class, () -> HookedTransformer.load(model).close()).getMessage();
    }

    private static String referenceFailure(Path model) {
        return assertThrows(IOException.class, () -> ReferenceModel.load(model)).getMessage();
    }

    static void assertMentions(String message, String... parts) {
        for (String part : parts) {
            assertTrue(message.contains(part), "message should mention '" + part + "': " + message);
        }
    }
}
