package io.mechanist.core.tensor;

import com.google.gson.JsonParseException;
import com.google.gson.stream.JsonReader;
import com.google.gson.stream.JsonToken;

import java.io.IOException;
import java.io.StringReader;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Reads and validates the header of a safetensors file: an unsigned 64-bit little-endian header length N, N bytes
 * of UTF-8 JSON, then the data section that the header's {@code data_offsets} must tile exactly.
 */
final class SafetensorsHeader {

    /** The reference implementation refuses headers above this size; so do we. */
    static final long MAX_HEADER_BYTES = 100_000_000L;
    static final String METADATA_KEY = "__metadata__";
    private static final List<String> PICKLE_EXTENSIONS = List.of(".bin", ".pt", ".pth", ".ckpt", ".pkl", ".pickle");

    /** Header content: tensors in the order their data appears in the file. */
    record Parsed(Map<String, String> metadata, Map<String, TensorInfo> tensors, long dataStart) {
    }

    private record Entry(String name, DType dtype, long[] shape, long begin, long end) {
    }

    private final Path file;

    private SafetensorsHeader(Path file) {
        this.file = file;
    }

    static Parsed read(Path file, FileChannel channel) throws IOException {
        return new SafetensorsHeader(file).read(channel);
    }

    /** Refuses pickle-based checkpoints by name before any byte is read. */
    static void refusePickleByName(Path file) throws SafetensorsFormatException {
        Path fileName = file.getFileName();
        String name = fileName == null ? "" : fileName.toString().toLowerCase(Locale.ROOT);
        for (String extension : PICKLE_EXTENSIONS) {
            if (name.endsWith(extension)) {
                throw new SafetensorsFormatException(file, "'" + extension + "' files are Python pickles, and "
                        + "loading a pickle can execute arbitrary code; convert the checkpoint to .safetensors "
                        + "(e.g. with the safetensors Python package) and open that instead");
            }
        }
    }

    private Parsed read(FileChannel channel) throws IOException {
        long fileSize = channel.size();
        if (fileSize < Long.BYTES) {
            throw fail("file is " + fileSize + " bytes, shorter than the 8-byte header length prefix");
        }
        ByteBuffer prefix = readFully(channel, 0, Long.BYTES);
        long headerLength = prefix.order(ByteOrder.LITTLE_ENDIAN).getLong(0);
        long available = fileSize - Long.BYTES;
        if (headerLength < 0 || headerLength > available) {
            throw fail("header length " + Long.toUnsignedString(headerLength) + " is larger than the file ("
                    + fileSize + " bytes, " + available + " after the length prefix)" + pickleHint(prefix));
        }
        if (headerLength > MAX_HEADER_BYTES) {
            throw fail("header length " + headerLength + " exceeds the limit of " + MAX_HEADER_BYTES + " bytes");
        }
        if (headerLength < 2) {
            throw fail("header length " + headerLength + " is too small to hold a JSON object");
        }
        String json = decodeUtf8(readFully(channel, Long.BYTES, (int) headerLength));
        long dataStart = Long.BYTES + headerLength;
        Map<String, String> metadata = new TreeMap<>();
        List<Entry> entries = parseJson(json, metadata);
        Map<String, TensorInfo> tensors = validateLayout(entries, fileSize - dataStart, dataStart);
        return new Parsed(Collections.unmodifiableMap(metadata), Collections.unmodifiableMap(tensors), dataStart);
    }

    private List<Entry> parseJson(String json, Map<String, String> metadata) throws SafetensorsFormatException {
        if (!json.startsWith("{")) {
            throw fail("header does not start with '{' (not a JSON object)");
        }
        List<Entry> entries = new ArrayList<>();
        try (JsonReader reader = new JsonReader(new StringReader(json))) {
            reader.beginObject();
            Set<String> seen = new HashSet<>();
            while (reader.hasNext()) {
                String key = reader.nextName();
                if (!seen.add(key)) {
                    throw fail("header names '" + key + "' twice");
                }
                if (key.equals(METADATA_KEY)) {
                    readMetadata(reader, metadata);
                } else {
                    entries.add(readEntry(reader, key));
                }
            }
            reader.endObject();
            if (!onlyWhitespaceFollows(reader)) {
                throw fail("header has content after the JSON object");
            }
        } catch (IOException | JsonParseException | IllegalStateException e) {
            if (e instanceof SafetensorsFormatException formatException) {
                throw formatException;
            }
            throw new SafetensorsFormatException(file, "header is not valid JSON: " + readable(e), e);
        }
        return entries;
    }

