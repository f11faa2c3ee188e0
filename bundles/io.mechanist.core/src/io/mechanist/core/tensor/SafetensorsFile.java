package io.mechanist.core.tensor;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.ClosedByInterruptException;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

/**
 * A safetensors file opened for reading. The header is read and validated once by {@link #open(Path)}; tensor data
 * is memory-mapped lazily, one mapping per tensor, so files larger than 2 GiB work as long as each tensor is
 * smaller than 2 GiB (larger tensors can be read piecewise with {@link #buffer(String, long, int)} or as a whole
 * with {@link #readFloats(String)}).
 * <p>
 * Instances are safe for concurrent readers. {@link #close()} releases the file channel; buffers handed out
 * earlier stay valid until they are garbage collected (the JDK unmaps them then). The file must not be modified
 * while it is open or while such buffers are in use: the operating system would show the changes, and accessing
 * a mapping whose file was truncated fails.
 */
public final class SafetensorsFile implements AutoCloseable {

    /** Piece size when a tensor is larger than one mapping can be; a multiple of every element size. */
    private static final int MAX_PIECE_BYTES = 1 << 30;

    private final Path path;
    private final long fileSize;
    private final Map<String, String> metadata;
    private final Map<String, TensorInfo> tensors;
    private final List<String> tensorNames;
    private final Map<String, ByteBuffer> mappings = new ConcurrentHashMap<>();
    private final Object channelLock = new Object();
    private volatile FileChannel channel;
    private volatile boolean closed;

    private SafetensorsFile(Path path, FileChannel channel, long fileSize, SafetensorsHeader.Parsed header) {
        this.path = path;
        this.channel = channel;
        this.fileSize = fileSize;
        this.metadata = header.metadata();
        this.tensors = header.tensors();
        this.tensorNames = List.copyOf(tensors.keySet());
    }

    /**
     * Opens and validates a safetensors file.
     *
     * @throws SafetensorsFormatException if the file is not valid safetensors (the message names the file and the
     *             defect), or is a pickle-based checkpoint ({@code .bin}, {@code .pt}, {@code .pth}, ...), which
     *             is refused because loading a pickle can execute arbitrary code
     * @throws IOException if the file cannot be read
     */
    public static SafetensorsFile open(Path path) throws IOException {
        Objects.requireNonNull(path, "path");
        SafetensorsHeader.refusePickleByName(path);
        if (Files.isDirectory(path)) {
            throw new SafetensorsFormatException(path, "is a directory, not a file");
        }
        FileChannel channel = FileChannel.open(path, StandardOpenOption.READ);
        try {
            long size = channel.size();
            return new SafetensorsFile(path, channel, size, SafetensorsHeader.read(path, channel));
        } catch (IOException | RuntimeException | Error e) {
            channel.close();
            throw e;
        }
    }

    /** The file this was opened from. */
    public Path path() {
        return path;
    }

    /** The header's {@code __metadata__} (string to string, sorted by key; empty if absent). Unmodifiable. */
    public Map<String, String> metadata() {
        return metadata;
    }

    /** Tensor names in the order their data appears in the file. Unmodifiable. */
    public List<String> tensorNames() {
        return tensorNames;
    }

    /** Descriptions of all tensors in the order their data appears in the file. */
    public List<TensorInfo> tensorInfos() {
        return List.copyOf(tensors.values());
    }

    public boolean contains(String name) {
        return tensors.containsKey(name);
    }

    /**
     * Where a tensor lives in the file.
     *
     * @throws IllegalArgumentException if the file has no such tensor (the message names the tensor and the file)
     */
    public TensorInfo info(String name) {
        TensorInfo info = tensors.get(name);
        if (info == null) {
            String known = tensorNames.stream().limit(10).collect(Collectors.joining(", "));
            throw new IllegalArgumentException("No tensor '" + name + "' in " + path + " (it holds "
                    + tensorNames.size() + " tensors" + (known.isEmpty() ? "" : ": " + known)
                    + (tensorNames.size() > 10 ? ", ..." : "") + ")");
        }
        return info;
    }

    /**
     * The tensor's bytes as a read-only, little-endian, memory-mapped buffer positioned at 0 with
     * {@code limit == info(name).byteLength()}. Each call returns a new buffer view (own position and limit) of
     * one shared mapping, so callers on different threads do not disturb each other.
     *
     * @throws IllegalArgumentException if there is no such tensor
     * @throws UnsupportedOperationException if the tensor is 2 GiB or larger (one Java buffer cannot hold it); use
     *             {@link #buffer(String, long, int)} to map it piecewise
     * @throws IllegalStateException if the file was closed
     * @throws UncheckedIOException if the mapping fails
     */
    public ByteBuffer buffer(String name) {
        TensorInfo info = info(name);
        if (info.byteLength() > Integer.MAX_VALUE) {
            throw new UnsupportedOperationException("Tensor '" + name + "' in " + path + " is " + info.byteLength()
                    + " bytes; a single buffer holds at most " + Integer.MAX_VALUE
                    + " bytes: map it piecewise with buffer(name, fromByte, byteCount)");
        }
        ensureOpen();
        ByteBuffer mapping = mappings.computeIfAbsent(name,
                key -> mapRegion(info.dataOffset(), info.byteLength(), name));
        return mapping.duplicate().order(ByteOrder.LITTLE_ENDIAN);
    }

