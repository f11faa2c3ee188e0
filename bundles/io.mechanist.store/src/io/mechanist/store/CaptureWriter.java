package io.mechanist.store;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import io.mechanist.core.tensor.DType;
import io.mechanist.core.tensor.HalfFloats;
import io.mechanist.core.tensor.SafetensorsFile;
import io.mechanist.core.tensor.SafetensorsWriter;
import io.mechanist.model.Capture;
import io.mechanist.model.CaptureStatus;
import io.mechanist.model.Dataset;
import io.mechanist.model.HookSiteRef;
import io.mechanist.model.MechanistFactory;
import io.mechanist.model.PositionSelection;
import io.mechanist.model.Prompt;
import io.mechanist.model.Provenance;
import io.mechanist.model.Shard;
import io.mechanist.model.StorageType;
import io.mechanist.model.Store;
import io.mechanist.store.internal.AtomicFiles;
import io.mechanist.store.internal.CaptureReader;
import io.mechanist.store.internal.ModelLookup;
import io.mechanist.store.internal.Positions;
import io.mechanist.store.internal.ShardLayout;

/**
 * Streams one capture into its store, prompt by prompt in dataset order. Rows are buffered up to the shard size,
 * then written as one shard file (atomically) and committed to the metadata; memory use is bounded by the shard
 * size whatever the capture's total size.
 * <p>
 * {@link #complete()} commits the last shard and marks the capture COMPLETE. {@link #close()} without
 * {@code complete()} commits what is buffered and leaves the capture INCOMPLETE (resumable). A process killed
 * while writing loses at most the prompts after the last committed shard. Not thread-safe: one thread writes.
 */
public final class CaptureWriter implements AutoCloseable {

    private record Site(String id, int[] rowShape, int width) {
    }

    private final ActivationStore store;
    private final String captureId;
    private final Path captureFolder;
    private final List<Site> sites;
    private final StorageType storage;
    private final long shardBytes;
    private final PositionSelection selection;
    private final int[] tokenCounts;
    private int nextPrompt;
    private int nextShardIndex;
    private boolean finished;

    // the shard being filled
    private int bufferedPrompts;
    private long bufferedRows;
    private final ByteBuffer[] siteBuffers;
    private int[] rowPositions = new int[1024];
    private long[] promptRowStarts = new long[65];

    private CaptureWriter(ActivationStore store, String captureId, Path captureFolder, List<Site> sites,
            StorageType storage, long shardBytes, PositionSelection selection, int[] tokenCounts, int nextPrompt,
            int nextShardIndex) {
        this.store = store;
        this.captureId = captureId;
        this.captureFolder = captureFolder;
        this.sites = sites;
        this.storage = storage;
        this.shardBytes = shardBytes;
        this.selection = selection;
        this.tokenCounts = tokenCounts;
        this.nextPrompt = nextPrompt;
        this.nextShardIndex = nextShardIndex;
        this.siteBuffers = new ByteBuffer[sites.size()];
    }

    /** Creates the capture's model record (INCOMPLETE, no shards); runs inside a commit. */
    static Capture newCaptureRecord(Store store, String id, CaptureSpec spec) {
        if (store.getCaptures().stream().anyMatch(c -> id.equals(c.getId()))) {
            throw new IllegalArgumentException("the store already has a capture '" + id + "'");
        }
        if (spec.sites.isEmpty()) {
            throw new IllegalArgumentException("capture " + id + ": no hook sites to capture");
        }
        Dataset dataset = ModelLookup.dataset(store, spec.datasetId);
        MechanistFactory factory = MechanistFactory.eINSTANCE;
        Capture capture = factory.createCapture();
        capture.setId(id);
        capture.setName(spec.name != null ? spec.name : id);
        capture.setCreatedAt(new Date());
        capture.setModel(ModelLookup.model(store, spec.modelId));
        capture.setDataset(dataset);
        capture.setStorageType(spec.storage);
        capture.setStatus(CaptureStatus.INCOMPLETE);
        capture.setFolder(ShardLayout.CAPTURES + "/" + id);
        capture.setPlannedPrompts(dataset.getPrompts().size());
        spec.sites.forEach((siteId, shape) -> {
            HookSiteRef site = factory.createHookSiteRef();
            site.setSiteId(siteId);
            for (int d : shape) {
                site.getRowShape().add(d);
            }
            capture.getSites().add(site);
        });
        PositionSelection positions = factory.createPositionSelection();
        positions.setKind(spec.positionKind);
        positions.setStart(spec.rangeStart);
        positions.setEnd(spec.rangeEnd);
        positions.getPositions().addAll(spec.positionList);
        capture.setPositions(positions);
        Provenance provenance = factory.createProvenance();
        provenance.setTool("mechanist");
        provenance.setCreatedAt(new Date());
        provenance.getParameters().putAll(spec.parameters);
        provenance.getParameters().put("shard_bytes", Long.toString(spec.shardBytes));
        provenance.getVersions().putAll(spec.versions);
        if (!provenance.getVersions().containsKey("java")) {
            provenance.getVersions().put("java", System.getProperty("java.version"));
        }
        capture.setProvenance(provenance);
        store.getCaptures().add(capture);
        return capture;
    }

