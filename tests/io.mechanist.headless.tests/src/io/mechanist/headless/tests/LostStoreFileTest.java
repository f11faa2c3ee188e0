package io.mechanist.headless.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.mechanist.headless.Cli;
import io.mechanist.runtime.reference.ArchitectureFamily;

/**
 * The data-loss path of a lost store.xmi, through the real verbs: {@code capture} into a folder that still holds a
 * store's shards but no store.xmi refuses (exit 1) and names the problem, and every shard stays.
 */
class LostStoreFileTest {

    @TempDir
    Path temp;

    private static List<String> files(Path dir) throws Exception {
        try (Stream<Path> files = Files.walk(dir)) {
            return files.filter(Files::isRegularFile).map(f -> dir.relativize(f).toString()).sorted().toList();
        }
    }

    @Test
    void captureRefusesAFolderWithShardsButNoStoreXmi() throws Exception {
        Path store = temp.resolve("store");
        String model = CliRunner.checkpoint(ArchitectureFamily.GPT2).toString();
        String dataset = CliRunner.dataset(temp).toString();
        CliRunner.Outcome first = CliRunner.run("capture", "--store", store.toString(), "--model", model, "--dataset",
                dataset, "--id", "base");
        assertEquals(Cli.OK, first.code(), first.err());
        Files.delete(store.resolve("store.xmi"));
        List<String> before = files(store);
        assertTrue(before.contains("captures/base/shard-00000.safetensors"), before.toString());

        CliRunner.Outcome again = CliRunner.run("capture", "--store", store.toString(), "--model", model, "--dataset",
                dataset, "--id", "next");
        assertEquals(Cli.FAILED, again.code(), again.err());
        assertTrue(again.err().contains("store.xmi is missing") && again.err().contains("pick an empty folder"),
                again.err());
        assertEquals(before, files(store), "nothing created, nothing deleted");
    }
}
