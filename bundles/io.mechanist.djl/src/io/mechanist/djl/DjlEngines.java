package io.mechanist.djl;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;

import ai.djl.engine.Engine;

/**
 * The one door to DJL inside Mechanist.
 *
 * <p>DJL finds its engines with {@link java.util.ServiceLoader} in a static initializer that runs once per JVM and
 * looks through the thread context class loader. Inside OSGi that loader is not this bundle's, and a first lookup
 * made from the wrong loader fails for good ("No deep learning engine found"). Every first touch of DJL (engine,
 * NDManager, tokenizer) therefore goes through {@link #withBundleLoader(Callable)}.
 *
 * <p>DJL is kept offline (it never downloads a native library or a model) and extracts its natives once into a
 * Mechanist-owned cache folder, see {@link #cacheDir()}.
 */
public final class DjlEngines {

    /** System property naming the folder where DJL's native libraries are extracted. */
    public static final String CACHE_DIR_PROPERTY = "mechanist.djl.cache";
    /** Environment variable with the same meaning as {@link #CACHE_DIR_PROPERTY}; the property wins. */
    public static final String CACHE_DIR_ENV = "MECHANIST_DJL_CACHE";
    /** The engine Mechanist runs on. */
    public static final String ENGINE_NAME = "PyTorch";

    private static volatile Engine engine;

    private DjlEngines() {
    }

    /**
     * The folder DJL extracts its native libraries into: {@value #CACHE_DIR_PROPERTY}, else
     * {@value #CACHE_DIR_ENV}, else {@code ~/.mechanist/djl}. The natives (about 430 MB for PyTorch on CPU) are
     * extracted on the first start and reused afterwards.
     */
    public static Path cacheDir() {
        String configured = System.getProperty(CACHE_DIR_PROPERTY);
        if (configured == null || configured.isBlank()) {
            configured = System.getenv(CACHE_DIR_ENV);
        }
        if (configured == null || configured.isBlank()) {
            return Path.of(System.getProperty("user.home"), ".mechanist", "djl");
        }
        return Path.of(configured);
    }

    /** The PyTorch engine, started on first use with this bundle's class loader, offline. */
    public static Engine engine() {
        Engine current = engine;
        if (current == null) {
            synchronized (DjlEngines.class) {
                current = engine;
                if (current == null) {
                    warnIfThreadsSpin();
                    NativeHeap.configure();
                    current = withBundleLoader(() -> Engine.getEngine(ENGINE_NAME));
                    engine = current;
                }
            }
        }
        return current;
    }

    /**
     * Runs {@code work} with this bundle's class loader as the thread context class loader, after pointing DJL at
     * Mechanist's cache folder and switching it offline. Outside OSGi this is harmless.
     */
    public static <T> T withBundleLoader(Callable<T> work) {
        configure();
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        thread.setContextClassLoader(DjlEngines.class.getClassLoader());
        try {
            return work.call();
        } catch (RuntimeException | Error e) {
            throw e;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (Exception e) {
            throw new IllegalStateException(e.getMessage(), e);
        } finally {
            thread.setContextClassLoader(previous);
        }
    }

    /**
     * libtorch's OpenMP threads spin while they wait unless the JVM was started with OMP_WAIT_POLICY (or
     * GOMP_SPINCOUNT) in its environment, which the launcher and the build set; beside other busy processes that
     * spinning makes every operation many times slower. It cannot be changed from inside the JVM: say so once.
     */
    private static void warnIfThreadsSpin() {
        if (System.getenv("OMP_WAIT_POLICY") == null && System.getenv("GOMP_SPINCOUNT") == null) {
            System.getLogger(DjlEngines.class.getName()).log(System.Logger.Level.WARNING, "OMP_WAIT_POLICY is not "
                    + "set: libtorch's threads will spin while waiting and run much slower beside other busy "
                    + "processes. Start Mechanist with ./mechanist, or set OMP_WAIT_POLICY=PASSIVE in its environment "
                    + "(docs/performance.md).");
        }
        if (System.getenv("THP_MEM_ALLOC_ENABLE") == null) {
            System.getLogger(DjlEngines.class.getName()).log(System.Logger.Level.WARNING, "THP_MEM_ALLOC_ENABLE is "
                    + "not set: libtorch's large tensors will fault in 4 KB pages, and forward passes and loading run "
                    + "slower. Start Mechanist with ./mechanist, or set THP_MEM_ALLOC_ENABLE=1 in its environment "
                    + "(docs/performance.md).");
        }
    }

    /** The number of threads libtorch splits one operation over (starts the engine). */
    public static int intraOpThreads() {
        engine();
        return ai.djl.pytorch.jni.JniUtils.getNumThreads();
    }

    /**
     * The thread and memory settings in effect, for benchmark reports: libgomp's wait policy and spin count (read
     * from the environment the JVM started with), libtorch's intra-op threads and malloc's settings
     * ({@link NativeHeap}).
     */
    public static String threadSettings() {
        return "OMP_WAIT_POLICY=" + System.getenv("OMP_WAIT_POLICY") + " GOMP_SPINCOUNT="
                + System.getenv("GOMP_SPINCOUNT") + " THP_MEM_ALLOC_ENABLE=" + System.getenv("THP_MEM_ALLOC_ENABLE")
                + " GLIBC_TUNABLES=" + System.getenv("GLIBC_TUNABLES")
                + " intra-op threads " + intraOpThreads() + "; " + NativeHeap.describe();
    }

    /** The version of DJL (not of PyTorch) that is embedded. */
    public static String djlVersion() {
        String version = Engine.class.getPackage().getImplementationVersion();
        return version != null ? version : "0.35.1";
    }

    private static synchronized void configure() {
        // DJL reads these through System properties or the environment; an explicit environment wins over us.
        if (System.getenv("DJL_CACHE_DIR") == null && System.getProperty("DJL_CACHE_DIR") == null) {
            Path dir = cacheDir();
            try {
                Files.createDirectories(dir);
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot create DJL cache folder " + dir, e);
            }
            System.setProperty("DJL_CACHE_DIR", dir.toString());
        }
        if (System.getProperty("ai.djl.offline") == null) {
            System.setProperty("ai.djl.offline", "true");
        }
        // DJL logs its start-up at INFO and a CUDA probe failure on every CPU machine; keep the terminal readable.
        if (System.getProperty("org.slf4j.simpleLogger.defaultLogLevel") == null) {
            System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", "warn");
        }
        if (System.getProperty("org.slf4j.simpleLogger.log.ai.djl.util.cuda.CudaUtils") == null) {
            System.setProperty("org.slf4j.simpleLogger.log.ai.djl.util.cuda.CudaUtils", "error");
        }
        // Engine discovery must not try the network for a "default" engine either.
        if (System.getProperty("ai.djl.default_engine") == null) {
            System.setProperty("ai.djl.default_engine", ENGINE_NAME);
        }
    }
}
