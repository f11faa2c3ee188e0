package io.mechanist.saes.tests;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import java.util.TreeMap;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

import io.mechanist.demo.EmbeddedDemo;
import io.mechanist.core.hooks.HookPoint;
import io.mechanist.core.hooks.HookSite;
import io.mechanist.runtime.HookedTransformer;
import io.mechanist.runtime.RunRequest;
import io.mechanist.runtime.intervention.AddVector;
import io.mechanist.runtime.intervention.InterventionPlan;
import io.mechanist.runtime.intervention.Positions;
import io.mechanist.saes.SaeFormatException;
import io.mechanist.saes.interop.ControlVectorGguf;

/**
 * llama.cpp control vectors: round trip, an independent GGUF reader and writer in Python (struct only), and the
 * layer offset: direction.N is added to the output of block N (blocks.N.resid_post, the input of block N+1).
 */
class ControlVectorGgufTest {

    /** Parses GGUF with struct, as llama.cpp's gguf reader does; prints keys and tensors as JSON. */
    private static final String READER = """
            import json, struct, sys
            raw = open(sys.argv[1], 'rb').read()
            pos = 0
            def take(fmt):
                global pos
                v = struct.unpack_from('<' + fmt, raw, pos); pos += struct.calcsize('<' + fmt); return v[0]
            def string():
                global pos
                n = take('Q'); s = raw[pos:pos + n].decode('utf-8'); pos += n; return s
            scalar = {0: 'B', 1: 'b', 2: 'H', 3: 'h', 4: 'I', 5: 'i', 6: 'f', 7: '?', 10: 'Q', 11: 'q', 12: 'd'}
            assert raw[:4] == b'GGUF'; pos = 4
            version = take('I'); n_tensors = take('Q'); n_kv = take('Q')
            kv = {}; types = {}
            for _ in range(n_kv):
                key = string(); t = take('I'); types[key] = t
                kv[key] = string() if t == 8 else take(scalar[t])
            infos = []
            for _ in range(n_tensors):
                name = string(); dims = take('I'); shape = [take('Q') for _ in range(dims)]
                infos.append((name, shape, take('I'), take('Q')))
            align = kv.get('general.alignment', 32)
            start = (pos + align - 1) // align * align
            tensors = {}
            for name, shape, t, off in infos:
                assert t == 0 and off % align == 0
                n = shape[0]
                tensors[name] = list(struct.unpack_from('<%df' % n, raw, start + off))
            print(json.dumps({'version': version, 'kv': kv, 'types': types, 'tensors': tensors}))
            """;

    /** Writes a control vector the way gguf-py's GGUFWriter lays it out (uint32 layer_count, as repeng does). */
    private static final String WRITER = """
            import struct, sys
            out = sys.argv[1]
            def s(x):
                b = x.encode('utf-8'); return struct.pack('<Q', len(b)) + b
            dirs = {1: [1.0, -2.0, 0.5, 4.0], 3: [0.25, 0.0, -1.0, 8.0]}
            kv = s('general.architecture') + struct.pack('<I', 8) + s('controlvector') \\
                + s('controlvector.model_hint') + struct.pack('<I', 8) + s('llama') \\
                + s('controlvector.layer_count') + struct.pack('<II', 4, 2)
            infos = b''; off = 0
            for n, v in dirs.items():
                infos += s('direction.%d' % n) + struct.pack('<IQIQ', 1, len(v), 0, off)
                off += (4 * len(v) + 31) // 32 * 32
            head = b'GGUF' + struct.pack('<IQQ', 3, len(dirs), 3) + kv + infos
            head += b'\\0' * ((-len(head)) % 32)
            data = b''
            for v in dirs.values():
                d = struct.pack('<%df' % len(v), *v); data += d + b'\\0' * ((-len(d)) % 32)
            open(out, 'wb').write(head + data)
            """;

    @Test
    void roundTripAndPythonReadsWhatJavaWrites(@TempDir Path dir) throws Exception {
        Random random = new Random(11);
        TreeMap<Integer, float[]> directions = new TreeMap<>();
        for (int block : new int[] {1, 2, 5}) {
            directions.put(block, SaeNumpyReferenceTest.gaussian(random, 7, 0, 1));
        }
        Path file = dir.resolve("steer.gguf");
        new ControlVectorGguf("gpt2", directions).write(file);
        ControlVectorGguf back = ControlVectorGguf.read(file);
        assertEquals("gpt2", back.modelHint());
        assertEquals(directions.keySet(), back.directions().keySet());
        for (int block : directions.keySet()) {
            assertArrayEquals(directions.get(block), back.directions().get(block));
        }
        JsonObject parsed = JsonParser.parseString(Python.run(dir, READER, file.toString())).getAsJsonObject();
        assertEquals(3, parsed.get("version").getAsInt());
        JsonObject kv = parsed.getAsJsonObject("kv");
        assertEquals("controlvector", kv.get("general.architecture").getAsString());
        assertEquals("gpt2", kv.get("controlvector.model_hint").getAsString());
        assertEquals(3, kv.get("controlvector.layer_count").getAsInt());
        assertEquals(5, parsed.getAsJsonObject("types").get("controlvector.layer_count").getAsInt(),
                "INT32, as llama.cpp's cvector-generator writes it");
        JsonObject tensors = parsed.getAsJsonObject("tensors");
        assertEquals(java.util.Set.of("direction.1", "direction.2", "direction.5"), tensors.keySet());
        for (int block : directions.keySet()) {
            var values = tensors.getAsJsonArray("direction." + block);
            for (int i = 0; i < 7; i++) {
                assertEquals(directions.get(block)[i], values.get(i).getAsFloat());
            }
        }
    }

