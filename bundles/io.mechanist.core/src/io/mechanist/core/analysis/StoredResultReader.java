package io.mechanist.core.analysis;

import java.io.IOException;
import java.util.List;

/**
 * Reads the analysis results of one store as plain data (implemented by the store bundle). Views and plug-ins read
 * what any analysis wrote through this, built-in or not, so a result is viewable and exportable without EMF.
 */
public interface StoredResultReader {

    /** The ids of the store's results, oldest first. */
    List<String> resultIds();

    /**
     * The result {@code resultId}: parameters, provenance, tables and array shapes.
     *
     * @throws IllegalArgumentException when the store has no such result
     */
    StoredResult result(String resultId);

    /**
     * The numbers of one array of a result, checked against the store's checksum.
     *
     * @throws IllegalArgumentException when the result has no such array
     * @throws IOException naming the file when it cannot be read or fails its checksum
     */
    AnalysisOutput.ArrayData array(String resultId, String arrayName) throws IOException;
}
