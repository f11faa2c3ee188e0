package io.mechanist.capture.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/**
 * SHA-256 of large files (checkpoint shards), remembered per file so that every capture of the same checkpoint does
 * not read and hash all of its bytes again (16 GB for an 8B model in bf16: tens of seconds, minutes when the page
 * cache cannot hold the file beside the model).
 *
 * <p>An entry is reused only while the file keeps its identity and every time stamp the kernel keeps for it: the
 * same size, device and inode ({@link BasicFileAttributes#fileKey}), modification time and status-change time
 * ({@code unix:ctime}, which no user-level tool can set back: rewriting a file and restoring its modification time
 * still changes it), all to the nanosecond where the filesystem records them. That is the identity rsync and git
 * trust; where the filesystem reports no inode or no change time, nothing is cached.
 *
 * <p>The cache is one text file per user ({@value #PROPERTY}, else {@code ~/.mechanist/file-hashes.tsv}; {@code off}
 * turns it off), rewritten through a temporary file and an atomic rename. A damaged or foreign cache file is
 * ignored (the hashes are computed again); two processes writing at once lose entries, never correctness. Files
 * smaller than {@link #MIN_BYTES} are always hashed: reading them costs less than trusting time stamps.
 */
public final class FileHashCache {

    /** System property naming the cache file, or {@code off}. */
    public static final String PROPERTY = "io.mechanist.fileHashCache";
    /** Files below this size are hashed every time. */
    public static final long MIN_BYTES = 16L << 20;
    private static final String HEADER = "# mechanist file hashes v1: path, size, fileKey, mtime ns, ctime ns, sha256";
    /** Entries kept: the most recently hashed files. */
    private static final int MAX_ENTRIES = 4096;

    private static final AtomicLong HASHED_BYTES = new AtomicLong();

    private FileHashCache() {
    }

    /** Bytes read for hashing since the JVM started (files served from the cache read none). */
    public static long hashedBytes() {
        return HASHED_BYTES.get();
    }

    /** The SHA-256 of {@code file}, from the cache when its identity and time stamps are unchanged. */
    public static String sha256(Path file) throws IOException {
        Path cache = cacheFile();
        String identity = cache == null ? null : identity(file);
        if (identity == null) {
            return computed(file);
        }
        String key = file.toAbsolutePath().normalize().toString();
        synchronized (FileHashCache.class) {
            Map<String, String[]> entries = read(cache);
            String[] entry = entries.get(key);
            if (entry != null && entry[0].equals(identity)) {
                return entry[1];
            }
        }
        String sha = computed(file);
        if (!identity.equals(identity(file))) {
            return sha; // changed while being hashed: the hash is of no defined version, do not remember it
        }
        synchronized (FileHashCache.class) {
            Map<String, String[]> entries = read(cache);
            entries.remove(key);
            entries.put(key, new String[] {identity, sha});
            write(cache, entries);
        }
        return sha;
    }

    /** The cache file in use, or null when caching is off. */
    static Path cacheFile() {
        String configured = System.getProperty(PROPERTY);
        if (configured == null || configured.isBlank()) {
            return Path.of(System.getProperty("user.home"), ".mechanist", "file-hashes.tsv");
        }
        return configured.equals("off") ? null : Path.of(configured);
    }

    private static String computed(Path file) throws IOException {
        String sha = FileHashes.sha256(file);
        HASHED_BYTES.addAndGet(Files.size(file));
        return sha;
    }

    /**
     * Size, file key, modification and status-change times of a regular file large enough to cache, or null when
     * it is small or the filesystem does not report all of them.
     */
    private static String identity(Path file) throws IOException {
        BasicFileAttributes basic = Files.readAttributes(file, BasicFileAttributes.class);
        if (!basic.isRegularFile() || basic.size() < MIN_BYTES || basic.fileKey() == null) {
            return null;
        }
        Object ctime;
        try {
            ctime = Files.getAttribute(file, "unix:ctime", LinkOption.NOFOLLOW_LINKS);
        } catch (UnsupportedOperationException | IllegalArgumentException e) {
            return null;
        }
        if (!(ctime instanceof FileTime changed)) {
            return null;
        }
        return basic.size() + "\t" + basic.fileKey() + "\t" + nanos(basic.lastModifiedTime()) + "\t" + nanos(changed);
    }

    private static long nanos(FileTime time) {
        return time.to(java.util.concurrent.TimeUnit.NANOSECONDS);
    }

    /** Path to {identity, sha256}, most recently hashed last; empty when the file is missing or not a cache. */
    private static Map<String, String[]> read(Path cache) {
        Map<String, String[]> entries = new LinkedHashMap<>();
        List<String> lines;
        try {
            if (!Files.isRegularFile(cache)) {
                return entries;
            }
            lines = Files.readAllLines(cache, StandardCharsets.UTF_8);
        } catch (IOException | RuntimeException e) {
            return entries;
        }
        if (lines.isEmpty() || !lines.get(0).equals(HEADER)) {
            return entries;
        }
        for (String line : lines.subList(1, lines.size())) {
            String[] fields = line.split("\t", -1);
            if (fields.length == 6 && fields[5].matches("[0-9a-f]{64}")) {
                entries.put(fields[0], new String[] {String.join("\t", fields[1], fields[2], fields[3], fields[4]),
                        fields[5]});
            }
        }
        return entries;
    }

    /** Rewrites the cache; a failure only costs hashing again later, so it is not reported to the capture. */
    private static void write(Path cache, Map<String, String[]> entries) {
        StringBuilder text = new StringBuilder(HEADER).append('\n');
        int skip = Math.max(0, entries.size() - MAX_ENTRIES);
        for (Map.Entry<String, String[]> e : entries.entrySet()) {
            if (skip-- > 0 || e.getKey().contains("\t") || e.getKey().contains("\n")) {
                continue;
            }
            text.append(e.getKey()).append('\t').append(e.getValue()[0]).append('\t').append(e.getValue()[1])
                    .append('\n');
        }
        Path temporary = null;
        try {
            Path folder = cache.toAbsolutePath().getParent();
            Files.createDirectories(folder);
            temporary = Files.createTempFile(folder, cache.getFileName().toString(), ".tmp");
            Files.writeString(temporary, text, StandardCharsets.UTF_8);
            try {
                Files.move(temporary, cache, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temporary, cache, StandardCopyOption.REPLACE_EXISTING);
            }
            temporary = null;
        } catch (IOException | RuntimeException e) {
            System.getLogger(FileHashCache.class.getName()).log(System.Logger.Level.DEBUG,
                    "cannot write the file-hash cache " + cache + ": " + e);
        } finally {
            if (temporary != null) {
                try {
                    Files.deleteIfExists(temporary);
                } catch (IOException e) {
                    // nothing more to do: a stray temporary file in the cache folder
                }
            }
        }
    }
}
