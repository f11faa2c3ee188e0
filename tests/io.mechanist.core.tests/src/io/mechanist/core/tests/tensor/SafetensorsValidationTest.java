package io.mechanist.core.tests.tensor;

import static io.mechanist.core.tests.tensor.SafetensorsTestFiles.withHeader;
import static io.mechanist.core.tests.tensor.SafetensorsTestFiles.withPrefix;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mechanist.core.tensor.DType;
import io.mechanist.core.tensor.SafetensorsFile;
import io.mechanist.core.tensor.SafetensorsFormatException;
import io.mechanist.core.tensor.SafetensorsWriter;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Broken files must be refused with a message that names the file and the defect. */
class SafetensorsValidationTest {

    private static final String ONE_F32 = "{\"a\":{\"dtype\":\"F32\",\"shape\":[2],\"data_offsets\":[0,8]}}";

    @TempDir
    Path folder;

    @Test
    void aValidHandWrittenFileOpens() throws IOException {
        Path file = withHeader(folder.resolve("ok.safetensors"), ONE_F32, 8);
        try (SafetensorsFile read = SafetensorsFile.open(file)) {
            assertEquals(8 + ONE_F32.length(), read.info("a").dataOffset());
        }
    }

    @Test
    void fileShorterThanTheLengthPrefix() throws IOException {
        Path file = Files.write(folder.resolve("tiny.safetensors"), new byte[] {1, 2, 3});
        assertRefused(file, "3 bytes, shorter than the 8-byte header length prefix");
    }

    @Test
    void headerLengthLargerThanFile() throws IOException {
        Path file = withPrefix(folder.resolve("long.safetensors"), 1000, ONE_F32.getBytes(StandardCharsets.UTF_8), 8);
        assertRefused(file, "header length 1000 is larger than the file");
        Path huge = withPrefix(folder.resolve("huge.safetensors"), -1, new byte[4], 0);
        assertRefused(huge, "header length 18446744073709551615 is larger than the file");
    }

    @Test
    void badJson() throws IOException {
        assertRefused(withHeader(folder.resolve("json1.safetensors"), "{\"a\":{\"dtype\":\"F32\",", 0),
                "header is not valid JSON");
        assertRefused(withHeader(folder.resolve("json2.safetensors"), "[1,2,3]", 0), "not a JSON object");
        assertRefused(withHeader(folder.resolve("json3.safetensors"), "{a:1}", 0), "header is not valid JSON");
        assertRefused(withHeader(folder.resolve("json4.safetensors"), "{} {}", 0),
                "header has content after the JSON object");
        assertRefused(withHeader(folder.resolve("json5.safetensors"), "{\"a\":5}", 0),
                "tensor 'a' must be an object");
    }

    @Test
    void headerThatIsNotUtf8() throws IOException {
        byte[] header = {'{', '"', (byte) 0xff, '"', ':', '1', '}'};
        assertRefused(withPrefix(folder.resolve("latin.safetensors"), header.length, header, 0), "not valid UTF-8");
    }

    @Test
    void unknownDtype() throws IOException {
        Path file = withHeader(folder.resolve("dtype.safetensors"),
                "{\"q\":{\"dtype\":\"F8_E4M3\",\"shape\":[8],\"data_offsets\":[0,8]}}", 8);
        assertRefused(file, "tensor 'q': Unsupported safetensors dtype 'F8_E4M3'");
    }

    @Test
    void offsetsOutOfRange() throws IOException {
        Path file = withHeader(folder.resolve("range.safetensors"),
                "{\"a\":{\"dtype\":\"F32\",\"shape\":[2],\"data_offsets\":[0,8]},"
                        + "\"b\":{\"dtype\":\"F32\",\"shape\":[4],\"data_offsets\":[8,24]}}",
                8);
        assertRefused(file, "tensor 'b' data_offsets [8, 24] reach past the end of the data section (8 bytes)");
    }

    @Test
    void overlappingTensors() throws IOException {
        Path file = withHeader(folder.resolve("overlap.safetensors"),
                "{\"a\":{\"dtype\":\"F32\",\"shape\":[2],\"data_offsets\":[0,8]},"
                        + "\"b\":{\"dtype\":\"F32\",\"shape\":[2],\"data_offsets\":[4,12]}}",
                12);
        assertRefused(file, "tensor 'b' data_offsets [4, 12] overlap tensor 'a'");
    }

    @Test
    void gapBetweenTensors() throws IOException {
        Path file = withHeader(folder.resolve("gap.safetensors"),
                "{\"a\":{\"dtype\":\"F32\",\"shape\":[2],\"data_offsets\":[0,8]},"
                        + "\"b\":{\"dtype\":\"F32\",\"shape\":[1],\"data_offsets\":[12,16]}}",
                16);
        assertRefused(file, "gap of 4 bytes before tensor 'b'");
        Path leading = withHeader(folder.resolve("leading.safetensors"),
                "{\"a\":{\"dtype\":\"F32\",\"shape\":[1],\"data_offsets\":[4,8]}}", 8);
        assertRefused(leading, "gap of 4 bytes before tensor 'a'");
    }

    @Test
    void byteLengthNotMatchingShape() throws IOException {
        Path file = withHeader(folder.resolve("shape.safetensors"),
                "{\"a\":{\"dtype\":\"F16\",\"shape\":[2,3],\"data_offsets\":[0,8]}}", 8);
        assertRefused(file, "tensor 'a' data_offsets [0, 8] span 8 bytes but F16 [2, 3] needs 12");
    }

