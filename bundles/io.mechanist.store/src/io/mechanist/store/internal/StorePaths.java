package io.mechanist.store.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.List;
import java.util.regex.Pattern;

import io.mechanist.model.AnalysisResult;
import io.mechanist.model.Capture;
import io.mechanist.model.Shard;
import io.mechanist.model.StoredVector;
import io.mechanist.store.StoreCorruptionException;

/**
 * The files a store's metadata names, checked before anything touches them. {@code store.xmi} is data that people
 * share, so every path it records must be relative, normalised, of the form Mechanist writes
 * ({@code captures/<id>}, {@code shard-NNNNN.safetensors}, {@code vectors/<id>.safetensors},
 * {@code results/<id>.safetensors}) and, on disk, must not lead outside the store through a symbolic link.
 * Anything else is a {@link StoreCorruptionException} naming the element and the recorded path; no file is read,
 * written, measured or deleted first.
 * <p>
 * <b>Hard links.</b> A data file with more than one name on disk is refused: Mechanist never makes hard links in a
 * store, and one made by a crafted archive (some extractors create hard links to any path) names a file elsewhere
 * although its path is inside. <b>Links swapped in later.</b> A store's files can change between the check and the
 * open (a shared folder, another process); {@link #openInside} checks again after opening and compares the file's
 * identity, so a link swapped in before the open is refused before the file's contents are used. Java opens by path,
 * so a swap that is undone between the open and the second check is not detected; that needs an attacker racing
 * this process on the same file system, not a shared store.
 */
public final class StorePaths {

    private static final String NAME = "[A-Za-z0-9][A-Za-z0-9._-]{0,127}";
    private static final Pattern CAPTURE_FOLDER = Pattern.compile(ShardLayout.CAPTURES + "/" + NAME);
    private static final Pattern SHARD_FILE = Pattern.compile("shard-\\d{5,}\\.safetensors");
    private static final Pattern VECTOR_FILE = Pattern.compile(ShardLayout.VECTORS + "/" + NAME + "\\.safetensors");
    /** A URI scheme of two or more characters (one letter is a Windows drive, not a scheme), as Spark's checkpoints have. */
    private static final Pattern URI = Pattern.compile("[A-Za-z][A-Za-z0-9+.-]+:.*");
    private static final Pattern RESULT_FILE = Pattern.compile(ShardLayout.RESULTS + "/" + NAME + "\\.safetensors");

    private final Path root;
    private volatile Path realRoot;

    /** @param root the store folder, absolute and normalised */
    public StorePaths(Path root) {
        this.root = root;
    }

    /**
     * The checkpoint folder a model element records, resolved: a relative folder against the store, an absolute
     * one as it is; empty when none is recorded. A model folder is not store data (checkpoints usually live
     * elsewhere), so it is not confined to the store; what is loaded from it is only config.json, tokenizer.json and
     * safetensors, never pickles.
     *
     * @param captureId the capture whose model records it, for the message
     * @throws IllegalArgumentException when the record is a URI ({@code hdfs://...}, {@code s3a://...}, {@code file:...}:
     *     a Spark capture records the checkpoint it read so), naming it and saying to give a local folder; resolved
     *     against the store it would name a folder that never existed
     */
    public java.util.Optional<Path> modelFolder(String recorded, String captureId) {
        if (recorded == null || recorded.isBlank()) {
            return java.util.Optional.empty();
        }
        if (isUri(recorded)) {
            throw new IllegalArgumentException("the model of capture '" + captureId + "' was read from " + recorded
                    + " (a Spark capture of a checkpoint on a Hadoop filesystem), which Mechanist does not load from:"
                    + " copy the checkpoint to a local folder and pass it with --model (the parameter 'model')");
        }
        try {
            return java.util.Optional.of(root.resolve(recorded).normalize());
        } catch (InvalidPathException e) {
            return java.util.Optional.empty();
        }
    }

    /** Whether a recorded checkpoint folder is a URI ({@code hdfs://...}, {@code s3a://...}, {@code file:...}). */
    public static boolean isUri(String recorded) {
        return recorded != null && URI.matcher(recorded).matches();
    }

    public Path root() {
        return root;
    }