    private static boolean onlyWhitespaceFollows(JsonReader reader) {
        try {
            return reader.peek() == JsonToken.END_DOCUMENT;
        } catch (IOException e) {
            return false;
        }
    }

    /** Gson's message without its advice to parse leniently, which does not apply to a file format. */
    private static String readable(Exception e) {
        String message = String.valueOf(e.getMessage()).lines().findFirst().orElse("");
        return message.replace("Use JsonReader.setStrictness(Strictness.LENIENT) to accept malformed JSON",
                "malformed JSON").replace("Use JsonReader.setLenient(true) to accept malformed JSON", "malformed JSON");
    }

    private void readMetadata(JsonReader reader, Map<String, String> metadata) throws IOException {
        if (reader.peek() != JsonToken.BEGIN_OBJECT) {
            throw fail("'" + METADATA_KEY + "' must be an object of string values, found " + reader.peek());
        }
        reader.beginObject();
        while (reader.hasNext()) {
            String key = reader.nextName();
            if (reader.peek() != JsonToken.STRING) {
                throw fail("'" + METADATA_KEY + "' entry '" + key + "' must be a string, found " + reader.peek());
            }
            if (metadata.put(key, reader.nextString()) != null) {
                throw fail("'" + METADATA_KEY + "' names '" + key + "' twice");
            }
        }
        reader.endObject();
    }

    private Entry readEntry(JsonReader reader, String name) throws IOException {
        if (reader.peek() != JsonToken.BEGIN_OBJECT) {
            throw fail("tensor '" + name + "' must be an object with dtype, shape and data_offsets, found "
                    + reader.peek());
        }
        DType dtype = null;
        long[] shape = null;
        long[] offsets = null;
        reader.beginObject();
        while (reader.hasNext()) {
            String field = reader.nextName();
            switch (field) {
                case "dtype" -> dtype = readDtype(reader, name);
                case "shape" -> shape = readIntegers(reader, name, field);
                case "data_offsets" -> offsets = readIntegers(reader, name, field);
                default -> reader.skipValue(); // the reference reader ignores unknown fields too
            }
        }
        reader.endObject();
        if (dtype == null || shape == null || offsets == null) {
            throw fail("tensor '" + name + "' lacks " + (dtype == null ? "dtype" : shape == null ? "shape"
                    : "data_offsets"));
        }
        if (offsets.length != 2) {
            throw fail("tensor '" + name + "' data_offsets must be [begin, end], found " + Arrays.toString(offsets));
        }
        return new Entry(name, dtype, shape, offsets[0], offsets[1]);
    }

    private DType readDtype(JsonReader reader, String name) throws IOException {
        if (reader.peek() != JsonToken.STRING) {
            throw fail("tensor '" + name + "' dtype must be a string, found " + reader.peek());
        }
        String dtypeName = reader.nextString();
        try {
            return DType.fromSafetensorsName(dtypeName);
        } catch (IllegalArgumentException e) {
            throw fail("tensor '" + name + "': " + e.getMessage());
        }
    }

    private long[] readIntegers(JsonReader reader, String name, String field) throws IOException {
        if (reader.peek() != JsonToken.BEGIN_ARRAY) {
            throw fail("tensor '" + name + "' " + field + " must be an array, found " + reader.peek());
        }
        List<Long> values = new ArrayList<>();
        reader.beginArray();
        while (reader.hasNext()) {
            if (reader.peek() != JsonToken.NUMBER) {
                throw fail("tensor '" + name + "' " + field + " holds " + reader.peek() + ", not an integer");
            }
            String literal = reader.nextString();
            long value;
            try {
                value = Long.parseLong(literal);
            } catch (NumberFormatException e) {
                throw fail("tensor '" + name + "' " + field + " holds " + literal + ", not a 64-bit integer");
            }
            if (value < 0) {
                throw fail("tensor '" + name + "' " + field + " holds negative value " + value);
            }
            values.add(value);
        }
        reader.endArray();
        return values.stream().mapToLong(Long::longValue).toArray();
    }

