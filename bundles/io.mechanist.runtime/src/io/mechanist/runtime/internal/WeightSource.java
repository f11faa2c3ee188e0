package io.mechanist.runtime.internal;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import com.google.gson.JsonElement;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import io.mechanist.core.tensor.DType;
import io.mechanist.core.tensor.SafetensorsFile;
import io.mechanist.core.tensor.TensorInfo;
import io.mechanist.runtime.CheckpointException;

/**
 * The safetensors weights of a checkpoint folder ({@code model.safetensors} or shards listed in
 * {@code model.safetensors.index.json}), memory-mapped and handed to DJL as float32.
 *
 * <p>f32 tensors are not copied: DJL wraps the mapped bytes. Because DJL does not keep the buffer alive, this
 * source holds every buffer it handed out until it is closed. f16 is converted by DJL; bf16 is widened in Java
 * first, because DJL's native code aborts the process on bf16. A tensor whose float32 form exceeds 1 GiB (a Java
 * buffer holds at most 2 GiB) is loaded in blocks of rows joined in native memory, so such tensors are copied.
 */
public final class WeightSource implements AutoCloseable {
    private static final List<String> PICKLE_SUFFIXES = List.of(".bin", ".pt", ".pth", ".ckpt", ".pkl");

    private final Path folder;
    private final Map<String, SafetensorsFile> fileOfTensor = new LinkedHashMap<>();
    private final List<SafetensorsFile> files = new ArrayList<>();
    private final List<ByteBuffer> pinned = new ArrayList<>();
    private final Set<String> used = new HashSet<>();
    private final List<String> nonFinite = new ArrayList<>();
    /** System property overriding the block size of chunked loading (bytes of float32). */
    public static final String CHUNK_BYTES_PROPERTY = "io.mechanist.runtime.weightChunkBytes";

    private long maxChunkBytes = Long.getLong(CHUNK_BYTES_PROPERTY, 1L << 30);

    private WeightSource(Path folder) {
        this.folder = folder;
    }

    /** Opens the weights of {@code folder}; refuses pickle checkpoints. */
    public static WeightSource open(Path folder) throws IOException {
        WeightSource source = new WeightSource(folder);
        try {
            source.openFiles();
            return source;
        } catch (IOException | RuntimeException e) {
            source.close();
            throw e;
        }
    }

    private void openFiles() throws IOException {
        Path index = folder.resolve("model.safetensors.index.json");
        Path single = folder.resolve("model.safetensors");
        if (Files.isRegularFile(index)) {
            JsonConfig json = JsonConfig.read(index);
            JsonConfig map = json.object("weight_map");
            if (map == null) {
                throw new CheckpointException(index, "missing 'weight_map'");
            }
            Map<String, SafetensorsFile> byName = new LinkedHashMap<>();
            for (Map.Entry<String, JsonElement> e : map.json().entrySet()) {
                Path shardPath = shardFile(folder, index, e.getKey(), e.getValue());
                String shardName = shardPath.getFileName().toString();
                SafetensorsFile shard = byName.get(shardName);
                if (shard == null) {
                    if (!Files.isRegularFile(shardPath)) {
                        throw new CheckpointException(shardPath, "shard listed in " + index.getFileName()
                                + " (for tensor '" + e.getKey() + "') is missing");
                    }
                    shard = SafetensorsFile.open(shardPath);
                    files.add(shard);
                    byName.put(shardName, shard);
                }
                if (!shard.contains(e.getKey())) {
                    throw new CheckpointException(shard.path(), "tensor '" + e.getKey() + "' listed in "
                            + index.getFileName() + " is not in this shard");
                }
                fileOfTensor.put(e.getKey(), shard);
            }
        } else if (Files.isRegularFile(single)) {
            SafetensorsFile file = SafetensorsFile.open(single);
            files.add(file);
            for (String name : file.tensorNames()) {
                fileOfTensor.put(name, file);
            }
        } else {
            refuseOrReportMissing();
        }
    }

