package io.mechanist.spark;

import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Stream;

import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.ChecksumFileSystem;
import org.apache.hadoop.fs.CommonPathCapabilities;
import org.apache.hadoop.fs.FSDataOutputStream;
import org.apache.hadoop.fs.FileContext;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Options;
import org.apache.hadoop.fs.RemoteIterator;
import org.apache.hadoop.fs.StreamCapabilities;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

import io.mechanist.model.Shard;
import io.mechanist.store.ActivationStore;
import io.mechanist.store.CaptureWriter;
import io.mechanist.store.ShardBuilder;
import io.mechanist.store.StoreCorruptionException;
import io.mechanist.store.internal.AtomicFiles;
import io.mechanist.store.internal.ShardLayout;
import io.mechanist.store.internal.StorePaths;

/**
 * A store on a Hadoop filesystem ({@code --store hdfs://...}, {@code s3a://...}, {@code file:...}), written by a
 * Spark capture in the store's own format (docs/store-format.md), so that a copy of it opens as any store.
 * <p>
 * The driver works on a local copy of the store's metadata ({@code store.xmi}, in a temporary folder), as an
 * {@link ActivationStore} with all the store's own checks: the capture's folder and the shards' names it writes to
 * are the ones those checks allow ({@code captures/<id>/shard-NNNNN.safetensors}), so nothing in a store.xmi from
 * elsewhere makes it read, write or delete outside the store. The shards never pass through the driver's disk:
 * executors write each one into the capture's folder under a temporary name of their own
 * ({@code .shard-NNNNN.safetensors.<random>.tmp}); the driver, in prompt order, reads it once (size, SHA-256 and
 * the shard's metadata, against what the executor reported), renames it to its shard name, records it in the
 * local {@code store.xmi} and then publishes that file to the store. The remote {@code store.xmi} is the one
 * commit point: it is replaced only after the shards it names are in place, in one step where the filesystem
 * allows it ({@link #publish}).
 * <p>
 * A steering sweep works on the same local copy, with the files it reads copied into it ({@link #download}); the
 * files it stores are uploaded before store.xmi is published ({@link #uploadNewFilesAndPublish}).
 * <p>
 * One writer at a time: the driver creates {@value #LOCK_FILE} in the store exclusively (HDFS: atomic; S3: a
 * check then a write) and deletes it when it is done; a second writer is refused, naming the file.
 */
final class RemoteStore implements AutoCloseable {

    /** The remote writer's lock, beside store.xmi: created exclusively, naming its holder, deleted at the end. */
    static final String LOCK_FILE = ".writer.lock";

    /** A shard header larger than this is not a shard (safetensors itself caps headers at 100 MB). */
    private static final int MAX_HEADER_BYTES = 100 << 20;

    private final org.apache.hadoop.fs.Path root;
    private final FileSystem fs;
    private final Configuration hadoop;
    private final Path workingCopy;
    private final Consumer<String> log;
    private boolean locked;
    /** The captures the store's store.xmi recorded when it was copied. */
    private java.util.Set<String> capturesAtOpen = java.util.Set.of();
    /** The files {@link #download} copied into the working copy. */
    private final java.util.Set<Path> downloaded = new java.util.HashSet<>();
    private org.apache.hadoop.fs.Path captureFolder;

    private RemoteStore(org.apache.hadoop.fs.Path root, FileSystem fs, Configuration hadoop, Path workingCopy,
            Consumer<String> log) {
        this.root = root;
        this.fs = fs;
        this.hadoop = hadoop;
        this.workingCopy = workingCopy;
        this.log = log;
    }