    /** The data offsets must tile the data section exactly: no gaps, no overlaps, nothing past its end. */
    private Map<String, TensorInfo> validateLayout(List<Entry> entries, long dataLength, long dataStart)
            throws SafetensorsFormatException {
        List<Entry> ordered = new ArrayList<>(entries);
        ordered.sort(Comparator.comparingLong(Entry::begin).thenComparingLong(Entry::end));
        for (Entry entry : ordered) {
            if (entry.end < entry.begin) {
                throw fail("tensor '" + entry.name + "' data_offsets [" + entry.begin + ", " + entry.end
                        + "] end before they begin");
            }
            long expected;
            try {
                expected = Shapes.byteLength(entry.shape, entry.dtype, entry.name);
            } catch (IllegalArgumentException e) {
                throw fail(e.getMessage());
            }
            if (entry.end - entry.begin != expected) {
                throw fail("tensor '" + entry.name + "' data_offsets [" + entry.begin + ", " + entry.end + "] span "
                        + (entry.end - entry.begin) + " bytes but " + entry.dtype + " " + Arrays.toString(entry.shape)
                        + " needs " + expected);
            }
            if (entry.end > dataLength) {
                throw fail("tensor '" + entry.name + "' data_offsets [" + entry.begin + ", " + entry.end
                        + "] reach past the end of the data section (" + dataLength
                        + " bytes): the file is truncated or the offsets are out of range");
            }
        }
        Map<String, TensorInfo> tensors = new LinkedHashMap<>();
        long cursor = 0;
        String previous = null;
        for (Entry entry : ordered) {
            if (entry.begin < cursor) {
                throw fail("tensor '" + entry.name + "' data_offsets [" + entry.begin + ", " + entry.end
                        + "] overlap tensor '" + previous + "' (which ends at " + cursor + ")");
            }
            if (entry.begin > cursor) {
                throw fail("gap of " + (entry.begin - cursor) + " bytes before tensor '" + entry.name
                        + "' (data_offsets [" + entry.begin + ", " + entry.end + "]"
                        + (previous == null ? ", first tensor" : ", previous tensor '" + previous + "'") + ")");
            }
            cursor = entry.end;
            previous = entry.name;
            tensors.put(entry.name, new TensorInfo(entry.name, entry.dtype, entry.shape, dataStart + entry.begin,
                    entry.end - entry.begin));
        }
        if (cursor < dataLength) {
            throw fail((dataLength - cursor) + " bytes after the last tensor are not described by the header "
                    + "(tensors end at data byte " + cursor + ", the data section holds " + dataLength + ")");
        }
        return tensors;
    }

    private String decodeUtf8(ByteBuffer bytes) throws SafetensorsFormatException {
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(bytes).toString();
        } catch (CharacterCodingException e) {
            throw new SafetensorsFormatException(file, "header is not valid UTF-8", e);
        }
    }

    private ByteBuffer readFully(FileChannel channel, long position, int length) throws IOException {
        ByteBuffer buffer = ByteBuffer.allocate(length);
        while (buffer.hasRemaining()) {
            int read = channel.read(buffer, position + buffer.position());
            if (read < 0) {
                throw fail("unexpected end of file while reading the header");
            }
        }
        return buffer.flip();
    }

    private static String pickleHint(ByteBuffer prefix) {
        int first = prefix.get(0) & 0xff;
        int second = prefix.get(1) & 0xff;
        if (first == 'P' && second == 'K') {
            return "; it starts like a zip archive, the format of torch.save checkpoints (pickles, which can execute "
                    + "arbitrary code and are refused): convert it to safetensors";
        }
        if (first == 0x80 && second >= 2 && second <= 5) {
            return "; it starts like a Python pickle (refused: loading pickles can execute arbitrary code): "
                    + "convert it to safetensors";
        }
        return "";
    }

    private SafetensorsFormatException fail(String problem) {
        return new SafetensorsFormatException(file, problem);
    }
}
