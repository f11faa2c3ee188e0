package io.mechanist.core.analysis;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What one analysis run produced: named tables (small, kept in the store's metadata), named float arrays with
 * named axes (kept in a safetensors file of the store) and vectors (kept as stored vectors). Names are the output
 * ids declared in {@code plugin.xml}; the runner refuses undeclared names.
 */
public final class AnalysisOutput {

    /**
     * One column: numbers or texts (exactly one is non-null).
     *
     * @param name column name
     * @param unit unit or empty
     * @param numbers values (NaN for missing), or null for a text column
     * @param texts values, or null for a number column
     */
    public record Column(String name, String unit, double[] numbers, String[] texts) {
        public Column {
            Objects.requireNonNull(name, "name");
            unit = unit == null ? "" : unit;
            if ((numbers == null) == (texts == null)) {
                throw new IllegalArgumentException("column '" + name + "' needs numbers or texts, not both or none");
            }
        }

        public int length() {
            return numbers != null ? numbers.length : texts.length;
        }
    }

    /** A table of equally long columns. */
    public record Table(String name, List<Column> columns) {
        public Table {
            columns = List.copyOf(columns);
            for (Column c : columns) {
                if (c.length() != columns.get(0).length()) {
                    throw new IllegalArgumentException("table '" + name + "': column '" + c.name() + "' has "
                            + c.length() + " rows, column '" + columns.get(0).name() + "' has "
                            + columns.get(0).length());
                }
            }
        }

        public int rowCount() {
            return columns.isEmpty() ? 0 : columns.get(0).length();
        }

        public Column column(String columnName) {
            return columns.stream().filter(c -> c.name().equals(columnName)).findFirst()
                    .orElseThrow(() -> new IllegalArgumentException("table '" + name + "' has no column '" + columnName + "'"));
        }
    }

    /**
     * A row-major float array.
     *
     * @param axes one name per dimension, e.g. {@code [layer, position]}
     * @param shape dimensions
     * @param values {@code product(shape)} values, row-major
     */
    public record ArrayData(String name, List<String> axes, int[] shape, float[] values) {
        public ArrayData {
            axes = List.copyOf(axes);
            if (axes.size() != shape.length) {
                throw new IllegalArgumentException("array '" + name + "': " + axes.size() + " axis names for "
                        + shape.length + " dimensions");
            }
            long count = 1;
            for (int d : shape) {
                if (d < 0) {
                    throw new IllegalArgumentException("array '" + name + "': negative dimension in " + Arrays.toString(shape));
                }
                count *= d;
            }
            if (count != values.length) {
                throw new IllegalArgumentException("array '" + name + "': shape " + Arrays.toString(shape) + " needs "
                        + count + " values, got " + values.length);
            }
        }
    }

    /**
     * A direction to store as a vector of the store.
     *
     * @param name output id
     * @param siteId the hook site it lives at
     * @param method how it was made (e.g. {@code mean-difference})
     * @param values {@code [d_model]}
     * @param parameters provenance (layer, position, ...)
     */
    public record VectorData(String name, String siteId, String method, float[] values, Map<String, String> parameters) {
        public VectorData {
            Objects.requireNonNull(values, "values");
            parameters = Map.copyOf(parameters);
        }
    }

    private final Map<String, Table> tables = new LinkedHashMap<>();
    private final Map<String, ArrayData> arrays = new LinkedHashMap<>();
    private final Map<String, VectorData> vectors = new LinkedHashMap<>();
    private final Map<String, String> notes = new LinkedHashMap<>();

    /** Adds a table; {@code name} must be unique among this output's tables. */
    public AnalysisOutput table(String name, Column... columns) {
        putUnique(tables, name, new Table(name, List.of(columns)));
        return this;
    }

    /** A number column for {@link #table}. */
    public static Column numbers(String name, String unit, double... values) {
        return new Column(name, unit, values.clone(), null);
    }

    /** A text column for {@link #table}. */
    public static Column texts(String name, String... values) {
        return new Column(name, "", null, values.clone());
    }

    /** Adds a float array with named axes. */
    public AnalysisOutput array(String name, List<String> axes, int[] shape, float[] values) {
        putUnique(arrays, name, new ArrayData(name, axes, shape.clone(), values.clone()));
        return this;
    }

    /** Adds a vector. */
    public AnalysisOutput vector(String name, String siteId, String method, float[] values, Map<String, String> parameters) {
        putUnique(vectors, name, new VectorData(name, siteId, method, values.clone(), parameters));
        return this;
    }

    /** Adds a provenance note (kept with the result's parameters, e.g. the number of prompts used). */
    public AnalysisOutput note(String key, String value) {
        notes.put(Objects.requireNonNull(key), Objects.requireNonNull(value));
        return this;
    }

    public List<Table> tables() {
        return List.copyOf(tables.values());
    }

    public List<ArrayData> arrays() {
        return List.copyOf(arrays.values());
    }

    public List<VectorData> vectors() {
        return List.copyOf(vectors.values());
    }

    public Map<String, String> notes() {
        return Map.copyOf(notes);
    }

    /** All names used by tables, arrays and vectors. */
    public List<String> names() {
        List<String> names = new ArrayList<>(tables.keySet());
        names.addAll(arrays.keySet());
        names.addAll(vectors.keySet());
        return names;
    }

    private static <T> void putUnique(Map<String, T> map, String name, T value) {
        Objects.requireNonNull(name, "name");
        if (map.putIfAbsent(name, value) != null) {
            throw new IllegalArgumentException("output '" + name + "' was added twice");
        }
    }
}
