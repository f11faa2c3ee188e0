package io.mechanist.runtime.internal;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.IntBuffer;
import java.nio.channels.FileChannel;
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
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import io.mechanist.core.tensor.DType;
import io.mechanist.runtime.weights.WeightPlan;
import io.mechanist.core.tensor.SafetensorsFile;
import io.mechanist.core.tensor.TensorInfo;
import io.mechanist.djl.TensorMemory;
import io.mechanist.runtime.CheckpointException;

/**
 * The safetensors weights of a checkpoint folder ({@code model.safetensors} or shards listed in
 * {@code model.safetensors.index.json}), handed to DJL as float32.
 *
 * <p>f32 tensors up to {@value #CHUNK_BYTES_PROPERTY} (1 GiB by default) are memory-mapped and not copied: DJL
 * wraps the mapped bytes, and because DJL does not keep the buffer alive, this source holds every buffer it handed
 * out until it is closed. bf16 and f16 tensors are read with positional reads rather than mapped, 1 MB at a time,
 * and widened in Java straight into the memory of a new libtorch tensor (DJL's native code aborts the process on
 * bf16): the process then holds each weight once, as float32, and none of the file's pages (a mapped bf16 file
 * would add half the float32 size again to the resident memory for as long as the model is open). Larger f32
 * tensors are copied in blocks of rows through one reused buffer.
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
    /** Blocks copied into native memory are at most this large (float32 bytes). */
    private static final long MAX_BLOCK_BYTES = 64L << 20;
    // Reused across tensors while loading; released with the source.
    private ByteBuffer readBuffer;
    private ByteBuffer wideBuffer;
    private Widening widening;
    /** 16-bit elements read per positional read when widening in place: 1 MB, so the widening reads from cache. */
    private static final int READ_CHUNK_ELEMENTS = 1 << 19;

    private final WeightPlan plan;
    /** Where bf16/f16 weights stay 16-bit (the float32 weights would exceed the budget), else null. */
    private CompactWeights compact;
    private static final java.util.regex.Pattern LAYER_NAME = java.util.regex.Pattern.compile("^(.*?\\.)(\\d+)(\\..+)$");
    /** Checkpoints an interpolation reads from, opened on first use and closed with this source. */
    private final Map<Path, WeightSource> others = new LinkedHashMap<>();

    private WeightSource(Path folder, WeightPlan plan) {
        this.folder = folder;
        this.plan = plan;
    }

    /** Opens the weights of {@code folder}; refuses pickle checkpoints. */
    public static WeightSource open(Path folder) throws IOException {
        return open(folder, WeightPlan.NONE);
    }

    /** Opens the weights of {@code folder}, to be loaded as float32 with {@code plan}'s edits applied. */
    public static WeightSource open(Path folder, WeightPlan plan) throws IOException {
        return open(folder, plan, Long.MAX_VALUE);
    }

    /**
     * Opens the weights of {@code folder} for a model's forward: when they would take more than {@code budget}
     * bytes as float32, its bf16/f16 matrices stay compact and {@link #load} hands out the layer slots of
     * {@link CompactWeights} (filled only by the forward's {@link CompactWeights#widenLayer}).
     */
    public static WeightSource open(Path folder, WeightPlan plan, long budget) throws IOException {
        WeightSource source = new WeightSource(folder, plan);
        try {
            source.openFiles();
            source.decideCompact(budget);
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
     * Keeps 16-bit weights compact when the whole checkpoint as float32 would exceed {@code budget} bytes (an edit
     * plan's tensors are widened as before: edits work on float32).
     */
    private void decideCompact(long budget) {
        long f32Bytes = 0;
        boolean sixteenBit = false;
        for (Map.Entry<String, SafetensorsFile> e : fileOfTensor.entrySet()) {
            TensorInfo info = e.getValue().info(e.getKey());
            f32Bytes += info.elementCount() * 4;
            sixteenBit |= info.dtype() == DType.BF16 || info.dtype() == DType.F16;
        }
        if (sixteenBit && f32Bytes > budget) {
            compact = new CompactWeights(String.format(java.util.Locale.ROOT, "as float32 they would take %s, over "
                    + "the weight budget of %s (-D%s)", WeightBudget.format(f32Bytes), WeightBudget.format(budget),
                    WeightBudget.PROPERTY));
        }
    }

    /** The compact weights, or null when every weight is held as float32. */
    public CompactWeights compact() {
        return compact;
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

    /** The shape tensor {@code name} has in the checkpoint. */
    public long[] shapeOf(String name) throws CheckpointException {
        SafetensorsFile file = fileOfTensor.get(name);
        if (file == null) {
            throw new CheckpointException(folder, "missing tensor '" + name + "'");
        }
        return file.info(name).shape();
    }

    /**
     * Loads a tensor as float32 into {@code manager}, checking its shape and noting NaN or infinite values (see
     * {@link #nonFiniteNames}).
     *
     * @throws CheckpointException naming the file and tensor when it is missing, has another shape, or is not float
     */
    public NDArray load(String name, NDManager manager, long... expectedShape) throws CheckpointException {
        TensorInfo info = checked(name, expectedShape);
        SafetensorsFile file = fileOfTensor.get(name);
        DType dtype = info.dtype();
        java.util.regex.Matcher layerName = LAYER_NAME.matcher(name);
        if (compactable(name, info) && layerName.matches()) {
            CompactWeights.Tensor tensor = compactTensor(file, name, info);
            return compact.slot(Integer.parseInt(layerName.group(2)), layerName.group(1) + "*" + layerName.group(3),
                    tensor, manager);
        }
        long f32Bytes = info.elementCount() * 4;
        NDArray array = null;
        boolean nonFiniteSeen = false;
        if (dtype == DType.F32 && f32Bytes <= maxChunkBytes) {
            ByteBuffer bytes = file.buffer(name);
            pinned.add(bytes);
            array = manager.create(bytes, new Shape(expectedShape), DataType.FLOAT32);
            nonFiniteSeen = hasNonFinite(array);
        } else {
            try {
                if (dtype != DType.F32) {
                    Widened widened = widenedInPlace(file, info, expectedShape, manager);
                    array = widened == null ? null : widened.array();
                    nonFiniteSeen = widened != null && widened.nonFinite();
                }
                if (array == null) {
                    array = copyInBlocks(file, info, expectedShape, manager);
                    nonFiniteSeen = hasNonFinite(array);
                }
            } catch (IOException e) {
                throw new CheckpointException(file.path(), "cannot read tensor '" + name + "': " + e.getMessage());
            }
        }
        if (plan.touches(name)) {
            array = edited(name, array, expectedShape, manager);
            nonFiniteSeen = hasNonFinite(array);
        }
        if (nonFiniteSeen) {
            nonFinite.add(name);
        }
        return array;
    }

    /** A 16-bit tensor widened into a new float32 tensor's own memory, and whether it holds NaN or infinity. */
    private record Widened(NDArray array, boolean nonFinite) {
    }

    /**
     * A bf16/f16 tensor read with positional reads, chunk by chunk through one buffer small enough to stay in the
     * cache, and widened straight into the memory of a new libtorch tensor: each value is written once, and the
     * check for NaN and infinity rides along. Null when the engine gives no direct memory (see
     * {@link TensorMemory#filledInPlace}).
     */
    private Widened widenedInPlace(SafetensorsFile file, TensorInfo info, long[] dims, NDManager manager)
            throws IOException {
        long rows = dims.length == 0 ? 1 : dims[0];
        long rowElements = rows == 0 ? 0 : info.elementCount() / rows;
        long rowsPerBlock = Math.max(1, Math.min(maxChunkBytes, MAX_BLOCK_BYTES) / Math.max(1, rowElements * 4));
        boolean[] nonFiniteSeen = {false};
        if (widening == null) {
            widening = new Widening();
        }
        try (FileChannel channel = FileChannel.open(file.path())) {
            NDArray array = TensorMemory.filledInPlace(manager, dims, rowsPerBlock, (from, block) -> {
                IntBuffer out = block.asIntBuffer();
                int elements = out.capacity();
                for (int done = 0; done < elements; done += READ_CHUNK_ELEMENTS) {
                    int n = Math.min(READ_CHUNK_ELEMENTS, elements - done);
                    ByteBuffer raw = read(channel, info.dataOffset() + (from * rowElements + done) * 2, n * 2);
                    nonFiniteSeen[0] |= widening.widen(raw.asShortBuffer(), 0, info.dtype(), out, done, n);
                }
            });
            return array == null ? null : new Widened(array, nonFiniteSeen[0]);
        }
    }

    /**
     * A [rows, width] table (embedding, unembedding): compact when this source keeps 16-bit weights compact, else
     * loaded as float32 like {@link #load}.
     */
    public WeightTable table(String name, NDManager manager, long rows, long width) throws CheckpointException {
        TensorInfo info = checked(name, rows, width);
        if (compactable(name, info)) {
            compact.owner(manager);
            return WeightTable.compact(compact, compactTensor(fileOfTensor.get(name), name, info));
        }
        return WeightTable.dense(load(name, manager, rows, width));
    }

    /** Whether {@code name} stays 16-bit: compact mode, a bf16/f16 matrix no edit touches, mappable as one buffer. */
    private boolean compactable(String name, TensorInfo info) {
        return compact != null && (info.dtype() == DType.BF16 || info.dtype() == DType.F16)
                && info.shape().length == 2 && !plan.touches(name) && info.byteLength() <= Integer.MAX_VALUE;
    }

    private CompactWeights.Tensor compactTensor(SafetensorsFile file, String name, TensorInfo info) {
        CompactWeights.Tensor tensor = new CompactWeights.Tensor(name, file.buffer(name), info.dtype(), info.shape());
        if (CompactWeights.hasNonFinite(tensor)) {
            nonFinite.add(name);
        }
        return tensor;
    }

    /** The tensor's description, after checking that it exists with {@code expectedShape} and a float dtype. */
    private TensorInfo checked(String name, long... expectedShape) throws CheckpointException {
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
        return info;
    }

    /**
     * The tensor with the plan's edits applied, as a new array (the loaded one may wrap the file's mapping, which is
     * never written). Edits work on a Java copy of the tensor, so loading an edited tensor briefly needs its size
     * twice on the heap.
     */
    private NDArray edited(String name, NDArray loaded, long[] shape, NDManager manager) throws CheckpointException {
        float[] values;
        try (loaded) {
            values = loaded.toFloatArray();
        }
        try {
            float[] result = plan.apply(name, shape, values,
                    (otherFolder, otherName, otherShape) -> otherValues(otherFolder, otherName, otherShape, manager));
            return manager.create(result, new Shape(shape));
        } catch (CheckpointException e) {
            throw e;
        } catch (IOException e) {
            throw new CheckpointException(folder, "cannot edit tensor '" + name + "': " + e.getMessage());
        }
    }

    /** A tensor of another checkpoint an interpolation reads, checked against this checkpoint's shape. */
    private float[] otherValues(Path otherFolder, String name, long[] shape, NDManager manager) throws IOException {
        WeightSource other = others.get(otherFolder);
        if (other == null) {
            other = open(otherFolder);
            others.put(otherFolder, other);
        }
        try (NDManager scratch = manager.newSubManager(); NDArray array = other.load(name, scratch, shape)) {
            return array.toFloatArray();
        }
    }

    /**
     * Whether the tensor holds NaN or infinity. One float32 sum finds both (they propagate); only a non-finite sum,
     * which finite values can also reach by overflow, is confirmed element by element.
     */
    private static boolean hasNonFinite(NDArray array) {
        try (NDArray sum = array.sum()) {
            if (Float.isFinite(sum.getFloat())) {
                return false;
            }
        }
        try (NDArray nan = array.isNaN(); NDArray inf = array.isInfinite(); NDArray either = nan.logicalOr(inf);
                NDArray any = either.any()) {
            return any.getBoolean();
        }
    }

    /**
     * A tensor as a float32 array in native memory, filled block of rows by block of rows: read with positional
     * reads into one reused buffer (so the file's pages never count in this process's memory, and no Java buffer
     * of the tensor's size exists), widened there, and copied into place.
     */
    private NDArray copyInBlocks(SafetensorsFile file, TensorInfo info, long[] dims, NDManager manager)
            throws IOException {
        long rows = dims.length == 0 ? 1 : dims[0];
        long rowElements = rows == 0 ? 0 : info.elementCount() / rows;
        int elementBytes = info.dtype().byteSize();
        long blockBytes = Math.min(maxChunkBytes, MAX_BLOCK_BYTES);
        long rowsPerBlock = Math.max(1, blockBytes / Math.max(1, rowElements * 4));
        NDArray whole = null;
        try (FileChannel channel = FileChannel.open(file.path())) {
            for (long from = 0; from < Math.max(rows, 1); from += rowsPerBlock) {
                long count = Math.min(rowsPerBlock, rows - from);
                int elements = Math.toIntExact(count * rowElements);
                long[] blockDims = dims.clone();
                if (blockDims.length > 0) {
                    blockDims[0] = count;
                }
                ByteBuffer raw = read(channel, info.dataOffset() + from * rowElements * elementBytes,
                        elements * elementBytes);
                ByteBuffer values = info.dtype() == DType.F32 ? raw : widened(raw, info.dtype(), elements);
                NDArray block = manager.create(values, new Shape(blockDims), DataType.FLOAT32);
                if (count >= rows) {
                    try (block) {
                        return block.duplicate(); // the block wraps the reused buffers: copy it out
                    }
                }
                try (block) {
                    if (whole == null) { // uninitialised: every row is written below
                        whole = manager.create(new Shape(dims), DataType.FLOAT32);
                    }
                    whole.set(new NDIndex("{}:{}", from, from + count), block);
                }
            }
            NDArray result = whole;
            whole = null;
            return result;
        } finally {
            if (whole != null) {
                whole.close();
            }
        }
    }

    /** {@code byteCount} bytes at {@code position} into the reused read buffer. */
    private ByteBuffer read(FileChannel channel, long position, int byteCount) throws IOException {
        if (readBuffer == null || readBuffer.capacity() < byteCount) {
            readBuffer = ByteBuffer.allocateDirect(byteCount).order(ByteOrder.LITTLE_ENDIAN);
        }
        ByteBuffer target = readBuffer.clear().limit(byteCount);
        while (target.hasRemaining()) {
            if (channel.read(target, position + target.position()) < 0) {
                throw new IOException("the file ends before the tensor's last byte");
            }
        }
        return target.flip().slice().order(ByteOrder.LITTLE_ENDIAN);
    }

    /** 16-bit values widened into the reused float32 buffer DJL wraps. */
    private ByteBuffer widened(ByteBuffer halves, DType dtype, int count) {
        if (wideBuffer == null || wideBuffer.capacity() < count * 4) {
            wideBuffer = ByteBuffer.allocateDirect(count * 4).order(ByteOrder.nativeOrder());
        }
        if (widening == null) {
            widening = new Widening();
        }
        ByteBuffer wide = wideBuffer.clear().limit(count * 4).slice().order(ByteOrder.nativeOrder());
        widening.widen(halves.asShortBuffer(), 0, dtype, wide.asIntBuffer(), 0, count);
        return wide;
    }

    @Override
    public void close() throws IOException {
        IOException failure = null;
        for (WeightSource other : others.values()) {
            try {
                other.close();
            } catch (IOException e) {
                failure = e;
            }
        }
        others.clear();
        for (SafetensorsFile file : files) {
            try {
                file.close();
            } catch (IOException e) {
                failure = e;
            }
        }
        files.clear();
        pinned.clear();
        readBuffer = null;
        wideBuffer = null;
        widening = null;
        if (failure != null) {
            throw failure;
        }
    }
}
