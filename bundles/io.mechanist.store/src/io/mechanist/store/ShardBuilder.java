package io.mechanist.store;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.IntFunction;

import io.mechanist.core.tensor.DType;
import io.mechanist.core.tensor.HalfFloats;
import io.mechanist.core.tensor.SafetensorsWriter;
import io.mechanist.model.StorageType;
import io.mechanist.store.internal.AtomicFiles;
import io.mechanist.store.internal.ShardLayout;

/**
 * Buffers the rows of consecutive prompts of one capture and encodes them as one capture shard
 * (docs/store-format.md). {@link CaptureWriter} fills one per shard; a process that computes a block of prompts
 * away from the store's writer (a Spark executor) fills one and {@linkplain #stage stages} it under a temporary
 * name, for the writer to {@linkplain CaptureWriter#commitStaged commit}. Not thread-safe.
 */
public final class ShardBuilder {

    /** A captured site: its id and the shape of one row ({@code [d_model]}, {@code [head, key]}, ...). */
    public record Site(String id, int[] rowShape) implements java.io.Serializable {
        public Site {
            rowShape = rowShape.clone();
        }

        /** Floats in one row. */
        public int width() {
            return Arrays.stream(rowShape).reduce(1, Math::multiplyExact);
        }
    }

    /**
     * A shard file written under a temporary name in its capture folder, forced to disk, not yet part of the
     * capture: {@code temporaryName} (a store temporary, {@code .shard-NNNNN.safetensors.<hex>.tmp}), its size and
     * SHA-256, and the prompts it holds.
     */
    public record Staged(String temporaryName, long size, String sha256, int firstPrompt, int promptCount,
            long rowCount) implements java.io.Serializable {
    }

    private final String captureId;
    private final List<Site> sites;
    private final StorageType storage;
    private int firstPrompt;
    private int bufferedPrompts;
    private long bufferedRows;
    private final ByteBuffer[] siteBuffers;
    private int[] rowPositions = new int[1024];
    private long[] promptRowStarts = new long[65];
    private int[] tokenCounts = new int[64];
    private final long capacityHint;
    private final short[] f16Block = new short[8192];

    /**
     * @param firstPrompt dataset index of the shard's first prompt
     * @param capacityHint expected bytes of the shard (buffers grow to about this much at once)
     */
    public ShardBuilder(String captureId, List<Site> sites, StorageType storage, int firstPrompt, long capacityHint) {
        this.captureId = captureId;
        this.sites = List.copyOf(sites);
        this.storage = storage;
        this.firstPrompt = firstPrompt;
        this.capacityHint = capacityHint;
        this.siteBuffers = new ByteBuffer[sites.size()];
    }

    /** Bytes of one prompt's rows at every site, given its number of captured positions. */
    public static long promptBytes(List<Site> sites, StorageType storage, int positions) {
        long width = sites.stream().mapToLong(Site::width).sum();
        return positions * width * (storage == StorageType.F16 ? 2 : 4);
    }

    public int firstPrompt() {
        return firstPrompt;
    }

    public int bufferedPrompts() {
        return bufferedPrompts;
    }

    public long bufferedRows() {
        return bufferedRows;
    }

    /** Bytes of the activations buffered so far. */
    public long bufferedBytes() {
        long total = 0;
        for (ByteBuffer buffer : siteBuffers) {
            total += buffer == null ? 0 : buffer.position();
        }
        return total;
    }

    /**
     * Adds the next prompt: {@code rowsBySite.get(site)} holds {@code [positions.length, rowWidth]} floats,
     * row-major, rows in the order of {@code positions} (ascending token positions).
     *
     * @throws IllegalArgumentException if a site is missing or unknown, or a length does not match
     */
    public void add(int prompt, int tokenCount, int[] positions, Map<String, float[]> rowsBySite) {
        addRows(prompt, tokenCount, positions, PromptRows.floats(rowsBySite));
    }

