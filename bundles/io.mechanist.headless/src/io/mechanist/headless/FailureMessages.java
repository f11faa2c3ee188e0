package io.mechanist.headless;

import java.io.EOFException;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.nio.file.AccessDeniedException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CancellationException;
import java.util.regex.Pattern;

import io.mechanist.store.StoreLockedException;

/**
 * Turns any failure of a verb into one line for a command-line user: what went wrong and, where the program knows,
 * the file at fault and what to do. No Java class names, no library URLs, no line breaks.
 */
final class FailureMessages {

    /** A qualified Java class name as {@code Throwable.toString()} puts it in front of a wrapped message. */
    private static final Pattern CLASS_PREFIX = Pattern.compile(
            "\\b(?:[a-z_$][\\w$]*\\.)+[A-Z][\\w$]*(?:Exception|Error)\\b:?\\s*");
    /** gson appends "See https://github.com/google/gson/blob/main/Troubleshooting.md#..." to its messages. */
    private static final Pattern LIBRARY_LINK = Pattern.compile("\\s*See https?://\\S+");
    /** PyTorch prefixes its errors with the C++ source location: "[enforce fail at alloc_cpu.cpp:124] ". */
    private static final Pattern NATIVE_ENFORCE = Pattern.compile("\\[enforce fail at [^\\]]*\\]\\s*");
    private static final String DISK_FULL = "No space left on device";
    private static final String QUOTA = "Disk quota exceeded";

    private FailureMessages() {
    }

    /**
     * The failure as one line.
     *
     * @param line the parsed command line (to name the verb's output folders when the disk is full), or null
     */
    static String describe(Throwable failure, CommandLine line) {
        OutOfMemoryError oom = find(failure, OutOfMemoryError.class);
        if (oom != null) {
            return outOfMemory(oom, line);
        }
        StoreLockedException locked = find(failure, StoreLockedException.class);
        if (locked != null) {
            return storeInUse(locked);
        }
        List<String> parts = new ArrayList<>();
        String text = "";
        for (Throwable t : chain(failure)) {
            String message = messageOf(t);
            if (!message.isEmpty() && !text.contains(message)) {
                parts.add(message);
                text = String.join(": ", parts);
            }
        }
        if (text.contains("DefaultCPUAllocator: not enough memory")) {
            // PyTorch's native allocator: the Java heap is not the limit here, the machine's memory is.
            return "out of native memory: PyTorch could not allocate a tensor (" + NATIVE_ENFORCE.matcher(text)
                    .replaceAll("").strip() + "); use a smaller --batch, fewer sites or positions, or a machine with"
                    + " more memory";
        }
        if (text.isEmpty()) {
            text = failure instanceof StackOverflowError ? "internal error: the call stack overflowed"
                    : "an unexpected internal error";
        }
        if ((text.contains(DISK_FULL) || text.contains(QUOTA)) && find(failure, FileSystemException.class) == null) {
            List<String> outputs = outputs(line);
            text += outputs.isEmpty() ? " (the disk is full)"
                    : " (the disk is full while writing under " + String.join(" or ", outputs) + ")";
        }
        return text;
    }

    /**
     * Whether the failure is a bug rather than a problem with the input or the machine: then the stack trace is
     * worth asking for.
     */
    static boolean isInternal(Throwable failure) {
        if (failure instanceof OutOfMemoryError) {
            return false;
        }
        return failure instanceof Error || failure instanceof NullPointerException
                || failure instanceof ArithmeticException || failure instanceof IndexOutOfBoundsException
                || failure instanceof ClassCastException || failure instanceof ArrayStoreException
                || failure instanceof NegativeArraySizeException
                || (failure instanceof RuntimeException && !(failure instanceof IllegalArgumentException
                        || failure instanceof IllegalStateException || failure instanceof UncheckedIOException
                        || failure instanceof CancellationException || failure instanceof UnsupportedOperationException
                        || failure.getClass().getName().endsWith("OperationCanceledException")
                        || failure.getClass().getName().startsWith("ai.djl.")));
    }

