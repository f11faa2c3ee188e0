package io.mechanist.core.tests.tensor;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

import io.mechanist.core.tensor.DType;
import io.mechanist.core.tensor.SafetensorsFile;
import io.mechanist.core.tensor.SafetensorsWriter;

import java.io.File;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Cross-checks the format against an independent reader and writer: python3 with numpy alone (struct, json,
 * np.frombuffer; not the safetensors package). Fails when python3 or numpy is missing, unless the environment
 * sets MECHANIST_SKIP_PYTHON=1.
 */
class PythonInteropTest {

    /** Reads a safetensors file, checks the layout rules, prints every tensor's values as JSON. */
    private static final String PYTHON_READER = """
            import json, struct, sys
            import numpy as np
            path = sys.argv[1]
            raw = open(path, 'rb').read()
            (n,) = struct.unpack('<Q', raw[:8])
            header_bytes = raw[8:8 + n]
            assert (8 + n) % 8 == 0, 'data section not 8-byte aligned'
            text = header_bytes.decode('utf-8')
            assert text.rstrip(' ') == text.strip(), 'padding must be trailing spaces'
            header = json.loads(text)
            metadata = header.pop('__metadata__', {})
            data = raw[8 + n:]
            names = list(header)
            assert names == sorted(names), 'tensors not sorted by name: %s' % names
            cursor = 0
            dtypes = {'F64': '<f8', 'F32': '<f4', 'F16': '<f2', 'BF16': '<u2', 'I64': '<i8', 'I32': '<i4',
                      'I16': '<i2', 'I8': 'i1', 'U8': 'u1', 'BOOL': '?'}
            arrays = {}
            for name in names:
                entry = header[name]
                begin, end = entry['data_offsets']
                assert begin == cursor, 'tensor %s does not follow the previous one' % name
                cursor = end
                a = np.frombuffer(data[begin:end], dtype=dtypes[entry['dtype']])
                if entry['dtype'] == 'BF16':
                    a = (a.astype('<u4') << 16).view('<f4')
                arrays[name] = (entry['dtype'], a.reshape(entry['shape']))
            assert cursor == len(data), 'data section has %d bytes, tensors cover %d' % (len(data), cursor)
            # numpy's own float16 rounding and a bit-level bf16 rounding as references for the narrowed copies
            if 'x_f32' in arrays:
                x = arrays['x_f32'][1]
                f16 = np.frombuffer(data[header['x_f16']['data_offsets'][0]:header['x_f16']['data_offsets'][1]], '<u2')
                assert np.array_equal(x.astype(np.float16).view('<u2'), f16), 'F16 differs from numpy rounding'
                u = x.view('<u4').astype(np.uint64)
                expected_bf16 = ((u + 0x7FFF + ((u >> 16) & 1)) >> 16).astype('<u2')
                bf16 = np.frombuffer(data[header['x_bf16']['data_offsets'][0]:header['x_bf16']['data_offsets'][1]],
                                     '<u2')
                assert np.array_equal(expected_bf16, bf16), 'BF16 differs from round-to-nearest-even'
            out = {'metadata': metadata, 'tensors': {}}
            for name, (dtype, a) in arrays.items():
                flat = a.reshape(-1)
                values = [repr(float(v)) if a.dtype.kind == 'f' else str(int(v)) for v in flat]
                out['tensors'][name] = {'dtype': dtype, 'shape': list(a.shape), 'values': values}
            print(json.dumps(out))
            """;

    /** Writes a safetensors file by hand: unsorted names, no padding, every dtype. */
    private static final String PYTHON_WRITER = """
            import json, struct, sys
            import numpy as np
            i = np.arange(12)
            k = np.arange(100003)
            tensors = {
                'u8': ('U8', (i * 20).astype('u1').reshape(3, 4)),
                'f64': ('F64', (i * 0.1).astype('<f8').reshape(3, 4)),
                'f32': ('F32', ((i - 5) / 3).astype('<f4').reshape(2, 6)),
                'f16': ('F16', ((i - 5) * 0.25).astype('<f2').reshape(12)),
                'bf16': ('BF16', (((i - 5) * 0.5).astype('<f4').view('<u4') >> 16).astype('<u2').reshape(4, 3)),
                'i64': ('I64', (i * 10**12 - 3).astype('<i8').reshape(3, 4)),
                'i32': ('I32', (-i * 100000).astype('<i4').reshape(3, 4)),
                'i16': ('I16', (i * 1000 - 6000).astype('<i2').reshape(3, 4)),
                'i8': ('I8', (i * 10 - 60).astype('i1').reshape(3, 4)),
                'bool': ('BOOL', (i % 3 == 0).reshape(3, 4)),
                'scalar': ('F32', np.array(2.5, dtype='<f4')),
                'long_f32': ('F32', (((k * 7919) % 10007 - 5003) / 64).astype('<f4')),
            }
            header = {'__metadata__': {'source': 'numpy', 'note': 'hand-written'}}
            blobs, offset = [], 0
            for name, (dtype, a) in tensors.items():
                b = a.tobytes()
                header[name] = {'dtype': dtype, 'shape': list(a.shape), 'data_offsets': [offset, offset + len(b)]}
                blobs.append(b)
                offset += len(b)
            h = json.dumps(header).encode('utf-8')
            with open(sys.argv[1], 'wb') as f:
                f.write(struct.pack('<Q', len(h)))
                f.write(h)
                for b in blobs:
                    f.write(b)
            """;

