package io.mechanist.runtime.synthetic;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import com.google.gson.GsonBuilder;
import com.google.gson.JsonArray;
import com.google.gson.JsonObject;

import io.mechanist.core.tensor.DType;

/**
 * Writes a checkpoint folder of a {@link PublishedShape} with random weights, laid out as the Hub lays it out:
 * config.json, safetensors shards named {@code model-0000K-of-0000N.safetensors} with
 * {@code model.safetensors.index.json} (a single {@code model.safetensors} when everything fits in one shard),
 * tokenizer.json and tokenizer_config.json.
 *
 * <p>The tokenizer is byte-level (the 256 bytes, no merges, plus the model's special tokens at their Hub ids):
 * any text encodes, one token per byte. The published vocabularies (50k-256k entries of merges) are not
 * reproducible without downloading them; the config keeps the published vocab_size so the embedding and
 * unembedding have their real shapes, and the ids a prompt uses are a subset of them.
 *
 * <p>Tensors are streamed to disk block by block: writing needs a few MB of memory whatever the model size.
 */
public final class RandomCheckpoint {
    /** Hub-style default: shards of at most 2 GB. */
    public static final long DEFAULT_MAX_SHARD_BYTES = 2_000_000_000L;
    private static final int BLOCK_ELEMENTS = 1 << 20;

    private final PublishedShape shape;
    private int layers;
    private int vocab;
    private DType dtype = DType.BF16;
    private long maxShardBytes = DEFAULT_MAX_SHARD_BYTES;
    private long seed = 1;

    public RandomCheckpoint(PublishedShape shape) {
        this.shape = shape;
        this.layers = shape.publishedLayers();
        this.vocab = shape.publishedVocab();
    }

    /** Fewer (or more) layers than published; every layer keeps its published shape. */
    public RandomCheckpoint layers(int count) {
        if (count < 1) {
            throw new IllegalArgumentException("layers must be at least 1, got " + count);
        }
        this.layers = count;
        return this;
    }

    /** A smaller vocabulary (tests); at least 512 so the byte tokens and special tokens fit. */
    public RandomCheckpoint vocab(int size) {
        if (size < 512) {
            throw new IllegalArgumentException("vocab must be at least 512, got " + size);
        }
        this.vocab = size;
        return this;
    }

    public RandomCheckpoint dtype(DType type) {
        if (type != DType.BF16 && type != DType.F16 && type != DType.F32) {
            throw new IllegalArgumentException("dtype must be bf16, f16 or f32, got " + type.safetensorsName());
        }
        this.dtype = type;
        return this;
    }

    public RandomCheckpoint maxShardBytes(long bytes) {
        if (bytes < 1) {
            throw new IllegalArgumentException("the shard size must be positive");
        }
        this.maxShardBytes = bytes;
        return this;
    }

    public RandomCheckpoint seed(long value) {
        this.seed = value;
        return this;
    }

    /** The tensors that {@link #write} writes. */
    public List<PublishedShape.Tensor> tensors() {
        return shape.tensors(layers, vocab);
    }

    /** Bytes of the weights as written (in {@link #dtype}). */
    public long weightBytes() {
        return tensors().stream().mapToLong(PublishedShape.Tensor::elementCount).sum() * dtype.byteSize();
    }

    /**
     * Writes the checkpoint into {@code folder} (created if missing). Refuses a folder that already holds a
     * config.json or safetensors file, so nothing of another checkpoint is overwritten.
     */
    public void write(Path folder) throws IOException {
        Files.createDirectories(folder);
        for (String name : List.of("config.json", "model.safetensors", "model.safetensors.index.json")) {
            if (Files.exists(folder.resolve(name))) {
                throw new IOException(folder.resolve(name) + ": already exists; choose an empty folder");
            }
        }
        List<List<PublishedShape.Tensor>> shards = shard(tensors());
        Map<String, String> weightMap = new TreeMap<>();
        long totalBytes = 0;
        for (int i = 0; i < shards.size(); i++) {
            String file = shards.size() == 1 ? "model.safetensors"
                    : String.format("model-%05d-of-%05d.safetensors", i + 1, shards.size());
            for (PublishedShape.Tensor tensor : shards.get(i)) {
                weightMap.put(tensor.name(), file);
                totalBytes += tensor.elementCount() * dtype.byteSize();
            }
            writeShard(folder.resolve(file), shards.get(i));
        }
        if (shards.size() > 1) {
            JsonObject index = new JsonObject();
            JsonObject metadata = new JsonObject();
            metadata.addProperty("total_size", totalBytes);
            index.add("metadata", metadata);
            JsonObject map = new JsonObject();
            weightMap.forEach(map::addProperty);
            index.add("weight_map", map);
            writeJson(folder.resolve("model.safetensors.index.json"), index);
        }
        String torchDtype = switch (dtype) {
            case BF16 -> "bfloat16";
            case F16 -> "float16";
            default -> "float32";
        };
        writeJson(folder.resolve("config.json"), shape.config(layers, vocab, torchDtype));
        writeJson(folder.resolve("tokenizer.json"), tokenizer());
        writeJson(folder.resolve("tokenizer_config.json"), tokenizerConfig());
    }

