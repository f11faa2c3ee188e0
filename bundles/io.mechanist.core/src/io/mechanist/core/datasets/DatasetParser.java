package io.mechanist.core.datasets;

import com.google.gson.Gson;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.TypeAdapter;
import com.google.gson.stream.JsonReader;
import com.google.gson.stream.JsonToken;

import java.io.BufferedInputStream;
import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.io.StringReader;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads a dataset JSONL file (one JSON object per line, blank lines ignored; see docs/dataset-format.md) and checks
 * it: every problem is reported as a {@link DatasetFormatException} naming the file and the line.
 */
public final class DatasetParser {

    private static final TypeAdapter<JsonElement> JSON = new Gson().getAdapter(JsonElement.class);

    private DatasetParser() {
    }

    /** Parses a UTF-8 JSONL file. */
    public static List<DatasetRecord> parse(Path file) throws IOException {
        return read(file).records();
    }

    /** Parses a UTF-8 JSONL file, keeping each record's line for later messages. */
    public static ParsedDataset read(Path file) throws IOException {
        try (InputStream in = new BufferedInputStream(Files.newInputStream(file))) {
            return parse(new Utf8Lines(in), file.toString());
        }
    }

    /**
     * Parses JSONL from a reader.
     *
     * @param source the name used in error messages (usually the file path)
     */
    public static List<DatasetRecord> parse(Reader reader, String source) throws IOException {
        BufferedReader lines = reader instanceof BufferedReader b ? b : new BufferedReader(reader);
        return parse(lines::readLine, source).records();
    }

    /** The next line without its terminator, or null at the end. */
    private interface Lines {
        String next() throws IOException;
    }

    private static ParsedDataset parse(Lines lines, String source) throws IOException {
        List<DatasetRecord> records = new ArrayList<>();
        List<Integer> recordLines = new ArrayList<>();
        Map<String, Integer> lineOfId = new HashMap<>();
        Map<String, List<Integer>> pairMembers = new LinkedHashMap<>();
        int lineNumber = 0;
        while (true) {
            String line;
            try {
                line = lines.next();
            } catch (CharacterCodingException e) {
                throw new DatasetFormatException(source, lineNumber + 1, "not UTF-8 text (dataset files must be "
                        + "saved as UTF-8)");
            }
            if (line == null) {
                break;
            }
            lineNumber++;
            if (lineNumber == 1 && line.startsWith("\uFEFF")) {
                line = line.substring(1);
            }
            if (line.isBlank()) {
                continue;
            }
            DatasetRecord record = parseLine(line, source, lineNumber);
            Integer previous = lineOfId.putIfAbsent(record.id(), lineNumber);
            if (previous != null) {
                throw new DatasetFormatException(source, lineNumber,
                        "id '" + record.id() + "' is already used on line " + previous + "; ids must be unique");
            }
            if (record.pair() != null) {
                pairMembers.computeIfAbsent(record.pair(), k -> new ArrayList<>()).add(records.size());
            }
            records.add(record);
            recordLines.add(lineNumber);
        }
        if (records.isEmpty()) {
            throw new DatasetFormatException(source, Math.max(lineNumber, 1), "the file holds no records");
        }
        checkPairs(records, pairMembers, lineOfId, source);
        return new ParsedDataset(source, records, recordLines);
    }

    /**
     * Lines of a byte stream decoded strictly as UTF-8, one at a time, so that a bad byte is reported on its own
     * line (a Reader would only say "Input length = 1"). Lines end at LF; a CR before it is dropped.
     */
    private static final class Utf8Lines implements Lines {
        private final InputStream in;
        private final CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
        private final ByteArrayOutputStream line = new ByteArrayOutputStream();

        Utf8Lines(InputStream in) {
            this.in = in;
        }

        @Override
        public String next() throws IOException {
            line.reset();
            int b = in.read();
            if (b < 0) {
                return null;
            }
            while (b >= 0 && b != '\n') {
                line.write(b);
                b = in.read();
            }
            byte[] bytes = line.toByteArray();
            int length = bytes.length > 0 && bytes[bytes.length - 1] == '\r' ? bytes.length - 1 : bytes.length;
            return decoder.reset().decode(ByteBuffer.wrap(bytes, 0, length)).toString();
        }
    }

    /** Parses one record from a single JSON line (for tests and tools that hold lines already). */
    public static DatasetRecord parseLine(String line, String source, int lineNumber) throws DatasetFormatException {
        JsonObject object = readObject(line, source, lineNumber);
        String id = requiredString(object, "id", source, lineNumber);
        String text = requiredString(object, "text", source, lineNumber);
        Map<String, String> labels = labels(object, source, lineNumber);
        String group = optionalString(object, "group", source, lineNumber);
        String pair = optionalString(object, "pair", source, lineNumber);
        String marker = requiredString(object, "answer_marker", source, lineNumber);
        if (!text.contains(marker)) {
            throw new DatasetFormatException(source, lineNumber,
                    "answer_marker '" + marker + "' does not occur in text '" + text + "'");
        }
        return new DatasetRecord(id, text, labels, group == null ? id : group, pair, marker);
    }

