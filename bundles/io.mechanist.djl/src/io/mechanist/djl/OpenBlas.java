package io.mechanist.djl;

import java.io.File;
import java.nio.FloatBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

import org.bytedeco.javacpp.FloatPointer;
import org.bytedeco.javacpp.Loader;
import org.bytedeco.openblas.global.openblas_nolapack;

import com.sun.jna.Function;
import com.sun.jna.Library;
import com.sun.jna.NativeLibrary;

/**
 * Single-precision matrix products on OpenBLAS, for the forward's weight matmuls on the CPU.
 *
 * <p>Why: libtorch 2.7.1 as DJL ships it links MKL statically, and MKL takes a generic code path on AMD CPUs (about
 * 40% of an AVX-512 machine's fp32 peak on the development machine, docs/performance.md). OpenBLAS is built with
 * DYNAMIC_ARCH and picks its kernels from the CPU at load time (SkylakeX/Cooperlake kernels on AVX-512 machines,
 * Intel or AMD). The natives come from the org.bytedeco:openblas jar embedded in this bundle and are extracted by
 * JavaCPP into {@link #cacheDir()}; nothing is downloaded. Where they are missing (another OS or architecture) or
 * fail to load, {@link #available()} is false and callers stay on libtorch.
 *
 * <p>Threads: OpenBLAS's own pool busy-waits between calls, which on a shared machine steals the cores the work
 * needs (the same problem as libgomp's spinning, docs/performance.md). So OpenBLAS runs single-threaded and a
 * product is split by columns over Java threads that park when idle: as many as libtorch's intra-op threads. Each
 * column block is a complete single-threaded sgemm (sgemv for a single row), so the result does not depend on the
 * split.
 *
 * <p>OpenBLAS reads {@code OPENBLAS_CORETYPE} from the environment and then uses that core's kernels whatever the
 * CPU; the launcher clears it for Mechanist (docs/performance.md).
 */
public final class OpenBlas {

    /** System property that turns OpenBLAS off ({@code false}): every product then runs on libtorch. */
    public static final String ENABLED_PROPERTY = "mechanist.openblas";
    /** Environment variable with the same meaning as {@link #ENABLED_PROPERTY}; the property wins. */
    public static final String ENABLED_ENV = "MECHANIST_OPENBLAS";
    /** Names OpenBLAS's kernels on purpose (e.g. {@code Haswell}); unset, OpenBLAS detects the CPU. */
    public static final String CORETYPE_ENV = "MECHANIST_OPENBLAS_CORETYPE";

    /** Below this many multiply-adds a product runs on the calling thread alone: handing off costs more. */
    private static final long SPLIT_MIN_MULTIPLY_ADDS = 1L << 22;
    /**
     * A single row ({@code m == 1}, a decoding step) is split over threads from this many weights on: its product
     * reads each weight once and is bound by memory bandwidth, which two cores share better than one.
     */
    private static final long SPLIT_MIN_ROW_WEIGHTS = 1L << 20;
    /** Column blocks are multiples of this (the width OpenBLAS's AVX-512 sgemm kernels work in). */
    private static final int COLUMN_ALIGN = 64;

    private static final int ROW_MAJOR = openblas_nolapack.CblasRowMajor;
    private static final int NO_TRANS = openblas_nolapack.CblasNoTrans;
    private static final int TRANS = openblas_nolapack.CblasTrans;
    /** dlopen flags: lazy binding, symbols local to the library (JNA's default would make them global). */
    private static final int RTLD_LAZY_LOCAL = 1;

    private static volatile State state;

    private OpenBlas() {
    }

    /** Loaded state: whether OpenBLAS is usable, why not, and the threads a product is split over. */
    private record State(boolean loaded, String description, int threads, ExecutorService pool) {
    }

    /** Whether products run on OpenBLAS (loads it on first call). */
    public static boolean available() {
        return state().loaded;
    }

    /** One line for benchmark reports: OpenBLAS's version and threads, or why libtorch is used instead. */
    public static String describe() {
        return state().description;
    }

    /** The threads one product is split over (1 when OpenBLAS is not available). */
    public static int threads() {
        return state().threads;
    }

    /** Where JavaCPP extracts the OpenBLAS natives: beside DJL's cache ({@code ~/.mechanist/javacpp} by default). */
    public static Path cacheDir() {
        return DjlEngines.cacheDir().resolveSibling("javacpp");
    }