    /**
     * Takes the store at {@code uri} for writing (created if missing): its lock, then a local copy of its
     * {@code store.xmi} (a new, empty store named after the folder if it has none), then deletes Mechanist's
     * temporaries beside it.
     *
     * @throws IOException naming the lock file if another writer holds it, or the folder if it holds a store's data
     *     files but no store.xmi
     */
    static RemoteStore open(String uri, Configuration hadoop, Consumer<String> log) throws IOException {
        org.apache.hadoop.fs.Path given = new org.apache.hadoop.fs.Path(uri);
        FileSystem fs = withoutChecksumFiles(given.getFileSystem(hadoop));
        org.apache.hadoop.fs.Path root = fs.makeQualified(given);
        if (!fs.mkdirs(root) || !fs.getFileStatus(root).isDirectory()) {
            throw new IOException(root + ": cannot create the store folder");
        }
        RemoteStore store = new RemoteStore(root, fs, hadoop, Files.createTempDirectory("mechanist-store-"), log);
        try {
            store.lock();
            store.download();
            store.removeTemporaries(root);
            return store;
        } catch (IOException | RuntimeException | Error e) {
            try {
                store.close();
            } catch (IOException cleanup) {
                e.addSuppressed(cleanup);
            }
            throw e;
        }
    }

    /** Whether {@code store} names a store on a Hadoop filesystem rather than a local folder. */
    static boolean isUri(String store) {
        return HadoopCheckpoints.isUri(store);
    }

    /** The local folder holding the store's metadata, where the driver opens it as an {@link ActivationStore}. */
    Path workingCopy() {
        return workingCopy;
    }

    /**
     * {@code problem} with the store's store.xmi named as the user gave it, for a problem the store's checks found
     * in the working copy (which is deleted when the run ends).
     */
    IOException named(StoreCorruptionException problem) {
        Path copy = workingCopy.resolve(ShardLayout.STORE_FILE);
        String message = problem.getMessage();
        if (!copy.equals(problem.file()) || !message.startsWith(copy + ": ")) {
            return problem;
        }
        return new IOException(new org.apache.hadoop.fs.Path(root, ShardLayout.STORE_FILE) + ": "
                + message.substring(copy.toString().length() + 2), problem);
    }

    /**
     * Hadoop's local filesystem writes a {@code .crc} file beside every file; the store's format has none, so its
     * files are written through the filesystem underneath.
     */
    private static FileSystem withoutChecksumFiles(FileSystem fs) {
        return fs instanceof ChecksumFileSystem checksummed ? checksummed.getRawFileSystem() : fs;
    }

    private void lock() throws IOException {
        org.apache.hadoop.fs.Path lock = new org.apache.hadoop.fs.Path(root, LOCK_FILE);
        String holder = host() + " pid " + ProcessHandle.current().pid() + " since " + Instant.now() + "\n";
        try (FSDataOutputStream out = fs.createNonRecursive(lock, false, 4096, fs.getDefaultReplication(lock),
                fs.getDefaultBlockSize(lock), null)) {
            locked = true;
            out.write(holder.getBytes(StandardCharsets.UTF_8));
            if (out.hasCapability(StreamCapabilities.HSYNC)) {
                out.hsync();
            }
        } catch (IOException e) {
            if (!locked && fs.exists(lock)) {
                throw new IOException(lock + ": the store is being written by " + holder(lock) + "; if that run is"
                        + " gone (its driver was killed), delete this file (hadoop fs -rm '" + lock + "') and run"
                        + " again", e);
            }
            throw e;
        }
    }

    /** What a lock file says of its holder, or a phrase saying it cannot be read. */
    private String holder(org.apache.hadoop.fs.Path lock) {
        try (InputStream in = fs.open(lock)) {
            String text = new String(in.readNBytes(512), StandardCharsets.UTF_8).strip();
            return text.isEmpty() ? "another run" : "'" + text.replaceAll("[^\\p{Print}]", "?") + "'";
        } catch (IOException e) {
            return "another run";
        }
    }

