package io.mechanist.heatmap;

import java.util.List;
import java.util.Objects;

/**
 * An immutable grid of values to draw as a heatmap: {@code rows x columns} floats stored row-major, with a label per
 * row (layer, neuron index, query token) and per column (the token string at that position).
 * <p>
 * Columns are prompt positions; {@link #columnPosition(int)} gives the position of each column (the identity unless
 * the builder was given another mapping). NaN marks an undefined cell (e.g. the cosine of a zero vector); it is drawn
 * in a neutral grey and ignored by {@link #minValue()}, {@link #maxValue()} and {@link #maxAbsValue()}.
 */
public final class HeatmapData {

    private final String title;
    private final String subject;
    private final String rowAxis;
    private final String columnAxis;
    private final List<String> rowLabels;
    private final List<String> columnLabels;
    private final int[] rowIds;
    private final int[] columnPositions;
    private final float[] values;
    private final ValueKind kind;
    private final String units;
    private final ValueRange explicitRange;
    private final boolean rowsAreTokens;
    private final float min;
    private final float max;
    private final float maxAbs;
    private final boolean hasUndefined;

    private HeatmapData(Builder b) {
        int rows = b.rowLabels.size();
        int columns = b.columnLabels.size();
        if (rows == 0 || columns == 0) {
            throw new IllegalArgumentException("A heatmap needs at least one row and one column, got " + rows + " x "
                    + columns + " for '" + b.title + "'");
        }
        if (b.values.length != (long) rows * columns) {
            throw new IllegalArgumentException("Heatmap '" + b.title + "': " + rows + " row labels x " + columns
                    + " column labels need " + (long) rows * columns + " values, got " + b.values.length);
        }
        if (b.rowIds != null && b.rowIds.length != rows) {
            throw new IllegalArgumentException("Heatmap '" + b.title + "': " + b.rowIds.length + " row ids for "
                    + rows + " rows");
        }
        if (b.columnPositions != null && b.columnPositions.length != columns) {
            throw new IllegalArgumentException("Heatmap '" + b.title + "': " + b.columnPositions.length
                    + " column positions for " + columns + " columns");
        }
        this.title = b.title;
        this.subject = b.subject;
        this.rowAxis = b.rowAxis;
        this.columnAxis = b.columnAxis;
        this.rowLabels = List.copyOf(b.rowLabels);
        this.columnLabels = List.copyOf(b.columnLabels);
        this.rowIds = b.rowIds != null ? b.rowIds.clone() : null;
        this.columnPositions = b.columnPositions != null ? b.columnPositions.clone() : null;
        this.values = b.values;
        this.kind = b.kind;
        this.units = b.units;
        this.explicitRange = b.range;
        this.rowsAreTokens = b.rowsAreTokens;
        float lo = Float.POSITIVE_INFINITY;
        float hi = Float.NEGATIVE_INFINITY;
        boolean undefined = false;
        for (float v : values) {
            undefined |= v != v;
            if (v < lo) {
                lo = v;
            }
            if (v > hi) {
                hi = v;
            }
        }
        if (lo > hi) { // every value is NaN
            lo = 0;
            hi = 0;
        }
        if (Float.isInfinite(lo) || Float.isInfinite(hi)) {
            throw new IllegalArgumentException("Heatmap '" + title + "' holds an infinite value; only finite values"
                    + " and NaN (undefined) are allowed");
        }
        this.hasUndefined = undefined;
        this.min = lo;
        this.max = hi;
        this.maxAbs = Math.max(Math.abs(lo), Math.abs(hi));
    }

    /** Starts a heatmap of {@code values} (row-major {@code [rows, columns]}); the builder takes ownership. */
    public static Builder builder(String title, float[] values) {
        return new Builder(title, values);
    }

    public String title() {
        return title;
    }

    /** What was measured, e.g. {@code "blocks.3.mlp_out"} or {@code "blocks.2.attn_pattern, head 5"}. */
    public String subject() {
        return subject;
    }

    /** The name of the row axis, e.g. {@code "layer"}, {@code "neuron"}, {@code "query"}. */
    public String rowAxis() {
        return rowAxis;
    }

    /** The name of the column axis, e.g. {@code "position"} or {@code "key"}. */
    public String columnAxis() {
        return columnAxis;
    }

    public int rows() {
        return rowLabels.size();
    }

    public int columns() {
        return columnLabels.size();
    }

    public List<String> rowLabels() {
        return rowLabels;
    }

