package io.mechanist.store;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.mechanist.core.tensor.SafetensorsWriter;
import io.mechanist.model.StorageType;
import io.mechanist.store.internal.AtomicFiles;
import io.mechanist.store.internal.ShardLayout;

/**
 * One capture shard filled in place: its prompts and their positions are known before any row arrives, so the file
 * (a store temporary beside the shard's name) gets its header and index tensors at once, and each prompt's rows of
 * each site go straight to their offset as the forward pass produces them. No rows wait in memory; the bytes are
 * those {@link ShardBuilder} would encode for the same prompts. Written by one thread at a time; whether it is
 * complete is read by another after the writes (the caller orders them).
 */
final class StreamedShard {

    private final int index;
    private final Path temporary;
    private final Path target;
    private final FileChannel channel;
    private final List<ShardBuilder.Site> sites;
    private final StorageType storage;
    private final int firstPrompt;
    private final int[] tokenCounts;
    private final long[] promptRowStarts;
    private final int[] rowPositions;
    private final long[] siteStart;
    /** written[site][prompt - firstPrompt] */
    private final boolean[][] written;
    private final int[] sitesWritten;
    private final long size;

    private StreamedShard(int index, Path temporary, Path target, FileChannel channel, List<ShardBuilder.Site> sites,
            StorageType storage, int firstPrompt, int[] tokenCounts, long[] promptRowStarts, int[] rowPositions,
            SafetensorsWriter.Layout layout) {
        this.index = index;
        this.temporary = temporary;
        this.target = target;
        this.channel = channel;
        this.sites = sites;
        this.storage = storage;
        this.firstPrompt = firstPrompt;
        this.tokenCounts = tokenCounts;
        this.promptRowStarts = promptRowStarts;
        this.rowPositions = rowPositions;
        this.siteStart = sites.stream().mapToLong(s -> layout.dataStart().get(s.id())).toArray();
        this.written = new boolean[sites.size()][tokenCounts.length];
        this.sitesWritten = new int[tokenCounts.length];
        this.size = layout.fileSize();
    }

    /**
     * Creates shard number {@code index} of {@code captureFolder} for prompts {@code firstPrompt ..} (their token
     * counts and captured positions given), writing its header and index tensors into a fresh temporary.
     */
    static StreamedShard create(Path captureFolder, int index, String captureId, List<ShardBuilder.Site> sites,
            StorageType storage, int firstPrompt, int[] tokenCounts, int[][] positions) throws IOException {
        long[] rowStarts = new long[tokenCounts.length + 1];
        for (int p = 0; p < tokenCounts.length; p++) {
            rowStarts[p + 1] = rowStarts[p] + positions[p].length;
        }
        int[] rowPositions = new int[Math.toIntExact(rowStarts[tokenCounts.length])];
        for (int p = 0; p < tokenCounts.length; p++) {
            System.arraycopy(positions[p], 0, rowPositions, (int) rowStarts[p], positions[p].length);
        }
        SafetensorsWriter shard = ShardBuilder.shardWriter(captureId, sites, storage, firstPrompt, tokenCounts,
                rowStarts, rowPositions, i -> null);
        SafetensorsWriter.Layout layout = shard.layout();
        Path target = captureFolder.resolve(ShardLayout.shardFileName(index));
        Path temporary = captureFolder.resolve(AtomicFiles.temporaryName(target.getFileName().toString()));
        FileChannel channel = FileChannel.open(temporary, StandardOpenOption.CREATE_NEW, StandardOpenOption.READ,
                StandardOpenOption.WRITE);
        try {
            writeAt(channel, layout.header(), 0, target);
            for (Map.Entry<String, ShardBuilder.IndexTensor> tensor : ShardBuilder.indexTensors(firstPrompt,
                    tokenCounts, rowStarts, rowPositions).entrySet()) {
                writeAt(channel, tensor.getValue().bytes(), layout.dataStart().get(tensor.getKey()), target);
            }
            return new StreamedShard(index, temporary, target, channel, sites, storage, firstPrompt, tokenCounts,
                    rowStarts, rowPositions, layout);
        } catch (IOException | RuntimeException | Error e) {
            try (FileChannel opened = channel) {
                Files.deleteIfExists(temporary);
            } catch (IOException cleanup) {
                e.addSuppressed(cleanup);
            }
            throw e;
        }
    }

    int index() {
        return index;
    }

    int firstPrompt() {
        return firstPrompt;
    }

    /** One past the last prompt. */
    int endPrompt() {
        return firstPrompt + tokenCounts.length;
    }

    int promptCount() {
        return tokenCounts.length;
    }

    long rowCount() {
        return rowPositions.length;
    }

    boolean holds(int prompt) {
        return prompt >= firstPrompt && prompt < endPrompt();
    }

