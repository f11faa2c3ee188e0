package io.mechanist.store;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.mechanist.core.analysis.AnalysisOutput;
import io.mechanist.core.analysis.StoredResult;
import io.mechanist.core.analysis.StoredResultReader;
import io.mechanist.model.AnalysisResult;
import io.mechanist.model.Identified;
import io.mechanist.model.Provenance;
import io.mechanist.model.ResultArray;
import io.mechanist.model.ResultColumn;
import io.mechanist.model.ResultTable;
import io.mechanist.store.internal.ModelLookup;

/**
 * The store's analysis results as plain data ({@link StoredResultReader}): copies what the EMF model holds under the
 * store's read lock, and reads arrays through {@link ActivationStore#readResultArray}, which checks their checksum.
 */
public final class StoredResults implements StoredResultReader {

    private final ActivationStore store;

    public StoredResults(ActivationStore store) {
        this.store = store;
    }

    @Override
    public List<String> resultIds() {
        return store.read(s -> s.getResults().stream().map(AnalysisResult::getId).toList());
    }

    @Override
    public StoredResult result(String resultId) {
        return store.read(s -> copy(ModelLookup.result(s, resultId)));
    }

    @Override
    public AnalysisOutput.ArrayData array(String resultId, String arrayName) throws IOException {
        StoredResult.ArrayInfo info = result(resultId).array(arrayName);
        if (info == null) {
            throw new IllegalArgumentException("analysis result " + resultId + " in " + store.folder()
                    + " has no array '" + arrayName + "'");
        }
        return new AnalysisOutput.ArrayData(arrayName, info.axes(), info.shape(),
                store.readResultArray(resultId, arrayName));
    }

    private static StoredResult copy(AnalysisResult result) {
        List<AnalysisOutput.Table> tables = new ArrayList<>();
        for (ResultTable table : result.getTables()) {
            List<AnalysisOutput.Column> columns = new ArrayList<>();
            for (ResultColumn column : table.getColumns()) {
                boolean texts = column.getNumbers().isEmpty() && !column.getTexts().isEmpty();
                columns.add(texts
                        ? new AnalysisOutput.Column(column.getName(), column.getUnit(), null,
                                column.getTexts().toArray(String[]::new))
                        : new AnalysisOutput.Column(column.getName(), column.getUnit(),
                                column.getNumbers().stream().mapToDouble(Double::doubleValue).toArray(), null));
            }
            tables.add(new AnalysisOutput.Table(table.getName(), columns));
        }
        List<StoredResult.ArrayInfo> arrays = new ArrayList<>();
        for (ResultArray array : result.getArrays()) {
            arrays.add(new StoredResult.ArrayInfo(array.getName(), List.copyOf(array.getAxes()),
                    array.getShape().stream().mapToInt(Integer::intValue).toArray()));
        }
        Provenance provenance = result.getProvenance();
        Map<String, String> notes = new LinkedHashMap<>();
        Map<String, String> versions = new LinkedHashMap<>();
        if (provenance != null) {
            notes.putAll(provenance.getParameters().map());
            versions.putAll(provenance.getVersions().map());
        }
        return new StoredResult(result.getId(), result.getAnalysisId(), result.getParameters().map(),
                result.getInputCaptures().stream().map(Identified::getId).toList(),
                result.getInputVectors().stream().map(Identified::getId).toList(), tables, arrays,
                result.getProducedVectors().stream().map(Identified::getId).toList(), notes, versions,
                provenance == null || provenance.getCreatedAt() == null ? null
                        : provenance.getCreatedAt().toInstant());
    }
}