    @TempDir
    Path folder;

    @Test
    void numpyReadsWhatJavaWrites() throws Exception {
        float[] x = {0f, -0f, 1f, -1.5f, 3.14159265f, 65504f, 65519.99f, 65520f, 1e6f, 1e-5f, 6e-8f, 2.9802322e-8f,
                Float.POSITIVE_INFINITY, Float.NEGATIVE_INFINITY, 1f + 0x1p-11f, 1f + 3 * 0x1p-11f, 1f + 0x1p-8f,
                1f + 3 * 0x1p-8f, Float.MIN_VALUE, Float.MAX_VALUE, 0.1f, -123.456f, 7.00390625f, 1e-40f};
        float[] random = SafetensorsRoundTripTest.randomFloats(5000, 11);
        float[] all = new float[x.length + random.length];
        System.arraycopy(x, 0, all, 0, x.length);
        System.arraycopy(random, 0, all, x.length, random.length);
        ByteBuffer ints = ByteBuffer.allocate(6 * 8).order(ByteOrder.LITTLE_ENDIAN);
        long[] longValues = {Long.MIN_VALUE, -1, 0, 1, 1L << 40, Long.MAX_VALUE};
        for (long value : longValues) {
            ints.putLong(value);
        }
        ints.flip();
        Path file = folder.resolve("from-java.safetensors");
        new SafetensorsWriter()
                .metadata("format", "pt").metadata("écrit par", "java")
                .add("x_f32", DType.F32, new long[] {all.length}, all)
                .add("x_f16", DType.F16, new long[] {all.length}, all)
                .add("x_bf16", DType.BF16, new long[] {all.length}, all)
                .add("matrix", DType.F32, new long[] {2, 3}, new float[] {1, 2, 3, 4, 5, 6})
                .addRaw("longs", DType.I64, new long[] {2, 3}, ints)
                .addRaw("flags", DType.BOOL, new long[] {3}, ByteBuffer.wrap(new byte[] {1, 0, 1}))
                .addRaw("bytes", DType.I8, new long[] {2}, ByteBuffer.wrap(new byte[] {-128, 127}))
                .write(file);

        JsonObject result = JsonParser.parseString(runPython(PYTHON_READER, file)).getAsJsonObject();
        assertEquals("{\"format\":\"pt\",\"écrit par\":\"java\"}", result.get("metadata").toString());
        JsonObject tensors = result.getAsJsonObject("tensors");
        assertEquals(List.of("bytes", "flags", "longs", "matrix", "x_bf16", "x_f16", "x_f32"),
                new ArrayList<>(tensors.keySet()));
        assertArrayEquals(all, floats(tensors, "x_f32"));
        try (SafetensorsFile read = SafetensorsFile.open(file)) {
            assertArrayEquals(read.readFloats("x_f16"), floats(tensors, "x_f16"));
            assertArrayEquals(read.readFloats("x_bf16"), floats(tensors, "x_bf16"));
        }
        assertEquals("[2,3]", tensors.getAsJsonObject("matrix").get("shape").toString());
        assertArrayEquals(new float[] {1, 2, 3, 4, 5, 6}, floats(tensors, "matrix"));
        JsonArray longs = tensors.getAsJsonObject("longs").getAsJsonArray("values");
        for (int i = 0; i < longValues.length; i++) {
            assertEquals(Long.toString(longValues[i]), longs.get(i).getAsString());
        }
        assertEquals("[\"1\",\"0\",\"1\"]", tensors.getAsJsonObject("flags").get("values").toString());
        assertEquals("[\"-128\",\"127\"]", tensors.getAsJsonObject("bytes").get("values").toString());
    }

