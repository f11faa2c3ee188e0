package io.mechanist.runtime.reference.internal;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import io.mechanist.core.tensor.HalfFloats;
import io.mechanist.core.tensor.SafetensorsFile;
import io.mechanist.core.tensor.TensorInfo;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The safetensors weights of a checkpoint folder: a single {@code model.safetensors} or shards listed in
 * {@code model.safetensors.index.json}. Tensors are decoded from f32, f16, bf16 or f64 into exact float/double
 * values with their shape checked against what the architecture expects.
 */
public final class CheckpointReader implements AutoCloseable {

    public static final String SINGLE_FILE = "model.safetensors";
    public static final String INDEX_FILE = "model.safetensors.index.json";

    private final Path dir;
    private final Map<String, SafetensorsFile> fileByTensor = new HashMap<>();
    private final List<SafetensorsFile> files = new ArrayList<>();

    private CheckpointReader(Path dir) {
        this.dir = dir;
    }

    public static CheckpointReader open(Path dir) throws IOException {
        CheckpointReader reader = new CheckpointReader(dir);
        try {
            reader.openFiles();
        } catch (IOException | RuntimeException e) {
            reader.close();
            throw e;
        }
        return reader;
    }

    private void openFiles() throws IOException {
        Path index = dir.resolve(INDEX_FILE);
        Path single = dir.resolve(SINGLE_FILE);
        if (Files.isRegularFile(index)) {
            openSharded(index);
        } else if (Files.isRegularFile(single)) {
            SafetensorsFile file = SafetensorsFile.open(single);
            files.add(file);
            for (String name : file.tensorNames()) {
                fileByTensor.put(name, file);
            }
        } else {
            List<String> pickles = pickleFiles();
            if (!pickles.isEmpty()) {
                throw new IOException(dir + " holds only pickle weights " + pickles + ". Pickle files (.bin/.pt/.pth)"
                        + " can execute arbitrary code when loaded, so they are never read; convert the checkpoint"
                        + " to safetensors (e.g. save_pretrained(..., safe_serialization=True)) and try again.");
            }
            throw new IOException(dir + " has neither " + SINGLE_FILE + " nor " + INDEX_FILE);
        }
    }

    private List<String> pickleFiles() throws IOException {
        try (Stream<Path> entries = Files.list(dir)) {
            return entries.map(p -> p.getFileName().toString())
                    .filter(n -> n.endsWith(".bin") || n.endsWith(".pt") || n.endsWith(".pth"))
                    .sorted().toList();
        }
    }

    private void openSharded(Path index) throws IOException {
        JsonObject weightMap;
        try {
            JsonElement root = JsonParser.parseString(Files.readString(index, StandardCharsets.UTF_8));
            weightMap = root.getAsJsonObject().getAsJsonObject("weight_map");
        } catch (JsonParseException | IllegalStateException | ClassCastException e) {
            throw new IOException(index + " is not a valid safetensors index: " + e.getMessage(), e);
        }
        if (weightMap == null) {
            throw new IOException(index + " has no 'weight_map' object");
        }
        Map<String, SafetensorsFile> byShard = new LinkedHashMap<>();
        for (Map.Entry<String, JsonElement> entry : weightMap.entrySet()) {
            String shardName = entry.getValue().getAsString();
            if (shardName.contains("/") || shardName.contains("\\") || shardName.startsWith(".")) {
                throw new IOException(index + ": shard name '" + shardName + "' must be a plain file name");
            }
            SafetensorsFile shard = byShard.get(shardName);
            if (shard == null) {
                Path shardPath = dir.resolve(shardName);
                if (!Files.isRegularFile(shardPath)) {
                    throw new IOException(index + " lists shard " + shardName + ", which is missing from " + dir);
                }
                shard = SafetensorsFile.open(shardPath);
                files.add(shard);
                byShard.put(shardName, shard);
            }
            if (!shard.contains(entry.getKey())) {
                throw new IOException(index + " maps tensor " + entry.getKey() + " to " + shardName
                        + ", which does not contain it");
            }
            fileByTensor.put(entry.getKey(), shard);
        }
    }

    public boolean contains(String tensor) {
        return fileByTensor.containsKey(tensor);
    }

    /** Tensor names of all files, for prefix detection. */
    public List<String> tensorNames() {
        return fileByTensor.keySet().stream().sorted().toList();
    }

    /** A 2-d tensor of exactly [rows, cols]. */
    public Matrix matrix(String tensor, int rows, int cols) {
        SafetensorsFile file = fileOf(tensor);
        TensorInfo info = file.info(tensor);
        checkShape(file, info, new long[] {rows, cols});
        return decode(file, info, rows, cols);
    }

    /** A 1-d tensor of exactly [length]. */
    public double[] vector(String tensor, int length) {
        SafetensorsFile file = fileOf(tensor);
        TensorInfo info = file.info(tensor);
        checkShape(file, info, new long[] {length});
        Matrix m = decode(file, info, 1, length);
        return m.row(0);
    }

    private SafetensorsFile fileOf(String tensor) {
        SafetensorsFile file = fileByTensor.get(tensor);
        if (file == null) {
            throw new IllegalArgumentException("checkpoint " + dir + " has no tensor '" + tensor + "' (files: "
                    + files.stream().map(f -> f.path().getFileName().toString()).toList() + ")");
        }
        return file;
    }

    private static void checkShape(SafetensorsFile file, TensorInfo info, long[] expected) {
        if (!Arrays.equals(info.shape(), expected)) {
            throw new IllegalArgumentException(file.path() + ": tensor '" + info.name() + "' has shape "
                    + Arrays.toString(info.shape()) + ", the config implies " + Arrays.toString(expected));
        }
    }

    private static Matrix decode(SafetensorsFile file, TensorInfo info, int rows, int cols) {
        ByteBuffer buffer = file.buffer(info.name()).order(ByteOrder.LITTLE_ENDIAN);
        int n = rows * cols;
        switch (info.dtype()) {
            case F32 -> {
                float[] v = new float[n];
                buffer.asFloatBuffer().get(v);
                return Matrix.ofFloats(rows, cols, v);
            }
            case F16 -> {
                float[] v = new float[n];
                for (int i = 0; i < n; i++) {
                    v[i] = HalfFloats.f16ToFloat(buffer.getShort(2 * i));
                }
                return Matrix.ofFloats(rows, cols, v);
            }
            case BF16 -> {
                float[] v = new float[n];
                for (int i = 0; i < n; i++) {
                    v[i] = HalfFloats.bf16ToFloat(buffer.getShort(2 * i));
                }
                return Matrix.ofFloats(rows, cols, v);
            }
            case F64 -> {
                double[] v = new double[n];
                buffer.asDoubleBuffer().get(v);
                return Matrix.ofDoubles(rows, cols, v);
            }
            default -> throw new IllegalArgumentException(file.path() + ": tensor '" + info.name() + "' has dtype "
                    + info.dtype() + "; weights must be F32, F16, BF16 or F64");
        }
    }

    @Override
    public void close() {
        IOException first = null;
        for (SafetensorsFile f : files) {
            try {
                f.close();
            } catch (IOException e) {
                if (first == null) {
                    first = e;
                }
            }
        }
        files.clear();
        if (first != null) {
            throw new UncheckedIOException(first);
        }
    }
}