    /**
     * The shard file an index entry names: a plain file name in the checkpoint folder, so that an index can never
     * make Mechanist read outside the folder.
     */
    public static Path shardFile(Path folder, Path index, String tensor, JsonElement entry) throws CheckpointException {
        if (entry == null || !entry.isJsonPrimitive() || !entry.getAsJsonPrimitive().isString()) {
            throw new CheckpointException(index, "weight_map entry of tensor '" + tensor + "' must be a file name, "
                    + "found " + entry);
        }
        String name = entry.getAsString();
        Path relative = Path.of(name);
        if (name.isEmpty() || relative.isAbsolute() || relative.getNameCount() != 1 || name.equals("..")
                || name.equals(".") || name.contains("/") || name.contains("\\")) {
            throw new CheckpointException(index, "weight_map entry of tensor '" + tensor + "' is '" + name
                    + "'; shards must be files in the checkpoint folder itself");
        }
        return folder.resolve(name);
    }

    private void refuseOrReportMissing() throws IOException {
        List<Path> pickles;
        try (Stream<Path> list = Files.list(folder)) {
            pickles = list.filter(p -> PICKLE_SUFFIXES.stream().anyMatch(s -> p.getFileName().toString().endsWith(s)))
                    .sorted().toList();
        }
        if (!pickles.isEmpty()) {
            throw new CheckpointException(pickles.get(0), "refusing to load a pickle checkpoint ("
                    + pickles.stream().map(p -> p.getFileName().toString()).toList()
                    + "): unpickling can execute arbitrary code hidden in the file. Convert the checkpoint to "
                    + "safetensors (model.safetensors, e.g. with transformers' save_pretrained(..., "
                    + "safe_serialization=True)) and load that instead.");
        }
        throw new CheckpointException(folder, "no model.safetensors or model.safetensors.index.json in this folder");
    }

    public Path folder() {
        return folder;
    }

    public boolean contains(String name) {
        return fileOfTensor.containsKey(name);
    }

    /** The tensor names of the checkpoint. */
    public Set<String> names() {
        return fileOfTensor.keySet();
    }

    /** Names never requested through {@link #load}, e.g. to report unexpected tensors. */
    public List<String> unusedNames() {
        return fileOfTensor.keySet().stream().filter(n -> !used.contains(n)).sorted().toList();
    }

    /** Names of loaded tensors holding NaN or infinite values, in loading order. */
    public List<String> nonFiniteNames() {
        return List.copyOf(nonFinite);
    }

    /**
     * Loads a tensor as float32 into {@code manager}, checking its shape and noting NaN or infinite values (see
     * {@link #nonFiniteNames}).
     *
     * @throws CheckpointException naming the file and tensor when it is missing, has another shape, or is not float
     */
    public NDArray load(String name, NDManager manager, long... expectedShape) throws CheckpointException {
        SafetensorsFile file = fileOfTensor.get(name);
        if (file == null) {
            Path where = files.isEmpty() ? folder : files.get(0).path();
            throw new CheckpointException(where, "missing tensor '" + name + "'"
                    + (files.size() > 1 ? " (in none of the " + files.size() + " shards)" : ""));
        }
        used.add(name);
        TensorInfo info = file.info(name);
        if (!Arrays.equals(info.shape(), expectedShape)) {
            throw new CheckpointException(file.path(), "tensor '" + name + "' has shape "
                    + Arrays.toString(info.shape()) + ", expected " + Arrays.toString(expectedShape)
                    + " from config.json");
        }
        DType dtype = info.dtype();
        if (dtype != DType.F32 && dtype != DType.F16 && dtype != DType.BF16) {
            throw new CheckpointException(file.path(), "tensor '" + name + "' has dtype "
                    + dtype.safetensorsName() + "; weights must be F32, F16 or BF16");
        }
        long rows = expectedShape.length == 0 ? 1 : expectedShape[0];
        long rowElements = rows == 0 ? 0 : info.elementCount() / rows;
        long f32Bytes = info.elementCount() * 4;
        if (f32Bytes <= maxChunkBytes || rows <= 1) {
            return checkFinite(name, loadRows(file, info, 0, rows, rowElements, expectedShape, manager, pinned));
        }
        // Java buffers stop at 2 GiB: load blocks of rows and join them in native memory.
        long rowsPerChunk = Math.max(1, maxChunkBytes / (rowElements * 4));
        List<NDArray> chunks = new ArrayList<>();
        List<ByteBuffer> untilJoined = new ArrayList<>();
        try {
            for (long from = 0; from < rows; from += rowsPerChunk) {
                chunks.add(loadRows(file, info, from, Math.min(rowsPerChunk, rows - from), rowElements, expectedShape,
                        manager, untilJoined));
            }
            return checkFinite(name, ai.djl.ndarray.NDArrays.concat(new ai.djl.ndarray.NDList(chunks), 0));
        } finally {
            chunks.forEach(NDArray::close);
        }
    }

