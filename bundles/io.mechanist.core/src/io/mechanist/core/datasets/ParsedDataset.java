package io.mechanist.core.datasets;

import java.util.List;

/**
 * The records of a dataset file with the line each came from, so that problems found later (e.g. a prompt too long
 * for the model) can still be reported as {@code file:line}.
 *
 * @param source the file (or other source) the records were read from
 * @param records the records, in file order
 * @param lines the 1-based line of each record
 */
public record ParsedDataset(String source, List<DatasetRecord> records, List<Integer> lines) {

    public ParsedDataset {
        records = List.copyOf(records);
        lines = List.copyOf(lines);
        if (records.size() != lines.size()) {
            throw new IllegalArgumentException(records.size() + " records but " + lines.size() + " line numbers");
        }
    }

    /** A problem with record {@code index}, as an exception naming the file, the line and the record's id. */
    public DatasetFormatException problem(int index, String problem) {
        return new DatasetFormatException(source, lines.get(index), "prompt '" + records.get(index).id() + "' "
                + problem);
    }
}
