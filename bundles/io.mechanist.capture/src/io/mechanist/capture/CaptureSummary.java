package io.mechanist.capture;

import java.util.List;

/**
 * The outcome of a {@link Capturer} run.
 *
 * @param captureId the capture's id in the store
 * @param modelId the model entry used (new or reused)
 * @param datasetId the dataset entry used (new or reused)
 * @param sites the captured hook-site ids, in execution order
 * @param promptCount prompts of the dataset
 * @param resumedFrom prompts already committed before this run (0 for a new capture)
 * @param complete whether every prompt is committed and the capture is marked COMPLETE
 */
public record CaptureSummary(String captureId, String modelId, String datasetId, List<String> sites, int promptCount,
        int resumedFrom, boolean complete) {

    public CaptureSummary {
        sites = List.copyOf(sites);
    }
}