    /**
     * Notes {@code name} when the tensor holds NaN or infinity. One float32 sum finds both (they propagate); only a
     * non-finite sum, which finite values can also reach by overflow, is confirmed element by element.
     */
    private NDArray checkFinite(String name, NDArray array) {
        boolean suspicious;
        try (NDArray sum = array.sum()) {
            suspicious = !Float.isFinite(sum.getFloat());
        }
        if (suspicious) {
            try (NDArray nan = array.isNaN(); NDArray inf = array.isInfinite(); NDArray either = nan.logicalOr(inf);
                    NDArray any = either.any()) {
                if (any.getBoolean()) {
                    nonFinite.add(name);
                }
            }
        }
        return array;
    }

    /** Rows [from, from + count) of a tensor as a float32 array of shape [count, rest of shape]. */
    private NDArray loadRows(SafetensorsFile file, TensorInfo info, long from, long count, long rowElements,
            long[] fullShape, NDManager manager, List<ByteBuffer> keepAlive) {
        long[] dims = fullShape.clone();
        if (dims.length > 0) {
            dims[0] = count;
        }
        Shape shape = new Shape(dims);
        int elementBytes = info.dtype().byteSize();
        long elements = count * rowElements;
        ByteBuffer bytes = from == 0 && elements == info.elementCount() ? file.buffer(info.name())
                : file.buffer(info.name(), from * rowElements * elementBytes, Math.toIntExact(elements * elementBytes));
        switch (info.dtype()) {
            case F32 -> {
                keepAlive.add(bytes);
                return manager.create(bytes, shape, DataType.FLOAT32);
            }
            case F16 -> {
                try (NDArray half = manager.create(bytes, shape, DataType.FLOAT16)) {
                    return half.toType(DataType.FLOAT32, true);
                }
            }
            default -> {
                ByteBuffer widened = widenBf16(bytes, elements);
                keepAlive.add(widened);
                return manager.create(widened, shape, DataType.FLOAT32);
            }
        }
    }

    /** bf16 is the top half of a float32: shift the bits up, in Java, into a direct buffer DJL can wrap. */
    private static ByteBuffer widenBf16(ByteBuffer bf16, long count) {
        ByteBuffer out = ByteBuffer.allocateDirect(Math.toIntExact(count * 4)).order(ByteOrder.nativeOrder());
        ByteBuffer in = bf16.duplicate().order(ByteOrder.LITTLE_ENDIAN);
        for (int i = 0; i < count; i++) {
            out.putInt(i * 4, (in.getShort(i * 2) & 0xffff) << 16);
        }
        return out;
    }

    @Override
    public void close() throws IOException {
        IOException failure = null;
        for (SafetensorsFile file : files) {
            try {
                file.close();
            } catch (IOException e) {
                failure = e;
            }
        }
        files.clear();
        pinned.clear();
        if (failure != null) {
            throw failure;
        }
    }
}