    @Test
    void javaReadsWhatNumpyWrites() throws Exception {
        Path file = folder.resolve("from-numpy.safetensors");
        runPython(PYTHON_WRITER, file);
        try (SafetensorsFile read = SafetensorsFile.open(file)) {
            assertEquals(Map.of("source", "numpy", "note", "hand-written"), read.metadata());
            assertEquals(List.of("u8", "f64", "f32", "f16", "bf16", "i64", "i32", "i16", "i8", "bool", "scalar",
                    "long_f32"), read.tensorNames(), "file order");
            float[] f64 = read.readFloats("f64");
            float[] f32 = read.readFloats("f32");
            float[] f16 = read.readFloats("f16");
            float[] bf16 = read.readFloats("bf16");
            ByteBuffer i64 = read.buffer("i64");
            ByteBuffer i32 = read.buffer("i32");
            ByteBuffer i16 = read.buffer("i16");
            ByteBuffer i8 = read.buffer("i8");
            ByteBuffer u8 = read.buffer("u8");
            ByteBuffer bool = read.buffer("bool");
            for (int i = 0; i < 12; i++) {
                assertEquals((float) (i * 0.1), f64[i]);
                assertEquals((float) ((i - 5) / 3.0), f32[i]);
                assertEquals((i - 5) * 0.25f, f16[i]);
                assertEquals((i - 5) * 0.5f, bf16[i]);
                assertEquals(i * 1_000_000_000_000L - 3, i64.getLong(8 * i));
                assertEquals(-i * 100000, i32.getInt(4 * i));
                assertEquals(i * 1000 - 6000, i16.getShort(2 * i));
                assertEquals(i * 10 - 60, i8.get(i));
                assertEquals(i * 20, u8.get(i) & 0xff);
                assertEquals(i % 3 == 0 ? 1 : 0, bool.get(i));
            }
            assertArrayEquals(new long[] {2, 6}, read.info("f32").shape());
            assertArrayEquals(new long[] {}, read.info("scalar").shape());
            assertArrayEquals(new float[] {2.5f}, read.readFloats("scalar"));
            float[] longF32 = read.readFloats("long_f32");
            assertEquals(100003, longF32.length);
            for (int k = 0; k < longF32.length; k++) {
                assertEquals(((k * 7919L) % 10007 - 5003) / 64f, longF32[k]);
            }
        }
    }

    private static float[] floats(JsonObject tensors, String name) {
        JsonArray values = tensors.getAsJsonObject(name).getAsJsonArray("values");
        float[] result = new float[values.size()];
        for (int i = 0; i < result.length; i++) {
            String text = values.get(i).getAsString();
            double value = switch (text) {
                case "inf" -> Double.POSITIVE_INFINITY;
                case "-inf" -> Double.NEGATIVE_INFINITY;
                case "nan" -> Double.NaN;
                default -> Double.parseDouble(text);
            };
            result[i] = (float) value;
            assertEquals(value, (double) result[i], 0.0, "python printed a float32-exact value");
        }
        return result;
    }

    private static String runPython(String script, Path file) throws IOException, InterruptedException {
        Path python = locatePython();
        Process process = new ProcessBuilder(python.toString(), "-c", script, file.toString()).start();
        process.getOutputStream().close();
        // Drain stderr on the side so a chatty failure cannot block the process.
        var stderr = new java.util.concurrent.CompletableFuture<String>();
        Thread drain = new Thread(() -> {
            try {
                stderr.complete(new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8));
            } catch (IOException e) {
                stderr.complete("(stderr unreadable: " + e + ")");
            }
        });
        drain.start();
        String stdout = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(120, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            fail("python3 did not finish within 120 s");
        }
        drain.join();
        assertEquals(0, process.exitValue(), () -> "python3 failed:\n" + stderr.join());
        return stdout;
    }

    /** python3 on PATH with numpy importable; otherwise a failure, or a skip under MECHANIST_SKIP_PYTHON=1. */
    private static Path locatePython() throws IOException, InterruptedException {
        String skipHint = " (install python3 and python3-numpy, or set MECHANIST_SKIP_PYTHON=1 to skip the "
                + "numpy cross-check)";
        boolean skipAllowed = "1".equals(System.getenv("MECHANIST_SKIP_PYTHON"));
        Path found = null;
        String path = System.getenv("PATH");
        for (String dir : path == null ? new String[0] : path.split(File.pathSeparator)) {
            if (dir.isEmpty()) {
                continue;
            }
            Path candidate = Path.of(dir, "python3");
            if (Files.isRegularFile(candidate) && Files.isExecutable(candidate)) {
                found = candidate;
                break;
            }
        }
        if (found == null) {
            Assumptions.assumeFalse(skipAllowed, "python3 not on PATH; skipped because MECHANIST_SKIP_PYTHON=1");
            fail("python3 is not on PATH (" + path + ")" + skipHint);
        }
        Process probe = new ProcessBuilder(found.toString(), "-c", "import numpy").redirectErrorStream(true).start();
        String output = new String(probe.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!probe.waitFor(60, TimeUnit.SECONDS) || probe.exitValue() != 0) {
            Assumptions.assumeFalse(skipAllowed, "numpy missing; skipped because MECHANIST_SKIP_PYTHON=1");
            fail(found + " cannot import numpy: " + output.strip() + skipHint);
        }
        assertTrue(Files.isExecutable(found));
        return found;
    }
}