    /** Consecutive tensors in shards of at most {@link #maxShardBytes} (a larger tensor gets a shard alone). */
    private List<List<PublishedShape.Tensor>> shard(List<PublishedShape.Tensor> tensors) {
        List<List<PublishedShape.Tensor>> shards = new ArrayList<>();
        List<PublishedShape.Tensor> current = new ArrayList<>();
        long bytes = 0;
        for (PublishedShape.Tensor tensor : tensors) {
            long size = tensor.elementCount() * dtype.byteSize();
            if (!current.isEmpty() && bytes + size > maxShardBytes) {
                shards.add(current);
                current = new ArrayList<>();
                bytes = 0;
            }
            current.add(tensor);
            bytes += size;
        }
        if (!current.isEmpty()) {
            shards.add(current);
        }
        return shards;
    }

    private void writeShard(Path file, List<PublishedShape.Tensor> tensors) throws IOException {
        JsonObject header = new JsonObject();
        JsonObject metadata = new JsonObject();
        metadata.addProperty("format", "pt");
        header.add("__metadata__", metadata);
        long offset = 0;
        for (PublishedShape.Tensor tensor : tensors) {
            JsonObject entry = new JsonObject();
            entry.addProperty("dtype", dtype.safetensorsName());
            JsonArray dims = new JsonArray();
            for (long dim : tensor.shape()) {
                dims.add(dim);
            }
            entry.add("shape", dims);
            long size = tensor.elementCount() * dtype.byteSize();
            JsonArray offsets = new JsonArray();
            offsets.add(offset);
            offsets.add(offset + size);
            entry.add("data_offsets", offsets);
            header.add(tensor.name(), entry);
            offset += size;
        }
        byte[] json = header.toString().getBytes(StandardCharsets.UTF_8);
        int padded = (json.length + 7) / 8 * 8; // the data starts 8-byte aligned, padded with spaces
        ByteBuffer block = ByteBuffer.allocateDirect(BLOCK_ELEMENTS * 4).order(ByteOrder.LITTLE_ENDIAN);
        try (FileChannel out = FileChannel.open(file, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
            ByteBuffer head = ByteBuffer.allocate(8 + padded).order(ByteOrder.LITTLE_ENDIAN);
            head.putLong(padded).put(json);
            while (head.hasRemaining()) {
                head.put((byte) ' ');
            }
            writeFully(out, head.flip());
            for (PublishedShape.Tensor tensor : tensors) {
                writeTensor(out, tensor, block);
            }
        }
    }

    private void writeTensor(FileChannel out, PublishedShape.Tensor tensor, ByteBuffer block) throws IOException {
        float center;
        float halfWidth; // uniform on [center - halfWidth, center + halfWidth]: std = halfWidth / sqrt(3)
        switch (tensor.role()) {
            case MATRIX -> {
                center = 0;
                halfWidth = (float) (0.02 * Math.sqrt(3));
            }
            case BIAS -> {
                center = 0;
                halfWidth = 0.02f;
            }
            default -> {
                center = shape.normsAroundZero() ? 0 : 1;
                halfWidth = 0.1f;
            }
        }
        long state = seed * 0x9E3779B97F4A7C15L ^ tensor.name().hashCode() * 0xBF58476D1CE4E5B9L;
        long remaining = tensor.elementCount();
        while (remaining > 0) {
            int count = (int) Math.min(remaining, BLOCK_ELEMENTS);
            block.clear();
            for (int i = 0; i < count; i++) {
                state += 0x9E3779B97F4A7C15L; // SplitMix64
                long z = state;
                z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
                z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
                z ^= z >>> 31;
                float unit = (z >>> 40) * 0x1.0p-24f; // [0, 1)
                float value = center + halfWidth * (2 * unit - 1);
                switch (dtype) {
                    case BF16 -> block.putShort(toBf16(value));
                    case F16 -> block.putShort(Float.floatToFloat16(value));
                    default -> block.putFloat(value);
                }
            }
            writeFully(out, block.flip());
            remaining -= count;
        }
    }

    /** float32 to bfloat16, rounding to nearest even (the values here are finite). */
    static short toBf16(float value) {
        int bits = Float.floatToRawIntBits(value);
        bits += 0x7FFF + ((bits >>> 16) & 1);
        return (short) (bits >>> 16);
    }

    private static void writeFully(FileChannel out, ByteBuffer buffer) throws IOException {
        while (buffer.hasRemaining()) {
            out.write(buffer);
        }
    }

    /** A byte-level BPE tokenizer: GPT-2's byte-to-character map, no merges, the model's special tokens. */
    private JsonObject tokenizer() {
        JsonObject json = new JsonObject();
        json.addProperty("version", "1.0");
        json.add("truncation", null);
        json.add("padding", null);
        JsonArray added = new JsonArray();
        for (PublishedShape.Special special : shape.specials()) {
            JsonObject token = new JsonObject();
            token.addProperty("id", shape.specialId(special, vocab));
            token.addProperty("content", special.content());
            token.addProperty("single_word", false);
            token.addProperty("lstrip", false);
            token.addProperty("rstrip", false);
            token.addProperty("normalized", false);
            token.addProperty("special", true);
            added.add(token);
        }
        json.add("added_tokens", added);
        json.add("normalizer", null);
        json.add("pre_tokenizer", byteLevel());
        json.add("post_processor", null);
        json.add("decoder", byteLevel());
        JsonObject model = new JsonObject();
        model.addProperty("type", "BPE");
        model.add("dropout", null);
        model.add("unk_token", null);
        model.add("continuing_subword_prefix", null);
        model.add("end_of_word_suffix", null);
        model.addProperty("fuse_unk", false);
        model.addProperty("byte_fallback", false);
        JsonObject vocabulary = new JsonObject();
        int[] byteChars = byteToChar();
        for (int b = 0; b < 256; b++) {
            vocabulary.addProperty(new String(Character.toChars(byteChars[b])), shape.firstByteId() + b);
        }
        model.add("vocab", vocabulary);
        model.add("merges", new JsonArray());
        json.add("model", model);
        return json;
    }

    private static JsonObject byteLevel() {
        JsonObject level = new JsonObject();
        level.addProperty("type", "ByteLevel");
        level.addProperty("add_prefix_space", false);
        level.addProperty("trim_offsets", true);
        level.addProperty("use_regex", true);
        return level;
    }

    /** GPT-2's bytes_to_unicode: printable bytes map to themselves, the others to 256 + n. */
    private static int[] byteToChar() {
        int[] map = new int[256];
        int next = 256;
        for (int b = 0; b < 256; b++) {
            boolean printable = (b >= '!' && b <= '~') || (b >= 0xA1 && b <= 0xAC) || (b >= 0xAE && b <= 0xFF);
            map[b] = printable ? b : next++;
        }
        return map;
    }

    private JsonObject tokenizerConfig() {
        JsonObject config = new JsonObject();
        config.addProperty("add_bos_token", shape.addsBos());
        config.addProperty("add_eos_token", false);
        for (PublishedShape.Special special : shape.specials()) {
            for (String key : special.configKeys()) {
                if (key.equals("bos_token_id") || key.equals("eos_token_id")) {
                    config.addProperty(key.substring(0, key.length() - 3), special.content());
                }
            }
        }
        config.addProperty("model_max_length", 1 << 20);
        return config;
    }

    private static void writeJson(Path file, JsonObject json) throws IOException {
        Files.writeString(file, new GsonBuilder().setPrettyPrinting().serializeNulls().create().toJson(json) + "\n",
                StandardCharsets.UTF_8);
    }
}
