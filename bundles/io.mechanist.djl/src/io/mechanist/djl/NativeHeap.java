package io.mechanist.djl;

import java.util.Locale;

import com.sun.jna.Function;
import com.sun.jna.NativeLibrary;
import com.sun.jna.Pointer;

/**
 * glibc's malloc, tuned for libtorch's tensors. libtorch allocates every activation with {@code posix_memalign}
 * and frees it when the operation that used it is done; with glibc's defaults a freed block is handed back to the
 * kernel (blocks above the mmap threshold are mappings of their own, and a heap's free top is trimmed), so the next
 * tensor of the same size is faulted in again and the kernel zeroes its pages first. On the development machine
 * that zeroing took 10-14% of a forward pass's CPU. Keeping blocks up to 32 MB (the largest threshold glibc
 * accepts) in malloc's heaps, and heaps untrimmed below 256 MB, lets them be reused instead.
 *
 * <p>The settings are glibc's {@code mallopt} (the same fields its {@code GLIBC_TUNABLES} set), applied once when
 * libtorch starts. They do not apply where the user chose otherwise: {@code glibc.malloc.mmap_threshold} or
 * {@code glibc.malloc.trim_threshold} in {@code GLIBC_TUNABLES}, or {@value #SWITCH_ENV}{@code =false} (or
 * {@code -D}{@value #SWITCH_PROPERTY}{@code =false}) to measure glibc's defaults. On other C libraries or systems
 * nothing is changed.
 *
 * <p>Freed memory that malloc keeps is not the process's to other programs, so closing a model gives it back
 * ({@link #releaseFree()}, called by the runtime when a model is closed).
 */
public final class NativeHeap {
    /** Environment switch: {@code false} leaves glibc's defaults. */
    public static final String SWITCH_ENV = "MECHANIST_MALLOC_KEEP";
    /** System property with the same meaning as {@link #SWITCH_ENV}; the property wins. */
    public static final String SWITCH_PROPERTY = "mechanist.mallocKeep";
    /** Blocks up to this size stay in malloc's heaps when freed: glibc's largest mmap threshold (64-bit). */
    public static final int KEEP_BLOCKS_UP_TO = 32 << 20;
    /** A heap's free top is handed back to the kernel only above this size. */
    public static final int TRIM_ABOVE = 256 << 20;

    // glibc's mallopt parameters (malloc.h)
    private static final int M_TRIM_THRESHOLD = -1;
    private static final int M_MMAP_THRESHOLD = -3;

    private static volatile String state = "glibc's malloc defaults (not configured yet)";
    private static boolean configured;

    private NativeHeap() {
    }

    /**
     * Applies the settings once per process, unless switched off or chosen by the user (see the class comment).
     * Called when libtorch starts.
     */
    static synchronized void configure() {
        if (configured) {
            return;
        }
        configured = true;
        String switchValue = System.getProperty(SWITCH_PROPERTY, System.getenv(SWITCH_ENV));
        String tunables = System.getenv("GLIBC_TUNABLES");
        if ("false".equalsIgnoreCase(switchValue == null ? "" : switchValue.trim())) {
            state = "glibc's malloc defaults (" + SWITCH_ENV + "=false)";
            return;
        }
        if (tunables != null && (tunables.contains("glibc.malloc.mmap_threshold")
                || tunables.contains("glibc.malloc.trim_threshold"))) {
            state = "malloc thresholds from GLIBC_TUNABLES";
            return;
        }
        Function mallopt = glibc("mallopt");
        if (mallopt == null) {
            state = "malloc unchanged (not glibc on Linux)";
            return;
        }
        boolean kept = mallopt.invokeInt(new Object[] {M_MMAP_THRESHOLD, KEEP_BLOCKS_UP_TO}) == 1;
        boolean untrimmed = mallopt.invokeInt(new Object[] {M_TRIM_THRESHOLD, TRIM_ABOVE}) == 1;
        if (!kept || !untrimmed) {
            System.getLogger(NativeHeap.class.getName()).log(System.Logger.Level.WARNING,
                    "glibc refused a malloc setting (mmap threshold " + kept + ", trim threshold " + untrimmed
                            + "): freed tensors go back to the kernel and forward passes fault their memory in again");
        }
        state = "malloc keeps freed blocks up to " + (KEEP_BLOCKS_UP_TO >> 20) + " MB"
                + (kept ? "" : " (refused)") + ", trims heaps above " + (TRIM_ABOVE >> 20) + " MB"
                + (untrimmed ? "" : " (refused)");
    }

    /**
     * Hands the free memory malloc keeps in its heaps back to the kernel ({@code malloc_trim}), e.g. after a model
     * is closed. Harmless where the settings are off or the C library is not glibc.
     *
     * @return whether any memory was given back
     */
    public static boolean releaseFree() {
        Function trim = glibc("malloc_trim");
        return trim != null && trim.invokeInt(new Object[] {0L}) == 1;
    }

    /** The settings in effect, for benchmark reports. */
    public static String describe() {
        return state;
    }

    /**
     * Whether malloc serves a block of {@code bytes} from its heaps, where a freed block waits for the next
     * allocation, rather than as a mapping of its own that {@code free} unmaps (glibc's flag on the block).
     *
     * @throws IllegalStateException where the C library is not glibc on Linux
     */
    public static boolean servedFromHeap(long bytes) {
        Function malloc = glibc("malloc");
        Function free = glibc("free");
        if (malloc == null || free == null) {
            throw new IllegalStateException("not glibc on Linux");
        }
        Pointer block = malloc.invokePointer(new Object[] {bytes});
        try {
            // glibc keeps each chunk's size just before the block; its bit 1 (IS_MMAPPED) marks a separate mapping
            return (block.getLong(-8) & 2) == 0;
        } finally {
            free.invokeVoid(new Object[] {block});
        }
    }

    private static Function glibc(String name) {
        if (!System.getProperty("os.name", "").toLowerCase(Locale.ROOT).startsWith("linux")) {
            return null;
        }
        try {
            NativeLibrary.getProcess().getFunction("gnu_get_libc_version");
            return NativeLibrary.getProcess().getFunction(name);
        } catch (UnsatisfiedLinkError e) {
            return null;
        }
    }
}