    @Test
    void javaReadsWhatPythonWrites(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("repeng.gguf");
        Python.run(dir, WRITER, file.toString());
        ControlVectorGguf read = ControlVectorGguf.read(file);
        assertEquals("llama", read.modelHint());
        assertEquals(List.of(1, 3), List.copyOf(read.directions().keySet()));
        assertArrayEquals(new float[] {0.25f, 0f, -1f, 8f}, read.directions().get(3));
        assertEquals(HookSite.of(HookPoint.RESID_POST, 3), ControlVectorGguf.siteOf(3));
    }

    @Test
    void layerOffsetIsPinned(@TempDir Path dir) throws Exception {
        // direction.N <-> output of block N
        assertEquals("blocks.3.resid_post", ControlVectorGguf.siteOf(3).id());
        assertEquals(3, ControlVectorGguf.blockOf(HookSite.of(HookPoint.RESID_POST, 3)));
        assertEquals(3, ControlVectorGguf.blockOf(HookSite.of(HookPoint.RESID_PRE, 4)));
        assertTrue(assertThrows(IllegalArgumentException.class,
                () -> ControlVectorGguf.blockOf(HookSite.of(HookPoint.RESID_POST, 0))).getMessage().contains("block 0"));
        assertThrows(IllegalArgumentException.class, () -> ControlVectorGguf.blockOf(HookSite.of(HookPoint.MLP_OUT, 2)));
        TreeMap<Integer, float[]> zero = new TreeMap<>();
        zero.put(0, new float[] {1, 2});
        assertThrows(IllegalArgumentException.class, () -> new ControlVectorGguf("x", zero));

        // a file naming direction.0 is refused, as llama.cpp refuses it
        Path file = dir.resolve("zero.gguf");
        TreeMap<Integer, float[]> one = new TreeMap<>();
        one.put(1, new float[] {1, 2});
        new ControlVectorGguf("x", one).write(file);
        byte[] bytes = java.nio.file.Files.readAllBytes(file);
        String text = new String(bytes, java.nio.charset.StandardCharsets.ISO_8859_1).replace("direction.1", "direction.0");
        java.nio.file.Files.write(file, text.getBytes(java.nio.charset.StandardCharsets.ISO_8859_1));
        assertTrue(assertThrows(SaeFormatException.class, () -> ControlVectorGguf.read(file)).getMessage()
                .contains("direction.0"));

        // the site a direction maps to is where llama.cpp adds it: the output of block N is the input of N + 1
        try (HookedTransformer model = HookedTransformer.load(EmbeddedDemo.modelFolder())) {
            int width = model.spec().dModel();
            float[] vector = SaeNumpyReferenceTest.gaussian(new Random(5), width, 0, 3);
            long[] prompt = {2, 9, 5, 12, 7};
            int block = 2;
            float[] atOutput = model.run(RunRequest.builder(List.of(prompt)).plan(InterventionPlan.of("cvec",
                    new AddVector(ControlVectorGguf.siteOf(block), Positions.all(), vector, 1))).build()).lastLogits(0);
            float[] atNextInput = model.run(RunRequest.builder(List.of(prompt)).plan(InterventionPlan.of("cvec",
                    new AddVector(HookSite.of(HookPoint.RESID_PRE, block + 1), Positions.all(), vector, 1))).build())
                    .lastLogits(0);
            float[] atInput = model.run(RunRequest.builder(List.of(prompt)).plan(InterventionPlan.of("cvec",
                    new AddVector(HookSite.of(HookPoint.RESID_PRE, block), Positions.all(), vector, 1))).build())
                    .lastLogits(0);
            assertArrayEquals(atOutput, atNextInput, 1e-4f);
            double shift = 0;
            for (int i = 0; i < atOutput.length; i++) {
                shift = Math.max(shift, Math.abs(atOutput[i] - atInput[i]));
            }
            assertTrue(shift > 1e-2, "a shift by one block changes the logits (max difference " + shift + ")");
        }
    }
}
