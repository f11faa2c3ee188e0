package io.mechanist.saes.tests;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.TreeMap;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.mechanist.saes.DemoSae;
import io.mechanist.saes.SaeFolder;
import io.mechanist.saes.SaeFormatException;
import io.mechanist.saes.SaeLibrary;
import io.mechanist.saes.SparseAutoencoder;
import io.mechanist.saes.interop.ControlVectorGguf;
import io.mechanist.store.ActivationStore;
import io.mechanist.store.StoreCorruptionException;

/** SAEs kept in a store (store.xmi, files inside the store, checked); malformed control vectors fail with the file named. */
class SaeLibraryTest {

    @Test
    void addedSaeIsRecordedInStoreXmiAndReadBack(@TempDir Path dir) throws Exception {
        Path storeFolder = dir.resolve("store");
        try (ActivationStore store = ActivationStore.create(storeFolder, "s")) {
            SaeLibrary library = new SaeLibrary(store);
            assertTrue(library.list().isEmpty());
            SaeLibrary.Entry entry = library.add(DemoSae.folder(), "demo", null);
            assertEquals("blocks.2.resid_post", entry.site());
            for (String bad : new String[] {"../outside", "a/b", "..", ".hidden"}) {
                assertThrows(IllegalArgumentException.class, () -> library.add(DemoSae.folder(), bad, null), bad);
            }
            assertThrows(IllegalArgumentException.class, () -> library.add(DemoSae.folder(), "demo", null), "taken");
            assertThrows(IllegalArgumentException.class, () -> library.add(DemoSae.folder(), "x", "no-such-model"));
        }
        assertFalse(Files.exists(dir.resolve("outside")));
        String xmi = Files.readString(storeFolder.resolve("store.xmi"));
        assertTrue(xmi.contains("<saes ") && xmi.contains("folder=\"saes/demo\"")
                && xmi.contains("hookName=\"blocks.2.hook_resid_post\""), xmi);
        try (ActivationStore store = ActivationStore.openReadOnly(storeFolder)) {
            SaeLibrary library = new SaeLibrary(store);
            SaeLibrary.Entry entry = library.list().get(0);
            assertEquals(List.of("demo"), library.list().stream().map(SaeLibrary.Entry::id).toList());
            assertEquals(256, entry.dSae());
            assertFalse(entry.legacy());
            Path folder = library.folder("demo").orElseThrow();
            assertEquals(storeFolder.resolve("saes/demo"), folder);
            assertTrue(library.folder("other").isEmpty());
            SparseAutoencoder copy = SaeFolder.load(folder).sae();
            SparseAutoencoder original = SaeFolder.load(DemoSae.folder()).sae();
            float[] row = new float[original.dIn()];
            for (int i = 0; i < row.length; i++) {
                row[i] = (float) Math.sin(i + 1.0);
            }
            float[] a = new float[original.dSae()];
            float[] b = new float[copy.dSae()];
            original.encode(row, 0, a);
            copy.encode(row, 0, b);
            assertArrayEquals(a, b);
            assertTrue(java.util.stream.IntStream.range(0, a.length).anyMatch(i -> a[i] != 0), "some feature fires");
        }
        assertEquals(storeFolder.resolve("saes/demo"), SaeLibrary.resolve(storeFolder, "demo"));
    }

    @Test
    void craftedStoreCannotMakeItReadOutside(@TempDir Path dir) throws Exception {
        Path storeFolder = dir.resolve("store");
        try (ActivationStore store = ActivationStore.create(storeFolder, "s")) {
            new SaeLibrary(store).add(DemoSae.folder(), "demo", null);
        }
        Path xmi = storeFolder.resolve("store.xmi");
        String good = Files.readString(xmi);
        // a copy of the SAE outside the store, which a crafted store.xmi tries to make Mechanist read
        Path outside = Files.createDirectories(dir.resolve("outside"));
        for (String f : new String[] {"cfg.json", "sae_weights.safetensors", "sparsity.safetensors"}) {
            Files.copy(storeFolder.resolve("saes/demo").resolve(f), outside.resolve(f));
        }
        for (String folder : new String[] {"saes/../../outside", "/" + outside, "saes/other", "captures/demo"}) {
            Files.writeString(xmi, good.replace("folder=\"saes/demo\"", "folder=\"" + folder + "\""));
            StoreCorruptionException e = refused(storeFolder);
            assertTrue(e.getMessage().contains("has folder '" + folder + "'"), e.getMessage());
        }
        Files.writeString(xmi, good.replace("path=\"cfg.json\"", "path=\"../../outside/cfg.json\""));
        assertTrue(refused(storeFolder).getMessage().contains("'../../outside/cfg.json', which is not one of"));
        Files.writeString(xmi, good);

        Path saeFolder = storeFolder.resolve("saes/demo");
        Path moved = dir.resolve("moved");
        Files.move(saeFolder, moved);
        Files.createSymbolicLink(saeFolder, outside);
        assertTrue(refused(storeFolder).getMessage().contains("missing or not a plain folder"));
        Files.delete(saeFolder);
        Files.move(moved, saeFolder);

        Path weights = saeFolder.resolve("sae_weights.safetensors");
        Path kept = dir.resolve("weights");
        Files.move(weights, kept);
        Files.createSymbolicLink(weights, outside.resolve("sae_weights.safetensors"));
        assertTrue(refused(storeFolder).getMessage().contains("is a symbolic link"));
        Files.delete(weights);
        Files.move(kept, weights);

        Files.writeString(saeFolder.resolve("sae_weights.pt"), "not loaded");
        assertTrue(refused(storeFolder).getMessage().contains("is not one of its recorded files"));
        Files.delete(saeFolder.resolve("sae_weights.pt"));

        byte[] bytes = Files.readAllBytes(weights);
        bytes[bytes.length - 1] ^= 1;
        Files.write(weights, bytes);
        StoreCorruptionException changed = refused(storeFolder);
        assertEquals(weights, changed.file());
        assertTrue(changed.getMessage().contains("SHA-256 differs"), changed.getMessage());

        // nothing is written through a linked saes/ folder either
        Path elsewhere = Files.createDirectories(dir.resolve("elsewhere"));
        Files.move(storeFolder.resolve("saes"), dir.resolve("saes-kept"));
        Files.createSymbolicLink(storeFolder.resolve("saes"), elsewhere);
        try (ActivationStore store = ActivationStore.open(storeFolder)) {
            StoreCorruptionException linked = assertThrows(StoreCorruptionException.class,
                    () -> new SaeLibrary(store).add(DemoSae.folder(), "second", null));
            assertTrue(linked.getMessage().contains("saes/ is a symbolic link"), linked.getMessage());
        }
        try (var left = Files.list(elsewhere)) {
            assertEquals(0, left.count(), "nothing written outside the store");
        }
    }

