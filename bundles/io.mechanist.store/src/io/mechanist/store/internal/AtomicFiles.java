package io.mechanist.store.internal;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.WritableByteChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Crash-safe file replacement: bytes go to a temporary file in the target's folder, are forced to disk, the
 * temporary file is renamed over the target atomically and the folder is forced, so after a crash the target is
 * either the old file or the complete new one. Temporary files are named {@code .<target>.<random>.tmp}.
 */
public final class AtomicFiles {

    /** The result of a write: size in bytes and lower-case hex SHA-256 of what was written. */
    public record Written(long size, String sha256) {
    }

    /** Writes the content of a file to a channel. */
    @FunctionalInterface
    public interface Content {
        void writeTo(WritableByteChannel channel) throws IOException;
    }

    private static final java.util.regex.Pattern TEMPORARY = java.util.regex.Pattern.compile("\\..+\\.[0-9a-f]{1,16}\\.tmp");

    private AtomicFiles() {
    }

    /** The steps of {@link #write}, in order, as a {@link StepObserver} sees them. */
    public enum Step {
        /** The temporary file is complete and forced to disk; the target is unchanged. */
        TEMPORARY_WRITTEN,
        /** The temporary file was renamed to the target; the folder is not forced yet. */
        RENAMED,
        /** The folder was forced: the write is durable. */
        FOLDER_FORCED
    }

    /** Sees each step of every write; for fault-injection tests (a test may throw, or halt the JVM, at a step). */
    @FunctionalInterface
    public interface StepObserver {
        void reached(Step step, Path target) throws IOException;
    }

    /** Null except in fault-injection tests. */
    private static volatile StepObserver observer;

    /** Installs (or, with null, removes) the observer of write steps; tests only. */
    public static void observeSteps(StepObserver stepObserver) {
        observer = stepObserver;
    }

    private static void reached(Step step, Path target) throws IOException {
        StepObserver o = observer;
        if (o != null) {
            o.reached(step, target);
        }
    }

    /** Writes {@code content} to {@code target} atomically and returns its size and SHA-256. */
    public static Written write(Path target, Content content) throws IOException {
        Path folder = target.toAbsolutePath().getParent();
        Path temporary = folder.resolve(temporaryName(target.getFileName().toString()));
        Written written;
        try {
            written = writeTemporary(temporary, target, content);
            reached(Step.TEMPORARY_WRITTEN, target);
            Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException | RuntimeException | Error e) {
            try {
                Files.deleteIfExists(temporary);
            } catch (IOException cleanup) {
                e.addSuppressed(cleanup);
            }
            throw e;
        }
        reached(Step.RENAMED, target);
        forceFolder(folder);
        reached(Step.FOLDER_FORCED, target);
        return written;
    }

    /** A temporary file written and forced to disk by {@link #stage}, with its size and SHA-256. */
    public record Staged(Path temporary, long size, String sha256) {
    }

    /**
     * The first half of {@link #write}: writes {@code content} to a fresh temporary beside {@code target} and forces
     * it to disk, leaving {@code target} unchanged; {@link #publish} completes the write, possibly in another
     * process. A temporary never published is deleted by the next process that opens the store for writing.
     */
    public static Staged stage(Path target, Content content) throws IOException {
        Path temporary = target.toAbsolutePath().getParent().resolve(temporaryName(target.getFileName().toString()));
        Written written;
        try {
            written = writeTemporary(temporary, target, content);
        } catch (IOException | RuntimeException | Error e) {
            try {
                Files.deleteIfExists(temporary);
            } catch (IOException cleanup) {
                e.addSuppressed(cleanup);
            }
            throw e;
        }
        // A failure from here on leaves the complete temporary behind, as a process dying now would.
        reached(Step.TEMPORARY_WRITTEN, target);
        return new Staged(temporary, written.size(), written.sha256());
    }

