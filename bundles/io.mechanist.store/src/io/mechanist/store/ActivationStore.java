package io.mechanist.store;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.stream.Stream;

import io.mechanist.core.activations.ActivationSet;
import io.mechanist.core.activations.PromptInfo;
import io.mechanist.core.activations.StoredVectorData;
import io.mechanist.model.Capture;
import io.mechanist.model.CaptureStatus;
import io.mechanist.model.Dataset;
import io.mechanist.model.MechanistFactory;
import io.mechanist.model.Prompt;
import io.mechanist.model.Shard;
import io.mechanist.model.Store;
import io.mechanist.model.StoredVector;
import io.mechanist.store.internal.AtomicFiles;
import io.mechanist.store.internal.CaptureReader;
import io.mechanist.store.internal.ModelLookup;
import io.mechanist.store.internal.ShardLayout;
import io.mechanist.store.internal.StoreFile;
import io.mechanist.store.internal.VectorFiles;

/**
 * An activation store: a folder with {@code store.xmi} (the EMF metadata, see {@link Store}) and safetensors files
 * with the numbers (layout in docs/store-format.md).
 * <p>
 * <b>Writing.</b> One process at a time opens a store for writing ({@link #open}, {@link #create}); it holds an OS
 * lock on {@code .lock} until {@link #close}. Every change goes through {@link #commit}, which saves
 * {@code store.xmi} atomically (temporary file, fsync, rename, fsync of the folder). Shards and other data files
 * are written the same way and committed to the metadata only after they are on disk, so a process killed at any
 * moment leaves a readable store: earlier captures intact, an interrupted capture {@code INCOMPLETE} with the
 * shards committed so far ({@link #resumeCapture} continues it, {@link #removeCapture} deletes it). Opening for
 * writing deletes what an interrupted write left behind: temporary files and shards never committed.
 * <p>
 * <b>Reading.</b> Any number of readers, in this or other processes, may read while a capture writes: committed
 * files never change, and {@link #openReadOnly} never locks. A read-only store sees new commits after
 * {@link #refresh}. Within one JVM, access the EMF model only inside {@link #read} or {@link #commit} (EMF objects
 * are not thread-safe); {@link ActivationSet}s are independent snapshots.
 * <p>
 * <b>Checksums.</b> Every data file's size and SHA-256 are recorded; a capture's shard is verified before its
 * first read in a JVM, and {@link #verify} checks every file. Problems are reported as
 * {@link StoreCorruptionException}s naming the file.
 */
public final class ActivationStore implements AutoCloseable {

    private final Path folder;
    private final boolean readOnly;
    private final ReentrantReadWriteLock modelLock = new ReentrantReadWriteLock();
    private final FileChannel lockChannel;
    private final FileLock writeLock;
    private final Set<String> activeWriters = new HashSet<>();
    private Store store;
    private Object loadedVersion;
    private volatile boolean closed;

    private ActivationStore(Path folder, boolean readOnly, FileChannel lockChannel, FileLock writeLock) {
        this.folder = folder;
        this.readOnly = readOnly;
        this.lockChannel = lockChannel;
        this.writeLock = writeLock;
    }

    /**
     * Creates a new store in {@code folder} (created if missing; must not already hold a store) and opens it for
     * writing.
     */
    public static ActivationStore create(Path folder, String name) throws IOException {
        Path dir = folder.toAbsolutePath().normalize();
        Files.createDirectories(dir);
        if (Files.exists(dir.resolve(ShardLayout.STORE_FILE))) {
            throw new IOException("a store already exists in " + dir);
        }
        ActivationStore opened = lockForWriting(dir);
        try {
            Store root = MechanistFactory.eINSTANCE.createStore();
            root.setName(name);
            root.setCreatedAt(new Date());
            StoreFile.newResource(dir.resolve(ShardLayout.STORE_FILE), root);
            StoreFile.save(root, dir.resolve(ShardLayout.STORE_FILE));
            opened.store = root;
            opened.loadedVersion = opened.fileVersion();
            return opened;
        } catch (IOException | RuntimeException e) {
            opened.close();
            throw e;
        }
    }

    /**
     * Opens an existing store for writing, cleaning up after any interrupted write.
     *
     * @throws StoreLockedException if another writer has it open
     */
    public static ActivationStore open(Path folder) throws IOException {
        Path dir = requireStore(folder);
        ActivationStore opened = lockForWriting(dir);
        try {
            opened.load();
            opened.removeUncommittedFiles();
            return opened;
        } catch (IOException | RuntimeException e) {
            opened.close();
            throw e;
        }
    }

    /** Opens an existing store for reading only; never locks, so it works while another process writes. */
    public static ActivationStore openReadOnly(Path folder) throws IOException {
        Path dir = requireStore(folder);
        ActivationStore opened = new ActivationStore(dir, true, null, null);
        opened.load();
        return opened;
    }