    private static String host() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (IOException e) {
            return "an unknown host";
        }
    }

    /** Copies the store's store.xmi into the working copy, or makes an empty store there for a new one. */
    private void download() throws IOException {
        org.apache.hadoop.fs.Path xmi = new org.apache.hadoop.fs.Path(root, ShardLayout.STORE_FILE);
        requireNoLink(xmi);
        FileStatus status = statusOrNull(xmi);
        if (status != null) {
            if (!status.isFile()) {
                throw new IOException(xmi + " is not a file");
            }
            try (InputStream in = fs.open(xmi)) {
                Files.copy(in, workingCopy.resolve(ShardLayout.STORE_FILE));
            }
            try (ActivationStore copy = ActivationStore.openReadOnly(workingCopy)) {
                capturesAtOpen = copy.read(st -> st.getCaptures().stream().map(io.mechanist.model.Capture::getId)
                        .collect(java.util.stream.Collectors.toUnmodifiableSet()));
            } catch (StoreCorruptionException e) {
                throw named(e);
            }
            return;
        }
        long orphans = 0;
        for (String sub : List.of(ShardLayout.CAPTURES, ShardLayout.VECTORS, ShardLayout.RESULTS)) {
            org.apache.hadoop.fs.Path data = new org.apache.hadoop.fs.Path(root, sub);
            if (fs.exists(data)) {
                RemoteIterator<org.apache.hadoop.fs.LocatedFileStatus> files = fs.listFiles(data, true);
                while (files.hasNext()) {
                    files.next();
                    orphans++;
                }
            }
        }
        if (orphans > 0) {
            List<String> replacements = new ArrayList<>();
            for (FileStatus file : fs.listStatus(root)) {
                String name = file.getPath().getName();
                if (name.startsWith("." + ShardLayout.STORE_FILE + ".") && isTemporary(name)) {
                    replacements.add(name);
                }
            }
            throw new IOException(root + ": " + ShardLayout.STORE_FILE + " is missing, but the folder holds " + orphans
                    + " file(s) of a Mechanist store (" + ShardLayout.CAPTURES + "/, " + ShardLayout.VECTORS + "/, "
                    + ShardLayout.RESULTS + "/); " + (replacements.isEmpty() ? "restore its " + ShardLayout.STORE_FILE
                    : "a run stopped while replacing it left " + replacements + ": rename the newest to "
                            + ShardLayout.STORE_FILE)
                    + ", or pick an empty folder for a new store");
        }
        String name = root.getName().isEmpty() ? "store" : root.getName();
        ActivationStore.create(workingCopy, name).close();
    }

    /**
     * Readies the store for {@code writer}'s capture, opened on the working copy: checks that the shards the
     * capture records are in the store with their recorded sizes and metadata, deletes the leftover of an
     * interrupted commit (the next shard under its final name, which is never trusted: it is computed again) and
     * refuses any other shard the metadata does not record; then publishes store.xmi with the capture's record.
     *
     * @return the capture's folder in the store, where executors write their shards
     */
    String prepare(CaptureWriter writer, ActivationStore local) throws IOException {
        // the folder the store's own checks resolved (captures/<id>), as a path relative to the store
        Path relative = workingCopy.toAbsolutePath().normalize().relativize(writer.captureFolder().toAbsolutePath()
                .normalize());
        if (!relative.equals(Path.of(ShardLayout.CAPTURES, writer.captureId()))) {
            throw new IllegalStateException("capture " + writer.captureId() + " has folder " + relative
                    + ", not captures/" + writer.captureId());
        }
        org.apache.hadoop.fs.Path captures = new org.apache.hadoop.fs.Path(root, ShardLayout.CAPTURES);
        org.apache.hadoop.fs.Path folder = new org.apache.hadoop.fs.Path(captures, writer.captureId());
        requireNoLink(captures);
        requireNoLink(folder);
        if (!capturesAtOpen.contains(writer.captureId()) && fs.exists(folder)) {
            // a new capture: as in a local store, files of the folder that store.xmi does not record stay untouched
            List<String> present = new ArrayList<>();
            for (FileStatus file : fs.listStatus(folder)) {
                if (!isTemporary(file.getPath().getName())) {
                    present.add(file.getPath().getName());
                }
            }
            if (!present.isEmpty()) {
                present.sort(Comparator.naturalOrder());
                throw new IOException(folder + " already holds " + present.size() + " file(s) that "
                        + ShardLayout.STORE_FILE + " does not record (e.g. " + present.get(0) + "); Mechanist will"
                        + " not write over them: move them away or pick another capture id");
            }
        }
        if (!fs.mkdirs(folder) || !fs.getFileStatus(folder).isDirectory()) {
            throw new IOException(folder + ": cannot create the capture's folder");
        }
        captureFolder = folder;
        removeTemporaries(folder);
        List<Shard> recorded = local.read(s -> List.copyOf(org.eclipse.emf.ecore.util.EcoreUtil.copyAll(
                s.getCaptures().stream().filter(c -> writer.captureId().equals(c.getId())).findFirst().orElseThrow()
                        .getShards())));
        List<String> recordedNames = new ArrayList<>();
        for (Shard shard : recorded) {
            checkRecorded(writer.captureId(), shard);
            recordedNames.add(shard.getFile());
        }
        List<String> unrecorded = new ArrayList<>();
        for (FileStatus file : fs.listStatus(folder)) {
            String name = file.getPath().getName();
            if (ShardLayout.isShardFileName(name) && !recordedNames.contains(name)) {
                unrecorded.add(name);
            }
        }
        unrecorded.sort(Comparator.naturalOrder());
        String next = ShardLayout.shardFileName(writer.nextShardIndex());
        if (unrecorded.equals(List.of(next)) && isInterruptedCommit(new org.apache.hadoop.fs.Path(folder, next),
                writer.captureId(), writer.nextPrompt())) {
            log.accept("capture " + writer.captureId() + ": " + next + " is not recorded in " + ShardLayout.STORE_FILE
                    + " (a run stopped before recording it); it is computed again");
            fs.delete(new org.apache.hadoop.fs.Path(folder, next), false);
        } else if (!unrecorded.isEmpty()) {
            throw new IOException(folder + " holds shard files that " + ShardLayout.STORE_FILE + " does not record "
                    + unrecorded + "; Mechanist will not write over them. If " + ShardLayout.STORE_FILE
                    + " was replaced by an older copy, restore the newer one; otherwise move these files away");
        }
        publish();
        return folder.toString();
    }

    /** A recorded shard must be in the store as recorded: its size, and its metadata naming its prompts. */
    private void checkRecorded(String captureId, Shard shard) throws IOException {
        if (!ShardLayout.isShardFileName(shard.getFile())) {
            throw new IOException("capture " + captureId + " records a shard '" + shard.getFile() + "'");
        }
        org.apache.hadoop.fs.Path file = new org.apache.hadoop.fs.Path(captureFolder, shard.getFile());
        FileStatus status = statusOrNull(file);
        if (status == null || !status.isFile() || status.getLen() != shard.getSize()) {
            throw new IOException(file + ": " + ShardLayout.STORE_FILE + " records it with " + shard.getSize()
                    + " bytes, but it " + (status == null ? "is missing" : status.isFile() ? "has " + status.getLen()
                    : "is not a file") + "; the store's data does not match its metadata");
        }
        Map<String, String> metadata;
        try (InputStream in = fs.open(file)) {
            metadata = readMetadata(new DataInputStream(in), file);
        }
        if (!matches(metadata, captureId, shard.getFirstPrompt(), shard.getPromptCount(), shard.getRowCount())) {
            throw new IOException(file + ": its metadata " + metadata + " is not that of shard " + shard.getFile()
                    + " of capture " + captureId + " as " + ShardLayout.STORE_FILE + " records it (prompts from "
                    + shard.getFirstPrompt() + ")");
        }
    }

    /** Whether {@code file} is this capture's shard starting at its first uncommitted prompt, as a commit leaves it. */
    private boolean isInterruptedCommit(org.apache.hadoop.fs.Path file, String captureId, int nextPrompt) {
        try (InputStream in = fs.open(file)) {
            Map<String, String> metadata = readMetadata(new DataInputStream(in), file);
            return ShardLayout.SHARD_FORMAT.equals(metadata.get("format"))
                    && captureId.equals(metadata.get("capture_id"))
                    && Integer.toString(nextPrompt).equals(metadata.get("first_prompt"));
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }

    /**
     * Executor side: writes {@code shard} as shard number {@code shardIndex} into the capture's folder in the store
     * under a fresh temporary name, never overwriting and never creating the folder.
     */
    static ShardBuilder.Staged stage(ShardBuilder shard, int shardIndex, String captureFolder, Configuration hadoop)
            throws IOException {
        org.apache.hadoop.fs.Path file = new org.apache.hadoop.fs.Path(captureFolder,
                AtomicFiles.temporaryName(ShardLayout.shardFileName(shardIndex)));
        return HadoopStaging.write(shard, shardIndex, file, withoutChecksumFiles(file.getFileSystem(hadoop)));
    }

    /**
     * Driver side: commits the next shard of {@code writer}, written by an executor as {@code staged} in the
     * capture's folder: reads it once to check its size, SHA-256 and metadata against the executor's report,
     * renames it to its shard name, records it and publishes store.xmi. A shard that fails a check is deleted and
     * nothing is committed.
     *
     * @throws IOException naming the file when it is missing or not what the executor wrote
     * @throws IllegalArgumentException if {@code staged} is not a temporary name of the next shard
     */
    void commit(CaptureWriter writer, ShardBuilder.Staged staged) throws IOException {
        String fileName = ShardLayout.shardFileName(writer.nextShardIndex());
        String name = staged.temporaryName();
        if (name.contains("/") || !isTemporary(name) || !name.startsWith("." + fileName + ".")) {
            throw new IllegalArgumentException("capture " + writer.captureId() + ": '" + name
                    + "' is not a temporary of " + fileName + " in " + captureFolder);
        }
        org.apache.hadoop.fs.Path temporary = new org.apache.hadoop.fs.Path(captureFolder, name);
        FileStatus status = statusOrNull(temporary);
        if (status == null || !status.isFile() || status.getLen() != staged.size()) {
            throw new IOException(temporary + ": the shard an executor wrote is missing or not " + staged.size()
                    + " bytes");
        }
        MessageDigest sha256 = newSha256();
        Map<String, String> metadata;
        // the whole file through the hash: equal to the executor's, it is the file the executor wrote, whole
        try (DigestInputStream in = new DigestInputStream(fs.open(temporary), sha256)) {
            metadata = readMetadata(new DataInputStream(in), temporary);
            in.transferTo(OutputStream.nullOutputStream());
        }
        String hash = HexFormat.of().formatHex(sha256.digest());
        String problem = null;
        if (!hash.equals(staged.sha256())) {
            problem = "reads with SHA-256 " + hash + ", the executor wrote " + staged.sha256();
        } else if (!matches(metadata, writer.captureId(), staged.firstPrompt(), staged.promptCount(),
                staged.rowCount())) {
            problem = "has metadata " + metadata + ", not that of capture " + writer.captureId() + " from prompt "
                    + staged.firstPrompt();
        }
        if (problem != null) {
            fs.delete(temporary, false);
            throw new IOException(temporary + ": " + problem + "; not committed");
        }
        org.apache.hadoop.fs.Path target = new org.apache.hadoop.fs.Path(captureFolder, fileName);
        // some filesystems' rename replaces an existing file (Hadoop's local one); nothing may be there
        if (fs.exists(target) || !fs.rename(temporary, target)) {
            throw new IOException(target + ": cannot rename " + temporary + " to it (is something there already?)");
        }
        writer.recordPlaced(new ShardBuilder.Staged(fileName, staged.size(), hash, staged.firstPrompt(),
                staged.promptCount(), staged.rowCount()));
        publish();
    }

    /**
     * Copies into the working copy what an analysis run on it reads of the store besides store.xmi: every shard of
     * the captures {@code captureIds} and every stored vector's file, each at the path the store's own checks give
     * it ({@code captures/<id>/shard-NNNNN.safetensors}, {@code vectors/<id>.safetensors}); the store checks their
     * sizes and hashes before it reads them, as in any store.
     */
    void download(java.util.Collection<String> captureIds) throws IOException {
        List<Path> files = workingCopyFiles((s, paths, wanted) -> {
            for (io.mechanist.model.Capture capture : s.getCaptures()) {
                if (captureIds.contains(capture.getId())) {
                    for (Shard shard : capture.getShards()) {
                        wanted.add(paths.shardFile(capture, shard));
                    }
                }
            }
            for (io.mechanist.model.StoredVector vector : s.getVectors()) {
                wanted.add(paths.vectorFile(vector));
            }
        });
        for (Path file : files) {
            org.apache.hadoop.fs.Path remote = remote(file);
            Files.createDirectories(file.getParent());
            try (InputStream in = fs.open(remote)) {
                Files.copy(in, file);
            } catch (java.io.FileNotFoundException e) {
                throw new IOException(remote + ": " + ShardLayout.STORE_FILE + " records it, but it is missing", e);
            }
            downloaded.add(file);
        }
        log.accept("copied " + files.size() + " file(s) of " + root + " for the driver");
    }

    /**
     * Uploads the data files of the results and vectors the working copy records that it did not copy from the
     * store (those an analysis just stored), each written beside its place under a temporary name and renamed into
     * it; then publishes store.xmi, which names them.
     *
     * @throws IOException naming a file already in the store where a new one goes: it is not written over
     */
    void uploadNewFilesAndPublish() throws IOException {
        List<Path> recorded = workingCopyFiles((s, paths, files) -> {
            for (io.mechanist.model.AnalysisResult result : s.getResults()) {
                if (result.getArraysFile() != null) {
                    files.add(paths.resultArraysFile(result));
                }
            }
            for (io.mechanist.model.StoredVector vector : s.getVectors()) {
                files.add(paths.vectorFile(vector));
            }
        });
        for (Path file : recorded) {
            org.apache.hadoop.fs.Path target = remote(file);
            if (!Files.isRegularFile(file) || downloaded.contains(file)) {
                continue; // in the store already (results are not copied down; vectors are)
            }
            if (statusOrNull(target) != null) {
                throw new IOException(target + " exists, but " + ShardLayout.STORE_FILE + " did not record it;"
                        + " Mechanist will not write over it (move it away and run again)");
            }
            if (!fs.mkdirs(target.getParent())) {
                throw new IOException(target.getParent() + ": cannot create the folder");
            }
            org.apache.hadoop.fs.Path temporary = new org.apache.hadoop.fs.Path(target.getParent(),
                    AtomicFiles.temporaryName(target.getName()));
            try (FSDataOutputStream out = fs.createNonRecursive(temporary, false, 1 << 16,
                    fs.getDefaultReplication(temporary), fs.getDefaultBlockSize(temporary), null)) {
                Files.copy(file, out);
                if (out.hasCapability(StreamCapabilities.HSYNC)) {
                    out.hsync();
                }
            }
            if (!fs.rename(temporary, target)) {
                fs.delete(temporary, false);
                throw new IOException(target + ": cannot rename " + temporary + " to it");
            }
        }
        publish();
    }

    /** Adds files of the working copy, at the paths the store's own checks give them, to {@code files}. */
    @FunctionalInterface
    private interface FileLister {
        void list(io.mechanist.model.Store store, StorePaths paths, List<Path> files) throws StoreCorruptionException;
    }

    /** The files {@code lister} names in the working copy's metadata; a corrupt record is named as the store's. */
    private List<Path> workingCopyFiles(FileLister lister) throws IOException {
        try (ActivationStore local = ActivationStore.openReadOnly(workingCopy)) {
            StorePaths paths = new StorePaths(local.folder());
            return local.read(s -> {
                List<Path> files = new ArrayList<>();
                try {
                    lister.list(s, paths, files);
                } catch (StoreCorruptionException e) {
                    throw new java.io.UncheckedIOException(e);
                }
                return files;
            });
        } catch (java.io.UncheckedIOException e) {
            throw e.getCause() instanceof StoreCorruptionException corrupt ? named(corrupt) : e.getCause();
        }
    }

    /** The store's file at the place of {@code file} in the working copy. */
    private org.apache.hadoop.fs.Path remote(Path file) {
        Path relative = workingCopy.toAbsolutePath().normalize().relativize(file.toAbsolutePath().normalize());
        if (relative.startsWith("..") || relative.isAbsolute()) {
            throw new IllegalArgumentException(file + " is not in " + workingCopy);
        }
        return new org.apache.hadoop.fs.Path(root, relative.toString().replace(java.io.File.separatorChar, '/'));
    }

    /**
     * Replaces the store's store.xmi with the working copy's. On an object store whose uploads become visible only
     * when complete (S3A: {@link CommonPathCapabilities#ABORTABLE_STREAM}), the object is written once, in one
     * upload, and readers see the old or the new one whole. Elsewhere it is written to a temporary beside it, forced
     * to the datanodes where the stream can, and renamed over it through {@link FileContext} with
     * {@link Options.Rename#OVERWRITE}: one atomic step on HDFS; other filesystems (Hadoop's local one, ABFS, GCS)
     * delete the old one first, so a crash between the two leaves the complete new one as that temporary.
     */
    void publish() throws IOException {
        org.apache.hadoop.fs.Path xmi = new org.apache.hadoop.fs.Path(root, ShardLayout.STORE_FILE);
        Path local = workingCopy.resolve(ShardLayout.STORE_FILE);
        if (fs.hasPathCapability(root, CommonPathCapabilities.ABORTABLE_STREAM)) {
            try (FSDataOutputStream out = fs.create(xmi, true)) {
                Files.copy(local, out);
            }
            return;
        }
        org.apache.hadoop.fs.Path temporary = new org.apache.hadoop.fs.Path(root,
                AtomicFiles.temporaryName(ShardLayout.STORE_FILE));
        try {
            try (FSDataOutputStream out = fs.createNonRecursive(temporary, false, 1 << 16,
                    fs.getDefaultReplication(temporary), fs.getDefaultBlockSize(temporary), null)) {
                Files.copy(local, out);
                if (out.hasCapability(StreamCapabilities.HSYNC)) {
                    out.hsync();
                }
            }
            FileContext.getFileContext(root.toUri(), hadoop).rename(temporary, xmi, Options.Rename.OVERWRITE);
        } catch (IOException | RuntimeException e) {
            try {
                fs.delete(temporary, false);
            } catch (IOException cleanup) {
                e.addSuppressed(cleanup);
            }
            throw e;
        }
    }

    /**
     * Deletes the capture's leftover temporaries (attempts that failed or lost the race), the lock and the working
     * copy. The lock is deleted only if this run created it.
     */
    @Override
    public void close() throws IOException {
        IOException failed = null;
        try {
            if (captureFolder != null) {
                removeTemporaries(captureFolder);
            }
        } catch (IOException e) {
            failed = e;
        }
        if (locked) {
            org.apache.hadoop.fs.Path lock = new org.apache.hadoop.fs.Path(root, LOCK_FILE);
            try {
                if (!fs.delete(lock, false) && fs.exists(lock)) {
                    throw new IOException(lock + ": cannot delete the lock; delete it by hand");
                }
                locked = false;
            } catch (IOException e) {
                failed = addTo(failed, e);
            }
        }
        try (Stream<Path> files = Files.walk(workingCopy)) {
            for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(file);
            }
        } catch (IOException e) {
            failed = addTo(failed, e);
        }
        if (failed != null) {
            throw failed;
        }
    }

    private static IOException addTo(IOException first, IOException next) {
        if (first == null) {
            return next;
        }
        first.addSuppressed(next);
        return first;
    }

    /** Deletes Mechanist's temporaries directly in {@code folder}, as a store opened for writing does; nothing else. */
    private void removeTemporaries(org.apache.hadoop.fs.Path folder) throws IOException {
        for (FileStatus file : fs.listStatus(folder)) {
            // by its name in the folder: some filesystems list entries under another form of their path
            String name = file.getPath().getName();
            if (file.isFile() && isTemporary(name)) {
                fs.delete(new org.apache.hadoop.fs.Path(folder, name), false);
            }
        }
    }

    private static boolean isTemporary(String name) {
        return AtomicFiles.isTemporary(Path.of(name));
    }

    /**
     * Refuses a symbolic link where the store has a folder or its store.xmi: through one, writes would land outside
     * the store. Only filesystems with links (Hadoop's local one; HDFS has them switched off) can have one, and the
     * store's own files and temporaries are named by the driver under these folders.
     */
    private void requireNoLink(org.apache.hadoop.fs.Path path) throws IOException {
        boolean link;
        if (fs instanceof org.apache.hadoop.fs.RawLocalFileSystem local) {
            // its getFileLinkStatus may not see a link (it asks a readlink process); the JDK does
            link = Files.isSymbolicLink(local.pathToFile(path).toPath());
        } else if (fs.supportsSymlinks()) {
            try {
                link = fs.getFileLinkStatus(path).isSymlink();
            } catch (java.io.FileNotFoundException absent) {
                link = false;
            }
        } else {
            link = false;
        }
        if (link) {
            throw new IOException(path + " is a symbolic link; Mechanist writes nothing outside a store");
        }
    }

    private FileStatus statusOrNull(org.apache.hadoop.fs.Path file) throws IOException {
        try {
            return fs.getFileStatus(file);
        } catch (java.io.FileNotFoundException e) {
            return null;
        }
    }

    private static boolean matches(Map<String, String> metadata, String captureId, int firstPrompt, int promptCount,
            long rowCount) {
        return ShardLayout.SHARD_FORMAT.equals(metadata.get("format")) && captureId.equals(metadata.get("capture_id"))
                && Integer.toString(firstPrompt).equals(metadata.get("first_prompt"))
                && Integer.toString(promptCount).equals(metadata.get("prompt_count"))
                && Long.toString(rowCount).equals(metadata.get("row_count"));
    }

    /**
     * The {@code __metadata__} of a safetensors stream, read from its header (8 bytes of little-endian length, then
     * that much JSON); the stream is left after the header.
     */
    static Map<String, String> readMetadata(DataInputStream in, org.apache.hadoop.fs.Path file) throws IOException {
        byte[] length = new byte[8];
        in.readFully(length);
        long headerBytes = ByteBuffer.wrap(length).order(ByteOrder.LITTLE_ENDIAN).getLong();
        if (headerBytes < 2 || headerBytes > MAX_HEADER_BYTES) {
            throw new IOException(file + ": not a safetensors file (header of " + headerBytes + " bytes)");
        }
        byte[] header = new byte[(int) headerBytes];
        in.readFully(header);
        try {
            JsonElement parsed = JsonParser.parseString(new String(header, StandardCharsets.UTF_8));
            JsonObject metadata = parsed.getAsJsonObject().getAsJsonObject("__metadata__");
            Map<String, String> out = new java.util.LinkedHashMap<>();
            if (metadata != null) {
                for (Map.Entry<String, JsonElement> entry : metadata.entrySet()) {
                    out.put(entry.getKey(), entry.getValue().getAsString());
                }
            }
            return out;
        } catch (RuntimeException e) {
            throw new IOException(file + ": not a safetensors file (" + e.getMessage() + ")", e);
        }
    }

    private static MessageDigest newSha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK has no SHA-256", e);
        }
    }
}