    /**
     * {@code c[m, n] = a[m, k] * op(b)}, all row-major and dense, where {@code op(b)} is {@code b^T} for {@code b}
     * stored [n, k] ({@code bTransposed}, the layout of a weight [out, in]) and {@code b} stored [k, n] otherwise.
     * The buffers must be direct, in native order, and hold the matrices from their positions on.
     *
     * @throws IllegalStateException when OpenBLAS is not {@link #available()}
     */
    public static void sgemm(int m, int n, int k, FloatBuffer a, FloatBuffer b, boolean bTransposed, FloatBuffer c) {
        sgemm(m, n, k, a, k, b, bTransposed ? k : n, bTransposed, c, n);
    }

    /**
     * {@link #sgemm(int, int, int, FloatBuffer, FloatBuffer, boolean, FloatBuffer)} with explicit row strides
     * ({@code lda}, {@code ldb}, {@code ldc}: floats from one row to the next), for blocks of larger matrices.
     */
    public static void sgemm(int m, int n, int k, FloatBuffer a, int lda, FloatBuffer b, int ldb, boolean bTransposed,
            FloatBuffer c, int ldc) {
        State current = state();
        if (!current.loaded) {
            throw new IllegalStateException("OpenBLAS is not available: " + current.description);
        }
        if (m == 0 || n == 0) {
            return;
        }
        requireCapacity("a", a, m, k, lda);
        requireCapacity("b", b, bTransposed ? n : k, bTransposed ? k : n, ldb);
        requireCapacity("c", c, m, n, ldc);
        boolean split = m == 1 ? (long) n * k >= SPLIT_MIN_ROW_WEIGHTS : (long) m * n * k >= SPLIT_MIN_MULTIPLY_ADDS;
        int parts = split ? Math.min(current.threads, (n + COLUMN_ALIGN - 1) / COLUMN_ALIGN) : 1;
        if (parts <= 1) {
            columns(m, k, a, lda, b, ldb, bTransposed, c, ldc, 0, n);
            return;
        }
        int width = (n + parts - 1) / parts;
        width = (width + COLUMN_ALIGN - 1) / COLUMN_ALIGN * COLUMN_ALIGN;
        List<Future<?>> others = new ArrayList<>();
        for (int from = width; from < n; from += width) {
            int start = from;
            int end = Math.min(n, from + width);
            others.add(current.pool.submit(() -> columns(m, k, a, lda, b, ldb, bTransposed, c, ldc, start, end)));
        }
        columns(m, k, a, lda, b, ldb, bTransposed, c, ldc, 0, Math.min(n, width));
        await(others);
    }

    /**
     * {@code count} independent products {@code c_i[m, n] = alpha * a_i[m, k] * op(b_i)}, each a block of a larger
     * direct buffer starting at its float offset, with row strides {@code lda}, {@code ldb}, {@code ldc}; {@code op}
     * as in {@link #sgemm(int, int, int, FloatBuffer, FloatBuffer, boolean, FloatBuffer)}. For many small products
     * (attention per batch row and head): they are spread over {@link #threads()} threads, each product one
     * single-threaded sgemm, so the result does not depend on the spread.
     *
     * @throws IllegalStateException when OpenBLAS is not {@link #available()}
     */
    public static void sgemmBatch(int m, int n, int k, float alpha, FloatBuffer a, long[] aOffsets, int lda,
            FloatBuffer b, long[] bOffsets, int ldb, boolean bTransposed, FloatBuffer c, long[] cOffsets, int ldc) {
        State current = state();
        if (!current.loaded) {
            throw new IllegalStateException("OpenBLAS is not available: " + current.description);
        }
        int count = aOffsets.length;
        if (bOffsets.length != count || cOffsets.length != count) {
            throw new IllegalArgumentException("sgemmBatch: " + count + " a blocks, " + bOffsets.length + " b blocks, "
                    + cOffsets.length + " c blocks");
        }
        if (count == 0 || m == 0 || n == 0) {
            return;
        }
        for (int i = 0; i < count; i++) {
            requireCapacity("a", a, aOffsets[i], m, k, lda);
            requireCapacity("b", b, bOffsets[i], bTransposed ? n : k, bTransposed ? k : n, ldb);
            requireCapacity("c", c, cOffsets[i], m, n, ldc);
        }
        int parts = (long) count * m * n * k < SPLIT_MIN_MULTIPLY_ADDS ? 1 : Math.min(current.threads, count);
        int per = (count + parts - 1) / parts;
        List<Future<?>> others = new ArrayList<>();
        for (int from = per; from < count; from += per) {
            int start = from;
            int end = Math.min(count, from + per);
            others.add(current.pool.submit(() -> products(m, n, k, alpha, a, aOffsets, lda, b, bOffsets, ldb,
                    bTransposed, c, cOffsets, ldc, start, end)));
        }
        products(m, n, k, alpha, a, aOffsets, lda, b, bOffsets, ldb, bTransposed, c, cOffsets, ldc, 0,
                Math.min(count, per));
        await(others);
    }