    /**
     * As {@link #add}, with each site's rows as float32 values or, when the capture is stored as F16, float16 bits
     * already narrowed (written unchanged).
     *
     * @throws IllegalArgumentException as {@link #add}, or for float16 rows in an F32 capture
     */
    public void addRows(int prompt, int tokenCount, int[] positions, Map<String, PromptRows> rowsBySite) {
        if (prompt != firstPrompt + bufferedPrompts) {
            throw new IllegalArgumentException("capture " + captureId + ": expected prompt "
                    + (firstPrompt + bufferedPrompts) + ", got " + prompt);
        }
        if (rowsBySite.size() != sites.size()) {
            throw new IllegalArgumentException("capture " + captureId + ", prompt " + prompt + ": got sites "
                    + rowsBySite.keySet() + ", expected " + sites.stream().map(Site::id).toList());
        }
        for (Site site : sites) {
            PromptRows rows = rowsBySite.get(site.id());
            if (rows == null) {
                throw new IllegalArgumentException("capture " + captureId + ", prompt " + prompt + ": no rows for site " + site.id());
            }
            if (rows.length() != (long) positions.length * site.width()) {
                throw new IllegalArgumentException("capture " + captureId + ", prompt " + prompt + ", site " + site.id()
                        + ": expected " + positions.length + " rows x " + site.width() + " = "
                        + (long) positions.length * site.width() + " values, got " + rows.length());
            }
            if (rows instanceof PromptRows.Halves && storage != StorageType.F16) {
                throw new IllegalArgumentException("capture " + captureId + ", prompt " + prompt + ", site " + site.id()
                        + ": float16 rows for a capture stored as " + storage);
            }
        }
        for (int i = 0; i < sites.size(); i++) {
            append(i, rowsBySite.get(sites.get(i).id()));
        }
        ensureIndexCapacity(positions.length);
        System.arraycopy(positions, 0, rowPositions, (int) bufferedRows, positions.length);
        tokenCounts[bufferedPrompts] = tokenCount;
        bufferedRows += positions.length;
        bufferedPrompts++;
        promptRowStarts[bufferedPrompts] = bufferedRows;
    }

    /** The buffered prompts as shard tensors and metadata. */
    SafetensorsWriter encode() {
        int[] positions = Arrays.copyOf(rowPositions, Math.toIntExact(bufferedRows));
        return shardWriter(captureId, sites, storage, firstPrompt, Arrays.copyOf(tokenCounts, bufferedPrompts),
                Arrays.copyOf(promptRowStarts, bufferedPrompts + 1), positions,
                i -> siteBuffers[i] == null ? ByteBuffer.allocate(0) : siteBuffers[i].duplicate().flip());
    }

    /**
     * A shard's tensors and metadata (docs/store-format.md): prompts {@code firstPrompt, firstPrompt + 1, ...} with
     * their token counts, the row each starts at ({@code promptRowStarts}, one more than the prompts) and each row's
     * token position. {@code siteBytes} gives the rows of site i; where it gives null the site's tensor is only
     * {@linkplain SafetensorsWriter#reserve reserved}, for a caller that writes the rows into the file itself.
     */
    static SafetensorsWriter shardWriter(String captureId, List<Site> sites, StorageType storage, int firstPrompt,
            int[] tokenCounts, long[] promptRowStarts, int[] rowPositions, IntFunction<ByteBuffer> siteBytes) {
        int promptCount = tokenCounts.length;
        long rowCount = rowPositions.length;
        DType dtype = storage == StorageType.F16 ? DType.F16 : DType.F32;
        SafetensorsWriter shard = new SafetensorsWriter()
                .metadata("format", ShardLayout.SHARD_FORMAT)
                .metadata("capture_id", captureId)
                .metadata("first_prompt", Integer.toString(firstPrompt))
                .metadata("prompt_count", Integer.toString(promptCount))
                .metadata("row_count", Long.toString(rowCount))
                .metadata("storage", dtype.safetensorsName())
                .metadata("sites", String.join(",", sites.stream().map(Site::id).toList()));
        for (int i = 0; i < sites.size(); i++) {
            Site site = sites.get(i);
            long[] shape = new long[site.rowShape().length + 1];
            shape[0] = rowCount;
            for (int d = 0; d < site.rowShape().length; d++) {
                shape[d + 1] = site.rowShape()[d];
            }
            ByteBuffer bytes = siteBytes.apply(i);
            if (bytes == null) {
                shard.reserve(site.id(), dtype, shape);
            } else {
                shard.addRaw(site.id(), dtype, shape, bytes);
            }
        }
        indexTensors(firstPrompt, tokenCounts, promptRowStarts, rowPositions)
                .forEach((name, tensor) -> shard.addRaw(name, tensor.dtype(), tensor.shape(), tensor.bytes()));
        return shard;
    }

