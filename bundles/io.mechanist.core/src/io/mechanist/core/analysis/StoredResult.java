package io.mechanist.core.analysis;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * An analysis result as a store keeps it, in plain data: what ran on what, its tables in full, and the names, axes
 * and shapes of its arrays (read the numbers with {@link StoredResultReader#array(String, String)}). What a view or
 * a plug-in reads back of what {@link AnalysisOutput} wrote, without touching the store's EMF model.
 *
 * @param id              the result's id in the store
 * @param analysisId      the analysis that produced it
 * @param parameters      the parameters it ran with (as the runner resolved them), and {@code input.ROLE} entries
 * @param inputCaptures   ids of the captures it read
 * @param inputVectors    ids of the vectors it read
 * @param tables          its tables, in full
 * @param arrays          its arrays' names, axes and shapes
 * @param producedVectors ids of the vectors it stored
 * @param notes           the notes it wrote ({@link AnalysisOutput#note}) and the contributor
 * @param versions        tool versions recorded with it
 * @param createdAt       when it was stored, or null if the store does not say
 */
public record StoredResult(String id, String analysisId, Map<String, String> parameters, List<String> inputCaptures,
        List<String> inputVectors, List<AnalysisOutput.Table> tables, List<ArrayInfo> arrays,
        List<String> producedVectors, Map<String, String> notes, Map<String, String> versions, Instant createdAt) {

    /**
     * One stored array without its numbers.
     *
     * @param name  the output id
     * @param axes  one name per dimension
     * @param shape dimensions
     */
    public record ArrayInfo(String name, List<String> axes, int[] shape) {
        public ArrayInfo {
            Objects.requireNonNull(name, "name");
            axes = List.copyOf(axes);
            shape = shape.clone();
        }

        /** The number of values. */
        public long size() {
            long n = 1;
            for (int d : shape) {
                n *= d;
            }
            return n;
        }
    }

    public StoredResult {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(analysisId, "analysisId");
        parameters = Map.copyOf(parameters);
        inputCaptures = List.copyOf(inputCaptures);
        inputVectors = List.copyOf(inputVectors);
        tables = List.copyOf(tables);
        arrays = List.copyOf(arrays);
        producedVectors = List.copyOf(producedVectors);
        notes = Map.copyOf(notes);
        versions = Map.copyOf(versions);
    }

    /** The table {@code name}, or null. */
    public AnalysisOutput.Table table(String name) {
        return tables.stream().filter(t -> t.name().equals(name)).findFirst().orElse(null);
    }

    /** The array {@code name}, or null. */
    public ArrayInfo array(String name) {
        return arrays.stream().filter(a -> a.name().equals(name)).findFirst().orElse(null);
    }
}