    /** Products [from, to) of a batch, single-threaded. */
    private static void products(int m, int n, int k, float alpha, FloatBuffer a, long[] aOffsets, int lda,
            FloatBuffer b, long[] bOffsets, int ldb, boolean bTransposed, FloatBuffer c, long[] cOffsets, int ldc,
            int from, int to) {
        FloatPointer pa = new FloatPointer(a);
        FloatPointer pb = new FloatPointer(b);
        FloatPointer pc = new FloatPointer(c);
        long a0 = a.position();
        long b0 = b.position();
        long c0 = c.position();
        int transB = bTransposed ? TRANS : NO_TRANS;
        for (int i = from; i < to; i++) {
            openblas_nolapack.cblas_sgemm(ROW_MAJOR, NO_TRANS, transB, m, n, k, alpha, pa.position(a0 + aOffsets[i]),
                    lda, pb.position(b0 + bOffsets[i]), ldb, 0f, pc.position(c0 + cOffsets[i]), ldc);
        }
    }

    private static void await(List<Future<?>> others) {
        for (Future<?> other : others) {
            try {
                other.get();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while waiting for a matrix product", e);
            } catch (ExecutionException e) {
                throw new IllegalStateException("matrix product failed: " + e.getCause().getMessage(), e.getCause());
            }
        }
    }

    /** Columns [from, to) of c, single-threaded. */
    private static void columns(int m, int k, FloatBuffer a, int lda, FloatBuffer b, int ldb, boolean bTransposed,
            FloatBuffer c, int ldc, int from, int to) {
        FloatPointer pa = new FloatPointer(a);
        FloatPointer pc = new FloatPointer(c).position(c.position() + from);
        if (m == 1) {
            // One row (a decoding step): sgemm would first copy the whole weight block into its packed layout,
            // which costs more than the product; sgemv reads each weight once, where it lies.
            if (bTransposed) { // c = b[from..to) a: b's rows are the outputs
                FloatPointer pb = new FloatPointer(b).position(b.position() + (long) from * ldb);
                openblas_nolapack.cblas_sgemv(ROW_MAJOR, NO_TRANS, to - from, k, 1f, pb, ldb, pa, 1, 0f, pc, 1);
            } else { // c = b[:, from..to)^T a
                FloatPointer pb = new FloatPointer(b).position(b.position() + from);
                openblas_nolapack.cblas_sgemv(ROW_MAJOR, TRANS, k, to - from, 1f, pb, ldb, pa, 1, 0f, pc, 1);
            }
            return;
        }
        if (bTransposed) {
            FloatPointer pb = new FloatPointer(b).position(b.position() + (long) from * ldb);
            openblas_nolapack.cblas_sgemm(ROW_MAJOR, NO_TRANS, TRANS, m, to - from, k, 1f, pa, lda, pb, ldb, 0f, pc,
                    ldc);
        } else {
            FloatPointer pb = new FloatPointer(b).position(b.position() + from);
            openblas_nolapack.cblas_sgemm(ROW_MAJOR, NO_TRANS, NO_TRANS, m, to - from, k, 1f, pa, lda, pb, ldb, 0f,
                    pc, ldc);
        }
    }

    /** A rows x cols block with row stride ld must fit in the buffer from its position. */
    private static void requireCapacity(String name, FloatBuffer buffer, int rows, int cols, int ld) {
        requireCapacity(name, buffer, 0, rows, cols, ld);
    }

    /** The same for a block starting {@code offset} floats after the buffer's position. */
    private static void requireCapacity(String name, FloatBuffer buffer, long offset, int rows, int cols, int ld) {
        long floats = rows == 0 ? 0 : (long) (rows - 1) * ld + cols;
        if (!buffer.isDirect() || ld < cols || offset < 0 || buffer.remaining() - offset < floats) {
            throw new IllegalArgumentException("sgemm: " + name + " must be a direct buffer holding " + rows + " x "
                    + cols + " floats with row stride " + ld + " from " + offset + " floats after its position (has "
                    + buffer.remaining() + (buffer.isDirect() ? ")" : ", heap)"));
        }
    }