    @Test
    void truncatedFile() throws IOException {
        Path file = folder.resolve("truncated.safetensors");
        new SafetensorsWriter().add("w", DType.F32, new long[] {16}, new float[16]).write(file);
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE)) {
            channel.truncate(channel.size() - 3);
        }
        assertRefused(file, "reach past the end of the data section");
    }

    @Test
    void bytesAfterTheLastTensor() throws IOException {
        Path file = withHeader(folder.resolve("trailing.safetensors"), ONE_F32, 11);
        assertRefused(file, "3 bytes after the last tensor are not described by the header");
    }

    @Test
    void malformedTensorEntries() throws IOException {
        String[][] cases = {
            {"{\"a\":{\"dtype\":\"F32\",\"shape\":[2]}}", "tensor 'a' lacks data_offsets"},
            {"{\"a\":{\"shape\":[2],\"data_offsets\":[0,8]}}", "tensor 'a' lacks dtype"},
            {"{\"a\":{\"dtype\":\"F32\",\"shape\":[-2],\"data_offsets\":[0,8]}}", "shape holds negative value -2"},
            {"{\"a\":{\"dtype\":\"F32\",\"shape\":[2.5],\"data_offsets\":[0,8]}}", "shape holds 2.5, not a 64-bit"},
            {"{\"a\":{\"dtype\":\"F32\",\"shape\":[\"2\"],\"data_offsets\":[0,8]}}", "shape holds STRING"},
            {"{\"a\":{\"dtype\":\"F32\",\"shape\":[2],\"data_offsets\":[0]}}", "data_offsets must be [begin, end]"},
            {"{\"a\":{\"dtype\":\"F32\",\"shape\":[2],\"data_offsets\":[8,0]}}", "end before they begin"},
            {"{\"a\":{\"dtype\":7,\"shape\":[2],\"data_offsets\":[0,8]}}", "dtype must be a string"},
            {"{\"a\":{\"dtype\":\"F32\",\"shape\":[4611686018427387904,4],\"data_offsets\":[0,8]}}", "overflows"},
            {"{\"a\":{\"dtype\":\"F32\",\"shape\":[2],\"data_offsets\":[0,8]},"
                    + "\"a\":{\"dtype\":\"F32\",\"shape\":[2],\"data_offsets\":[0,8]}}", "names 'a' twice"},
            {"{\"__metadata__\":{\"k\":1},\"a\":{\"dtype\":\"F32\",\"shape\":[2],\"data_offsets\":[0,8]}}",
                "'__metadata__' entry 'k' must be a string"},
            {"{\"__metadata__\":[],\"a\":{\"dtype\":\"F32\",\"shape\":[2],\"data_offsets\":[0,8]}}",
                "'__metadata__' must be an object"},
        };
        for (int i = 0; i < cases.length; i++) {
            assertRefused(withHeader(folder.resolve("entry" + i + ".safetensors"), cases[i][0], 8), cases[i][1]);
        }
    }

    @Test
    void unknownFieldsInATensorEntryAreIgnoredLikeTheReferenceReader() throws IOException {
        Path file = withHeader(folder.resolve("extra.safetensors"),
                "{\"a\":{\"dtype\":\"F32\",\"extra\":{\"x\":[1]},\"shape\":[2],\"data_offsets\":[0,8]}}  ", 8);
        try (SafetensorsFile read = SafetensorsFile.open(file)) {
            assertEquals(8, read.info("a").byteLength());
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"pytorch_model.bin", "model.pt", "weights.PTH", "model.ckpt", "data.pkl"})
    void pickleCheckpointsAreRefusedByName(String name) throws IOException {
        Path file = Files.write(folder.resolve(name), new byte[64]);
        SafetensorsFormatException e = assertRefused(file, "arbitrary code");
        assertTrue(e.getMessage().contains("convert"), e.getMessage());
    }

    @Test
    void pickleOrZipContentIsRecognisedInTheError() throws IOException {
        byte[] zip = new byte[100];
        zip[0] = 'P';
        zip[1] = 'K';
        zip[2] = 3;
        zip[3] = 4;
        assertRefused(Files.write(folder.resolve("renamed.safetensors"), zip), "torch.save");
        byte[] pickle = new byte[100];
        pickle[0] = (byte) 0x80;
        pickle[1] = 2;
        pickle[7] = 9;
        assertRefused(Files.write(folder.resolve("pickled.safetensors"), pickle), "Python pickle");
    }

    @Test
    void directoriesAndMissingFiles() throws IOException {
        assertRefused(Files.createDirectory(folder.resolve("dir.safetensors")), "is a directory");
        Path missing = folder.resolve("missing.safetensors");
        IOException e = assertThrows(IOException.class, () -> SafetensorsFile.open(missing));
        assertTrue(e.getMessage().contains(missing.toString()), e.getMessage());
    }

    private static SafetensorsFormatException assertRefused(Path file, String problem) {
        SafetensorsFormatException e = assertThrows(SafetensorsFormatException.class,
                () -> SafetensorsFile.open(file).close());
        assertTrue(e.getMessage().contains(file.toString()), () -> "names the file: " + e.getMessage());
        assertTrue(e.getMessage().contains(problem), () -> "expected '" + problem + "' in: " + e.getMessage());
        assertEquals(file, e.file());
        return e;
    }
}
