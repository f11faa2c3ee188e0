package io.mechanist.heatmap;

/** How token strings are shown: whitespace made visible, since " the" and "the" are different tokens. */
public final class TokenText {

    private TokenText() {
    }

    /** A compact axis label: spaces as {@code ·}, newlines as {@code ↵}, tabs as {@code →}, other controls as {@code ?}. */
    public static String label(String token) {
        StringBuilder b = new StringBuilder(token.length());
        for (int i = 0; i < token.length(); i++) {
            char c = token.charAt(i);
            b.append(switch (c) {
                case ' ' -> '\u00B7';
                case '\n' -> '\u21B5';
                case '\t' -> '\u2192';
                case '\r' -> '\u240D';
                default -> Character.isISOControl(c) ? '?' : c;
            });
        }
        return b.toString();
    }

    /** The token between single quotes with Java-style escapes ({@code ' the'}, {@code '\n'}), for tooltips. */
    public static String quoted(String token) {
        StringBuilder b = new StringBuilder(token.length() + 2).append('\'');
        for (int i = 0; i < token.length(); i++) {
            char c = token.charAt(i);
            switch (c) {
                case '\n' -> b.append("\\n");
                case '\t' -> b.append("\\t");
                case '\r' -> b.append("\\r");
                case '\\' -> b.append("\\\\");
                default -> {
                    if (Character.isISOControl(c)) {
                        b.append(String.format("\\u%04x", (int) c));
                    } else {
                        b.append(c);
                    }
                }
            }
        }
        return b.append('\'').toString();
    }

    /**
     * What one cell is, in words, one fact per line: the token and position of its column, its row (layer, neuron,
     * query token), what was measured, and its value with units. Used by tooltips and the headless verb.
     */
    public static String describeCell(HeatmapData data, int row, int column) {
        StringBuilder b = new StringBuilder();
        String columnRole = data.columnAxis().equals("position") ? "token" : data.columnAxis();
        b.append(columnRole).append(' ').append(quoted(data.columnLabels().get(column))).append(" (position ")
                .append(data.columnPosition(column)).append(")\n");
        if (data.rowsAreTokens()) {
            b.append(data.rowAxis()).append(' ').append(quoted(data.rowLabels().get(row))).append(" (position ")
                    .append(data.rowId(row)).append(")\n");
        } else {
            b.append(data.rowAxis()).append(' ').append(data.rowLabels().get(row)).append('\n');
        }
        if (!data.subject().isEmpty()) {
            b.append(data.subject()).append('\n');
        }
        float v = data.value(row, column);
        b.append("value ").append(v != v ? "undefined" : io.mechanist.heatmap.render.ValueFormat.significant(v, 4));
        if (!data.units().isEmpty()) {
            b.append(' ').append(data.units());
        }
        return b.toString();
    }
}