    private static Path requireStore(Path folder) throws IOException {
        Path dir = folder.toAbsolutePath().normalize();
        if (!Files.isRegularFile(dir.resolve(ShardLayout.STORE_FILE))) {
            throw new IOException(dir + " is not a Mechanist store (no " + ShardLayout.STORE_FILE + ")");
        }
        return dir;
    }

    private static ActivationStore lockForWriting(Path dir) throws IOException {
        FileChannel channel = FileChannel.open(dir.resolve(ShardLayout.LOCK_FILE), StandardOpenOption.CREATE,
                StandardOpenOption.WRITE);
        FileLock lock;
        try {
            lock = channel.tryLock();
        } catch (OverlappingFileLockException e) {
            lock = null;
        }
        if (lock == null) {
            channel.close();
            throw new StoreLockedException(dir);
        }
        return new ActivationStore(dir, false, channel, lock);
    }

    /** The store folder. */
    public Path folder() {
        return folder;
    }

    public boolean isReadOnly() {
        return readOnly;
    }

    /** Runs {@code query} on the model under the read lock; do not keep EMF objects beyond it across threads. */
    public <T> T read(Function<Store, T> query) {
        modelLock.readLock().lock();
        try {
            ensureOpen();
            return query.apply(store);
        } finally {
            modelLock.readLock().unlock();
        }
    }

    /**
     * Applies {@code change} to the model and saves {@code store.xmi} atomically. If saving fails the change is
     * discarded (the model is reloaded from disk) and the exception is thrown.
     */
    public <T> T commit(Function<Store, T> change) throws IOException {
        requireWritable();
        modelLock.writeLock().lock();
        try {
            ensureOpen();
            T result;
            try {
                result = change.apply(store);
                StoreFile.save(store, storeFile());
            } catch (IOException | RuntimeException | Error e) {
                try {
                    load();
                } catch (IOException reload) {
                    e.addSuppressed(reload);
                }
                throw e;
            }
            loadedVersion = fileVersion();
            return result;
        } finally {
            modelLock.writeLock().unlock();
        }
    }

    /** {@link #commit} for changes without a result. */
    public void update(Consumer<Store> change) throws IOException {
        commit(s -> {
            change.accept(s);
            return null;
        });
    }

    /**
     * Reloads {@code store.xmi} if another process committed since it was loaded (read-only stores).
     *
     * @return whether the model was reloaded; EMF objects obtained before are stale then
     */
    public boolean refresh() throws IOException {
        modelLock.writeLock().lock();
        try {
            ensureOpen();
            if (Objects.equals(fileVersion(), loadedVersion)) {
                return false;
            }
            load();
            return true;
        } finally {
            modelLock.writeLock().unlock();
        }
    }

    /**
     * Adds a dataset of prompts (index {@code i} = {@code prompts.get(i)}; their {@code index} fields are ignored).
     */
    public Dataset addDataset(String id, String name, List<PromptInfo> prompts) throws IOException {
        ShardLayout.checkId(id);
        return commit(s -> {
            if (ModelLookup.findDataset(s, id) != null) {
                throw new IllegalArgumentException("store " + folder + " already has a dataset '" + id + "'");
            }
            Dataset dataset = MechanistFactory.eINSTANCE.createDataset();
            dataset.setId(id);
            dataset.setName(name);
            dataset.setCreatedAt(new Date());
            for (PromptInfo info : prompts) {
                Prompt prompt = MechanistFactory.eINSTANCE.createPrompt();
                prompt.setText(info.text());
                for (int t : info.tokenIds()) {
                    prompt.getTokenIds().add(t);
                }
                prompt.getTokens().addAll(info.tokens());
                prompt.getLabels().putAll(info.labels());
                prompt.setGroupId(info.groupId());
                prompt.setPairId(info.pairId());
                dataset.getPrompts().add(prompt);
            }
            s.getDatasets().add(dataset);
            return dataset;
        });
    }

    /** Starts a new capture; its record is committed (INCOMPLETE) before any shard is written. */
    public CaptureWriter beginCapture(CaptureSpec spec) throws IOException {
        requireWritable();
        String id = spec.id != null ? ShardLayout.checkId(spec.id) : "capture-" + UUID.randomUUID().toString().substring(0, 8);
        synchronized (activeWriters) {
            String relative = commit(s -> CaptureWriter.newCaptureRecord(s, id, spec).getFolder());
            Files.createDirectories(folder.resolve(relative));
            activeWriters.add(id);
        }
        return CaptureWriter.start(this, id, spec.shardBytes);
    }