    /** One of a shard's index tensors: its dtype, shape and little-endian bytes. */
    record IndexTensor(DType dtype, long[] shape, ByteBuffer bytes) {
    }

    /** The shard's index tensors by name (docs/store-format.md), in the order {@link #shardWriter} adds them. */
    static Map<String, IndexTensor> indexTensors(int firstPrompt, int[] tokenCounts, long[] promptRowStarts,
            int[] rowPositions) {
        int promptCount = tokenCounts.length;
        ByteBuffer promptIndex = ints(promptCount);
        ByteBuffer tokenCountsOfShard = ints(promptCount);
        for (int p = 0; p < promptCount; p++) {
            promptIndex.putInt(firstPrompt + p);
            tokenCountsOfShard.putInt(tokenCounts[p]);
        }
        ByteBuffer rowStarts = ByteBuffer.allocate(Math.multiplyExact(promptCount + 1, 8)).order(ByteOrder.LITTLE_ENDIAN);
        for (int p = 0; p <= promptCount; p++) {
            rowStarts.putLong(promptRowStarts[p]);
        }
        ByteBuffer positions = ints(rowPositions.length);
        for (int position : rowPositions) {
            positions.putInt(position);
        }
        Map<String, IndexTensor> tensors = new java.util.LinkedHashMap<>();
        tensors.put(ShardLayout.PROMPT_INDEX, new IndexTensor(DType.I32, new long[] {promptCount}, promptIndex.flip()));
        tensors.put(ShardLayout.PROMPT_TOKEN_COUNT,
                new IndexTensor(DType.I32, new long[] {promptCount}, tokenCountsOfShard.flip()));
        tensors.put(ShardLayout.PROMPT_ROW_START,
                new IndexTensor(DType.I64, new long[] {promptCount + 1L}, rowStarts.flip()));
        tensors.put(ShardLayout.ROW_POSITION,
                new IndexTensor(DType.I32, new long[] {rowPositions.length}, positions.flip()));
        return tensors;
    }

    /**
     * Writes the buffered prompts as shard number {@code shardIndex} of {@code captureFolder} under a fresh
     * temporary name there and forces it to disk; the capture is unchanged until a writer commits it. Several
     * attempts at one shard (a retried or speculative task) stage different files, and only the committed one
     * becomes the shard; a store opened for writing deletes the others as the temporaries they are.
     */
    public Staged stage(Path captureFolder, int shardIndex) throws IOException {
        Path target = captureFolder.resolve(ShardLayout.shardFileName(shardIndex));
        AtomicFiles.Staged staged = AtomicFiles.stage(target, encode()::writeTo);
        return new Staged(staged.temporary().getFileName().toString(), staged.size(), staged.sha256(), firstPrompt,
                bufferedPrompts, bufferedRows);
    }

