package io.mechanist.store;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import io.mechanist.core.tensor.SafetensorsFile;
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
 * A capture that knows each batch's prompts before their rows arrive (a forward pass delivers them site by site)
 * can instead {@linkplain #beginBatch begin a batch}: its shards are laid out at once and the rows go straight to
 * their place in the files, so none wait in memory; {@link PromptBatch#commit} commits the shards it completed.
 * <p>
 * {@link #complete()} commits the last shard and marks the capture COMPLETE. {@link #close()} without
 * {@code complete()} commits what is buffered (and the prompts of begun batches whose rows were all written) and
 * leaves the capture INCOMPLETE (resumable). A process killed while writing loses at most the prompts after the
 * last committed shard. Not thread-safe: one thread writes, except that a batch's commit may run on another thread
 * while the next batch is begun and written (commits one at a time, in order).
 */
public final class CaptureWriter implements AutoCloseable {

    private record Site(String id, int[] rowShape, int width) {
        ShardBuilder.Site forShard() {
            return new ShardBuilder.Site(id, rowShape);
        }
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

    /** The shard being filled. */
    private final ShardBuilder shard;

    /** Shards laid out by {@link #beginBatch} and not yet committed, in order; guarded by this writer. */
    private final ArrayDeque<StreamedShard> streamed = new ArrayDeque<>();
    /** The index of the next shard {@link #beginBatch} lays out. */
    private int plannedShardIndex;
    /** Set once a streamed shard failed to commit: later shards cannot follow it. */
    private boolean streamFailed;
    /** Serialises {@link #commitStreamed}. */
    private final Object commitLock = new Object();

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
        this.plannedShardIndex = nextShardIndex;
        this.shard = new ShardBuilder(captureId, sites.stream().map(Site::forShard).toList(), storage, nextPrompt,
                shardBytes);
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

    /** Index of the next prompt to write (the first one after what is committed, buffered or begun). */
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
        writePromptRows(prompt, PromptRows.floats(rowsBySite));
    }

    /**
     * As {@link #writePrompt}, with each site's rows as float32 values or, when the capture is stored as F16,
     * float16 bits already narrowed (written unchanged): the capture's own path, which narrows in libtorch.
     */
    public void writePromptRows(int prompt, Map<String, PromptRows> rowsBySite) throws IOException {
        if (finished) {
            throw new IllegalStateException("capture " + captureId + ": writer is closed");
        }
        requireNoBatch();
        if (prompt != nextPrompt) {
            throw new IllegalArgumentException("capture " + captureId + ": expected prompt " + nextPrompt + ", got " + prompt);
        }
        shard.addRows(prompt, tokenCounts[prompt], positions(prompt), rowsBySite);
        nextPrompt++;
        if (shard.bufferedBytes() >= shardBytes) {
            flush();
        }
    }

    /**
     * Begins the batch of prompts {@code firstPrompt .. firstPrompt + count - 1} (the next ones): lays out the shards
     * that hold them, as {@link #writePrompt} would cut them, with their headers written, so that
     * {@link PromptBatch#write} puts each prompt's rows of each site straight into place. Prompts buffered by
     * {@link #writePrompt} must be {@linkplain #flush flushed} first.
     *
     * @throws IllegalArgumentException if the prompts are not the next ones of the dataset
     */
    public PromptBatch beginBatch(int firstPrompt, int count) throws IOException {
        synchronized (this) {
            if (finished) {
                throw new IllegalStateException("capture " + captureId + ": writer is closed");
            }
            if (streamFailed) {
                throw new IllegalStateException("capture " + captureId + ": a shard failed to commit earlier");
            }
            if (firstPrompt != nextPrompt || count < 1 || firstPrompt + count > tokenCounts.length) {
                throw new IllegalArgumentException("capture " + captureId + ": cannot begin prompts " + firstPrompt
                        + ".." + (firstPrompt + count - 1) + "; the next prompt is " + nextPrompt + " of "
                        + tokenCounts.length);
            }
            if (shard.bufferedPrompts() != 0) {
                throw new IllegalStateException("capture " + captureId + ": " + shard.bufferedPrompts()
                        + " prompts are buffered; flush them before beginning a batch");
            }
            List<StreamedShard> covering = new ArrayList<>();
            for (StreamedShard open : streamed) {
                if (open.endPrompt() > firstPrompt) {
                    covering.add(open);
                }
            }
            int end = streamed.isEmpty() ? firstPrompt : streamed.peekLast().endPrompt();
            while (end < firstPrompt + count) {
                StreamedShard next = layOutShard(end);
                streamed.addLast(next);
                covering.add(next);
                end = next.endPrompt();
            }
            nextPrompt += count;
            return new PromptBatch(this, firstPrompt, count, covering);
        }
    }

    /** The next shard from prompt {@code from}: prompts until their rows reach the shard size, as flush() cuts. */
    private StreamedShard layOutShard(int from) throws IOException {
        List<ShardBuilder.Site> shardSites = shardSites();
        int to = from;
        long bytes = 0;
        while (to < tokenCounts.length && bytes < shardBytes) {
            bytes += ShardBuilder.promptBytes(shardSites, storage, positions(to).length);
            to++;
        }
        int[][] positions = new int[to - from][];
        for (int p = from; p < to; p++) {
            positions[p - from] = positions(p);
        }
        StreamedShard laidOut = StreamedShard.create(captureFolder, plannedShardIndex, captureId, shardSites, storage,
                from, Arrays.copyOfRange(tokenCounts, from, to), positions);
        plannedShardIndex++;
        return laidOut;
    }

    /** The position of {@code siteId} among the capture's sites. */
    int siteIndex(String siteId) {
        for (int i = 0; i < sites.size(); i++) {
            if (sites.get(i).id().equals(siteId)) {
                return i;
            }
        }
        throw new IllegalArgumentException("capture " + captureId + " has no site " + siteId + "; its sites are "
                + sites.stream().map(Site::id).toList());
    }

    /**
     * Commits, in order, the laid-out shards whose rows are all written; stops at the first that is not. A failure
     * deletes that shard's file, and no later shard can be committed after it.
     */
    void commitStreamed() throws IOException {
        synchronized (commitLock) {
            while (true) {
                StreamedShard next;
                synchronized (this) {
                    if (streamFailed) {
                        throw new IllegalStateException("capture " + captureId + ": a shard failed to commit earlier");
                    }
                    next = streamed.peekFirst();
                    if (next == null || !next.complete()) {
                        return;
                    }
                    streamed.removeFirst();
                }
                try {
                    AtomicFiles.Written written = next.commit(); // forces, hashes and renames outside the lock
                    synchronized (this) {
                        if (next.index() != nextShardIndex) {
                            throw new IllegalStateException("capture " + captureId + ": shard " + next.index()
                                    + " committed after " + nextShardIndex);
                        }
                        record(ShardLayout.shardFileName(next.index()), written.size(), written.sha256(),
                                next.firstPrompt(), next.promptCount(), next.rowCount());
                        shard.clear(next.endPrompt());
                    }
                } catch (IOException | RuntimeException | Error e) {
                    synchronized (this) {
                        streamFailed = true;
                    }
                    throw e;
                }
            }
        }
    }

    private synchronized void requireNoBatch() {
        if (!streamed.isEmpty()) {
            throw new IllegalStateException("capture " + captureId + ": prompts " + streamed.peekFirst().firstPrompt()
                    + ".." + (streamed.peekLast().endPrompt() - 1) + " were begun as batches and are not committed");
        }
    }

    /**
     * On closing: the begun prompts whose rows were all written, from the first uncommitted one on, go into the
     * buffered shard (read back from their files) so that {@link #flush} commits them; every laid-out file is then
     * deleted. Nothing is kept after a shard failed to commit, as what follows it could not be committed in order.
     */
    private void salvageStreamed() throws IOException {
        List<StreamedShard> open;
        boolean keep;
        synchronized (this) {
            open = new ArrayList<>(streamed);
            streamed.clear();
            keep = !streamFailed;
        }
        try {
            for (StreamedShard laidOut : keep ? open : List.<StreamedShard>of()) {
                int complete = laidOut.completePrefix();
                for (int p = laidOut.firstPrompt(); p < laidOut.firstPrompt() + complete; p++) {
                    shard.addRows(p, tokenCounts[p], positions(p), laidOut.readPrompt(p));
                }
                if (complete < laidOut.promptCount()) {
                    break;
                }
            }
        } finally {
            for (StreamedShard laidOut : open) {
                laidOut.discard(null);
            }
        }
    }

    /** Writes and commits the buffered prompts as a shard now (no-op if nothing is buffered). */
    public void flush() throws IOException {
        if (shard.bufferedPrompts() == 0) {
            return;
        }
        String fileName = ShardLayout.shardFileName(nextShardIndex);
        // Data first, then the metadata that points at it.
        AtomicFiles.Written written = AtomicFiles.write(captureFolder.resolve(fileName), shard.encode()::writeTo);
        record(fileName, written.size(), written.sha256(), shard.firstPrompt(), shard.bufferedPrompts(),
                shard.bufferedRows());
        shard.clear(nextPrompt);
    }

    /**
     * Commits a shard that another process staged ({@link ShardBuilder#stage}) in this capture's folder as the
     * next shard: it must start at {@link #nextPrompt()}, nothing may be buffered here, and the file must have the
     * staged size and name this capture and these prompts. The file is renamed to the next shard's name (replacing
     * only the leftover of an interrupted commit, see {@link #start}), then recorded with its size and hash.
     *
     * @throws IOException naming the file if it is missing, of another size, or not this shard
     */
    public void commitStaged(ShardBuilder.Staged staged) throws IOException {
        if (finished) {
            throw new IllegalStateException("capture " + captureId + ": writer is closed");
        }
        requireNoBatch();
        if (shard.bufferedPrompts() != 0) {
            throw new IllegalStateException("capture " + captureId + ": " + shard.bufferedPrompts()
                    + " prompts are buffered; a staged shard cannot follow them");
        }
        if (staged.firstPrompt() != nextPrompt || staged.promptCount() < 1
                || staged.firstPrompt() + staged.promptCount() > tokenCounts.length) {
            throw new IllegalArgumentException("capture " + captureId + ": staged shard holds prompts "
                    + staged.firstPrompt() + ".." + (staged.firstPrompt() + staged.promptCount() - 1)
                    + ", the next shard must start at prompt " + nextPrompt);
        }
        String fileName = ShardLayout.shardFileName(nextShardIndex);
        Path temporary = captureFolder.normalize().resolve(staged.temporaryName()).normalize();
        if (!captureFolder.normalize().equals(temporary.getParent()) || !AtomicFiles.isTemporary(temporary)
                || !staged.temporaryName().startsWith("." + fileName + ".")) {
            throw new IllegalArgumentException("capture " + captureId + ": '" + staged.temporaryName()
                    + "' is not a temporary of " + fileName + " in " + captureFolder);
        }
        store.paths().requireInsideOnDisk(temporary, "staged shard of capture '" + captureId + "'");
        if (!Files.isRegularFile(temporary, LinkOption.NOFOLLOW_LINKS) || Files.size(temporary) != staged.size()) {
            throw new IOException(temporary + ": staged shard is missing or not " + staged.size() + " bytes");
        }
        try (SafetensorsFile file = SafetensorsFile.open(temporary)) {
            Map<String, String> metadata = file.metadata();
            if (!ShardLayout.SHARD_FORMAT.equals(metadata.get("format")) || !captureId.equals(metadata.get("capture_id"))
                    || !Integer.toString(staged.firstPrompt()).equals(metadata.get("first_prompt"))
                    || !Integer.toString(staged.promptCount()).equals(metadata.get("prompt_count"))
                    || !Long.toString(staged.rowCount()).equals(metadata.get("row_count"))) {
                throw new IOException(temporary + ": staged shard's metadata " + metadata
                        + " does not match capture " + captureId + ", prompts from " + staged.firstPrompt());
            }
        }
        AtomicFiles.publish(temporary, captureFolder.resolve(fileName));
        nextPrompt += staged.promptCount();
        record(fileName, staged.size(), staged.sha256(), staged.firstPrompt(), staged.promptCount(), staged.rowCount());
        shard.clear(nextPrompt);
    }

    /**
     * Records the next shard, {@code shard-NNNNN} of {@link #nextShardIndex()}, which the caller has put in place
     * under that name in another copy of this store (the data of a store kept on a Hadoop filesystem, whose
     * metadata this store holds) after checking its size, hash and metadata. Only {@code store.xmi} is written;
     * the prompts must follow on from {@link #nextPrompt()}, as for {@link #commitStaged}.
     */
    public void recordPlaced(ShardBuilder.Staged placed) throws IOException {
        if (finished) {
            throw new IllegalStateException("capture " + captureId + ": writer is closed");
        }
        requireNoBatch();
        String fileName = ShardLayout.shardFileName(nextShardIndex);
        if (shard.bufferedPrompts() != 0 || !fileName.equals(placed.temporaryName())
                || placed.firstPrompt() != nextPrompt || placed.promptCount() < 1
                || placed.firstPrompt() + placed.promptCount() > tokenCounts.length) {
            throw new IllegalArgumentException("capture " + captureId + ": " + placed.temporaryName() + " of prompts "
                    + placed.firstPrompt() + ".." + (placed.firstPrompt() + placed.promptCount() - 1)
                    + " is not the next shard, " + fileName + " from prompt " + nextPrompt);
        }
        nextPrompt += placed.promptCount();
        record(fileName, placed.size(), placed.sha256(), placed.firstPrompt(), placed.promptCount(),
                placed.rowCount());
        shard.clear(nextPrompt);
    }

    /** The sites of this capture in shard order, for {@link ShardBuilder}s filled elsewhere. */
    public List<ShardBuilder.Site> shardSites() {
        return sites.stream().map(Site::forShard).toList();
    }

    /** Activation bytes after which a shard is written. */
    public long shardBytes() {
        return shardBytes;
    }

    public StorageType storage() {
        return storage;
    }

    /** Index of the next shard file ({@code shard-NNNNN}) this writer will commit. */
    public int nextShardIndex() {
        return nextShardIndex;
    }

    /** The capture's folder. */
    public Path captureFolder() {
        return captureFolder;
    }

    /** Token count of each prompt of the dataset. */
    public int tokenCount(int prompt) {
        return tokenCounts[prompt];
    }

    private void record(String fileName, long size, String sha256, int firstPrompt, int promptCount, long rowCount)
            throws IOException {
        store.update(s -> {
            Shard entry = MechanistFactory.eINSTANCE.createShard();
            entry.setFile(fileName);
            entry.setSize(size);
            entry.setSha256(sha256);
            entry.setFirstPrompt(firstPrompt);
            entry.setPromptCount(promptCount);
            entry.setRowCount(rowCount);
            ModelLookup.capture(s, captureId).getShards().add(entry);
        });
        nextShardIndex++;
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
        requireNoBatch();
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
            salvageStreamed();
            flush();
        } finally {
            finish();
        }
    }

    private void finish() {
        finished = true;
        store.writerClosed(captureId);
    }
}