    private static State state() {
        State current = state;
        if (current == null) {
            synchronized (OpenBlas.class) {
                current = state;
                if (current == null) {
                    current = load();
                    state = current;
                }
            }
        }
        return current;
    }

    private static State load() {
        String enabled = System.getProperty(ENABLED_PROPERTY, System.getenv(ENABLED_ENV));
        if ("false".equalsIgnoreCase(enabled)) {
            return new State(false, "OpenBLAS off (" + ENABLED_PROPERTY + "/" + ENABLED_ENV + "=false): libtorch's "
                    + "matmul", 1, null);
        }
        String os = System.getProperty("os.name", "").toLowerCase(Locale.ROOT);
        String arch = System.getProperty("os.arch", "");
        if (!os.startsWith("linux") || !(arch.equals("amd64") || arch.equals("x86_64"))) {
            return new State(false, "no OpenBLAS natives for " + os + "/" + arch + ": libtorch's matmul", 1, null);
        }
        try {
            Path cache = cacheDir();
            Files.createDirectories(cache);
            if (System.getProperty("org.bytedeco.javacpp.cachedir") == null) {
                System.setProperty("org.bytedeco.javacpp.cachedir", cache.toString());
            }
            String coreType = chooseCoreType();
            String jni = DjlEngines.withBundleLoader(() -> Loader.load(openblas_nolapack.class));
            // The thread count and core name are not mapped by JavaCPP; look them up in OpenBLAS itself. Its symbols
            // must stay local: made global, they would replace BLAS functions libtorch resolves lazily (a crash).
            NativeLibrary library = NativeLibrary.getInstance(
                    new File(new File(jni).getParentFile(), "libopenblas_nolapack.so.0").getPath(),
                    Map.of(Library.OPTION_OPEN_FLAGS, RTLD_LAZY_LOCAL));
            library.getFunction("openblas_set_num_threads").invokeVoid(new Object[] {1});
            int ownThreads = library.getFunction("openblas_get_num_threads").invokeInt(new Object[0]);
            String core = library.getFunction("openblas_get_corename").invokeString(new Object[0], false);
            int threads = ownThreads == 1 ? Math.max(1, DjlEngines.intraOpThreads()) : 1;
            String description = openblas_nolapack.OPENBLAS_VERSION.trim() + " (DYNAMIC_ARCH, " + core + " kernels"
                    + (coreType != null ? " from " + CORETYPE_ENV : "") + "), "
                    + (ownThreads == 1 ? "1 thread per call, split over " + threads + " Java threads"
                            : "its own " + ownThreads + " threads (setting 1 failed)");
            return new State(true, description, threads, threads > 1 ? pool(threads - 1) : null);
        } catch (RuntimeException | LinkageError | java.io.IOException e) {
            System.getLogger(OpenBlas.class.getName()).log(System.Logger.Level.WARNING,
                    "OpenBLAS could not be loaded, matrix products stay on libtorch: " + e);
            return new State(false, "OpenBLAS failed to load (" + e + "): libtorch's matmul", 1, null);
        }
    }

    /**
     * OpenBLAS reads {@code OPENBLAS_CORETYPE} when it loads. A value left in the environment for other programs (some
     * machines set {@code Haswell}) would pick older kernels at half the speed, and kernels round differently, so
     * numbers would depend on how the JVM was started. Like the launcher, Mechanist lets OpenBLAS detect the CPU
     * unless {@value #CORETYPE_ENV} names a core on purpose; the process environment is changed before the load.
     *
     * @return the core named by {@value #CORETYPE_ENV}, or null when OpenBLAS detects it
     */
    private static String chooseCoreType() {
        String chosen = System.getenv(CORETYPE_ENV);
        Function setenv = NativeLibrary.getProcess().getFunction("setenv");
        Function unsetenv = NativeLibrary.getProcess().getFunction("unsetenv");
        if (chosen != null && !chosen.isBlank()) {
            setenv.invokeInt(new Object[] {"OPENBLAS_CORETYPE", chosen, 1});
            return chosen;
        }
        unsetenv.invokeInt(new Object[] {"OPENBLAS_CORETYPE"});
        return null;
    }

    private static ExecutorService pool(int size) {
        AtomicInteger count = new AtomicInteger();
        return Executors.newFixedThreadPool(size, work -> {
            Thread thread = new Thread(work, "mechanist-sgemm-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
    }
}