    /** The metadata file, named by corruption errors about what it records. */
    public Path storeFile() {
        return root.resolve(ShardLayout.STORE_FILE);
    }

    /** The folder of a capture, {@code captures/<capture id>}. */
    public Path captureFolder(Capture capture) throws StoreCorruptionException {
        String element = "capture '" + capture.getId() + "'";
        Path folder = resolve(capture.getFolder(), CAPTURE_FOLDER, element, "folder", "captures/<capture id>");
        if (!folder.getFileName().toString().equals(capture.getId())) {
            throw corrupt(element + " has folder '" + capture.getFolder() + "', which is not captures/" + capture.getId());
        }
        return folder;
    }

    /** A shard file of a capture, {@code shard-NNNNN.safetensors} in its folder. */
    public Path shardFile(Capture capture, Shard shard) throws StoreCorruptionException {
        Path folder = captureFolder(capture);
        String file = shard.getFile();
        String element = "shard of capture '" + capture.getId() + "'";
        if (file == null || !SHARD_FILE.matcher(file).matches()) {
            throw corrupt(element + " has file '" + file + "', which is not of the form shard-NNNNN.safetensors");
        }
        return folder.resolve(file);
    }

    /** The file of a stored vector, {@code vectors/<id>.safetensors}. */
    public Path vectorFile(StoredVector vector) throws StoreCorruptionException {
        return resolve(vector.getFile(), VECTOR_FILE, "vector '" + vector.getId() + "'", "file",
                "vectors/<id>.safetensors");
    }

    /** The array file of an analysis result, {@code results/<id>.safetensors}. */
    public Path resultArraysFile(AnalysisResult result) throws StoreCorruptionException {
        return resolve(result.getArraysFile(), RESULT_FILE, "analysis result '" + result.getId() + "'", "arraysFile",
                "results/<id>.safetensors");
    }

    /**
     * Checks that {@code path} (a file or folder of this store, existing or about to be created) does not lead
     * outside the store on disk: the real path of it, or of its nearest existing ancestor, must lie inside the
     * store's real folder. Only file-system metadata is looked at (no content is read).
     *
     * @param element what the metadata calls it, for the message
     */
    public Path requireInsideOnDisk(Path path, String element) throws StoreCorruptionException {
        Path normalized = path.toAbsolutePath().normalize();
        if (!normalized.startsWith(root)) {
            throw corrupt(element + " '" + path + "' is outside the store folder");
        }
        Path existing = normalized;
        while (existing != null && !Files.exists(existing, LinkOption.NOFOLLOW_LINKS)) {
            existing = existing.getParent();
        }
        Path real;
        try {
            real = existing == null ? null : existing.toRealPath();
        } catch (IOException e) {
            real = null; // a symbolic link to nowhere: treated like one to elsewhere
        }
        if (real == null || !real.startsWith(realRoot())) {
            throw corrupt(element + " '" + root.relativize(normalized)
                    + "' leads outside the store folder through a symbolic link");
        }
        if (existing.equals(normalized) && linkCount(normalized) > 1) {
            throw corrupt(element + " '" + root.relativize(normalized) + "' is a hard link (" + linkCount(normalized)
                    + " names on disk), which can name a file outside the store; Mechanist never makes one. A copy"
                    + " made with hard links (cp -l, rsync --link-dest, deduplication) opens once copied plainly"
                    + " (cp -a)");
        }
        return normalized;
    }

    /** Opens a checked store file, e.g. {@code SafetensorsFile::open}; may read the file. */
    @FunctionalInterface
    public interface Opener<T extends AutoCloseable> {
        T open(Path file) throws IOException;
    }

