package io.mechanist.core.tests.datasets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mechanist.core.datasets.DatasetFormatException;
import io.mechanist.core.datasets.DatasetParser;
import io.mechanist.core.datasets.DatasetRecord;
import io.mechanist.core.datasets.DatasetWriter;
import io.mechanist.core.datasets.ParsedDataset;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DatasetParserTest {

    private static final String GOOD_A = "{\"id\":\"p1\",\"text\":\"Q : 1 vs 2 . so :\",\"labels\":{\"answer\":\"A\","
            + "\"question\":\"larger\"},\"group\":\"g1\",\"pair\":\"x\",\"answer_marker\":\":\"}";
    private static final String GOOD_B = "{\"id\":\"p2\",\"text\":\"Q : 2 vs 1 . so :\",\"labels\":{\"answer\":\"B\"},"
            + "\"group\":\"g1\",\"pair\":\"x\",\"answer_marker\":\":\"}";

    @TempDir
    Path dir;

    @Test
    void readsRecordsSkippingBlankLines() throws IOException {
        Path file = write(GOOD_A, "", "   ", GOOD_B,
                "{\"id\":\"p3\",\"text\":\"t so :\",\"labels\":{\"answer\":\"A\"},\"answer_marker\":\"so :\"}");
        List<DatasetRecord> records = DatasetParser.parse(file);
        assertEquals(3, records.size());
        assertEquals("larger", records.get(0).label("question"));
        assertEquals("x", records.get(1).pair());
        assertEquals("p3", records.get(2).group(), "group defaults to the id");
        assertNull(records.get(2).pair());
        assertEquals("t ".length(), records.get(2).answerMarkerIndex());
    }

    @Test
    void writerOutputParsesBack() throws IOException {
        DatasetRecord record = new DatasetRecord("r", "a \"quoted\" <text> :", Map.of("answer", "B"), "g", null, ":");
        Path file = dir.resolve("round.jsonl");
        DatasetWriter.write(file, List.of(record));
        assertEquals(record, DatasetParser.parse(file).get(0));
    }

    @Test
    void bytesThatAreNotUtf8NameTheLine() throws IOException {
        Path file = dir.resolve("latin1.jsonl");
        byte[] good = (GOOD_A + "\r\n\n").getBytes(java.nio.charset.StandardCharsets.UTF_8);
        byte[] bad = GOOD_B.replace("Q : 2", "Q \u00e9 2").getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);
        byte[] all = java.util.Arrays.copyOf(good, good.length + bad.length);
        System.arraycopy(bad, 0, all, good.length, bad.length);
        Files.write(file, all);
        DatasetFormatException e = assertThrows(DatasetFormatException.class, () -> DatasetParser.parse(file));
        assertEquals(3, e.line());
        assertMessage(e, file + ":3: not UTF-8 text");
    }

    @Test
    void recordsKeepTheirLinesForLaterMessages() throws IOException {
        Path file = write("", GOOD_A, "  ", GOOD_B);
        ParsedDataset parsed = DatasetParser.read(file);
        assertEquals(List.of(2, 4), parsed.lines());
        assertEquals(List.of("p1", "p2"), parsed.records().stream().map(DatasetRecord::id).toList());
        DatasetFormatException e = parsed.problem(1, "is too long");
        assertEquals(4, e.line());
        assertEquals(file + ":4: prompt 'p2' is too long", e.getMessage());
        String withAccents = GOOD_A.replace("Q : 1", "Q caf\u00e9 \u2013 1").replace(",\"pair\":\"x\"", "");
        assertEquals("Q caf\u00e9 \u2013 1 vs 2 . so :", DatasetParser.read(write(withAccents)).records().get(0).text(),
                "UTF-8 text decodes");
    }

    @Test
    void badJsonNamesFileAndLine() throws IOException {
        Path file = write(GOOD_A, GOOD_B, "{\"id\": \"p3\", \"text\": ");
        DatasetFormatException e = assertThrows(DatasetFormatException.class, () -> DatasetParser.parse(file));
        assertEquals(3, e.line());
        assertMessage(e, file + ":3: not valid JSON");
    }

    @Test
    void lenientJsonIsRejected() throws IOException {
        Path file = write("{id:'p1', text:'x :', labels:{answer:'A'}, answer_marker:':'}");
        assertMessage(assertThrows(DatasetFormatException.class, () -> DatasetParser.parse(file)),
                file + ":1: not valid JSON");
    }

    @Test
    void twoValuesOnOneLine() throws IOException {
        Path file = write(GOOD_A + " " + GOOD_B);
        assertMessage(assertThrows(DatasetFormatException.class, () -> DatasetParser.parse(file)),
                file + ":1: more than one JSON value");
    }

    @Test
    void notAnObject() throws IOException {
        Path file = write("[1, 2]");
        assertMessage(assertThrows(DatasetFormatException.class, () -> DatasetParser.parse(file)),
                file + ":1: expected a JSON object, found an array");
    }

    @Test
    void missingText() throws IOException {
        Path file = write(GOOD_A, GOOD_B,
                "{\"id\":\"p3\",\"labels\":{\"answer\":\"A\"},\"answer_marker\":\":\"}");
        assertMessage(assertThrows(DatasetFormatException.class, () -> DatasetParser.parse(file)),
                file + ":3: missing required field 'text'");
    }

    @Test
    void wrongLabelType() throws IOException {
        Path file = write("{\"id\":\"p1\",\"text\":\"x :\",\"labels\":{\"answer\":\"A\",\"winner\":7},"
                + "\"answer_marker\":\":\"}");
        assertMessage(assertThrows(DatasetFormatException.class, () -> DatasetParser.parse(file)),
                file + ":1: labels.winner must be a string, found number 7");
    }

    @Test
    void labelsMustBeAnObjectWithAnAnswer() throws IOException {
        Path array = write("{\"id\":\"p1\",\"text\":\"x :\",\"labels\":[\"A\"],\"answer_marker\":\":\"}");
        assertMessage(assertThrows(DatasetFormatException.class, () -> DatasetParser.parse(array)),
                ":1: field 'labels' must be an object of string labels, found an array");
        Path noAnswer = write("{\"id\":\"p1\",\"text\":\"x :\",\"labels\":{\"q\":\"A\"},\"answer_marker\":\":\"}");
        assertMessage(assertThrows(DatasetFormatException.class, () -> DatasetParser.parse(noAnswer)),
                ":1: missing required label 'labels.answer'");
    }

    @Test
    void wrongFieldTypes() throws IOException {
        Path id = write("{\"id\":3,\"text\":\"x :\",\"labels\":{\"answer\":\"A\"},\"answer_marker\":\":\"}");
        assertMessage(assertThrows(DatasetFormatException.class, () -> DatasetParser.parse(id)),
                ":1: 'id' must be a string, found number 3");
        Path pair = write("{\"id\":\"a\",\"text\":\"x :\",\"labels\":{\"answer\":\"A\"},\"pair\":true,"
                + "\"answer_marker\":\":\"}");
        assertMessage(assertThrows(DatasetFormatException.class, () -> DatasetParser.parse(pair)),
                ":1: 'pair' must be a string, found boolean true");
    }

    @Test
    void answerMarkerMustOccurInText() throws IOException {
        Path file = write("{\"id\":\"p1\",\"text\":\"no marker\",\"labels\":{\"answer\":\"A\"},\"answer_marker\":\"=>\"}");
        assertMessage(assertThrows(DatasetFormatException.class, () -> DatasetParser.parse(file)),
                file + ":1: answer_marker '=>' does not occur in text");
    }

    @Test
    void duplicateIdNamesBothLines() throws IOException {
        Path file = write(GOOD_A, GOOD_B, GOOD_A.replace("\"pair\":\"x\"", "\"pair\":null"));
        assertMessage(assertThrows(DatasetFormatException.class, () -> DatasetParser.parse(file)),
                file + ":3: id 'p1' is already used on line 1");
    }

    @Test
    void pairsNeedTwoPromptsWithDifferentAnswers() throws IOException {
        Path single = write(GOOD_A);
        assertMessage(assertThrows(DatasetFormatException.class, () -> DatasetParser.parse(single)),
                single + ":1: pair 'x' has 1 prompt(s) (lines [1]); a contrast pair needs exactly 2");
        Path sameAnswer = write(GOOD_A, "", GOOD_B.replace("\"answer\":\"B\"", "\"answer\":\"A\""));
        assertMessage(assertThrows(DatasetFormatException.class, () -> DatasetParser.parse(sameAnswer)),
                sameAnswer + ":3: pair 'x' (lines 1 and 3): both answers are 'A'");
    }

    @Test
    void emptyFileIsAnError() throws IOException {
        Path file = write("", "");
        assertMessage(assertThrows(DatasetFormatException.class, () -> DatasetParser.parse(file)),
                file + ":2: the file holds no records");
    }

    private static void assertMessage(Exception e, String expectedPart) {
        assertTrue(e.getMessage().contains(expectedPart),
                "message '" + e.getMessage() + "' should contain '" + expectedPart + "'");
    }

    private Path write(String... lines) throws IOException {
        Path file = Files.createTempFile(dir, "dataset", ".jsonl");
        Files.writeString(file, String.join("\n", lines) + "\n");
        return file;
    }
}