    /**
     * A read-only, little-endian, memory-mapped view of part of a tensor's bytes, for tensors too large for
     * {@link #buffer(String)}.
     *
     * @param fromByte offset inside the tensor's data (0 = its first byte)
     * @param byteCount number of bytes; {@code fromByte + byteCount} must not exceed the tensor's byte length
     */
    public ByteBuffer buffer(String name, long fromByte, int byteCount) {
        TensorInfo info = info(name);
        if (fromByte < 0 || byteCount < 0 || fromByte > info.byteLength() - byteCount) {
            throw new IndexOutOfBoundsException("Bytes [" + fromByte + ", " + (fromByte + byteCount) + ") lie outside"
                    + " tensor '" + name + "' (" + info.byteLength() + " bytes) in " + path);
        }
        ensureOpen();
        return mapRegion(info.dataOffset() + fromByte, byteCount, name);
    }

    /**
     * The tensor's values widened (or, for F64, rounded) to {@code float}, in row-major order.
     *
     * @throws IllegalArgumentException if there is no such tensor, or its dtype is not F64, F32, F16 or BF16, or it
     *             has too many elements for a Java array
     */
    public float[] readFloats(String name) {
        TensorInfo info = info(name);
        DType dtype = info.dtype();
        if (!dtype.isFloatingPoint()) {
            throw new IllegalArgumentException("Tensor '" + name + "' in " + path + " has dtype " + dtype
                    + "; readFloats supports F64, F32, F16 and BF16");
        }
        long count = info.elementCount();
        if (count > Integer.MAX_VALUE - 8) {
            throw new IllegalArgumentException("Tensor '" + name + "' in " + path + " has " + count
                    + " elements, more than a Java array can hold");
        }
        float[] values = new float[(int) count];
        if (info.byteLength() <= Integer.MAX_VALUE) {
            FloatDecoding.decode(buffer(name), dtype, values, 0, values.length);
            return values;
        }
        int elementsDone = 0;
        for (long from = 0; from < info.byteLength(); from += MAX_PIECE_BYTES) {
            int pieceBytes = (int) Math.min(MAX_PIECE_BYTES, info.byteLength() - from);
            int pieceElements = pieceBytes / dtype.byteSize();
            FloatDecoding.decode(buffer(name, from, pieceBytes), dtype, values, elementsDone, pieceElements);
            elementsDone += pieceElements;
        }
        return values;
    }

    /** Releases the file channel. Idempotent. Buffers handed out before stay readable. */
    @Override
    public void close() throws IOException {
        synchronized (channelLock) {
            closed = true;
            channel.close();
        }
    }

    @Override
    public String toString() {
        return "SafetensorsFile[" + path + ", " + tensorNames.size() + " tensors]";
    }

    private ByteBuffer mapRegion(long position, long size, String tensor) {
        if (size == 0) {
            return ByteBuffer.allocate(0).asReadOnlyBuffer().order(ByteOrder.LITTLE_ENDIAN);
        }
        for (int attempt = 1;; attempt++) {
            FileChannel current = currentChannel();
            try {
                return current.map(FileChannel.MapMode.READ_ONLY, position, size).order(ByteOrder.LITTLE_ENDIAN);
            } catch (ClosedByInterruptException e) {
                // This thread was interrupted; the channel is closed for everyone now and is reopened on next use.
                throw new UncheckedIOException("Interrupted while mapping tensor '" + tensor + "' of " + path, e);
            } catch (ClosedChannelException e) {
                // Either close() ran, or another thread's interrupt closed the shared channel: reopen and retry.
                ensureOpen();
                if (attempt >= 3) {
                    throw new UncheckedIOException("Cannot map tensor '" + tensor + "' of " + path
                            + ": the channel keeps closing", e);
                }
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot map tensor '" + tensor + "' of " + path + ": " + e.getMessage(),
                        e);
            }
        }
    }

    private FileChannel currentChannel() {
        FileChannel current = channel;
        if (current.isOpen()) {
            return current;
        }
        synchronized (channelLock) {
            ensureOpen();
            if (!channel.isOpen()) {
                channel = reopen();
            }
            return channel;
        }
    }

    private FileChannel reopen() {
        try {
            FileChannel reopened = FileChannel.open(path, StandardOpenOption.READ);
            if (reopened.size() != fileSize) {
                reopened.close();
                throw new IOException(path + " changed size on disk since it was opened (" + fileSize + " -> "
                        + Files.size(path) + " bytes)");
            }
            return reopened;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot reopen " + path + ": " + e.getMessage(), e);
        }
    }

    private void ensureOpen() {
        if (closed) {
            throw new IllegalStateException(path + " was closed");
        }
    }
}
