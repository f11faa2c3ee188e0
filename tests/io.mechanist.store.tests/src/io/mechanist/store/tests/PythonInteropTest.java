package io.mechanist.store.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

import io.mechanist.model.StorageType;
import io.mechanist.store.ActivationStore;
import io.mechanist.store.CaptureWriter;

/**
 * An independent reader: python3 + numpy reads the shards following docs/store-format.md only (header parsing,
 * row mapping, SHA-256 from store.xmi) and returns rows that must equal what Mechanist wrote. Fails if python3 or
 * numpy is missing, unless MECHANIST_SKIP_PYTHON=1.
 */
class PythonInteropTest {

    private static final List<String> SITES = List.of("blocks.0.resid_post", "blocks.1.resid_post");
    private static final int WIDTH = 8;
    private static final int PROMPTS = 17;

    @TempDir
    Path folder;

    private static final String READER = """
            import hashlib, json, struct, sys
            import xml.etree.ElementTree as ET
            import numpy as np

            store, capture_id, site = sys.argv[1], sys.argv[2], sys.argv[3]
            root = ET.parse(store + "/store.xmi").getroot()
            capture = next(c for c in root.findall("captures") if c.get("id") == capture_id)
            out = {"rows": {}, "checked": 0}
            for shard in capture.findall("shards"):
                path = store + "/" + capture.get("folder") + "/" + shard.get("file")
                data = open(path, "rb").read()
                assert hashlib.sha256(data).hexdigest() == shard.get("sha256"), path
                out["checked"] += 1
                n = struct.unpack("<Q", data[:8])[0]
                header = json.loads(data[8:8 + n])
                base = 8 + n
                def tensor(name):
                    info = header[name]
                    start, end = info["data_offsets"]
                    dtype = {"F32": "<f4", "F16": "<f2", "I32": "<i4", "I64": "<i8"}[info["dtype"]]
                    return np.frombuffer(data[base + start:base + end], dtype=dtype).reshape(info["shape"])
                acts = tensor(site).astype(np.float64)
                prompt_index = tensor("prompt_index")
                starts = tensor("prompt_row_start")
                positions = tensor("row_position")
                for i, p in enumerate(prompt_index):
                    for r in range(starts[i], starts[i + 1]):
                        out["rows"]["%d:%d" % (p, positions[r])] = acts[r].tolist()
            print(json.dumps(out))
            """;

    @Test
    void numpyReadsF32AndF16ShardsAsDocumented() throws Exception {
        assumeFalse("1".equals(System.getenv("MECHANIST_SKIP_PYTHON")), "MECHANIST_SKIP_PYTHON=1");
        try (ActivationStore store = StoreFixtures.newStore(folder, PROMPTS)) {
            for (StorageType storage : List.of(StorageType.F32, StorageType.F16)) {
                try (CaptureWriter writer = store.beginCapture(StoreFixtures.spec(storage.getLiteral(), SITES, WIDTH)
                        .storage(storage).positionRange(1, -1).shardBytes(1024))) {
                    StoreFixtures.writePrompts(writer, SITES, WIDTH, 0, PROMPTS);
                    writer.complete();
                }
            }
        }
        for (StorageType storage : List.of(StorageType.F32, StorageType.F16)) {
            JsonObject result = runPython(storage.getLiteral(), SITES.get(1));
            JsonObject rows = result.getAsJsonObject("rows");
            int expectedRows = 0;
            for (int p = 0; p < PROMPTS; p++) {
                for (int pos = 1; pos < StoreFixtures.tokenCount(p) - 1; pos++) {
                    expectedRows++;
                    JsonArray row = rows.getAsJsonArray(p + ":" + pos);
                    for (int j = 0; j < WIDTH; j++) {
                        double expected = StoreFixtures.value(1, p, pos, j);
                        double tolerance = storage == StorageType.F32 ? 0 : Math.abs(expected) * 1e-3 + 1e-4;
                        assertEquals(expected, row.get(j).getAsDouble(), tolerance, storage + " prompt " + p + " pos " + pos);
                    }
                }
            }
            assertEquals(expectedRows, rows.size());
        }
    }

    private JsonObject runPython(String captureId, String site) throws IOException, InterruptedException {
        Path script = folder.resolve("read_store.py");
        Files.writeString(script, READER);
        Process process;
        try {
            process = new ProcessBuilder("python3", script.toString(), folder.toString(), captureId, site).start();
        } catch (IOException e) {
            throw new IOException("python3 is needed for the interop test (or set MECHANIST_SKIP_PYTHON=1): " + e.getMessage(), e);
        }
        byte[] stdout = process.getInputStream().readAllBytes();
        String stderr = new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
            String hint = stderr.contains("No module named 'numpy'")
                    ? "numpy is missing: install python3-numpy (or set MECHANIST_SKIP_PYTHON=1). " : "";
            throw new AssertionError(hint + "python3 reader failed: " + stderr);
        }
        return JsonParser.parseString(new String(stdout, StandardCharsets.UTF_8)).getAsJsonObject();
    }
}
