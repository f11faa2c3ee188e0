package io.mechanist.store;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
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
import io.mechanist.model.ModelRef;
import io.mechanist.model.Prompt;
import io.mechanist.model.Shard;
import io.mechanist.model.Store;
import io.mechanist.model.StoredVector;
import io.mechanist.store.internal.AtomicFiles;
import io.mechanist.store.internal.CaptureReader;
import io.mechanist.store.internal.ModelLookup;
import io.mechanist.store.internal.ShardLayout;
import io.mechanist.store.internal.StoreFile;
import io.mechanist.store.internal.StorePaths;
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
 * writing deletes Mechanist's own temporary files that an interrupted write left behind, and nothing else: a file
 * the metadata does not account for is never deleted (it may be data whose {@code store.xmi} was lost), and
 * {@link #create} refuses a folder that holds a store's data files without its {@code store.xmi}.
 * <p>
 * <b>Containment.</b> Every path the metadata records is checked before use ({@link StorePaths}): a store never
 * makes Mechanist read, write, measure or delete a file outside its folder.
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
    private final StorePaths paths;
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
        this.paths = new StorePaths(folder);
        this.readOnly = readOnly;
        this.lockChannel = lockChannel;
        this.writeLock = writeLock;
    }

    /**
     * Creates a new store in {@code folder} (created if missing; must not already hold a store, nor the data files
     * of one whose {@code store.xmi} is lost) and opens it for writing.
     */
    public static ActivationStore create(Path folder, String name) throws IOException {
        Path dir = folder.toAbsolutePath().normalize();
        Files.createDirectories(dir);
        if (Files.exists(dir.resolve(ShardLayout.STORE_FILE), LinkOption.NOFOLLOW_LINKS)) {
            throw new IOException("a store already exists in " + dir);
        }
        long orphans = storeDataFiles(dir);
        if (orphans > 0) {
            throw new IOException(dir + ": " + ShardLayout.STORE_FILE + " is missing, but the folder holds " + orphans
                    + " file(s) of a Mechanist store (" + ShardLayout.CAPTURES + "/, " + ShardLayout.VECTORS + "/, "
                    + ShardLayout.RESULTS + "/); restore its " + ShardLayout.STORE_FILE
                    + " or pick an empty folder for a new store");
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
            opened.removeTemporaryFiles();
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
        Path storeFile = dir.resolve(ShardLayout.STORE_FILE);
        if (Files.isSymbolicLink(storeFile)) {
            throw new StoreCorruptionException(storeFile, "is a symbolic link; a store's metadata must be a plain "
                    + "file in its folder");
        }
        if (!Files.isRegularFile(storeFile)) {
            throw new IOException(dir + " is not a Mechanist store (no " + ShardLayout.STORE_FILE + ")");
        }
        if (StorePaths.linkCount(storeFile) > 1) {
            throw new StoreCorruptionException(storeFile, "is a hard link (" + StorePaths.linkCount(storeFile)
                    + " names on disk); a store's metadata must be a plain file in its folder (copy the store"
                    + " without hard links, e.g. cp -a)");
        }
        return dir;
    }

    /** Files under the data folders of a store in {@code dir} (symbolic links counted, not followed). */
    private static long storeDataFiles(Path dir) throws IOException {
        long count = 0;
        for (String sub : List.of(ShardLayout.CAPTURES, ShardLayout.VECTORS, ShardLayout.RESULTS)) {
            Path data = dir.resolve(sub);
            if (Files.exists(data, LinkOption.NOFOLLOW_LINKS)) {
                try (Stream<Path> files = Files.walk(data)) {
                    count += files.filter(f -> !Files.isDirectory(f, LinkOption.NOFOLLOW_LINKS)).count();
                }
            }
        }
        return count;
    }

    private static ActivationStore lockForWriting(Path dir) throws IOException {
        Path lockFile = dir.resolve(ShardLayout.LOCK_FILE);
        if (Files.isSymbolicLink(lockFile)) {
            throw new StoreCorruptionException(lockFile, "is a symbolic link; Mechanist opens no file outside a store");
        }
        // Never through a link (one made after the check above fails here): no file elsewhere is created or opened.
        FileChannel channel = FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                LinkOption.NOFOLLOW_LINKS);
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
            if (read(s -> s.getCaptures().stream().anyMatch(c -> id.equals(c.getId())))) {
                throw new IllegalArgumentException("the store already has a capture '" + id + "'");
            }
            Path captureFolder = paths.requireInsideOnDisk(folder.resolve(ShardLayout.CAPTURES).resolve(id),
                    "folder of capture '" + id + "'");
            List<Path> present = dataFilesIn(captureFolder);
            if (!present.isEmpty()) {
                throw new IOException(captureFolder + " already holds " + present.size() + " file(s) that "
                        + ShardLayout.STORE_FILE + " does not record (e.g. " + present.get(0).getFileName()
                        + "); Mechanist will not write over them: move them away or pick another capture id");
            }
            commit(s -> CaptureWriter.newCaptureRecord(s, id, spec));
            Files.createDirectories(captureFolder);
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
        try {
            return CaptureWriter.start(this, captureId, shardBytes);
        } catch (IOException | RuntimeException e) {
            writerClosed(captureId);
            throw e;
        }
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
                StandardOpenOption.WRITE, LinkOption.NOFOLLOW_LINKS)) {
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

    /** What refers to a capture: analysis results that read it and vectors computed from it. */
    public record Dependents(List<String> resultIds, List<String> vectorIds) {
        public boolean isEmpty() {
            return resultIds.isEmpty() && vectorIds.isEmpty();
        }
    }

    /** What a removal took out of the store. */
    public record Removal(String captureId, Path folder, List<String> datasetIds, List<String> modelIds,
            Dependents unlinked) {
    }

    /** The results and vectors that refer to capture {@code captureId}. */
    public Dependents dependentsOf(String captureId) {
        return read(s -> {
            Capture capture = ModelLookup.capture(s, captureId);
            return new Dependents(
                    s.getResults().stream().filter(r -> r.getInputCaptures().contains(capture)).map(r -> r.getId()).toList(),
                    s.getVectors().stream().filter(v -> v.getSourceCapture() == capture).map(StoredVector::getId).toList());
        });
    }

    /**
     * Deletes a capture (complete or not) and its shards; analysis results and vectors computed from it keep their
     * numbers and lose their link to it.
     */
    public void removeCapture(String captureId) throws IOException {
        removeCapture(captureId, false);
    }

    /**
     * Deletes a capture (complete or not): its record, then its folder. Results and vectors computed from it keep
     * their numbers and lose their link to it (see {@link #dependentsOf}).
     *
     * @param compact also remove the records of its dataset and model when no other capture uses them (the
     *                prompts of a dataset are most of {@code store.xmi})
     * @throws StoreCorruptionException if the metadata gives the capture a folder outside the store (nothing is
     *                                  deleted then)
     */
    public Removal removeCapture(String captureId, boolean compact) throws IOException {
        requireWritable();
        synchronized (activeWriters) {
            if (activeWriters.contains(captureId)) {
                throw new IllegalStateException("capture " + captureId + " is being written; close its writer first");
            }
            Path captureFolder = readIo(s -> paths.captureFolder(ModelLookup.capture(s, captureId)));
            paths.requireInsideOnDisk(captureFolder, "folder of capture '" + captureId + "'");
            Dependents dependents = dependentsOf(captureId);
            // Metadata first: a crash after this leaves an unreferenced folder, never a capture without its files.
            Removal removal = commit(s -> {
                Capture capture = ModelLookup.capture(s, captureId);
                Dataset dataset = capture.getDataset();
                ModelRef model = capture.getModel();
                org.eclipse.emf.ecore.util.EcoreUtil.delete(capture);
                List<String> datasets = new ArrayList<>();
                List<String> models = new ArrayList<>();
                if (compact && dataset != null && s.getCaptures().stream().noneMatch(c -> c.getDataset() == dataset)) {
                    datasets.add(dataset.getId());
                    org.eclipse.emf.ecore.util.EcoreUtil.delete(dataset);
                }
                if (compact && model != null && s.getCaptures().stream().noneMatch(c -> c.getModel() == model)) {
                    models.add(model.getId());
                    org.eclipse.emf.ecore.util.EcoreUtil.delete(model);
                }
                return new Removal(captureId, captureFolder, datasets, models, dependents);
            });
            deleteCaptureFolder(captureFolder);
            return removal;
        }
    }

    /**
     * Renames the folder to a temporary name first, so that a crash while deleting leaves a temporary that the
     * next writer removes, not a half-deleted folder under the capture's name.
     */
    private static void deleteCaptureFolder(Path captureFolder) throws IOException {
        if (!Files.exists(captureFolder, LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        Path doomed = captureFolder.resolveSibling(AtomicFiles.temporaryName(captureFolder.getFileName().toString()));
        Files.move(captureFolder, doomed, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
        deleteTree(doomed);
    }

    /**
     * Opens the committed prompts of a capture for reading (a snapshot; complete or not).
     *
     * @throws IllegalArgumentException if there is no such capture
     */
    public ActivationSet openCapture(String captureId) throws IOException {
        return readIo(s -> CaptureReader.snapshot(paths, ModelLookup.capture(s, captureId)));
    }

    /**
     * The checkpoint folder recorded with a capture's model (relative to the store or absolute), whether or not it
     * exists on this machine; empty when the store records none.
     *
     * @throws IllegalArgumentException if there is no such capture, or if the store records the model's checkpoint
     *     as a URI (a Spark capture of a checkpoint on HDFS or S3), which Mechanist does not load from: the message
     *     names it and says to give a local folder
     */
    public java.util.Optional<Path> modelFolderOf(String captureId) {
        return read(s -> {
            Capture capture = ModelLookup.capture(s, captureId);
            return paths.modelFolder(capture.getModel() == null ? null : capture.getModel().getFolder(), captureId);
        });
    }

    /**
     * Whether a checkpoint folder as a store records it (a capture's model, a sweep's parameter {@code model}) is a
     * URI on a Hadoop filesystem, from a Spark run, rather than a folder Mechanist can load from.
     */
    public static boolean isCheckpointUri(String recorded) {
        return StorePaths.isUri(recorded);
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
        StoredVector vector = VectorFiles.write(paths, id, name, siteId, method, values, parameters);
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
        VectorFiles.Snapshot snapshot = readIo(s -> VectorFiles.snapshot(paths, ModelLookup.vector(s, vectorId)));
        return VectorFiles.read(paths, snapshot);
    }

    /**
     * Reads array {@code arrayName} of analysis result {@code resultId} (row-major floats; the shape and axis
     * names are in the result's {@code ResultArray}), checking the file's checksum.
     */
    public float[] readResultArray(String resultId, String arrayName) throws IOException {
        VectorFiles.ArrayLocation location = readIo(s -> VectorFiles.arrayLocation(paths, ModelLookup.result(s, resultId),
                arrayName));
        return VectorFiles.readArray(paths, location);
    }

    /**
     * Checks every data file of the store against its recorded size and SHA-256.
     *
     * @return the problems found, each naming the file; empty if the store is sound
     */
    public List<StoreCorruptionException> verify(org.eclipse.core.runtime.IProgressMonitor monitor) {
        List<StoreCorruptionException> problems = new ArrayList<>();
        List<FileCheck> checks = read(s -> {
            List<FileCheck> list = new ArrayList<>();
            for (Capture capture : s.getCaptures()) {
                for (Shard shard : capture.getShards()) {
                    String element = "shard " + shard.getFile() + " of capture '" + capture.getId() + "'";
                    list.add(check(problems, () -> paths.shardFile(capture, shard), element, shard.getSize(),
                            shard.getSha256()));
                }
            }
            for (StoredVector vector : s.getVectors()) {
                list.add(check(problems, () -> paths.vectorFile(vector), "file of vector '" + vector.getId() + "'", -1,
                        vector.getSha256()));
            }
            s.getResults().stream().filter(r -> r.getArraysFile() != null).forEach(r -> list.add(check(problems,
                    () -> paths.resultArraysFile(r), "arrays file of analysis result '" + r.getId() + "'", -1,
                    r.getArraysSha256())));
            list.removeIf(Objects::isNull);
            return list;
        });
        org.eclipse.core.runtime.SubMonitor progress = org.eclipse.core.runtime.SubMonitor.convert(monitor,
                "Verifying " + folder, checks.size());
        for (FileCheck check : checks) {
            progress.checkCanceled();
            try {
                paths.readInside(check.file(), check.element(),
                        file -> CaptureReader.verifyFile(file, check.size(), check.sha256()));
            } catch (StoreCorruptionException e) {
                problems.add(e);
            } catch (IOException e) {
                problems.add(new StoreCorruptionException(check.file(), "cannot be read: " + e.getMessage()));
            }
            progress.worked(1);
        }
        return problems;
    }

    private record FileCheck(Path file, String element, long size, String sha256) {
    }

    private interface RecordedPath {
        Path resolve() throws StoreCorruptionException;
    }

    /** A check of a recorded file, or null (and the problem noted) when the record names no file of the store. */
    private static FileCheck check(List<StoreCorruptionException> problems, RecordedPath recorded, String element,
            long size, String sha256) {
        try {
            return new FileCheck(recorded.resolve(), element, size, sha256);
        } catch (StoreCorruptionException e) {
            problems.add(e);
            return null;
        }
    }

    Path storeFile() {
        return folder.resolve(ShardLayout.STORE_FILE);
    }

    /** The store's files as its metadata names them, checked to stay inside it. */
    StorePaths paths() {
        return paths;
    }

    private interface IoQuery<T> {
        T apply(Store store) throws IOException;
    }

    /** {@link #read} for queries that may fail with an IOException (e.g. a corrupt path in the metadata). */
    private <T> T readIo(IoQuery<T> query) throws IOException {
        try {
            return read(s -> {
                try {
                    return query.apply(s);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
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

    /**
     * Removes what interrupted writes left behind: Mechanist's temporary files (and folders of interrupted capture
     * removals), named {@code .<name>.<random>.tmp}. Nothing else is deleted, whatever the metadata says: files it
     * does not account for may be data whose {@code store.xmi} was lost or replaced. Links are never followed.
     */
    private void removeTemporaryFiles() throws IOException {
        removeTemporaryFiles(folder);
        for (String sub : List.of(ShardLayout.VECTORS, ShardLayout.RESULTS, ShardLayout.CAPTURES, ShardLayout.SAES)) {
            removeTemporaryFiles(folder.resolve(sub));
        }
        Path captures = folder.resolve(ShardLayout.CAPTURES);
        if (!Files.isDirectory(captures, LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        try (Stream<Path> entries = Files.list(captures)) {
            for (Path captureFolder : entries.toList()) {
                removeTemporaryFiles(captureFolder);
            }
        }
    }

    private static void removeTemporaryFiles(Path dir) throws IOException {
        if (!Files.isDirectory(dir, LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        try (Stream<Path> files = Files.list(dir)) {
            for (Path file : files.filter(AtomicFiles::isTemporary).toList()) {
                deleteTree(file);
            }
        }
    }

    /** The entries of a folder other than Mechanist's temporaries; empty if it does not exist. */
    private static List<Path> dataFilesIn(Path dir) throws IOException {
        if (!Files.isDirectory(dir, LinkOption.NOFOLLOW_LINKS)) {
            return Files.exists(dir, LinkOption.NOFOLLOW_LINKS) ? List.of(dir) : List.of();
        }
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(f -> !AtomicFiles.isTemporary(f)).sorted().toList();
        }
    }

    /** Deletes a file or folder tree; links inside are deleted, never followed. */
    private static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir, LinkOption.NOFOLLOW_LINKS)) {
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
