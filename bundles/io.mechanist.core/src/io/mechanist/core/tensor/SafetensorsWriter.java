package io.mechanist.core.tensor;

import com.google.gson.stream.JsonWriter;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.channels.WritableByteChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Builds a safetensors file: an unsigned 64-bit little-endian header length, a JSON header (with
 * {@code __metadata__}, string to string), then the tensors' bytes back to back.
 * <p>
 * Output is deterministic: metadata keys and tensors are sorted by name, the JSON is compact, and the header is
 * padded with spaces so that the data section starts at a multiple of 8 bytes (every tensor of 8-byte elements is
 * then 8-byte aligned in the file). Data is streamed to the file in chunks.
 * <p>
 * {@link #add} encodes the values immediately, so the caller may reuse its array; {@link #addRaw} keeps a view of
 * the caller's buffer (no copy, so a mapped tensor of another file can be passed through) whose bytes must not
 * change until the last write. Not thread-safe.
 */
public final class SafetensorsWriter {

    private static final int DATA_ALIGNMENT = 8;
    private static final int CHUNK_BYTES = 1 << 20;

    private final Map<String, String> metadata = new TreeMap<>();
    private final Map<String, PendingTensor> tensors = new TreeMap<>();

    public SafetensorsWriter() {
    }

    /** Adds (or replaces) a {@code __metadata__} entry. */
    public SafetensorsWriter metadata(String key, String value) {
        metadata.put(Objects.requireNonNull(key, "key"), Objects.requireNonNull(value, "value"));
        return this;
    }

    /**
     * Adds a floating-point tensor, converting the values to the storage type (rounding to nearest even for F16 and
     * BF16).
     *
     * @param storage F32, F16 or BF16
     * @param shape dimensions, outermost first; their product must equal {@code values.length}
     * @param values row-major (C order) values; copied, so the array may be reused after this call
     */
    public SafetensorsWriter add(String name, DType storage, long[] shape, float[] values) {
        Objects.requireNonNull(values, "values");
        long[] dims = checkedShape(name, shape);
        if (Shapes.elementCount(dims, name) != values.length) {
            throw new IllegalArgumentException("Tensor '" + name + "': shape " + Arrays.toString(dims) + " holds "
                    + Shapes.elementCount(dims, name) + " elements but " + values.length + " values were given");
        }
        PendingTensor tensor = switch (Objects.requireNonNull(storage, "storage")) {
            case F32 -> new PendingTensor.Floats(dims, values.clone());
            case F16, BF16 -> PendingTensor.Halves.encode(storage, dims, values);
            default -> throw new IllegalArgumentException("Tensor '" + name + "': add converts floats to F32, F16 "
                    + "or BF16, not " + storage + "; use addRaw for other dtypes");
        };
        return put(name, tensor);
    }

    /**
     * Adds a tensor from its little-endian bytes, between the buffer's position and limit. The buffer is not copied
     * and its position is not changed; its bytes are read by each later {@link #write}.
     *
     * @throws IllegalArgumentException if the number of bytes is not {@code product(shape) * dtype.byteSize()}
     */
    public SafetensorsWriter addRaw(String name, DType dtype, long[] shape, ByteBuffer littleEndianBytes) {
        Objects.requireNonNull(dtype, "dtype");
        Objects.requireNonNull(littleEndianBytes, "littleEndianBytes");
        long[] dims = checkedShape(name, shape);
        long expected = Shapes.byteLength(dims, dtype, name);
        if (littleEndianBytes.remaining() != expected) {
            throw new IllegalArgumentException("Tensor '" + name + "': " + dtype + " " + Arrays.toString(dims)
                    + " needs " + expected + " bytes but the buffer holds " + littleEndianBytes.remaining());
        }
        return put(name, new PendingTensor.Raw(dtype, dims, littleEndianBytes.slice()));
    }

    /**
     * Reserves room for a tensor whose bytes the caller writes itself, in any order, at the offset {@link #layout}
     * gives (a file filled piece by piece as its contents arrive). A writer holding reserved tensors cannot
     * {@link #writeTo write} the file itself.
     *
     * @since 1.1
     */
    public SafetensorsWriter reserve(String name, DType dtype, long[] shape) {
        Objects.requireNonNull(dtype, "dtype");
        long[] dims = checkedShape(name, shape);
        return put(name, new PendingTensor.Reserved(dtype, dims, Shapes.byteLength(dims, dtype, name)));
    }

    /**
     * The file's header (length prefix and padded JSON) and where each tensor's bytes begin, counted from the start
     * of the file: what {@link #writeTo} would write, for a caller that writes the parts itself.
     *
     * @param header the first {@code header.remaining()} bytes of the file
     * @param dataStart file offset of each tensor's first byte, by name
     * @param fileSize the size of the whole file
     * @since 1.1
     */
    public record Layout(ByteBuffer header, Map<String, Long> dataStart, long fileSize) {
        public Layout {
            header = header.asReadOnlyBuffer();
            dataStart = Map.copyOf(dataStart);
        }

        @Override
        public ByteBuffer header() {
            return header.duplicate();
        }
    }

    /**
     * The layout of the file as it stands; see {@link Layout}.
     *
     * @since 1.1
     */
    public Layout layout() {
        ByteBuffer header = header();
        long offset = header.remaining();
        Map<String, Long> starts = new TreeMap<>();
        for (Map.Entry<String, PendingTensor> entry : tensors.entrySet()) {
            starts.put(entry.getKey(), offset);
            offset += entry.getValue().byteLength();
        }
        return new Layout(header, starts, offset);
    }

    /** Writes the file, replacing any existing one. Prefer {@link #writeAtomically} for files others may read. */
    public void write(Path path) throws IOException {
        try (FileChannel channel = FileChannel.open(path, StandardOpenOption.CREATE,
                StandardOpenOption.TRUNCATE_EXISTING, StandardOpenOption.WRITE)) {
            writeTo(channel);
        }
    }

    /**
     * Writes the file so that readers see either the old file or the complete new one: the bytes go to a temporary
     * file in the same folder, are flushed to disk, the temporary file is renamed over {@code path} atomically, and
     * the folder is flushed so the rename survives a crash. On failure the temporary file is removed.
     */
    public void writeAtomically(Path path) throws IOException {
        Path target = path.toAbsolutePath();
        Path folder = target.getParent();
        Path temporary = folder.resolve("." + target.getFileName() + "."
                + Long.toHexString(ThreadLocalRandom.current().nextLong()) + ".tmp");
        try {
            try (FileChannel channel = FileChannel.open(temporary, StandardOpenOption.CREATE_NEW,
                    StandardOpenOption.WRITE)) {
                writeTo(channel);
                channel.force(true);
            }
            Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException | RuntimeException | Error e) {
            try {
                Files.deleteIfExists(temporary);
            } catch (IOException cleanupFailure) {
                e.addSuppressed(cleanupFailure);
            }
            throw e;
        }
        flushFolder(folder);
    }

    /**
     * Writes the whole file to a channel (header then data).
     *
     * @throws IllegalStateException if a tensor was {@linkplain #reserve reserved}
     */
    public void writeTo(WritableByteChannel channel) throws IOException {
        if (tensors.values().stream().anyMatch(PendingTensor.Reserved.class::isInstance)) {
            throw new IllegalStateException("reserved tensors are written by the caller at their layout offsets");
        }
        writeFully(channel, header());
        ByteBuffer chunk = ByteBuffer.allocate(CHUNK_BYTES).order(ByteOrder.LITTLE_ENDIAN);
        for (PendingTensor tensor : tensors.values()) {
            tensor.writeTo(channel, chunk);
        }
    }

    /** The 8-byte length prefix and the padded JSON header, ready to write. */
    private ByteBuffer header() {
        byte[] json = headerJson().getBytes(StandardCharsets.UTF_8);
        int padded = (int) (ceilToAlignment(Long.BYTES + (long) json.length) - Long.BYTES);
        ByteBuffer header = ByteBuffer.allocate(Long.BYTES + padded).order(ByteOrder.LITTLE_ENDIAN);
        header.putLong(padded).put(json);
        while (header.hasRemaining()) {
            header.put((byte) ' ');
        }
        return header.flip();
    }

    private String headerJson() {
        StringWriter text = new StringWriter();
        try (JsonWriter json = new JsonWriter(text)) {
            json.beginObject();
            json.name(SafetensorsHeader.METADATA_KEY).beginObject();
            for (Map.Entry<String, String> entry : metadata.entrySet()) {
                json.name(entry.getKey()).value(entry.getValue());
            }
            json.endObject();
            long offset = 0;
            for (Map.Entry<String, PendingTensor> entry : tensors.entrySet()) {
                PendingTensor tensor = entry.getValue();
                json.name(entry.getKey()).beginObject();
                json.name("dtype").value(tensor.dtype().safetensorsName());
                json.name("shape").beginArray();
                for (long dim : tensor.shape()) {
                    json.value(dim);
                }
                json.endArray();
                json.name("data_offsets").beginArray().value(offset).value(offset + tensor.byteLength()).endArray();
                json.endObject();
                offset += tensor.byteLength();
            }
            json.endObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e); // a StringWriter does not fail
        }
        return text.toString();
    }

    private SafetensorsWriter put(String name, PendingTensor tensor) {
        if (tensors.containsKey(name)) {
            throw new IllegalArgumentException("Tensor '" + name + "' was already added");
        }
        tensors.put(name, tensor);
        return this;
    }

    private long[] checkedShape(String name, long[] shape) {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(shape, "shape");
        if (name.isEmpty() || name.equals(SafetensorsHeader.METADATA_KEY)) {
            throw new IllegalArgumentException("Tensor name '" + name + "' is not allowed");
        }
        long[] dims = shape.clone();
        Shapes.elementCount(dims, name); // rejects negative dimensions and overflow
        return dims;
    }

    private static long ceilToAlignment(long value) {
        return (value + DATA_ALIGNMENT - 1) / DATA_ALIGNMENT * DATA_ALIGNMENT;
    }

    static void writeFully(WritableByteChannel channel, ByteBuffer bytes) throws IOException {
        while (bytes.hasRemaining()) {
            channel.write(bytes);
        }
    }

    /** Makes a completed rename durable. Folders cannot be opened for syncing on Windows; there it is skipped. */
    private static void flushFolder(Path folder) throws IOException {
        boolean posix = folder.getFileSystem().supportedFileAttributeViews().contains("posix");
        try (FileChannel channel = FileChannel.open(folder, StandardOpenOption.READ)) {
            channel.force(true);
        } catch (IOException e) {
            if (posix) {
                throw e;
            }
        }
    }
}
