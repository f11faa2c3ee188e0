package io.mechanist.saes.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.TreeMap;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.mechanist.saes.DemoSae;
import io.mechanist.saes.SaeFormatException;
import io.mechanist.saes.SaeLibrary;
import io.mechanist.saes.interop.ControlVectorGguf;

/** SAEs added to a store stay inside it; malformed control vectors fail with the file named. */
class SaeLibraryTest {

    @Test
    void addListAndResolveStayInsideTheStore(@TempDir Path dir) throws Exception {
        Path store = Files.createDirectories(dir.resolve("store"));
        SaeLibrary library = new SaeLibrary(store);
        assertTrue(library.list().isEmpty());
        SaeLibrary.Entry entry = library.add(DemoSae.folder(), "demo");
        assertEquals("blocks.2.resid_post", entry.site());
        assertEquals(1, library.list().size());
        assertEquals(store.resolve("saes/demo"), SaeLibrary.resolve(store, "demo"));
        assertTrue(Files.isRegularFile(store.resolve("saes/demo/sae_weights.safetensors")));
        for (String bad : new String[] {"../outside", "a/b", "..", ".hidden"}) {
            assertThrows(IllegalArgumentException.class, () -> library.add(DemoSae.folder(), bad), bad);
        }
        assertFalse(Files.exists(dir.resolve("outside")));
        assertThrows(IllegalArgumentException.class, () -> library.add(DemoSae.folder(), "demo"), "taken id");
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
