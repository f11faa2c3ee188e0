package io.mechanist.core.tests.tensor;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mechanist.core.tensor.SafetensorsFile;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A sparse file of just over 2 GiB: a 2 GiB filler tensor that is never written (so it takes no disk space),
 * then a small tensor whose data lies beyond byte 2^31. Shows that per-tensor mapping addresses the whole file.
 */
class SafetensorsLargeOffsetTest {

    private static final long FILLER_BYTES = (1L << 31) + 8;
    private static final float[] TAIL = {1.5f, -2.25f, 3e-3f, 65504f};

    @TempDir
    Path folder;
    private Path file;

    @AfterEach
    void deleteSparseFile() throws IOException {
        if (file != null) {
            Files.deleteIfExists(file);
        }
    }

    @Test
    void tensorsBeyondTwoGibibytesAreReadable() throws IOException {
        file = writeSparseFile();
        try (SafetensorsFile read = SafetensorsFile.open(file)) {
            long tailOffset = read.info("tail").dataOffset();
            assertTrue(tailOffset > Integer.MAX_VALUE, "offset " + tailOffset);
            assertEquals(Files.size(file) - 16, tailOffset);
            assertArrayEquals(TAIL, read.readFloats("tail"));
            assertEquals(-2.25f, read.buffer("tail").getFloat(4));

            UnsupportedOperationException tooBig = assertThrows(UnsupportedOperationException.class,
                    () -> read.buffer("filler"));
            assertTrue(tooBig.getMessage().contains("'filler'") && tooBig.getMessage().contains(file.toString()),
                    tooBig.getMessage());
            assertTrue(tooBig.getMessage().contains("buffer(name, fromByte, byteCount)"), tooBig.getMessage());

            ByteBuffer lastPiece = read.buffer("filler", FILLER_BYTES - 8, 8);
            assertEquals(0L, lastPiece.getLong(0), "unwritten sparse bytes read as zero");
        }
    }

    private Path writeSparseFile() throws IOException {
        String json = "{\"filler\":{\"dtype\":\"U8\",\"shape\":[" + FILLER_BYTES + "],\"data_offsets\":[0,"
                + FILLER_BYTES + "]},\"tail\":{\"dtype\":\"F32\",\"shape\":[4],\"data_offsets\":[" + FILLER_BYTES
                + "," + (FILLER_BYTES + 16) + "]}}";
        byte[] header = json.getBytes(StandardCharsets.UTF_8);
        long dataStart = 8 + header.length;
        Path path = folder.resolve("sparse.safetensors");
        try (RandomAccessFile raf = new RandomAccessFile(path.toFile(), "rw")) {
            raf.setLength(dataStart + FILLER_BYTES + 16);
            ByteBuffer start = ByteBuffer.allocate((int) dataStart).order(ByteOrder.LITTLE_ENDIAN);
            start.putLong(header.length).put(header);
            raf.seek(0);
            raf.write(start.array());
            raf.seek(dataStart + FILLER_BYTES);
            raf.write(SafetensorsTestFiles.littleEndianFloats(TAIL));
        }
        return path;
    }
}