    private static String outOfMemory(OutOfMemoryError oom, CommandLine line) {
        String verb = line == null ? "<verb>" : line.verb();
        String detail = oom.getMessage() == null ? "" : oom.getMessage();
        if (detail.contains("Direct buffer memory")) {
            return "out of memory for native buffers. Raise their limit with MECHANIST_JAVA_OPTIONS, e.g. "
                    + "MECHANIST_JAVA_OPTIONS='-Xmx8g -XX:MaxDirectMemorySize=16g' ./mechanist " + verb + " ...";
        }
        if (detail.contains("array size exceeds")) {
            return "out of memory: one array would exceed Java's size limit, whatever the heap size; use smaller "
                    + "batches, fewer hook sites or positions";
        }
        long maxMiB = Runtime.getRuntime().maxMemory() / (1024 * 1024);
        long suggestedGiB = Math.max(16, 2 * ((maxMiB + 1023) / 1024));
        return String.format(Locale.ROOT, "out of memory: the Java heap (at most %,d MiB) is full. Give Mechanist "
                + "more with MECHANIST_JAVA_OPTIONS, e.g. MECHANIST_JAVA_OPTIONS=-Xmx%dg ./mechanist %s ... "
                + "(the launcher's default is -Xmx8g), or use a smaller --batch", maxMiB, suggestedGiB, verb);
    }

    private static String storeInUse(StoreLockedException locked) {
        String message = clean(locked.getMessage());
        // The store's own message advises API callers (open it read-only); say what a command-line user can do.
        int advice = message.indexOf("; open it read-only");
        String what = advice > 0 ? message.substring(0, advice) : message;
        return what + ": another Mechanist process (the workbench or another command) is writing to it; close it or"
                + " wait until it finishes, then run this command again";
    }

    private static String messageOf(Throwable t) {
        if (t instanceof FileSystemException fs && fs.getFile() != null) {
            String reason = fs.getReason() != null ? fs.getReason() : switch (fs) {
                case NoSuchFileException e -> "no such file or folder";
                case AccessDeniedException e -> "permission denied";
                case FileAlreadyExistsException e -> "already exists";
                case NotDirectoryException e -> "not a folder";
                case DirectoryNotEmptyException e -> "the folder is not empty";
                default -> "cannot be read or written";
            };
            return fs.getFile() + (fs.getOtherFile() != null ? " -> " + fs.getOtherFile() : "") + ": " + reason;
        }
        if (t instanceof CharacterCodingException) {
            return "text that is not valid UTF-8";
        }
        if (t instanceof EOFException && t.getMessage() == null) {
            return "the file ends too early";
        }
        return t.getMessage() == null ? "" : clean(t.getMessage());
    }

    /** One line without class-name prefixes or library links. */
    static String clean(String message) {
        String text = LIBRARY_LINK.matcher(message).replaceAll("");
        text = CLASS_PREFIX.matcher(text).replaceAll("");
        return text.replaceAll("\\s*[\\r\\n]+\\s*", "; ").replaceAll("\\s{2,}", " ").strip();
    }

    /** The failure and its causes, each once. */
    private static List<Throwable> chain(Throwable failure) {
        List<Throwable> chain = new ArrayList<>();
        Map<Throwable, Boolean> seen = new IdentityHashMap<>();
        for (Throwable t = failure; t != null && seen.put(t, Boolean.TRUE) == null; t = t.getCause()) {
            chain.add(t);
        }
        return chain;
    }

    private static <T extends Throwable> T find(Throwable failure, Class<T> type) {
        for (Throwable t : chain(failure)) {
            if (type.isInstance(t)) {
                return type.cast(t);
            }
        }
        return null;
    }

    /** The folders the verb writes to, as given on the command line. */
    private static List<String> outputs(CommandLine line) {
        List<String> outputs = new ArrayList<>();
        if (line != null) {
            for (String option : List.of("store", "out")) {
                String value = line.option(option, null);
                if (value != null) {
                    outputs.add(value);
                }
            }
        }
        return outputs;
    }
}
