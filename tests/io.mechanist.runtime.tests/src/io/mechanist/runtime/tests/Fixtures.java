package io.mechanist.runtime.tests;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import io.mechanist.core.tensor.DType;
import io.mechanist.runtime.Family;
import io.mechanist.runtime.reference.ArchitectureFamily;
import io.mechanist.testing.checkpoints.TinyCheckpoints;

/** Tiny random checkpoints written once per JVM by the reference bundle's fixture writer. */
final class Fixtures {
    private static final Map<String, Path> WRITTEN = new ConcurrentHashMap<>();
    private static Path root;

    private Fixtures() {
    }

    static synchronized Path checkpoint(Family family, DType dtype, boolean sharded) throws IOException {
        String key = family + "-" + dtype + "-" + sharded;
        Path existing = WRITTEN.get(key);
        if (existing != null) {
            return existing;
        }
        if (root == null) {
            root = Files.createTempDirectory("mechanist-runtime-fixtures");
            root.toFile().deleteOnExit();
        }
        Path dir = TinyCheckpoints.write(referenceFamily(family), root.resolve(key), 7,
                new TinyCheckpoints.Options(dtype, sharded));
        WRITTEN.put(key, dir);
        return dir;
    }

    static Path checkpoint(Family family) throws IOException {
        return checkpoint(family, DType.F32, false);
    }

    static ArchitectureFamily referenceFamily(Family family) {
        return ArchitectureFamily.byArchitecture(family.architecture()).orElseThrow();
    }

    static long[] sampleTokens(Family family) {
        int[] ids = TinyCheckpoints.sampleTokenIds(referenceFamily(family));
        long[] out = new long[ids.length];
        for (int i = 0; i < ids.length; i++) {
            out[i] = ids[i];
        }
        return out;
    }

    static int[] toInts(long[] ids) {
        int[] out = new int[ids.length];
        for (int i = 0; i < ids.length; i++) {
            out[i] = Math.toIntExact(ids[i]);
        }
        return out;
    }
}