    /**
     * A writer continuing after the capture's committed shards. The capture's folder must lie inside the store, and
     * hold no shard files the metadata does not record, except the one an interrupted commit may leave: the next
     * shard, written by this capture from its first uncommitted prompt, which the writer then replaces.
     */
    static CaptureWriter start(ActivationStore store, String captureId, long shardBytes) throws IOException {
        CaptureWriter writer;
        try {
            writer = store.read(s -> continuing(store, ModelLookup.capture(s, captureId), shardBytes));
        } catch (java.io.UncheckedIOException e) {
            throw e.getCause();
        }
        store.paths().requireInsideOnDisk(writer.captureFolder, "folder of capture '" + captureId + "'");
        Files.createDirectories(writer.captureFolder);
        writer.checkUnrecordedShards();
        return writer;
    }

    /** A writer after the committed shards of {@code capture}; runs under the store's read lock. */
    private static CaptureWriter continuing(ActivationStore store, Capture capture, long shardBytes) {
        Path folder;
        try {
            folder = store.paths().captureFolder(capture);
            // The reader checks the shards, counts and shapes the metadata records, as a resume must.
            CaptureReader.snapshot(store.paths(), capture).close();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        List<Site> sites = capture.getSites().stream().map(site -> {
            int[] shape = site.getRowShape().stream().mapToInt(Integer::intValue).toArray();
            return new Site(site.getSiteId(), shape, Arrays.stream(shape).reduce(1, Math::multiplyExact));
        }).toList();
        int[] tokenCounts = capture.getDataset().getPrompts().stream().mapToInt(p -> p.getTokenIds().size())
                .toArray();
        int committed = capture.getShards().stream().mapToInt(Shard::getPromptCount).sum();
        PositionSelection selection = org.eclipse.emf.ecore.util.EcoreUtil.copy(capture.getPositions());
        return new CaptureWriter(store, capture.getId(), folder, sites, capture.getStorageType(), shardBytes,
                selection, tokenCounts, committed, capture.getShards().size());
    }

    /**
     * Refuses to write into a capture folder holding shards that the metadata does not record, other than the
     * leftover of an interrupted commit (see {@link #start}): they may be data whose newer store.xmi was lost.
     */
    private void checkUnrecordedShards() throws IOException {
        List<String> recorded = store.read(s -> ModelLookup.capture(s, captureId).getShards().stream()
                .map(Shard::getFile).toList());
        List<String> unrecorded;
        try (Stream<Path> files = Files.list(captureFolder)) {
            unrecorded = files.map(f -> f.getFileName().toString())
                    .filter(name -> ShardLayout.isShardFileName(name) && !recorded.contains(name)).sorted().toList();
        }
        if (unrecorded.isEmpty()) {
            return;
        }
        String next = ShardLayout.shardFileName(nextShardIndex);
        if (unrecorded.equals(List.of(next)) && isInterruptedCommit(captureFolder.resolve(next))) {
            return;
        }
        throw new IOException(captureFolder + " holds shard files that " + ShardLayout.STORE_FILE + " does not record "
                + unrecorded + "; Mechanist will not write over them. If " + ShardLayout.STORE_FILE
                + " was replaced by an older copy, restore the newer one; otherwise move these files away");
    }

    /** Whether {@code file} is this capture's shard starting at its first uncommitted prompt, as a commit writes it. */
    private boolean isInterruptedCommit(Path file) {
        if (!Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)) {
            return false;
        }
        try (SafetensorsFile shard = SafetensorsFile.open(file)) {
            Map<String, String> metadata = shard.metadata();
            return ShardLayout.SHARD_FORMAT.equals(metadata.get("format")) && captureId.equals(metadata.get("capture_id"))
                    && Integer.toString(nextPrompt).equals(metadata.get("first_prompt"));
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }

    public String captureId() {
        return captureId;
    }

    /** Index of the next prompt to write (the first one after what is committed or buffered). */
    public int nextPrompt() {
        return nextPrompt;
    }

    /** Number of prompts in the dataset, i.e. what {@link #complete()} expects to have been written. */
    public int promptCount() {
        return tokenCounts.length;
    }

    /** The token positions to capture for {@code prompt}: the rows {@link #writePrompt} expects, in order. */
    public int[] positions(int prompt) {
        return Positions.resolve(selection, tokenCounts[java.util.Objects.checkIndex(prompt, tokenCounts.length)]);
    }

    /**
     * Writes the rows of the next prompt for every captured site: {@code rowsBySite.get(site)} holds
     * {@code [positions(prompt).length, rowWidth]} floats, row-major, rows in the order of {@link #positions}.
     *
     * @throws IllegalArgumentException if the prompt is not the next one, a site is missing or unknown, or a
     *             length does not match
     */
    public void writePrompt(int prompt, Map<String, float[]> rowsBySite) throws IOException {
        if (finished) {
            throw new IllegalStateException("capture " + captureId + ": writer is closed");
        }
        if (prompt != nextPrompt) {
            throw new IllegalArgumentException("capture " + captureId + ": expected prompt " + nextPrompt + ", got " + prompt);
        }
        int[] positions = positions(prompt);
        if (rowsBySite.size() != sites.size()) {
            throw new IllegalArgumentException("capture " + captureId + ", prompt " + prompt + ": got sites "
                    + rowsBySite.keySet() + ", expected " + sites.stream().map(Site::id).toList());
        }
        for (Site site : sites) {
            float[] rows = rowsBySite.get(site.id());
            if (rows == null) {
                throw new IllegalArgumentException("capture " + captureId + ", prompt " + prompt + ": no rows for site " + site.id());
            }
            if (rows.length != (long) positions.length * site.width()) {
                throw new IllegalArgumentException("capture " + captureId + ", prompt " + prompt + ", site " + site.id()
                        + ": expected " + positions.length + " rows x " + site.width() + " = "
                        + (long) positions.length * site.width() + " floats, got " + rows.length);
            }
        }
        for (int i = 0; i < sites.size(); i++) {
            append(i, rowsBySite.get(sites.get(i).id()));
        }
        ensureIndexCapacity(positions.length);
        System.arraycopy(positions, 0, rowPositions, (int) bufferedRows, positions.length);
        bufferedRows += positions.length;
        bufferedPrompts++;
        promptRowStarts[bufferedPrompts] = bufferedRows;
        nextPrompt++;
        if (bufferedBytes() >= shardBytes) {
            flush();
        }
    }

    /** Writes and commits the buffered prompts as a shard now (no-op if nothing is buffered). */
    public void flush() throws IOException {
        if (bufferedPrompts == 0) {
            return;
        }
        int firstPrompt = nextPrompt - bufferedPrompts;
        String fileName = ShardLayout.shardFileName(nextShardIndex);
        DType dtype = storage == StorageType.F16 ? DType.F16 : DType.F32;
        SafetensorsWriter shard = new SafetensorsWriter()
                .metadata("format", ShardLayout.SHARD_FORMAT)
                .metadata("capture_id", captureId)
                .metadata("first_prompt", Integer.toString(firstPrompt))
                .metadata("prompt_count", Integer.toString(bufferedPrompts))
                .metadata("row_count", Long.toString(bufferedRows))
                .metadata("storage", dtype.safetensorsName())
                .metadata("sites", String.join(",", sites.stream().map(Site::id).toList()));
        for (int i = 0; i < sites.size(); i++) {
            Site site = sites.get(i);
            long[] shape = new long[site.rowShape().length + 1];
            shape[0] = bufferedRows;
            for (int d = 0; d < site.rowShape().length; d++) {
                shape[d + 1] = site.rowShape()[d];
            }
            ByteBuffer bytes = siteBuffers[i] == null ? ByteBuffer.allocate(0) : siteBuffers[i].duplicate().flip();
            shard.addRaw(site.id(), dtype, shape, bytes);
        }
        ByteBuffer promptIndex = ints(bufferedPrompts);
        ByteBuffer tokenCountsOfShard = ints(bufferedPrompts);
        for (int p = 0; p < bufferedPrompts; p++) {
            promptIndex.putInt(firstPrompt + p);
            tokenCountsOfShard.putInt(tokenCounts[firstPrompt + p]);
        }
        ByteBuffer rowStarts = ByteBuffer.allocate(Math.multiplyExact(bufferedPrompts + 1, 8)).order(ByteOrder.LITTLE_ENDIAN);
        for (int p = 0; p <= bufferedPrompts; p++) {
            rowStarts.putLong(promptRowStarts[p]);
        }
        ByteBuffer positions = ints(Math.toIntExact(bufferedRows));
        for (int r = 0; r < bufferedRows; r++) {
            positions.putInt(rowPositions[r]);
        }
        shard.addRaw(ShardLayout.PROMPT_INDEX, DType.I32, new long[] {bufferedPrompts}, promptIndex.flip());
        shard.addRaw(ShardLayout.PROMPT_TOKEN_COUNT, DType.I32, new long[] {bufferedPrompts}, tokenCountsOfShard.flip());
        shard.addRaw(ShardLayout.PROMPT_ROW_START, DType.I64, new long[] {bufferedPrompts + 1L}, rowStarts.flip());
        shard.addRaw(ShardLayout.ROW_POSITION, DType.I32, new long[] {bufferedRows}, positions.flip());

        // Data first, then the metadata that points at it.
        AtomicFiles.Written written = AtomicFiles.write(captureFolder.resolve(fileName), shard::writeTo);
        int promptCount = bufferedPrompts;
        long rowCount = bufferedRows;
        store.update(s -> {
            Shard entry = MechanistFactory.eINSTANCE.createShard();
            entry.setFile(fileName);
            entry.setSize(written.size());
            entry.setSha256(written.sha256());
            entry.setFirstPrompt(firstPrompt);
            entry.setPromptCount(promptCount);
            entry.setRowCount(rowCount);
            ModelLookup.capture(s, captureId).getShards().add(entry);
        });
        nextShardIndex++;
        bufferedPrompts = 0;
        bufferedRows = 0;
        for (ByteBuffer buffer : siteBuffers) {
            if (buffer != null) {
                buffer.clear();
            }
        }
    }

    /**
     * Commits the remaining rows and marks the capture COMPLETE.
     *
     * @throws IllegalStateException if not every prompt of the dataset was written
     */
    public void complete() throws IOException {
        if (nextPrompt != tokenCounts.length) {
            throw new IllegalStateException("capture " + captureId + ": " + nextPrompt + " of " + tokenCounts.length
                    + " prompts written; write the rest before completing");
        }
        flush();
        store.update(s -> {
            Capture capture = ModelLookup.capture(s, captureId);
            capture.setStatus(CaptureStatus.COMPLETE);
            capture.setCompletedAt(new Date());
        });
        finish();
    }

    /** Commits what is buffered; the capture stays INCOMPLETE unless {@link #complete()} was called. */
    @Override
    public void close() throws IOException {
        if (finished) {
            return;
        }
        try {
            flush();
        } finally {
            finish();
        }
    }

    private void finish() {
        finished = true;
        store.writerClosed(captureId);
    }

    private long bufferedBytes() {
        long total = 0;
        for (ByteBuffer buffer : siteBuffers) {
            total += buffer == null ? 0 : buffer.position();
        }
        return total;
    }

    private void append(int siteIndex, float[] rows) {
        int elementBytes = storage == StorageType.F16 ? 2 : 4;
        long needed = (long) rows.length * elementBytes;
        ByteBuffer buffer = siteBuffers[siteIndex];
        if (buffer == null || buffer.remaining() < needed) {
            long have = buffer == null ? 0 : buffer.position();
            long capacity = Math.max(have + needed, Math.min(Math.max(2 * have, 1 << 16), shardBytes / sites.size() + needed));
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
        if (storage == StorageType.F16) {
            for (float v : rows) {
                buffer.putShort(HalfFloats.floatToF16(v));
            }
        } else {
            buffer.asFloatBuffer().put(rows);
            buffer.position(Math.toIntExact(buffer.position() + needed));
        }
    }

    private void ensureIndexCapacity(int newRows) {
        if (bufferedRows + newRows > rowPositions.length) {
            rowPositions = Arrays.copyOf(rowPositions, (int) Math.max(2L * rowPositions.length, bufferedRows + newRows));
        }
        if (bufferedPrompts + 2 > promptRowStarts.length) {
            promptRowStarts = Arrays.copyOf(promptRowStarts, 2 * promptRowStarts.length);
        }
    }

    private static ByteBuffer ints(int count) {
        return ByteBuffer.allocate(Math.multiplyExact(count, 4)).order(ByteOrder.LITTLE_ENDIAN);
    }
}