    /**
     * Writes prompt {@code prompt}'s rows of site {@code siteIndex}, every captured position in order, at their
     * place in the file. {@code scratch} is a little-endian buffer for the bytes.
     */
    synchronized void write(int siteIndex, int prompt, PromptRows rows, ByteBuffer scratch) throws IOException {
        ShardBuilder.Site site = sites.get(siteIndex);
        int p = prompt - firstPrompt;
        long rowsOfPrompt = promptRowStarts[p + 1] - promptRowStarts[p];
        if (rows.length() != rowsOfPrompt * site.width()) {
            throw new IllegalArgumentException("prompt " + prompt + ", site " + site.id() + ": expected " + rowsOfPrompt
                    + " rows x " + site.width() + " = " + rowsOfPrompt * site.width() + " values, got " + rows.length());
        }
        if (rows instanceof PromptRows.Halves && storage != StorageType.F16) {
            throw new IllegalArgumentException("prompt " + prompt + ", site " + site.id()
                    + ": float16 rows for a capture stored as " + storage);
        }
        if (written[siteIndex][p]) {
            throw new IllegalStateException("prompt " + prompt + ", site " + site.id() + ": rows already written");
        }
        int elementBytes = storage == StorageType.F16 ? 2 : 4;
        long at = siteStart[siteIndex] + promptRowStarts[p] * site.width() * elementBytes;
        int perPiece = scratch.capacity() / elementBytes;
        short[] narrowed = rows instanceof PromptRows.Floats && storage == StorageType.F16
                ? new short[Math.min(perPiece, rows.length())] : null;
        for (int from = 0; from < rows.length(); from += perPiece) {
            int count = Math.min(perPiece, rows.length() - from);
            scratch.clear();
            switch (rows) {
                case PromptRows.Halves halves -> scratch.asShortBuffer().put(halves.bits(), from, count);
                case PromptRows.Floats floats when narrowed != null -> {
                    ShardBuilder.narrowToF16(floats.values(), from, count, narrowed);
                    scratch.asShortBuffer().put(narrowed, 0, count);
                }
                case PromptRows.Floats floats -> scratch.asFloatBuffer().put(floats.values(), from, count);
            }
            scratch.limit(count * elementBytes);
            writeAt(channel, scratch, at + (long) from * elementBytes, target);
        }
        written[siteIndex][p] = true;
        sitesWritten[p]++;
    }

    /** Whether every site's rows of {@code prompt} were written. */
    synchronized boolean promptComplete(int prompt) {
        return sitesWritten[prompt - firstPrompt] == sites.size();
    }

    /** The sites whose rows of {@code prompt} are missing. */
    synchronized List<String> missingSites(int prompt) {
        int p = prompt - firstPrompt;
        return java.util.stream.IntStream.range(0, sites.size()).filter(s -> !written[s][p])
                .mapToObj(s -> sites.get(s).id()).toList();
    }

    /** Number of leading prompts whose rows are all written. */
    synchronized int completePrefix() {
        int p = 0;
        while (p < sitesWritten.length && sitesWritten[p] == sites.size()) {
            p++;
        }
        return p;
    }

    synchronized boolean complete() {
        return completePrefix() == tokenCounts.length;
    }

    /**
     * Forces the complete file to disk, hashes it, renames it to its shard name and forces the folder, as
     * {@link AtomicFiles#write} does; a failure deletes the temporary.
     */
    synchronized AtomicFiles.Written commit() throws IOException {
        try {
            if (channel.size() != size) {
                throw new IOException(temporary + ": " + channel.size() + " bytes written of " + size);
            }
            AtomicFiles.Written sealed = AtomicFiles.seal(temporary, target, channel);
            channel.close();
            AtomicFiles.publish(temporary, target);
            return sealed;
        } catch (IOException | RuntimeException | Error e) {
            discard(e);
            throw e;
        }
    }

    /** The rows of {@code prompt} (complete) read back from the file, by site id, for a shard encoded in memory. */
    synchronized Map<String, PromptRows> readPrompt(int prompt) throws IOException {
        int p = prompt - firstPrompt;
        Map<String, PromptRows> bySite = new LinkedHashMap<>();
        int elementBytes = storage == StorageType.F16 ? 2 : 4;
        for (int s = 0; s < sites.size(); s++) {
            ShardBuilder.Site site = sites.get(s);
            long values = (promptRowStarts[p + 1] - promptRowStarts[p]) * site.width();
            ByteBuffer bytes = ByteBuffer.allocate(Math.toIntExact(values * elementBytes)).order(ByteOrder.LITTLE_ENDIAN);
            long at = siteStart[s] + promptRowStarts[p] * site.width() * elementBytes;
            while (bytes.hasRemaining()) {
                if (channel.read(bytes, at + bytes.position()) < 0) {
                    throw new IOException(temporary + ": ends before the rows of prompt " + prompt + ", site " + site.id());
                }
            }
            bytes.flip();
            if (storage == StorageType.F16) {
                short[] bits = new short[(int) values];
                bytes.asShortBuffer().get(bits);
                bySite.put(site.id(), new PromptRows.Halves(bits));
            } else {
                float[] floats = new float[(int) values];
                bytes.asFloatBuffer().get(floats);
                bySite.put(site.id(), new PromptRows.Floats(floats));
            }
        }
        return bySite;
    }

    /** Closes and deletes the temporary (what is not committed is recomputed by a resume). */
    synchronized void discard(Throwable failure) {
        try (FileChannel opened = channel) {
            Files.deleteIfExists(temporary);
        } catch (IOException e) {
            if (failure != null) {
                failure.addSuppressed(e);
            }
        }
    }

    private static void writeAt(FileChannel channel, ByteBuffer bytes, long position, Path target) throws IOException {
        try {
            for (long at = position; bytes.hasRemaining();) {
                at += channel.write(bytes, at);
            }
        } catch (java.nio.file.FileSystemException named) {
            throw named;
        } catch (IOException unnamed) {
            String reason = unnamed.getMessage() == null ? unnamed.getClass().getSimpleName() : unnamed.getMessage();
            throw new IOException("cannot write " + target + ": " + reason, unnamed);
        }
    }
}