    /**
     * Checks {@code path} ({@link #requireInsideOnDisk}), opens it with {@code opener}, then checks it again and
     * requires the same file (device and inode) as before the open. When the second check fails, what was opened is
     * closed and the containment error is thrown, not the opener's own (a format or size error about a file swapped
     * in from elsewhere would describe that file).
     */
    public <T extends AutoCloseable> T openInside(Path path, String element, Opener<T> opener) throws IOException {
        Path checked = requireInsideOnDisk(path, element);
        Object identity = identity(checked);
        T opened = null;
        IOException failedIo = null;
        RuntimeException failedOther = null;
        try {
            opened = opener.open(checked);
        } catch (IOException e) {
            failedIo = e;
        } catch (RuntimeException e) {
            failedOther = e;
        }
        try {
            requireInsideOnDisk(checked, element);
            // absent before and after: the opener's own error (a missing file) is the one to report
            if (!java.util.Objects.equals(identity, identity(checked))) {
                throw corrupt(element + " '" + root.relativize(checked) + "' was replaced on disk while it was "
                        + "being opened; it is not read");
            }
        } catch (StoreCorruptionException e) {
            closeQuietly(opened);
            throw e;
        }
        if (failedIo != null) {
            throw failedIo;
        }
        if (failedOther != null) {
            throw failedOther;
        }
        return opened;
    }

    /** Reads a checked store file without keeping it open, e.g. to verify its checksum. */
    @FunctionalInterface
    public interface Reader {
        void read(Path file) throws IOException;
    }

    /** {@link #openInside} for a read that keeps nothing open. */
    public void readInside(Path path, String element, Reader reader) throws IOException {
        openInside(path, element, file -> {
            reader.read(file);
            return () -> {
            };
        });
    }

    /**
     * The file's identity on disk (its device and inode where the platform has them), links not followed; null when
     * there is no such file.
     */
    private static Object identity(Path file) {
        try {
            BasicFileAttributes attributes = Files.readAttributes(file, BasicFileAttributes.class,
                    LinkOption.NOFOLLOW_LINKS);
            return attributes.fileKey() != null ? attributes.fileKey()
                    : List.of(attributes.creationTime(), attributes.size());
        } catch (IOException e) {
            return null;
        }
    }

    /**
     * How many names the regular file {@code file} has on disk; 1 for anything else, or where the platform does
     * not say (no "unix" attribute view).
     */
    public static int linkCount(Path file) {
        try {
            if (!Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)) {
                return 1;
            }
            return ((Number) Files.getAttribute(file, "unix:nlink", LinkOption.NOFOLLOW_LINKS)).intValue();
        } catch (IOException | UnsupportedOperationException | IllegalArgumentException e) {
            return 1;
        }
    }

    private static void closeQuietly(AutoCloseable opened) {
        if (opened != null) {
            try {
                opened.close();
            } catch (Exception e) {
                // closing what must not be used; nothing was read from it that is passed on
            }
        }
    }

    private Path realRoot() throws StoreCorruptionException {
        Path real = realRoot;
        if (real == null) {
            try {
                real = root.toRealPath();
            } catch (IOException e) {
                StoreCorruptionException problem = new StoreCorruptionException(root, "the store folder cannot be "
                        + "resolved: " + e.getMessage());
                problem.initCause(e);
                throw problem;
            }
            realRoot = real;
        }
        return real;
    }

    private Path resolve(String recorded, Pattern form, String element, String attribute, String expected)
            throws StoreCorruptionException {
        if (recorded == null || recorded.isEmpty()) {
            throw corrupt(element + " has no " + attribute);
        }
        String problem = null;
        Path resolved = null;
        try {
            Path relative = Path.of(recorded);
            if (relative.isAbsolute() || recorded.startsWith("/") || recorded.indexOf('\\') >= 0) {
                problem = "an absolute path";
            } else if (recorded.contains("..") || !relative.normalize().toString().equals(recorded)) {
                problem = "not a normalised path";
            } else if (!form.matcher(recorded).matches()) {
                problem = "not of the form " + expected;
            } else {
                resolved = root.resolve(relative).normalize();
                if (!resolved.startsWith(root) || resolved.equals(root)) {
                    problem = "outside the store folder";
                }
            }
        } catch (InvalidPathException e) {
            problem = "not a valid path";
        }
        if (problem != null) {
            throw corrupt(element + " has " + attribute + " '" + recorded + "', which is " + problem
                    + " (expected " + expected + " inside the store)");
        }
        return resolved;
    }

    /** A corruption of the metadata, named by {@code store.xmi}. */
    public StoreCorruptionException corrupt(String problem) {
        return new StoreCorruptionException(storeFile(), problem);
    }
}
