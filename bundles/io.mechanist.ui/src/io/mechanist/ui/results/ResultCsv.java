package io.mechanist.ui.results;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

import io.mechanist.core.analysis.AnalysisOutput;

/**
 * A stored table or array as CSV: a table column by column with a header row; an array in long form, one row per
 * value with its index on every named axis (what pandas' {@code melt} gives, and what numpy reads back with the
 * array's shape). Numbers keep full precision (Java's shortest round-trip form); NaN is written as {@code NaN}.
 */
public final class ResultCsv {

    private ResultCsv() {
    }

    public static void write(AnalysisOutput.Table table, Path file) throws IOException {
        try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            out.write(String.join(",", table.columns().stream().map(c -> quote(c.name())).toList()));
            out.write('\n');
            for (int row = 0; row < table.rowCount(); row++) {
                StringBuilder line = new StringBuilder();
                for (int c = 0; c < table.columns().size(); c++) {
                    if (c > 0) {
                        line.append(',');
                    }
                    line.append(cell(table.columns().get(c), row));
                }
                out.write(line.append('\n').toString());
            }
        }
    }

    public static void write(AnalysisOutput.ArrayData array, Path file) throws IOException {
        int rank = array.shape().length;
        try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            StringBuilder header = new StringBuilder();
            for (String axis : array.axes()) {
                header.append(quote(axis)).append(',');
            }
            out.write(header.append(quote(array.name())).append('\n').toString());
            int[] index = new int[rank];
            for (int flat = 0; flat < array.values().length; flat++) {
                StringBuilder line = new StringBuilder();
                for (int d = 0; d < rank; d++) {
                    line.append(index[d]).append(',');
                }
                out.write(line.append(number(array.values()[flat])).append('\n').toString());
                for (int d = rank - 1; d >= 0; d--) {
                    if (++index[d] < array.shape()[d]) {
                        break;
                    }
                    index[d] = 0;
                }
            }
        }
    }

    /** The text of one cell as the CSV holds it (and the result view shows it). */
    public static String cell(AnalysisOutput.Column column, int row) {
        return column.texts() != null ? quote(column.texts()[row]) : number(column.numbers()[row]);
    }

    static String number(double value) {
        if (Double.isNaN(value)) {
            return "NaN";
        }
        if (value == Math.rint(value) && Math.abs(value) < 1e15) {
            return Long.toString((long) value);
        }
        return Double.toString(value).toLowerCase(Locale.ROOT);
    }

    static String number(float value) {
        if (Float.isNaN(value)) {
            return "NaN";
        }
        return Float.toString(value).toLowerCase(Locale.ROOT);
    }

    private static String quote(String text) {
        if (text == null) {
            return "";
        }
        if (text.contains(",") || text.contains("\"") || text.contains("\n") || !text.strip().equals(text)) {
            return '"' + text.replace("\"", "\"\"") + '"';
        }
        return text;
    }
}
