package io.mechanist.core.datasets;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * One prompt of a Mechanist dataset (one line of a dataset JSONL file, see docs/dataset-format.md).
 *
 * @param id unique within its file
 * @param text the prompt, up to and including the answer marker; the answer itself is not part of it
 * @param labels categorical labels by name; {@code answer} is always present (the text of the answer token,
 *     e.g. {@code "A"} or {@code "B"})
 * @param group prompts sharing a group must land on the same side of a train/test split (e.g. the same underlying
 *     question); defaults to the id
 * @param pair contrast-pair id shared by exactly two prompts that differ only in what decides the answer, or null
 * @param answerMarker the token after which the answer is written; its last occurrence in {@code text} is the
 *     answer position
 */
public record DatasetRecord(String id, String text, Map<String, String> labels, String group, String pair,
        String answerMarker) {

    /** The label every record carries. */
    public static final String ANSWER = "answer";

    public DatasetRecord {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(group, "group");
        Objects.requireNonNull(answerMarker, "answerMarker");
        labels = Collections.unmodifiableMap(new LinkedHashMap<>(labels));
        if (!labels.containsKey(ANSWER)) {
            throw new IllegalArgumentException("record " + id + " has no '" + ANSWER + "' label");
        }
    }

    /** The answer label (the token text written after the answer marker). */
    public String answer() {
        return labels.get(ANSWER);
    }

    /** A label by name, or null when this record does not carry it. */
    public String label(String name) {
        return labels.get(name);
    }

    /** Character index in {@link #text()} where the answer marker's last occurrence starts. */
    public int answerMarkerIndex() {
        return text.lastIndexOf(answerMarker);
    }
}