    private static StoreCorruptionException refused(Path storeFolder) throws Exception {
        try (ActivationStore store = ActivationStore.openReadOnly(storeFolder)) {
            return assertThrows(StoreCorruptionException.class, () -> new SaeLibrary(store).folder("demo"));
        }
    }

    @Test
    void storesWithTheOldManifestAreReadAndMigrated(@TempDir Path dir) throws Exception {
        Path storeFolder = dir.resolve("store");
        ActivationStore.create(storeFolder, "s").close();
        // the layout written before SAEs were part of store.xmi
        Path old = Files.createDirectories(storeFolder.resolve("saes/old"));
        for (String f : new String[] {"cfg.json", "sae_weights.safetensors", "sparsity.safetensors"}) {
            Files.copy(DemoSae.folder().resolve(f), old.resolve(f));
        }
        String manifest = """
                {"saes": [{"id": "old", "hookName": "blocks.2.hook_resid_post", "site": "blocks.2.resid_post",
                  "architecture": "topk", "dIn": 64, "dSae": 256, "modelName": "demo", "addedFrom": "/x"}]}
                """;
        Files.writeString(storeFolder.resolve("saes/manifest.json"), manifest);
        try (ActivationStore store = ActivationStore.openReadOnly(storeFolder)) {
            SaeLibrary library = new SaeLibrary(store);
            assertTrue(library.list().get(0).legacy());
            assertEquals(old, library.folder("old").orElseThrow());
        }
        assertEquals(old, SaeLibrary.resolve(storeFolder, "old"));

        Files.writeString(storeFolder.resolve("saes/manifest.json"), manifest.replace("\"id\": \"old\"",
                "\"id\": \"../../outside\""));
        try (ActivationStore store = ActivationStore.openReadOnly(storeFolder)) {
            SaeFormatException e = assertThrows(SaeFormatException.class, () -> new SaeLibrary(store).list());
            assertTrue(e.getMessage().contains("'../../outside' is not a plain name"), e.getMessage());
        }
        Files.writeString(storeFolder.resolve("saes/manifest.json"), manifest);

        try (ActivationStore store = ActivationStore.open(storeFolder)) {
            new SaeLibrary(store).add(DemoSae.folder(), "new", null);
        }
        assertFalse(Files.exists(storeFolder.resolve("saes/manifest.json")));
        try (ActivationStore store = ActivationStore.openReadOnly(storeFolder)) {
            SaeLibrary library = new SaeLibrary(store);
            assertEquals(List.of("old", "new"), library.list().stream().map(SaeLibrary.Entry::id).toList());
            assertTrue(library.list().stream().noneMatch(SaeLibrary.Entry::legacy));
            assertEquals(old, library.folder("old").orElseThrow());
        }
        String xmi = Files.readString(storeFolder.resolve("store.xmi"));
        assertTrue(xmi.contains("folder=\"saes/old\"") && xmi.contains("sha256="), xmi);
    }

    @Test
    void truncatedAndForeignGgufFilesAreRefused(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("cv.gguf");
        TreeMap<Integer, float[]> directions = new TreeMap<>();
        directions.put(1, new float[] {1, 2, 3});
        new ControlVectorGguf("gpt2", directions).write(file);
        byte[] bytes = Files.readAllBytes(file);
        Files.write(file, java.util.Arrays.copyOf(bytes, bytes.length - 40));
        SaeFormatException truncated = assertThrows(SaeFormatException.class, () -> ControlVectorGguf.read(file));
        assertTrue(truncated.getMessage().startsWith(file.toString()), truncated.getMessage());
        Files.writeString(file, "not a gguf file at all, just text");
        assertTrue(assertThrows(SaeFormatException.class, () -> ControlVectorGguf.read(file)).getMessage()
                .contains("not a GGUF file"));
        // the value "controlvector" is followed by the length (24) of the next key, controlvector.model_hint
        Files.write(file, new String(bytes, java.nio.charset.StandardCharsets.ISO_8859_1)
                .replace("controlvector\u0018", "controlvectoX\u0018")
                .getBytes(java.nio.charset.StandardCharsets.ISO_8859_1));
        assertTrue(assertThrows(SaeFormatException.class, () -> ControlVectorGguf.read(file)).getMessage()
                .contains("general.architecture is 'controlvectoX'"));
    }
}
