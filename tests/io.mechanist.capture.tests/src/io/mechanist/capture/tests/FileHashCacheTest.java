package io.mechanist.capture.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.Random;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.mechanist.capture.internal.FileHashCache;

/**
 * The checkpoint hash cache: an unchanged shard is not read again, and any rewrite (even one that restores size and
 * modification time) is hashed again. Hashes are checked against coreutils' sha256sum.
 */
class FileHashCacheTest {

    @TempDir
    Path dir;
    private String previous;

    @BeforeEach
    void useTemporaryCache() {
        previous = System.getProperty(FileHashCache.PROPERTY);
        System.setProperty(FileHashCache.PROPERTY, dir.resolve("cache/file-hashes.tsv").toString());
    }

    @AfterEach
    void restore() {
        if (previous == null) {
            System.clearProperty(FileHashCache.PROPERTY);
        } else {
            System.setProperty(FileHashCache.PROPERTY, previous);
        }
    }

    @Test
    void anUnchangedShardIsServedFromTheCacheWithoutReadingIt() throws Exception {
        Path shard = randomFile("model.safetensors", FileHashCache.MIN_BYTES + 5, 1);
        long before = FileHashCache.hashedBytes();
        String first = FileHashCache.sha256(shard);
        assertEquals(Files.size(shard), FileHashCache.hashedBytes() - before);
        assertEquals(sha256sum(shard), first);

        long afterFirst = FileHashCache.hashedBytes();
        assertEquals(first, FileHashCache.sha256(shard));
        assertEquals(afterFirst, FileHashCache.hashedBytes(), "the second hash must come from the cache");
    }

    @Test
    void aRewriteThatRestoresSizeAndModificationTimeIsHashedAgain() throws Exception {
        Path shard = randomFile("model.safetensors", FileHashCache.MIN_BYTES, 2);
        String original = FileHashCache.sha256(shard);
        FileTime modified = Files.getLastModifiedTime(shard);

        byte[] bytes = Files.readAllBytes(shard);
        bytes[bytes.length / 2] ^= 1;
        Files.write(shard, bytes);
        Files.setLastModifiedTime(shard, modified);

        long before = FileHashCache.hashedBytes();
        String rewritten = FileHashCache.sha256(shard);
        assertNotEquals(original, rewritten);
        assertEquals(sha256sum(shard), rewritten);
        assertEquals(Files.size(shard), FileHashCache.hashedBytes() - before);
    }

    @Test
    void aReplacedFileOfTheSameNameIsHashedAgain() throws Exception {
        Path shard = randomFile("model.safetensors", FileHashCache.MIN_BYTES, 3);
        String original = FileHashCache.sha256(shard);
        Path replacement = randomFile("staged.safetensors", FileHashCache.MIN_BYTES, 4);
        Files.move(replacement, shard, java.nio.file.StandardCopyOption.REPLACE_EXISTING);

        String replaced = FileHashCache.sha256(shard);
        assertNotEquals(original, replaced);
        assertEquals(sha256sum(shard), replaced);
    }

    @Test
    void aDamagedCacheFileIsIgnored() throws Exception {
        Path shard = randomFile("model.safetensors", FileHashCache.MIN_BYTES, 5);
        Path cache = Path.of(System.getProperty(FileHashCache.PROPERTY));
        Files.createDirectories(cache.getParent());
        Files.writeString(cache, "# mechanist file hashes v1: path, size, fileKey, mtime ns, ctime ns, sha256\n"
                + shard.toAbsolutePath() + "\tnot\tan\tentry\n\u0000\u0001garbage", StandardCharsets.UTF_8);

        assertEquals(sha256sum(shard), FileHashCache.sha256(shard));
        long before = FileHashCache.hashedBytes();
        assertEquals(sha256sum(shard), FileHashCache.sha256(shard));
        assertEquals(before, FileHashCache.hashedBytes(), "the cache was rewritten with a valid entry");
    }

    @Test
    void smallFilesAndCachingOffAlwaysReadTheFile() throws Exception {
        Path config = randomFile("config.json", 1000, 6);
        FileHashCache.sha256(config);
        long before = FileHashCache.hashedBytes();
        assertEquals(sha256sum(config), FileHashCache.sha256(config));
        assertEquals(1000, FileHashCache.hashedBytes() - before);

        System.setProperty(FileHashCache.PROPERTY, "off");
        Path shard = randomFile("model.safetensors", FileHashCache.MIN_BYTES, 7);
        FileHashCache.sha256(shard);
        before = FileHashCache.hashedBytes();
        assertEquals(sha256sum(shard), FileHashCache.sha256(shard));
        assertEquals(Files.size(shard), FileHashCache.hashedBytes() - before);
    }

    private Path randomFile(String name, long size, long seed) throws IOException {
        byte[] bytes = new byte[Math.toIntExact(size)];
        new Random(seed).nextBytes(bytes);
        return Files.write(dir.resolve(name), bytes);
    }

    /** The independent reference: coreutils' sha256sum. */
    private static String sha256sum(Path file) throws IOException, InterruptedException {
        Process process = new ProcessBuilder("sha256sum", file.toString()).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, process.waitFor(), output);
        return output.substring(0, 64);
    }
}