    /**
     * Continues an INCOMPLETE capture after its last committed prompt ({@link CaptureWriter#nextPrompt()}); the
     * caller writes the remaining prompts and completes it.
     */
    public CaptureWriter resumeCapture(String captureId) throws IOException {
        return resumeCapture(captureId, CaptureSpec.DEFAULT_SHARD_BYTES);
    }

    /** {@link #resumeCapture(String)} with a shard size. */
    public CaptureWriter resumeCapture(String captureId, long shardBytes) throws IOException {
        requireWritable();
        synchronized (activeWriters) {
            CaptureStatus status = read(s -> ModelLookup.capture(s, captureId).getStatus());
            if (status == CaptureStatus.COMPLETE) {
                throw new IllegalStateException("capture " + captureId + " is complete; nothing to resume");
            }
            if (!activeWriters.add(captureId)) {
                throw new IllegalStateException("capture " + captureId + " is being written");
            }
        }
        return CaptureWriter.start(this, captureId, shardBytes);
    }

    void writerClosed(String captureId) {
        synchronized (activeWriters) {
            activeWriters.remove(captureId);
        }
    }

    /** Whether a writer of this store object is writing capture {@code captureId} now. */
    public boolean isBeingWritten(String captureId) {
        synchronized (activeWriters) {
            return activeWriters.contains(captureId);
        }
    }

