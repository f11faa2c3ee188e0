package io.mechanist.store.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.LinkOption;
import java.nio.file.Path;
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
 */
public final class StorePaths {

    private static final String NAME = "[A-Za-z0-9][A-Za-z0-9._-]{0,127}";
    private static final Pattern CAPTURE_FOLDER = Pattern.compile(ShardLayout.CAPTURES + "/" + NAME);
    private static final Pattern SHARD_FILE = Pattern.compile("shard-\\d{5,}\\.safetensors");
    private static final Pattern VECTOR_FILE = Pattern.compile(ShardLayout.VECTORS + "/" + NAME + "\\.safetensors");
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
     */
    public java.util.Optional<Path> modelFolder(String recorded) {
        if (recorded == null || recorded.isBlank()) {
            return java.util.Optional.empty();
        }
        try {
            return java.util.Optional.of(root.resolve(recorded).normalize());
        } catch (InvalidPathException e) {
            return java.util.Optional.empty();
        }
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
        return normalized;
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
