package io.mechanist.runtime.tests;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

import io.mechanist.core.tensor.DType;
import io.mechanist.core.tensor.SafetensorsFile;
import io.mechanist.runtime.Family;
import io.mechanist.runtime.HookedTransformer;
import io.mechanist.runtime.synthetic.PublishedShape;
import io.mechanist.runtime.synthetic.RandomCheckpoint;

/**
 * The random checkpoints of published shapes: their parameter counts and tensor shapes are the Hub's, and a
 * reduced version (published layer shapes, fewer layers, a small vocabulary) loads in the runtime, tokenizes text
 * and matches the double-precision reference at every hook site.
 */
class PublishedShapeTest {

    /** Parameter counts of the Hub's safetensors files. */
    private static final Map<PublishedShape, Long> PUBLISHED_PARAMETERS = Map.of(
            PublishedShape.GPT2_SMALL, 124_439_808L,
            PublishedShape.LLAMA_3_2_1B, 1_235_814_400L,
            PublishedShape.QWEN3_1_7B, 2_031_739_904L,
            PublishedShape.GEMMA_2_2B, 2_614_341_888L,
            PublishedShape.LLAMA_3_8B, 8_030_261_248L);

    @ParameterizedTest
    @EnumSource(PublishedShape.class)
    void fullSizeHasThePublishedParameterCount(PublishedShape shape) {
        long parameters = shape.tensors(shape.publishedLayers(), shape.publishedVocab()).stream()
                .mapToLong(PublishedShape.Tensor::elementCount).sum();
        assertEquals(PUBLISHED_PARAMETERS.get(shape), parameters, shape.id());
    }

    @Test
    void tensorShapesAreTheHubs() {
        assertShape(PublishedShape.QWEN3_1_7B, "model.layers.27.self_attn.k_proj.weight", 1024, 2048);
        assertShape(PublishedShape.QWEN3_1_7B, "model.layers.0.self_attn.q_norm.weight", 128);
        assertShape(PublishedShape.QWEN3_1_7B, "model.layers.3.mlp.down_proj.weight", 2048, 6144);
        assertShape(PublishedShape.LLAMA_3_2_1B, "model.layers.15.self_attn.v_proj.weight", 512, 2048);
        assertShape(PublishedShape.LLAMA_3_2_1B, "model.embed_tokens.weight", 128256, 2048);
        assertShape(PublishedShape.GEMMA_2_2B, "model.layers.25.self_attn.q_proj.weight", 2048, 2304);
        assertShape(PublishedShape.GEMMA_2_2B, "model.layers.0.pre_feedforward_layernorm.weight", 2304);
        assertShape(PublishedShape.GPT2_SMALL, "h.11.attn.c_attn.weight", 768, 2304);
        assertShape(PublishedShape.LLAMA_3_8B, "lm_head.weight", 128256, 4096);
    }

    private static void assertShape(PublishedShape shape, String name, long... dims) {
        PublishedShape.Tensor tensor = shape.tensors(shape.publishedLayers(), shape.publishedVocab()).stream()
                .filter(t -> t.name().equals(name)).findFirst().orElseThrow(() -> new AssertionError(name));
        assertArrayEquals(dims, tensor.shape(), name);
    }

    @ParameterizedTest
    @EnumSource(value = PublishedShape.class, names = {"GPT2_SMALL", "LLAMA_3_2_1B", "QWEN3_1_7B", "GEMMA_2_2B"})
    void reducedVersionMatchesTheReference(PublishedShape shape, @TempDir Path dir) throws Exception {
        // Two layers at the published width, a 512-token vocabulary, bf16, shards of at most 20 MB.
        RandomCheckpoint checkpoint = new RandomCheckpoint(shape).layers(2).vocab(512).dtype(DType.BF16)
                .maxShardBytes(20_000_000);
        checkpoint.write(dir);

        JsonObject index = json(dir.resolve("model.safetensors.index.json"));
        Set<String> shards = index.getAsJsonObject("weight_map").entrySet().stream()
                .map(e -> e.getValue().getAsString()).collect(Collectors.toSet());
        assertTrue(shards.size() > 1, "sharded: " + shards);
        long totalBytes = 0;
        for (String shard : shards) {
            assertTrue(shard.matches("model-\\d{5}-of-\\d{5}\\.safetensors"), shard);
            try (SafetensorsFile file = SafetensorsFile.open(dir.resolve(shard))) {
                for (String name : file.tensorNames()) {
                    assertEquals(DType.BF16, file.info(name).dtype(), name);
                    totalBytes += file.info(name).elementCount() * 2;
                }
            }
        }
        assertEquals(totalBytes, index.getAsJsonObject("metadata").get("total_size").getAsLong());
        assertEquals(checkpoint.weightBytes(), totalBytes);
        JsonObject config = json(dir.resolve("config.json"));
        assertEquals(2, config.get(shape == PublishedShape.GPT2_SMALL ? "n_layer" : "num_hidden_layers").getAsInt());
        assertEquals("bfloat16", config.get("torch_dtype").getAsString());

        try (HookedTransformer model = HookedTransformer.load(dir)) {
            assertEquals(Family.forArchitecture(config.getAsJsonArray("architectures").get(0).getAsString())
                    .orElseThrow(), model.spec().family());
            String text = "Random weights, real shapes: ok?";
            long[] tokens = model.tokenizer().encode(text);
            long[] plain = model.tokenizer().encode(text, false);
            assertEquals(text.getBytes(StandardCharsets.UTF_8).length, plain.length, "one token per byte");
            assertEquals(text, model.tokenizer().decode(plain, true));
            for (long token : tokens) {
                assertTrue(token >= 0 && token < 512, "token id " + token);
            }
            double worst = FidelityTest.compare(dir, model.spec().family(), tokens);
            System.out.printf("published shape %-12s (2 layers, bf16) max |diff| vs reference = %.3g%n", shape.id(),
                    worst);
        }
    }

    @Test
    void refusesToOverwriteACheckpoint(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("config.json"), "{}");
        IOException error = assertThrows(IOException.class,
                () -> new RandomCheckpoint(PublishedShape.GPT2_SMALL).layers(1).vocab(512).write(dir));
        assertTrue(error.getMessage().contains("config.json"), error.getMessage());
        try (Stream<Path> files = Files.list(dir)) {
            assertEquals(1, files.count());
        }
    }

    private static JsonObject json(Path file) throws IOException {
        return JsonParser.parseString(Files.readString(file)).getAsJsonObject();
    }
}
