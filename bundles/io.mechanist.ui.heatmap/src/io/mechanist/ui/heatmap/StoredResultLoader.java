package io.mechanist.ui.heatmap;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.Status;
import org.eclipse.core.runtime.jobs.Job;

import io.mechanist.heatmap.HeatmapData;
import io.mechanist.heatmap.analysis.LayerPositionAnalysis;
import io.mechanist.heatmap.analysis.LayerPositionResults;
import io.mechanist.heatmap.render.RowPyramid;
import io.mechanist.model.AnalysisResult;
import io.mechanist.model.ResultArray;
import io.mechanist.model.ResultColumn;
import io.mechanist.model.ResultTable;
import io.mechanist.store.ActivationStore;
import io.mechanist.ui.events.StoreResultSelection;

/**
 * Reads a stored result of {@link LayerPositionAnalysis} (opened in the Store Navigator) in a job and hands its
 * heatmap to the view: the {@code values} array, the token strings of the {@code tokens} table, the parameters.
 */
final class StoredResultLoader {

    private final HeatmapView view;
    private Job loading;
    /** Counts loads and cancels (UI thread only), so that a read finishing after a newer choice is dropped. */
    private int generation;

    StoredResultLoader(HeatmapView view) {
        this.view = view;
    }

    /** Whether the view shows results of this analysis. */
    static boolean accepts(StoreResultSelection selection) {
        return LayerPositionAnalysis.ID.equals(selection.analysisId());
    }

    /** Must run on the UI thread. */
    void load(StoreResultSelection selection) {
        cancel();
        int mine = generation;
        Job job = Job.create("Reading heatmap result " + selection.resultId(), (IProgressMonitor monitor) -> {
            try {
                ActivationStore store = selection.store();
                if (store == null) {
                    throw new IllegalArgumentException("the store " + selection.storeFolder() + " is no longer open");
                }
                HeatmapData data = read(store, selection.resultId());
                String description = describe(store, selection.resultId());
                RowPyramid rows = RowPyramid.of(data);
                view.ui(() -> {
                    if (mine == generation) {
                        view.showResult(data, rows, description);
                    }
                });
                return Status.OK_STATUS;
            } catch (Exception e) {
                String message = "Cannot show result " + selection.resultId() + ": " + e.getMessage();
                view.ui(() -> {
                    if (mine == generation) {
                        view.showMessage(message);
                    }
                });
                return e instanceof IllegalArgumentException ? Status.OK_STATUS : Status.warning(message, e);
            }
        });
        loading = job;
        job.schedule();
    }

    /** Must run on the UI thread. */
    void cancel() {
        generation++;
        if (loading != null) {
            loading.cancel();
            loading = null;
        }
    }

    /** The heatmap of result {@code resultId}; blocks on I/O. */
    static HeatmapData read(ActivationStore store, String resultId) throws java.io.IOException {
        float[] values = store.readResultArray(resultId, LayerPositionAnalysis.VALUES_OUTPUT);
        return store.read(s -> {
            AnalysisResult result = s.getResults().stream().filter(r -> resultId.equals(r.getId())).findFirst()
                    .orElseThrow(() -> new IllegalArgumentException("the store has no result " + resultId));
            Map<String, String> parameters = new HashMap<>(result.getParameters().map());
            if (result.getProvenance() != null) {
                parameters.putAll(result.getProvenance().getParameters().map());
            }
            ResultArray array = result.getArrays().stream()
                    .filter(a -> LayerPositionAnalysis.VALUES_OUTPUT.equals(a.getName())).findFirst()
                    .orElseThrow(() -> new IllegalArgumentException("result " + resultId + " has no array '"
                            + LayerPositionAnalysis.VALUES_OUTPUT + "'"));
            int[] shape = array.getShape().stream().mapToInt(Integer::intValue).toArray();
            ResultTable table = result.getTables().stream()
                    .filter(t -> LayerPositionAnalysis.TOKENS_OUTPUT.equals(t.getName())).findFirst()
                    .orElseThrow(() -> new IllegalArgumentException("result " + resultId + " has no table '"
                            + LayerPositionAnalysis.TOKENS_OUTPUT + "'"));
            List<String> tokens = table.getColumns().stream().filter(c -> "token".equals(c.getName()))
                    .map(ResultColumn::getTexts).findFirst().map(List::copyOf)
                    .orElseThrow(() -> new IllegalArgumentException("result " + resultId + " has no token column"));
            return LayerPositionResults.heatmap(values, shape, tokens, parameters, "");
        });
    }

    /** The capture and prompt a result was computed for, e.g. {@code "demo-heldout \u2013 prompt 3"}. */
    static String describe(ActivationStore store, String resultId) {
        return store.read(s -> s.getResults().stream().filter(r -> resultId.equals(r.getId())).findFirst()
                .map(r -> (r.getInputCaptures().isEmpty() ? resultId : r.getInputCaptures().get(0).getId())
                        + " \u2013 prompt " + r.getParameters().get("prompt"))
                .orElse(resultId));
    }
}
