package io.mechanist.core.tests.tensor;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

import io.mechanist.core.tensor.DType;
import io.mechanist.core.tensor.HalfFloats;
import io.mechanist.core.tensor.SafetensorsFile;
import io.mechanist.core.tensor.SafetensorsWriter;
import io.mechanist.core.tensor.TensorInfo;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.ReadOnlyBufferException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class SafetensorsRoundTripTest {

    @TempDir
    Path folder;

    @ParameterizedTest
    @EnumSource(value = DType.class, names = {"F32", "F16", "BF16"})
    void floatTensorsRoundTripThroughTheStorageType(DType storage) throws IOException {
        float[] values = randomFloats(2 * 3 * 5, 1);
        values[0] = Float.POSITIVE_INFINITY;
        values[1] = -0f;
        values[2] = 1e-6f; // a subnormal in F16
        Path file = folder.resolve("floats.safetensors");
        new SafetensorsWriter().add("x", storage, new long[] {2, 3, 5}, values).write(file);
        try (SafetensorsFile read = SafetensorsFile.open(file)) {
            TensorInfo info = read.info("x");
            assertEquals(storage, info.dtype());
            assertArrayEquals(new long[] {2, 3, 5}, info.shape());
            assertEquals(30L * storage.byteSize(), info.byteLength());
            float[] back = read.readFloats("x");
            for (int i = 0; i < values.length; i++) {
                float expected = switch (storage) {
                    case F16 -> HalfFloats.f16ToFloat(HalfFloats.floatToF16(values[i]));
                    case BF16 -> HalfFloats.bf16ToFloat(HalfFloats.floatToBf16(values[i]));
                    default -> values[i];
                };
                assertEquals(Float.floatToRawIntBits(expected), Float.floatToRawIntBits(back[i]), "element " + i);
            }
            ByteBuffer raw = read.buffer("x");
            for (int i = 0; i < values.length; i++) {
                switch (storage) {
                    case F16 -> assertEquals(HalfFloats.floatToF16(values[i]), raw.getShort(2 * i));
                    case BF16 -> assertEquals(HalfFloats.floatToBf16(values[i]), raw.getShort(2 * i));
                    default -> assertEquals(Float.floatToRawIntBits(values[i]), raw.getInt(4 * i));
                }
            }
        }
    }

    @ParameterizedTest
    @EnumSource(DType.class)
    void rawTensorsOfEveryDtypeRoundTripByteForByte(DType dtype) throws IOException {
        long[] shape = {3, 4};
        byte[] bytes = new byte[12 * dtype.byteSize()];
        new SplittableRandom(dtype.ordinal()).nextBytes(bytes);
        if (dtype == DType.BOOL) {
            for (int i = 0; i < bytes.length; i++) {
                bytes[i] = (byte) (bytes[i] & 1);
            }
        }
        ByteBuffer source = ByteBuffer.wrap(bytes);
        Path file = folder.resolve(dtype + ".safetensors");
        new SafetensorsWriter().addRaw("t", dtype, shape, source).write(file);
        assertEquals(0, source.position(), "addRaw and write leave the caller's buffer alone");
        try (SafetensorsFile read = SafetensorsFile.open(file)) {
            ByteBuffer buffer = read.buffer("t");
            assertTrue(buffer.isReadOnly());
            assertEquals(ByteOrder.LITTLE_ENDIAN, buffer.order());
            assertEquals(bytes.length, buffer.remaining());
            byte[] back = new byte[bytes.length];
            buffer.get(back);
            assertArrayEquals(bytes, back);
            assertEquals(dtype, read.info("t").dtype());
            assertEquals(12, read.info("t").elementCount());
            if (dtype.isFloatingPoint()) {
                float[] floats = read.readFloats("t");
                ByteBuffer le = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
                for (int i = 0; i < 12; i++) {
                    float expected = switch (dtype) {
                        case F64 -> (float) le.getDouble(8 * i);
                        case F32 -> le.getFloat(4 * i);
                        case F16 -> Float.float16ToFloat(le.getShort(2 * i));
                        default -> Float.intBitsToFloat((le.getShort(2 * i) & 0xffff) << 16);
                    };
                    assertEquals(Float.floatToRawIntBits(expected), Float.floatToRawIntBits(floats[i]),
                            dtype + " element " + i);
                }
            } else {
                IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                        () -> read.readFloats("t"));
                assertTrue(e.getMessage().contains("'t'") && e.getMessage().contains(file.toString()),
                        e.getMessage());
            }
        }
    }

    @Test
    void littleEndianIsWrittenRegardlessOfTheHostOrBufferOrder() throws IOException {
        ByteBuffer ints = ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN).putInt(1).putInt(-2).flip();
        Path file = folder.resolve("ints.safetensors");
        new SafetensorsWriter().addRaw("i", DType.I32, new long[] {2}, ints)
                .add("f", DType.F32, new long[] {1}, new float[] {1f}).write(file);
        byte[] all = Files.readAllBytes(file);
        long headerLength = ByteBuffer.wrap(all).order(ByteOrder.LITTLE_ENDIAN).getLong();
        int data = 8 + (int) headerLength;
        // "f" sorts first: 1.0f = 0x3f800000 little-endian, then ints 1 and -2
        assertArrayEquals(new byte[] {0, 0, (byte) 0x80, 0x3f, 1, 0, 0, 0, (byte) 0xfe, -1, -1, -1},
                java.util.Arrays.copyOfRange(all, data, all.length));
    }

    @Test
    void headerIsSortedAlignedCompactAndCarriesMetadata() throws IOException {
        Path file = folder.resolve("layout.safetensors");
        new SafetensorsWriter()
                .add("zeta", DType.F16, new long[] {3}, new float[] {1, 2, 3})
                .add("alpha", DType.F32, new long[] {1}, new float[] {4})
                .addRaw("mid", DType.I64, new long[] {}, ByteBuffer.allocate(8))
                .metadata("format", "pt")
                .metadata("b-key", "with \"quotes\" and ünïcode")
                .write(file);
        byte[] all = Files.readAllBytes(file);
        long headerLength = ByteBuffer.wrap(all).order(ByteOrder.LITTLE_ENDIAN).getLong();
        assertEquals(0, (8 + headerLength) % 8, "data starts 8-byte aligned");
        String header = new String(all, 8, (int) headerLength, StandardCharsets.UTF_8);
        assertTrue(header.startsWith("{\"__metadata__\":{\"b-key\":"), header);
        String trimmed = header.stripTrailing();
        assertTrue(header.substring(trimmed.length()).chars().allMatch(c -> c == ' '), "padding is spaces");
        assertTrue(trimmed.indexOf("\"alpha\"") < trimmed.indexOf("\"mid\"")
                && trimmed.indexOf("\"mid\"") < trimmed.indexOf("\"zeta\""), header);
        JsonObject json = JsonParser.parseString(trimmed).getAsJsonObject();
        assertEquals("[0,4]", json.getAsJsonObject("alpha").get("data_offsets").toString());
        assertEquals("[4,12]", json.getAsJsonObject("mid").get("data_offsets").toString());
        assertEquals("[12,18]", json.getAsJsonObject("zeta").get("data_offsets").toString());
        assertEquals("[]", json.getAsJsonObject("mid").get("shape").toString());
        assertEquals(8 + headerLength + 18, all.length);

        try (SafetensorsFile read = SafetensorsFile.open(file)) {
            assertEquals(Map.of("format", "pt", "b-key", "with \"quotes\" and ünïcode"), read.metadata());
            assertEquals(List.of("alpha", "mid", "zeta"), read.tensorNames());
            assertEquals(1, read.info("mid").elementCount(), "a scalar has one element");
            assertEquals(0, read.info("mid").rank());
            assertEquals(8 + headerLength + 4, read.info("mid").dataOffset());
        }
    }

    @Test
    void outputIsDeterministicWhateverTheInsertionOrder() throws IOException {
        Path first = folder.resolve("a.safetensors");
        Path second = folder.resolve("b.safetensors");
        new SafetensorsWriter().metadata("k1", "v1").metadata("k2", "v2")
                .add("w.b", DType.BF16, new long[] {2}, new float[] {1, 2})
                .add("w.a", DType.F32, new long[] {2}, new float[] {3, 4}).write(first);
        new SafetensorsWriter().metadata("k2", "v2")
                .add("w.a", DType.F32, new long[] {2}, new float[] {3, 4}).metadata("k1", "v1")
                .add("w.b", DType.BF16, new long[] {2}, new float[] {1, 2}).write(second);
        assertArrayEquals(Files.readAllBytes(first), Files.readAllBytes(second));
    }

    @Test
    void emptyAndZeroSizedTensorsAreValid() throws IOException {
        Path empty = folder.resolve("empty.safetensors");
        new SafetensorsWriter().write(empty);
        try (SafetensorsFile read = SafetensorsFile.open(empty)) {
            assertEquals(List.of(), read.tensorNames());
            assertEquals(Map.of(), read.metadata());
        }
        Path zero = folder.resolve("zero.safetensors");
        new SafetensorsWriter().add("none", DType.F32, new long[] {0, 4}, new float[0])
                .add("one", DType.F32, new long[] {1}, new float[] {7}).write(zero);
        try (SafetensorsFile read = SafetensorsFile.open(zero)) {
            assertEquals(0, read.buffer("none").remaining());
            assertEquals(0, read.readFloats("none").length);
            assertArrayEquals(new float[] {7}, read.readFloats("one"));
        }
    }

    @Test
    void buffersAreReadOnlyIndependentViews() throws IOException {
        Path file = folder.resolve("views.safetensors");
        new SafetensorsWriter().add("x", DType.F32, new long[] {4}, new float[] {1, 2, 3, 4}).write(file);
        try (SafetensorsFile read = SafetensorsFile.open(file)) {
            ByteBuffer first = read.buffer("x");
            first.position(8);
            ByteBuffer second = read.buffer("x");
            assertEquals(0, second.position());
            assertEquals(1f, second.getFloat());
            assertThrows(ReadOnlyBufferException.class, () -> second.putFloat(0, 9f));
            ByteBuffer part = read.buffer("x", 8, 8);
            assertEquals(3f, part.getFloat(0));
            assertEquals(4f, part.getFloat(4));
            assertThrows(IndexOutOfBoundsException.class, () -> read.buffer("x", 12, 8));
        }
    }

    @Test
    void missingTensorMessageNamesTensorAndFile() throws IOException {
        Path file = folder.resolve("names.safetensors");
        new SafetensorsWriter().add("present", DType.F32, new long[] {1}, new float[] {1}).write(file);
        try (SafetensorsFile read = SafetensorsFile.open(file)) {
            assertTrue(read.contains("present"));
            assertFalse(read.contains("absent"));
            for (Runnable call : List.<Runnable>of(() -> read.info("absent"), () -> read.buffer("absent"),
                    () -> read.readFloats("absent"))) {
                IllegalArgumentException e = assertThrows(IllegalArgumentException.class, call::run);
                assertTrue(e.getMessage().contains("'absent'"), e.getMessage());
                assertTrue(e.getMessage().contains(file.toString()), e.getMessage());
                assertTrue(e.getMessage().contains("present"), "lists what is there: " + e.getMessage());
            }
        }
    }

    @Test
    void closeReleasesTheFileButEarlierBuffersStayReadable() throws IOException {
        Path file = folder.resolve("closed.safetensors");
        new SafetensorsWriter().add("a", DType.F32, new long[] {2}, new float[] {5, 6})
                .add("b", DType.F32, new long[] {1}, new float[] {7}).write(file);
        SafetensorsFile read = SafetensorsFile.open(file);
        ByteBuffer before = read.buffer("a");
        read.close();
        read.close();
        assertEquals(6f, before.getFloat(4));
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> read.buffer("b"));
        assertTrue(e.getMessage().contains(file.toString()));
        assertThrows(IllegalStateException.class, () -> read.buffer("a"));
        assertEquals(List.of("a", "b"), read.tensorNames(), "the header stays available");
    }

    @Test
    void concurrentReadersSeeTheRightData() throws Exception {
        Path file = folder.resolve("concurrent.safetensors");
        SafetensorsWriter writer = new SafetensorsWriter();
        List<float[]> expected = new ArrayList<>();
        for (int t = 0; t < 64; t++) {
            float[] values = randomFloats(257, t);
            expected.add(values);
            writer.add(String.format("t%02d", t), DType.F32, new long[] {257}, values);
        }
        writer.write(file);
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try (SafetensorsFile read = SafetensorsFile.open(file)) {
            List<Future<?>> futures = new ArrayList<>();
            for (int worker = 0; worker < 8; worker++) {
                int seed = worker;
                futures.add(pool.submit(() -> {
                    SplittableRandom random = new SplittableRandom(seed);
                    for (int i = 0; i < 2000; i++) {
                        int t = random.nextInt(64);
                        String name = String.format("t%02d", t);
                        ByteBuffer buffer = read.buffer(name);
                        int index = random.nextInt(257);
                        assertEquals(expected.get(t)[index], buffer.getFloat(4 * index));
                        if (i % 100 == 0) {
                            assertArrayEquals(expected.get(t), read.readFloats(name));
                        }
                    }
                    return null;
                }));
            }
            for (Future<?> future : futures) {
                future.get();
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void anInterruptedReaderDoesNotBreakTheOthers() throws Exception {
        Path file = folder.resolve("interrupt.safetensors");
        new SafetensorsWriter().add("a", DType.F32, new long[] {1}, new float[] {1})
                .add("b", DType.F32, new long[] {1}, new float[] {2}).write(file);
        try (SafetensorsFile read = SafetensorsFile.open(file)) {
            Thread.currentThread().interrupt();
            try {
                read.buffer("a"); // mapping on an interrupted thread closes the shared channel
            } catch (RuntimeException expected) {
                // the interrupted caller may see an error
            } finally {
                Thread.interrupted();
            }
            assertEquals(2f, read.buffer("b").getFloat(0));
            assertArrayEquals(new float[] {1}, read.readFloats("a"));
        }
    }

    @Test
    void writeAtomicallyReplacesTheFileAndLeavesNoTemporaries() throws IOException {
        Path file = folder.resolve("atomic.safetensors");
        Files.writeString(file, "old content");
        new SafetensorsWriter().add("x", DType.F32, new long[] {2}, new float[] {1, 2}).writeAtomically(file);
        try (SafetensorsFile read = SafetensorsFile.open(file)) {
            assertArrayEquals(new float[] {1, 2}, read.readFloats("x"));
        }
        try (Stream<Path> files = Files.list(folder)) {
            assertEquals(List.of(file), files.toList());
        }
        Path nowhere = folder.resolve("missing-folder").resolve("x.safetensors");
        assertThrows(IOException.class, () -> new SafetensorsWriter().writeAtomically(nowhere));
        assertFalse(Files.exists(nowhere.getParent()));
    }

    @Test
    void writerRejectsInconsistentInput() {
        SafetensorsWriter writer = new SafetensorsWriter().add("a", DType.F32, new long[] {1}, new float[] {1});
        assertMessage(() -> writer.add("a", DType.F32, new long[] {1}, new float[] {1}), "already added");
        assertMessage(() -> writer.add("b", DType.F32, new long[] {2, 2}, new float[3]), "4 elements but 3");
        assertMessage(() -> writer.add("c", DType.I32, new long[] {1}, new float[1]), "use addRaw");
        assertMessage(() -> writer.add("d", DType.F32, new long[] {-1}, new float[0]), "negative dimension");
        assertMessage(() -> writer.add("__metadata__", DType.F32, new long[] {1}, new float[1]), "not allowed");
        assertMessage(() -> writer.addRaw("e", DType.I64, new long[] {2}, ByteBuffer.allocate(15)),
                "needs 16 bytes but the buffer holds 15");
        assertMessage(() -> writer.addRaw("f", DType.U8, new long[] {1L << 32, 1L << 32}, ByteBuffer.allocate(1)),
                "overflows");
    }

    @Test
    void addCopiesTheCallersArray() throws IOException {
        float[] values = {1, 2, 3};
        SafetensorsWriter writer = new SafetensorsWriter().add("x", DType.F32, new long[] {3}, values);
        values[0] = 99;
        Path file = folder.resolve("copy.safetensors");
        writer.write(file);
        try (SafetensorsFile read = SafetensorsFile.open(file)) {
            assertArrayEquals(new float[] {1, 2, 3}, read.readFloats("x"));
        }
    }

    @Test
    void largeTensorsStreamInChunks() throws IOException {
        float[] values = randomFloats(3_000_001, 42); // several 1 MiB chunks plus a remainder
        Path file = folder.resolve("large.safetensors");
        new SafetensorsWriter().add("big", DType.F32, new long[] {values.length}, values)
                .add("big16", DType.F16, new long[] {values.length}, values).write(file);
        try (SafetensorsFile read = SafetensorsFile.open(file)) {
            assertArrayEquals(values, read.readFloats("big"));
            float[] halves = read.readFloats("big16");
            for (int i = 0; i < values.length; i += 9973) {
                assertEquals(HalfFloats.f16ToFloat(HalfFloats.floatToF16(values[i])), halves[i]);
            }
        }
    }

    @Test
    void tensorInfoIsAValueWithAnImmutableShape() {
        long[] shape = {2, 3};
        TensorInfo info = new TensorInfo("w", DType.F16, shape, 64, 12);
        shape[0] = 5;
        assertArrayEquals(new long[] {2, 3}, info.shape());
        info.shape()[1] = 9;
        assertArrayEquals(new long[] {2, 3}, info.shape());
        assertEquals(new TensorInfo("w", DType.F16, new long[] {2, 3}, 64, 12), info);
        assertEquals(new TensorInfo("w", DType.F16, new long[] {2, 3}, 64, 12).hashCode(), info.hashCode());
        assertEquals(6, info.elementCount());
        assertThrows(IllegalArgumentException.class, () -> new TensorInfo("w", DType.F16, new long[] {2, 3}, 64, 13));
    }

    @Test
    void dtypeNamesAndSizes() {
        for (DType dtype : DType.values()) {
            assertEquals(dtype, DType.fromSafetensorsName(dtype.safetensorsName()));
        }
        assertEquals(List.of(8, 4, 2, 2, 8, 4, 2, 1, 1, 1),
                Stream.of(DType.values()).map(DType::byteSize).toList());
        assertMessage(() -> DType.fromSafetensorsName("F8_E4M3"), "F8_E4M3");
        assertMessage(() -> DType.fromSafetensorsName("f32"), "supported: F64, F32");
    }

    private static void assertMessage(Runnable call, String fragment) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, call::run);
        assertTrue(e.getMessage().contains(fragment), () -> "expected '" + fragment + "' in: " + e.getMessage());
    }

    static float[] randomFloats(int count, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        float[] values = new float[count];
        for (int i = 0; i < count; i++) {
            values[i] = (float) (random.nextGaussian() * Math.pow(10, random.nextInt(-3, 4)));
        }
        return values;
    }
}