    private static JsonObject readObject(String line, String source, int lineNumber) throws DatasetFormatException {
        JsonElement element;
        // A plain JsonReader is strict (no comments, unquoted names or single quotes).
        try (JsonReader reader = new JsonReader(new StringReader(line))) {
            element = JSON.read(reader);
            if (!atEnd(reader)) {
                throw new DatasetFormatException(source, lineNumber,
                        "more than one JSON value on the line (each line must hold exactly one JSON object)");
            }
        } catch (JsonParseException | IOException | IllegalStateException e) {
            if (e instanceof DatasetFormatException d) {
                throw d;
            }
            throw new DatasetFormatException(source, lineNumber, "not valid JSON: " + e.getMessage());
        }
        if (!element.isJsonObject()) {
            throw new DatasetFormatException(source, lineNumber,
                    "expected a JSON object, found " + describe(element));
        }
        return element.getAsJsonObject();
    }

    /** Whether nothing but whitespace follows (a strict reader throws on a second top-level value). */
    private static boolean atEnd(JsonReader reader) {
        try {
            return reader.peek() == JsonToken.END_DOCUMENT;
        } catch (IOException | IllegalStateException e) {
            return false;
        }
    }

    private static String requiredString(JsonObject object, String key, String source, int lineNumber)
            throws DatasetFormatException {
        JsonElement value = object.get(key);
        if (value == null || value.isJsonNull()) {
            throw new DatasetFormatException(source, lineNumber, "missing required field '" + key + "'");
        }
        String s = asString(value, "'" + key + "'", source, lineNumber);
        if (s.isEmpty()) {
            throw new DatasetFormatException(source, lineNumber, "field '" + key + "' is empty");
        }
        return s;
    }

    private static String optionalString(JsonObject object, String key, String source, int lineNumber)
            throws DatasetFormatException {
        JsonElement value = object.get(key);
        if (value == null || value.isJsonNull()) {
            return null;
        }
        String s = asString(value, "'" + key + "'", source, lineNumber);
        if (s.isEmpty()) {
            throw new DatasetFormatException(source, lineNumber,
                    "field '" + key + "' is empty (use null or leave it out)");
        }
        return s;
    }

    private static Map<String, String> labels(JsonObject object, String source, int lineNumber)
            throws DatasetFormatException {
        JsonElement value = object.get("labels");
        if (value == null || value.isJsonNull()) {
            throw new DatasetFormatException(source, lineNumber, "missing required field 'labels'");
        }
        if (!value.isJsonObject()) {
            throw new DatasetFormatException(source, lineNumber,
                    "field 'labels' must be an object of string labels, found " + describe(value));
        }
        Map<String, String> labels = new LinkedHashMap<>();
        for (Map.Entry<String, JsonElement> entry : value.getAsJsonObject().entrySet()) {
            String label = asString(entry.getValue(), "labels." + entry.getKey(), source, lineNumber);
            labels.put(entry.getKey(), label);
        }
        String answer = labels.get(DatasetRecord.ANSWER);
        if (answer == null) {
            throw new DatasetFormatException(source, lineNumber, "missing required label 'labels.answer'");
        }
        if (answer.isBlank()) {
            throw new DatasetFormatException(source, lineNumber, "label 'labels.answer' is empty");
        }
        return labels;
    }

    private static String asString(JsonElement value, String what, String source, int lineNumber)
            throws DatasetFormatException {
        if (!value.isJsonPrimitive() || !value.getAsJsonPrimitive().isString()) {
            throw new DatasetFormatException(source, lineNumber,
                    what + " must be a string, found " + describe(value));
        }
        return value.getAsString();
    }

    private static void checkPairs(List<DatasetRecord> records, Map<String, List<Integer>> pairMembers,
            Map<String, Integer> lineOfId, String source) throws DatasetFormatException {
        for (Map.Entry<String, List<Integer>> entry : pairMembers.entrySet()) {
            List<Integer> members = entry.getValue();
            List<Integer> lines = members.stream().map(i -> lineOfId.get(records.get(i).id())).toList();
            if (members.size() != 2) {
                throw new DatasetFormatException(source, lines.get(lines.size() - 1), "pair '" + entry.getKey()
                        + "' has " + members.size() + " prompt(s) (lines " + lines
                        + "); a contrast pair needs exactly 2");
            }
            DatasetRecord first = records.get(members.get(0));
            DatasetRecord second = records.get(members.get(1));
            if (first.answer().equals(second.answer())) {
                throw new DatasetFormatException(source, lines.get(1), "pair '" + entry.getKey() + "' (lines "
                        + lines.get(0) + " and " + lines.get(1) + "): both answers are '" + first.answer()
                        + "'; the two prompts of a contrast pair must have different answers");
            }
        }
    }

    private static String describe(JsonElement value) {
        if (value.isJsonNull()) {
            return "null";
        }
        if (value.isJsonObject()) {
            return "an object";
        }
        if (value.isJsonArray()) {
            return "an array";
        }
        if (value.getAsJsonPrimitive().isBoolean()) {
            return "boolean " + value.getAsBoolean();
        }
        if (value.getAsJsonPrimitive().isNumber()) {
            return "number " + value.getAsString();
        }
        return "string '" + value.getAsString() + "'";
    }
}