    /**
     * Whether some process holds this store open for writing (for a read-only store: whether an INCOMPLETE capture
     * may still be growing, or was interrupted).
     */
    public boolean isWriterActive() {
        if (!readOnly) {
            return true;
        }
        try (FileChannel channel = FileChannel.open(folder.resolve(ShardLayout.LOCK_FILE), StandardOpenOption.READ,
                StandardOpenOption.WRITE)) {
            FileLock probe = channel.tryLock();
            if (probe == null) {
                return true;
            }
            probe.release();
            return false;
        } catch (OverlappingFileLockException e) {
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    /** Deletes a capture (complete or not) and its shards; analysis results keep their numbers. */
    public void removeCapture(String captureId) throws IOException {
        requireWritable();
        synchronized (activeWriters) {
            if (activeWriters.contains(captureId)) {
                throw new IllegalStateException("capture " + captureId + " is being written; close its writer first");
            }
            String relative = read(s -> ModelLookup.capture(s, captureId).getFolder());
            // Metadata first: a crash after this leaves only unreferenced files, which the next open removes.
            update(s -> org.eclipse.emf.ecore.util.EcoreUtil.delete(ModelLookup.capture(s, captureId)));
            deleteTree(folder.resolve(relative));
        }
    }

    /**
     * Opens the committed prompts of a capture for reading (a snapshot; complete or not).
     *
     * @throws IllegalArgumentException if there is no such capture
     */
    public ActivationSet openCapture(String captureId) throws IOException {
        return read(s -> CaptureReader.snapshot(folder, ModelLookup.capture(s, captureId)));
    }

    /** The ids of captures in status INCOMPLETE. */
    public List<String> incompleteCaptures() {
        return read(s -> s.getCaptures().stream().filter(c -> c.getStatus() != CaptureStatus.COMPLETE)
                .map(Capture::getId).toList());
    }

    /**
     * Stores a vector ({@code [d_model]} floats) with its provenance and returns its id.
     *
     * @param sourceCaptureId the capture it was computed from, or null
     */
    public String saveVector(String name, String siteId, String method, float[] values, Map<String, String> parameters,
            String sourceCaptureId) throws IOException {
        requireWritable();
        String id = "vector-" + UUID.randomUUID().toString().substring(0, 8);
        StoredVector vector = VectorFiles.write(folder, id, name, siteId, method, values, parameters);
        update(s -> {
            if (sourceCaptureId != null) {
                vector.setSourceCapture(ModelLookup.capture(s, sourceCaptureId));
            }
            s.getVectors().add(vector);
        });
        return id;
    }

    /** Reads a stored vector, checking its file's checksum. */
    public StoredVectorData readVector(String vectorId) throws IOException {
        VectorFiles.Snapshot snapshot = read(s -> VectorFiles.snapshot(ModelLookup.vector(s, vectorId)));
        return VectorFiles.read(folder, snapshot);
    }

    /**
     * Reads array {@code arrayName} of analysis result {@code resultId} (row-major floats; the shape and axis
     * names are in the result's {@code ResultArray}), checking the file's checksum.
     */
    public float[] readResultArray(String resultId, String arrayName) throws IOException {
        VectorFiles.ArrayLocation location = read(s -> VectorFiles.arrayLocation(ModelLookup.result(s, resultId), arrayName));
        return VectorFiles.readArray(folder, location);
    }

    /**
     * Checks every data file of the store against its recorded size and SHA-256.
     *
     * @return the problems found, each naming the file; empty if the store is sound
     */
    public List<StoreCorruptionException> verify(org.eclipse.core.runtime.IProgressMonitor monitor) {
        List<FileCheck> checks = read(s -> {
            List<FileCheck> list = new ArrayList<>();
            for (Capture capture : s.getCaptures()) {
                for (Shard shard : capture.getShards()) {
                    list.add(new FileCheck(folder.resolve(capture.getFolder()).resolve(shard.getFile()), shard.getSize(),
                            shard.getSha256()));
                }
            }
            for (StoredVector vector : s.getVectors()) {
                list.add(new FileCheck(folder.resolve(vector.getFile()), -1, vector.getSha256()));
            }
            s.getResults().stream().filter(r -> r.getArraysFile() != null)
                    .forEach(r -> list.add(new FileCheck(folder.resolve(r.getArraysFile()), -1, r.getArraysSha256())));
            return list;
        });
        org.eclipse.core.runtime.SubMonitor progress = org.eclipse.core.runtime.SubMonitor.convert(monitor,
                "Verifying " + folder, checks.size());
        List<StoreCorruptionException> problems = new ArrayList<>();
        for (FileCheck check : checks) {
            progress.checkCanceled();
            try {
                CaptureReader.verifyFile(check.file(), check.size(), check.sha256());
            } catch (StoreCorruptionException e) {
                problems.add(e);
            }
            progress.worked(1);
        }
        return problems;
    }

    private record FileCheck(Path file, long size, String sha256) {
    }

    Path storeFile() {
        return folder.resolve(ShardLayout.STORE_FILE);
    }

    void requireWritable() {
        if (readOnly) {
            throw new IllegalStateException("store " + folder + " is open read-only");
        }
        ensureOpen();
    }

    private void ensureOpen() {
        if (closed) {
            throw new IllegalStateException("store " + folder + " is closed");
        }
    }

    private void load() throws IOException {
        Object version = fileVersion();
        store = StoreFile.load(storeFile());
        loadedVersion = version;
    }

    private Object fileVersion() throws IOException {
        BasicFileAttributes attributes = Files.readAttributes(storeFile(), BasicFileAttributes.class);
        return List.of(String.valueOf(attributes.fileKey()), attributes.lastModifiedTime().toMillis(), attributes.size());
    }

    /** Removes temporary files and shards that no committed metadata refers to (an interrupted write's leftovers). */
    private void removeUncommittedFiles() throws IOException {
        Set<Path> committed = new HashSet<>();
        Set<Path> captureFolders = new HashSet<>();
        read(s -> {
            for (Capture capture : s.getCaptures()) {
                Path captureFolder = folder.resolve(capture.getFolder()).normalize();
                captureFolders.add(captureFolder);
                capture.getShards().forEach(shard -> committed.add(captureFolder.resolve(shard.getFile()).normalize()));
            }
            return null;
        });
        removeTemporaryFiles(folder);
        for (String sub : List.of(ShardLayout.VECTORS, ShardLayout.RESULTS)) {
            removeTemporaryFiles(folder.resolve(sub));
        }
        Path captures = folder.resolve(ShardLayout.CAPTURES);
        if (!Files.isDirectory(captures)) {
            return;
        }
        try (Stream<Path> entries = Files.list(captures)) {
            for (Path captureFolder : entries.toList()) {
                if (!Files.isDirectory(captureFolder)) {
                    continue;
                }
                removeTemporaryFiles(captureFolder);
                boolean known = captureFolders.contains(captureFolder.normalize());
                try (Stream<Path> files = Files.list(captureFolder)) {
                    for (Path file : files.toList()) {
                        if (ShardLayout.isShardFileName(file.getFileName().toString()) && !committed.contains(file.normalize())) {
                            Files.delete(file);
                        }
                    }
                }
                if (!known && isEmpty(captureFolder)) {
                    Files.delete(captureFolder);
                }
            }
        }
    }

    private static void removeTemporaryFiles(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            return;
        }
        try (Stream<Path> files = Files.list(dir)) {
            for (Path file : files.filter(AtomicFiles::isTemporary).toList()) {
                Files.deleteIfExists(file);
            }
        }
    }

    private static boolean isEmpty(Path dir) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.findAny().isEmpty();
        }
    }

    private static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path p : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }

    /** Releases the write lock (if any). Writers still open are closed by their owners. */
    @Override
    public void close() throws IOException {
        if (closed) {
            return;
        }
        closed = true;
        if (writeLock != null) {
            writeLock.release();
        }
        if (lockChannel != null) {
            lockChannel.close();
        }
    }

    @Override
    public String toString() {
        return "ActivationStore[" + folder + (readOnly ? ", read-only" : "") + "]";
    }
}
