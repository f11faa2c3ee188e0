package io.mechanist.djl.tests;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

import io.mechanist.djl.DjlEngines;
import io.mechanist.djl.NativeHeap;

/** Starting libtorch keeps tensor-sized blocks in malloc's heaps, so a forward pass reuses freed memory. */
class NativeHeapTest {

    @Test
    void blocksUpToTheThresholdComeFromMallocsHeapsOnceLibtorchStarted() {
        DjlEngines.engine();
        assertTrue(NativeHeap.describe().startsWith("malloc keeps freed blocks up to 32 MB"), NativeHeap.describe());
        // glibc's default threshold (128 KB, raised only by frees of mapped blocks) maps 24 MB blocks apart
        assertTrue(NativeHeap.servedFromHeap(24L << 20), "a 24 MB block from malloc's heaps");
        assertTrue(NativeHeap.servedFromHeap(NativeHeap.KEEP_BLOCKS_UP_TO - 4096), "a block just under 32 MB");
        assertFalse(NativeHeap.servedFromHeap(NativeHeap.KEEP_BLOCKS_UP_TO + (1L << 20)),
                "above the threshold a block is still a mapping of its own");
        assertTrue(DjlEngines.threadSettings().contains(NativeHeap.describe()));
    }

    @Test
    void releasingFreeMemoryIsSafeAtAnyTime() {
        DjlEngines.engine();
        NativeHeap.releaseFree();
        assertTrue(NativeHeap.servedFromHeap(24L << 20), "the settings survive a trim");
    }
}