    /** The token string at each column (as the tokenizer decoded it, spaces included). */
    public List<String> columnLabels() {
        return columnLabels;
    }

    /** The id of a row in its own numbering (layer index, neuron index, query position); the row index by default. */
    public int rowId(int row) {
        Objects.checkIndex(row, rows());
        return rowIds != null ? rowIds[row] : row;
    }

    /** The prompt position shown by column {@code column}; the column index by default. */
    public int columnPosition(int column) {
        Objects.checkIndex(column, columns());
        return columnPositions != null ? columnPositions[column] : column;
    }

    public float value(int row, int column) {
        Objects.checkIndex(row, rows());
        Objects.checkIndex(column, columns());
        return values[row * columns() + column];
    }

    /** The values, row-major {@code [rows, columns]}. Shared, not copied: callers must not modify it. */
    public float[] valuesView() {
        return values;
    }

    public ValueKind kind() {
        return kind;
    }

    /** Whether the row labels are token strings too (the query axis of an attention pattern). */
    public boolean rowsAreTokens() {
        return rowsAreTokens;
    }

    /** The unit of the values, e.g. {@code "L2 norm"}, {@code "cosine"}, {@code "probability"}; may be empty. */
    public String units() {
        return units;
    }

    public float minValue() {
        return min;
    }

    public float maxValue() {
        return max;
    }

    public float maxAbsValue() {
        return maxAbs;
    }

    /** Whether any cell is NaN (undefined). */
    public boolean hasUndefined() {
        return hasUndefined;
    }

    /**
     * The range the colour scale spans: the builder's explicit range if one was given; otherwise
     * {@code [-max|v|, max|v|]} for {@link ValueKind#SIGNED} (so 0 sits on the neutral colour) and
     * {@code [min, max]} for {@link ValueKind#MAGNITUDE}.
     */
    public ValueRange displayRange() {
        if (explicitRange != null) {
            return explicitRange;
        }
        return kind == ValueKind.SIGNED ? ValueRange.symmetric(maxAbs) : ValueRange.spanning(min, max);
    }

    @Override
    public String toString() {
        return "HeatmapData[" + title + ", " + rows() + " " + rowAxis + " x " + columns() + " " + columnAxis + ", "
                + kind + "]";
    }

    /** Collects the labels and metadata of a {@link HeatmapData}. */
    public static final class Builder {
        private final String title;
        private final float[] values;
        private String subject = "";
        private String rowAxis = "row";
        private String columnAxis = "position";
        private List<String> rowLabels;
        private List<String> columnLabels;
        private int[] rowIds;
        private int[] columnPositions;
        private ValueKind kind = ValueKind.SIGNED;
        private String units = "";
        private ValueRange range;
        private boolean rowsAreTokens;

        private Builder(String title, float[] values) {
            this.title = Objects.requireNonNull(title, "title");
            this.values = Objects.requireNonNull(values, "values");
        }

        public Builder subject(String text) {
            this.subject = Objects.requireNonNull(text);
            return this;
        }

        public Builder rows(String axisName, List<String> labels) {
            this.rowAxis = Objects.requireNonNull(axisName);
            this.rowLabels = Objects.requireNonNull(labels);
            return this;
        }

        public Builder columns(String axisName, List<String> labels) {
            this.columnAxis = Objects.requireNonNull(axisName);
            this.columnLabels = Objects.requireNonNull(labels);
            return this;
        }

        public Builder rowIds(int[] ids) {
            this.rowIds = ids;
            return this;
        }

        public Builder columnPositions(int[] positions) {
            this.columnPositions = positions;
            return this;
        }

        public Builder kind(ValueKind valueKind) {
            this.kind = Objects.requireNonNull(valueKind);
            return this;
        }

        public Builder units(String unitText) {
            this.units = Objects.requireNonNull(unitText);
            return this;
        }

        /** Marks the row labels as token strings and the row ids as their positions. */
        public Builder rowsAreTokens(boolean tokens) {
            this.rowsAreTokens = tokens;
            return this;
        }

        /** Fixes the colour range (e.g. {@code [0, 1]} for probabilities) instead of deriving it from the values. */
        public Builder range(ValueRange fixed) {
            this.range = fixed;
            return this;
        }

        public HeatmapData build() {
            if (rowLabels == null || columnLabels == null) {
                throw new IllegalStateException("Heatmap '" + title + "' needs rows(...) and columns(...)");
            }
            return new HeatmapData(this);
        }
    }
}