    /** Empties the buffers; the next prompt added is {@code nextFirstPrompt}. */
    void clear(int nextFirstPrompt) {
        firstPrompt = nextFirstPrompt;
        bufferedPrompts = 0;
        bufferedRows = 0;
        for (ByteBuffer buffer : siteBuffers) {
            if (buffer != null) {
                buffer.clear();
            }
        }
    }

    private void append(int siteIndex, PromptRows rows) {
        int elementBytes = storage == StorageType.F16 ? 2 : 4;
        long needed = (long) rows.length() * elementBytes;
        ByteBuffer buffer = siteBuffers[siteIndex];
        if (buffer == null || buffer.remaining() < needed) {
            long have = buffer == null ? 0 : buffer.position();
            long capacity = Math.max(have + needed, Math.min(Math.max(2 * have, 1 << 16), capacityHint / sites.size() + needed));
            if (capacity > Integer.MAX_VALUE - 16) {
                throw new IllegalStateException("capture " + captureId + ": one shard's rows of site "
                        + sites.get(siteIndex).id() + " exceed 2 GiB; use a smaller shard size");
            }
            ByteBuffer grown = ByteBuffer.allocate((int) capacity).order(ByteOrder.LITTLE_ENDIAN);
            if (buffer != null) {
                grown.put(buffer.flip());
            }
            buffer = grown;
            siteBuffers[siteIndex] = buffer;
        }
        switch (rows) {
            case PromptRows.Halves halves -> {
                buffer.asShortBuffer().put(halves.bits());
                buffer.position(Math.toIntExact(buffer.position() + needed));
            }
            case PromptRows.Floats floats when storage == StorageType.F16 -> appendF16(buffer, floats.values());
            case PromptRows.Floats floats -> {
                buffer.asFloatBuffer().put(floats.values());
                buffer.position(Math.toIntExact(buffer.position() + needed));
            }
        }
    }

    /**
     * Appends {@code rows} narrowed to F16, in blocks through a reused scratch array: the JDK's conversion (a vector
     * instruction on current CPUs) for every value, then {@link HalfFloats#floatToF16} again for NaNs, whose payload
     * the JDK may keep otherwise. Both round to nearest even, so the bits are those of {@code HalfFloats} throughout
     * ({@code ShardF16Test} pins it).
     */
    private void appendF16(ByteBuffer buffer, float[] rows) {
        short[] block = f16Block;
        java.nio.ShortBuffer out = buffer.asShortBuffer();
        for (int from = 0; from < rows.length; from += block.length) {
            int count = Math.min(block.length, rows.length - from);
            narrowToF16(rows, from, count, block);
            out.put(block, 0, count);
        }
        buffer.position(buffer.position() + 2 * rows.length);
    }

    /** {@code count} values of {@code rows} from {@code from} narrowed to F16 bits, as every F16 shard stores them. */
    static void narrowToF16(float[] rows, int from, int count, short[] out) {
        for (int i = 0; i < count; i++) {
            out[i] = Float.floatToFloat16(rows[from + i]);
        }
        for (int i = 0; i < count; i++) {
            float v = rows[from + i];
            if (v != v) {
                out[i] = HalfFloats.floatToF16(v);
            }
        }
    }

    private void ensureIndexCapacity(int newRows) {
        if (bufferedRows + newRows > rowPositions.length) {
            rowPositions = Arrays.copyOf(rowPositions, (int) Math.max(2L * rowPositions.length, bufferedRows + newRows));
        }
        if (bufferedPrompts + 2 > promptRowStarts.length) {
            promptRowStarts = Arrays.copyOf(promptRowStarts, 2 * promptRowStarts.length);
        }
        if (bufferedPrompts + 1 > tokenCounts.length) {
            tokenCounts = Arrays.copyOf(tokenCounts, 2 * tokenCounts.length);
        }
    }

    private static ByteBuffer ints(int count) {
        return ByteBuffer.allocate(Math.multiplyExact(count, 4)).order(ByteOrder.LITTLE_ENDIAN);
    }
}
