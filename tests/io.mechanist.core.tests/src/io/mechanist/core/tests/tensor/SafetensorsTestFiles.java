package io.mechanist.core.tests.tensor;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** Writes safetensors files byte by byte, independently of SafetensorsWriter, including broken ones. */
final class SafetensorsTestFiles {

    private SafetensorsTestFiles() {
    }

    /** A file with the given header JSON (length prefix = its UTF-8 length) followed by {@code dataBytes} zeros. */
    static Path withHeader(Path file, String headerJson, int dataBytes) throws IOException {
        byte[] json = headerJson.getBytes(StandardCharsets.UTF_8);
        return withPrefix(file, json.length, json, dataBytes);
    }

    /** A file whose length prefix says {@code declaredLength}, whatever the real header is. */
    static Path withPrefix(Path file, long declaredLength, byte[] header, int dataBytes) throws IOException {
        ByteBuffer bytes = ByteBuffer.allocate(8 + header.length + dataBytes).order(ByteOrder.LITTLE_ENDIAN);
        bytes.putLong(declaredLength).put(header);
        Files.write(file, bytes.array());
        return file;
    }

    static byte[] littleEndianFloats(float... values) {
        ByteBuffer bytes = ByteBuffer.allocate(values.length * 4).order(ByteOrder.LITTLE_ENDIAN);
        for (float value : values) {
            bytes.putFloat(value);
        }
        return bytes.array();
    }
}