    /**
     * The end of {@link #stage} for a temporary the caller filled itself through {@code channel} (opened for reading
     * and writing, in any order): forces it to disk and returns its size and SHA-256, read back from the file.
     * {@link #publish} then completes the write.
     */
    public static Written seal(Path temporary, Path target, FileChannel channel) throws IOException {
        Written written;
        try {
            channel.force(true);
            MessageDigest digest = newSha256();
            ByteBuffer piece = ByteBuffer.allocate(1 << 20);
            long size = channel.size();
            for (long at = 0; at < size;) {
                piece.clear();
                int read = channel.read(piece, at);
                if (read < 0) {
                    throw new IOException(temporary + " ended at " + at + " of " + size + " bytes while hashing");
                }
                digest.update(piece.flip());
                at += read;
            }
            written = new Written(size, HexFormat.of().formatHex(digest.digest()));
        } catch (java.nio.file.FileSystemException named) {
            throw named;
        } catch (IOException unnamed) {
            String reason = unnamed.getMessage() == null ? unnamed.getClass().getSimpleName() : unnamed.getMessage();
            throw new IOException("cannot write " + target + ": " + reason, unnamed);
        }
        reached(Step.TEMPORARY_WRITTEN, target);
        return written;
    }

    /** The second half of {@link #write}: renames a staged temporary over {@code target} and forces the folder. */
    public static void publish(Path temporary, Path target) throws IOException {
        Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        reached(Step.RENAMED, target);
        forceFolder(target.toAbsolutePath().getParent());
        reached(Step.FOLDER_FORCED, target);
    }

    /**
     * Writes and forces the temporary file. The JDK's errors here ("No space left on device", "Disk quota
     * exceeded") name no file, so they are rethrown naming the file being written.
     */
    private static Written writeTemporary(Path temporary, Path target, Content content) throws IOException {
        try (FileChannel file = FileChannel.open(temporary, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
            DigestingChannel digesting = new DigestingChannel(file);
            content.writeTo(digesting);
            file.force(true);
            return new Written(digesting.size(), digesting.hex());
        } catch (java.nio.file.FileSystemException named) {
            throw named;
        } catch (IOException unnamed) {
            String reason = unnamed.getMessage() == null ? unnamed.getClass().getSimpleName() : unnamed.getMessage();
            throw new IOException("cannot write " + target + ": " + reason, unnamed);
        }
    }

    /** A fresh temporary name for {@code name} in the same folder: {@code .<name>.<random>.tmp}. */
    public static String temporaryName(String name) {
        return "." + name + "." + Long.toHexString(ThreadLocalRandom.current().nextLong() & Long.MAX_VALUE) + ".tmp";
    }

    /** Whether {@code file} is a temporary file (or folder) left by an interrupted write or removal. */
    public static boolean isTemporary(Path file) {
        String name = file.getFileName().toString();
        return TEMPORARY.matcher(name).matches();
    }

    /** Forces a folder's entries (renames, creations) to disk where the platform allows it. */
    public static void forceFolder(Path folder) throws IOException {
        try (FileChannel channel = FileChannel.open(folder, StandardOpenOption.READ)) {
            channel.force(true);
        } catch (IOException e) {
            // Some platforms cannot open folders as channels; the rename is still atomic there.
            if (System.getProperty("os.name", "").toLowerCase().contains("win")) {
                return;
            }
            throw e;
        }
    }

    /** Lower-case hex SHA-256 of a whole file, read through a memory map in pieces. */
    public static String sha256(Path file) throws IOException {
        MessageDigest digest = newSha256();
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            long size = channel.size();
            long piece = 64L << 20;
            for (long from = 0; from < size; from += piece) {
                digest.update(channel.map(FileChannel.MapMode.READ_ONLY, from, Math.min(piece, size - from)));
            }
        }
        return HexFormat.of().formatHex(digest.digest());
    }

    static MessageDigest newSha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK has no SHA-256", e);
        }
    }

    /** Passes writes through to a channel while hashing and counting them. */
    private static final class DigestingChannel implements WritableByteChannel {
        private final WritableByteChannel target;
        private final MessageDigest digest = newSha256();
        private long size;

        DigestingChannel(WritableByteChannel target) {
            this.target = target;
        }

        @Override
        public int write(ByteBuffer source) throws IOException {
            ByteBuffer view = source.duplicate();
            int written = target.write(source);
            view.limit(view.position() + written);
            digest.update(view);
            size += written;
            return written;
        }

        long size() {
            return size;
        }

        String hex() {
            return HexFormat.of().formatHex(digest.digest());
        }

        @Override
        public boolean isOpen() {
            return target.isOpen();
        }

        @Override
        public void close() throws IOException {
            target.close();
        }
    }
}
